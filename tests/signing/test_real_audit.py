"""End to end on a real audit of samples/clover-service."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from auditkit.signing import ENVELOPE_NAME
from auditkit.signing.keys import GeneratedKeys

from .conftest import Run

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "clover-service"
Keys = dict[str, GeneratedKeys]


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory, keys: Keys) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("real")
    source = base / "clover-service"
    shutil.copytree(SAMPLE, source)
    out = base / "out"
    key = str(keys["auditor"].private_path)
    # The auditor's copy of the sample's policy, outside the audited tree.
    policy = base / "auditor-policy.toml"
    shutil.copyfile(SAMPLE / "auditkit.toml", policy)
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": "1714521600",
        "SEMGREP_ENABLE_VERSION_CHECK": "0",
        "SEMGREP_SEND_METRICS": "off",
    }
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "auditkit", "audit", str(source), "--out", str(out)),
            *("--key", key, "--policy", str(policy)),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr  # 1: findings at or above --fail-on
    return source, out


def test_the_audit_is_signed_and_verifies(audited: tuple[Path, Path], keys: Keys, run: Run) -> None:
    source, out = audited
    assert (out / ENVELOPE_NAME).is_file()
    statement = json.loads(
        base64.b64decode(json.loads((out / ENVELOPE_NAME).read_text())["payload"])
    )
    report = json.loads((out / "report.json").read_text())
    names = [s["name"] for s in statement["subject"]]
    assert names[0] == "report.json" and set(names) <= {
        "report.json",
        "report.html",
        "report.md",
        "report.sarif",
    }
    assert (
        statement["predicate"]["source"]["manifestDigest"]["sha256"]
        == report["scope"]["manifest_digest"]
    )
    assert statement["predicate"]["source"]["fileCount"] == len(report["scope"]["manifest"]) > 0
    assert statement["predicate"]["timeSigned"] == "2024-05-01T00:00:00Z"
    code, stdout, err = run(
        "verify", out, "--pubkey", keys["auditor"].public_path, "--source", source
    )
    assert code == 0, err
    assert "matches the audited manifest" in stdout


def test_securesystemslib_verifies_the_real_envelope(
    audited: tuple[Path, Path], keys: Keys
) -> None:
    from .test_interop import sslib_envelope, sslib_key

    _, out = audited
    accepted = sslib_envelope(out).verify([sslib_key(keys["auditor"].public_path)], threshold=1)
    assert list(accepted) == [keys["auditor"].keyid]


def test_rescan_reproduces_the_findings(audited: tuple[Path, Path], keys: Keys, run: Run) -> None:
    source, out = audited
    code, stdout, err = run(
        "verify", out, "--pubkey", keys["auditor"].public_path, "--source", source, "--rescan"
    )
    assert code == 0, err
    assert "findings reproduced" in stdout


def test_tampering_with_the_real_audit(
    audited: tuple[Path, Path], keys: Keys, run: Run, tmp_path: Path
) -> None:
    source, out = audited
    source_copy, out_copy = tmp_path / "src", tmp_path / "out"
    shutil.copytree(source, source_copy)
    shutil.copytree(out, out_copy)
    report = json.loads((out_copy / "report.json").read_text())
    victim = report["scope"]["manifest"][0]["path"]
    with (source_copy / victim).open("a") as handle:
        handle.write("\n# edited after the audit\n")
    data = (out_copy / "report.json").read_bytes()
    (out_copy / "report.json").write_bytes(
        data.replace(b'"severity":"high"', b'"severity":"low"', 1)
    )
    code, _, err = run(
        "verify", out_copy, "--pubkey", keys["auditor"].public_path, "--source", source_copy
    )
    assert code == 4
    assert f"source: {victim} was changed since the audit" in err
    assert "subject report.json: sha256 is" in err
