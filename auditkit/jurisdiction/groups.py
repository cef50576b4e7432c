"""EU, EEA and adequacy groups, and the policy test "is this place allowed?".

Partial adequacy decisions are counted as documented in data/groups.toml: CA (commercial
organisations) and JP (private sector) count, US (Data Privacy Framework certification of the
recipient, invisible in code) does not. ADEQUACY means the third countries only; a policy that
wants "EU/EEA or adequate" lists ["EU", "EEA", "ADEQUACY"].
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from auditkit.jurisdiction import _data
from auditkit.jurisdiction.places import Place, of_countries


@dataclass(frozen=True)
class Groups:
    eu: frozenset[str]  # members and the territories with their own ISO code
    territories: dict[str, str]  # territory code -> member state (AX -> FI)
    eea: frozenset[str]  # EU + IS, LI, NO
    adequacy: frozenset[str]  # third countries whose decision counts
    adequacy_notes: dict[str, str]  # code -> "decision (EU) 2021/1772 of 2021-06-28 ..."


@cache
def groups() -> Groups:
    data = _data.read_toml("groups.toml")
    territories: dict[str, str] = dict(data["EU"]["territories"])
    eu = frozenset(data["EU"]["members"]) | frozenset(territories)
    eea = eu | frozenset(data["EEA"]["members"])
    counted: set[str] = set()
    notes: dict[str, str] = {}
    for code, entry in data["ADEQUACY"]["countries"].items():
        if entry["scope"] in ("full", "partial-counted"):
            counted.add(code)
        note = f"; {entry['note']}" if "note" in entry else ""
        notes[code] = f"adequacy decision {entry['decision']} of {entry['date']}{note}"
    return Groups(eu, territories, eea, frozenset(counted), notes)


def expand_allowed(allowed: tuple[str, ...]) -> frozenset[str]:
    """Policy ``allowed`` entries (groups EU, EEA, ADEQUACY and ISO codes) -> ISO codes."""
    g = groups()
    out: set[str] = set()
    for entry in allowed:
        key = entry.strip().upper()
        if key == "EU":
            out |= g.eu
        elif key == "EEA":
            out |= g.eea
        elif key == "ADEQUACY":
            out |= g.adequacy
        elif len(key) == 2 and key.isalpha():
            out.add(key)
            # Allowing a member state allows its parts that carry their own code (FI -> AX).
            out |= {t for t, parent in g.territories.items() if parent == key}
    return frozenset(out)


@cache
def eu_place() -> Place:
    members = sorted(groups().eu)
    return of_countries(members, "the EU (a member state, not one named country)")


def judge(place: Place, allowed: frozenset[str]) -> bool | None:
    """True if every possible country is allowed, False if none is, None if unknown or mixed."""
    if not place.known:
        return None
    if place.countries <= allowed:
        return True
    if place.countries.isdisjoint(allowed):
        return False
    return None
