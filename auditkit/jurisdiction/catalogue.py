"""The cloud catalogue: every provider's regions and region-bearing host names, from
``data/cloud-*.toml``, loaded once and indexed for the lookups the classifier needs.

Reading the TOML files costs a few tens of milliseconds, so it happens on first use only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any

from auditkit.jurisdiction import _data
from auditkit.jurisdiction.groups import eu_place
from auditkit.jurisdiction.places import UNKNOWN, Place, of_countries, of_country

# Candidates are listed in this order; the rest follow alphabetically.
MAJOR_PROVIDERS = (
    "aws", "azure", "gcp", "alibaba", "tencent", "huawei", "oracle", "ibm",
    "digitalocean", "hetzner", "ovh", "scaleway",
)  # fmt: skip


class Bare(Enum):
    """When a region code standing alone in a literal is read as this provider's region."""

    ALWAYS = "always"  # distinctive enough on its own ("eu-west-2", "westeurope")
    HINTED = "hinted"  # only in files that use the provider ("fsn1", "EU" for GCS)
    NEVER = "never"  # only inside the provider's host names ("eu" in s3.eu.cloud-object-storage)


@dataclass(frozen=True)
class Region:
    provider: str
    code: str
    city: str | None
    place: Place
    bare: Bare
    display: str | None = None  # Azure display name, "West Europe"
    note: str | None = None
    # Who runs this region when it is not the provider's own operator (AWS China's Beijing
    # region is run by Sinnet, Ningxia by NWCD, under licence); key into operators.toml.
    operator: str | None = None


@dataclass(frozen=True)
class HostRule:
    """Host names ending in ``suffix`` belong to ``provider``."""

    provider: str
    suffix: str
    search: int  # how many labels left of the suffix may carry the region, nearest first
    match: str  # "part" | "label" | "start" | "end": how the region sits in a label
    region: str | None  # fallback region when no label carries one (s3.amazonaws.com)
    exact: bool  # the fallback region applies to the suffix itself only, not to names below it
    place: Place  # fallback place for single-country domains (amazonaws.com.cn)
    note: str | None
    # Who runs the hosts below this suffix when it is not the provider's own operator (Azure
    # China is run by 21Vianet under licence, not by Microsoft); key into operators.toml.
    operator: str | None = None


@dataclass(frozen=True)
class Provider:
    key: str
    name: str
    zones: tuple[str, ...]  # zone name styles: letter, dash-letter, dash-digit, digits, dash-az
    pattern: re.Pattern[str] | None  # shape of codes not yet in the table
    short_codes: bool
    sources: tuple[str, ...]
    retrieved: str
    licence: str
    # "oss-": SDKs name an Alibaba region by its endpoint label (oss-cn-hangzhou)
    region_prefixes: tuple[str, ...] = ()
    operator: str | None = None  # key into operators.toml: who controls the provider


@dataclass(frozen=True)
class Catalogue:
    providers: Mapping[str, Provider]
    regions: Mapping[str, Mapping[str, Region]]  # provider -> code -> region
    host_codes: Mapping[str, Mapping[str, Region]]  # provider -> code or alias -> region
    by_code: Mapping[str, tuple[Region, ...]]  # code -> regions of every provider
    by_squashed: Mapping[str, tuple[Region, ...]]  # "westeurope", "euwest1" -> regions
    host_rules: Mapping[str, HostRule]
    max_suffix_labels: int

    def order(self, provider: str) -> tuple[int, str]:
        if provider in MAJOR_PROVIDERS:
            return (MAJOR_PROVIDERS.index(provider), provider)
        return (len(MAJOR_PROVIDERS), provider)


def squash(text: str) -> str:
    """Letters and digits only, lower case: "West Europe", "EU_WEST_1", "EUWest1" compare equal."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


_DIRECTIONS = {
    "north": "n", "south": "s", "east": "e", "west": "w", "central": "c",
    "northeast": "ne", "northwest": "nw", "southeast": "se", "southwest": "sw", "gov": "g",
}  # fmt: skip


def short_code(code: str) -> str | None:
    """AWS's short region form used in AZ ids and ElastiCache names: eu-west-1 -> euw1."""
    parts = code.split("-")
    if len(parts) < 3 or not parts[-1].isdigit():
        return None
    try:
        middle = "".join(_DIRECTIONS[p] for p in parts[1:-1])
    except KeyError:
        return None
    return f"{parts[0]}{middle}{parts[-1]}"


def _place(entry: Mapping[str, Any]) -> Place:
    if "group" in entry:
        if entry["group"] != "EU":
            raise ValueError(f"unknown group {entry['group']!r}")
        return eu_place()
    if "countries" in entry:
        return of_countries(list(entry["countries"]))
    if entry.get("country"):
        return of_country(entry["country"])
    return UNKNOWN


def _default_bare(code: str, provider_default: str) -> Bare:
    if provider_default != "auto":
        return Bare(provider_default)
    # Codes with a dash and a digit ("eu-west-2", "europe-west1") do not occur by accident.
    return Bare.ALWAYS if "-" in code and any(ch.isdigit() for ch in code) else Bare.HINTED


def _load_provider(
    data: Mapping[str, Any],
) -> tuple[Provider, list[Region], list[HostRule], dict[str, Region]]:
    meta = data["meta"]
    key = meta["provider"]
    pattern = meta.get("region_pattern")
    provider = Provider(
        key=key,
        name=meta["name"],
        zones=tuple(meta.get("zones", ())),
        pattern=re.compile(pattern) if pattern else None,
        short_codes=bool(meta.get("short_codes", False)),
        sources=tuple(meta["sources"]),
        retrieved=meta["retrieved"],
        licence=meta["licence"],
        region_prefixes=tuple(meta.get("region_prefixes", ())),
        operator=meta.get("operator"),
    )
    default = meta.get("bare", "auto")
    regions: list[Region] = []
    aliases: dict[str, Region] = {}
    for code, entry in data.get("regions", {}).items():
        bare = Bare(entry["bare"]) if "bare" in entry else _default_bare(code, default)
        region = Region(
            provider=key,
            code=code,
            city=entry.get("city") or None,
            place=_place(entry),
            bare=bare,
            display=entry.get("display"),
            note=entry.get("note"),
            operator=entry.get("operator"),
        )
        regions.append(region)
        for alias in entry.get("aliases", ()):
            aliases[alias] = region
        if provider.short_codes and (short := short_code(code)):
            aliases.setdefault(short, region)
    rules = [
        HostRule(
            provider=key,
            suffix=rule["suffix"],
            search=int(rule.get("search", 0)),
            match=rule.get("match", "part"),
            region=rule.get("region"),
            exact=bool(rule.get("exact", False)),
            place=_place(rule),
            note=rule.get("note"),
            operator=rule.get("operator"),
        )
        for rule in data.get("hosts", ())
    ]
    return provider, regions, rules, aliases


@cache
def catalogue() -> Catalogue:
    providers: dict[str, Provider] = {}
    regions: dict[str, dict[str, Region]] = {}
    host_codes: dict[str, dict[str, Region]] = {}
    by_code: defaultdict[str, list[Region]] = defaultdict(list)
    by_squashed: defaultdict[str, list[Region]] = defaultdict(list)
    host_rules: dict[str, HostRule] = {}
    for name in _data.names("cloud-", ".toml"):
        provider, region_list, rules, aliases = _load_provider(_data.read_toml(name))
        providers[provider.key] = provider
        regions[provider.key] = {r.code: r for r in region_list}
        host_codes[provider.key] = {**aliases, **regions[provider.key]}
        for region in region_list:
            by_code[region.code].append(region)
            keys = {squash(region.code), squash(region.display or "")} - {""}
            for key in keys:
                by_squashed[key].append(region)
        for rule in rules:
            if rule.suffix in host_rules:
                raise ValueError(f"{name}: host suffix {rule.suffix} is declared twice")
            host_rules[rule.suffix] = rule
    order = MAJOR_PROVIDERS + tuple(sorted(set(providers) - set(MAJOR_PROVIDERS)))

    def ranked(index: defaultdict[str, list[Region]]) -> dict[str, tuple[Region, ...]]:
        return {
            k: tuple(sorted(v, key=lambda r: order.index(r.provider))) for k, v in index.items()
        }

    return Catalogue(
        providers=providers,
        regions=regions,
        host_codes=host_codes,
        by_code=ranked(by_code),
        by_squashed=ranked(by_squashed),
        host_rules=host_rules,
        max_suffix_labels=max(rule.suffix.count(".") + 1 for rule in host_rules.values()),
    )
