"""report.sarif: SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps).

Suppressed and baselined findings stay in the log, marked with ``suppressions`` and
``baselineState``. GitHub's upload limits (25,000 results per run, 10 MB gzipped) are kept by
dropping results from the end of the report order (suppressed first, then the least severe),
with a note in ``run.properties``: report.json always holds every finding.
"""

from __future__ import annotations

import gzip
import json
import re
from typing import Any
from urllib.parse import quote

from auditkit.core.model import Severity
from auditkit.core.waivers import callouts, summary_line
from auditkit.report.model import (
    SEVERITY_ORDER,
    ManifestFile,
    Report,
    ReportFinding,
    Retest,
    Rule,
)
from auditkit.report.provenance import provenance_of

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "auditkitFingerprint/v1"
MAX_RESULTS = 25_000
MAX_GZIP_BYTES = 10 * 1024 * 1024

_LEVEL = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}
# GitHub's security-severity scale: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low.
_SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
    Severity.INFO: "0.5",
}
_SUPPRESSION_KIND = {"inline": "inSource"}


def render_sarif(report: Report) -> bytes:
    findings = list(report.findings)
    keep = min(len(findings), MAX_RESULTS)
    while True:
        data = _dumps(sarif_log(report, findings[:keep], total=len(findings)))
        if keep == 0 or len(gzip.compress(data, mtime=0)) <= MAX_GZIP_BYTES:
            return data
        keep = keep * 9 // 10


def _dumps(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def sarif_log(report: Report, findings: list[ReportFinding], total: int) -> dict[str, Any]:
    rules = _rules(report)
    index = {r.id: i for i, r in enumerate(rules)}
    # A retest also lists the previous audit's findings that are gone, as "absent" results.
    fixed = list(report.history.fixed) if report.history is not None else []
    artifacts = sorted({f.location.path for f in (*findings, *fixed)})
    manifest = {m.path: m for m in report.scope.manifest}
    positions = {p: i for i, p in enumerate(artifacts)}
    # A baseline was applied when any finding is baselined: every other finding is then "new".
    baselined = any(
        f.suppression is not None and f.suppression.kind == "baseline" for f in findings
    )
    run: dict[str, Any] = {
        "tool": {"driver": _driver(report, rules)},
        "invocations": [_invocation(report)],
        "originalUriBaseIds": {
            SRCROOT: {
                "description": {
                    "text": f"The root of the audited source tree ({report.scope.target})."
                }
            }
        },
        "artifacts": [_artifact(p, manifest) for p in artifacts],
        "results": [
            _result(f, index[f.rule_id], positions[f.location.path], baselined) for f in findings
        ]
        + [_absent(f, index[f.rule_id], positions[f.location.path]) for f in fixed],
        "columnKind": "unicodeCodePoints",
        "properties": _run_properties(report, len(findings), total),
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _rules(report: Report) -> list[Rule]:
    """The finding rules: auditkit's own, and every other rule a finding names."""
    seen = {f.rule_id for f in report.findings}
    if report.history is not None:
        seen |= {f.rule_id for f in report.history.fixed}
    return [
        r
        for r in report.methodology.rules
        if r.id in seen or (r.role == "finding" and r.source == "auditkit")
    ]


def _driver(report: Report, rules: list[Rule]) -> dict[str, Any]:
    version = report.metadata.tool_version
    return {
        "name": report.metadata.tool,
        "version": version,
        "semanticVersion": version,
        "rules": [_rule(r, _severity_of(r, report)) for r in rules],
    }


def _severity_of(rule: Rule, report: Report) -> Severity:
    """A rule's default severity, or the highest severity it was reported at."""
    if rule.severity is not None:
        return rule.severity
    seen = [f.severity for f in report.findings if f.rule_id == rule.id]
    return min(seen, key=SEVERITY_ORDER.index) if seen else Severity.MEDIUM


def _rule(rule: Rule, severity: Severity) -> dict[str, Any]:
    tags = ["security", "data-residency"] if rule.engine != "bandit" else ["security"]
    if rule.category is not None and rule.category.value not in tags:
        tags.append(rule.category.value)
    impact = rule.impact or "See the description."
    recommendation = rule.recommendation or "Review the finding."
    return {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": _sentence(rule.title)},
        "fullDescription": {"text": _sentence(rule.description)},
        "help": {
            "text": f"Impact: {impact}\nRecommendation: {recommendation}",
            "markdown": f"**Impact.** {impact}\n\n**Recommendation.** {recommendation}",
        },
        "defaultConfiguration": {"level": _LEVEL[severity]},
        "properties": {
            "tags": tags,
            "security-severity": _SECURITY_SEVERITY[severity],
            "precision": "medium" if rule.id == "gateway.import" else "high",
            "auditkitDigest": rule.digest,
        },
    }


def _result(
    f: ReportFinding, rule_index: int, artifact_index: int, baselined: bool
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": rule_index,
        "level": _LEVEL[f.severity],
        "message": {"text": _sentence(f.message)},
        "locations": [{"physicalLocation": _physical_location(f, artifact_index)}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {
            "auditkitId": f.id,
            "title": f.title,
            "category": f.category.value,
            "risk": f.risk,
            "component": f.service,
            "status": f.status.value,
            "engine": f.engine,
            "evidence": dict(f.evidence),
        },
    }
    if f.suppression is not None:
        result["suppressions"] = [
            {
                "kind": _SUPPRESSION_KIND.get(f.suppression.kind, "external"),
                "status": "accepted",
                "justification": f.suppression.reason or f.suppression.kind,
            }
        ]
    if f.retest is not None:
        # SARIF 2.1.0 §3.27.24, against the previous audit: "new" or "unchanged".
        result["baselineState"] = "new" if f.retest is Retest.NEW else "unchanged"
        result["properties"]["retest"] = f.retest.value
    elif f.suppression is not None and f.suppression.kind == "baseline":
        result["baselineState"] = "unchanged"
    elif baselined:
        result["baselineState"] = "new"
    return result


def _absent(f: ReportFinding, rule_index: int, artifact_index: int) -> dict[str, Any]:
    """A finding of the previous audit that is gone: SARIF's "absent", at its last location."""
    result = _result(f, rule_index, artifact_index, baselined=False)
    result["baselineState"] = "absent"
    props = result["properties"]
    props["retest"] = "fixed"
    props["previousAuditkitId"] = props.pop("auditkitId")
    return result


def _physical_location(f: ReportFinding, artifact_index: int) -> dict[str, Any]:
    loc = f.location
    end_column = (
        loc.end_column
        if (loc.end_line, loc.end_column) > (loc.start_line, loc.start_column)
        else loc.start_column + 1
    )
    region: dict[str, Any] = {
        "startLine": loc.start_line,
        "startColumn": loc.start_column,
        "endLine": max(loc.end_line, loc.start_line),
        "endColumn": end_column,
    }
    lines = f.snippet.split("\n") if f.snippet else []
    if lines and loc.end_line == loc.start_line:
        text = lines[0][loc.start_column - 1 : end_column - 1]
        if text:
            region["snippet"] = {"text": text}
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": _uri(loc.path), "uriBaseId": SRCROOT, "index": artifact_index},
        "region": region,
    }
    if lines and loc.start_line + len(lines) - 1 >= region["endLine"]:
        physical["contextRegion"] = {
            "startLine": loc.start_line,
            "endLine": loc.start_line + len(lines) - 1,
            "snippet": {"text": f.snippet + "\n"},
        }
    return physical


def _artifact(path: str, manifest: dict[str, ManifestFile]) -> dict[str, Any]:
    artifact: dict[str, Any] = {"location": {"uri": _uri(path), "uriBaseId": SRCROOT}}
    entry = manifest.get(path)
    if entry is not None:
        artifact["length"] = entry.size
        artifact["hashes"] = {"sha-256": entry.sha256}
    return artifact


def _invocation(report: Report) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": True}
    notes = [
        {
            "level": "warning",
            "message": {"text": _sentence(f"{i.engine}: {i.message}")},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(i.path), "uriBaseId": SRCROOT}
                    }
                }
            ],
        }
        for i in report.coverage.engine_issues
        if i.path and not i.path.startswith("(")
    ]
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation


def _run_properties(report: Report, included: int, total: int) -> dict[str, Any]:
    props: dict[str, Any] = {
        "reportSchema": report.schema,
        "verdict": report.summary.verdict_text,
        "manifestDigest": report.scope.manifest_digest,
        "rulesetDigest": report.methodology.ruleset_digest,
        "policyDigest": report.methodology.policy.digest,
        # Who wrote the policy and what it waived: a SARIF viewer shows no executive summary.
        "policySource": report.policy_source,
        "policyProvenance": provenance_of(report),
    }
    if report.history is not None:
        prev = report.history.previous
        # The report this retest is chained to (results carry baselineState against it).
        props["previousAudit"] = {
            "title": prev.title,
            "date": prev.date,
            "reportSha256": prev.report_sha256,
            "envelopeSha256": prev.envelope_sha256,
        }
    if report.waivers is not None:
        props["waivers"] = summary_line(report.waivers)
        props["waiverWarnings"] = callouts(report.waivers)
    if included < total:
        props["truncated"] = True
        props["resultsTotal"] = total
        props["resultsIncluded"] = included
        props["truncationNote"] = (
            f"Only the first {included} of {total} findings (in report order: open findings by "
            "category and risk first) are included, to stay within GitHub code scanning's "
            "upload limits of 25,000 results and 10 MB gzipped per run. report.json holds "
            "every finding."
        )
    return props


def _uri(path: str) -> str:
    """A relative URI reference for a POSIX path: every unsafe character percent-encoded."""
    return quote(path, safe="/")


def _pascal(rule_id: str) -> str:
    return "".join(
        part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", rule_id) if part
    )


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else f"{text}."
