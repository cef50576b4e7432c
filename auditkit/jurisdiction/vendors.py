"""The processor catalogue: SaaS vendors' host names -> vendor, data region, operator and the
vendor's EU endpoint, from ``data/vendor-*.toml`` (one file per family).

A host matches the longest rule suffix it ends with (``api-eu.mixpanel.com`` before
``mixpanel.com``), as for cloud hosts. A rule either names the place its data region is in, or
says (``note``) that the name does not tell: the vendor is then named and the location stays
unknown; nothing is guessed. Rules with ``clouds`` read the region from the labels left of the
suffix ("xy123.eu-central-1.snowflakecomputing.com", "pkc-1.europe-west3.gcp.confluent.cloud")
through the cloud catalogue, so a region code means what the cloud's own table says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from auditkit.jurisdiction import _data
from auditkit.jurisdiction.catalogue import Region, _place, catalogue, squash
from auditkit.jurisdiction.places import Place


@dataclass(frozen=True)
class Vendor:
    key: str
    name: str
    family: str  # "product-analytics", "error-tracking", ...
    family_title: str  # "product analytics and CDP"
    operator: str  # key into operators.toml
    source: str
    eu_alternative: str | None
    stores_data: bool  # the service keeps what it is sent (analytics, databases): severity


@dataclass(frozen=True)
class VendorHost:
    vendor: Vendor
    suffix: str
    exact: bool  # the rule applies to the suffix itself only, not to names below it
    place: Place  # empty: the name does not say where the data is
    note: str | None
    clouds: tuple[str, ...]  # clouds whose region codes the labels left of the suffix carry
    search: int


@dataclass(frozen=True)
class VendorMatch:
    rule: VendorHost
    region: Region | None  # the cloud region the host carries (clouds rules only)

    @property
    def vendor(self) -> Vendor:
        return self.rule.vendor

    @property
    def place(self) -> Place:
        return self.region.place if self.region is not None else self.rule.place


@dataclass(frozen=True)
class VendorCatalogue:
    vendors: Mapping[str, Vendor]
    hosts: Mapping[str, VendorHost]
    max_suffix_labels: int


def _load(name: str, data: Mapping[str, Any]) -> tuple[list[Vendor], list[VendorHost]]:
    meta = data["meta"]
    vendors: list[Vendor] = []
    rules: list[VendorHost] = []
    for entry in data.get("vendor", ()):
        vendor = Vendor(
            key=entry["key"],
            name=entry["name"],
            family=meta["family"],
            family_title=meta["title"],
            operator=entry["operator"],
            source=entry["source"],
            eu_alternative=entry.get("eu_alternative") or None,
            stores_data=bool(entry.get("stores_data", meta.get("stores_data", False))),
        )
        vendors.append(vendor)
        for host in entry["hosts"]:
            clouds = tuple(host.get("clouds", ()))
            rules.append(
                VendorHost(
                    vendor=vendor,
                    suffix=host["suffix"].lower(),
                    exact=bool(host.get("exact", False)),
                    place=_place(host),
                    note=host.get("note"),
                    clouds=clouds,
                    search=int(host.get("search", 2 if clouds else 0)),
                )
            )
    return vendors, rules


@cache
def vendor_catalogue() -> VendorCatalogue:
    vendors: dict[str, Vendor] = {}
    hosts: dict[str, VendorHost] = {}
    for name in _data.names("vendor-", ".toml"):
        found, rules = _load(name, _data.read_toml(name))
        for vendor in found:
            if vendor.key in vendors:
                raise ValueError(f"{name}: vendor {vendor.key} is declared twice")
            vendors[vendor.key] = vendor
        for rule in rules:
            if rule.suffix in hosts:
                raise ValueError(f"{name}: host suffix {rule.suffix} is declared twice")
            hosts[rule.suffix] = rule
    longest = max((rule.suffix.count(".") + 1 for rule in hosts.values()), default=1)
    return VendorCatalogue(vendors=vendors, hosts=hosts, max_suffix_labels=longest)


def match_vendor(host: str) -> VendorMatch | None:
    """The vendor rule with the longest suffix that ``host`` is or ends with, or None."""
    cat = vendor_catalogue()
    labels = host.lower().rstrip(".").split(".")
    first = max(0, len(labels) - cat.max_suffix_labels)
    for i in range(first, len(labels)):
        rule = cat.hosts.get(".".join(labels[i:]))
        if rule is None or (rule.exact and i > 0):
            continue
        region = _cloud_region(rule, labels[:i]) if rule.clouds else None
        return VendorMatch(rule, region)
    return None


_CLOUD_LABELS = {"aws": "aws", "gcp": "gcp", "azure": "azure"}


def _cloud_region(rule: VendorHost, left: list[str]) -> Region | None:
    """The cloud region carried by the labels next to the suffix: a label naming the cloud
    ("aws", "gcp", "azure") picks the cloud, else the rule's first cloud is assumed."""
    window = left[-rule.search :] if rule.search else []
    named = [_CLOUD_LABELS[label] for label in window if label in _CLOUD_LABELS]
    clouds = tuple(c for c in named if c in rule.clouds) or rule.clouds[:1]
    cat = catalogue()
    for label in reversed(window):
        if label in _CLOUD_LABELS:
            continue
        for cloud in clouds:
            region = _region_in(label, cloud, cat.host_codes.get(cloud, {}))
            if region is not None:
                return region
    return None


def _region_in(label: str, cloud: str, codes: Mapping[str, Region]) -> Region | None:
    """A region code of ``cloud`` that is the label or a dash-separated part of it
    ("aws-0-eu-central-1"); Azure's names also match written with dashes ("west-europe")."""
    parts = label.split("-")
    n = len(parts)
    spans = sorted(
        ((i, j) for i in range(n) for j in range(i + 1, n + 1)), key=lambda s: s[0] - s[1]
    )
    for i, j in spans:
        text = "-".join(parts[i:j])
        if text in codes:
            return codes[text]
    squashed = squash(label)
    for region in catalogue().by_squashed.get(squashed, ()):
        if region.provider == cloud:
            return region
    return None
