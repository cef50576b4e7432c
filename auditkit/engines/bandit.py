"""bandit: general Python security weaknesses, run as a subprocess with JSON output."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from auditkit.distributions import installed_version
from auditkit.engines import _process
from auditkit.errors import EngineError

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
        ENGINE, command(), cwd=root, ok_codes=(0, 1), timeout=timeout, stdin=request(paths)
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


# bandit runs as `python -I -c WORKER`, which imports bandit and then reads its arguments
# from stdin: the imports (~0.2 s, most of a one-file run) can start before auditkit knows
# which files to pass, so `auditkit check` starts this process first thing (engines.prelaunch),
# and a long file list never meets the command-line length limit. The worker then does what
# `python -m bandit ARGS` does (bandit/__main__.py: bandit.cli.main.main()).
# -I (isolated): with cwd in the scanned tree, a plain `python -m` would put the tree on
# sys.path, and a scanned file named random.py or json.py would be imported and executed.
_WORKER = """\
import json, sys
from bandit.cli import main
line = sys.stdin.readline()
if not line:
    sys.exit(0)
sys.argv = ["bandit", *json.loads(line)]
main.main()
"""


def command() -> list[str]:
    """argv of a bandit run; its arguments follow on stdin (``request``)."""
    return [sys.executable, "-I", "-c", _WORKER]


def request(paths: list[str]) -> bytes:
    """What a bandit run over ``paths`` (relative to the working folder) reads on stdin."""
    # --ignore-nosec: an audit sees everything; auditkit's own suppressions (which need a
    # reason) decide what is marked as suppressed.
    argv = ["-f", "json", "-q", "--ignore-nosec", "--", *paths]
    return json.dumps(argv).encode("utf-8") + b"\n"


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
