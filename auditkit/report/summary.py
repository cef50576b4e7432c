"""Summary counts and the one-line verdict of an audit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from auditkit.core.model import Category, Severity
from auditkit.report.model import (
    CATEGORY_ORDER,
    SEVERITY_ORDER,
    Counts,
    CoverageInfo,
    ReportFinding,
    Status,
    Summary,
    Verdict,
)

UNKNOWN_JURISDICTION = "unknown"
_ENDPOINTS = (Category.NON_EU_ENDPOINT, Category.UNVERIFIED_ENDPOINT)


def summarise(findings: Sequence[ReportFinding], coverage: CoverageInfo) -> Summary:
    live = [f for f in findings if f.live]
    verdict, text = verdict_of(live, coverage)
    return Summary(
        findings=len(findings),
        live=len(live),
        suppressed=len(findings) - len(live),
        by_category=fixed_counts(
            (f.category.value for f in live), [c.value for c in CATEGORY_ORDER]
        ),
        by_severity=fixed_counts(
            (f.severity.value for f in live), [s.value for s in SEVERITY_ORDER]
        ),
        by_jurisdiction=ranked_counts(_jurisdiction(f) for f in live if f.category in _ENDPOINTS),
        by_service=ranked_counts(f.service for f in live),
        by_status=fixed_counts((f.status.value for f in findings), [s.value for s in Status]),
        verdict=verdict,
        verdict_text=text,
    )


def fixed_counts(values: Iterable[str], order: Sequence[str]) -> Counts:
    """Counts for every key of ``order`` (zeros included), in that order."""
    c = Counter(values)
    return tuple((k, c[k]) for k in order)


def ranked_counts(values: Iterable[str]) -> Counts:
    """Counts of the keys present, largest first, then by name."""
    c = Counter(values)
    return tuple((k, c[k]) for k in sorted(c, key=lambda k: (-c[k], k)))


def _jurisdiction(f: ReportFinding) -> str:
    value = f.evidence_dict.get("jurisdiction")
    return value if isinstance(value, str) and value else UNKNOWN_JURISDICTION


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def verdict_of(live: Sequence[ReportFinding], coverage: CoverageInfo) -> tuple[Verdict, str]:
    """Compliance against the policy, decided by open non-EU endpoints and gateway bypasses.

    Gateway findings below medium (an import without a call, or an inventory when no gateway
    is declared) are observations, not bypasses.
    """
    non_eu = sum(1 for f in live if f.category is Category.NON_EU_ENDPOINT)
    bypass = sum(
        1
        for f in live
        if f.category is Category.GATEWAY_BYPASS and f.severity.rank >= Severity.MEDIUM.rank
    )
    gaps = _coverage_note(coverage)
    if non_eu or bypass:
        parts = []
        if non_eu:
            parts.append(_plural(non_eu, "non-EU endpoint", "non-EU endpoints"))
        if bypass:
            parts.append(_plural(bypass, "gateway bypass", "gateway bypasses"))
        verb = "is" if non_eu + bypass == 1 else "are"
        return Verdict.NOT_COMPLIANT, f"Not compliant: {' and '.join(parts)} {verb} open.{gaps}"
    observations = _observations(live)
    if observations or gaps:
        detail = f"; {', '.join(observations)} to review" if observations else ""
        text = f"no open non-EU endpoint or gateway bypass{detail}.{gaps}"
        return Verdict.OBSERVATIONS, f"Compliant with observations: {text}"
    return Verdict.COMPLIANT, "Compliant: no open non-EU endpoint or gateway bypass."


def _observations(live: Sequence[ReportFinding]) -> list[str]:
    unverified = sum(1 for f in live if f.category is Category.UNVERIFIED_ENDPOINT)
    gateway = sum(1 for f in live if f.category is Category.GATEWAY_BYPASS)
    security = sum(1 for f in live if f.category is Category.SECURITY)
    out = []
    if unverified:
        out.append(_plural(unverified, "unverified endpoint", "unverified endpoints"))
    if gateway:
        out.append(_plural(gateway, "gateway observation", "gateway observations"))
    if security:
        out.append(_plural(security, "security finding", "security findings"))
    return out


def _coverage_note(coverage: CoverageInfo) -> str:
    if coverage.complete:
        return ""
    parts = []
    if coverage.engine_issues:
        n = len({i.path for i in coverage.engine_issues})
        parts.append(_plural(n, "file was", "files were") + " only partly analysed")
    if coverage.rules_failed:
        parts.append(_plural(len(coverage.rules_failed), "rule failed", "rules failed"))
    return f" Coverage is incomplete: {' and '.join(parts)}."
