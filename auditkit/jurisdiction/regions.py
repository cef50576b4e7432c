"""Region literals -> candidate regions: codes ("eu-west-2"), SDK identifiers
(``Regions.US_EAST_1``, ``Region.EUROPE_WEST``, ``aws.us_east_1``), Azure display names
("Germany West Central"), availability zones ("us-west-2a", "europe-west1-b", "fr-par-1"),
AWS AZ ids ("use1-az1") and ARNs.

The result lists every provider the text can mean; which of them count (provider hints, how
distinctive the code is) is decided by the classifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditkit.jurisdiction.catalogue import Catalogue, Region, catalogue, squash


@dataclass(frozen=True)
class RegionRef:
    endpoint: str  # the text as recognised: the code, or the zone / identifier as written
    code: str  # the region code it stands for
    regions: tuple[Region, ...]  # catalogue entries, every provider
    unknown: tuple[str, ...] = ()  # providers whose code pattern matches a code not in the table
    form: str = "code"  # code | zone | identifier | display | arn
    fixed_provider: bool = False  # an ARN names its provider: hints do not apply


_SHAPE = re.compile(r"^[A-Za-z][A-Za-z0-9 _./:-]{0,62}$")
_IDENTIFIER = re.compile(r"^(?:[A-Za-z_$][\w$]*\.)*([A-Za-z_$][\w$]*)$")
_ARN = re.compile(r"^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws)?:\S+$")
_AZ_ID = re.compile(r"^([a-z]+\d+)-az\d+$")
_ZONE_STYLES = {
    "letter": re.compile(r"^(.*\d)[a-z]$"),  # us-west-2a, cn-north-4a
    "dash-letter": re.compile(r"^(.*)-[a-z]$"),  # europe-west1-b, cn-hangzhou-h
    "dash-digit": re.compile(r"^(.*)-\d+$"),  # fr-par-1, ap-guangzhou-3, eu-de-01
    "digits": re.compile(r"^([a-z]+)\d+$"),  # OVH OpenStack regions: gra11, sbg5
    "dash-az": re.compile(r"^(.*)-az\d$"),  # Azure physical zones: eastus2-az1
}


def resolve(text: str) -> RegionRef | None:
    """What a region-like literal can mean; None when it is no region at all."""
    t = text.strip()
    if not _SHAPE.match(t):
        return None
    cat = catalogue()
    if t.startswith("arn:"):
        return _arn(cat, t)
    if " " in t:
        return _display(cat, t)
    low = t.lower()
    prefixed = _prefixed(cat, t, low)
    if prefixed is not None:
        return prefixed
    code = _code(cat, t, low)
    zone = _zone(cat, low)
    if code is not None and zone is not None:
        # "fr-par-1" is a Linode cluster and a Scaleway zone: keep both meanings.
        extra = tuple(
            r for r in zone.regions if r.provider not in {x.provider for x in code.regions}
        )
        return RegionRef(code.endpoint, code.code, code.regions + extra)
    if code is not None or zone is not None:
        return code or zone
    if "." in t or "_" in t or not (t.islower() or t.isupper()):
        return _identifier(cat, t)
    return _unknown(cat, low)


def _prefixed(cat: Catalogue, text: str, low: str) -> RegionRef | None:
    """A provider's prefixed form of its own region code ("oss-cn-hangzhou" is Alibaba's
    cn-hangzhou): the prefix names the provider, so hints do not apply."""
    for key, provider in cat.providers.items():
        for prefix in provider.region_prefixes:
            if not low.startswith(prefix):
                continue
            rest, low_rest = text[len(prefix) :], low[len(prefix) :]
            ref = _code(cat, rest, low_rest) or _unknown(cat, low_rest)
            if ref is None:
                return None
            regions = tuple(r for r in ref.regions if r.provider == key)
            unknown = () if regions else (key,)
            if not regions and key not in ref.unknown:
                return None
            return RegionRef(
                endpoint=low, code=ref.code, regions=regions, unknown=unknown, form="prefixed",
                fixed_provider=True,
            )  # fmt: skip
    return None


def _code(cat: Catalogue, text: str, low: str) -> RegionRef | None:
    regions = cat.by_code.get(low)
    if not regions:
        return None
    # Case does not matter for codes ("EU-WEST-1", GCS "EUROPE-WEST3", "EU"), but a
    # mixed-case word is an identifier or prose, not a code.
    if text != low and text != text.upper():
        return None
    return RegionRef(endpoint=low, code=low, regions=regions)


def _display(cat: Catalogue, text: str) -> RegionRef | None:
    regions = tuple(r for r in cat.by_squashed.get(squash(text), ()) if r.display)
    if not regions:
        return None
    return RegionRef(endpoint=text, code=regions[0].code, regions=regions, form="display")


def _identifier(cat: Catalogue, text: str) -> RegionRef | None:
    m = _IDENTIFIER.match(text)
    if not m:
        return None
    segment = m.group(1)
    qualified = segment != text
    # A dotted path only names a region when its last part looks like a constant or an enum
    # member (US_EAST_1, EUWest1, WestEurope): "os.path" and "self.client.get" do not.
    if qualified and not ("_" in segment or any(c.isdigit() or c.isupper() for c in segment)):
        return None
    found: list[Region] = []
    for key in _identifier_keys(segment):
        for region in cat.by_code.get(key) or cat.by_squashed.get(squash(key), ()):
            if region not in found:
                found.append(region)
    if not found:
        return None
    # Region.US_EAST2 is us-east-2 for AWS and eastus2 for Azure's Java SDK: keep both.
    return RegionRef(
        endpoint=found[0].code, code=found[0].code, regions=tuple(found), form="identifier"
    )


def _identifier_keys(segment: str) -> list[str]:
    keys = [segment.lower().replace("_", "-"), segment]
    words = [w for w in segment.split("_") if w]
    if len(words) >= 2:
        # Azure's Java SDK puts the geography first: EUROPE_WEST = westeurope,
        # US_EAST2 = eastus2. Rotate the first word to the end, keeping a trailing number.
        last = re.match(r"^(.*?)(\d*)$", words[-1])
        assert last is not None
        stem = [*words[1:-1], last.group(1)] if last.group(1) else words[1:-1]
        keys.append("".join([*stem, words[0], last.group(2)]))
    return keys


def _zone(cat: Catalogue, low: str) -> RegionRef | None:
    az = _AZ_ID.match(low)
    if az:
        regions = tuple(
            r for p, codes in cat.host_codes.items() if cat.providers[p].short_codes
            for alias, r in codes.items() if alias == az.group(1)
        )  # fmt: skip
        if regions:
            return RegionRef(endpoint=low, code=regions[0].code, regions=regions, form="zone")
    found: list[Region] = []
    for style, pattern in _ZONE_STYLES.items():
        m = pattern.match(low)
        if not m:
            continue
        found += [
            r for r in cat.by_code.get(m.group(1), ()) if style in cat.providers[r.provider].zones
        ]
    if not found:
        return None
    return RegionRef(endpoint=low, code=found[0].code, regions=tuple(found), form="zone")


def _unknown(cat: Catalogue, low: str) -> RegionRef | None:
    providers = tuple(
        key for key, p in cat.providers.items() if p.pattern is not None and p.pattern.match(low)
    )
    if not providers:
        return None
    return RegionRef(endpoint=low, code=low, regions=(), unknown=providers)


def _arn(cat: Catalogue, text: str) -> RegionRef | None:
    m = _ARN.match(text)
    # An ARN without a region (IAM, S3 buckets) names no place: not an endpoint.
    if not m or not m.group(3):
        return None
    code = m.group(3)
    regions = tuple(r for r in cat.by_code.get(code, ()) if r.provider == "aws")
    unknown = () if regions else ("aws",)
    return RegionRef(
        endpoint=code,
        code=code,
        regions=regions,
        unknown=unknown,
        form="arn",
        fixed_provider=True,
    )
