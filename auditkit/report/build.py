"""Build the report model from a scan: the one place that sees scan results and policy."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path

from auditkit import __version__
from auditkit.core.errors import UsageError
from auditkit.core.model import EngineIssue, ScanResult
from auditkit.core.policy import Policy
from auditkit.core.waivers import POLICY_FROM_TARGET
from auditkit.firstparty import first_party_domains
from auditkit.report import scope as scope_mod
from auditkit.report.findings import report_findings
from auditkit.report.model import (
    CoverageInfo,
    EngineInfo,
    EngineIssueInfo,
    Metadata,
    Methodology,
    PolicyInfo,
    Report,
    ReportFinding,
    Rule,
    RuleFailure,
    Scope,
    TriageInfo,
)
from auditkit.report.rules import RuleCatalog, load_catalog
from auditkit.report.summary import summarise
from auditkit.report.triage import TriageFile

TOOL_NAME = "auditkit"
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_SCAN_WIDE = "(scan)"
# The policy's extra sink rules live in a temporary folder during the scan (auditkit.scan).
_TEMP_RULES = re.compile(r"/\S*?auditkit-rules-[^/\s]+/")


def build_report(
    result: ScanResult,
    policy: Policy,
    target: Path,
    *,
    title: str | None = None,
    client: str | None = None,
    auditor: str | None = None,
    date: str | None = None,
    triage: TriageFile | None = None,
    catalog: RuleCatalog | None = None,
) -> Report:
    """The audit report of ``result``; ``catalog`` defaults to the rules auditkit ships."""
    catalog = catalog or load_catalog()
    rows, digest = scope_mod.manifest(result.coverage.files_scanned)
    languages = {f.path: f.language for f in result.coverage.files_scanned}
    findings, decisions = report_findings(
        result.findings, triage.decisions if triage else (), languages
    )
    coverage = _coverage(result, catalog, _path_scrubber(target))
    return Report(
        metadata=Metadata(
            title=title or _default_title(policy, result.target),
            client=client,
            auditor=auditor,
            date=resolve_date(date),
            tool=TOOL_NAME,
            tool_version=__version__,
        ),
        scope=Scope(
            target=result.target,
            git=scope_mod.git_state(target),
            manifest=rows,
            manifest_digest=digest,
            languages=scope_mod.languages(result.coverage.files_scanned),
        ),
        methodology=Methodology(
            engines=tuple(EngineInfo(e.name, e.version, e.files) for e in result.engines),
            rules=_rules(catalog, findings),
            ruleset_digest=catalog.ruleset_digest,
            ruleset_files=catalog.ruleset_files,
            policy=policy_info(policy),
            rule_prefilters=result.rule_prefilters,
        ),
        coverage=coverage,
        findings=findings,
        triage=TriageInfo(source=triage.source if triage else None, decisions=decisions),
        summary=summarise(findings, coverage),
        policy_source=policy.origin,
        policy_path=policy.source if policy.origin == POLICY_FROM_TARGET else None,
        waivers=result.waivers,
        first_party=first_party_domains(target, result.findings),
    )


def resolve_date(date: str | None) -> str:
    """``--date`` if given, else the UTC date of SOURCE_DATE_EPOCH, else today (UTC)."""
    if date is not None:
        if not _DATE.match(date):
            raise UsageError(f"--date: {date!r} is not a date (YYYY-MM-DD)")
        try:
            return dt.date.fromisoformat(date).isoformat()
        except ValueError:
            raise UsageError(f"--date: {date!r} is not a valid date") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH: {epoch!r} is not a Unix timestamp") from None
        return moment.date().isoformat()
    return dt.datetime.now(tz=dt.UTC).date().isoformat()


def _default_title(policy: Policy, target: str) -> str:
    if policy.source is not None and policy.name != Policy().name:
        return policy.name
    return f"Data-residency audit of {target}"


def policy_info(policy: Policy) -> PolicyInfo:
    return PolicyInfo(
        name=policy.name,
        source=policy.source,
        text=policy.text,
        digest=policy.digest,
        allowed=policy.jurisdiction.allowed,
        gateway=policy.gateway.name,
        gateway_paths=policy.gateway.paths,
    )


def _rules(catalog: RuleCatalog, findings: tuple[ReportFinding, ...]) -> tuple[Rule, ...]:
    """The catalogue, plus a stub for any rule id a finding names that it does not describe."""
    known = {r.id for r in catalog.rules}
    extra = {}
    for f in findings:
        if f.rule_id not in known and f.rule_id not in extra:
            extra[f.rule_id] = Rule(
                id=f.rule_id,
                title=f.rule_id,
                description="Not described by this auditkit installation's rule catalogue.",
                role="finding",
                engine=f.engine,
                category=f.category,
                severity=None,
                source="unknown",
                digest="",
                impact="",
                recommendation="",
            )
    return catalog.rules + tuple(extra[k] for k in sorted(extra))


def _path_scrubber(target: Path) -> Callable[[str], str]:
    """Engine messages may quote absolute paths: keep them relative to the target."""
    root = target.resolve()
    folder = root if root.is_dir() else root.parent
    prefixes = [(str(folder) + os.sep, ""), (str(folder), ".")]
    try:
        from auditkit.rulesets import rulesets_dir

        prefixes.insert(0, (str(rulesets_dir()) + os.sep, "rulesets/"))
    except (ImportError, FileNotFoundError):
        pass

    def scrub(text: str) -> str:
        text = _TEMP_RULES.sub("", text)
        for prefix, replacement in prefixes:
            text = text.replace(prefix, replacement)
        return text

    return scrub


def _coverage(
    result: ScanResult, catalog: RuleCatalog, scrub: Callable[[str], str]
) -> CoverageInfo:
    cov = result.coverage
    # Unlike the findings JSON, files an engine could only partly analyse are not folded into
    # files_skipped: the report lists them once, under engine_issues, with the engine's words.
    return CoverageInfo(
        files_scanned=len(cov.files_scanned),
        files_skipped=tuple(sorted(cov.files_skipped)),
        engine_issues=tuple(
            EngineIssueInfo(scrub(i.path), i.engine, scrub(i.message))
            for i in sorted(cov.engine_issues)
        ),
        languages_without_rules=scope_mod.language_gaps(cov.files_skipped),
        rules_failed=_rules_failed(cov.engine_issues, catalog, scrub),
        gitignore=cov.gitignore,
    )


def _rules_failed(
    issues: tuple[EngineIssue, ...], catalog: RuleCatalog, scrub: Callable[[str], str]
) -> tuple[RuleFailure, ...]:
    """Engine errors that name one of the catalogue's rules, or that stopped a whole run."""
    ids = sorted({r.id for r in catalog.rules if r.role != "finding"}, key=len, reverse=True)
    out = set()
    for issue in issues:
        named = next((rid for rid in ids if rid in issue.message), None)
        if named is not None:
            out.add(RuleFailure(named, issue.engine, scrub(issue.message)))
        elif issue.path == _SCAN_WIDE:
            out.add(RuleFailure("*", issue.engine, scrub(issue.message)))
    return tuple(sorted(out, key=lambda r: (r.rule_id, r.engine, r.message)))
