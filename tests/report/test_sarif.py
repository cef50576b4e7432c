"""report.sarif: SARIF 2.1.0 that Microsoft's validator accepts and GitHub can ingest."""

from __future__ import annotations

import dataclasses
import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from auditkit.report import Report
from auditkit.report import sarif as sarif_mod
from auditkit.report.sarif import FINGERPRINT_KEY, render_sarif
from tests.conftest import REPO

from . import fixture

TOOLS = REPO / ".tools" / "node_modules"
# The npm wrapper runs the native tool through a shell; call the native tool directly.
MULTITOOL = TOOLS / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool"


def _log(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render_sarif(report))
    return data


def test_driver_rules_and_results_line_up(report: Report) -> None:
    run = _log(report)["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["semanticVersion"]) == ("auditkit", "0.0.0-test")
    ids = [r["id"] for r in driver["rules"]]
    assert ids[:6] == [
        "endpoint.non-eu", "endpoint.operator-jurisdiction", "endpoint.unverified",
        "gateway.bypass",
        "gateway.protected-host",
        "gateway.import",
    ]  # fmt: skip
    assert set(ids) >= {"bandit.B105", "bandit.B608"}
    for rule in driver["rules"]:
        assert {
            "id",
            "name",
            "shortDescription",
            "fullDescription",
            "help",
            "defaultConfiguration",
        } <= set(rule)
        assert {"text", "markdown"} == set(rule["help"])
        assert re.fullmatch(r"\d+\.\d", rule["properties"]["security-severity"])
        assert len(rule["properties"]["tags"]) == len(set(rule["properties"]["tags"]))
    assert len(run["results"]) == len(report.findings)
    for result, finding in zip(run["results"], report.findings, strict=True):
        assert ids[result["ruleIndex"]] == result["ruleId"] == finding.rule_id
        assert result["partialFingerprints"] == {FINGERPRINT_KEY: finding.fingerprint}
        assert result["properties"]["auditkitId"] == finding.id
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not location["artifactLocation"]["uri"].startswith("/")
        assert location["region"]["startLine"] == finding.location.start_line


def test_hostile_paths_are_percent_encoded(report: Report) -> None:
    uris = [a["location"]["uri"] for a in _log(report)["runs"][0]["artifacts"]]
    hostile = next(u for u in uris if "script" in u)
    assert hostile == (
        "services/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E/"
        "a%3Cscript%3Ealert%281%29%3C/script%3E.py"
    )


def test_suppressions_and_baseline_state(report: Report) -> None:
    results = {r["properties"]["auditkitId"]: r for r in _log(report)["runs"][0]["results"]}
    by_status = {f.status.value: f.id for f in report.findings}
    inline = results[by_status["suppressed"]]
    assert inline["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "local development default"}
    ]
    baselined = results[by_status["baselined"]]
    assert baselined["baselineState"] == "unchanged"
    assert baselined["suppressions"][0]["kind"] == "external"
    triaged = results[by_status["false-positive"]]
    assert triaged["suppressions"][0]["justification"].startswith("Public status page")
    assert "suppressions" not in results[by_status["open"]]


def test_results_are_truncated_to_the_upload_limits(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sarif_mod, "MAX_RESULTS", 5)
    run = _log(report)["runs"][0]
    assert [r["properties"]["auditkitId"] for r in run["results"]] == [
        f"AK-{n:03d}" for n in range(1, 6)
    ]
    props = run["properties"]
    assert (props["truncated"], props["resultsTotal"], props["resultsIncluded"]) == (True, 14, 5)
    assert "report.json holds every finding" in props["truncationNote"]
    assert len(run["artifacts"]) == len(
        {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    )

    monkeypatch.setattr(sarif_mod, "MAX_RESULTS", 25_000)
    # The rule catalogue (every public rule, issue 17's included) is a fixed overhead.
    monkeypatch.setattr(sarif_mod, "MAX_GZIP_BYTES", 4_500)
    data = render_sarif(report)
    assert len(gzip.compress(data, mtime=0)) <= 4_500
    assert json.loads(data)["runs"][0]["properties"]["truncated"] is True


def test_a_large_audit_stays_within_25000_results(report: Report) -> None:
    template = report.findings[0]
    many = tuple(
        dataclasses.replace(template, id=f"AK-{n:05d}", fingerprint=f"v1:{n:032x}")
        for n in range(25_050)
    )
    big = dataclasses.replace(report, findings=many)
    run = json.loads(render_sarif(big))["runs"][0]
    assert len(run["results"]) == 25_000
    assert run["properties"]["resultsTotal"] == 25_050


def _validator() -> list[str] | None:
    if MULTITOOL.is_file():
        return [str(MULTITOOL)]
    wrapper = TOOLS / ".bin" / "sarif-multitool"
    return [str(wrapper)] if wrapper.is_file() else None


def _offline(argv: list[str]) -> list[str]:
    """Run without a network when the kernel allows it (the validator probes URIs)."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn", *argv]
    return argv


def test_microsoft_sarif_validator_reports_no_errors(report: Report, tmp_path: Path) -> None:
    tool = _validator()
    if tool is None:
        pytest.skip("sarif-multitool is not installed (run `make test-tools`)")
    sarif = tmp_path / "report.sarif"
    sarif.write_bytes(render_sarif(report))
    proc = subprocess.run(
        _offline([*tool, "validate", str(sarif)]),
        capture_output=True,
        text=True,
        timeout=300,
        env={"DOTNET_CLI_TELEMETRY_OPTOUT": "1", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    output = proc.stdout + proc.stderr
    assert "Analysis completed successfully" in output, output
    errors = [line for line in output.splitlines() if re.search(r"\berror\b [A-Z]+\d+", line)]
    assert errors == [], "\n".join(errors)
    warnings = [
        re.sub(r"^.*?: warning ", "", line) for line in output.splitlines() if ": warning " in line
    ]
    # Known and accepted: SARIF2005 (no informationUri: auditkit has no public home page).
    assert all(w.startswith("SARIF2005") for w in warnings), warnings


def test_golden_fixture_paths_are_not_absolute() -> None:
    data = (Path(__file__).parent / "golden" / "report.sarif").read_text()
    assert '"uri": "/' not in data and "file://" not in data
    assert (
        fixture.HOSTILE_LITERAL
        in json.loads(data)["runs"][0]["results"][2]["properties"]["evidence"]["endpoint"]
    )
