"""The samples, through the real CLI and the real engines."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import SAMPLES, SCHEMAS
from tests.functional.expectations import expected_findings


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "auditkit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


@pytest.fixture(scope="module")
def clover() -> tuple[int, dict[str, Any]]:
    proc = run_cli("scan", str(SAMPLES / "clover-service"), "--format", "json", "--no-cache")
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def _found(doc: dict[str, Any]) -> set[tuple[str, str, int]]:
    return {
        (f["rule_id"], f["location"]["path"], f["location"]["start_line"])
        for f in doc["findings"]
        if f["suppression"] is None
    }


def test_clover_findings_are_exactly_the_marked_ones(clover: tuple[int, dict[str, Any]]) -> None:
    code, doc = clover
    expected = expected_findings(SAMPLES / "clover-service")
    found = _found(doc)
    assert sorted(found - expected) == [], "reported but not marked"
    assert sorted(expected - found) == [], "marked but not reported"
    assert code == 1


def test_clover_has_every_category_and_enough_findings(clover: tuple[int, dict[str, Any]]) -> None:
    _, doc = clover
    categories = Counter(f["category"] for f in doc["findings"])
    assert set(categories) == {
        "non-eu-endpoint",
        "unverified-endpoint",
        "gateway-bypass",
        "security",
        "data-egress",
        "gateway-authorization",
    }
    assert len(doc["findings"]) >= 30


def test_clover_json_follows_the_contract(clover: tuple[int, dict[str, Any]]) -> None:
    _, doc = clover
    schema = json.loads((SCHEMAS / "findings.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["target"] == "clover-service"
    for f in doc["findings"]:
        assert not f["location"]["path"].startswith("/")
        if f["category"] == "non-eu-endpoint":
            ev = f["evidence"]
            assert ev["endpoint"] and ev["jurisdiction"] and ev["basis"], f
        if f["category"] == "gateway-bypass":
            assert not f["location"]["path"].startswith("services/gateway/"), f
    fingerprints = [f["fingerprint"] for f in doc["findings"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_eu_compliant_service_has_no_violations() -> None:
    root = SAMPLES / "eu-compliant-service"
    proc = run_cli("scan", str(root), "--format", "json", "--no-cache")
    assert "Traceback" not in proc.stderr, proc.stderr
    doc = json.loads(proc.stdout)
    categories = Counter(f["category"] for f in doc["findings"] if f["suppression"] is None)
    assert categories["non-eu-endpoint"] == 0
    assert categories["gateway-bypass"] == 0
    assert _found(doc) == expected_findings(root)
    assert proc.returncode == 0


def test_text_output_is_readable() -> None:
    proc = run_cli("scan", str(SAMPLES / "clover-service"))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "auditkit findings" in proc.stdout
    assert "non-eu-endpoint" in proc.stdout
    # A path:line:col anchor per finding.
    assert any(
        line.startswith("services/") and line.count(":") >= 2 for line in proc.stdout.splitlines()
    )


def test_clover_gateway_evidence_names_the_files_language(
    clover: tuple[int, dict[str, Any]],
) -> None:
    _, doc = clover
    suffix_language = {".py": "python", ".go": "go", ".java": "java", ".ts": "typescript"}
    for f in doc["findings"]:
        suffix = "." + f["location"]["path"].rsplit(".", 1)[-1]
        if f["category"] == "gateway-bypass" and suffix in suffix_language:
            assert f["evidence"]["language"] == suffix_language[suffix], f


def test_clover_exercises_every_sink_family(clover: tuple[int, dict[str, Any]]) -> None:
    _, doc = clover
    stores = {
        (f["evidence"]["language"], f["evidence"]["store"])
        for f in doc["findings"]
        if f["category"] == "gateway-bypass"
    }
    python = {s for lang, s in stores if lang == "python"}
    assert {
        "postgres",
        "sql",
        "mongodb",
        "redis",
        "s3",
        "dynamodb",
        "kinesis",
        "sqs",
        "gcs",
        "bigquery",
        "firestore",
        "azure-blob",
        "cosmos",
        "elasticsearch",
        "cassandra",
        "protected-service",
        "custom",
    } <= python
    assert {"sql", "redis", "mongodb", "s3", "gcs", "bigquery", "protected-service"} <= {
        s for lang, s in stores if lang == "go"
    }
    assert {"sql", "redis", "mongodb", "s3", "gcs", "azure-blob", "protected-service"} <= {
        s for lang, s in stores if lang == "java"
    }
    assert {
        "postgres",
        "redis",
        "s3",
        "elasticsearch",
        "dynamodb",
        "mongodb",
        "sql",
        "protected-service",
    } <= {s for lang, s in stores if lang == "typescript"}


def test_clover_alibaba_frankfurt_under_an_operators_policy(tmp_path: Path) -> None:
    """Alibaba OSS in Frankfurt is compliant by place (no marker in the sample); a policy with
    `[jurisdiction] operators = ["EU", "EEA"]` makes it an operator-jurisdiction finding, high
    because object storage keeps the data, with place and operator side by side."""
    root = SAMPLES / "clover-service"
    policy = (
        (root / "auditkit.toml")
        .read_text(encoding="utf-8")
        .replace("[jurisdiction]\n", '[jurisdiction]\noperators = ["EU", "EEA"]\n', 1)
    )
    (tmp_path / "operators.toml").write_text(policy, encoding="utf-8")
    proc = run_cli(
        "scan", str(root), "--format", "json", "--no-cache",
        "--policy", str(tmp_path / "operators.toml"),
    )  # fmt: skip
    assert "Traceback" not in proc.stderr, proc.stderr
    path = "services/web/src/processors.ts"
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "operator-jurisdiction-with" in text)
    # Mixpanel's EU server is in the EU but run by Mixpanel, Inc. (US): reported too
    mixpanel_eu = next(n for n, text in enumerate(lines, 1) if "api-eu.mixpanel.com" in text)
    found = [
        f
        for f in json.loads(proc.stdout)["findings"]
        if f["location"]["path"] == path and f["rule_id"] == "endpoint.operator-jurisdiction"
    ]
    assert [(f["location"]["start_line"], f["severity"]) for f in found] == [
        (mixpanel_eu, "high"),
        (line, "high"),
    ]
    ev = found[1]["evidence"]
    assert (ev["jurisdiction"], ev["vendor"], ev["operator_jurisdiction"]) == (
        "DE",
        "Alibaba Cloud",
        "CN",
    )
