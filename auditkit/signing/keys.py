"""Ed25519 signing keys: generate, load, identify.

Key files are PEM (PKCS#8 private key, optionally passphrase-encrypted; SubjectPublicKeyInfo
public key). OpenSSH Ed25519 keys (``-----BEGIN OPENSSH PRIVATE KEY-----`` and
``ssh-ed25519 AAAA…`` lines) are read too.

Key id: the lowercase hex SHA-256 of the DER SubjectPublicKeyInfo encoding of the public key
(the same definition as go-securesystemslib's ``dsse.SHA256KeyID``). Anyone can recompute it
without auditkit::

    openssl pkey -pubin -in auditor.pub.pem -outform DER | sha256sum

Fingerprint: ``SHA256:`` + unpadded base64 of the SHA-256 of the OpenSSH public key blob,
exactly what ``ssh-keygen -l`` prints for the same key.
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from auditkit.core.errors import UsageError

KEY_PASSPHRASE_ENV = "AUDITKIT_KEY_PASSPHRASE"
PRIVATE_KEY_MODE = 0o600

# Returns the passphrase for an encrypted private key, or None when there is none to give.
PassphraseSource = Callable[[str], bytes | None]


def key_id(public_key: Ed25519PublicKey) -> str:
    der = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


def fingerprint(public_key: Ed25519PublicKey) -> str:
    line = public_key.public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    )
    blob = base64.b64decode(line.split()[1])
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode("ascii").rstrip("=")


@dataclass(frozen=True)
class PublicKey:
    key: Ed25519PublicKey
    source: str  # where it was read from, for messages

    @property
    def keyid(self) -> str:
        return key_id(self.key)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key)

    def verifies(self, signature: bytes, data: bytes) -> bool:
        try:
            self.key.verify(signature, data)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class SigningKey:
    key: Ed25519PrivateKey
    source: str

    @property
    def public(self) -> PublicKey:
        return PublicKey(self.key.public_key(), self.source)

    @property
    def keyid(self) -> str:
        return self.public.keyid

    def sign(self, data: bytes) -> bytes:
        return self.key.sign(data)


# --------------------------------------------------------------------------- passphrases


def passphrase_from_env(var: str) -> bytes | None:
    value = os.environ.get(var)
    if value is None:
        return None
    if not value:
        raise UsageError(f"environment variable {var} is set but empty")
    return value.encode("utf-8")


def env_or_prompt(var: str = KEY_PASSPHRASE_ENV) -> PassphraseSource:
    """The passphrase from ``var``; otherwise asked on the terminal, when there is one."""

    def source(label: str) -> bytes | None:
        value = passphrase_from_env(var)
        if value is not None:
            return value
        if not sys.stdin.isatty():
            return None
        return getpass.getpass(f"Passphrase for {label}: ").encode("utf-8")

    return source


# --------------------------------------------------------------------------- generate


@dataclass(frozen=True)
class GeneratedKeys:
    private_path: Path
    public_path: Path
    keyid: str
    fingerprint: str
    encrypted: bool


def key_paths(out_dir: Path, name: str) -> tuple[Path, Path]:
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise UsageError(f"invalid key name {name!r}: expected a plain file name")
    return out_dir / f"{name}.pem", out_dir / f"{name}.pub.pem"


def generate_key_pair(out_dir: Path, name: str, passphrase: bytes | None = None) -> GeneratedKeys:
    """Write ``NAME.pem`` (mode 0600 from creation) and ``NAME.pub.pem``; never overwrite."""
    private_path, public_path = key_paths(out_dir, name)
    for path in (private_path, public_path):
        if path.exists() or path.is_symlink():
            raise UsageError(f"{path} already exists: refusing to overwrite a key")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {out_dir}: {exc.strerror}") from None
    key = Ed25519PrivateKey.generate()
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    _write_new(private_path, private_pem, PRIVATE_KEY_MODE)
    try:
        _write_new(public_path, public_pem, 0o644)
    except UsageError:
        private_path.unlink(missing_ok=True)
        raise
    public = key.public_key()
    return GeneratedKeys(
        private_path, public_path, key_id(public), fingerprint(public), bool(passphrase)
    )


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Create ``path`` with ``mode`` (O_EXCL: never an existing file, never through a symlink)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, mode)
    except FileExistsError:
        raise UsageError(f"{path} already exists: refusing to overwrite a key") from None
    except OSError as exc:
        raise UsageError(f"cannot create {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None


# --------------------------------------------------------------------------- load


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{what} not found: {path}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {what} {path}: {exc.strerror}") from None


def load_private_key(path: Path, passphrase: PassphraseSource | None = None) -> SigningKey:
    """An Ed25519 private key (PEM PKCS#8 or OpenSSH), decrypted with the passphrase if needed."""
    data = _read(path, "private key")
    if b"PUBLIC KEY" in data[:64] or data.lstrip().startswith(b"ssh-ed25519 "):
        raise UsageError(f"{path} is a public key: --key needs the private key")
    try:
        key = _parse_private(data, None)
    except TypeError:  # encrypted, and no password given
        secret = (passphrase or env_or_prompt())(str(path))
        if secret is None:
            raise UsageError(
                f"{path} is encrypted: set {KEY_PASSPHRASE_ENV} or run in a terminal to be asked"
            ) from None
        try:
            key = _parse_private(data, secret)
        except (ValueError, TypeError, UnsupportedAlgorithm):
            raise UsageError(f"cannot decrypt {path}: wrong passphrase?") from None
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise UsageError(f"{path} is not a readable private key: {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise UsageError(f"{path} is not an Ed25519 key (auditkit signs with Ed25519 only)")
    return SigningKey(key, str(path))


def _parse_private(data: bytes, password: bytes | None) -> object:
    if data.lstrip().startswith(b"-----BEGIN OPENSSH PRIVATE KEY-----"):
        return serialization.load_ssh_private_key(data, password)
    return serialization.load_pem_private_key(data, password)


def load_public_key(path: Path) -> PublicKey:
    """An Ed25519 public key: PEM SubjectPublicKeyInfo or an OpenSSH ``ssh-ed25519`` line."""
    data = _read(path, "public key")
    if b"PRIVATE KEY" in data[:64]:
        raise UsageError(f"{path} is a private key: give the public key (NAME.pub.pem)")
    try:
        if data.lstrip().startswith(b"ssh-"):
            key: object = serialization.load_ssh_public_key(data.strip())
        else:
            key = serialization.load_pem_public_key(data)
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise UsageError(f"{path} is not a readable public key: {exc}") from None
    if not isinstance(key, Ed25519PublicKey):
        raise UsageError(f"{path} is not an Ed25519 public key")
    return PublicKey(key, str(path))
