"""Verify a signed report directory: signatures, subjects, predicate, and optionally the source.

Every check that fails adds one line to ``VerificationResult.failures`` naming what failed
(which signature and key id, which subject file, which predicate field, which source file);
verification never stops at the first failure, so the regulator sees the whole picture.

Signature policy (DSSE leaves it to the verifier):

* every public key the verifier gives must have a valid signature on the envelope;
* a signature is matched to a key by its ``keyid`` (as securesystemslib does), and a
  signature whose keyid names a given key but does not verify with it is a failure;
* a signature that verifies with a given key but carries another keyid is a failure (the
  keyid was altered: independent verifiers would reject the envelope);
* a signature by a key the verifier did not give is listed as "not checked" and is not a
  failure by itself: a co-signer unknown to this verifier adds no trust, but the required
  keys' signatures still have to hold over the very same payload.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rfc8785

from auditkit.core.errors import PolicyError, UsageError
from auditkit.manifest import ManifestEntry, diff_manifests, manifest_digest, manifest_entries
from auditkit.signing.dsse import INTOTO_PAYLOAD_TYPE, Envelope, EnvelopeError
from auditkit.signing.keys import PublicKey
from auditkit.signing.statement import (
    ENVELOPE_NAME,
    PREDICATE_FIELDS,
    PREDICATE_TYPE,
    REPORT_FILES,
    REPORT_JSON,
    STATEMENT_TYPE,
    ReportFormatError,
    derive_field,
    file_sha256,
    get_path,
    is_missing,
    parse_report,
    report_consistency_problems,
)


@dataclass
class VerificationResult:
    envelope_path: Path
    report_dir: Path
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    signers: list[PublicKey] = field(default_factory=list)
    unknown_keyids: list[str] = field(default_factory=list)
    ssh_signatures: list[tuple[str, PublicKey]] = field(default_factory=list)
    subjects: list[tuple[str, str]] = field(default_factory=list)
    predicate: dict[str, Any] | None = None
    source: Path | None = None
    source_files: int | None = None
    rescanned_findings: int | None = None
    report: Any = None  # report.json as parsed, once its digest matched the signed subject

    @property
    def ok(self) -> bool:
        return not self.failures


def resolve_report_path(path: Path) -> tuple[Path, Path]:
    """(report directory, envelope path) for a report directory or an envelope file."""
    if not path.exists():
        raise UsageError(f"not found: {path}")
    if path.is_dir():
        envelope = path / ENVELOPE_NAME
        if not envelope.exists() and not (path / REPORT_JSON).exists():
            raise UsageError(
                f"{path} is not a report directory (no {REPORT_JSON}, no {ENVELOPE_NAME})"
            )
        return path, envelope
    if path.name in REPORT_FILES:
        return path.parent, path.parent / ENVELOPE_NAME
    return path.parent, path


def verify_report(
    path: Path,
    public_keys: list[PublicKey],
    *,
    source: Path | None = None,
    rescan: bool = False,
) -> VerificationResult:
    if not public_keys:
        raise UsageError("give at least one public key (--pubkey) to verify against")
    if source is not None and not source.exists():
        raise UsageError(f"source tree not found: {source}")
    report_dir, envelope_path = resolve_report_path(path)
    result = VerificationResult(envelope_path, report_dir)
    try:
        data = envelope_path.read_bytes()
    except FileNotFoundError:
        result.failures.append(f"the report is not signed: {envelope_path} not found")
        return result
    except OSError as exc:
        raise UsageError(f"cannot read {envelope_path}: {exc.strerror}") from None
    try:
        envelope = Envelope.loads(data, envelope_path.name)
    except EnvelopeError as exc:
        result.failures.append(exc.message)
        return result
    check_signatures(envelope, public_keys, result)
    check_ssh_signatures(envelope, public_keys, result)
    statement = parse_statement(envelope, result.failures)
    if statement is None:
        return result
    result.predicate = statement.get("predicate")
    report = check_subjects(statement, report_dir, result)
    result.report = report
    if report is not None:
        result.failures.extend(check_predicate(statement, report))
        if source is not None:
            check_source(report, source, statement, result)
            if rescan:
                check_rescan(report, source, result)
    elif source is not None:
        result.failures.append(f"source: not checked ({REPORT_JSON} cannot be read)")
    return result


# --------------------------------------------------------------------------- signatures


def check_signatures(envelope: Envelope, keys: list[PublicKey], result: VerificationResult) -> None:
    pae = envelope.pae()
    by_keyid: dict[str, list[PublicKey]] = {}
    for key in keys:
        by_keyid.setdefault(key.keyid, []).append(key)
    verified: set[str] = set()
    reported: set[str] = set()
    seen: set[str] = set()
    for i, sig in enumerate(envelope.signatures, start=1):
        label = f"signature #{i} (keyid {sig.keyid or '<none>'})"
        if sig.keyid in seen:
            result.failures.append(f"{label}: a second signature with the same keyid")
            continue
        seen.add(sig.keyid)
        candidates = by_keyid.get(sig.keyid, [])
        if candidates:
            key = candidates[0]
            if key.verifies(sig.sig, pae):
                verified.add(key.keyid)
                result.signers.append(key)
            else:
                reported.add(key.keyid)
                result.failures.append(
                    f"{label}: INVALID for public key {key.source}: "
                    "the payload or the signature was altered"
                )
            continue
        other = next((k for k in keys if k.verifies(sig.sig, pae)), None)
        if other is not None:
            reported.add(other.keyid)
            result.failures.append(
                f"{label}: verifies with {other.source} whose keyid is {other.keyid}: "
                "the keyid was altered"
            )
        else:
            result.unknown_keyids.append(sig.keyid)
    for key in keys:
        if key.keyid not in verified and key.keyid not in reported:
            result.failures.append(
                f"no signature by public key {key.source} (keyid {key.keyid}) on the envelope"
            )
    if envelope.payload_type != INTOTO_PAYLOAD_TYPE:
        result.failures.append(
            f"envelope: payloadType is {envelope.payload_type!r}, expected {INTOTO_PAYLOAD_TYPE!r}"
        )


def check_ssh_signatures(
    envelope: Envelope, keys: list[PublicKey], result: VerificationResult
) -> None:
    """The optional SSH signatures (``sign --ssh-key``) beside the envelope, if any."""
    from auditkit.signing.sshsig import STATEMENT_FILE, verify_message

    statement_file = result.report_dir / STATEMENT_FILE
    if statement_file.is_file() and statement_file.read_bytes() != envelope.payload:
        result.failures.append(
            f"{STATEMENT_FILE}: differs from the payload signed in {result.envelope_path.name}"
        )
    for path in sorted(result.report_dir.glob(f"{STATEMENT_FILE}.*.sig")):
        prefix = path.name[len(STATEMENT_FILE) + 1 : -len(".sig")]
        key = next((k for k in keys if prefix and k.keyid.startswith(prefix)), None)
        if key is None:
            result.notes.append(f"{path.name}: SSH signature by a key not given (not checked)")
        elif verify_message(
            key, path.read_text(encoding="ascii", errors="replace"), envelope.payload
        ):
            result.ssh_signatures.append((path.name, key))
        else:
            result.failures.append(f"{path.name}: SSH signature does not verify with {key.source}")


# --------------------------------------------------------------------------- statement


def parse_statement(envelope: Envelope, failures: list[str]) -> dict[str, Any] | None:
    try:
        statement = json.loads(envelope.payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        failures.append(f"payload: not a valid in-toto statement (not JSON: {exc})")
        return None
    if not isinstance(statement, dict):
        failures.append("payload: not a valid in-toto statement (not a JSON object)")
        return None
    if statement.get("_type") != STATEMENT_TYPE:
        failures.append(
            f"payload: _type is {statement.get('_type')!r}, expected {STATEMENT_TYPE!r}"
        )
    if statement.get("predicateType") != PREDICATE_TYPE:
        failures.append(
            f"payload: predicateType is {statement.get('predicateType')!r}, "
            f"expected {PREDICATE_TYPE!r}"
        )
    if not isinstance(statement.get("predicate"), dict):
        failures.append("payload: predicate is missing or not an object")
        statement["predicate"] = {}
    return statement


def check_subjects(
    statement: dict[str, Any], report_dir: Path, result: VerificationResult
) -> Any | None:
    """Compare every subject's digest with its file; return parsed report.json if readable."""
    subjects = statement.get("subject")
    if not isinstance(subjects, list) or not subjects:
        result.failures.append("payload: subject must be a non-empty list")
        subjects = []
    report: Any | None = None
    named: set[str] = set()
    for i, subject in enumerate(subjects, start=1):
        name = subject.get("name") if isinstance(subject, dict) else None
        digest = subject.get("digest") if isinstance(subject, dict) else None
        expected = digest.get("sha256") if isinstance(digest, dict) else None
        if not isinstance(name, str) or not isinstance(expected, str):
            result.failures.append(f"payload: subject #{i} lacks a name or a sha256 digest")
            continue
        if name in named:
            result.failures.append(f"subject {name}: listed twice")
            continue
        named.add(name)
        if name in ("", ".", "..") or "/" in name or "\\" in name:
            result.failures.append(f"subject {name!r}: not a file name in the report directory")
            continue
        path = report_dir / name
        if not path.is_file():
            result.failures.append(f"subject {name}: file is missing from {report_dir}")
            continue
        data = path.read_bytes() if name == REPORT_JSON else None
        actual = _sha256(data) if data is not None else file_sha256(path)
        result.subjects.append((name, expected))
        if actual != expected:
            result.failures.append(
                f"subject {name}: sha256 is {actual}, the signature covers {expected} "
                "(the file was altered after signing)"
            )
        if data is not None:
            try:
                report = parse_report(data)
            except ReportFormatError as exc:
                result.failures.append(str(exc))
    for name in REPORT_FILES:
        if name not in named and (report_dir / name).is_file():
            result.failures.append(
                f"{name}: present in {report_dir} but not covered by the signature"
            )
    if REPORT_JSON not in named:
        result.failures.append(f"payload: {REPORT_JSON} is not among the signed subjects")
    return report


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _canonical(value: Any) -> bytes:
    try:
        encoded: bytes = rfc8785.dumps(value)
    except Exception:  # not JSON-representable: compare by repr instead
        return repr(value).encode()
    return encoded


def _short(value: Any, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_predicate(statement: dict[str, Any], report: Any) -> list[str]:
    """One line per predicate field that disagrees with report.json."""
    failures: list[str] = []
    predicate = statement.get("predicate", {})
    for spec in PREDICATE_FIELDS:
        signed = get_path(predicate, spec.predicate_path)
        try:
            expected = derive_field(report, spec)
        except ReportFormatError as exc:
            failures.append(str(exc))
            continue
        if is_missing(signed):
            failures.append(f"predicate: {spec.predicate_path} is missing")
        elif _canonical(signed) != _canonical(expected):
            failures.append(
                f"predicate: {spec.predicate_path} is {_short(signed)} but report.json "
                f"{spec.report_path} gives {_short(expected)}"
            )
    failures.extend(report_consistency_problems(report))
    return failures


# --------------------------------------------------------------------------- source tree


def policy_from_report(report: Any) -> Any:
    """The audit's policy, rebuilt from the exact text report.json records."""
    from auditkit.core.policy import Policy, parse_policy

    text = get_path(report, "methodology.policy.text")
    if is_missing(text) or text is None or text == "":
        return Policy()
    if not isinstance(text, str):
        raise ReportFormatError("report.json: methodology.policy.text is not a string")
    try:
        data: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        try:  # a [tool.auditkit] section is recorded as JSON
            data = json.loads(text)
        except json.JSONDecodeError:
            raise ReportFormatError(
                "report.json: methodology.policy.text is neither TOML nor JSON"
            ) from None
    if not isinstance(data, dict):
        raise ReportFormatError("report.json: methodology.policy.text is not a table")
    source = get_path(report, "methodology.policy.source")
    label = f"policy {source}" if isinstance(source, str) else "policy"
    try:
        return parse_policy(data, f"report.json {label}", text)
    except PolicyError as exc:
        raise ReportFormatError("; ".join(exc.errors)) from None


def check_source(
    report: Any, target: Path, statement: dict[str, Any], result: VerificationResult
) -> None:
    from auditkit.workspace import discover

    result.source = target
    try:
        policy = policy_from_report(report)
        audited = [
            ManifestEntry(str(e["path"]), str(e["sha256"]))
            for e in get_path(report, "scope.manifest")
        ]
    except ReportFormatError as exc:
        result.failures.append(f"source: not checked: {exc}")
        return
    except (TypeError, KeyError):
        result.failures.append("source: not checked: report.json scope.manifest is malformed")
        return
    workspace = discover(target, policy.exclude, respect_gitignore=policy.respect_gitignore)
    current = manifest_entries(f.as_scanned() for f in workspace.files)
    result.source_files = len(current)
    diff = diff_manifests(audited, current)
    before = {e.path: e.sha256 for e in audited}
    after = {e.path: e.sha256 for e in current}
    for p in diff.added:
        result.failures.append(f"source: {p} was added since the audit")
    for p in diff.removed:
        result.failures.append(f"source: {p} was removed since the audit")
    for p in diff.changed:
        result.failures.append(
            f"source: {p} was changed since the audit (sha256 {after[p]}, audited {before[p]})"
        )
    signed = get_path(statement.get("predicate", {}), "source.manifestDigest.sha256")
    digest = manifest_digest(current)
    if diff.clean and signed != digest:
        result.failures.append(
            f"source: manifest digest of {target} is {digest}, the signature covers {signed}"
        )


def check_rescan(report: Any, target: Path, result: VerificationResult) -> None:
    """Run the scan again and compare the findings' fingerprints with the report's."""
    from auditkit.signing.rescan import rescan_problems

    problems, notes, count = rescan_problems(report, target)
    result.failures.extend(problems)
    result.notes.extend(notes)
    result.rescanned_findings = count
