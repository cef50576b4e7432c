"""The rule catalogue a report's methodology lists."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path

import pytest

from auditkit.report import build_report
from auditkit.report.rules import bandit_rules, load_catalog, public_rules, semgrep_rules
from tests.conftest import REPO

from . import fixture

PUBLIC_IDS = [
    "endpoint.non-eu", "endpoint.operator-jurisdiction", "endpoint.unverified", "gateway.bypass",
        "gateway.protected-host",
    "gateway.import", "data-egress.endpoint", "data-egress.log", "data-egress.store",
    "gateway.authorization",
]  # fmt: skip


def test_public_rules_match_the_architecture_document() -> None:
    rules = public_rules("1.0")
    assert [r.id for r in rules] == PUBLIC_IDS
    doc = (REPO / "docs" / "ARCHITECTURE.md").read_text()
    for r in rules:
        assert f"`{r.id}`" in doc
        assert r.title and r.description and r.impact and r.recommendation
        assert re.fullmatch(r"[0-9a-f]{64}", r.digest)
    assert public_rules("1.0") == rules
    assert public_rules("1.1")[0].digest != rules[0].digest


def test_every_bandit_test_is_described() -> None:
    rules = bandit_rules()
    ids = [r.id for r in rules]
    assert ids == sorted(ids) and len(ids) == len(set(ids)) > 50
    assert {"bandit.B101", "bandit.B105", "bandit.B608", "bandit.B301"} <= set(ids)
    for r in rules:
        assert r.title and r.description and re.fullmatch(r"[0-9a-f]{64}", r.digest), r
    b506 = next(r for r in rules if r.id == "bandit.B506")
    assert b506.title == "Test for use of yaml load"
    assert "yaml.load" in b506.description
    assert bandit_rules() == rules


def test_semgrep_rule_file_digest_and_metadata() -> None:
    rules = semgrep_rules("semgrep/endpoints.yaml", fixture.SEMGREP_RULES)
    assert [(r.id, r.role) for r in rules] == [
        ("endpoint-url-literal", "endpoint-literal"),
        ("aws-region-constant", "region-identifier"),
    ]
    digest = hashlib.sha256(fixture.SEMGREP_RULES).hexdigest()
    assert {r.digest for r in rules} == {digest}
    assert rules[1].description == "An AWS SDK region constant such as Regions.US_EAST_1."
    assert rules[0].source == "rulesets/semgrep/endpoints.yaml"


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for p in (REPO / "rulesets" / "semgrep").rglob("*.yaml")
        if not p.name.endswith(".test.yaml")
    ),
    ids=lambda p: p.name,
)
def test_shipped_semgrep_rules_parse(path: Path) -> None:
    rules = semgrep_rules(path.relative_to(REPO / "rulesets").as_posix(), path.read_bytes())
    for r in rules:
        assert r.id and r.role and r.engine == "semgrep"


def test_load_catalog_from_the_installed_rulesets() -> None:
    catalog = load_catalog()
    from auditkit.rulesets import ruleset_digest

    assert [r.id for r in catalog.rules[: len(PUBLIC_IDS)]] == PUBLIC_IDS
    assert catalog.ruleset_digest == ruleset_digest()
    assert any(r.engine == "bandit" for r in catalog.rules)


def test_a_rule_id_missing_from_the_catalogue_gets_a_stub(tmp_path: Path) -> None:
    result = fixture.scan_result()
    odd = dataclasses.replace(result.findings[0], rule_id="endpoint.experimental")
    result = dataclasses.replace(result, findings=(odd, *result.findings[1:]))
    report = build_report(result, fixture.policy(), tmp_path, catalog=fixture.catalog())
    stub = report.rule("endpoint.experimental")
    assert stub is not None and stub.source == "unknown"
