"""The plain sentences that explain a verdict to an auditor."""

from __future__ import annotations

from auditkit.jurisdiction.catalogue import Region, catalogue
from auditkit.jurisdiction.places import Place, country_name, of_country
from auditkit.jurisdiction.verdict import Candidate


def where(region: Region) -> str:
    if not region.place.known:
        return region.note or "a location auditkit does not know"
    return location(region.city, region.place)


def candidate_where(c: Candidate) -> str:
    if c.jurisdiction is None:
        return c.city or "location unknown"
    return location(c.city, of_country(c.jurisdiction))


def location(city: str | None, place: Place) -> str:
    """London, United Kingdom (GB); just the country when the city names the country."""
    country = place.country
    if not city or (country is not None and country_name(country) in city):
        return place.label
    return f"{city}, {place.label}"


SEVERAL = {
    True: "all of them are in allowed jurisdictions.",
    False: "none of them is in an allowed jurisdiction.",
    None: "some may be outside the allowed jurisdictions, so it cannot be decided without "
    "knowing the provider.",
}


def judged(compliant: bool | None) -> str:
    return {
        True: "which the policy allows",
        False: "which the policy does not allow",
        None: "so it cannot be decided whether the policy allows it",
    }[compliant]


def for_region_code(
    code: str,
    chosen: tuple[Region, ...],
    unknown: tuple[str, ...],
    candidates: tuple[Candidate, ...],
    compliant: bool | None,
) -> str:
    names = catalogue().providers
    if len(chosen) == 1 and not unknown:
        region = chosen[0]
        what = f"{names[region.provider].name} region {region.code}"
        if region.place.known:
            return f"{what} is in {where(region)}, {judged(compliant)}."
        return f"{what}: {where(region)}, so its location is unknown."
    if unknown and not chosen:
        providers = " / ".join(names[p].name for p in unknown)
        return (
            f"{code} has the shape of a region code of {providers} but is not in auditkit's "
            "catalogue, so its location is unknown."
        )
    listed = "; ".join(
        f"{names[c.provider].name} {c.region}: {candidate_where(c)}" for c in candidates
    )
    return f"Region code {code} has several meanings ({listed}); {SEVERAL[compliant]}"


def for_host_region(provider_name: str, region: Region, compliant: bool | None) -> str:
    what = f"The host name carries {provider_name} region {region.code}"
    if region.place.known:
        return f"{what} ({where(region)}), {judged(compliant)}."
    return f"{what}: {where(region)}, so its location is unknown."
