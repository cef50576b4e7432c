"""The data-flow section: per data category, what leaves, to where, through which files.

A view of the report's ``data-egress`` findings, as the processors appendix is: report.json
carries it for its readers, but it is derived again from the findings on reading, never read
back, so a stored section cannot say one thing and the findings another.

Every data-egress finding is listed, whatever its status: a suppressed or triaged flow still
moves the data, and the record of processing must say so; ``open`` counts the live ones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from auditkit.core.model import Category
from auditkit.report.model import JsonValue, Report, ReportFinding

__all__ = [
    "CategoryFlows",
    "Destination",
    "EgressFlow",
    "FlowStepRef",
    "data_flows",
    "data_flows_to_list",
]

# The sink kinds of auditkit.flows.results, in the order the section lists them: data that
# leaves the organisation first, then data outside the gateway, then logs.
ENDPOINT, STORE, LOG = "endpoint", "store", "log"
_KIND_ORDER = {ENDPOINT: 0, STORE: 1, LOG: 2}
UNRESOLVED = "unresolved destination"


@dataclass(frozen=True, slots=True)
class FlowStepRef:
    """One step of a flow, source first: where the value is read, copied or sent."""

    path: str
    line: int
    note: str


@dataclass(frozen=True, slots=True)
class Destination:
    """Where a category's values go: an endpoint (host), a store or a log call."""

    kind: str  # "endpoint", "store" or "log" (another kind is shown as it is)
    target: str  # host or endpoint text, the store, or the log call
    jurisdiction: str | None  # endpoints only, when placed
    vendor: str | None  # endpoints only, when an SDK or the classifier names one
    findings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EgressFlow:
    """One data-egress finding told as a flow."""

    finding: str  # the finding id
    status: str
    live: bool
    severity: str
    kind: str
    target: str  # as in Destination.target
    sink: str  # the call that sends, writes or logs
    path: str  # the sink's file and line
    line: int
    steps: tuple[FlowStepRef, ...]


@dataclass(frozen=True, slots=True)
class CategoryFlows:
    category: str  # the policy's data category ("phone_number")
    destinations: tuple[Destination, ...]
    files: tuple[str, ...]  # every file a flow of the category passes through
    flows: tuple[EgressFlow, ...]
    open: int  # live findings among flows


def data_flows(report: Report) -> tuple[CategoryFlows, ...]:
    """The data-egress findings grouped by data category, categories by name."""
    by_category: dict[str, list[ReportFinding]] = defaultdict(list)
    for f in report.findings:
        if f.category is Category.DATA_EGRESS:
            by_category[_str(f.evidence_dict.get("data_category")) or "unknown"].append(f)
    return tuple(_category(name, by_category[name]) for name in sorted(by_category))


def _category(name: str, found: list[ReportFinding]) -> CategoryFlows:
    flows = tuple(_flow(f) for f in found)
    places: dict[tuple[str, str], list[ReportFinding]] = defaultdict(list)
    for f, flow in zip(found, flows, strict=True):
        places[(flow.kind, flow.target)].append(f)
    destinations = tuple(
        Destination(
            kind=kind,
            target=target,
            jurisdiction=_first(members, "jurisdiction") if kind == ENDPOINT else None,
            vendor=_first(members, "vendor") if kind == ENDPOINT else None,
            findings=tuple(f.id for f in members),
        )
        for (kind, target), members in sorted(
            places.items(), key=lambda p: (_KIND_ORDER.get(p[0][0], 3), p[0][0], p[0][1])
        )
    )
    files = {f.location.path for f in found} | {s.path for flow in flows for s in flow.steps}
    return CategoryFlows(
        category=name,
        destinations=destinations,
        files=tuple(sorted(files)),
        flows=flows,
        open=sum(1 for f in found if f.live),
    )


def _flow(f: ReportFinding) -> EgressFlow:
    ev = f.evidence_dict
    kind = _str(ev.get("sink_kind")) or _kind_of(f.rule_id)
    sink = _str(ev.get("sink")) or ""
    if kind == ENDPOINT:
        target = _str(ev.get("host")) or _str(ev.get("endpoint")) or UNRESOLVED
    elif kind == STORE:
        target = _str(ev.get("store")) or sink or "data store"
    else:
        target = sink or kind
    return EgressFlow(
        finding=f.id,
        status=f.status.value,
        live=f.live,
        severity=f.severity.value,
        kind=kind,
        target=target,
        sink=sink,
        path=f.location.path,
        line=f.location.start_line,
        steps=_steps(ev.get("flow"), f.location.path),
    )


def _steps(value: JsonValue, default_path: str) -> tuple[FlowStepRef, ...]:
    # The evidence comes from report.json, which anyone can edit: a malformed step is left
    # out rather than failing the whole report.
    if not isinstance(value, list):
        return ()
    out = []
    for step in value:
        if not isinstance(step, dict):
            continue
        line = step.get("line")
        if not isinstance(line, int) or isinstance(line, bool):
            continue
        note = step.get("note")
        out.append(
            FlowStepRef(
                path=_str(step.get("path")) or default_path,
                line=line,
                note=note if isinstance(note, str) else "",
            )
        )
    return tuple(out)


def _kind_of(rule_id: str) -> str:
    """The sink kind from the rule id (data-egress.endpoint, .log, .store), for evidence
    without ``sink_kind``."""
    tail = rule_id.rsplit(".", 1)[-1]
    return tail if tail in _KIND_ORDER else ENDPOINT


def _first(found: list[ReportFinding], key: str) -> str | None:
    return next((v for f in found if (v := _str(f.evidence_dict.get(key)))), None)


def _str(value: JsonValue) -> str | None:
    return value if isinstance(value, str) and value else None


def data_flows_to_list(items: tuple[CategoryFlows, ...]) -> list[dict[str, Any]]:
    return [
        {
            "category": c.category,
            "open": c.open,
            "destinations": [
                {
                    "kind": d.kind,
                    "target": d.target,
                    "jurisdiction": d.jurisdiction,
                    "vendor": d.vendor,
                    "findings": list(d.findings),
                }
                for d in c.destinations
            ],
            "files": list(c.files),
            "flows": [
                {
                    "finding": x.finding,
                    "status": x.status,
                    "severity": x.severity,
                    "kind": x.kind,
                    "target": x.target,
                    "sink": x.sink,
                    "path": x.path,
                    "line": x.line,
                    "steps": [{"path": s.path, "line": s.line, "note": s.note} for s in x.steps],
                }
                for x in c.flows
            ],
        }
        for c in items
    ]
