"""Offline jurisdiction classifier: URL, host name, IP address or cloud region -> provider,
region, ISO country and a verdict under the policy's allowed jurisdictions.

Everything runs from data shipped in ``data/`` (cloud catalogue, country groups, TLD tables,
IP location tables); nothing touches the network.
"""

from __future__ import annotations

from auditkit.jurisdiction.classifier import Classifier
from auditkit.jurisdiction.find import find_endpoints
from auditkit.jurisdiction.groups import expand_allowed
from auditkit.jurisdiction.hints import provider_hints
from auditkit.jurisdiction.verdict import Candidate, Verdict

__all__ = [
    "Candidate",
    "Classifier",
    "Verdict",
    "expand_allowed",
    "find_endpoints",
    "provider_hints",
]
