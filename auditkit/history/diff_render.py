"""The diff as text (terminal), JSON (machines) and Markdown (tickets, merge requests)."""

from __future__ import annotations

import json
from typing import Any

from auditkit.history.diff import FIXED, NEW, STILL_OPEN, Diff, Entry, Item, Source

DIFF_SCHEMA = "auditkit/diff/1"
FORMATS = ("text", "json", "md")
_HEADINGS = {
    FIXED: "Fixed (in the old audit, gone from the new one)",
    NEW: "New (not in the old audit)",
    STILL_OPEN: "Still open (in both audits)",
}


def render_diff(diff: Diff, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(diff_to_dict(diff), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if fmt == "md":
        return _markdown(diff)
    return _text(diff)


def _totals(diff: Diff) -> dict[str, int]:
    return {
        "fixed": len(diff.of(FIXED)),
        "new": len(diff.of(NEW)),
        "still_open": len(diff.of(STILL_OPEN)),
        "changed_severity": len(diff.changed_severity),
        "suppressed_since": sum(1 for e in diff.entries if e.suppressed_since),
    }


def _source(s: Source) -> dict[str, Any]:
    return {"source": s.label, "title": s.title, "date": s.date, "findings": len(s.items)}


def _item(item: Item) -> dict[str, Any]:
    f = item.finding
    return {
        "id": item.id,
        "rule_id": f.rule_id,
        "category": f.category.value,
        "severity": f.severity.value,
        "title": item.title,
        "status": item.status,
        "location": {"path": f.location.path, "line": f.location.start_line},
        "fingerprint": f.fingerprint,
    }


def _entry(e: Entry) -> dict[str, Any]:
    if e.kind != STILL_OPEN:
        return _item(e.current)
    assert e.old is not None
    out = _item(e.current)
    out["previous"] = {
        "id": e.old.id,
        "severity": e.old.finding.severity.value,
        "status": e.old.status,
        "location": {
            "path": e.old.finding.location.path,
            "line": e.old.finding.location.start_line,
        },
    }
    out["severity_changed"] = e.severity_changed
    out["suppressed_since"] = e.suppressed_since
    return out


def diff_to_dict(diff: Diff) -> dict[str, Any]:
    return {
        "schema": DIFF_SCHEMA,
        "old": _source(diff.old),
        "new": _source(diff.new),
        "totals": _totals(diff),
        "by_category": {key: counts for key, counts in diff.by_category()},
        "fixed": [_entry(e) for e in diff.of(FIXED)],
        "new_findings": [_entry(e) for e in diff.of(NEW)],
        "still_open": [_entry(e) for e in diff.of(STILL_OPEN)],
        "changed_severity": [_entry(e) for e in diff.changed_severity],
    }


def _name(s: Source) -> str:
    if s.title:
        return f"{s.title} ({s.date}) [{s.label}]"
    return s.label


def _where(item: Item) -> str:
    loc = item.finding.location
    return f"{loc.path}:{loc.start_line}"


def _remark(e: Entry) -> str:
    notes = []
    if e.severity_changed:
        assert e.old is not None
        notes.append(
            f"severity {e.old.finding.severity.value} → {e.current.finding.severity.value}"
        )
    if e.suppressed_since:
        notes.append(f"suppressed since ({e.current.status})")
    return "; ".join(notes)


def _text(diff: Diff) -> str:
    t = _totals(diff)
    lines = [
        f"old: {_name(diff.old)}",
        f"new: {_name(diff.new)}",
        f"{t['fixed']} fixed, {t['new']} new, {t['still_open']} still open "
        f"({t['changed_severity']} changed severity, {t['suppressed_since']} suppressed since)",
        "",
        f"{'category':<24} {'fixed':>6} {'new':>6} {'still open':>11} {'severity':>9}",
    ]
    for key, c in diff.by_category():
        lines.append(
            f"{key:<24} {c[FIXED]:>6} {c[NEW]:>6} {c[STILL_OPEN]:>11} {c['changed-severity']:>9}"
        )
    for kind in (FIXED, NEW, STILL_OPEN):
        entries = diff.of(kind)
        lines += ["", f"{_HEADINGS[kind]}: {len(entries)}"]
        for e in entries:
            item, remark = e.current, _remark(e)
            f = item.finding
            lines.append(
                f"  {item.id or '-':<8} {f.severity.value:<8} {f.rule_id:<24} "
                f"{_where(item)}  {item.title}" + (f"  [{remark}]" if remark else "")
            )
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    pad = " " if "`" in text else ""
    return f"{fence}{pad}{_md_cell(text)}{pad}{fence}"


def _markdown(diff: Diff) -> str:
    t = _totals(diff)
    out = [
        "# Changes between two audits",
        "",
        f"- Old: {_md_cell(_name(diff.old))}",
        f"- New: {_md_cell(_name(diff.new))}",
        "",
        f"**{t['fixed']} fixed, {t['new']} new, {t['still_open']} still open** "
        f"({t['changed_severity']} changed severity, {t['suppressed_since']} suppressed since).",
        "",
        "| Category | Fixed | New | Still open | Changed severity |",
        "|---|---:|---:|---:|---:|",
    ]
    for key, c in diff.by_category():
        out.append(f"| {key} | {c[FIXED]} | {c[NEW]} | {c[STILL_OPEN]} | {c['changed-severity']} |")
    for kind in (FIXED, NEW, STILL_OPEN):
        entries = diff.of(kind)
        out += ["", f"## {_HEADINGS[kind]} ({len(entries)})", ""]
        if not entries:
            out.append("None.")
            continue
        out += ["| ID | Risk | Rule | Location | Title | Remark |", "|---|---|---|---|---|---|"]
        for e in entries:
            item = e.current
            f = item.finding
            out.append(
                f"| {item.id or ''} | {f.severity.value} | {_code(f.rule_id)} "
                f"| {_code(_where(item))} | {_md_cell(item.title)} | {_md_cell(_remark(e))} |"
            )
    return "\n".join(out) + "\n"
