"""Which findings of two audits are the same finding: the baseline's identity, no lines.

The identity (rule, path, normalised snippet, subject) survives moved and re-indented code,
so moved code stays open instead of counting as fixed plus new. Identical copies share an
identity: they are paired in report order, and a surplus on either side is new or fixed, as a
second copy of a baselined finding is new (auditkit.triage.baseline).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from auditkit.core.fingerprint import identity
from auditkit.core.model import Finding
from auditkit.report.model import ReportFinding

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Matching:
    """Positions in the two sequences given to :func:`match_findings`."""

    still_open: tuple[tuple[int, int], ...]  # (previous index, current index)
    new: tuple[int, ...]  # current indices
    fixed: tuple[int, ...]  # previous indices


def match_findings(
    previous: Sequence[T], current: Sequence[T], *keys: Callable[[T], str]
) -> Matching:
    """Pair findings by the first key, then the leftovers by the next key, and so on."""
    pairs: list[tuple[int, int]] = []
    left_prev, left_cur = list(range(len(previous))), list(range(len(current)))
    for key in keys:
        waiting: dict[str, list[int]] = {}
        for i in left_prev:
            waiting.setdefault(key(previous[i]), []).append(i)
        unmatched = []
        for j in left_cur:
            queue = waiting.get(key(current[j]))
            if queue:
                pairs.append((queue.pop(0), j))
            else:
                unmatched.append(j)
        left_cur = unmatched
        left_prev = sorted(i for queue in waiting.values() for i in queue)
    return Matching(tuple(sorted(pairs, key=lambda p: p[1])), tuple(left_cur), tuple(left_prev))


def without_suppression_comment(snippet: str) -> str:
    """The snippet without an ``auditkit: ignore[...]`` comment: adding one on the finding's
    own line changes the snippet, yet the finding is the same, now suppressed."""
    return _SUPPRESSION_COMMENT.sub("", snippet)


def as_finding(f: ReportFinding) -> Finding:
    """A report finding as the scan's Finding, the type the identity is defined on."""
    return Finding(
        rule_id=f.rule_id,
        category=f.category,
        severity=f.severity,
        message=f.message,
        location=f.location,
        snippet=f.snippet,
        engine=f.engine,
        evidence=f.evidence,
        fingerprint=f.fingerprint,
        suppression=f.suppression,
    )


def report_identity(f: ReportFinding) -> str:
    return identity(as_finding(f))


def loose_identity(f: Finding) -> str:
    """The identity once a suppression comment is taken out of the snippet (second pass)."""
    return identity(replace(f, snippet=without_suppression_comment(f.snippet)))


def report_loose_identity(f: ReportFinding) -> str:
    return loose_identity(as_finding(f))


# Where a suppression comment starts (auditkit.triage.suppress reads the same markers).
_SUPPRESSION_COMMENT = re.compile(
    r"[ \t]*(?:#|//|--|/\*|<!--)[ \t]*auditkit:[ \t]*ignore\[[^\]\n]*\][^\n]*", re.M
)
