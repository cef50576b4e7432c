"""``verify --rescan``: the scan is repeated and the findings' fingerprints must reproduce.

The scan itself is replaced by a stub here (the real one runs in test_real_audit.py)."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import rfc8785

from auditkit.core.model import (
    Category,
    Coverage,
    EngineRun,
    Finding,
    Location,
    ScanResult,
    Severity,
)
from auditkit.signing import sign_report_directory
from auditkit.signing.keys import GeneratedKeys

from .conftest import Run

Keys = dict[str, GeneratedKeys]


def finding(fp: str, path: str = "app/main.py", line: int = 3) -> Finding:
    return Finding(
        rule_id="endpoint.non-eu",
        category=Category.NON_EU_ENDPOINT,
        severity=Severity.HIGH,
        message="m",
        location=Location(path, line, 1, line, 10),
        snippet="s",
        engine="semgrep",
        fingerprint=fp,
    )


@pytest.fixture
def fake_scan(monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    found: list[Finding] = []

    def run_scan(target: Path, policy: Any, options: Any = None) -> ScanResult:
        assert policy.exclude == ("docs/**",)  # the audit's policy, rebuilt from report.json
        return ScanResult(
            target="src",
            findings=tuple(found),
            coverage=Coverage((), ()),
            engines=(EngineRun("semgrep", "1.100.0", 3), EngineRun("bandit", "9.9.9", 2)),
        )

    module = types.ModuleType("auditkit.scan")
    module.run_scan = run_scan  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "auditkit.scan", module)
    return found


def with_findings(report_dir: Path, keys: Keys, fingerprints: list[str]) -> None:
    report = json.loads((report_dir / "report.json").read_text())
    report["findings"] = [
        {**finding(fp).to_json(), "id": f"AK-{i:03}"} for i, fp in enumerate(fingerprints, 1)
    ]
    (report_dir / "report.json").write_bytes(rfc8785.dumps(report))
    sign_report_directory(report_dir, keys["auditor"].private_path)


def test_findings_reproduce(
    report_dir: Path, source: Path, keys: Keys, run: Run, fake_scan: list[Finding]
) -> None:
    with_findings(report_dir, keys, ["fp-a", "fp-b"])
    fake_scan.extend([finding("fp-b"), finding("fp-a")])
    code, out, err = run(
        "verify",
        report_dir,
        "--pubkey",
        keys["auditor"].public_path,
        "--source",
        source,
        "--rescan",
    )
    assert code == 0, err
    assert "2 findings reproduced" in out
    assert "bandit is 9.9.9 here, the audit used 1.8.0" in out  # explains any difference


def test_findings_that_do_not_reproduce_are_named(
    report_dir: Path, source: Path, keys: Keys, run: Run, fake_scan: list[Finding]
) -> None:
    with_findings(report_dir, keys, ["fp-a", "fp-b"])
    fake_scan.extend([finding("fp-a"), finding("fp-new", "web/client.js", 1)])
    code, _, err = run(
        "verify",
        report_dir,
        "--pubkey",
        keys["auditor"].public_path,
        "--source",
        source,
        "--rescan",
    )
    assert code == 4
    assert "rescan: finding fp-b (endpoint.non-eu at app/main.py:3) did not reproduce" in err
    assert "rescan: finding fp-new (endpoint.non-eu at web/client.js:1) is not in the report" in err
