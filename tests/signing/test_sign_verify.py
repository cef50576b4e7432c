"""``auditkit sign`` / ``verify``: the envelope, the statement, co-signing, the verify report."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
import rfc8785

from auditkit.signing import (
    ENVELOPE_NAME,
    PREDICATE_TYPE,
    STATEMENT_TYPE,
    load_public_key,
    sign_report_directory,
    verify_report,
)
from auditkit.signing.keys import GeneratedKeys

from .conftest import Run

Keys = dict[str, GeneratedKeys]


def envelope_of(report_dir: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((report_dir / ENVELOPE_NAME).read_text())
    return doc


def statement_of(report_dir: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(base64.b64decode(envelope_of(report_dir)["payload"]))
    return doc


def test_envelope_and_statement_format(signed: Path, keys: Keys) -> None:
    env = envelope_of(signed)
    assert env["payloadType"] == "application/vnd.in-toto+json"
    assert env["signatures"] == [
        {"keyid": keys["auditor"].keyid, "sig": env["signatures"][0]["sig"]}
    ]
    payload = base64.b64decode(env["payload"])
    statement = json.loads(payload)
    assert payload == rfc8785.dumps(statement)  # canonical JSON
    assert statement["_type"] == STATEMENT_TYPE == "https://in-toto.io/Statement/v1"
    assert statement["predicateType"] == PREDICATE_TYPE
    import hashlib

    assert statement["subject"] == [
        {"name": n, "digest": {"sha256": hashlib.sha256((signed / n).read_bytes()).hexdigest()}}
        for n in ("report.json", "report.html", "report.md", "report.sarif")
    ]
    report = json.loads((signed / "report.json").read_text())
    p = statement["predicate"]
    assert p["source"] == {
        "git": report["scope"]["git"],
        "manifestDigest": {"sha256": report["scope"]["manifest_digest"]},
        "fileCount": 3,
    }
    assert p["policy"] == {
        "source": "auditkit.toml",
        "digest": {"sha256": report["methodology"]["policy"]["digest"]},
    }
    assert p["ruleset"] == {"digest": {"sha256": report["methodology"]["ruleset_digest"]}}
    assert p["engines"] == report["methodology"]["engines"]
    assert p["findings"] == {
        "byCategory": report["summary"]["by_category"],
        "bySeverity": report["summary"]["by_severity"],
    }
    assert p["report"] == report["metadata"]
    assert p["signer"]["name"] == "auditkit"
    assert p["timeSigned"].endswith("Z")


def test_subjects_are_the_report_files_present(report_dir: Path, keys: Keys) -> None:
    (report_dir / "report.md").unlink()
    (report_dir / "notes.txt").write_text("not a report file")
    sign_report_directory(report_dir, keys["auditor"].private_path)
    names = [s["name"] for s in statement_of(report_dir)["subject"]]
    assert names == ["report.json", "report.html", "report.sarif"]


def test_source_date_epoch_makes_signing_reproducible(
    report_dir: Path, keys: Keys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714521600")
    sign_report_directory(report_dir, keys["auditor"].private_path)
    first = (report_dir / ENVELOPE_NAME).read_bytes()
    assert statement_of(report_dir)["predicate"]["timeSigned"] == "2024-05-01T00:00:00Z"
    sign_report_directory(report_dir, keys["auditor"].private_path)
    assert (report_dir / ENVELOPE_NAME).read_bytes() == first  # Ed25519 is deterministic


def test_bad_source_date_epoch(
    report_dir: Path, keys: Keys, monkeypatch: pytest.MonkeyPatch, run: Run
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    code, _, err = run("sign", report_dir, "--key", keys["auditor"].private_path)
    assert code == 2 and "SOURCE_DATE_EPOCH" in err


def test_verify_success_output(signed: Path, source: Path, keys: Keys, run: Run) -> None:
    code, out, err = run(
        "verify", signed, "--pubkey", keys["auditor"].public_path, "--source", source
    )
    assert code == 0, err
    report = json.loads((signed / "report.json").read_text())
    assert f"signed by     {keys['auditor'].keyid}  {keys['auditor'].fingerprint}" in out
    for name in ("report.json", "report.html", "report.md", "report.sarif"):
        assert f"subject       {name}" in out
    assert "git 0123456789abcdef0123456789abcdef01234567" in out
    assert f"sha256:{report['scope']['manifest_digest']}  (3 files)" in out
    assert "matches the audited manifest (3 files)" in out


@pytest.mark.parametrize("which", ["report.json", ENVELOPE_NAME])
def test_verify_accepts_a_file_in_the_report_directory(
    signed: Path, keys: Keys, run: Run, which: str
) -> None:
    assert run("verify", signed / which, "--pubkey", keys["auditor"].public_path)[0] == 0


def test_sign_accepts_a_report_file(report_dir: Path, keys: Keys, run: Run) -> None:
    assert run("sign", report_dir / "report.json", "--key", keys["auditor"].private_path)[0] == 0
    assert (report_dir / ENVELOPE_NAME).is_file()


def test_co_signing_appends_a_signature_over_the_same_payload(
    signed: Path, keys: Keys, run: Run
) -> None:
    before = envelope_of(signed)
    code, _, err = run("sign", signed, "--key", keys["reviewer"].private_path, "--append")
    assert code == 0, err
    after = envelope_of(signed)
    assert after["payload"] == before["payload"]
    assert after["signatures"][0] == before["signatures"][0]
    assert [s["keyid"] for s in after["signatures"]] == [
        keys["auditor"].keyid,
        keys["reviewer"].keyid,
    ]
    code, out, _ = run(
        "verify",
        signed,
        "--pubkey",
        keys["auditor"].public_path,
        "--pubkey",
        keys["reviewer"].public_path,
    )
    assert code == 0
    assert out.count("signed by") == 2


def test_the_same_key_never_signs_twice(signed: Path, keys: Keys, run: Run) -> None:
    code, _, err = run("sign", signed, "--key", keys["auditor"].private_path, "--append")
    assert code == 2
    assert "already signed" in err and keys["auditor"].keyid in err
    assert len(envelope_of(signed)["signatures"]) == 1


def test_co_signing_refuses_a_payload_that_no_longer_matches(
    signed: Path, keys: Keys, run: Run
) -> None:
    with (signed / "report.md").open("a") as handle:
        handle.write("edited after signing\n")
    before = (signed / ENVELOPE_NAME).read_bytes()
    code, _, err = run("sign", signed, "--key", keys["reviewer"].private_path, "--append")
    assert code == 4
    assert "subject report.md" in err
    assert (signed / ENVELOPE_NAME).read_bytes() == before


def test_co_signing_refuses_a_new_unsigned_report_file(
    report_dir: Path, keys: Keys, run: Run
) -> None:
    (report_dir / "report.sarif").unlink()
    sign_report_directory(report_dir, keys["auditor"].private_path)
    (report_dir / "report.sarif").write_text("{}")
    code, _, err = run("sign", report_dir, "--key", keys["reviewer"].private_path, "--append")
    assert code == 4 and "report.sarif: present" in err


def test_append_needs_an_envelope(report_dir: Path, keys: Keys, run: Run) -> None:
    code, _, err = run("sign", report_dir, "--key", keys["reviewer"].private_path, "--append")
    assert code == 2 and "sign without --append first" in err


def test_sign_does_not_silently_discard_signatures(signed: Path, keys: Keys, run: Run) -> None:
    code, _, err = run("sign", signed, "--key", keys["reviewer"].private_path)
    assert code == 2 and "--append" in err
    code, _, _ = run("sign", signed, "--key", keys["reviewer"].private_path, "--replace")
    assert code == 0
    assert [s["keyid"] for s in envelope_of(signed)["signatures"]] == [keys["reviewer"].keyid]


def test_verify_requires_every_given_key(signed: Path, keys: Keys, run: Run) -> None:
    code, _, err = run(
        "verify",
        signed,
        "--pubkey",
        keys["auditor"].public_path,
        "--pubkey",
        keys["reviewer"].public_path,
    )
    assert code == 4
    assert (
        f"no signature by public key {keys['reviewer'].public_path} "
        f"(keyid {keys['reviewer'].keyid})" in err
    )


def test_signature_by_an_unknown_key_is_reported_but_not_a_failure(
    signed: Path, keys: Keys, run: Run
) -> None:
    sign_report_directory(signed, keys["stranger"].private_path, append=True)
    code, out, _ = run("verify", signed, "--pubkey", keys["auditor"].public_path)
    assert code == 0
    assert f"also signed   {keys['stranger'].keyid}  (unknown key: not checked)" in out


def test_only_an_unknown_signer_fails(signed: Path, keys: Keys, run: Run) -> None:
    code, _, err = run("verify", signed, "--pubkey", keys["reviewer"].public_path)
    assert code == 4 and "no signature by public key" in err


def test_sign_refuses_a_report_without_the_signed_fields(
    report_dir: Path, keys: Keys, run: Run
) -> None:
    report = json.loads((report_dir / "report.json").read_text())
    del report["scope"]["manifest_digest"]
    report["summary"]["by_severity"] = "many"
    (report_dir / "report.json").write_bytes(rfc8785.dumps(report))
    code, _, err = run("sign", report_dir, "--key", keys["auditor"].private_path)
    assert code == 2
    assert "report.json: scope.manifest_digest is missing" in err
    assert "report.json: summary.by_severity is not an object of counts" in err
    assert not (report_dir / ENVELOPE_NAME).exists()


def test_sign_refuses_an_inconsistent_report(report_dir: Path, keys: Keys, run: Run) -> None:
    report = json.loads((report_dir / "report.json").read_text())
    report["scope"]["manifest"][0]["sha256"] = "0" * 64
    report["methodology"]["policy"]["text"] += "\n# edited\n"
    (report_dir / "report.json").write_bytes(rfc8785.dumps(report))
    code, _, err = run("sign", report_dir, "--key", keys["auditor"].private_path)
    assert code == 2
    assert "scope.manifest_digest" in err and "methodology.policy.digest" in err


def test_usage_errors(tmp_path: Path, signed: Path, keys: Keys, run: Run) -> None:
    pub = keys["auditor"].public_path
    assert run("verify", tmp_path / "missing", "--pubkey", pub)[0] == 2
    assert run("verify", signed, "--pubkey", tmp_path / "missing.pem")[0] == 2
    assert run("verify", signed)[0] == 2  # --pubkey is required
    assert run("verify", signed, "--pubkey", pub, "--rescan")[0] == 2  # --rescan needs --source
    assert run("verify", signed, "--pubkey", pub, "--source", tmp_path / "nope")[0] == 2
    (tmp_path / "empty").mkdir()
    code, _, err = run("verify", tmp_path / "empty", "--pubkey", pub)
    assert code == 2 and "not a report directory" in err
    assert run("sign", tmp_path / "missing", "--key", keys["auditor"].private_path)[0] == 2
    (tmp_path / "other.txt").write_text("x")
    assert run("sign", tmp_path / "other.txt", "--key", keys["auditor"].private_path)[0] == 2


def test_an_unsigned_report_fails_verification(report_dir: Path, keys: Keys, run: Run) -> None:
    code, _, err = run("verify", report_dir, "--pubkey", keys["auditor"].public_path)
    assert code == 4 and "the report is not signed" in err


def test_library_result(signed: Path, keys: Keys, source: Path) -> None:
    result = verify_report(signed, [load_public_key(keys["auditor"].public_path)], source=source)
    assert result.ok, result.failures
    assert [k.keyid for k in result.signers] == [keys["auditor"].keyid]
    assert [n for n, _ in result.subjects] == [
        "report.json",
        "report.html",
        "report.md",
        "report.sarif",
    ]
    assert result.source_files == 3


def test_pyproject_policy_text_is_understood(
    report_dir: Path, source: Path, keys: Keys, run: Run
) -> None:
    # load_policy records a [tool.auditkit] section as JSON: --source must read it too.
    import hashlib

    text = json.dumps({"audit": {"exclude": ["docs/**", "web/**"]}}, sort_keys=True)
    report = json.loads((report_dir / "report.json").read_text())
    report["methodology"]["policy"] = {
        "source": "pyproject.toml [tool.auditkit]",
        "text": text,
        "digest": hashlib.sha256(text.encode()).hexdigest(),
    }
    manifest = [e for e in report["scope"]["manifest"] if not e["path"].startswith("web/")]
    from auditkit.manifest import ManifestEntry, manifest_digest

    report["scope"]["manifest"] = manifest
    report["scope"]["manifest_digest"] = manifest_digest(
        ManifestEntry(e["path"], e["sha256"]) for e in manifest
    )
    (report_dir / "report.json").write_bytes(rfc8785.dumps(report))
    sign_report_directory(report_dir, keys["auditor"].private_path)
    code, out, err = run(
        "verify", report_dir, "--pubkey", keys["auditor"].public_path, "--source", source
    )
    assert code == 0, err
    assert "(2 files)" in out
