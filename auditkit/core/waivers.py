"""What a policy waived: frozen values, and the plain sentences every rendering shows of them.

A policy can make an audit look clean without changing a line of code: ``exclude`` removes
files, ``allow_hosts`` makes endpoints compliant, ``[gateway] paths`` exempts code from the
bypass rules, suppressions and a baseline mark findings. An independent audit must show these
as numbers next to its verdict, so the scan counts them (``auditkit.triage.waivers``), the
report records them inside what is signed, and every summary states them with the same words.

This module imports nothing from auditkit: the findings model (``auditkit.core.model``) holds a
``Waivers`` and sits below everything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The one source of the policy, as report.json records it.
POLICY_FROM_AUDITOR = "auditor"
POLICY_FROM_TARGET = "target"
POLICY_SOURCES = (POLICY_FROM_AUDITOR, POLICY_FROM_TARGET)
# A would-be verdict of an endpoint that allow_hosts matched but that was compliant anyway.
ALREADY_COMPLIANT = "compliant"
# Above this share of the code lines, the gateway paths exempt most of the code.
GATEWAY_MOST = 0.5


@dataclass(frozen=True, order=True)
class ExcludedEntry:
    path: str  # as coverage lists it: folders end in "/"
    files: int  # regular files below it (1 for a file)


@dataclass(frozen=True)
class Exclusion:
    """Files one exclusion rule removed from the audit."""

    source: str  # "policy" ([audit] exclude), or the ignore file's path (".auditkitignore")
    pattern: str | None  # the exclude pattern; None for an ignore file (its lines mix)
    entries: tuple[ExcludedEntry, ...] = ()

    @property
    def files(self) -> int:
        return sum(e.files for e in self.entries)


@dataclass(frozen=True, order=True)
class WaivedEndpoint:
    """An endpoint an allow_hosts pattern matched, with the verdict it had without it."""

    path: str
    line: int
    column: int
    endpoint: str
    host: str | None
    provider: str | None
    region: str | None
    jurisdiction: str | None
    would_be: str  # "non-eu-endpoint", "unverified-endpoint" or "compliant"
    severity: str | None  # of the finding it would have been; None when compliant anyway
    reason: str  # the classifier's reason without allow_hosts

    @property
    def waived(self) -> bool:
        """True when allow_hosts removed a finding (not an endpoint that was compliant anyway)."""
        return self.would_be != ALREADY_COMPLIANT


@dataclass(frozen=True)
class HostWaiver:
    pattern: str
    matches: tuple[WaivedEndpoint, ...] = ()
    # Cloud providers whose every host name the pattern matches, whatever the region.
    clouds: tuple[str, ...] = ()

    @property
    def waived(self) -> tuple[WaivedEndpoint, ...]:
        return tuple(m for m in self.matches if m.waived)

    @property
    def already_compliant(self) -> int:
        return sum(1 for m in self.matches if not m.waived)

    def count(self, would_be: str) -> int:
        return sum(1 for m in self.matches if m.would_be == would_be)


@dataclass(frozen=True)
class GatewayShare:
    paths: tuple[str, ...] = ()
    files: int = 0  # scanned files under the gateway paths
    lines: int = 0
    total_files: int = 0  # every scanned file
    total_lines: int = 0

    @property
    def share(self) -> float:
        """The gateway's share of the scanned code, by lines (files when no line was read)."""
        if self.total_lines:
            return self.lines / self.total_lines
        return self.files / self.total_files if self.total_files else 0.0

    @property
    def percent(self) -> int:
        return round(self.share * 100)

    @property
    def most(self) -> bool:
        return self.share > GATEWAY_MOST


@dataclass(frozen=True)
class Waivers:
    excluded: tuple[Exclusion, ...] = ()
    allow_hosts: tuple[HostWaiver, ...] = ()
    gateway: GatewayShare = field(default_factory=GatewayShare)
    protected_hosts: tuple[str, ...] = ()
    suppressed_inline: int = 0  # findings suppressed by a comment in the source
    baselined: int = 0  # findings marked by the baseline
    baseline: str | None = None  # the baseline file's name, when one was applied

    @property
    def files_excluded(self) -> int:
        return sum(e.files for e in self.excluded)

    @property
    def endpoints_waived(self) -> int:
        return sum(len(h.waived) for h in self.allow_hosts)


# ---------------------------------------------------------------------- sentences


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def provenance_sentence(source: str | None, path: str | None, label: str | None = None) -> str:
    """Who wrote the policy, in one sentence; ``label`` names an auditor's policy file."""
    if source == POLICY_FROM_TARGET:
        where = f" ({path})" if path else ""
        return (
            f"Warning: policy supplied by the audited tree{where}, not by the auditor: the "
            "audited party set this audit's scope and waivers."
        )
    if source == POLICY_FROM_AUDITOR:
        if label:
            return f"Policy supplied by the auditor ({label}), from outside the audited tree."
        return "Policy supplied by the auditor: auditkit's built-in defaults (no policy file)."
    return "The policy's provenance is not recorded in this report (written before it was)."


def summary_line(w: Waivers) -> str:
    """The waivers as numbers, one sentence."""
    non_eu = sum(h.count("non-eu-endpoint") for h in w.allow_hosts)
    unverified = sum(h.count("unverified-endpoint") for h in w.allow_hosts)
    g = w.gateway
    gateway = (
        f"gateway paths cover {_n(g.files, 'file', 'files')} ({g.percent}% of the code lines)"
        if g.paths
        else "no gateway paths"
    )
    parts = [
        f"{_n(w.files_excluded, 'file', 'files')} excluded by "
        f"{_n(len(w.excluded), 'rule', 'rules')}",
        f"{_n(w.endpoints_waived, 'endpoint', 'endpoints')} made compliant by allow_hosts "
        f"({non_eu} non-EU, {unverified} unverified)",
        gateway,
        _n(len(w.protected_hosts), "protected host", "protected hosts"),
        _n(w.suppressed_inline, "inline suppression", "inline suppressions"),
        _n(w.baselined, "baselined finding", "baselined findings"),
    ]
    return "Waivers: " + "; ".join(parts) + "."


def callouts(w: Waivers) -> list[str]:
    """Waivers wide enough to empty an audit: a whole cloud allowed, a gateway over most code."""
    out = []
    for h in w.allow_hosts:
        if h.clouds:
            out.append(
                f"allow_hosts pattern {h.pattern!r} waives every host name of "
                f"{', '.join(h.clouds)}, in every region."
            )
    g = w.gateway
    if g.paths and g.most:
        out.append(
            f"The gateway paths cover {g.percent}% of the code lines ({g.files} of "
            f"{g.total_files} files): direct data-store access there is never reported."
        )
    return out
