"""Long-tail processors and Gcore that an independent held-out list found unnamed (2026-12-04).

Positive cases, one per documented variant, live in vendor_doc_endpoints.tsv (scored by
test_vendor_doc_endpoints.py); this file holds what that list cannot: hosts that only look like
the vendors' must not be named, the operators' legal homes, and the Gcore safety fix (a Korean
object-storage endpoint under the .lu ccTLD was reported as allowed in Luxembourg).
"""

from __future__ import annotations

import pytest

from auditkit.jurisdiction import Classifier
from auditkit.jurisdiction.operators import operators


# The Gcore table must win over the ccTLD: every endpoint ends in .lu whatever the location.
@pytest.mark.parametrize(
    ("text", "country", "compliant"),
    [
        ("https://s-nhn2.cloud.gcore.lu", "KR", False),  # Incheon: the bug, was LU / allowed
        ("https://s-darz.cloud.gcore.lu/bucket/obj", "DE", True),  # Darmstadt, was LU
        ("https://s-drc2.cloud.gcore.lu", "US", False),  # Chicago
        ("s-sgc1.cloud.gcore.lu", "SG", False),  # Singapore
        ("https://s-ed1.cloud.gcore.lu/bucket/obj", "LU", True),  # Luxembourg
    ],
)
def test_gcore_location_wins_over_the_cctld(
    default_classifier: Classifier, text: str, country: str, compliant: bool
) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is not None
    assert verdict.jurisdiction == country, verdict.reason
    assert verdict.compliant is compliant, verdict.reason
    assert verdict.basis == "cloud-region"
    assert verdict.operator_jurisdiction == "LU"


def test_unknown_gcore_location_is_unknown_not_luxembourg(default_classifier: Classifier) -> None:
    """A location the table does not list must stay unknown: falling back to the .lu ending
    would again call a bucket anywhere in the world allowed."""
    for text in ("https://s-xyz9.cloud.gcore.lu", "https://cloud.gcore.lu"):
        verdict = default_classifier.classify(text)
        assert verdict is not None
        assert verdict.jurisdiction is None and verdict.compliant is None, verdict.reason


# Look-alikes: another party's domain that only contains the vendor's name.
@pytest.mark.parametrize(
    "text",
    [
        "https://customer.io.example.com/api/v1/customers/1",
        "https://track-eu.customer.io.example.com",
        "https://ingest.eu.lightstep.com.example.org",
        "https://ingress.eu1.coralogix.com.attacker.net",
        "https://notcoralogix.com",
        "https://api.honeybadger.io.example.com",
        "https://xhoneybadger.io",
        "https://api.eu.iterable.com.example.net",
        "https://eu.api-ingenico.com.example.com",
        "https://my-api-ingenico.com",
        "https://rest.eu.zuora.com.example.com",
        "https://api.eu.assemblyai.com.example.com",
        "https://api.eu.vapi.ai.example.com",
        "https://myvapi.ai",
        "https://api.eu.exa.ai.example.com",
        "https://cloud.langfuse.com.example.com",
    ],
)
def test_lookalikes_are_not_vendors(default_classifier: Classifier, text: str) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is None or verdict.vendor is None, verdict.reason


def test_gcore_lookalike_is_not_gcore(default_classifier: Classifier) -> None:
    verdict = default_classifier.classify("https://s-nhn2.cloud.gcore.lu.example.com")
    assert verdict is None or verdict.vendor != "Gcore"


@pytest.mark.parametrize(
    ("key", "name", "home"),
    [
        ("servicenow", "ServiceNow, Inc.", "US"),
        ("coralogix", "Coralogix Ltd.", "IL"),
        ("honeybadger", "Honeybadger Industries LLC", "US"),
        ("peaberry", "Peaberry Software Inc. (Customer.io)", "US"),
        ("iterable", "Iterable, Inc.", "US"),
        ("worldline", "Worldline SA", "FR"),
        ("zuora", "Zuora, Inc.", "US"),
        ("assemblyai", "AssemblyAI, Inc.", "US"),
        ("superpowered-labs", "Superpowered Labs Inc. (Vapi)", "US"),
        ("clickhouse", "ClickHouse, Inc.", "US"),
        ("gcore", "G-Core Labs S.A. (Gcore)", "LU"),
        ("exa", "Exa (Exa Labs)", None),  # home not established: no operator check
    ],
)
def test_longtail_operators(key: str, name: str, home: str | None) -> None:
    entry = operators()[key]
    assert (entry.name, entry.country) == (name, home)


# Hosts the vendors' pages name without a place (routed or global): named, location unknown.
@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        ("https://sync.assemblyai.com/transcribe", "AssemblyAI"),
        (
            "https://api.connect.worldline-solutions.com/v1/1/payments",
            "Worldline Connect (Ingenico Connect)",
        ),
        ("https://world.api-ingenico.com", "Worldline Connect (Ingenico Connect)"),
        ("https://rest.ap.zuora.com", "Zuora"),
        ("https://acme.coralogix.com", "Coralogix"),
        ("https://ingest.lightstep.com", "Lightstep (ServiceNow Cloud Observability)"),
    ],
)
def test_named_without_a_place(default_classifier: Classifier, text: str, vendor: str) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is not None and verdict.vendor == vendor
    assert verdict.jurisdiction is None and verdict.compliant is None, verdict.reason
