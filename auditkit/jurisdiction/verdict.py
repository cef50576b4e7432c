"""The classifier's answer: frozen values, with the JSON shape of ``auditkit classify``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Candidate:
    """One thing a region code can mean: a provider's region and where it is."""

    provider: str
    region: str
    jurisdiction: str | None  # ISO 3166-1 alpha-2; None for multi-country or unknown regions
    city: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "provider": self.provider,
            "region": self.region,
            "jurisdiction": self.jurisdiction,
            "city": self.city,
        }


@dataclass(frozen=True)
class Verdict:
    input: str
    kind: str  # "url" | "host" | "ip" | "region"
    endpoint: str  # the endpoint text as recognised (URL, host[:port], IP, region code)
    host: str | None
    provider: str | None
    region: str | None
    jurisdiction: str | None  # ISO alpha-2, or None (unknown, several countries, or the EU as such)
    compliant: bool | None  # under the policy; None = cannot be determined
    basis: str | None  # "cloud-region" | "cctld" | "ip" | "policy" | "internal" | None
    internal: bool
    candidates: tuple[Candidate, ...]
    reason: str  # one plain sentence: why this verdict

    def to_json(self) -> dict[str, Any]:
        """The object ``auditkit classify --format json`` prints (classify.schema.json)."""
        return {
            "input": self.input,
            "kind": self.kind,
            "endpoint": self.endpoint,
            "host": self.host,
            "provider": self.provider,
            "region": self.region,
            "jurisdiction": self.jurisdiction,
            "compliant": self.compliant,
            "basis": self.basis,
            "internal": self.internal,
            "candidates": [c.to_json() for c in self.candidates],
            "reason": self.reason,
        }
