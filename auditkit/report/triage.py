"""The triage file (``triage.toml``): a reviewer's decisions on findings, by fingerprint.

```toml
[[decision]]
fingerprint = "v1:0123abcd…"          # from report.json or `scan --format json`
status = "false-positive"             # confirmed | false-positive | accepted-risk
note = "Test fixture; never deployed."
reviewer = "A. Auditor"
date = 2026-01-15                     # a TOML date, or "YYYY-MM-DD"
rule_id = "endpoint.non-eu"           # optional, for the reader of this file
path = "services/feed/feed/jobs.py"   # optional, for the reader of this file
```

Validation is as strict as the policy's: unknown keys, wrong types and duplicate
fingerprints are errors naming the file and the key path, all reported together.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditkit.core.errors import UsageError
from auditkit.core.tomlfile import read_toml
from auditkit.report.model import TRIAGE_STATUSES, Decision, Status

_FINGERPRINT = re.compile(r"^v[0-9]+:[0-9a-f]{8,128}$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_REQUIRED = ("fingerprint", "status", "note", "reviewer", "date")
_OPTIONAL = ("rule_id", "path")


class TriageError(UsageError):
    """One or more errors in a triage file; each names the file and the key path."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = tuple(errors)


@dataclass(frozen=True, slots=True)
class TriageFile:
    source: str  # the file's name, as the report shows it
    decisions: tuple[Decision, ...]


def load_triage(path: Path) -> TriageFile:
    label = str(path)
    data, _ = read_toml(path, label, "triage", TriageError)
    return parse_triage(data, label, source=path.name)


def parse_triage(data: dict[str, Any], label: str, source: str | None = None) -> TriageFile:
    errors: list[str] = []
    for key in data:
        if key != "decision":
            errors.append(f"{label}: {key}: unknown key; allowed: decision")
    entries = data.get("decision", [])
    if not isinstance(entries, list):
        errors.append(f"{label}: decision: expected an array of tables ([[decision]])")
        entries = []
    decisions: list[Decision] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries):
        where = f"decision[{i}]"
        if not isinstance(entry, dict):
            errors.append(f"{label}: {where}: expected a table")
            continue
        decision = _decision(entry, f"{label}: {where}", errors)
        if decision is None:
            continue
        if decision.fingerprint in seen:
            errors.append(
                f"{label}: {where}.fingerprint: duplicate of decision[{seen[decision.fingerprint]}]"
            )
            continue
        seen[decision.fingerprint] = i
        decisions.append(decision)
    if errors:
        raise TriageError(errors)
    return TriageFile(source=source or label, decisions=tuple(decisions))


def _decision(entry: dict[str, Any], where: str, errors: list[str]) -> Decision | None:
    before = len(errors)
    for key in entry:
        if key not in _REQUIRED + _OPTIONAL:
            errors.append(
                f"{where}.{key}: unknown key; allowed: {', '.join(_REQUIRED + _OPTIONAL)}"
            )
    values: dict[str, str] = {}
    for key in _REQUIRED + _OPTIONAL:
        value = entry.get(key)
        if value is None:
            if key in _REQUIRED:
                errors.append(f"{where}.{key}: missing")
            continue
        if key == "date" and isinstance(value, dt.date | dt.time):
            if type(value) is not dt.date:
                errors.append(f"{where}.date: expected a date (YYYY-MM-DD), not a time")
                continue
            value = value.isoformat()
        if not isinstance(value, str) or not value.strip():
            errors.append(f"{where}.{key}: expected a non-empty string")
            continue
        values[key] = value.strip()
    _check_values(values, where, errors)
    if len(errors) > before:
        return None
    return Decision(
        fingerprint=values["fingerprint"],
        status=Status(values["status"]),
        note=values["note"],
        reviewer=values["reviewer"],
        date=values["date"],
        rule_id=values.get("rule_id"),
        path=values.get("path"),
    )


def _check_values(values: dict[str, str], where: str, errors: list[str]) -> None:
    fp = values.get("fingerprint")
    if fp is not None and not _FINGERPRINT.match(fp):
        errors.append(f"{where}.fingerprint: {fp!r} is not an auditkit fingerprint (v1:…)")
    status = values.get("status")
    allowed = [s.value for s in TRIAGE_STATUSES]
    if status is not None and status not in allowed:
        errors.append(f"{where}.status: {status!r} is not one of {', '.join(allowed)}")
    date = values.get("date")
    if date is not None and not _valid_date(date):
        errors.append(f"{where}.date: {date!r} is not a date (YYYY-MM-DD)")


def _valid_date(text: str) -> bool:
    if not _DATE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
