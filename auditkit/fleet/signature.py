"""The fleet summary's signature: a DSSE envelope (``fleet.json.dsse.json``) over an in-toto
Statement v1 whose subjects are fleet.json, fleet.html and fleet.md.

The predicate repeats the fleet's name, date and, per target, its state and the sha256 of its
report.json: one signature ties the summary to every signed target report beside it.
``verify_fleet`` checks the envelope, the subjects, the predicate against fleet.json, every
target's report.json digest and, where a target is signed, the target's own envelope.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import rfc8785

from auditkit import __version__
from auditkit.core.errors import UsageError
from auditkit.signing.dsse import INTOTO_PAYLOAD_TYPE, Envelope, EnvelopeError, Signature
from auditkit.signing.keys import PublicKey, SigningKey
from auditkit.signing.sign import signing_time, write_envelope
from auditkit.signing.statement import STATEMENT_TYPE
from auditkit.signing.verify import VerificationResult, check_signatures, verify_report

FLEET_PREDICATE_TYPE = "https://auditkit.dev/fleet-summary/v1"
FLEET_ENVELOPE = "fleet.json.dsse.json"
FLEET_JSON = "fleet.json"
FLEET_FILES = ("fleet.json", "fleet.html", "fleet.md")


def fleet_predicate(fleet: Any) -> dict[str, Any]:
    """What the signature states about fleet.json (signing and verification both use it)."""
    return {
        "fleet": {"name": fleet["fleet"]["name"], "date": fleet["fleet"]["date"]},
        "targets": [
            {"name": t["name"], "state": t["state"], "reportSha256": t["report_sha256"]}
            for t in fleet["targets"]
        ],
        "totals": fleet["totals"],
    }


def sign_fleet(out_dir: Path, key: SigningKey) -> Path:
    data = (out_dir / FLEET_JSON).read_bytes()
    subjects = []
    for name in FLEET_FILES:
        content = data if name == FLEET_JSON else (out_dir / name).read_bytes()
        subjects.append({"name": name, "digest": {"sha256": hashlib.sha256(content).hexdigest()}})
    predicate = fleet_predicate(json.loads(data))
    predicate["signer"] = {"name": "auditkit", "version": __version__}
    predicate["timeSigned"] = signing_time()
    statement = {
        "_type": STATEMENT_TYPE,
        "subject": subjects,
        "predicateType": FLEET_PREDICATE_TYPE,
        "predicate": predicate,
    }
    payload: Any = statement
    envelope = Envelope(INTOTO_PAYLOAD_TYPE, bytes(rfc8785.dumps(payload)))
    envelope = envelope.with_signature(Signature(key.keyid, key.sign(envelope.pae())))
    path = out_dir / FLEET_ENVELOPE
    write_envelope(path, envelope)
    return path


def is_fleet(path: Path) -> bool:
    """A fleet output folder, or its summary or envelope file."""
    if path.is_dir():
        return (path / FLEET_JSON).is_file() and not (path / "report.json").exists()
    return path.name in (*FLEET_FILES, FLEET_ENVELOPE)


def verify_fleet(path: Path, keys: list[PublicKey]) -> VerificationResult:
    if not keys:
        raise UsageError("give at least one public key (--pubkey) to verify against")
    out_dir = path if path.is_dir() else path.parent
    envelope_path = out_dir / FLEET_ENVELOPE
    result = VerificationResult(envelope_path, out_dir)
    try:
        envelope = Envelope.loads(envelope_path.read_bytes(), envelope_path.name)
    except FileNotFoundError:
        result.failures.append(f"the fleet summary is not signed: {envelope_path} not found")
        return result
    except EnvelopeError as exc:
        result.failures.append(exc.message)
        return result
    check_signatures(envelope, keys, result)
    try:
        statement = json.loads(envelope.payload)
    except ValueError:
        result.failures.append("payload: not JSON")
        return result
    if not isinstance(statement, dict) or statement.get("predicateType") != FLEET_PREDICATE_TYPE:
        result.failures.append(f"payload: predicateType is not {FLEET_PREDICATE_TYPE}")
        return result
    result.predicate = statement.get("predicate")
    fleet = _check_subjects(statement, out_dir, result)
    if fleet is None:
        return result
    _check_predicate(statement, fleet, result)
    _check_targets(fleet, out_dir, keys, result)
    return result


def _check_subjects(statement: dict[str, Any], out_dir: Path, result: VerificationResult) -> Any:
    fleet = None
    signed = {
        s.get("name"): (s.get("digest") or {}).get("sha256")
        for s in statement.get("subject") or []
        if isinstance(s, dict)
    }
    for name in FLEET_FILES:
        if name not in signed:
            result.failures.append(f"subject {name}: not covered by the signature")
            continue
        try:
            data = (out_dir / name).read_bytes()
        except OSError:
            result.failures.append(f"subject {name}: file is missing from {out_dir}")
            continue
        actual = hashlib.sha256(data).hexdigest()
        result.subjects.append((name, str(signed[name])))
        if actual != signed[name]:
            result.failures.append(
                f"subject {name}: sha256 is {actual}, the signature covers {signed[name]} "
                "(the file was altered after signing)"
            )
        elif name == FLEET_JSON:
            fleet = json.loads(data)
    return fleet


def _check_predicate(statement: dict[str, Any], fleet: Any, result: VerificationResult) -> None:
    predicate = dict(statement.get("predicate") or {})
    predicate.pop("signer", None)
    predicate.pop("timeSigned", None)
    try:
        expected = fleet_predicate(fleet)
    except (KeyError, TypeError):
        result.failures.append("fleet.json: not a fleet summary (fields are missing)")
        return
    for key, value in expected.items():
        if rfc8785.dumps(predicate.get(key)) != rfc8785.dumps(value):
            result.failures.append(f"predicate: {key} disagrees with fleet.json")


def _check_targets(
    fleet: Any, out_dir: Path, keys: list[PublicKey], result: VerificationResult
) -> None:
    """Each target's report.json is the one summarised; a signed target verifies too."""
    for target in fleet["targets"]:
        digest = target.get("report_sha256")
        if digest is None:
            continue
        folder = out_dir / target["name"]
        try:
            actual = hashlib.sha256((folder / "report.json").read_bytes()).hexdigest()
        except OSError:
            result.failures.append(f"target {target['name']}: report.json is missing")
            continue
        if actual != digest:
            result.failures.append(
                f"target {target['name']}: report.json sha256 is {actual}, fleet.json "
                f"records {digest} (the report was replaced or altered)"
            )
        links = target.get("reports") or {}
        if links.get("signature"):
            inner = verify_report(folder, keys)
            result.failures += [f"target {target['name']}: {f}" for f in inner.failures]
            if inner.ok:
                result.notes.append(f"target {target['name']}: signed report verified")
