"""Sign a report directory: write or extend ``report.json.dsse.json``.

A first signature builds the in-toto statement from the files present and signs it. Further
signatures (``append``: a reviewer co-signing the auditor's report) sign the very same payload
bytes, after checking that the payload still describes the files in the directory; one key
signs an envelope at most once.
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from auditkit.core.errors import UsageError, VerificationError
from auditkit.signing.dsse import INTOTO_PAYLOAD_TYPE, Envelope, EnvelopeError, Signature
from auditkit.signing.keys import PassphraseSource, SigningKey, load_private_key
from auditkit.signing.statement import (
    ENVELOPE_NAME,
    REPORT_FILES,
    ReportFormatError,
    build_statement,
    encode_statement,
)
from auditkit.signing.verify import (
    VerificationResult,
    check_predicate,
    check_subjects,
    parse_statement,
)


def signing_time() -> str:
    """RFC 3339 UTC: SOURCE_DATE_EPOCH when set (reproducible signing), otherwise now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            moment = datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix timestamp") from None
    else:
        moment = datetime.now(tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def report_directory(path: Path) -> Path:
    """The report directory for a directory, a report file or an envelope file."""
    if not path.exists():
        raise UsageError(f"not found: {path}")
    if path.is_dir():
        return path
    if path.name in (*REPORT_FILES, ENVELOPE_NAME):
        return path.parent
    raise UsageError(
        f"{path} is neither a report directory nor a report file ({', '.join(REPORT_FILES)})"
    )


def new_envelope(report_dir: Path, key: SigningKey) -> Envelope:
    try:
        statement = build_statement(report_dir, signing_time())
    except ReportFormatError as exc:
        raise UsageError(f"cannot sign {report_dir}: {exc}") from None
    envelope = Envelope(INTOTO_PAYLOAD_TYPE, encode_statement(statement))
    return envelope.with_signature(Signature(key.keyid, key.sign(envelope.pae())))


def add_signature(report_dir: Path, envelope: Envelope, key: SigningKey) -> Envelope:
    """Co-sign ``envelope``'s payload, unchanged; refuse when it no longer fits the files."""
    if any(s.keyid == key.keyid for s in envelope.signatures):
        raise UsageError(f"key {key.keyid} ({key.source}) has already signed this envelope")
    check = VerificationResult(report_dir / ENVELOPE_NAME, report_dir)
    if envelope.payload_type != INTOTO_PAYLOAD_TYPE:
        check.failures.append(f"envelope: payloadType is {envelope.payload_type!r}")
    statement = parse_statement(envelope, check.failures)
    if statement is not None:
        report = check_subjects(statement, report_dir, check)
        if report is not None:
            check.failures.extend(check_predicate(statement, report))
    if check.failures:
        raise VerificationError(
            "\n".join(
                [
                    "the signed payload no longer matches the report files: refusing to co-sign",
                    *check.failures,
                ]
            )
        )
    return envelope.with_signature(Signature(key.keyid, key.sign(envelope.pae())))


def read_envelope(path: Path) -> Envelope:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path} not found: sign without --append first") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    try:
        return Envelope.loads(data, path.name)
    except EnvelopeError as exc:
        raise VerificationError(exc.message) from None


def write_envelope(path: Path, envelope: Envelope) -> None:
    """Replace ``path`` atomically: a reader never sees half an envelope."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(envelope.dumps())
        os.chmod(tmp, 0o644)  # a public document, like the report files beside it
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None


def sign_report_directory(
    out_dir: Path,
    key_path: Path,
    *,
    append: bool = False,
    passphrase: PassphraseSource | None = None,
    ssh_signature: bool = False,
) -> Path:
    """Sign the report files in ``out_dir``; return the envelope's path.

    Without ``append`` a new envelope replaces any existing one (a fresh audit); with
    ``append`` the key co-signs the existing envelope's payload. ``ssh_signature`` also
    writes the payload and an SSH signature of it that ``ssh-keygen -Y verify`` accepts.
    """
    key = load_private_key(key_path, passphrase)
    return sign_with_key(out_dir, key, append=append, ssh_signature=ssh_signature)


def sign_with_key(
    out_dir: Path, key: SigningKey, *, append: bool = False, ssh_signature: bool = False
) -> Path:
    """:func:`sign_report_directory` with a key already loaded (one passphrase, many reports)."""
    from auditkit.signing import sshsig

    envelope_path = out_dir / ENVELOPE_NAME
    if append:
        envelope = add_signature(out_dir, read_envelope(envelope_path), key)
    else:
        envelope = new_envelope(out_dir, key)
        sshsig.remove_stale(out_dir)  # they sign a payload that is about to be replaced
    write_envelope(envelope_path, envelope)
    if ssh_signature:
        try:
            sshsig.write_ssh_signature(out_dir, key, envelope.payload)
        except OSError as exc:
            raise UsageError(
                f"cannot write the SSH signature in {out_dir}: {exc.strerror}"
            ) from None
    return envelope_path
