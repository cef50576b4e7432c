"""``auditkit classify``: JSON contract (validated against the shared schema), text output,
stdin mode, and no traceback on hostile input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from auditkit.cli import main

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "classify.schema.json"
REQUIRED = {"input", "kind", "host", "provider", "region", "jurisdiction", "compliant", "basis"}

INPUTS = [
    "eu-west-2",
    "eu-west-1",
    "https://clover-backups.s3.us-west-2.amazonaws.com/x",
    "8.8.8.8:53",
    "10.0.0.1",
    "https://api.segment.io/v1/batch",
    "config.yaml",
    "West Europe",
    "s3://bucket/key",
    "https://www.example.eu",
]


def run(
    args: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None
) -> tuple[int, str, str]:
    if stdin is not None:
        import io

        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")))
    try:
        code = main(args)
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def schema() -> dict[str, object]:
    if not SCHEMA.is_file():
        pytest.skip("shared classify schema not available")
    loaded: dict[str, object] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return loaded


def test_json_output_validates_and_keeps_input_order(
    capsys: pytest.CaptureFixture[str],
    schema: dict[str, object],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # no auditkit.toml: default policy
    code, out, _ = run(["classify", "--format", "json", *INPUTS], capsys)
    assert code == 0
    rows = json.loads(out)
    jsonschema.validate(rows, schema)
    assert [r["input"] for r in rows] == INPUTS
    assert all(set(r) >= REQUIRED and "candidates" in r for r in rows)
    by_input = {r["input"]: r for r in rows}
    assert by_input["eu-west-2"]["compliant"] is False
    assert by_input["eu-west-2"]["jurisdiction"] == "GB"
    assert {c["provider"] for c in by_input["eu-west-1"]["candidates"]} == {"aws", "alibaba"}
    assert by_input["config.yaml"]["basis"] == "not-an-endpoint"
    assert by_input["config.yaml"]["host"] is None and by_input["config.yaml"]["candidates"] == []
    assert by_input["https://www.example.eu"]["jurisdiction"] is None
    assert by_input["https://www.example.eu"]["compliant"] is True


def test_stdin_mode(capsys: pytest.CaptureFixture[str], schema: dict[str, object]) -> None:
    code, out, _ = run(
        ["classify", "--format", "json", "-"], capsys, stdin="\n".join(INPUTS) + "\n\n"
    )
    assert code == 0
    rows = json.loads(out)
    jsonschema.validate(rows, schema)
    assert [r["input"] for r in rows] == INPUTS


def test_text_output_one_line_per_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["classify", *INPUTS], capsys)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(INPUTS)
    assert lines[0].split("  ")[:5] == [
        "eu-west-2",
        "NON-COMPLIANT",
        "GB",
        "aws/eu-west-2",
        "cloud-region",
    ]
    assert "UNKNOWN" in lines[1] and "COMPLIANT" in lines[4] and "internal" in lines[4]
    assert "not-an-endpoint" in lines[6]


def test_policy_file_is_used(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    policy.write_text('[jurisdiction]\nallowed = ["EU", "EEA", "ADEQUACY"]\n', encoding="utf-8")
    code, out, _ = run(["classify", "--format", "json", "--policy", str(policy), "uksouth"], capsys)
    assert code == 0 and json.loads(out)[0]["compliant"] is True


def test_provider_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["classify", "--format", "json", "--provider", "alibaba", "eu-west-1"], capsys
    )
    assert code == 0 and json.loads(out)[0]["jurisdiction"] == "GB"


def test_no_argument_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["classify"], capsys)
    assert code == 2 and "Traceback" not in err


def test_bad_policy_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    policy.write_text("[jurisdiction]\nallowd = []\n", encoding="utf-8")
    code, _, err = run(["classify", "--policy", str(policy), "eu-west-2"], capsys)
    assert code == 2 and "jurisdiction.allowd" in err and "Traceback" not in err


def test_hostile_stdin_never_tracebacks() -> None:
    junk = b"\n".join(
        [
            b"\xff\xfe\x00bad-utf8",
            b"https://" + b"a" * 5000 + b".de",
            b"[::1",
            b"http://[zz::1]:99/",
            b"https://host:99999/",
            b"\x1b[31mred\x1b[0m",
            b"a" * 100_000,
            b"jdbc:oracle:thin:@",
            b"arn:aws:",
            b"...",
            b"::",
            b"xn--.de",
            b"https://xn--zz.de",
            b"\xe2\x80\xae.com",
        ]
    )
    proc = subprocess.run(
        [sys.executable, "-m", "auditkit", "classify", "--format", "json", "-"],
        input=junk,
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"Traceback" not in proc.stderr
    assert len(json.loads(proc.stdout)) == 14
