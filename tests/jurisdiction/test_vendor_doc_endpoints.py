"""Accuracy on SaaS vendor endpoints assembled from the vendors' own documentation pages.

The list (vendor_doc_endpoints.tsv) is held out from the tables: every row was written from the
vendor page named in its source_url, not copied from data/vendor-*.toml. A row counts as right
when the location matches (the country, or for rows whose page says only "EU" a compliant
verdict; "-" rows must stay unknown) and the operator's home matches. The test reports the
accuracy and the misses, requires at least 97 %, and separately requires that no endpoint the
documentation places in the EU/EEA is reported as non-compliant under the default policy.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from auditkit.jurisdiction import Classifier
from auditkit.jurisdiction.groups import groups

TSV = Path(__file__).with_name("vendor_doc_endpoints.tsv")
COLUMNS = ["endpoint", "expected_location", "vendor", "operator_jurisdiction", "source_url"]


def load() -> list[dict[str, str]]:
    lines = [
        line for line in TSV.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t"))


def _location_right(expected: str, jurisdiction: str | None, compliant: bool | None) -> bool:
    if expected == "-":  # the documentation says the host does not fix the location
        return jurisdiction is None and compliant is None
    if expected == "EU":  # the documentation says only "EU": any member state will do
        return compliant is True
    return jurisdiction == expected


def _expected_operator(value: str) -> str | None:
    return None if value == "-" else value


def test_list_shape() -> None:
    rows = load()
    assert list(rows[0]) == COLUMNS
    assert len(rows) >= 120
    assert len({r["vendor"] for r in rows}) >= 50
    assert all(r["source_url"].startswith("https://") for r in rows)
    assert len({r["endpoint"] for r in rows}) == len(rows), "an endpoint is listed twice"


def test_vendor_doc_endpoint_accuracy(default_classifier: Classifier) -> None:
    rows = load()
    misses = []
    for row in rows:
        verdict = default_classifier.classify(row["endpoint"])
        if verdict is None:
            misses.append((row["endpoint"], "no verdict"))
            continue
        got = (verdict.vendor, verdict.jurisdiction, verdict.compliant)
        got += (verdict.operator_jurisdiction,)
        right = (
            verdict.vendor == row["vendor"]
            and _location_right(row["expected_location"], verdict.jurisdiction, verdict.compliant)
            and verdict.operator_jurisdiction == _expected_operator(row["operator_jurisdiction"])
        )
        if not right:
            misses.append((row["endpoint"], row["expected_location"], row["vendor"], got))
    accuracy = 1 - len(misses) / len(rows)
    print(f"\nvendor-doc-endpoint accuracy: {accuracy:.1%} ({len(rows) - len(misses)}/{len(rows)})")
    for miss in misses:
        print("  miss:", *miss)
    assert accuracy >= 0.97, misses


def test_no_eu_endpoint_is_reported(default_classifier: Classifier) -> None:
    """An endpoint the vendor documents as EU/EEA-located must never come out non-compliant:
    that would be a false finding telling a team to move off an EU endpoint."""
    eea = groups().eea
    rows = [r for r in load() if r["expected_location"] == "EU" or r["expected_location"] in eea]
    assert len(rows) >= 30
    reported = []
    for row in rows:
        verdict = default_classifier.classify(row["endpoint"])
        if verdict is not None and verdict.compliant is False:
            reported.append((row["endpoint"], verdict.jurisdiction, verdict.reason))
    assert reported == []


@pytest.mark.parametrize(
    ("expected", "jurisdiction", "compliant", "right"),
    [
        ("-", None, None, True),
        ("-", "US", False, False),
        ("EU", None, True, True),
        ("EU", "DE", True, True),
        ("EU", None, None, False),
        ("DE", "DE", True, True),
        ("DE", None, True, False),
    ],
)
def test_location_rule(
    expected: str, jurisdiction: str | None, compliant: bool | None, right: bool
) -> None:
    assert _location_right(expected, jurisdiction, compliant) is right
