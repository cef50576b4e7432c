"""``auditkit keygen`` and key loading: modes, passphrases, key id, OpenSSH keys."""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from auditkit.signing import key_id, load_private_key, load_public_key, sign_report_directory
from auditkit.signing.keys import fingerprint

from .conftest import Run


def test_keygen_writes_pem_pair_and_prints_key_id(tmp_path: Path, run: Run) -> None:
    code, out, _ = run("keygen", "--out", tmp_path / "k", "--name", "auditor")
    assert code == 0
    private, public = tmp_path / "k" / "auditor.pem", tmp_path / "k" / "auditor.pub.pem"
    assert private.read_text().startswith("-----BEGIN PRIVATE KEY-----")  # PKCS#8
    assert public.read_text().startswith("-----BEGIN PUBLIC KEY-----")  # SubjectPublicKeyInfo
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    pub = load_public_key(public)
    der = pub.key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert f"key id       {hashlib.sha256(der).hexdigest()}" in out
    assert f"fingerprint  {pub.fingerprint}" in out
    assert "NOT encrypted" in out


def test_private_key_is_created_0600_not_chmod_ed(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_chmod(*args: object, **kwargs: object) -> None:
        raise AssertionError("chmod called")

    monkeypatch.setattr(os, "chmod", no_chmod)
    monkeypatch.setattr(os, "fchmod", no_chmod)
    old = os.umask(0)
    try:
        code, _, _ = run("keygen", "--out", tmp_path)
    finally:
        os.umask(old)
    assert code == 0
    assert stat.S_IMODE((tmp_path / "auditkit.pem").stat().st_mode) == 0o600


def test_keygen_refuses_to_overwrite(tmp_path: Path, run: Run) -> None:
    assert run("keygen", "--out", tmp_path)[0] == 0
    before = (tmp_path / "auditkit.pem").read_bytes()
    code, _, err = run("keygen", "--out", tmp_path)
    assert code == 2
    assert "already exists" in err
    assert (tmp_path / "auditkit.pem").read_bytes() == before


def test_keygen_refuses_when_only_the_public_key_exists(tmp_path: Path, run: Run) -> None:
    (tmp_path / "auditkit.pub.pem").write_text("x")
    assert run("keygen", "--out", tmp_path)[0] == 2
    assert not (tmp_path / "auditkit.pem").exists()


def test_keygen_rejects_a_path_as_name(tmp_path: Path, run: Run) -> None:
    code, _, err = run("keygen", "--out", tmp_path, "--name", "../evil")
    assert code == 2
    assert "invalid key name" in err


def test_encrypted_key_from_env(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, report_dir: Path
) -> None:
    monkeypatch.setenv("MY_PASS", "correct horse")
    code, out, _ = run("keygen", "--out", tmp_path, "--passphrase-env", "MY_PASS")
    assert code == 0 and "encrypted" in out and "NOT" not in out
    assert b"ENCRYPTED PRIVATE KEY" in (tmp_path / "auditkit.pem").read_bytes()

    # sign: the passphrase comes from AUDITKIT_KEY_PASSPHRASE (or --passphrase-env VAR)
    monkeypatch.delenv("AUDITKIT_KEY_PASSPHRASE", raising=False)
    code, _, err = run("sign", report_dir, "--key", tmp_path / "auditkit.pem")
    assert code == 2 and "is encrypted" in err  # no terminal to ask on
    monkeypatch.setenv("AUDITKIT_KEY_PASSPHRASE", "wrong")
    code, _, err = run("sign", report_dir, "--key", tmp_path / "auditkit.pem")
    assert code == 2 and "wrong passphrase" in err
    code, _, _ = run(
        "sign", report_dir, "--key", tmp_path / "auditkit.pem", "--passphrase-env", "MY_PASS"
    )
    assert code == 0
    monkeypatch.setenv("AUDITKIT_KEY_PASSPHRASE", "correct horse")
    code, _, _ = run("verify", report_dir, "--pubkey", tmp_path / "auditkit.pub.pem")
    assert code == 0


def test_keygen_passphrase_env_must_be_set(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("UNSET_VAR", raising=False)
    code, _, err = run("keygen", "--out", tmp_path, "--passphrase-env", "UNSET_VAR")
    assert code == 2 and "UNSET_VAR" in err
    assert not (tmp_path / "auditkit.pem").exists()


def test_keygen_has_no_passphrase_argument(tmp_path: Path, run: Run) -> None:
    code, _, _ = run("keygen", "--out", tmp_path, "--passphrase", "secret")
    assert code == 2


def test_keygen_prompt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from auditkit.cli.signing import keygen

    result = CliRunner().invoke(
        keygen, ["--out", str(tmp_path), "--prompt"], input="s3cret\ns3cret\n"
    )
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("AUDITKIT_KEY_PASSPHRASE", "s3cret")
    load_private_key(tmp_path / "auditkit.pem")


def test_key_id_is_recomputable_with_openssl(tmp_path: Path, run: Run) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed")
    run("keygen", "--out", tmp_path)
    der = subprocess.run(
        ["openssl", "pkey", "-pubin", "-in", str(tmp_path / "auditkit.pub.pem"), "-outform", "DER"],
        check=True,
        capture_output=True,
    ).stdout
    assert hashlib.sha256(der).hexdigest() == load_public_key(tmp_path / "auditkit.pub.pem").keyid


def test_fingerprint_is_what_ssh_keygen_prints(tmp_path: Path, run: Run) -> None:
    if shutil.which("ssh-keygen") is None:
        pytest.skip("ssh-keygen not installed")
    run("keygen", "--out", tmp_path)
    pub = load_public_key(tmp_path / "auditkit.pub.pem")
    line = pub.key.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    (tmp_path / "id.pub").write_bytes(line + b"\n")
    out = subprocess.run(
        ["ssh-keygen", "-l", "-E", "sha256", "-f", str(tmp_path / "id.pub")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert out.split()[1] == pub.fingerprint == fingerprint(pub.key)
    blob = base64.b64decode(line.split()[1])
    assert pub.fingerprint == "SHA256:" + base64.b64encode(
        hashlib.sha256(blob).digest()
    ).decode().rstrip("=")


def test_openssh_keys_sign_and_verify(tmp_path: Path, report_dir: Path, run: Run) -> None:
    if shutil.which("ssh-keygen") is None:
        pytest.skip("ssh-keygen not installed")
    subprocess.run(
        [
            "ssh-keygen",
            "-q",
            "-t",
            "ed25519",
            "-N",
            "",
            "-C",
            "auditor",
            "-f",
            str(tmp_path / "id_ed25519"),
        ],
        check=True,
    )
    assert run("sign", report_dir, "--key", tmp_path / "id_ed25519")[0] == 0
    code, out, _ = run("verify", report_dir, "--pubkey", tmp_path / "id_ed25519.pub")
    assert code == 0, out
    ssh_fp = subprocess.run(
        ["ssh-keygen", "-l", "-f", str(tmp_path / "id_ed25519.pub")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[1]
    assert ssh_fp in out
    assert key_id(load_public_key(tmp_path / "id_ed25519.pub").key) in out


@pytest.mark.parametrize("which", ["key", "pubkey"])
def test_wrong_key_kind_is_a_usage_error(
    which: str, tmp_path: Path, signed: Path, keys: dict, run: Run
) -> None:
    if which == "key":  # a public key given to sign
        code, _, err = run("sign", signed, "--append", "--key", keys["reviewer"].public_path)
        assert code == 2 and "is a public key" in err
    else:  # a private key given to verify
        code, _, err = run("verify", signed, "--pubkey", keys["auditor"].private_path)
        assert code == 2 and "is a private key" in err


def test_unreadable_and_non_ed25519_keys(tmp_path: Path, report_dir: Path, run: Run) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    code, _, err = run("sign", report_dir, "--key", tmp_path / "missing.pem")
    assert code == 2 and "not found" in err
    (tmp_path / "garbage.pem").write_text(
        "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n"
    )
    assert run("sign", report_dir, "--key", tmp_path / "garbage.pem")[0] == 2
    ec_key = ec.generate_private_key(ec.SECP256R1())
    (tmp_path / "ec.pem").write_bytes(
        ec_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    code, _, err = run("sign", report_dir, "--key", tmp_path / "ec.pem")
    assert code == 2 and "not an Ed25519 key" in err
    (tmp_path / "ec.pub.pem").write_bytes(
        ec_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    code, _, err = run("verify", report_dir, "--pubkey", tmp_path / "ec.pub.pem")
    assert code == 2 and "not an Ed25519 public key" in err


def test_library_sign_accepts_a_passphrase_callback(tmp_path: Path, report_dir: Path) -> None:
    from auditkit.signing import generate_key_pair

    keys = generate_key_pair(tmp_path, "cb", b"pw")
    asked: list[str] = []

    def source(label: str) -> bytes:
        asked.append(label)
        return b"pw"

    path = sign_report_directory(report_dir, keys.private_path, passphrase=source)
    assert path.is_file() and asked == [str(keys.private_path)]
