"""``auditkit audit`` and ``auditkit render`` on a fixed scan result (the engines are stubbed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from auditkit.cli import main

from . import fixture

FILES = ("report.json", "report.html", "report.md", "report.sarif")


@pytest.fixture
def stub_scan(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """run_scan returns the fixture's result; the calls are recorded."""
    calls: list[Path] = []

    def fake(target: Path, policy: Any, options: Any = None) -> Any:
        calls.append(target)
        return fixture.scan_result()

    monkeypatch.setattr("auditkit.cli.audit.run_scan", fake)
    monkeypatch.setattr("auditkit.report.build.load_catalog", fixture.catalog)
    return calls


@pytest.fixture
def target(tmp_path: Path) -> Path:
    root = tmp_path / "clover-service"
    root.mkdir()
    (root / "auditkit.toml").write_text(fixture.POLICY_TEXT)
    return root


def _audit(target: Path, out: Path, *extra: str) -> int:
    """An audit with the auditor's policy, kept beside (not inside) the target."""
    policy = target.parent / "auditor-policy.toml"
    policy.write_text(fixture.POLICY_TEXT)
    args = ["audit", str(target), "--out", str(out), "--date", "2026-01-15", *extra]
    return main([*args, "--policy", str(policy)])


def test_audit_writes_every_format_and_says_it_is_unsigned(
    stub_scan: list[Path], target: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _audit(target, out) == 1  # findings at or above the default --fail-on low
    captured = capsys.readouterr()
    for name in FILES:
        assert (out / name).is_file()
        assert str(out / name) in captured.out
    assert "Not compliant: 4 non-EU endpoints" in captured.out
    assert "UNSIGNED" in captured.err
    for name in ("report.html", "report.md"):
        text = (out / name).read_text()
        assert "The signature, if any, is in report.json.dsse.json." in text
        assert "unsigned" not in text.lower()
    # The signature comes after report.json: report.json cannot say whether it is signed.
    assert not {"signed", "signature"} & set(
        json.loads((out / "report.json").read_text())["metadata"]
    )


@pytest.mark.parametrize(
    ("fail_on", "code"), [("none", 0), ("critical", 1), ("high", 1), ("info", 1)]
)
def test_fail_on(
    stub_scan: list[Path], target: Path, tmp_path: Path, fail_on: str, code: int
) -> None:
    assert _audit(target, tmp_path / "out", "--fail-on", fail_on) == code


def test_triage_decisions_change_the_exit_code(
    stub_scan: list[Path], target: Path, tmp_path: Path
) -> None:
    # Only one medium finding is open besides the highs; accept every high and medium risk.
    high = [f for f in fixture.findings() if f.suppression is None and f.severity.rank >= 2]
    triage = tmp_path / "triage.toml"
    triage.write_text(
        "".join(
            f'[[decision]]\nfingerprint = "{f.fingerprint}"\nstatus = "accepted-risk"\n'
            'note = "Accepted by the DPO."\nreviewer = "DPO"\ndate = 2026-01-15\n\n'
            for f in high
        )
    )
    assert _audit(target, tmp_path / "a", "--fail-on", "medium") == 1
    assert _audit(target, tmp_path / "b", "--fail-on", "medium", "--triage", str(triage)) == 0


def test_usage_errors_stop_before_the_scan(
    stub_scan: list[Path], target: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "triage.toml"
    bad.write_text('[[decision]]\nfingerprint = "nope"\n')
    assert _audit(target, tmp_path / "out", "--triage", str(bad)) == 2
    err = capsys.readouterr().err
    assert f"{bad}: decision[0].fingerprint" in err and "Traceback" not in err
    assert _audit(target, tmp_path / "o", "--date", "15.01.2026") == 2
    assert "--date" in capsys.readouterr().err
    assert _audit(target, tmp_path / "out", "--key", str(tmp_path / "missing.pem")) == 2
    assert stub_scan == []
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert _audit(target, a_file) == 2


def test_render_reproduces_the_audit_files(
    stub_scan: list[Path], target: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    _audit(target, out)
    for fmt, name in (
        ("html", "report.html"),
        ("md", "report.md"),
        ("sarif", "report.sarif"),
        ("json", "report.json"),
    ):
        again = tmp_path / f"again-{name}"
        assert (
            main(["render", str(out / "report.json"), "--format", fmt, "--output", str(again)]) == 0
        )
        assert again.read_bytes() == (out / name).read_bytes(), name
    capsys.readouterr()
    assert main(["render", str(out / "report.json"), "--format", "md"]) == 0
    assert capsys.readouterr().out == (out / "report.md").read_text()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not an auditkit report (invalid JSON at line 1, column 2)"),
        (b'{"schema_version": 1, "findings": []}', "not an auditkit report (schema None"),
        (b"\xff\xfe", "not an auditkit report (not UTF-8 text)"),
        (b'{"schema": "auditkit/report/1"}', "metadata: missing"),
    ],
)
def test_render_rejects_a_corrupt_or_foreign_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "report.json"
    path.write_bytes(content)
    assert main(["render", str(path), "--format", "html"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0] and str(path) in err[0], err


def test_render_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "nope.json"), "--format", "md"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_audit_with_a_key_signs_and_a_later_unsigned_audit_drops_the_stale_signature(
    stub_scan: list[Path], target: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signing = pytest.importorskip("auditkit.signing")
    keys = signing.generate_key_pair(tmp_path / "keys", "auditor", None)
    out = tmp_path / "out"
    assert _audit(target, out, "--key", str(keys.private_path)) == 1
    envelope = out / "report.json.dsse.json"
    assert envelope.is_file()
    captured = capsys.readouterr()
    assert str(envelope) in captured.out and "UNSIGNED" not in captured.err
    assert main(["verify", str(out), "--pubkey", str(keys.public_path)]) == 0
    capsys.readouterr()
    assert _audit(target, out) == 1
    assert not envelope.exists()
    assert "removed the previous signature" in capsys.readouterr().err
