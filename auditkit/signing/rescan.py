"""``verify --rescan``: scan the source again and check that the report's findings reproduce.

Fingerprints are line-shift-stable identities (auditkit.core.fingerprint), so the same tree, policy
and rules give the same set. Different engine or ruleset versions can legitimately change the
findings: they are named in the notes so that a mismatch can be read correctly.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from auditkit.signing.statement import ReportFormatError, get_path, is_missing


def report_findings(report: Any) -> list[dict[str, Any]]:
    """The findings in report.json: a list, or an object of lists (such as live / suppressed)."""
    found = get_path(report, "findings")
    if is_missing(found):
        raise ReportFormatError("report.json has no findings list to compare with")
    items: list[Any] = []
    if isinstance(found, list):
        items = found
    elif isinstance(found, dict):
        for value in found.values():
            if isinstance(value, list):
                items.extend(value)
    findings = [f for f in items if isinstance(f, dict) and isinstance(f.get("fingerprint"), str)]
    if len(findings) != len(items):
        raise ReportFormatError("report.json: some findings have no fingerprint")
    return findings


def _where(finding: dict[str, Any]) -> str:
    loc = finding.get("location") or {}
    path = loc.get("path", "?") if isinstance(loc, dict) else "?"
    line = loc.get("start_line", "?") if isinstance(loc, dict) else "?"
    return f"{finding.get('rule_id', '?')} at {path}:{line}"


def _installed_ruleset_digest() -> str | None:
    """The ruleset digest as the report layer records it, or None when it cannot be had."""
    try:
        from auditkit.report.rules import load_catalog

        digest: str = load_catalog().ruleset_digest
    except Exception:  # the note it feeds is a courtesy, never a verdict
        return None
    return digest


def rescan_problems(report: Any, target: Path) -> tuple[list[str], list[str], int | None]:
    """(failures, notes, number of findings found by the rescan)."""
    from auditkit.scan import run_scan
    from auditkit.signing.verify import policy_from_report

    try:
        audited = report_findings(report)
        policy = policy_from_report(report)
    except ReportFormatError as exc:
        return [f"rescan: not done: {exc}"], [], None
    result = run_scan(target, policy)
    notes: list[str] = []
    engines = {e.name: e.version for e in result.engines}
    recorded = get_path(report, "methodology.engines")
    for e in recorded if isinstance(recorded, list) else []:
        name = e.get("name") if isinstance(e, dict) else None
        if name in engines and engines[name] != e.get("version"):
            notes.append(
                f"rescan: {name} is {engines[name]} here, the audit used {e.get('version')}"
            )
    recorded_rules = get_path(report, "methodology.ruleset_digest")
    installed = _installed_ruleset_digest()
    if isinstance(recorded_rules, str) and installed and recorded_rules != installed:
        notes.append("rescan: the installed rulesets differ from the audit's (ruleset digest)")
    before = Counter(f["fingerprint"] for f in audited)
    after = Counter(f.fingerprint for f in result.findings)
    by_fp_before = {f["fingerprint"]: f for f in audited}
    by_fp_after = {f.fingerprint: f for f in result.findings}
    failures: list[str] = []
    for fp in sorted((before - after).keys()):
        failures.append(f"rescan: finding {fp} ({_where(by_fp_before[fp])}) did not reproduce")
    for fp in sorted((after - before).keys()):
        f = by_fp_after[fp]
        failures.append(
            f"rescan: finding {fp} ({f.rule_id} at {f.location.path}:{f.location.start_line}) "
            "is not in the report"
        )
    return failures, notes, len(result.findings)
