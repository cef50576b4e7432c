"""auditkit's own outputs, recognised by their content wherever they lie in a scanned tree.

A findings JSON, a baseline, a report folder or a SARIF log quotes every endpoint it reports:
scanned again, it would report them all a second time, at the output's lines. They are left out
and listed in coverage as auditkit output, with what they are. The test is on content (a file
renamed or moved is still recognised; a user's file named report.json is still scanned) and
cheap: a substring test on bytes that are read anyway, and a parse only when it holds.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from auditkit.core.model import AUDITKIT_OUTPUT

TOOL = "auditkit"
_MARK = b"auditkit"
_BASELINE_SCHEMA = "auditkit/baseline/1"  # triage.baseline.BASELINE_SCHEMA (an upper layer)
_PREDICATE = "https://auditkit.dev/audit-report/v1"  # signing.statement.PREDICATE_TYPE
_REPORT_SCHEMA = "auditkit/report/"
_HTML_GENERATOR = b'<meta name="generator" content="auditkit '
_MD_FOOTER = b"` \xc2\xb7 auditkit "  # "Report schema `auditkit/report/1` · auditkit 0.1.0"
# Suffixes whose files may be auditkit outputs; anything else is never read for this.
SUFFIXES = (".json", ".sarif", ".html", ".md")


# The policy file in the audited tree (policy.POLICY_FILE_NAME, a lower layer's constant kept
# here to stay below policy): its allow_hosts / deny_hosts are policy entries, not connections,
# and TOML files are scanned.
_POLICY_FILE = "auditkit.toml"


def may_be_output(name: str) -> bool:
    """Cheap test on the name: whether ``recognise`` must read the file."""
    return name.endswith(SUFFIXES) or name == _POLICY_FILE


def recognise(name: str, data: bytes) -> str | None:
    """The coverage reason for a file that auditkit wrote (``data`` is its content), or None."""
    if name == _POLICY_FILE:
        return f"{AUDITKIT_OUTPUT} (audit policy: its hosts are policy entries, not connections)"
    if _MARK not in data and b'"payloadType"' not in data:
        return None  # the common case: a file that does not name auditkit at all
    if name.endswith(".html"):
        return _reason("HTML report") if _HTML_GENERATOR in data[:4096] else None
    if name.endswith(".md"):
        tail = data[-512:]
        return _reason("Markdown report") if _MD_FOOTER in tail else None
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    kind = _json_kind(doc) if isinstance(doc, dict) else None
    return None if kind is None else _reason(kind)


def _reason(kind: str) -> str:
    return f"{AUDITKIT_OUTPUT} ({kind} written by auditkit: its endpoints are quotes)"


def _json_kind(doc: dict[str, Any]) -> str | None:
    tool = doc.get("tool")
    if doc.get("schema") == _BASELINE_SCHEMA:
        return "baseline"
    if isinstance(tool, dict) and tool.get("name") == TOOL and "findings" in doc:
        return "findings JSON"
    metadata = doc.get("metadata")
    schema = doc.get("schema")
    if isinstance(metadata, dict) and TOOL in (metadata.get("tool"), _name(metadata.get("tool"))):
        return "report" if isinstance(schema, str) and schema.startswith(_REPORT_SCHEMA) else None
    if _sarif_driver(doc) == TOOL:
        return "SARIF log"
    if doc.get("payloadType") == "application/vnd.in-toto+json":
        return "report signature" if _statement_predicate(doc) == _PREDICATE else None
    return None


def _name(value: object) -> object:
    return value.get("name") if isinstance(value, dict) else None


def _sarif_driver(doc: dict[str, Any]) -> str | None:
    runs = doc.get("runs")
    if not isinstance(runs, list) or not runs or not isinstance(runs[0], dict):
        return None
    tool = runs[0].get("tool")
    driver = tool.get("driver") if isinstance(tool, dict) else None
    name = driver.get("name") if isinstance(driver, dict) else None
    return name if isinstance(name, str) else None


def _statement_predicate(envelope: dict[str, Any]) -> str | None:
    payload = envelope.get("payload")
    if not isinstance(payload, str):
        return None
    try:
        statement = json.loads(base64.b64decode(payload, validate=True))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    predicate = statement.get("predicateType") if isinstance(statement, dict) else None
    return predicate if isinstance(predicate, str) else None
