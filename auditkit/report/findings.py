"""Scan findings → report findings: order, short ids, component, title, triage status."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from typing import Any

from auditkit.core.model import Category, Finding, Suppression
from auditkit.report.model import (
    CATEGORY_ORDER,
    Decision,
    JsonValue,
    ReportFinding,
    Status,
    TriagedDecision,
)

ID_PREFIX = "AK-"
# In a monorepo the component is the second folder under these grouping folders.
_GROUPING_FOLDERS = frozenset({"services", "apps", "packages"})
ROOT_SERVICE = "(root)"


def service_of(path: str) -> str:
    """The component of a file: ``services/feed/x.py`` → ``feed``, ``api/x.py`` → ``api``."""
    parts = PurePosixPath(path).parts
    if len(parts) <= 1:
        return ROOT_SERVICE
    if parts[0] in _GROUPING_FOLDERS and len(parts) >= 3:
        return parts[1]
    return parts[0]


def status_of(suppression: Suppression | None, decision: Decision | None) -> Status:
    if suppression is None:
        return Status.CONFIRMED if decision is not None else Status.OPEN
    if suppression.kind == "baseline":
        return Status.BASELINED
    if suppression.kind == "triage" and decision is not None:
        return decision.status
    return Status.SUPPRESSED


def report_findings(
    findings: Iterable[Finding],
    decisions: Iterable[Decision],
    languages: Mapping[str, str],
) -> tuple[tuple[ReportFinding, ...], tuple[TriagedDecision, ...]]:
    """Apply triage decisions, order the findings and number them AK-001 …"""
    by_fp = {d.fingerprint: d for d in decisions}
    staged = []
    for f in findings:
        decision = by_fp.get(f.fingerprint)
        suppression = f.suppression
        if suppression is None and decision is not None and decision.status is not Status.CONFIRMED:
            suppression = _triage_suppression(decision)
        staged.append((f, suppression, decision))
    staged.sort(key=lambda s: _order(s[0], s[1]))
    width = max(3, len(str(len(staged))))
    out = []
    for n, (f, suppression, decision) in enumerate(staged, start=1):
        out.append(
            ReportFinding(
                id=f"{ID_PREFIX}{n:0{width}d}",
                fingerprint=f.fingerprint,
                rule_id=f.rule_id,
                category=f.category,
                severity=f.severity,
                title=finding_title(f),
                message=f.message,
                location=f.location,
                snippet=f.snippet,
                language=languages.get(f.location.path, ""),
                # Sorted like canonical JSON, so a report re-read from report.json is equal.
                evidence=tuple(sorted(((str(k), _json_value(v)) for k, v in f.evidence), key=_key)),
                engine=f.engine,
                suppression=_canonical(suppression),
                service=service_of(f.location.path),
                status=status_of(suppression, decision),
                triage=decision,
            )
        )
    ids = {f.fingerprint: f.id for f in out if f.triage is not None}
    triaged = tuple(
        TriagedDecision(d, ids.get(d.fingerprint))
        for d in sorted(by_fp.values(), key=_decision_order)
    )
    return tuple(out), triaged


def _decision_order(d: Decision) -> tuple[str, str]:
    return (d.path or "", d.fingerprint)


def _canonical(s: Suppression | None) -> Suppression | None:
    if s is None:
        return None
    return Suppression(s.kind, s.reason, tuple(sorted((str(k), str(v)) for k, v in s.extra)))


def _triage_suppression(d: Decision) -> Suppression:
    extra = (("status", d.status.value), ("reviewer", d.reviewer), ("date", d.date))
    return Suppression(kind="triage", reason=d.note, extra=extra)


def _order(f: Finding, suppression: Suppression | None) -> tuple[Any, ...]:
    loc = f.location
    return (
        suppression is not None,  # live findings first
        CATEGORY_ORDER.index(f.category),
        -f.severity.rank,
        loc.path,
        loc.start_line,
        loc.start_column,
        f.rule_id,
        f.fingerprint,
    )


def finding_title(f: Finding) -> str:
    """A short heading for one finding, like the titles of a findings table."""
    ev = f.evidence_dict
    if f.category in (Category.NON_EU_ENDPOINT, Category.UNVERIFIED_ENDPOINT):
        subject = ev.get("host") or ev.get("region") or ev.get("endpoint") or ""
        owner = ev.get("provider") or ev.get("vendor")
        where = " ".join(str(x) for x in (owner, ev.get("region")) if x)
        country = ev.get("jurisdiction")
        if f.category is Category.UNVERIFIED_ENDPOINT:
            return f"Unverified endpoint {subject}".strip()
        detail = ", ".join(x for x in (where, str(country) if country else "") if x)
        return f"Non-EU endpoint {subject}" + (f" ({detail})" if detail else "")
    if f.category is Category.OPERATOR_JURISDICTION:
        subject = ev.get("host") or ev.get("endpoint") or ""
        home = ev.get("operator_jurisdiction")
        return f"Endpoint {subject} operated by {ev.get('operator')} ({home})"
    if f.rule_id == "gateway.protected-host":
        return f"Protected service {ev.get('host', '')} called outside the gateway"
    if f.rule_id == "gateway.import":
        return f"{ev.get('module', 'Data-store driver')} imported outside the gateway"
    if f.category is Category.GATEWAY_BYPASS:
        store = ev.get("store") or "data-store"
        sink = ev.get("sink")
        return f"Direct {store} access" + (f" via {sink}" if sink else "") + " outside the gateway"
    if f.category is Category.SECURITY:
        # bandit's test names ("blacklist", "hashlib") say less than its message does.
        test_id = ev.get("test_id")
        return _first_sentence(f.message) + (f" ({test_id})" if test_id else "")
    return f.message


def _first_sentence(text: str, limit: int = 90) -> str:
    sentence = " ".join(text.split()).split(". ")[0].rstrip(".")
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def _json_value(value: Any) -> JsonValue:
    """Engine evidence as plain JSON values (tuples → lists, enums → values)."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        # RFC 8785 would print floats, but no evidence needs them: keep the report exact.
        return str(value)
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        # Keys sorted as in canonical JSON: a report re-read from report.json is equal.
        return {str(k): _json_value(value[k]) for k in sorted(value, key=str)}
    enum_value = getattr(value, "value", None)
    if isinstance(enum_value, str):
        return enum_value
    return str(value)


def _key(pair: tuple[str, JsonValue]) -> str:
    return pair[0]
