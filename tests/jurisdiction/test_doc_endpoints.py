"""Accuracy on endpoints assembled from providers' own region/endpoint documentation.

The list (doc_endpoints.tsv) is separate from the table-driven cases and was written from the
documentation pages, not from auditkit's catalogue. The test reports the accuracy and requires
at least 95 %.
"""

from __future__ import annotations

import csv
from pathlib import Path

from auditkit.jurisdiction import Classifier

TSV = Path(__file__).with_name("doc_endpoints.tsv")


def load() -> list[dict[str, str]]:
    lines = [
        line for line in TSV.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_doc_endpoint_accuracy(default_classifier: Classifier) -> None:
    rows = load()
    assert len(rows) >= 100
    assert all(r["source_url"].startswith("https://") for r in rows)
    misses = []
    for row in rows:
        verdict = default_classifier.classify(row["endpoint"], frozenset({row["provider"]}))
        got = verdict.jurisdiction if verdict is not None else None
        if got != row["expected_country"]:
            misses.append((row["endpoint"], row["expected_country"], got))
    accuracy = 1 - len(misses) / len(rows)
    print(f"\ndoc-endpoint accuracy: {accuracy:.1%} ({len(rows) - len(misses)}/{len(rows)})")
    for miss in misses:
        print("  miss:", *miss)
    assert accuracy >= 0.95, misses
