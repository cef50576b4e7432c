"""``auditkit diff OLD NEW``: fixed, new and still-open findings between two audits.

Either side is a report folder, a report.json, or a findings JSON file (``scan --format
json``). Findings are matched as retests match them (auditkit.history.matching), so the diff
of two reports agrees with the retest statuses of the second when it was chained to the first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditkit.core.errors import UsageError
from auditkit.core.fingerprint import identity
from auditkit.core.model import Category, Finding, Location, Severity, Suppression
from auditkit.history.matching import as_finding, loose_identity, match_findings
from auditkit.report import SCHEMA, ReportFormatError, report_from_dict
from auditkit.report.findings import finding_title
from auditkit.report.model import CATEGORY_ORDER

FINDINGS_SCHEMA_VERSION = 1
FIXED, NEW, STILL_OPEN = "fixed", "new", "still-open"
KINDS = (FIXED, NEW, STILL_OPEN)


@dataclass(frozen=True, slots=True)
class Item:
    """One finding on one side of the diff."""

    finding: Finding
    id: str | None  # the report's AK-… id; None in a findings file
    title: str
    status: str  # the report's status, or "open" / "suppressed" in a findings file

    @property
    def live(self) -> bool:
        return self.finding.suppression is None


@dataclass(frozen=True, slots=True)
class Source:
    label: str  # as the user named it
    title: str | None
    date: str | None
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # fixed | new | still-open
    old: Item | None
    new: Item | None

    @property
    def current(self) -> Item:
        item = self.new or self.old
        assert item is not None
        return item

    @property
    def severity_changed(self) -> bool:
        return (
            self.old is not None
            and self.new is not None
            and self.old.finding.severity != self.new.finding.severity
        )

    @property
    def suppressed_since(self) -> bool:
        return self.old is not None and self.new is not None and self.old.live and not self.new.live


@dataclass(frozen=True, slots=True)
class Diff:
    old: Source
    new: Source
    entries: tuple[Entry, ...]  # fixed, new, still open; each in report order

    def of(self, kind: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == kind)

    @property
    def changed_severity(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.severity_changed)

    def by_category(self) -> list[tuple[str, dict[str, int]]]:
        """Per category (every category, in report order): counts of each kind."""
        rows = []
        for category in CATEGORY_ORDER:
            mine = [e for e in self.entries if e.current.finding.category is category]
            counts = {k: sum(1 for e in mine if e.kind == k) for k in KINDS}
            counts["changed-severity"] = sum(1 for e in mine if e.severity_changed)
            rows.append((category.value, counts))
        return rows


def diff_findings(old: Source, new: Source) -> Diff:
    matching = match_findings(
        old.items,
        new.items,
        lambda item: identity(item.finding),
        lambda item: loose_identity(item.finding),
    )
    entries = [Entry(FIXED, old.items[i], None) for i in matching.fixed]
    entries += [Entry(NEW, None, new.items[j]) for j in matching.new]
    entries += [Entry(STILL_OPEN, old.items[i], new.items[j]) for i, j in matching.still_open]
    return Diff(old, new, tuple(entries))


def load_diff_source(path: Path) -> Source:
    """A report folder, a report.json or a findings JSON file."""
    file = path / "report.json" if path.is_dir() else path
    if not file.is_file():
        what = "report folder without report.json" if path.is_dir() else "file not found"
        raise UsageError(f"diff: {path}: {what}")
    try:
        data = json.loads(file.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"diff: {file} is not a readable JSON file: {exc}") from None
    if isinstance(data, dict) and data.get("schema") == SCHEMA:
        try:
            report = report_from_dict(data)
        except ReportFormatError as exc:
            raise UsageError(f"diff: {file}: {exc}") from None
        items = tuple(Item(as_finding(f), f.id, f.title, f.status.value) for f in report.findings)
        return Source(str(path), report.metadata.title, report.metadata.date, items)
    if isinstance(data, dict) and data.get("schema_version") == FINDINGS_SCHEMA_VERSION:
        return Source(str(path), None, None, _findings_file(data, file))
    raise UsageError(
        f"diff: {file} is neither an auditkit report ({SCHEMA}) nor a findings file "
        f"(scan --format json, schema_version {FINDINGS_SCHEMA_VERSION})"
    )


def _findings_file(data: dict[str, Any], file: Path) -> tuple[Item, ...]:
    raw = data.get("findings")
    if not isinstance(raw, list):
        raise UsageError(f"diff: {file}: findings: expected a list")
    items = []
    for n, x in enumerate(raw):
        try:
            finding = _finding(x)
        except (KeyError, TypeError, ValueError) as exc:
            raise UsageError(f"diff: {file}: findings[{n}]: malformed ({exc})") from None
        status = "open" if finding.suppression is None else "suppressed"
        items.append(Item(finding, None, finding_title(finding), status))
    return tuple(items)


def _finding(x: Any) -> Finding:
    loc = x["location"]
    sup = x.get("suppression")
    evidence = x.get("evidence") or {}
    if not isinstance(evidence, dict) or not isinstance(loc, dict):
        raise TypeError("evidence and location must be objects")
    suppression = None
    if sup is not None:
        extra = tuple(
            (str(k), str(v)) for k, v in sorted(sup.items()) if k not in ("kind", "reason")
        )
        suppression = Suppression(str(sup["kind"]), str(sup.get("reason", "")), extra)
    return Finding(
        rule_id=_str(x["rule_id"]),
        category=Category(x["category"]),
        severity=Severity(x["severity"]),
        message=_str(x["message"]),
        location=Location(
            _str(loc["path"]),
            _int(loc["start_line"]),
            _int(loc["start_column"]),
            _int(loc["end_line"]),
            _int(loc["end_column"]),
        ),
        snippet=_str(x["snippet"]),
        engine=_str(x["engine"]),
        evidence=tuple(sorted(evidence.items())),
        fingerprint=_str(x.get("fingerprint", "")),
        suppression=suppression,
    )


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


__all__ = [
    "FIXED",
    "KINDS",
    "NEW",
    "STILL_OPEN",
    "Diff",
    "Entry",
    "Item",
    "Source",
    "diff_findings",
    "load_diff_source",
]
