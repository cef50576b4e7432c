"""fleet.json: one row per target, estate-wide totals, and the places and processors seen.

Built from each target's report.json as written (never from the scan in memory), so a target
kept from an earlier run and a target audited now are summarised alike, and every number in
the fleet summary can be traced to a signed target report.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import rfc8785

from auditkit import __version__
from auditkit.fleet.manifest import FleetManifest
from auditkit.fleet.run import FAILED, TargetOutcome

SCHEMA = "auditkit/fleet/1"
# The report files linked from each row, in the order audit writes them.
REPORT_LINKS = (
    ("json", "report.json"),
    ("html", "report.html"),
    ("md", "report.md"),
    ("sarif", "report.sarif"),
)
_UNKNOWN = "unknown"


def fleet_to_dict(
    manifest: FleetManifest, outcomes: Sequence[TargetOutcome], date: str, signed: bool
) -> dict[str, Any]:
    reports = {o.name: json.loads(o.report_json) for o in outcomes if o.report_json is not None}
    rows = [_with_report(_row(o, signed), reports.get(o.name)) for o in outcomes]
    return {
        "schema": SCHEMA,
        "fleet": {
            "name": manifest.name,
            "manifest": manifest.path.name,
            "date": date,
            "tool": {"name": "auditkit", "version": __version__},
        },
        "targets": rows,
        "totals": _totals(rows),
        "jurisdictions": _jurisdictions(reports),
        "processors": _processors(reports),
    }


def fleet_json_bytes(fleet: dict[str, Any]) -> bytes:
    """RFC 8785 canonical JSON, like report.json."""
    return bytes(rfc8785.dumps(fleet))


def _row(outcome: TargetOutcome, signed: bool) -> dict[str, Any]:
    row: dict[str, Any] = {"name": outcome.name, "state": outcome.state, "error": outcome.error}
    if outcome.report_json is not None:
        row["report_sha256"] = hashlib.sha256(outcome.report_json).hexdigest()
        links: dict[str, str | None] = {k: f"{outcome.name}/{f}" for k, f in REPORT_LINKS}
        links["signature"] = f"{outcome.name}/report.json.dsse.json" if signed else None
        row["reports"] = links
    return row


def _with_report(row: dict[str, Any], report: dict[str, Any] | None) -> dict[str, Any]:
    if report is None:
        return {
            **row,
            "report_sha256": None,
            "reports": None,
            "verdict": None,
            "policy_source": None,
            "open_by_category": None,
            "open_by_severity": None,
            "coverage": None,
        }
    summary, coverage = report["summary"], report["coverage"]
    return {
        **row,
        "verdict": summary["verdict"],
        "policy_source": report.get("policy_source"),
        "open_by_category": summary["by_category"],
        "open_by_severity": summary["by_severity"],
        "coverage": {
            "complete": coverage["complete"],
            "files_scanned": coverage["files_scanned"],
            "files_skipped": len(coverage["files_skipped"]),
            "engine_issues": len(coverage["engine_issues"]),
        },
    }


def _totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    audited = [r for r in rows if r["state"] != FAILED]
    return {
        "targets": len(rows),
        "audited": len(audited),
        "failed": len(rows) - len(audited),
        "verdicts": dict(Counter(r["verdict"]["status"] for r in rows if r.get("verdict"))),
        "open_by_category": _sum(r["open_by_category"] for r in rows if r.get("open_by_category")),
        "open_by_severity": _sum(r["open_by_severity"] for r in rows if r.get("open_by_severity")),
        "files_scanned": sum(r["coverage"]["files_scanned"] for r in rows if r.get("coverage")),
        "incomplete_coverage": sum(
            1 for r in rows if r.get("coverage") and not r["coverage"]["complete"]
        ),
    }


def _sum(counts: Any) -> dict[str, int]:
    total: Counter[str] = Counter()
    for c in counts:
        total.update(c)
    return dict(total)


def _live(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Open findings, as the report counts them (suppressed, baselined and triaged away: not)."""
    return [f for f in report["findings"] if f.get("status") in ("open", "confirmed")]


def _jurisdictions(reports: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every jurisdiction outside the policy that an open finding names, with its targets:
    non-EU endpoints' places and operators' legal homes (operator-jurisdiction findings)."""
    findings: Counter[tuple[str, str]] = Counter()
    targets: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for name, report in reports.items():
        for f in _live(report):
            ev = f.get("evidence") or {}
            kind, code = "", None
            if f["category"] == "non-eu-endpoint":
                kind, code = "endpoint", ev.get("jurisdiction")
            elif f["category"] == "operator-jurisdiction":
                kind, code = "operator", ev.get("operator_jurisdiction")
            if not kind or not isinstance(code, str) or not code:
                continue
            place = (kind, code)
            findings[place] += 1
            targets[place].add(name)
    return [
        {"jurisdiction": code, "kind": kind, "findings": findings[(kind, code)],
         "targets": sorted(targets[(kind, code)])}
        for kind, code in sorted(findings, key=lambda k: (-findings[k], k[1], k[0]))
    ]  # fmt: skip


def _processors(reports: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Vendors and operators named by open findings' evidence (when the classifier knows them)."""
    findings: Counter[tuple[str, str, str]] = Counter()
    targets: defaultdict[tuple[str, str, str], set[str]] = defaultdict(set)
    for name, report in reports.items():
        for f in _live(report):
            ev = f.get("evidence") or {}
            vendor, operator = ev.get("vendor"), ev.get("operator")
            if not vendor and not operator:
                continue
            key = (
                str(vendor or ""),
                str(operator or ""),
                str(ev.get("operator_jurisdiction") or ""),
            )
            findings[key] += 1
            targets[key].add(name)
    return [
        {"vendor": v or None, "operator": o or None, "operator_jurisdiction": j or None,
         "findings": findings[(v, o, j)], "targets": sorted(targets[(v, o, j)])}
        for v, o, j in sorted(findings, key=lambda k: (-findings[k], k))
    ]  # fmt: skip
