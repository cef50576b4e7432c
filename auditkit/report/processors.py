"""The processors appendix and the inventory of unverified hosts: views of a report's findings.

Both are pure functions of the findings, so report.json carries them for its readers but
they are derived again on reading, never read back (as the summary's counts are): a stored
report cannot say one thing in its findings and another in its appendix.

A processor is every third-party vendor or cloud that an endpoint finding names, whatever the
finding's status: a suppressed or triaged finding still reaches the processor, and the
inventory an auditor attaches for GDPR Art. 28 and 30 and Chapter V must list it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from auditkit.core.model import Category
from auditkit.report.model import JsonValue, Report, ReportFinding

__all__ = [
    "HostEntry",
    "Processor",
    "ProcessorPlace",
    "host_inventory",
    "host_inventory_to_list",
    "processors",
    "processors_to_list",
]

UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class ProcessorPlace:
    """One place a processor was reached at: a country (or "unknown") and the region or
    data-region note that says so, with the hosts there."""

    jurisdiction: str  # ISO 3166-1 alpha-2, "EU", or "unknown"
    region: str | None
    hosts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Processor:
    name: str  # the vendor or cloud as the classifier names it ("Mixpanel", "AWS")
    operator: str | None  # legal name of the ultimate parent
    operator_jurisdiction: str | None  # its legal home (ISO alpha-2)
    places: tuple[ProcessorPlace, ...]
    files: tuple[str, ...]  # files that reach it
    eu_alternative: str | None  # the vendor's EU endpoint, when one is named
    findings: tuple[str, ...]  # ids of the findings that name it
    open: int  # of which live (open or confirmed)
    # Data categories that data-egress findings send to it (by its name or one of its hosts),
    # whatever their status, as the processor itself is listed whatever its findings' status.
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HostEntry:
    """An unverified host: where it is used and who it is, if known."""

    host: str
    vendor: str | None
    operator: str | None
    places: int  # live unverified endpoint findings on this host
    files: tuple[str, ...]
    findings: tuple[str, ...]


_ENDPOINT_CATEGORIES = (
    Category.NON_EU_ENDPOINT,
    Category.OPERATOR_JURISDICTION,
    Category.UNVERIFIED_ENDPOINT,
)


def processors(report: Report) -> tuple[Processor, ...]:
    """Every vendor and cloud the report's endpoint findings name, by name."""
    named: dict[str, list[ReportFinding]] = defaultdict(list)
    for f in report.findings:
        if f.category in _ENDPOINT_CATEGORIES:
            name = _str(f.evidence_dict.get("vendor"))
            if name:
                named[name].append(f)
    received = _received(report)
    return tuple(_processor(name, named[name], received) for name in sorted(named, key=_order))


def _received(report: Report) -> dict[tuple[str, str], set[str]]:
    """("vendor" | "host", lower-cased name) -> the data categories that egress findings send
    there. An SDK call names its vendor; a URL names only its host, which the endpoint findings
    of the same processor name too."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for f in report.findings:
        if f.category is not Category.DATA_EGRESS:
            continue
        ev = f.evidence_dict
        category = _str(ev.get("data_category"))
        if category is None:
            continue
        for key in ("vendor", "host"):
            if value := _str(ev.get(key)):
                out[(key, value.casefold())].add(category)
    return out


def _processor(
    name: str, found: list[ReportFinding], received: dict[tuple[str, str], set[str]]
) -> Processor:
    places: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for f in found:
        ev = f.evidence_dict
        where = _str(ev.get("jurisdiction")) or UNKNOWN
        places[(where, _str(ev.get("region")))].add(_str(ev.get("host")) or f"{ev.get('endpoint')}")
    first = found[0].evidence_dict
    alternatives = sorted({a for f in found if (a := _str(f.evidence_dict.get("eu_alternative")))})
    categories = set(received.get(("vendor", name.casefold()), ()))
    for hosts in places.values():
        for host in hosts:
            categories |= received.get(("host", host.casefold()), set())
    return Processor(
        name=name,
        operator=_str(first.get("operator")),
        operator_jurisdiction=_str(first.get("operator_jurisdiction")),
        places=tuple(
            ProcessorPlace(where, region, tuple(sorted(hosts)))
            for (where, region), hosts in sorted(places.items(), key=lambda p: _place_order(p[0]))
        ),
        files=tuple(sorted({f.location.path for f in found})),
        eu_alternative="; ".join(alternatives) or None,
        findings=tuple(f.id for f in found),
        open=sum(1 for f in found if f.live),
        categories=tuple(sorted(categories)),
    )


def host_inventory(report: Report) -> tuple[HostEntry, ...]:
    """Live unverified endpoints grouped by host, the most used first."""
    by_host: dict[str, list[ReportFinding]] = defaultdict(list)
    for f in report.live_findings:
        if f.category is Category.UNVERIFIED_ENDPOINT:
            ev = f.evidence_dict
            host = _str(ev.get("host")) or _str(ev.get("endpoint")) or "?"
            by_host[host.lower()].append(f)
    entries = [
        HostEntry(
            host=host,
            vendor=next((v for f in found if (v := _str(f.evidence_dict.get("vendor")))), None),
            operator=next((v for f in found if (v := _str(f.evidence_dict.get("operator")))), None),
            places=len(found),
            files=tuple(sorted({f.location.path for f in found})),
            findings=tuple(f.id for f in found),
        )
        for host, found in by_host.items()
    ]
    return tuple(sorted(entries, key=lambda e: (-e.places, e.host)))


def processors_to_list(items: tuple[Processor, ...]) -> list[dict[str, Any]]:
    return [
        {
            "name": p.name,
            "operator": p.operator,
            "operator_jurisdiction": p.operator_jurisdiction,
            "places": [
                {"jurisdiction": x.jurisdiction, "region": x.region, "hosts": list(x.hosts)}
                for x in p.places
            ],
            "files": list(p.files),
            "eu_alternative": p.eu_alternative,
            "findings": list(p.findings),
            "open": p.open,
            "categories": list(p.categories),
        }
        for p in items
    ]


def host_inventory_to_list(items: tuple[HostEntry, ...]) -> list[dict[str, Any]]:
    return [
        {
            "host": e.host,
            "vendor": e.vendor,
            "operator": e.operator,
            "places": e.places,
            "files": list(e.files),
            "findings": list(e.findings),
        }
        for e in items
    ]


def _str(value: JsonValue) -> str | None:
    return value if isinstance(value, str) and value else None


def _order(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def _place_order(key: tuple[str, str | None]) -> tuple[bool, str, str]:
    where, region = key
    return (where == UNKNOWN, where, region or "")
