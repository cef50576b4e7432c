"""Report → plain JSON values: the shape of ``report.json``, schema ``auditkit/report/1``.

``deserialize.report_from_dict(report_to_dict(r)) == r`` holds for every report, so that
``auditkit render`` re-renders a stored report.json into exactly what ``auditkit audit`` wrote.
"""

from __future__ import annotations

from typing import Any

from auditkit.firstparty import FirstPartyDomain
from auditkit.report.dataflows import data_flows, data_flows_to_list
from auditkit.report.model import (
    Decision,
    History,
    Report,
    ReportFinding,
    Rule,
    Summary,
)
from auditkit.report.processors import (
    host_inventory,
    host_inventory_to_list,
    processors,
    processors_to_list,
)
from auditkit.report.provenance import summary_counts, waivers_to_dict

__all__ = ["report_to_dict"]


def report_to_dict(report: Report) -> dict[str, Any]:
    m, s, meth, cov = report.metadata, report.scope, report.methodology, report.coverage
    return {
        "schema": report.schema,
        "metadata": {
            "title": m.title,
            "client": m.client,
            "auditor": m.auditor,
            "date": m.date,
            "tool": {"name": m.tool, "version": m.tool_version},
        },
        "scope": {
            "target": s.target,
            "git": None
            if s.git is None
            else {"commit": s.git.commit, "dirty": s.git.dirty, "subdirectory": s.git.subdirectory},
            "manifest": [_fields(f) for f in s.manifest],
            "manifest_digest": s.manifest_digest,
            "languages": [_fields(x) for x in s.languages],
        },
        "methodology": {
            "engines": [_fields(e) for e in meth.engines],
            "rules": [_rule(r) for r in meth.rules],
            "ruleset_digest": meth.ruleset_digest,
            "ruleset_files": [_fields(f) for f in meth.ruleset_files],
            "rule_prefilters": meth.rule_prefilters,
            "policy": {
                **_fields(meth.policy),
                "allowed": list(meth.policy.allowed),
                "gateway_paths": list(meth.policy.gateway_paths),
            },
        },
        "coverage": {
            "complete": cov.complete,
            "files_scanned": cov.files_scanned,
            "files_skipped": [s.to_json() for s in cov.files_skipped],
            "engine_issues": [_fields(i) for i in cov.engine_issues],
            "languages_without_rules": [_fields(g) for g in cov.languages_without_rules],
            "rules_failed": [_fields(r) for r in cov.rules_failed],
            **({} if cov.gitignore is None else {"gitignore": cov.gitignore.to_json()}),
        },
        "findings": [_finding(f) for f in report.findings],
        "triage": {
            "source": report.triage.source,
            "decisions": [
                {**_decision(t.decision), "finding": t.finding, "stale": t.stale}
                for t in report.triage.decisions
            ],
        },
        "summary": {**_summary(report.summary), **summary_counts(report)},
        "policy_source": report.policy_source,
        "policy_path": report.policy_path,
        "waivers": None if report.waivers is None else waivers_to_dict(report.waivers),
        "history": None if report.history is None else _history(report.history),
        # Derived from the findings for readers of report.json; derived again on reading.
        "processors": processors_to_list(processors(report)),
        "unverified_hosts": host_inventory_to_list(host_inventory(report)),
        "data_flows": data_flows_to_list(data_flows(report)),
        "first_party": None
        if report.first_party is None
        else [_first_party(d) for d in report.first_party],
    }


def _first_party(d: FirstPartyDomain) -> dict[str, Any]:
    return {
        "domain": d.domain,
        "patterns": list(d.patterns),
        "evidence": list(d.evidence),
        "hosts": list(d.hosts),
        "endpoints": d.endpoints,
        "files": d.files,
    }


def _fields(value: Any) -> dict[str, Any]:
    return {name: getattr(value, name) for name in value.__slots__}


def _rule(r: Rule) -> dict[str, Any]:
    d = _fields(r)
    d["category"] = r.category.value if r.category else None
    d["severity"] = r.severity.value if r.severity else None
    return d


def _decision(d: Decision) -> dict[str, Any]:
    return {**_fields(d), "status": d.status.value}


def _finding(f: ReportFinding) -> dict[str, Any]:
    return {
        "id": f.id,
        "fingerprint": f.fingerprint,
        "rule_id": f.rule_id,
        "category": f.category.value,
        "severity": f.severity.value,
        "risk": f.risk,
        "title": f.title,
        "message": f.message,
        "location": f.location.to_json(),
        "snippet": f.snippet,
        "language": f.language,
        "evidence": dict(f.evidence),
        "engine": f.engine,
        "suppression": None if f.suppression is None else f.suppression.to_json(),
        "service": f.service,
        "status": f.status.value,
        "triage": None if f.triage is None else _decision(f.triage),
        "retest": None if f.retest is None else f.retest.value,
    }


def _history(h: History) -> dict[str, Any]:
    return {
        "previous": _fields(h.previous),
        "fixed": [_finding(f) for f in h.fixed],
        "suppressed_since": list(h.suppressed_since),
        "trend": [
            {
                "title": t.title,
                "date": t.date,
                "report_sha256": t.report_sha256,
                "open_by_category": dict(t.by_category),
            }
            for t in h.trend
        ],
    }


def _summary(s: Summary) -> dict[str, Any]:
    return {
        "totals": {"findings": s.findings, "live": s.live, "suppressed": s.suppressed},
        "by_category": dict(s.by_category),
        "by_severity": dict(s.by_severity),
        "by_jurisdiction": dict(s.by_jurisdiction),
        "by_service": dict(s.by_service),
        "by_status": dict(s.by_status),
        "verdict": {"status": s.verdict.value, "text": s.verdict_text},
    }
