"""Baselines: accept today's findings, report only what is new.

Entries are finding identities (rule, path, normalised snippet, subject: no line numbers, so
moving code does not churn the file) with a count. A finding is baselined while its identity
still has count left; a second copy of an old finding exceeds the count and is new. A corrupt
or foreign file is an error, never silently treated as an empty baseline.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from auditkit import __version__
from auditkit.core.errors import UsageError
from auditkit.core.fingerprint import identity
from auditkit.core.model import Finding, Suppression

BASELINE_SCHEMA = "auditkit/baseline/1"
DEFAULT_BASELINE = ".auditkit-baseline.json"


def build_baseline(findings: list[Finding]) -> dict[str, Any]:
    live = [f for f in findings if f.suppression is None]
    counts: Counter[str] = Counter(identity(f) for f in live)
    described: dict[str, Finding] = {}
    for f in live:
        described.setdefault(identity(f), f)
    entries = [
        {
            "identity": key,
            "count": counts[key],
            "rule_id": described[key].rule_id,
            "path": described[key].location.path,
            "message": described[key].message,
        }
        for key in sorted(
            counts, key=lambda k: (described[k].location.path, described[k].rule_id, k)
        )
    ]
    return {
        "schema": BASELINE_SCHEMA,
        "tool": {"name": "auditkit", "version": __version__},
        "entries": entries,
    }


def write_baseline(path: Path, findings: list[Finding]) -> int:
    doc = build_baseline(findings)
    try:
        path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write baseline {path}: {exc.strerror}") from None
    return sum(e["count"] for e in doc["entries"])


def load_baseline(path: Path) -> Counter[str]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"baseline {path} not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"baseline {path} is not a readable JSON file: {exc}") from None
    if not isinstance(doc, dict) or doc.get("schema") != BASELINE_SCHEMA:
        raise UsageError(
            f"baseline {path} is not an auditkit baseline (schema {BASELINE_SCHEMA} expected)"
        )
    entries = doc.get("entries")
    if not isinstance(entries, list):
        raise UsageError(f"baseline {path}: entries: expected a list")
    counts: Counter[str] = Counter()
    for i, e in enumerate(entries):
        if (
            not isinstance(e, dict)
            or not isinstance(e.get("identity"), str)
            or not isinstance(e.get("count"), int)
            or isinstance(e.get("count"), bool)
            or e["count"] < 1
        ):
            raise UsageError(
                f"baseline {path}: entries[{i}]: "
                "expected identity (string) and count (positive integer)"
            )
        counts[e["identity"]] += e["count"]
    return counts


def apply_baseline(findings: list[Finding], counts: Counter[str], label: str) -> list[Finding]:
    remaining = Counter(counts)
    out = []
    for f in findings:
        key = identity(f)
        if f.suppression is None and remaining[key] > 0:
            remaining[key] -= 1
            f = replace(f, suppression=Suppression("baseline", f"present in baseline {label}"))
        out.append(f)
    return out
