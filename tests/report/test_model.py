"""The report model: shape of report.json, round trip, ids, components, statuses, verdicts."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import rfc8785

from auditkit.core.model import Category, Finding, Location, Severity, Suppression
from auditkit.report import (
    SCHEMA,
    Report,
    ReportFormatError,
    build_report,
    report_from_dict,
    report_to_dict,
    resolve_date,
)
from auditkit.report.findings import report_findings, service_of
from auditkit.report.json_render import render_json
from auditkit.report.model import CoverageInfo, ReportFinding, Status, Verdict
from auditkit.report.summary import verdict_of
from tests.conftest import SCHEMAS

from . import fixture

CONTRACT_KEYS = {
    "fingerprint", "rule_id", "category", "severity", "message", "location", "snippet",
    "evidence", "engine", "suppression",
}  # fmt: skip


def test_top_level_keys_and_the_names_signing_reads(report: Report) -> None:
    d = report_to_dict(report)
    assert set(d) == {
        "schema", "metadata", "scope", "methodology", "coverage", "findings", "triage", "summary",
        "policy_source", "policy_path", "waivers", "history", "processors", "unverified_hosts",
        "data_flows", "first_party",
    }  # fmt: skip
    assert d["history"] is None  # a first audit: no --previous
    assert (d["policy_source"], d["policy_path"]) == ("target", "auditkit.toml")
    assert d["summary"]["policy_source"] == "target"
    assert d["summary"]["waivers"]["files_excluded"] == 6
    assert d["summary"]["waivers"]["endpoints_waived"] == 1
    assert d["schema"] == SCHEMA == "auditkit/report/1"
    assert set(d["scope"]["git"]) >= {"commit", "dirty"}
    assert {"path", "sha256", "language", "lines", "size"} == set(d["scope"]["manifest"][0])
    assert len(d["scope"]["manifest_digest"]) == 64
    policy = d["methodology"]["policy"]
    assert {"source", "text", "digest"} <= set(policy)
    assert policy["text"] == fixture.POLICY_TEXT
    assert len(d["methodology"]["ruleset_digest"]) == 64
    assert all(set(e) >= {"name", "version"} for e in d["methodology"]["engines"])
    assert d["summary"]["by_category"] == {
        "non-eu-endpoint": 4, "operator-jurisdiction": 0, "gateway-bypass": 3,
        "unverified-endpoint": 1, "security": 1, "data-egress": 2, "gateway-authorization": 0,
    }  # fmt: skip
    assert d["summary"]["by_severity"] == {
        "critical": 1,
        "high": 4,
        "medium": 4,
        "low": 1,
        "info": 1,
    }
    assert d["summary"]["totals"] == {"findings": 14, "live": 11, "suppressed": 3}


def test_every_finding_keeps_the_findings_json_contract(report: Report) -> None:
    schema = json.loads((SCHEMAS / "findings.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(
        {"$defs": schema["$defs"], "$ref": "#/$defs/finding"}
    )
    for f in report_to_dict(report)["findings"]:
        assert set(f) >= CONTRACT_KEYS
        assert {"id", "service", "status", "risk", "title", "triage"} <= set(f)
        validator.validate({k: f[k] for k in CONTRACT_KEYS})


def test_round_trip_through_canonical_json_is_exact(report: Report) -> None:
    again = report_from_dict(json.loads(render_json(report)))
    assert again == report
    assert render_json(again) == render_json(report)


def test_report_json_is_rfc8785_canonical(report: Report) -> None:
    data = render_json(report)
    assert data == rfc8785.dumps(json.loads(data))


def test_ids_follow_report_order_live_first(report: Report) -> None:
    ids = [f.id for f in report.findings]
    assert ids == [f"AK-{n:03d}" for n in range(1, 15)]
    live = [f.live for f in report.findings]
    assert live == sorted(live, reverse=True)
    first = report.findings[0]
    assert (first.category, first.severity) == (Category.NON_EU_ENDPOINT, Severity.HIGH)


def test_suppressed_baselined_and_triaged_findings_stay_with_their_reasons(report: Report) -> None:
    by_status = {f.status: f for f in report.findings}
    assert by_status[Status.SUPPRESSED].suppression == Suppression(
        "inline",
        "local development default",
        (("location", "services/gateway/clover_gateway/config.py:7"),),
    )
    assert by_status[Status.BASELINED].suppression is not None
    fp = by_status[Status.FALSE_POSITIVE]
    assert fp.suppression is not None and fp.suppression.kind == "triage"
    assert dict(fp.suppression.extra) == {
        "status": "false-positive", "reviewer": "A. Auditor", "date": "2026-01-14",
    }  # fmt: skip
    assert fp.suppression.reason == "Public status page; never receives personal data."
    confirmed = by_status[Status.CONFIRMED]
    assert confirmed.live and confirmed.triage is not None
    assert len(report.findings) == len(fixture.findings())


def test_stale_triage_decisions_are_listed(report: Report) -> None:
    stale = report.triage.stale
    assert [d.decision.path for d in stale] == ["services/feed/feed/export.py"]
    assert {d.finding for d in report.triage.decisions} == {"AK-005", "AK-013", None}


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("services/feed/x.py", "feed"),
        ("services/feed/feed/deep/x.py", "feed"),
        ("apps/web/src/a.ts", "web"),
        ("packages/core/index.js", "core"),
        ("api/handlers.go", "api"),
        ("services/x.py", "services"),
        ("main.py", "(root)"),
    ],
)
def test_service_is_the_component_folder(path: str, service: str) -> None:
    assert service_of(path) == service


def _live(category: Category, severity: Severity, n: int) -> list[ReportFinding]:
    findings = [
        Finding("r", category, severity, "m", Location("a/b.py", i + 1, 1, i + 1, 2), "", "x")
        for i in range(n)
    ]
    return list(report_findings(findings, (), {})[0])


EMPTY = CoverageInfo(0, (), (), (), ())


@pytest.mark.parametrize(
    ("findings", "verdict", "text"),
    [
        ([], Verdict.COMPLIANT, "Compliant: no open non-EU endpoint or gateway bypass."),
        (
            _live(Category.NON_EU_ENDPOINT, Severity.HIGH, 1),
            Verdict.NOT_COMPLIANT,
            "Not compliant: 1 non-EU endpoint is open.",
        ),
        (
            _live(Category.NON_EU_ENDPOINT, Severity.HIGH, 12)
            + _live(Category.GATEWAY_BYPASS, Severity.HIGH, 9),
            Verdict.NOT_COMPLIANT,
            "Not compliant: 12 non-EU endpoints and 9 gateway bypasses are open.",
        ),
        (
            _live(Category.UNVERIFIED_ENDPOINT, Severity.INFO, 2)
            + _live(Category.GATEWAY_BYPASS, Severity.LOW, 1),
            Verdict.OBSERVATIONS,
            "Compliant with observations: no open non-EU endpoint or gateway bypass; "
            "2 unverified endpoints, 1 gateway observation to review.",
        ),
    ],
)
def test_verdict_line(findings: list[ReportFinding], verdict: Verdict, text: str) -> None:
    assert verdict_of(findings, EMPTY) == (verdict, text)


def test_date_comes_from_the_option_then_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714521600")
    assert resolve_date(None) == "2024-05-01"
    assert resolve_date("2026-02-03") == "2026-02-03"
    for bad in ("2026-02-30", "03/02/2026", "yesterday"):
        with pytest.raises(Exception, match="--date"):
            resolve_date(bad)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(Exception, match="SOURCE_DATE_EPOCH"):
        resolve_date(None)


def test_no_absolute_machine_path_in_report_json(tmp_path: Path) -> None:
    built = build_report(
        fixture.scan_result(), fixture.policy(), tmp_path, date="2026-01-15",
        catalog=fixture.catalog(),
    )  # fmt: skip
    text = render_json(built).decode()
    assert str(tmp_path) not in text
    assert "/tmp/" not in text and "/home/" not in text and "/root/" not in text


def test_engine_messages_lose_the_machine_path(tmp_path: Path) -> None:
    from auditkit.core.model import EngineIssue

    result = fixture.scan_result()
    issue = EngineIssue("(scan)", "semgrep", f"cannot parse {tmp_path}/services/x.py")
    result = dataclasses.replace(
        result, coverage=dataclasses.replace(result.coverage, engine_issues=(issue,))
    )
    built = build_report(result, fixture.policy(), tmp_path, catalog=fixture.catalog())
    assert built.coverage.engine_issues[0].message == "cannot parse services/x.py"
    assert built.coverage.rules_failed[0].rule_id == "*"


def test_git_state_of_a_repository(tmp_path: Path) -> None:
    import shutil
    import subprocess

    from auditkit.report.scope import git_state

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    assert git_state(tmp_path) is None
    env = {
        "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.eu", "GIT_COMMITTER_NAME": "a",
        "GIT_COMMITTER_EMAIL": "a@example.eu", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
    }  # fmt: skip
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "a.py").write_text("x = 1\n")
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "init"]):
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, env=env)
    state = git_state(tmp_path / "svc")
    assert state is not None and len(state.commit) == 40
    assert (state.dirty, state.subdirectory) == (False, "svc")
    (tmp_path / "svc" / "b.py").write_text("y = 2\n")
    assert git_state(tmp_path / "svc") == dataclasses.replace(state, dirty=True)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(schema="other/1"), "not an auditkit report"),
        (lambda d: d.pop("summary"), "summary: missing"),
        (lambda d: d["findings"][0].update(severity="urgent"), "findings[0].severity"),
        (
            lambda d: d["findings"][1]["location"].update(start_line="1"),
            "findings[1].location.start_line",
        ),
        (lambda d: d["scope"].update(manifest={}), "scope.manifest: expected a list"),
        (lambda d: d["summary"]["by_category"].update(extra=1), "summary.by_category"),
        (lambda d: d.update(policy_source="vendor"), "policy_source: unknown value"),
        (lambda d: d["waivers"]["gateway"].pop("lines"), "waivers.gateway.lines: missing"),
        (
            lambda d: d["waivers"]["allow_hosts"][0]["endpoints"][0].update(line="5"),
            "waivers.allow_hosts[0].endpoints[0].line",
        ),
    ],
)
def test_a_broken_report_names_the_key(report: Report, mutate: Any, message: str) -> None:
    d = json.loads(render_json(report))
    mutate(d)
    with pytest.raises(ReportFormatError, match=message.replace("[", r"\[").replace("]", r"\]")):
        report_from_dict(d)


def test_a_foreign_document_is_rejected() -> None:
    for doc in ([], "x", {"schema_version": 1, "findings": []}):
        with pytest.raises(ReportFormatError):
            report_from_dict(doc)


def test_a_report_written_before_provenance_says_it_is_not_recorded(report: Report) -> None:
    """Older report.json files lack policy_source and waivers: read, never guessed."""
    from auditkit.report.markdown import render_markdown

    d = json.loads(render_json(report))
    for key in ("policy_source", "policy_path", "waivers"):
        d.pop(key)
    old = report_from_dict(d)
    assert (old.policy_source, old.policy_path, old.waivers) == (None, None, None)
    text = render_markdown(old).decode()
    assert "provenance is not recorded in this report" in text
    assert "written before auditkit counted waivers" in text


def test_the_auditor_s_policy_is_stated_without_a_warning(report: Report) -> None:
    from auditkit.report.html import render_html
    from auditkit.report.provenance import policy_lines

    auditor = dataclasses.replace(report, policy_source="auditor", policy_path=None)
    lines = policy_lines(auditor)
    assert lines[0] == (
        "Policy supplied by the auditor (auditkit.toml), from outside the audited tree."
    )
    assert lines[1].startswith("Waivers: 6 files excluded by 3 rules; 1 endpoint made compliant")
    html = render_html(auditor).decode()
    assert 'class="provenance provenance--auditor"' in html
    assert 'class="provenance provenance--target' not in html
