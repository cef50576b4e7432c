"""What the HTML and Markdown templates see: the report plus labels, groups and definitions."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from auditkit.core.model import Category
from auditkit.core.waivers import ALREADY_COMPLIANT, POLICY_FROM_TARGET, callouts, summary_line
from auditkit.report.changes import RETEST_DEFINITIONS, RETEST_LABELS, changes_of
from auditkit.report.dataflows import data_flows
from auditkit.report.model import (
    CATEGORY_ORDER,
    RISK_LABELS,
    SEVERITY_ORDER,
    JsonValue,
    Report,
    ReportFinding,
    Rule,
    Status,
)
from auditkit.report.processors import host_inventory, processors
from auditkit.report.provenance import provenance_of

CATEGORY_TITLES = {
    Category.NON_EU_ENDPOINT.value: "Non-EU endpoints",
    Category.GATEWAY_BYPASS.value: "Gateway bypass",
    Category.UNVERIFIED_ENDPOINT.value: "Unverified endpoints",
    Category.SECURITY.value: "Security weaknesses",
    Category.OPERATOR_JURISDICTION.value: "Operator jurisdiction",
    Category.DATA_EGRESS.value: "Personal data egress",
    Category.GATEWAY_AUTHORIZATION.value: "Gateway authorization",
}
CATEGORY_LABELS = {
    Category.NON_EU_ENDPOINT.value: "Non-EU endpoint",
    Category.GATEWAY_BYPASS.value: "Gateway bypass",
    Category.UNVERIFIED_ENDPOINT.value: "Unverified endpoint",
    Category.SECURITY.value: "Security",
    Category.OPERATOR_JURISDICTION.value: "Operator jurisdiction",
    Category.DATA_EGRESS.value: "Data egress",
    Category.GATEWAY_AUTHORIZATION.value: "Gateway authorization",
}
CATEGORY_DEFINITIONS = {
    Category.NON_EU_ENDPOINT.value: "An endpoint whose jurisdiction is known and is not "
    "allowed by the policy.",
    Category.GATEWAY_BYPASS.value: "Direct data-store or protected-service access outside "
    "the gateway paths.",
    Category.UNVERIFIED_ENDPOINT.value: "An external endpoint whose jurisdiction cannot be "
    "determined offline (an inventory for review).",
    Category.SECURITY.value: "A general weakness in Python code, reported by bandit.",
    Category.OPERATOR_JURISDICTION.value: "An endpoint in an allowed place whose operator "
    "(ultimate parent) has its legal home outside the policy's [jurisdiction] operators.",
    Category.DATA_EGRESS.value: "A value of a policy data category (e.g. phone numbers) "
    "flows to a non-EU or unverified endpoint, a log, or a store outside the gateway.",
    Category.GATEWAY_AUTHORIZATION.value: "A gateway entry point reaches protected data "
    "without an authorization check before the access.",
}
SEVERITY_LABELS = {s.value: RISK_LABELS[s] for s in SEVERITY_ORDER}
RISK_DEFINITIONS = {
    "critical": "A systemic breach of the policy, or a readily exploitable weakness with broad "
    "impact. Fix immediately.",
    "high": "A direct breach of the policy: data can reach an endpoint outside the allowed "
    "jurisdictions (identified by cloud region, IP allocation or the policy), or a data store "
    "is reached around the gateway. Fix before the next release.",
    "medium": "A likely breach on weaker evidence (a country-code domain), or a weakness with "
    "a realistic path to exploitation. Plan a fix.",
    "low": "Limited impact on its own: a driver imported outside the gateway, data-store "
    "access when no gateway is declared, or a minor weakness. Review.",
    "info": "No breach found; an item to review, such as an endpoint whose jurisdiction "
    "cannot be determined.",
}
STATUS_LABELS = {
    "open": "Open",
    "confirmed": "Confirmed",
    "suppressed": "Suppressed",
    "baselined": "Baselined",
    "false-positive": "False positive",
    "accepted-risk": "Accepted risk",
}
STATUS_DEFINITIONS = {
    "open": "Reported by this audit and not yet triaged.",
    "confirmed": "A reviewer confirmed the finding; it stays open.",
    "suppressed": "Suppressed in the source with an inline comment that gives a reason.",
    "baselined": "Present in the accepted baseline: not new in this audit.",
    "false-positive": "A reviewer decided that the finding is not a real issue (see the note).",
    "accepted-risk": "A reviewer accepted the risk (see the note).",
}
SUPPRESSION_LABELS = {
    "inline": "Suppressed in the source",
    "baseline": "Baselined",
    "triage": "Triaged",
}
VERDICT_LABELS = {
    "not-compliant": "Not compliant",
    "compliant-with-observations": "Compliant with observations",
    "compliant": "Compliant",
}
# Files (and finding ids) shown per row of appendices F and G: a host used in hundreds of files
# would fill pages; report.json lists them all.
FILE_LIMIT = 12
# Where a data-egress flow ends (auditkit.flows.results sink kinds), as section 6 names it.
FLOW_KIND_LABELS = {
    "endpoint": "Endpoint",
    "store": "Data store outside the gateway",
    "log": "Log",
}
SIGNATURE_NOTE = "The signature, if any, is in report.json.dsse.json."
# What an endpoint that allow_hosts matched would have been without it.
WOULD_BE_LABELS = {
    Category.NON_EU_ENDPOINT.value: "Non-EU endpoint",
    Category.UNVERIFIED_ENDPOINT.value: "Unverified endpoint",
    ALREADY_COMPLIANT: "Compliant anyway",
}
# Evidence keys in reading order; others follow alphabetically.
_EVIDENCE_ORDER = (
    "endpoint", "host", "provider", "region", "jurisdiction", "vendor", "operator",
    "operator_jurisdiction", "eu_alternative", "basis", "reason", "candidates",
    "sink", "store", "module", "language", "why", "resolved_via", "view",
    "test_id", "test_name", "confidence", "cwe", "more_info", "extractor",
)  # fmt: skip
_EVIDENCE_LABELS = {
    "resolved_via": "Resolved via",
    "test_id": "Test",
    "test_name": "Test name",
    "more_info": "More info",
    "cwe": "CWE",
    "eu_alternative": "EU alternative",
}


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    title: str
    findings: tuple[ReportFinding, ...]


def evidence_rows(finding: ReportFinding) -> list[tuple[str, str]]:
    """The evidence of a finding as (label, text) rows, in reading order, nulls left out."""
    ev = finding.evidence_dict
    keys = [k for k in _EVIDENCE_ORDER if k in ev] + sorted(
        k for k in ev if k not in _EVIDENCE_ORDER
    )
    return [(_label(k), _text(ev[k])) for k in keys if ev[k] not in (None, "", [])]


def _label(key: str) -> str:
    return _EVIDENCE_LABELS.get(key) or key.replace("_", " ").capitalize()


def _text(value: JsonValue) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, dict):
        parts = [value.get("provider"), value.get("region"), value.get("jurisdiction")]
        if any(parts):
            return " ".join(str(p) for p in parts if p)
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(value)


def groups(findings: Sequence[ReportFinding]) -> list[Group]:
    out = []
    for category in CATEGORY_ORDER:
        members = tuple(f for f in findings if f.category is category)
        if members:
            out.append(Group(category.value, CATEGORY_TITLES[category.value], members))
    return out


def rule_groups(report: Report) -> list[tuple[str, list[Rule]]]:
    """The methodology's rules in three tables: auditkit's, semgrep extractors, bandit tests."""
    public, extractors, bandit = [], [], []
    for r in report.methodology.rules:
        if r.engine == "bandit":
            bandit.append(r)
        elif r.role == "finding":
            public.append(r)
        else:
            extractors.append(r)
    titled = [
        ("Finding rules", public),
        ("Semgrep extractor rules (what feeds the finding rules)", extractors),
        ("bandit tests", bandit),
    ]
    return [(title, rules) for title, rules in titled if rules]


def context(report: Report) -> dict[str, Any]:
    """Template variables shared by the HTML and Markdown reports."""
    rules: dict[str, Rule] = {r.id: r for r in report.methodology.rules}
    return {
        "report": report,
        "m": report.metadata,
        "summary": report.summary,
        "rules": rules,
        "rule_groups": rule_groups(report),
        "live_groups": groups(report.live_findings),
        "suppressed": report.suppressed_findings,
        "evidence_rows": evidence_rows,
        "category_titles": CATEGORY_TITLES,
        "category_labels": CATEGORY_LABELS,
        "category_definitions": CATEGORY_DEFINITIONS,
        "severity_labels": SEVERITY_LABELS,
        "risk_definitions": RISK_DEFINITIONS,
        "status_labels": STATUS_LABELS,
        "status_definitions": STATUS_DEFINITIONS,
        "suppression_labels": SUPPRESSION_LABELS,
        "verdict_label": VERDICT_LABELS[report.summary.verdict.value],
        "signature_note": SIGNATURE_NOTE,
        "statuses": [s.value for s in Status],
        "live_count": lambda key, value: sum(
            1 for f in report.live_findings if getattr(f, key).value == value
        ),
        "provenance": provenance_of(report),
        "policy_from_target": report.policy_source == POLICY_FROM_TARGET,
        "waivers": report.waivers,
        "waiver_summary": summary_line(report.waivers) if report.waivers else "",
        "waiver_callouts": callouts(report.waivers) if report.waivers else [],
        "would_be_labels": WOULD_BE_LABELS,
        # A retest (audit --previous): None for a first audit.
        "changes": changes_of(report),
        "retest_labels": RETEST_LABELS,
        "retest_definitions": RETEST_DEFINITIONS,
        # Appendices F and G: derived from the findings (auditkit.report.processors).
        "processors": processors(report),
        "unverified_hosts": host_inventory(report),
        "first_party": report.first_party or (),
        # Section 6: derived from the data-egress findings (auditkit.report.dataflows).
        "data_flows": data_flows(report),
        "flow_kind_labels": FLOW_KIND_LABELS,
        "file_limit": FILE_LIMIT,
    }


@dataclass(frozen=True, slots=True)
class SnippetLine:
    number: int
    before: str
    marked: str
    after: str


def snippet_lines(finding: ReportFinding) -> list[SnippetLine]:
    """The snippet line by line, numbered from the finding's start line, the match marked."""
    loc = finding.location
    out = []
    for i, line in enumerate(finding.snippet.split("\n")):
        n = loc.start_line + i
        if loc.start_line <= n <= loc.end_line:
            start = loc.start_column - 1 if n == loc.start_line else 0
            end = loc.end_column - 1 if n == loc.end_line else len(line)
            start, end = max(0, min(start, len(line))), max(0, min(end, len(line)))
            if end <= start:
                start, end = 0, 0
            out.append(SnippetLine(n, line[:start], line[start:end], line[end:]))
        else:
            out.append(SnippetLine(n, line, "", ""))
    return out


def severity_matrix(report: Report) -> list[tuple[str, list[int], int]]:
    """Live findings per category (rows) and severity (columns), with row totals."""
    rows = []
    for category in CATEGORY_ORDER:
        counts = [
            sum(1 for f in report.live_findings if f.category is category and f.severity is s)
            for s in SEVERITY_ORDER
        ]
        rows.append((category.value, counts, sum(counts)))
    return rows
