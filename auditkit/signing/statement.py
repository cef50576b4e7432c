"""The signed payload: an in-toto Statement v1 about one report directory.

Subjects are the report files present in the directory (``report.json`` always, then
``report.html``, ``report.md``, ``report.sarif`` when they exist), each with its sha256.
The predicate (``PREDICATE_TYPE``) repeats from report.json what a regulator checks first:
the source tree, policy, ruleset, engines and finding counts, so that the signed payload
alone says which tree the report describes. ``PREDICATE_FIELDS`` is the single table that
both signing (report.json → predicate) and verification (predicate == report.json?) use.

The payload is RFC 8785 canonical JSON, so the same report and signing time always give the
same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rfc8785

from auditkit import __version__
from auditkit.manifest import ManifestEntry, manifest_digest

STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PREDICATE_TYPE = "https://auditkit.dev/audit-report/v1"
ENVELOPE_NAME = "report.json.dsse.json"
REPORT_JSON = "report.json"
REPORT_FILES = ("report.json", "report.html", "report.md", "report.sarif")

_SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
_MISSING = object()


class ReportFormatError(Exception):
    """report.json lacks a field the signature must record, or holds a malformed one."""


def _sha256_hex(value: Any) -> str:
    if isinstance(value, str):
        text = value.removeprefix("sha256:")
        if _SHA256_HEX.match(text):
            return text
    raise ReportFormatError("is not a sha256 hex digest")


def _count(value: Any) -> int:
    if not isinstance(value, list):
        raise ReportFormatError("is not a list")
    return len(value)


def _counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
        for k, v in value.items()
    ):
        raise ReportFormatError("is not an object of counts")
    return dict(value)


def _engines(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(
        isinstance(e, dict) and "name" in e and "version" in e for e in value
    ):
        raise ReportFormatError("is not a list of {name, version}")
    return [{"name": e["name"], "version": e["version"]} for e in value]


def _git(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or "commit" not in value or "dirty" not in value:
        raise ReportFormatError("is neither null nor {commit, dirty}")
    git = {"commit": value["commit"], "dirty": value["dirty"]}
    if "subdirectory" in value:  # the audited folder inside the repository
        git["subdirectory"] = value["subdirectory"]
    return git


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class PredicateField:
    predicate_path: str  # dotted path in the predicate
    report_path: str  # dotted path in report.json
    derive: Callable[[Any], Any] = _same


PREDICATE_FIELDS: tuple[PredicateField, ...] = (
    PredicateField("report.title", "metadata.title"),
    PredicateField("report.date", "metadata.date"),
    PredicateField("report.tool", "metadata.tool"),
    PredicateField("source.git", "scope.git", _git),
    PredicateField("source.manifestDigest.sha256", "scope.manifest_digest", _sha256_hex),
    PredicateField("source.fileCount", "scope.manifest", _count),
    PredicateField("policy.source", "methodology.policy.source"),
    PredicateField("policy.digest.sha256", "methodology.policy.digest", _sha256_hex),
    PredicateField("ruleset.digest.sha256", "methodology.ruleset_digest", _sha256_hex),
    PredicateField("engines", "methodology.engines", _engines),
    PredicateField("findings.byCategory", "summary.by_category", _counts),
    PredicateField("findings.bySeverity", "summary.by_severity", _counts),
)


def get_path(doc: Any, dotted: str) -> Any:
    """The value at ``a.b.c`` in nested objects, or ``_MISSING``."""
    node = doc
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return _MISSING
        node = node[part]
    return node


def is_missing(value: Any) -> bool:
    return value is _MISSING


def _set_path(doc: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    node = doc
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value


def derive_field(report: Any, spec: PredicateField) -> Any:
    """The predicate value for ``spec`` from report.json; ReportFormatError names the key."""
    raw = get_path(report, spec.report_path)
    if raw is _MISSING:
        raise ReportFormatError(f"report.json: {spec.report_path} is missing")
    try:
        return spec.derive(raw)
    except ReportFormatError as exc:
        raise ReportFormatError(f"report.json: {spec.report_path} {exc}") from None


def report_consistency_problems(report: Any) -> list[str]:
    """Checks inside report.json: the manifest digest and the policy digest recompute."""
    problems: list[str] = []
    manifest = get_path(report, "scope.manifest")
    stated = get_path(report, "scope.manifest_digest")
    if isinstance(manifest, list) and isinstance(stated, str):
        try:
            entries = [ManifestEntry(str(e["path"]), str(e["sha256"])) for e in manifest]
        except (TypeError, KeyError):
            problems.append("report.json: scope.manifest entries need a path and a sha256")
        else:
            actual = manifest_digest(entries)
            if actual != stated.removeprefix("sha256:"):
                problems.append(
                    f"report.json: scope.manifest_digest {stated} does not match its own "
                    f"scope.manifest (which digests to {actual})"
                )
    text = get_path(report, "methodology.policy.text")
    digest = get_path(report, "methodology.policy.digest")
    if isinstance(text, str) and isinstance(digest, str):
        actual = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if actual != digest.removeprefix("sha256:"):
            problems.append(
                f"report.json: methodology.policy.digest {digest} does not match "
                f"methodology.policy.text (which digests to {actual})"
            )
    return problems


def build_predicate(report: Any, signed_at: str) -> dict[str, Any]:
    errors: list[str] = []
    predicate: dict[str, Any] = {}
    for spec in PREDICATE_FIELDS:
        try:
            _set_path(predicate, spec.predicate_path, derive_field(report, spec))
        except ReportFormatError as exc:
            errors.append(str(exc))
    if errors:
        raise ReportFormatError("\n".join(errors))
    predicate["signer"] = {"name": "auditkit", "version": __version__}
    predicate["timeSigned"] = signed_at
    return predicate


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def report_subjects(
    report_dir: Path, known: dict[str, bytes] | None = None
) -> list[dict[str, Any]]:
    """Every report file present in ``report_dir``, in REPORT_FILES order, with its sha256.

    ``known`` holds contents already read (report.json), so that the digest signed is the
    digest of the very bytes the predicate was derived from.
    """
    known = known or {}
    subjects = []
    for name in REPORT_FILES:
        if name in known:
            digest = hashlib.sha256(known[name]).hexdigest()
        elif (report_dir / name).is_file():
            digest = file_sha256(report_dir / name)
        else:
            continue
        subjects.append({"name": name, "digest": {"sha256": digest}})
    return subjects


def read_report(report_dir: Path) -> tuple[bytes, Any]:
    """report.json's bytes and parsed content; ReportFormatError when absent or not JSON."""
    path = report_dir / REPORT_JSON
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReportFormatError(f"{REPORT_JSON} not found in {report_dir}") from None
    except OSError as exc:
        raise ReportFormatError(f"{REPORT_JSON}: cannot be read ({exc.strerror})") from None
    return data, parse_report(data)


def parse_report(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReportFormatError(f"{REPORT_JSON}: not valid JSON ({exc})") from None


def build_statement(report_dir: Path, signed_at: str) -> dict[str, Any]:
    data, report = read_report(report_dir)
    problems = report_consistency_problems(report)
    if problems:
        raise ReportFormatError("\n".join(problems))
    return {
        "_type": STATEMENT_TYPE,
        "subject": report_subjects(report_dir, {REPORT_JSON: data}),
        "predicateType": PREDICATE_TYPE,
        "predicate": build_predicate(report, signed_at),
    }


def encode_statement(statement: dict[str, Any]) -> bytes:
    encoded: bytes = rfc8785.dumps(statement)
    return encoded
