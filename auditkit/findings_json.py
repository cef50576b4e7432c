"""The findings JSON contract of DESIGN.md (``scan --format json``)."""

from __future__ import annotations

import json
from typing import Any

from auditkit import __version__
from auditkit.core.model import ScanResult

SCHEMA_VERSION = 1


def scan_to_json(result: ScanResult) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "auditkit", "version": __version__},
        "target": result.target,
        "findings": [f.to_json() for f in result.findings],
        "coverage": result.coverage.to_json(),
        "engines": [
            {"name": e.name, "version": e.version, "files": e.files} for e in result.engines
        ],
        "rule_prefilters": result.rule_prefilters,
    }


def dumps(result: ScanResult) -> str:
    return json.dumps(scan_to_json(result), indent=2, ensure_ascii=False) + "\n"
