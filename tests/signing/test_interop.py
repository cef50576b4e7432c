"""An independent DSSE implementation (securesystemslib) verifies auditkit's envelopes, and the
regulator's recipe in docs/VERIFYING.md runs verbatim without auditkit."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from securesystemslib.dsse import Envelope as SslibEnvelope
from securesystemslib.exceptions import VerificationError as SslibVerificationError
from securesystemslib.signer import SSlibKey

from auditkit.signing import ENVELOPE_NAME, sign_report_directory
from auditkit.signing.keys import GeneratedKeys

Keys = dict[str, GeneratedKeys]
REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "VERIFYING.md"

# Runs a script with `import auditkit` made impossible: the recipe must not depend on it.
_NO_AUDITKIT = """\
import runpy, sys
class _Block:
    def find_spec(self, name, path=None, target=None):
        if name == "auditkit" or name.startswith("auditkit."):
            raise ImportError("auditkit must not be needed to verify a report")
sys.meta_path.insert(0, _Block())
script = sys.argv.pop(1)
sys.argv[0] = script
runpy.run_path(script, run_name="__main__")
"""


def sslib_key(public_pem: Path, keyid: str | None = None) -> SSlibKey:
    pub = serialization.load_pem_public_key(public_pem.read_bytes())
    if keyid is None:
        der = pub.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        keyid = hashlib.sha256(der).hexdigest()
    return SSlibKey.from_crypto(pub, keyid=keyid)  # type: ignore[arg-type]


def sslib_envelope(report_dir: Path) -> SslibEnvelope:
    return SslibEnvelope.from_dict(json.loads((report_dir / ENVELOPE_NAME).read_text()))


def test_securesystemslib_verifies_every_signature(signed: Path, keys: Keys) -> None:
    sign_report_directory(signed, keys["reviewer"].private_path, append=True)
    envelope = sslib_envelope(signed)
    accepted = envelope.verify(
        [sslib_key(keys["auditor"].public_path), sslib_key(keys["reviewer"].public_path)],
        threshold=2,
    )
    assert set(accepted) == {keys["auditor"].keyid, keys["reviewer"].keyid}
    assert envelope.payload_type == "application/vnd.in-toto+json"
    statement = json.loads(envelope.payload)
    assert statement["_type"] == "https://in-toto.io/Statement/v1"
    # securesystemslib's own PAE equals ours
    from auditkit.signing import pae

    assert envelope.pae() == pae(envelope.payload_type, envelope.payload)


def test_keyid_is_securesystemslib_compatible_by_construction(keys: Keys) -> None:
    # securesystemslib matches signatures to keys by keyid: its key must carry ours.
    from auditkit.signing import load_public_key

    assert (
        sslib_key(keys["auditor"].public_path).keyid
        == load_public_key(keys["auditor"].public_path).keyid
    )


def test_securesystemslib_rejects_tampering(signed: Path, keys: Keys) -> None:
    key = sslib_key(keys["auditor"].public_path)
    path = signed / ENVELOPE_NAME
    doc = json.loads(path.read_text())
    import base64

    payload = base64.b64decode(doc["payload"]).replace(b'"fileCount":3', b'"fileCount":2')
    doc["payload"] = base64.b64encode(payload).decode()
    with pytest.raises(SslibVerificationError):
        SslibEnvelope.from_dict(doc).verify([key], threshold=1)
    with pytest.raises(SslibVerificationError):  # the wrong key
        sslib_envelope(signed).verify([sslib_key(keys["stranger"].public_path)], threshold=1)


def test_envelope_from_securesystemslib_signer_verifies_with_auditkit(
    signed: Path, keys: Keys, tmp_path: Path
) -> None:
    # The other direction: an envelope signed by securesystemslib over our payload.
    from securesystemslib.signer import CryptoSigner

    from auditkit.signing import load_public_key, verify_report

    private = serialization.load_pem_private_key(keys["reviewer"].private_path.read_bytes(), None)
    signer = CryptoSigner(private, sslib_key(keys["reviewer"].public_path))  # type: ignore[arg-type]
    ours = sslib_envelope(signed)
    theirs = SslibEnvelope(ours.payload, ours.payload_type, {})
    theirs.sign(signer)
    (signed / ENVELOPE_NAME).write_text(json.dumps(theirs.to_dict()))
    result = verify_report(signed, [load_public_key(keys["reviewer"].public_path)])
    assert result.ok, result.failures


def snippet(name: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(
        rf"<!-- snippet: {re.escape(name)} -->\n"
        r"(?P<fence>[ ]*)```python\n(?P<body>.*?)\n(?P=fence)```",
        text,
        re.S,
    )
    assert match, f"snippet {name} not found in {DOC}"
    return textwrap.dedent(match.group("body")) + "\n"


def run_without_auditkit(
    script: Path, *args: str | Path, cwd: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-I", "-c", _NO_AUDITKIT, str(script), *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum not installed")
def test_regulator_recipe_verbatim(signed: Path, keys: Keys, tmp_path: Path) -> None:
    sign_report_directory(signed, keys["reviewer"].private_path, append=True)
    script = tmp_path / "verify_dsse.py"
    script.write_text(snippet("verify_dsse.py"))
    assert len(script.read_text().splitlines()) <= 22
    pubs = [keys["auditor"].public_path, keys["reviewer"].public_path]

    proc = run_without_auditkit(script, ENVELOPE_NAME, *pubs, cwd=signed)
    assert proc.returncode == 0, proc.stderr
    assert '"manifestDigest"' in proc.stderr
    (tmp_path / "SHA256SUMS").write_text(proc.stdout)
    names = [line.split("  ", 1)[1] for line in proc.stdout.splitlines()]
    assert names == ["report.json", "report.html", "report.md", "report.sarif"]
    check = subprocess.run(
        ["sha256sum", "-c", str(tmp_path / "SHA256SUMS")],
        cwd=signed,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout

    # a report file altered after signing: sha256sum -c fails on it
    with (signed / "report.md").open("a") as handle:
        handle.write("x")
    check = subprocess.run(
        ["sha256sum", "-c", str(tmp_path / "SHA256SUMS")],
        cwd=signed,
        capture_output=True,
        text=True,
    )
    assert check.returncode != 0 and "report.md: FAILED" in check.stdout

    # a required key that did not sign: the script fails
    proc = run_without_auditkit(script, ENVELOPE_NAME, keys["stranger"].public_path, cwd=signed)
    assert proc.returncode != 0 and "VerificationError" in proc.stderr


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum not installed")
def test_regulator_manifest_recipe_verbatim(signed: Path, source: Path, tmp_path: Path) -> None:
    script = tmp_path / "manifest.py"
    script.write_text(snippet("manifest.py"))
    proc = run_without_auditkit(script, signed / "report.json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((signed / "report.json").read_text())
    assert f"manifest digest {report['scope']['manifest_digest']} (3 files)" in proc.stderr
    (tmp_path / "MANIFEST.sha256").write_text(proc.stdout)
    check = subprocess.run(
        ["sha256sum", "-c", "--quiet", str(tmp_path / "MANIFEST.sha256")], cwd=source
    )
    assert check.returncode == 0
    (source / "app" / "main.py").write_text("changed\n")
    check = subprocess.run(
        ["sha256sum", "-c", "--quiet", str(tmp_path / "MANIFEST.sha256")],
        cwd=source,
        capture_output=True,
        text=True,
    )
    assert check.returncode != 0 and "app/main.py: FAILED" in check.stdout


def test_manifest_recipe_matches_rfc8785_on_awkward_paths() -> None:
    # The recipe's json.dumps stands in for RFC 8785; check it on non-ASCII and escaped paths.
    import rfc8785

    entries = [
        {"path": p, "sha256": "0" * 64}
        for p in sorted(
            ['a"b.py', "b\\c.py", "d\te.py", "é/ü.py", "日本/x.py", "\x7f.py", "z\u2028.py"]
        )
    ]
    recipe = json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )
    assert recipe == rfc8785.dumps(entries)
