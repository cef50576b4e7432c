"""Where something is: a set of possible ISO 3166-1 countries, with a name an auditor can read.

A cloud region is one country; a multi-region (GCS "EU", IBM COS "eu") or a .eu domain is a set
of countries. Keeping the set, not a single code, lets the policy decide "all inside", "all
outside" or "cannot tell" without inventing a country.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from auditkit.jurisdiction import _data


@dataclass(frozen=True)
class Place:
    countries: frozenset[str] = frozenset()  # empty: unknown
    label: str = ""  # "Germany (DE)", "the EU", "Finland (FI) or Netherlands (NL)"

    @property
    def known(self) -> bool:
        return bool(self.countries)

    @property
    def country(self) -> str | None:
        """The ISO code when the place is exactly one country, else None."""
        if len(self.countries) == 1:
            return next(iter(self.countries))
        return None


UNKNOWN = Place()


@cache
def country_names() -> dict[str, str]:
    names: dict[str, str] = json.loads(_data.read_bytes("countries.json"))["countries"]
    return names


def is_country(code: str) -> bool:
    return code in country_names()


def country_name(code: str) -> str:
    return country_names().get(code, code)


def of_country(code: str) -> Place:
    return Place(frozenset({code}), f"{country_name(code)} ({code})")


def of_countries(codes: tuple[str, ...] | list[str], label: str | None = None) -> Place:
    if len(codes) == 1:
        return of_country(codes[0])
    unique = sorted(set(codes))
    text = label or " or ".join(f"{country_name(c)} ({c})" for c in unique)
    return Place(frozenset(unique), text)
