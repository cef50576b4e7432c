"""Finding fingerprints that survive line shifts and re-indentation.

``v1:`` + sha256 over (rule id, path, whitespace-normalised snippet, subject, occurrence
index). The occurrence index tells two identical findings in one file apart, so a second copy
of an old finding gets a new fingerprint (baselines then see it as new).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import replace

from auditkit.core.model import Finding

FINGERPRINT_VERSION = "v1"
_SPACE = re.compile(r"\s+")


def normalise_snippet(snippet: str) -> str:
    return _SPACE.sub(" ", snippet).strip()


def _subject(finding: Finding) -> str:
    evidence = finding.evidence_dict
    for key in ("endpoint", "sink", "test_id"):
        value = evidence.get(key)
        if value:
            return str(value)
    return ""


def identity(finding: Finding) -> str:
    """The fingerprint without its occurrence index: what identical copies share."""
    key = (
        finding.rule_id,
        finding.location.path,
        normalise_snippet(finding.snippet),
        _subject(finding),
    )
    digest = hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()[:32]
    return f"{FINGERPRINT_VERSION}:{digest}"


def assign_fingerprints(findings: list[Finding]) -> list[Finding]:
    """Fingerprint every finding; ``findings`` must already be in a stable order."""
    seen: Counter[tuple[str, str, str, str]] = Counter()
    out = []
    for f in findings:
        key = (f.rule_id, f.location.path, normalise_snippet(f.snippet), _subject(f))
        index = seen[key]
        seen[key] += 1
        material = "\x1f".join((*key, str(index)))
        digest = hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]
        out.append(replace(f, fingerprint=f"{FINGERPRINT_VERSION}:{digest}"))
    return out
