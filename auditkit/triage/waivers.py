"""Counting what a policy waived in one scan (the values are in ``auditkit.core.waivers``).

Nothing here changes a finding: it measures the effect of the policy's exclusions, host
allow-list, gateway paths and of the suppressions and baseline, so that the report can show
them next to the verdict.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from auditkit.core.model import Finding, ScannedFile, SkippedFile
from auditkit.core.pathmatch import matches_any
from auditkit.core.policy import Policy
from auditkit.core.waivers import (
    ExcludedEntry,
    Exclusion,
    GatewayShare,
    HostWaiver,
    WaivedEndpoint,
    Waivers,
)
from auditkit.jurisdiction.catalogue import catalogue
from auditkit.jurisdiction.hostpatterns import HostPatterns

# workspace.py's reason for entries the policy's [audit] exclude removed, and the ignore file
# that auditkit reads on top of .gitignore (written by the audited team, so a waiver too).
_POLICY_EXCLUDE = "excluded by policy exclude"
_IGNORE_FILE_REASON = "excluded by "
_AUDITKIT_IGNORE = ".auditkitignore"
_PRUNED = frozenset({".git", ".hg", ".svn"})
# Labels that no cloud uses as a region or service name: a glob that matches names made of
# them under a provider's suffix matches every name under it.
_PROBES = ("auditkit-probe-zz", "auditkit-probe-zz.auditkit-probe-yy")


def collect_waivers(
    root: Path,
    policy: Policy,
    scanned: Sequence[ScannedFile],
    skipped: Sequence[SkippedFile],
    findings: Iterable[Finding],
    matched_hosts: Iterable[tuple[str, WaivedEndpoint]],
    baseline: str | None,
) -> Waivers:
    """The waivers of one scan of ``root``; ``matched_hosts`` pairs allow_hosts patterns with
    the endpoints they matched (from the normaliser)."""
    inline = baselined = 0
    for f in findings:
        if f.suppression is not None and f.suppression.kind == "inline":
            inline += 1
        elif f.suppression is not None and f.suppression.kind == "baseline":
            baselined += 1
    return Waivers(
        excluded=_exclusions(root, policy.exclude, skipped),
        allow_hosts=_host_waivers(policy.jurisdiction.allow_hosts, matched_hosts),
        gateway=_gateway_share(policy.gateway.paths, scanned),
        protected_hosts=policy.gateway.protected_hosts,
        suppressed_inline=inline,
        baselined=baselined,
        baseline=baseline,
    )


# ---------------------------------------------------------------------- exclusions


def _exclusions(
    root: Path, patterns: tuple[str, ...], skipped: Sequence[SkippedFile]
) -> tuple[Exclusion, ...]:
    by_pattern: dict[str, list[ExcludedEntry]] = {p: [] for p in patterns}
    by_ignore_file: dict[str, list[ExcludedEntry]] = {}
    for s in skipped:
        if s.reason == _POLICY_EXCLUDE:
            pattern = _deciding_pattern(s.path, patterns)
            if pattern is not None:
                by_pattern[pattern].append(ExcludedEntry(s.path, _file_count(root, s.path)))
        elif s.reason.startswith(_IGNORE_FILE_REASON):
            source = s.reason[len(_IGNORE_FILE_REASON) :]
            if source.rsplit("/", 1)[-1] == _AUDITKIT_IGNORE:
                entry = ExcludedEntry(s.path, _file_count(root, s.path))
                by_ignore_file.setdefault(source, []).append(entry)
    out = [Exclusion("policy", p, tuple(sorted(by_pattern[p]))) for p in patterns]
    out += [Exclusion(f, None, tuple(sorted(e))) for f, e in sorted(by_ignore_file.items())]
    return tuple(out)


def _deciding_pattern(path: str, patterns: tuple[str, ...]) -> str | None:
    """The pattern that excludes ``path``: as in gitignore, the last one that matches it."""
    for pattern in reversed(patterns):
        if pattern.startswith("!"):
            continue
        if matches_any(path, (pattern,)):
            return pattern
    return None


def _file_count(root: Path, rel: str) -> int:
    """Regular files at ``rel`` (a file, or a folder ending in "/"), symlinks not followed."""
    if not rel.endswith("/"):
        return 1
    count = 0
    for _folder, dirs, files in os.walk(root / rel, followlinks=False):
        dirs[:] = [d for d in dirs if d not in _PRUNED]
        count += sum(1 for name in files if os.path.isfile(os.path.join(_folder, name)))
    return count


# ---------------------------------------------------------------------- allow_hosts


def _host_waivers(
    patterns: tuple[str, ...], matched: Iterable[tuple[str, WaivedEndpoint]]
) -> tuple[HostWaiver, ...]:
    by_pattern: dict[str, set[WaivedEndpoint]] = {p: set() for p in patterns}
    for pattern, endpoint in matched:
        by_pattern.setdefault(pattern, set()).add(endpoint)
    return tuple(HostWaiver(p, tuple(sorted(by_pattern[p])), whole_clouds(p)) for p in by_pattern)


@lru_cache(maxsize=64)
def whole_clouds(pattern: str) -> tuple[str, ...]:
    """The cloud providers of the catalogue whose every host name ``pattern`` matches.

    A pattern covers a provider's domain when it matches made-up names under one of the
    provider's host suffixes: it then says nothing about the region (``*.amazonaws.com``),
    unlike ``*.eu-central-1.amazonaws.com``.
    """
    allow = HostPatterns.compile((pattern,))
    cat = catalogue()
    covered: dict[str, list[str]] = {}
    for suffix, rule in cat.host_rules.items():
        if all(allow.match(f"{probe}.{suffix}") is not None for probe in _PROBES):
            covered.setdefault(rule.provider, []).append(suffix)
    # The provider's shortest suffix names it well enough ("AWS (amazonaws.com)").
    return tuple(
        f"{cat.providers[p].name} ({min(covered[p], key=lambda s: (len(s), s))})"
        for p in sorted(covered, key=cat.order)
    )


# ---------------------------------------------------------------------- gateway


def _gateway_share(paths: tuple[str, ...], scanned: Sequence[ScannedFile]) -> GatewayShare:
    inside = [f for f in scanned if paths and matches_any(f.path, paths)]
    return GatewayShare(
        paths=paths,
        files=len(inside),
        lines=sum(f.lines for f in inside),
        total_files=len(scanned),
        total_lines=sum(f.lines for f in scanned),
    )
