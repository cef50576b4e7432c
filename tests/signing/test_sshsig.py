"""``sign --ssh-key``: SSH signatures that OpenSSH's ``ssh-keygen -Y verify`` accepts."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from auditkit.signing import ENVELOPE_NAME, load_private_key, load_public_key
from auditkit.signing.dsse import Envelope
from auditkit.signing.sshsig import NAMESPACE, STATEMENT_FILE, sign_message, verify_message

from .conftest import Run

pytestmark = pytest.mark.skipif(
    shutil.which("ssh-keygen") is None, reason="ssh-keygen not installed"
)


def ssh_key(directory: Path, name: str) -> Path:
    path = directory / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(path)], check=True
    )
    return path


def ssh_verify(
    signer: str, pub: Path, sig: Path, message: Path, tmp: Path
) -> subprocess.CompletedProcess[str]:
    allowed = tmp / "allowed_signers"
    allowed.write_text(
        f"{signer} {pub.read_text().split(' ', 2)[0]} {pub.read_text().split(' ', 2)[1]}\n"
    )
    with message.open("rb") as stdin:
        return subprocess.run(
            [
                "ssh-keygen",
                "-Y",
                "verify",
                "-f",
                str(allowed),
                "-I",
                signer,
                "-n",
                NAMESPACE,
                "-s",
                str(sig),
            ],
            stdin=stdin,
            capture_output=True,
            text=True,
            check=False,
        )


def test_ssh_keygen_verifies_auditkit_ssh_signatures(
    report_dir: Path, tmp_path: Path, run: Run
) -> None:
    auditor = ssh_key(tmp_path, "auditor")
    reviewer = ssh_key(tmp_path, "reviewer")
    assert run("sign", report_dir, "--ssh-key", auditor)[0] == 0
    assert run("sign", report_dir, "--ssh-key", reviewer, "--append")[0] == 0

    payload = Envelope.loads((report_dir / ENVELOPE_NAME).read_bytes()).payload
    assert (report_dir / STATEMENT_FILE).read_bytes() == payload
    for name, key in (("auditor", auditor), ("reviewer", reviewer)):
        keyid = load_public_key(key.with_suffix(".pub")).keyid
        sig = report_dir / f"{STATEMENT_FILE}.{keyid[:16]}.sig"
        proc = ssh_verify(name, key.with_suffix(".pub"), sig, report_dir / STATEMENT_FILE, tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "Good" in proc.stdout + proc.stderr

    code, out, err = run(
        "verify",
        report_dir,
        "--pubkey",
        auditor.with_suffix(".pub"),
        "--pubkey",
        reviewer.with_suffix(".pub"),
    )
    assert code == 0, err
    assert out.count("ssh signature") == 2


def test_ssh_keygen_rejects_a_tampered_statement(
    report_dir: Path, tmp_path: Path, run: Run
) -> None:
    auditor = ssh_key(tmp_path, "auditor")
    assert run("sign", report_dir, "--ssh-key", auditor)[0] == 0
    statement = report_dir / STATEMENT_FILE
    statement.write_bytes(statement.read_bytes().replace(b'"fileCount":3', b'"fileCount":4'))
    sig = next(report_dir.glob(f"{STATEMENT_FILE}.*.sig"))
    assert (
        ssh_verify("auditor", auditor.with_suffix(".pub"), sig, statement, tmp_path).returncode != 0
    )
    code, _, err = run("verify", report_dir, "--pubkey", auditor.with_suffix(".pub"))
    assert code == 4 and f"{STATEMENT_FILE}: differs from the payload" in err


def test_auditkit_verifies_ssh_keygen_signatures(tmp_path: Path) -> None:
    key = ssh_key(tmp_path, "k")
    message = tmp_path / "m.txt"
    message.write_bytes(b"hello\n")
    subprocess.run(
        ["ssh-keygen", "-q", "-Y", "sign", "-f", str(key), "-n", NAMESPACE, str(message)],
        check=True,
    )
    armored = (tmp_path / "m.txt.sig").read_text()
    public = load_public_key(key.with_suffix(".pub"))
    assert verify_message(public, armored, b"hello\n")
    assert not verify_message(public, armored, b"hello!\n")
    assert not verify_message(public, armored, b"hello\n", namespace="other")
    # and ours is byte-identical to ssh-keygen's (Ed25519 is deterministic; sha512 is the default)
    assert sign_message(load_private_key(key), b"hello\n") == armored


def test_a_tampered_ssh_signature_fails_verify(report_dir: Path, tmp_path: Path, run: Run) -> None:
    auditor = ssh_key(tmp_path, "auditor")
    assert run("sign", report_dir, "--ssh-key", auditor)[0] == 0
    sig = next(report_dir.glob(f"{STATEMENT_FILE}.*.sig"))
    lines = sig.read_text().splitlines()
    lines[3] = lines[3][:10] + ("A" if lines[3][10] != "A" else "B") + lines[3][11:]
    sig.write_text("\n".join(lines) + "\n")
    code, _, err = run("verify", report_dir, "--pubkey", auditor.with_suffix(".pub"))
    assert code == 4 and f"{sig.name}: SSH signature does not verify" in err


def test_fresh_signing_removes_stale_ssh_signatures(
    report_dir: Path, tmp_path: Path, run: Run
) -> None:
    auditor = ssh_key(tmp_path, "auditor")
    assert run("sign", report_dir, "--ssh-key", auditor)[0] == 0
    assert run("sign", report_dir, "--key", auditor, "--replace")[0] == 0
    assert not list(report_dir.glob(f"{STATEMENT_FILE}*"))
    assert json.loads((report_dir / ENVELOPE_NAME).read_text())["signatures"][0]["keyid"]


def test_key_and_ssh_key_are_exclusive(report_dir: Path, tmp_path: Path, run: Run) -> None:
    auditor = ssh_key(tmp_path, "auditor")
    assert run("sign", report_dir, "--key", auditor, "--ssh-key", auditor)[0] == 2
    assert run("sign", report_dir)[0] == 2


def test_openssh_recipe_in_the_docs(report_dir: Path, tmp_path: Path, run: Run) -> None:
    import re

    doc = (Path(__file__).resolve().parents[2] / "docs" / "VERIFYING.md").read_text()
    section = doc[doc.index("## With OpenSSH only") :]
    script = re.search(r"```sh\n(.*?)\n```", section, re.S)
    assert script
    auditor = ssh_key(tmp_path, "auditor_ed25519")
    assert run("sign", report_dir, "--ssh-key", auditor)[0] == 0
    keyid = load_public_key(auditor.with_suffix(".pub")).keyid
    shutil.copy(auditor.with_suffix(".pub"), report_dir / "auditor_ed25519.pub")
    text = script.group(1).replace("<id>", keyid[:16])
    proc = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", text], cwd=report_dir, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "report.json: OK" in proc.stdout and "report.sarif: OK" in proc.stdout
