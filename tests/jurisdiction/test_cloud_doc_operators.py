"""Accuracy on cloud endpoints with their operators, assembled from providers' documentation.

The list (cloud_doc_operators.tsv) was written from the providers' region/endpoint pages, not
from auditkit's catalogue. A row counts as right only when both the country of the endpoint and
the legal home of its operator match: an EU region of a Chinese cloud (UCloud Frankfurt) is right
only as "DE, operated from CN". The test prints the accuracy and the misses and requires 97 %.
"""

from __future__ import annotations

import csv
from pathlib import Path

from auditkit.jurisdiction import Classifier

TSV = Path(__file__).with_name("cloud_doc_operators.tsv")
COLUMNS = ["endpoint", "expected_country", "operator_jurisdiction", "provider", "source_url"]
# Every cloud the list is meant to cover has rows in it.
PROVIDERS = {
    "alibaba", "tencent", "huawei", "volcengine", "byteplus", "baidu", "kingsoft", "jdcloud",
    "ucloud", "aws", "azure", "gcp", "oracle",
}  # fmt: skip


def load() -> list[dict[str, str]]:
    lines = [
        line for line in TSV.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_list_shape() -> None:
    rows = load()
    assert list(rows[0]) == COLUMNS
    assert len(rows) >= 80
    assert all(r["source_url"].startswith("https://") for r in rows)
    assert {r["provider"] for r in rows} == PROVIDERS
    assert len({r["endpoint"] for r in rows}) == len(rows)
    # AWS China and Azure China rows, and EU rows of Chinese operators, are what the list is for.
    assert any(r["endpoint"].endswith(".amazonaws.com.cn") for r in rows)
    assert any(r["endpoint"].endswith(".chinacloudapi.cn") for r in rows)
    assert any(r["operator_jurisdiction"] == "CN" and r["expected_country"] == "DE" for r in rows)


def test_cloud_doc_operator_accuracy(default_classifier: Classifier) -> None:
    rows = load()
    misses = []
    for row in rows:
        verdict = default_classifier.classify(row["endpoint"], frozenset({row["provider"]}))
        got = (
            (verdict.jurisdiction, verdict.operator_jurisdiction)
            if verdict is not None
            else (None, None)
        )
        if got != (row["expected_country"], row["operator_jurisdiction"]):
            misses.append(
                (row["endpoint"], row["expected_country"], row["operator_jurisdiction"], got)
            )
    accuracy = 1 - len(misses) / len(rows)
    print(f"\ncloud-doc-operator accuracy: {accuracy:.1%} ({len(rows) - len(misses)}/{len(rows)})")
    for miss in misses:
        print("  miss:", *miss)
    assert accuracy >= 0.97, misses
