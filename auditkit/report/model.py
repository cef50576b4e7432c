"""The audit report model: frozen values, versioned by ``SCHEMA``.

A ``Report`` is everything a renderer may see. It is built once from a ``ScanResult``
(``auditkit.report.build``), stored as canonical JSON (``auditkit.report.serialize``) and
re-read from it, so that every rendered view is a pure function of ``report.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from auditkit.core.model import (
    Category,
    GitignoreEffect,
    Location,
    Severity,
    SkippedFile,
    Suppression,
)
from auditkit.core.waivers import Waivers
from auditkit.firstparty import FirstPartyDomain

SCHEMA = "auditkit/report/1"

# Evidence is open-ended engine data (the candidates of a region code are a list of
# objects): JSON values, kept as ordered pairs so that findings stay hashable.
JsonValue = str | int | bool | None | list["JsonValue"] | dict[str, "JsonValue"]
Counts = tuple[tuple[str, int], ...]

CATEGORY_ORDER = (
    Category.NON_EU_ENDPOINT,
    Category.OPERATOR_JURISDICTION,
    Category.GATEWAY_BYPASS,
    Category.UNVERIFIED_ENDPOINT,
    Category.SECURITY,
    Category.DATA_EGRESS,
    Category.GATEWAY_AUTHORIZATION,
)
SEVERITY_ORDER = (Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)
RISK_LABELS = {
    Severity.CRITICAL: "Critical",
    Severity.HIGH: "High",
    Severity.MEDIUM: "Medium",
    Severity.LOW: "Low",
    Severity.INFO: "Informational",
}


class Status(StrEnum):
    """Where a finding stands after suppressions, baseline and triage."""

    OPEN = "open"
    CONFIRMED = "confirmed"
    SUPPRESSED = "suppressed"
    BASELINED = "baselined"
    FALSE_POSITIVE = "false-positive"
    ACCEPTED_RISK = "accepted-risk"

    @property
    def live(self) -> bool:
        return self in (Status.OPEN, Status.CONFIRMED)


TRIAGE_STATUSES = (Status.CONFIRMED, Status.FALSE_POSITIVE, Status.ACCEPTED_RISK)


class Retest(StrEnum):
    """A finding against the previous audit (``audit --previous``), matched by its
    line-number-free identity (auditkit.core.fingerprint.identity), so moved code stays open."""

    NEW = "new"
    STILL_OPEN = "still-open"


class Verdict(StrEnum):
    NOT_COMPLIANT = "not-compliant"
    OBSERVATIONS = "compliant-with-observations"
    COMPLIANT = "compliant"


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    client: str | None
    auditor: str | None
    date: str  # YYYY-MM-DD (from --date or SOURCE_DATE_EPOCH when given)
    tool: str
    tool_version: str


@dataclass(frozen=True, slots=True)
class GitState:
    commit: str
    dirty: bool  # uncommitted or untracked changes below the target
    subdirectory: str  # the target's folder inside the repository, "" at its root


@dataclass(frozen=True, slots=True)
class ManifestFile:
    path: str
    sha256: str
    language: str
    lines: int
    size: int


@dataclass(frozen=True, slots=True)
class LanguageStat:
    language: str
    files: int
    lines: int


@dataclass(frozen=True, slots=True)
class Scope:
    target: str  # a name, never a machine path
    git: GitState | None
    manifest: tuple[ManifestFile, ...]
    manifest_digest: str
    languages: tuple[LanguageStat, ...]


@dataclass(frozen=True, slots=True)
class EngineInfo:
    name: str
    version: str
    files: int


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule the audit ran: a public finding rule, or a semgrep extractor behind one."""

    id: str
    title: str
    description: str
    role: str  # "finding", or the semgrep role of an extractor (endpoint-literal …)
    engine: str
    category: Category | None
    severity: Severity | None  # default severity; None when it depends on the match
    source: str  # "auditkit", "bandit 1.9.4", or the rule file under rulesets/
    digest: str  # sha256 of the rule's definition (the rule file for semgrep rules)
    impact: str
    recommendation: str


@dataclass(frozen=True, slots=True)
class RuleFile:
    path: str  # relative to rulesets/
    sha256: str


@dataclass(frozen=True, slots=True)
class PolicyInfo:
    name: str
    source: str | None  # None: built-in defaults
    text: str
    digest: str
    allowed: tuple[str, ...]
    gateway: str | None
    gateway_paths: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Methodology:
    engines: tuple[EngineInfo, ...]
    rules: tuple[Rule, ...]
    ruleset_digest: str
    ruleset_files: tuple[RuleFile, ...]
    policy: PolicyInfo
    # "committed", "derived" or "none": see ScanResult.rule_prefilters
    rule_prefilters: str = "none"


@dataclass(frozen=True, slots=True)
class EngineIssueInfo:
    path: str
    engine: str
    message: str


@dataclass(frozen=True, slots=True)
class LanguageGap:
    """Files present in the tree that auditkit has no rules for."""

    language: str
    files: int


@dataclass(frozen=True, slots=True)
class RuleFailure:
    rule_id: str
    engine: str
    message: str


@dataclass(frozen=True, slots=True)
class CoverageInfo:
    files_scanned: int
    files_skipped: tuple[SkippedFile, ...]
    engine_issues: tuple[EngineIssueInfo, ...]
    languages_without_rules: tuple[LanguageGap, ...]
    rules_failed: tuple[RuleFailure, ...]
    # What .gitignore files removed; None in reports written before it was recorded.
    gitignore: GitignoreEffect | None = None

    @property
    def complete(self) -> bool:
        return not (self.engine_issues or self.rules_failed)


@dataclass(frozen=True, slots=True)
class Decision:
    """A reviewer's triage decision on one finding (from the triage file)."""

    fingerprint: str
    status: Status  # confirmed | false-positive | accepted-risk
    note: str
    reviewer: str
    date: str
    rule_id: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class ReportFinding:
    id: str  # AK-001 … in report order
    fingerprint: str
    rule_id: str
    category: Category
    severity: Severity
    title: str
    message: str
    location: Location
    snippet: str
    language: str
    evidence: tuple[tuple[str, JsonValue], ...]
    engine: str
    suppression: Suppression | None
    service: str
    status: Status
    triage: Decision | None
    # None when the audit had no --previous report (and in reports written before retests).
    retest: Retest | None = None

    @property
    def risk(self) -> str:
        return RISK_LABELS[self.severity]

    @property
    def live(self) -> bool:
        return self.suppression is None

    @property
    def evidence_dict(self) -> dict[str, JsonValue]:
        return dict(self.evidence)


@dataclass(frozen=True, slots=True)
class TriagedDecision:
    decision: Decision
    finding: str | None  # the finding id it applies to; None when stale

    @property
    def stale(self) -> bool:
        return self.finding is None


@dataclass(frozen=True, slots=True)
class TriageInfo:
    source: str | None  # the triage file's name; None when no triage file was given
    decisions: tuple[TriagedDecision, ...]

    @property
    def stale(self) -> tuple[TriagedDecision, ...]:
        return tuple(d for d in self.decisions if d.stale)


@dataclass(frozen=True, slots=True)
class Summary:
    findings: int
    live: int
    suppressed: int
    by_category: Counts  # live findings, every category
    by_severity: Counts  # live findings, every severity
    by_jurisdiction: Counts  # live endpoint findings; "unknown" when not determined
    by_service: Counts  # live findings
    by_status: Counts  # all findings, every status
    verdict: Verdict
    verdict_text: str


@dataclass(frozen=True, slots=True)
class PreviousReport:
    """The report a retest was chained to: the digests bind this report to its exact bytes."""

    title: str
    date: str
    report_sha256: str  # of the previous report.json
    envelope_sha256: str  # of the previous report.json.dsse.json


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """Open findings by category of one earlier report of the chain."""

    title: str
    date: str
    report_sha256: str
    by_category: Counts


@dataclass(frozen=True, slots=True)
class History:
    """What changed since the previous audit; inside report.json, so inside what is signed."""

    previous: PreviousReport
    fixed: tuple[ReportFinding, ...]  # previous findings that are gone, at their last location
    suppressed_since: tuple[str, ...]  # ids of findings open then, suppressed or triaged now
    trend: tuple[TrendPoint, ...]  # every earlier report of the chain, oldest first


@dataclass(frozen=True, slots=True)
class Report:
    metadata: Metadata
    scope: Scope
    methodology: Methodology
    coverage: CoverageInfo
    findings: tuple[ReportFinding, ...]
    triage: TriageInfo
    summary: Summary
    # Who supplied the policy ("auditor" or "target"), the policy file's path in the target
    # when it is the target's, and what the policy waived. None in reports written before
    # they were recorded (auditkit.report.provenance).
    policy_source: str | None = None
    policy_path: str | None = None
    waivers: Waivers | None = None
    # Set by a retest (auditkit.history); None for a first audit and in older reports.
    history: History | None = None
    # The project's own domains proposed for allow_hosts (auditkit.firstparty), never applied;
    # None in reports written before they were proposed.
    first_party: tuple[FirstPartyDomain, ...] | None = None
    schema: str = SCHEMA

    @property
    def live_findings(self) -> tuple[ReportFinding, ...]:
        return tuple(f for f in self.findings if f.live)

    @property
    def suppressed_findings(self) -> tuple[ReportFinding, ...]:
        return tuple(f for f in self.findings if not f.live)

    def rule(self, rule_id: str) -> Rule | None:
        for r in self.methodology.rules:
            if r.id == rule_id:
                return r
        return None
