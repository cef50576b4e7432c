"""SSH signatures (OpenSSH ``PROTOCOL.sshsig``) that ``ssh-keygen -Y verify`` accepts.

For auditors whose signing key is an OpenSSH Ed25519 key: ``auditkit sign --ssh-key`` writes,
beside the DSSE envelope, the statement it signs (``statement.intoto.json``: the envelope's
payload bytes) and one armored SSH signature of it per signer
(``statement.intoto.json.<keyid[:16]>.sig``, namespace ``auditkit-report``). A regulator can
then check the signature with OpenSSH alone::

    ssh-keygen -Y verify -f allowed_signers -I auditor -n auditkit-report \\
        -s statement.intoto.json.<id>.sig < statement.intoto.json

Only the wire encoding is written here; the signature itself is cryptography's Ed25519.
"""

from __future__ import annotations

import base64
import hashlib
import struct
import textwrap
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from auditkit.signing.keys import PublicKey, SigningKey

NAMESPACE = "auditkit-report"
STATEMENT_FILE = "statement.intoto.json"
_MAGIC = b"SSHSIG"
_VERSION = 1
_HASH = "sha512"


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def _public_key_blob(key: Ed25519PublicKey) -> bytes:
    line = key.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    return base64.b64decode(line.split()[1])


def sign_message(key: SigningKey, message: bytes, namespace: str = NAMESPACE) -> str:
    """The armored ``-----BEGIN SSH SIGNATURE-----`` block for ``message``."""
    signed_data = (
        _MAGIC
        + _string(namespace.encode())
        + _string(b"")  # reserved
        + _string(_HASH.encode())
        + _string(hashlib.sha512(message).digest())
    )
    signature = _string(b"ssh-ed25519") + _string(key.sign(signed_data))
    blob = (
        _MAGIC
        + struct.pack(">I", _VERSION)
        + _string(_public_key_blob(key.key.public_key()))
        + _string(namespace.encode())
        + _string(b"")
        + _string(_HASH.encode())
        + _string(signature)
    )
    body = "\n".join(textwrap.wrap(base64.b64encode(blob).decode("ascii"), 70))
    return f"-----BEGIN SSH SIGNATURE-----\n{body}\n-----END SSH SIGNATURE-----\n"


def signature_path(report_dir: Path, keyid: str) -> Path:
    return report_dir / f"{STATEMENT_FILE}.{keyid[:16]}.sig"


def remove_stale(report_dir: Path) -> None:
    """Remove the statement file and SSH signatures of an envelope being replaced."""
    for path in (report_dir / STATEMENT_FILE, *report_dir.glob(f"{STATEMENT_FILE}.*.sig")):
        path.unlink(missing_ok=True)


def write_ssh_signature(report_dir: Path, key: SigningKey, payload: bytes) -> Path:
    """Write the statement file (the DSSE payload) and this key's SSH signature of it."""
    (report_dir / STATEMENT_FILE).write_bytes(payload)
    path = signature_path(report_dir, key.keyid)
    path.write_text(sign_message(key, payload), encoding="ascii")
    return path


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise ValueError("truncated")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def string(self) -> bytes:
        (length,) = struct.unpack(">I", self.take(4))
        return self.take(length)


def verify_message(
    public: PublicKey, armored: str, message: bytes, namespace: str = NAMESPACE
) -> bool:
    """True when ``armored`` is a valid SSH signature of ``message`` by ``public``."""
    lines = armored.strip().splitlines()
    if len(lines) < 3 or lines[0] != "-----BEGIN SSH SIGNATURE-----":
        return False
    if lines[-1] != "-----END SSH SIGNATURE-----":
        return False
    try:
        r = _Reader(base64.b64decode("".join(lines[1:-1]), validate=True))
        if r.take(6) != _MAGIC or struct.unpack(">I", r.take(4))[0] != _VERSION:
            return False
        key_blob, ns, _reserved, hash_alg, sig_blob = (r.string() for _ in range(5))
        sig = _Reader(sig_blob)
        algorithm, raw = sig.string(), sig.string()
    except (ValueError, struct.error):
        return False
    if key_blob != _public_key_blob(public.key) or ns != namespace.encode():
        return False
    if algorithm != b"ssh-ed25519" or hash_alg not in (b"sha256", b"sha512"):
        return False
    digest = hashlib.new(hash_alg.decode(), message).digest()
    signed_data = _MAGIC + _string(ns) + _string(b"") + _string(hash_alg) + _string(digest)
    return public.verifies(raw, signed_data)
