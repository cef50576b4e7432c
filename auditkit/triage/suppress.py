"""Inline suppressions: ``auditkit: ignore[RULE-OR-CATEGORY] reason`` in a comment.

The comment stands on the finding's line or alone on the line before, in the file's own
comment syntax (``#``, ``//``, ``--``, ``/* */``, ``<!-- -->``, ``!`` in .properties).
A suppression must give a reason: one without a reason suppresses nothing and is reported;
one that matches no finding is reported as stale. Suppressed findings stay in every output,
marked with their reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from auditkit.core.model import Finding, Suppression, SuppressionProblem

_MARKER = re.compile(
    r"(?:#|//|--|/\*|<!--|^\s*!)\s*auditkit:\s*ignore\[(?P<targets>[^\]]*)\](?P<reason>.*)$"
)
_TRAILER = re.compile(r"\s*(?:\*/|-->)\s*$")


@dataclass(frozen=True)
class InlineSuppression:
    path: str
    line: int  # 1-based line of the comment
    targets: tuple[str, ...]
    reason: str
    standalone: bool  # the comment is alone on its line (so it covers the next line)

    def covers(self, finding: Finding) -> bool:
        start = finding.location.start_line
        if not (start == self.line or (self.standalone and start == self.line + 1)):
            return False
        return any(_target_matches(t, finding) for t in self.targets)


def _target_matches(target: str, finding: Finding) -> bool:
    t = target.strip().lower()
    rule = finding.rule_id.lower()
    return t in (rule, finding.category.value, "*") or rule.startswith(t + ".")


def parse_suppressions(path: str, text: str) -> list[InlineSuppression]:
    if "auditkit:" not in text:
        return []
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "auditkit:" not in line:
            continue
        m = _MARKER.search(line)
        if m is None:
            continue
        targets = tuple(t.strip() for t in m.group("targets").split(",") if t.strip())
        reason = _TRAILER.sub("", m.group("reason")).strip(" \t:-—")
        standalone = line[: m.start()].strip() == ""
        out.append(InlineSuppression(path, number, targets, reason, standalone))
    return out


def apply_inline_suppressions(
    findings: list[Finding], root: Path, paths: Iterable[str]
) -> tuple[list[Finding], list[SuppressionProblem]]:
    """Mark findings covered by a justified inline suppression; report the rest."""
    by_path: dict[str, list[InlineSuppression]] = {}
    for rel in paths:
        try:
            text = (root / rel).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        found = parse_suppressions(rel, text)
        if found:
            by_path[rel] = found
    used: set[InlineSuppression] = set()
    out = []
    for f in findings:
        match = None
        for s in by_path.get(f.location.path, ()):
            if s.covers(f):
                used.add(s)
                if s.reason and s.targets:
                    match = s
                    break
        if match is not None and f.suppression is None:
            f = replace(
                f,
                suppression=Suppression(
                    "inline", match.reason, (("location", f"{match.path}:{match.line}"),)
                ),
            )
        out.append(f)
    problems = []
    for suppressions in by_path.values():
        for s in suppressions:
            if not s.targets:
                problems.append(
                    SuppressionProblem(
                        s.path,
                        s.line,
                        "no-target",
                        "suppression names no rule or category: it suppresses nothing",
                    )
                )
            elif not s.reason:
                problems.append(
                    SuppressionProblem(
                        s.path,
                        s.line,
                        "no-reason",
                        f"suppression of {', '.join(s.targets)} gives no reason: "
                        "it suppresses nothing",
                    )
                )
            elif s not in used:
                problems.append(
                    SuppressionProblem(
                        s.path,
                        s.line,
                        "stale",
                        f"suppression of {', '.join(s.targets)} matches no finding (stale)",
                    )
                )
    problems.sort(key=lambda p: (p.path, p.line))
    return out, problems
