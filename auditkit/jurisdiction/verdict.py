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
    # Who serves it and who controls that (null where they do not apply): the SaaS vendor or
    # cloud provider by name, the legal name and home of its ultimate parent, and the vendor's
    # EU endpoint when this one is not in the EU.
    vendor: str | None = None
    operator: str | None = None
    operator_jurisdiction: str | None = None
    eu_alternative: str | None = None
    # Under the policy's [jurisdiction] operators: True / False, None when unset or unknown.
    operator_compliant: bool | None = None
    stores_data: bool = False  # the service keeps what it is sent (storage, database, analytics)

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
            "vendor": self.vendor,
            "operator": self.operator,
            "operator_jurisdiction": self.operator_jurisdiction,
            "eu_alternative": self.eu_alternative,
            "operator_compliant": self.operator_compliant,
        }
