"""Every alteration is rejected with exit 4 and a reason naming what failed."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditkit.signing import ENVELOPE_NAME, load_public_key, verify_report
from auditkit.signing.dsse import Envelope
from auditkit.signing.keys import GeneratedKeys

from .conftest import Run

Keys = dict[str, GeneratedKeys]
REPORT_FILES = ("report.json", "report.html", "report.md", "report.sarif")


def flip(data: bytes, position: int, xor: int = 0x01) -> bytes:
    return data[:position] + bytes([data[position] ^ xor]) + data[position + 1 :]


def rewrite_envelope(report_dir: Path, change: Any) -> None:
    path = report_dir / ENVELOPE_NAME
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc, indent=2))


def verify(run: Run, report_dir: Path, keys: Keys, *extra: str | Path) -> tuple[int, str]:
    code, _, err = run("verify", report_dir, "--pubkey", keys["auditor"].public_path, *extra)
    return code, err


@pytest.mark.parametrize("name", REPORT_FILES)
def test_one_byte_of_a_report_file(signed: Path, keys: Keys, run: Run, name: str) -> None:
    path = signed / name
    path.write_bytes(flip(path.read_bytes(), len(path.read_bytes()) // 2))
    code, err = verify(run, signed, keys)
    assert code == 4
    assert f"subject {name}: sha256 is" in err
    assert "the file was altered after signing" in err


@pytest.mark.parametrize("name", REPORT_FILES)
def test_a_report_file_removed(signed: Path, keys: Keys, run: Run, name: str) -> None:
    (signed / name).unlink()
    code, err = verify(run, signed, keys)
    assert code == 4 and f"subject {name}: file is missing" in err


def test_one_byte_of_the_payload(signed: Path, keys: Keys, run: Run) -> None:
    def change(doc: dict[str, Any]) -> None:
        payload = base64.b64decode(doc["payload"])
        doc["payload"] = base64.b64encode(
            payload.replace(b'"fileCount":3', b'"fileCount":4')
        ).decode()

    rewrite_envelope(signed, change)
    code, err = verify(run, signed, keys)
    assert code == 4
    assert f"signature #1 (keyid {keys['auditor'].keyid}): INVALID" in err
    assert "predicate: source.fileCount is 4 but report.json scope.manifest gives 3" in err


def test_one_byte_of_a_signature(signed: Path, keys: Keys, run: Run) -> None:
    def change(doc: dict[str, Any]) -> None:
        sig = base64.b64decode(doc["signatures"][0]["sig"])
        doc["signatures"][0]["sig"] = base64.b64encode(flip(sig, 10)).decode()

    rewrite_envelope(signed, change)
    code, err = verify(run, signed, keys)
    assert code == 4
    assert f"signature #1 (keyid {keys['auditor'].keyid}): INVALID for public key" in err


def test_one_character_of_the_keyid(signed: Path, keys: Keys, run: Run) -> None:
    def change(doc: dict[str, Any]) -> None:
        keyid = doc["signatures"][0]["keyid"]
        doc["signatures"][0]["keyid"] = ("1" if keyid[0] != "1" else "2") + keyid[1:]

    rewrite_envelope(signed, change)
    code, err = verify(run, signed, keys)
    assert code == 4 and "the keyid was altered" in err


def test_the_payload_type(signed: Path, keys: Keys, run: Run) -> None:
    rewrite_envelope(signed, lambda doc: doc.update(payloadType="application/json"))
    code, err = verify(run, signed, keys)
    assert code == 4 and "INVALID" in err and "payloadType is 'application/json'" in err


def test_the_wrong_public_key(signed: Path, keys: Keys, run: Run) -> None:
    code, _, err = run("verify", signed, "--pubkey", keys["stranger"].public_path)
    assert code == 4
    assert (
        f"no signature by public key {keys['stranger'].public_path} "
        f"(keyid {keys['stranger'].keyid})" in err
    )


def test_a_signature_stolen_for_another_keyid(signed: Path, keys: Keys, run: Run) -> None:
    # The auditor's signature relabelled as the reviewer's must not count as the reviewer's.
    def change(doc: dict[str, Any]) -> None:
        doc["signatures"].append(
            {"keyid": keys["reviewer"].keyid, "sig": doc["signatures"][0]["sig"]}
        )

    rewrite_envelope(signed, change)
    code, _, err = run(
        "verify",
        signed,
        "--pubkey",
        keys["auditor"].public_path,
        "--pubkey",
        keys["reviewer"].public_path,
    )
    assert code == 4 and f"(keyid {keys['reviewer'].keyid}): INVALID" in err


def test_a_duplicated_signature(signed: Path, keys: Keys, run: Run) -> None:
    rewrite_envelope(signed, lambda doc: doc["signatures"].append(dict(doc["signatures"][0])))
    code, err = verify(run, signed, keys)
    assert code == 4 and "a second signature with the same keyid" in err


def test_a_forged_statement_signed_by_a_stranger(signed: Path, keys: Keys, run: Run) -> None:
    from auditkit.signing import sign_report_directory

    sign_report_directory(signed, keys["stranger"].private_path)  # replaces the auditor's envelope
    code, err = verify(run, signed, keys)
    assert code == 4 and "no signature by public key" in err


def test_an_unsigned_report_file_added(report_dir: Path, keys: Keys, run: Run) -> None:
    from auditkit.signing import sign_report_directory

    (report_dir / "report.html").unlink()
    sign_report_directory(report_dir, keys["auditor"].private_path)
    (report_dir / "report.html").write_text("<p>all clear</p>")
    code, err = verify(run, report_dir, keys)
    assert code == 4 and "report.html: present" in err and "not covered by the signature" in err


def test_truncated_or_garbled_envelope(signed: Path, keys: Keys, run: Run) -> None:
    path = signed / ENVELOPE_NAME
    path.write_bytes(path.read_bytes()[:100])
    code, err = verify(run, signed, keys)
    assert code == 4 and "not valid JSON" in err


def test_subject_names_cannot_escape_the_report_directory(
    tmp_path: Path, keys: Keys, signed: Path
) -> None:
    # Even a validly signed statement may not point at files outside the directory.
    from auditkit.signing.dsse import Signature
    from auditkit.signing.keys import load_private_key
    from auditkit.signing.sign import write_envelope

    env = Envelope.loads((signed / ENVELOPE_NAME).read_bytes())
    statement = json.loads(env.payload)
    statement["subject"].append({"name": "../secret", "digest": {"sha256": "0" * 64}})
    key = load_private_key(keys["auditor"].private_path)
    forged = Envelope(env.payload_type, json.dumps(statement).encode())
    forged = forged.with_signature(Signature(key.keyid, key.sign(forged.pae())))
    write_envelope(signed / ENVELOPE_NAME, forged)
    result = verify_report(signed, [load_public_key(keys["auditor"].public_path)])
    assert result.failures == ["subject '../secret': not a file name in the report directory"]


# --------------------------------------------------------------------------- the source tree


def test_source_file_changed(signed: Path, source: Path, keys: Keys, run: Run) -> None:
    path = source / "app" / "main.py"
    path.write_bytes(flip(path.read_bytes(), 3))
    code, err = verify(run, signed, keys, "--source", source)
    assert code == 4 and "source: app/main.py was changed since the audit" in err


def test_source_file_added(signed: Path, source: Path, keys: Keys, run: Run) -> None:
    (source / "app" / "backdoor.py").write_text("import socket\n")
    code, err = verify(run, signed, keys, "--source", source)
    assert code == 4 and "source: app/backdoor.py was added since the audit" in err


def test_source_file_removed(signed: Path, source: Path, keys: Keys, run: Run) -> None:
    (source / "web" / "client.js").unlink()
    code, err = verify(run, signed, keys, "--source", source)
    assert code == 4 and "source: web/client.js was removed since the audit" in err


def test_source_changes_outside_the_audit_scope_are_ignored(
    signed: Path, source: Path, keys: Keys, run: Run
) -> None:
    # docs/** is excluded by the policy recorded in report.json: the audit never covered it.
    (source / "docs" / "more.py").write_text("x = 1\n")
    (source / "README.txt").write_text("not a scanned file type\n")
    code, err = verify(run, signed, keys, "--source", source)
    assert code == 0, err


def test_every_source_difference_is_named(signed: Path, source: Path, keys: Keys, run: Run) -> None:
    (source / "app" / "main.py").write_text("changed = True\n")
    (source / "app" / "store.py").unlink()
    (source / "app" / "new.py").write_text("new = True\n")
    code, err = verify(run, signed, keys, "--source", source)
    assert code == 4
    assert "3 checks failed" in err
    for expected in ("app/main.py was changed", "app/store.py was removed", "app/new.py was added"):
        assert expected in err


# --------------------------------------------------------------------------- properties

_PROPERTY = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@_PROPERTY
@given(data=st.data())
def test_any_byte_of_report_json(signed: Path, keys: Keys, data: st.DataObject) -> None:
    path = signed / "report.json"
    original = path.read_bytes()
    position = data.draw(st.integers(0, len(original) - 1), label="position")
    xor = data.draw(st.integers(1, 255), label="xor")
    path.write_bytes(flip(original, position, xor))
    try:
        result = verify_report(signed, [load_public_key(keys["auditor"].public_path)])
    finally:
        path.write_bytes(original)
    assert not result.ok
    assert any(f.startswith("subject report.json: sha256 is") for f in result.failures)


@_PROPERTY
@given(data=st.data())
def test_any_byte_of_the_decoded_payload(signed: Path, keys: Keys, data: st.DataObject) -> None:
    path = signed / ENVELOPE_NAME
    original = path.read_bytes()
    env = Envelope.loads(original)
    position = data.draw(st.integers(0, len(env.payload) - 1), label="position")
    xor = data.draw(st.integers(1, 255), label="xor")
    tampered = Envelope(env.payload_type, flip(env.payload, position, xor), env.signatures)
    path.write_bytes(tampered.dumps())
    try:
        result = verify_report(signed, [load_public_key(keys["auditor"].public_path)])
    finally:
        path.write_bytes(original)
    assert not result.ok
    assert any(f"keyid {keys['auditor'].keyid}): INVALID" in f for f in result.failures)


@_PROPERTY
@given(data=st.data())
def test_any_byte_of_the_envelope_file(signed: Path, keys: Keys, data: st.DataObject) -> None:
    # Whatever byte changes, either verification fails or the envelope means exactly the same
    # (e.g. one JSON whitespace character replaced by another).
    path = signed / ENVELOPE_NAME
    original = path.read_bytes()
    position = data.draw(st.integers(0, len(original) - 1), label="position")
    xor = data.draw(st.integers(1, 255), label="xor")
    changed = flip(original, position, xor)
    path.write_bytes(changed)
    try:
        result = verify_report(signed, [load_public_key(keys["auditor"].public_path)])
    finally:
        path.write_bytes(original)
    if result.ok:
        assert Envelope.loads(changed) == Envelope.loads(original)
