"""Who controls a provider or vendor: the ultimate parent and its legal home, from
``data/operators.toml``.

The place of a server says where data sits; the operator's legal home says whose authorities
can compel the operator to hand it over. Both are kept apart so that the policy can judge them
separately (``[jurisdiction] allowed`` and ``[jurisdiction] operators``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from auditkit.jurisdiction import _data


@dataclass(frozen=True)
class Operator:
    key: str
    name: str  # legal name of the ultimate parent
    country: str | None  # ISO 3166-1 alpha-2 of its legal home; None when not established
    note: str | None
    source: str

    @property
    def label(self) -> str:
        """ "Alibaba Group Holding Limited (CN)"; the name alone when the home is unknown."""
        return f"{self.name} ({self.country})" if self.country else self.name


@cache
def operators() -> Mapping[str, Operator]:
    data = _data.read_toml("operators.toml")
    return {
        key: Operator(
            key=key,
            name=entry["name"],
            country=entry.get("country") or None,
            note=entry.get("note"),
            source=entry["source"],
        )
        for key, entry in data["operators"].items()
    }


def operator(key: str | None) -> Operator | None:
    if key is None:
        return None
    return operators().get(key)
