"""A clean audit: no findings, no policy file, no git, no triage file. Every format renders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditkit.core.model import Coverage, ScanResult
from auditkit.core.policy import Policy
from auditkit.report import Report, build_report, report_from_dict
from auditkit.report.json_render import render_json
from auditkit.report.registry import FORMATS
from auditkit.report.sarif import render_sarif

from . import fixture


@pytest.fixture
def clean(tmp_path: Path) -> Report:
    result = ScanResult(target="eu-service", findings=(), coverage=Coverage((), ()))
    return build_report(result, Policy(), tmp_path, date="2026-01-15", catalog=fixture.catalog())


def test_a_clean_audit_is_compliant(clean: Report) -> None:
    assert clean.summary.verdict_text == "Compliant: no open non-EU endpoint or gateway bypass."
    assert clean.metadata.title == "Data-residency audit of eu-service"
    assert clean.methodology.policy.source is None
    assert clean.scope.git is None and clean.triage.source is None
    assert report_from_dict(json.loads(render_json(clean))) == clean


def test_every_format_renders(clean: Report) -> None:
    for spec in FORMATS.values():
        data = spec.render(clean)
        assert data.endswith(b"\n") or spec.name == "json"
    html = FORMATS["html"].render(clean).decode()
    assert "No open findings." in html and "built-in defaults" in html
    md = FORMATS["md"].render(clean).decode()
    assert "No findings." in md and "No policy file: the built-in defaults applied." in md


def test_sarif_of_a_clean_audit(clean: Report) -> None:
    run = json.loads(render_sarif(clean))["runs"][0]
    assert run["results"] == [] and run["artifacts"] == []
    assert [r["id"] for r in run["tool"]["driver"]["rules"]][:6] == [
        "endpoint.non-eu", "endpoint.operator-jurisdiction", "endpoint.unverified",
        "gateway.bypass",
        "gateway.protected-host",
        "gateway.import",
    ]  # fmt: skip
