"""bandit: general Python security weaknesses, run as a subprocess with JSON output."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from auditkit.core.distributions import installed_version
from auditkit.core.errors import EngineError
from auditkit.engines import _process, bandit_worker

ENGINE = "bandit"


@dataclass(frozen=True)
class BanditIssue:
    test_id: str
    test_name: str
    path: str
    line: int
    column: int  # 1-based
    end_line: int
    end_column: int  # 1-based
    severity: str  # LOW | MEDIUM | HIGH
    confidence: str
    text: str
    cwe: int | None
    more_info: str


@dataclass(frozen=True)
class BanditError:
    path: str
    message: str


def run_bandit(
    root: Path, paths: list[str], timeout: float = 1800
) -> tuple[list[BanditIssue], list[BanditError]]:
    if not paths:
        return [], []
    # bandit exits 1 when it finds something: that is not a failure.
    proc = _process.run(
        ENGINE,
        bandit_worker.command(),
        cwd=bandit_worker.START_FOLDER,
        ok_codes=(0, 1),
        timeout=timeout,
        stdin=bandit_worker.request(root, paths),
    )
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise EngineError(
            f"bandit returned output that is not JSON: {_process.last_line(proc.stderr)}"
        ) from None
    return [_issue(r) for r in data.get("results", [])], [
        BanditError(_strip(e.get("filename", "?")), str(e.get("reason", "bandit error")))
        for e in data.get("errors", [])
    ]


def _strip(path: str) -> str:
    return path[2:] if path.startswith("./") else path


def _issue(r: dict[str, Any]) -> BanditIssue:
    line = int(r["line_number"])
    line_range = r.get("line_range") or [line]
    col = int(r.get("col_offset", 0)) + 1
    end_col = r.get("end_col_offset")
    cwe = (r.get("issue_cwe") or {}).get("id")
    return BanditIssue(
        test_id=r["test_id"],
        test_name=r.get("test_name", ""),
        path=_strip(r["filename"]),
        line=line,
        column=col,
        end_line=int(max(line_range)),
        end_column=int(end_col) + 1 if isinstance(end_col, int) else col,
        severity=str(r.get("issue_severity", "LOW")).upper(),
        confidence=str(r.get("issue_confidence", "LOW")).upper(),
        text=r.get("issue_text", ""),
        cwe=int(cwe) if isinstance(cwe, int) else None,
        more_info=r.get("more_info", ""),
    )


@cache
def version() -> str:
    return installed_version("bandit")
