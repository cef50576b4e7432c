"""The findings model: frozen values that flow from engines to renderers.

Field names follow the findings JSON contract of DESIGN.md; ``to_json`` methods produce
exactly that shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any

from auditkit.core.waivers import Waivers


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls(text.lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {text!r} (expected one of {names})") from None


_SEVERITY_RANK = {
    Severity.CRITICAL: 4,
    Severity.HIGH: 3,
    Severity.MEDIUM: 2,
    Severity.LOW: 1,
    Severity.INFO: 0,
}


class Category(StrEnum):
    NON_EU_ENDPOINT = "non-eu-endpoint"
    UNVERIFIED_ENDPOINT = "unverified-endpoint"
    GATEWAY_BYPASS = "gateway-bypass"
    SECURITY = "security"
    OPERATOR_JURISDICTION = "operator-jurisdiction"
    DATA_EGRESS = "data-egress"
    GATEWAY_AUTHORIZATION = "gateway-authorization"


@dataclass(frozen=True, order=True)
class Location:
    path: str  # POSIX, relative to the scan target
    start_line: int  # 1-based
    start_column: int  # 1-based
    end_line: int
    end_column: int

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "start_line": self.start_line,
            "start_column": self.start_column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@dataclass(frozen=True)
class Suppression:
    kind: str  # "inline" | "baseline" | "triage"
    reason: str
    extra: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "reason": self.reason, **dict(self.extra)}


@dataclass(frozen=True)
class Finding:
    rule_id: str
    category: Category
    severity: Severity
    message: str
    location: Location
    snippet: str
    engine: str
    # Evidence is an ordered mapping kept as pairs so the dataclass stays hashable.
    evidence: tuple[tuple[str, Any], ...] = ()
    fingerprint: str = ""
    suppression: Suppression | None = None

    @property
    def evidence_dict(self) -> dict[str, Any]:
        return dict(self.evidence)

    def to_json(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "rule_id": self.rule_id,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "location": self.location.to_json(),
            "snippet": self.snippet,
            "evidence": _jsonable(self.evidence_dict),
            "engine": self.engine,
            "suppression": None if self.suppression is None else self.suppression.to_json(),
        }

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.path, loc.start_line, loc.start_column, self.rule_id, self.message)


@dataclass(frozen=True, order=True)
class SkippedFile:
    path: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


@dataclass(frozen=True)
class ScannedFile:
    path: str  # POSIX, relative to the target
    language: str
    sha256: str
    size: int
    lines: int


@dataclass(frozen=True, order=True)
class EngineIssue:
    """An engine could not fully analyse a file (syntax error, timeout …)."""

    path: str
    engine: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"path": self.path, "engine": self.engine, "message": self.message}


# How .gitignore files took part in choosing the files (GitignoreEffect.mode).
GITIGNORE_UNTRACKED = "untracked"  # a git work tree: they remove untracked files only, as in git
GITIGNORE_ALL = "all"  # no git metadata (a source drop): they remove every file they match
GITIGNORE_OFF = "off"  # [audit] respect_gitignore = false: they remove nothing
GITIGNORE_MODES = (GITIGNORE_UNTRACKED, GITIGNORE_ALL, GITIGNORE_OFF)


@dataclass(frozen=True)
class GitignoreEffect:
    """What .gitignore files removed from a scan: stated in coverage, because outside git a
    committed file that .gitignore matches cannot be told from a build output."""

    mode: str = GITIGNORE_ALL
    files_excluded: int = 0  # regular files not scanned because a .gitignore matches them
    tracked_kept: int = 0  # tracked files scanned although a .gitignore matches them

    def sentence(self) -> str:
        """One sentence for the coverage statement of every rendering."""
        files = f"{self.files_excluded} file{'' if self.files_excluded == 1 else 's'}"
        if self.mode == GITIGNORE_OFF:
            return ".gitignore files were not applied (respect_gitignore = false)"
        if self.mode == GITIGNORE_UNTRACKED:
            kept = self.tracked_kept
            also = (
                f"; {kept} tracked file{'' if kept == 1 else 's'} it matches were scanned"
                if kept
                else ""
            )
            return f".gitignore removed {files} that git does not track{also}"
        if not self.files_excluded:
            return "no git metadata; .gitignore removed no file"
        return (
            f".gitignore removed {files} (no git metadata, so committed files among them cannot "
            "be told apart; [audit] respect_gitignore = false scans them)"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "files_excluded": self.files_excluded,
            "tracked_kept": self.tracked_kept,
        }


# The reason given for a file that auditkit itself wrote (SkippedFile.reason starts with it).
AUDITKIT_OUTPUT = "auditkit output"


@dataclass(frozen=True)
class Coverage:
    files_scanned: tuple[ScannedFile, ...]
    files_skipped: tuple[SkippedFile, ...]
    engine_issues: tuple[EngineIssue, ...] = ()
    gitignore: GitignoreEffect = field(default_factory=GitignoreEffect)

    @property
    def auditkit_outputs(self) -> int:
        return sum(1 for s in self.files_skipped if s.reason.startswith(AUDITKIT_OUTPUT))

    def to_json(self) -> dict[str, Any]:
        # A file that an engine could not analyse is listed among the skipped ones too
        # ("partially scanned"), so that a reader of files_skipped alone misses nothing.
        partial = [
            {"path": i.path, "reason": f"partially scanned: {i.engine}: {i.message}"}
            for i in self.engine_issues
        ]
        return {
            "files_scanned": len(self.files_scanned),
            "files_skipped": [s.to_json() for s in self.files_skipped] + partial,
            "engine_issues": [i.to_json() for i in self.engine_issues],
            "gitignore": self.gitignore.to_json(),
            "auditkit_outputs": self.auditkit_outputs,
        }


@dataclass(frozen=True)
class SuppressionProblem:
    """An inline suppression that suppresses nothing: no reason, no target, or stale."""

    path: str
    line: int
    kind: str  # "no-reason" | "no-target" | "stale"
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "kind": self.kind, "message": self.message}


@dataclass(frozen=True)
class EngineRun:
    name: str
    version: str
    files: int


@dataclass(frozen=True)
class ScanResult:
    target: str
    findings: tuple[Finding, ...]
    coverage: Coverage
    engines: tuple[EngineRun, ...] = field(default=())
    suppression_problems: tuple[SuppressionProblem, ...] = field(default=())
    baseline: str | None = None  # the baseline file applied, if any
    # What the policy, the suppressions and the baseline waived (counted, never applied here).
    waivers: Waivers = field(default_factory=Waivers)
    # Where the table that chose semgrep's rule files for small batches came from:
    # "committed", "derived" (for the installed semgrep) or "none" (every rule file ran).
    rule_prefilters: str = "none"

    @property
    def live_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.suppression is None)


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    return value
