"""Expected findings of a sample, read from its ``auditkit-expect:`` markers."""

from __future__ import annotations

import re
from pathlib import Path

from auditkit.core.languages import detect_language

# Rule ids separated by commas; whatever follows them (" -->" closing an HTML comment) is not one.
_MARKER = re.compile(r"auditkit-expect:\s*(?P<rules>[\w.-]+(?:\s*,\s*[\w.-]+)*)")


def expected_findings(root: Path) -> set[tuple[str, str, int]]:
    """(rule_id, path, line) for every marker in the sample, plus its side file for findings in
    files that cannot carry a marker on their line (JSON; Dockerfile instructions)."""
    out: set[tuple[str, str, int]] = set()
    for path in sorted(root.rglob("*")):
        if not path.is_file() or detect_language(path.name) is None:
            continue
        rel = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            m = _MARKER.search(line)
            if m:
                for rule in m.group("rules").split(","):
                    if rule.strip():
                        out.add((rule.strip(), rel, number))
    side = root / "expected-json-findings.tsv"
    if side.exists():
        for line in side.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                rel, number, rule = line.split("\t")
                out.add((rule.strip(), rel.strip(), int(number)))
    return out
