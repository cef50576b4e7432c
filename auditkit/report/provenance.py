"""Who wrote the policy and what it waived: report.json's shape of them, and their sentences.

``policy_source``, ``policy_path`` and ``waivers`` sit at the top of report.json, inside what
is signed. Reports written before they were recorded lack them: they read back as None, and
every rendering then says that the provenance is not recorded, rather than guessing.
"""

from __future__ import annotations

from typing import Any

from auditkit.core.waivers import (
    POLICY_FROM_TARGET,
    POLICY_SOURCES,
    ExcludedEntry,
    Exclusion,
    GatewayShare,
    HostWaiver,
    WaivedEndpoint,
    Waivers,
    callouts,
    provenance_sentence,
    summary_line,
)
from auditkit.report._reader import Reader, ReportFormatError
from auditkit.report.model import Report

__all__ = [
    "policy_lines",
    "policy_lines_of_json",
    "provenance_of",
    "read_provenance",
    "summary_counts",
    "waivers_to_dict",
]


def provenance_of(report: Report) -> str:
    """One sentence: who supplied the policy of ``report``."""
    label = None
    if report.policy_source != POLICY_FROM_TARGET and report.methodology.policy.source:
        label = report.methodology.policy.source
    return provenance_sentence(report.policy_source, report.policy_path, label)


def policy_lines(report: Report) -> list[str]:
    """The provenance sentence, the waivers as numbers and the call-outs, in that order."""
    return _lines(provenance_of(report), report.waivers)


def policy_lines_of_json(data: object) -> list[str]:
    """The same lines from a stored report.json, reading only what they need (verify)."""
    r = Reader()
    root = r.obj(data, "")
    source, path, waivers = read_provenance(r, root)
    policy = (root.get("methodology") or {}).get("policy") or {}
    label = policy.get("source") if isinstance(policy, dict) else None
    if source == POLICY_FROM_TARGET or not isinstance(label, str):
        label = None
    return _lines(provenance_sentence(source, path, label), waivers)


def _lines(provenance: str, waivers: Waivers | None) -> list[str]:
    lines = [provenance]
    if waivers is not None:
        lines.append(summary_line(waivers))
        lines += [f"Warning: {c}" for c in callouts(waivers)]
    return lines


# ---------------------------------------------------------------------- report.json


def waivers_to_dict(w: Waivers) -> dict[str, Any]:
    g = w.gateway
    return {
        "excluded": [
            {
                "source": e.source,
                "pattern": e.pattern,
                "files": e.files,
                "entries": [{"path": x.path, "files": x.files} for x in e.entries],
            }
            for e in w.excluded
        ],
        "allow_hosts": [
            {
                "pattern": h.pattern,
                "clouds": list(h.clouds),
                "endpoints_waived": len(h.waived),
                "already_compliant": h.already_compliant,
                "endpoints": [_endpoint(m) for m in h.matches],
            }
            for h in w.allow_hosts
        ],
        "gateway": {
            "paths": list(g.paths),
            "files": g.files,
            "lines": g.lines,
            "total_files": g.total_files,
            "total_lines": g.total_lines,
            "share_percent": g.percent,
        },
        "protected_hosts": list(w.protected_hosts),
        "suppressed_inline": w.suppressed_inline,
        "baselined": w.baselined,
        "baseline": w.baseline,
    }


def summary_counts(report: Report) -> dict[str, Any]:
    """The summary's view of provenance and waivers: numbers and call-outs, no lists."""
    out: dict[str, Any] = {"policy_source": report.policy_source}
    w = report.waivers
    if w is not None:
        out["waivers"] = {
            "files_excluded": w.files_excluded,
            "endpoints_waived": w.endpoints_waived,
            "gateway_files": w.gateway.files,
            "gateway_share_percent": w.gateway.percent,
            "protected_hosts": len(w.protected_hosts),
            "suppressed_inline": w.suppressed_inline,
            "baselined": w.baselined,
            "callouts": callouts(w),
        }
    return out


def _endpoint(m: WaivedEndpoint) -> dict[str, Any]:
    return {name: getattr(m, name) for name in WaivedEndpoint.__dataclass_fields__}


def read_provenance(
    r: Reader, root: dict[str, Any]
) -> tuple[str | None, str | None, Waivers | None]:
    """(policy_source, policy_path, waivers) of a stored report; None where not recorded.

    Counts that report.json repeats for its readers (files per rule, the gateway's share,
    the summary's numbers) are derived again from the lists, never read.
    """
    source = r.opt_str(root, "policy_source", "") if "policy_source" in root else None
    if source is not None and source not in POLICY_SOURCES:
        raise ReportFormatError(f"policy_source: unknown value {source!r}")
    path = r.opt_str(root, "policy_path", "") if "policy_path" in root else None
    if root.get("waivers") is None:
        return source, path, None
    d = r.field_obj(root, "waivers", "")
    w = "waivers"
    excluded = []
    for x, p in r.items(d, "excluded", w):
        e = r.obj(x, p)
        entries = tuple(r.record(ExcludedEntry, y, q) for y, q in r.items(e, "entries", p))
        excluded.append(Exclusion(r.text(e, "source", p), r.opt_str(e, "pattern", p), entries))
    hosts = []
    for x, p in r.items(d, "allow_hosts", w):
        h = r.obj(x, p)
        matches = tuple(_read_endpoint(r, y, q) for y, q in r.items(h, "endpoints", p))
        hosts.append(HostWaiver(r.text(h, "pattern", p), matches, r.str_list(h, "clouds", p)))
    g = r.field_obj(d, "gateway", w)
    gw = f"{w}.gateway"
    return (
        source,
        path,
        Waivers(
            excluded=tuple(excluded),
            allow_hosts=tuple(hosts),
            gateway=GatewayShare(
                paths=r.str_list(g, "paths", gw),
                files=r.integer(g, "files", gw),
                lines=r.integer(g, "lines", gw),
                total_files=r.integer(g, "total_files", gw),
                total_lines=r.integer(g, "total_lines", gw),
            ),
            protected_hosts=r.str_list(d, "protected_hosts", w),
            suppressed_inline=r.integer(d, "suppressed_inline", w),
            baselined=r.integer(d, "baselined", w),
            baseline=r.opt_str(d, "baseline", w),
        ),
    )


def _read_endpoint(r: Reader, x: object, path: str) -> WaivedEndpoint:
    d = r.obj(x, path)
    return WaivedEndpoint(
        path=r.text(d, "path", path),
        line=r.integer(d, "line", path),
        column=r.integer(d, "column", path),
        endpoint=r.text(d, "endpoint", path),
        host=r.opt_str(d, "host", path),
        provider=r.opt_str(d, "provider", path),
        region=r.opt_str(d, "region", path),
        jurisdiction=r.opt_str(d, "jurisdiction", path),
        would_be=r.text(d, "would_be", path),
        severity=r.opt_str(d, "severity", path),
        reason=r.text(d, "reason", path),
    )
