"""report.json → Report: strict reading of a stored report, every error naming its key path."""

from __future__ import annotations

from typing import Any

from auditkit.core.model import (
    GITIGNORE_MODES,
    Category,
    GitignoreEffect,
    Location,
    Severity,
    SkippedFile,
    Suppression,
)
from auditkit.firstparty import FirstPartyDomain
from auditkit.report._reader import Reader, ReportFormatError
from auditkit.report.model import (
    CATEGORY_ORDER,
    SCHEMA,
    SEVERITY_ORDER,
    Counts,
    CoverageInfo,
    Decision,
    EngineInfo,
    EngineIssueInfo,
    GitState,
    History,
    LanguageGap,
    LanguageStat,
    ManifestFile,
    Metadata,
    Methodology,
    PolicyInfo,
    PreviousReport,
    Report,
    ReportFinding,
    Retest,
    Rule,
    RuleFailure,
    RuleFile,
    Scope,
    Status,
    Summary,
    TrendPoint,
    TriagedDecision,
    TriageInfo,
    Verdict,
)
from auditkit.report.provenance import read_provenance


def report_from_dict(data: object) -> Report:
    """The report stored in ``data``; ReportFormatError names the first bad key path."""
    r = Reader()
    root = r.obj(data, "")
    schema = root.get("schema")
    if schema != SCHEMA:
        raise ReportFormatError(f"not an auditkit report (schema {schema!r}, expected {SCHEMA!r})")
    policy_source, policy_path, waivers = read_provenance(r, root)
    return Report(
        metadata=_metadata(r, r.field_obj(root, "metadata", "")),
        scope=_scope(r, r.field_obj(root, "scope", "")),
        methodology=_methodology(r, r.field_obj(root, "methodology", "")),
        coverage=_coverage(r, r.field_obj(root, "coverage", "")),
        findings=tuple(_read_finding(r, f, p) for f, p in r.items(root, "findings", "")),
        triage=_triage(r, r.field_obj(root, "triage", "")),
        summary=_read_summary(r, r.field_obj(root, "summary", "")),
        policy_source=policy_source,
        policy_path=policy_path,
        waivers=waivers,
        history=_history(r, root.get("history")),
        first_party=_first_party(r, root),
    )


def _first_party(r: Reader, root: dict[str, Any]) -> tuple[FirstPartyDomain, ...] | None:
    """The proposed first-party domains; None in reports written before they were proposed.
    (``processors``, ``unverified_hosts`` and ``data_flows`` are derived from the findings,
    never read.)"""
    if root.get("first_party") is None:
        return None
    out = []
    for x, p in r.items(root, "first_party", ""):
        d = r.obj(x, p)
        out.append(
            FirstPartyDomain(
                domain=r.text(d, "domain", p),
                patterns=r.str_list(d, "patterns", p),
                evidence=r.str_list(d, "evidence", p),
                hosts=r.str_list(d, "hosts", p),
                endpoints=r.integer(d, "endpoints", p),
                files=r.integer(d, "files", p),
            )
        )
    return tuple(out)


def _metadata(r: Reader, d: dict[str, Any]) -> Metadata:
    tool = r.field_obj(d, "tool", "metadata")
    return Metadata(
        title=r.text(d, "title", "metadata"),
        client=r.opt_str(d, "client", "metadata"),
        auditor=r.opt_str(d, "auditor", "metadata"),
        date=r.text(d, "date", "metadata"),
        tool=r.text(tool, "name", "metadata.tool"),
        tool_version=r.text(tool, "version", "metadata.tool"),
    )


def _scope(r: Reader, d: dict[str, Any]) -> Scope:
    git = d.get("git")
    git_state = None
    if git is not None:
        g = r.obj(git, "scope.git")
        git_state = GitState(
            commit=r.text(g, "commit", "scope.git"),
            dirty=r.flag(g, "dirty", "scope.git"),
            subdirectory=r.text(g, "subdirectory", "scope.git"),
        )
    return Scope(
        target=r.text(d, "target", "scope"),
        git=git_state,
        manifest=tuple(r.record(ManifestFile, x, p) for x, p in r.items(d, "manifest", "scope")),
        manifest_digest=r.text(d, "manifest_digest", "scope"),
        languages=tuple(r.record(LanguageStat, x, p) for x, p in r.items(d, "languages", "scope")),
    )


def _methodology(r: Reader, d: dict[str, Any]) -> Methodology:
    pol = r.field_obj(d, "policy", "methodology")
    where = "methodology.policy"
    return Methodology(
        engines=tuple(r.record(EngineInfo, x, p) for x, p in r.items(d, "engines", "methodology")),
        rules=tuple(_read_rule(r, x, p) for x, p in r.items(d, "rules", "methodology")),
        ruleset_digest=r.text(d, "ruleset_digest", "methodology"),
        ruleset_files=tuple(
            r.record(RuleFile, x, p) for x, p in r.items(d, "ruleset_files", "methodology")
        ),
        # Absent from reports written before it was recorded.
        rule_prefilters=(
            r.opt_str(d, "rule_prefilters", "methodology") or "none"
            if "rule_prefilters" in d
            else "not recorded"
        ),
        policy=PolicyInfo(
            name=r.text(pol, "name", where),
            source=r.opt_str(pol, "source", where),
            text=r.text(pol, "text", where),
            digest=r.text(pol, "digest", where),
            allowed=r.str_list(pol, "allowed", where),
            gateway=r.opt_str(pol, "gateway", where),
            gateway_paths=r.str_list(pol, "gateway_paths", where),
        ),
    )


def _read_rule(r: Reader, x: object, path: str) -> Rule:
    d = r.obj(x, path)
    category = r.opt_str(d, "category", path)
    severity = r.opt_str(d, "severity", path)
    fields = {k: r.text(d, k, path) for k in Rule.__slots__ if k not in ("category", "severity")}
    return Rule(
        **fields,
        category=None if category is None else r.enum(Category, category, f"{path}.category"),
        severity=None if severity is None else r.enum(Severity, severity, f"{path}.severity"),
    )


def _coverage(r: Reader, d: dict[str, Any]) -> CoverageInfo:
    w = "coverage"
    return CoverageInfo(
        files_scanned=r.integer(d, "files_scanned", w),
        files_skipped=tuple(r.record(SkippedFile, x, p) for x, p in r.items(d, "files_skipped", w)),
        engine_issues=tuple(
            r.record(EngineIssueInfo, x, p) for x, p in r.items(d, "engine_issues", w)
        ),
        languages_without_rules=tuple(
            r.record(LanguageGap, x, p) for x, p in r.items(d, "languages_without_rules", w)
        ),
        rules_failed=tuple(r.record(RuleFailure, x, p) for x, p in r.items(d, "rules_failed", w)),
        gitignore=_gitignore(r, d.get("gitignore")),
    )


def _gitignore(r: Reader, x: object) -> GitignoreEffect | None:
    """coverage.gitignore: absent in reports written before it was recorded."""
    if x is None:
        return None
    w = "coverage.gitignore"
    d = r.obj(x, w)
    mode = r.text(d, "mode", w)
    if mode not in GITIGNORE_MODES:
        raise ReportFormatError(f"{w}.mode: unknown mode {mode!r}")
    return GitignoreEffect(mode, r.integer(d, "files_excluded", w), r.integer(d, "tracked_kept", w))


def _read_decision(r: Reader, d: dict[str, Any], path: str) -> Decision:
    return Decision(
        fingerprint=r.text(d, "fingerprint", path),
        status=r.enum(Status, r.text(d, "status", path), f"{path}.status"),
        note=r.text(d, "note", path),
        reviewer=r.text(d, "reviewer", path),
        date=r.text(d, "date", path),
        rule_id=r.opt_str(d, "rule_id", path),
        path=r.opt_str(d, "path", path),
    )


def _read_finding(r: Reader, x: object, path: str) -> ReportFinding:
    d = r.obj(x, path)
    triage = d.get("triage")
    retest = r.opt_str(d, "retest", path) if "retest" in d else None  # absent before retests
    return ReportFinding(
        id=r.text(d, "id", path),
        fingerprint=r.text(d, "fingerprint", path),
        rule_id=r.text(d, "rule_id", path),
        category=r.enum(Category, r.text(d, "category", path), f"{path}.category"),
        severity=r.enum(Severity, r.text(d, "severity", path), f"{path}.severity"),
        title=r.text(d, "title", path),
        message=r.text(d, "message", path),
        location=r.record(Location, d.get("location"), f"{path}.location"),
        snippet=r.text(d, "snippet", path),
        language=r.text(d, "language", path),
        evidence=tuple(sorted(r.field_obj(d, "evidence", path).items(), key=lambda kv: kv[0])),
        engine=r.text(d, "engine", path),
        suppression=_suppression(r, d.get("suppression"), f"{path}.suppression"),
        service=r.text(d, "service", path),
        status=r.enum(Status, r.text(d, "status", path), f"{path}.status"),
        triage=None if triage is None else _read_decision(r, r.obj(triage, path), f"{path}.triage"),
        retest=None if retest is None else r.enum(Retest, retest, f"{path}.retest"),
    )


def _history(r: Reader, x: object) -> History | None:
    """history: absent (reports written before retests) or null for a first audit."""
    if x is None:
        return None
    w = "history"
    d = r.obj(x, w)
    trend = []
    for item, p in r.items(d, "trend", w):
        t = r.obj(item, p)
        counts = r.counts(t, "open_by_category", p)
        unknown = sorted(set(counts) - {c.value for c in CATEGORY_ORDER})
        if unknown:
            raise ReportFormatError(f"{p}.open_by_category: unknown key {unknown[0]!r}")
        trend.append(
            TrendPoint(
                title=r.text(t, "title", p),
                date=r.text(t, "date", p),
                report_sha256=r.text(t, "report_sha256", p),
                # In report order, as summary.by_category, so a re-read report is equal.
                by_category=tuple((c.value, counts.get(c.value, 0)) for c in CATEGORY_ORDER),
            )
        )
    return History(
        previous=r.record(PreviousReport, d.get("previous"), f"{w}.previous"),
        fixed=tuple(_read_finding(r, f, p) for f, p in r.items(d, "fixed", w)),
        suppressed_since=r.str_list(d, "suppressed_since", w),
        trend=tuple(trend),
    )


def _suppression(r: Reader, x: object, path: str) -> Suppression | None:
    if x is None:
        return None
    d = r.obj(x, path)
    extra = tuple((k, r.text(d, k, path)) for k in sorted(d) if k not in ("kind", "reason"))
    return Suppression(kind=r.text(d, "kind", path), reason=r.text(d, "reason", path), extra=extra)


def _triage(r: Reader, d: dict[str, Any]) -> TriageInfo:
    decisions = []
    for x, p in r.items(d, "decisions", "triage"):
        item = r.obj(x, p)
        decisions.append(TriagedDecision(_read_decision(r, item, p), r.opt_str(item, "finding", p)))
    return TriageInfo(source=r.opt_str(d, "source", "triage"), decisions=tuple(decisions))


def _read_summary(r: Reader, d: dict[str, Any]) -> Summary:
    totals = r.field_obj(d, "totals", "summary")
    verdict = r.field_obj(d, "verdict", "summary")
    return Summary(
        findings=r.integer(totals, "findings", "summary.totals"),
        live=r.integer(totals, "live", "summary.totals"),
        suppressed=r.integer(totals, "suppressed", "summary.totals"),
        by_category=_fixed(r, d, "by_category", [c.value for c in CATEGORY_ORDER]),
        by_severity=_fixed(r, d, "by_severity", [s.value for s in SEVERITY_ORDER]),
        by_jurisdiction=_ranked(r, d, "by_jurisdiction"),
        by_service=_ranked(r, d, "by_service"),
        by_status=_fixed(r, d, "by_status", [s.value for s in Status]),
        verdict=r.enum(
            Verdict, r.text(verdict, "status", "summary.verdict"), "summary.verdict.status"
        ),
        verdict_text=r.text(verdict, "text", "summary.verdict"),
    )


def _fixed(r: Reader, d: dict[str, Any], key: str, order: list[str]) -> Counts:
    counts = r.counts(d, key, "summary")
    unknown = sorted(set(counts) - set(order))
    if unknown:
        raise ReportFormatError(f"summary.{key}: unknown key {unknown[0]!r}")
    return tuple((k, counts.get(k, 0)) for k in order)


def _ranked(r: Reader, d: dict[str, Any], key: str) -> Counts:
    counts = r.counts(d, key, "summary")
    return tuple((k, counts[k]) for k in sorted(counts, key=lambda k: (-counts[k], k)))
