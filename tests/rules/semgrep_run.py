"""Run the real semgrep, offline, and read `ruleid:` / `ok:` annotations (semgrep's convention)."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from auditkit.engines.semgrep import _BASE_ARGS
from tests.rules.endpoint_rules import RULES_DIR, TEST_FILES

SEMGREP = Path(sys.executable).with_name("semgrep")
OFFLINE = {**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}
needs_semgrep = pytest.mark.skipif(not SEMGREP.exists(), reason="semgrep is not installed")

# The flags auditkit's engine uses, minus --experimental (the default CLI is compared too).
_FLAGS = [flag for flag in _BASE_ARGS if flag != "--experimental"]


@dataclass(frozen=True, order=True)
class Match:
    rule_id: str
    path: str  # relative to the directory semgrep ran in, POSIX, without "./"
    start: int  # byte offsets
    end: int
    line: int  # 1-based start line

    def text(self, root: Path) -> str:
        return (root / self.path).read_bytes()[self.start : self.end].decode("utf-8")


@dataclass(frozen=True)
class Scan:
    matches: frozenset[Match]
    errors: tuple[str, ...]


def rule_files() -> list[Path]:
    return [RULES_DIR / f"{stem}.yaml" for stem in TEST_FILES]


def annotated_files() -> list[Path]:
    return [RULES_DIR / name for name in TEST_FILES.values()]


def semgrep_core() -> Path | None:
    """The semgrep-core binary that auditkit's engine execs as `osemgrep` (the OCaml CLI)."""
    spec = importlib.util.find_spec("semgrep")
    for location in (spec.submodule_search_locations or []) if spec else []:
        core = Path(location) / "bin" / "semgrep-core"
        if core.is_file():
            return core
    return None


def scan(
    rules: list[Path], targets: list[Path], *, experimental: bool, cwd: Path, core: bool = False
) -> Scan:
    """One semgrep run with every rule over every target (paths relative to cwd).

    `core`: exec semgrep-core under the name `osemgrep`, as auditkit's engine does, instead of
    going through the `semgrep --experimental` wrapper.
    """
    program = semgrep_core() if core else SEMGREP
    assert program is not None
    argv0 = "osemgrep" if core else str(SEMGREP)
    argv = [argv0, *(["--experimental"] if experimental else []), *_FLAGS]
    for rule in rules:
        argv += ["--config", str(rule)]
    argv += ["--", *(str(t.relative_to(cwd)) for t in targets)]
    proc = subprocess.run(
        argv, executable=program, cwd=cwd, env=OFFLINE,
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert proc.returncode in (0, 1), f"semgrep failed ({proc.returncode}): {proc.stderr[-2000:]}"
    data: dict[str, Any] = json.loads(proc.stdout)
    matches = frozenset(
        Match(
            # the default CLI prefixes rule ids with the config file's dotted path
            rule_id=r["check_id"].rsplit(".", 1)[-1],
            # the OCaml CLI keeps the "./" of a target, the default CLI drops it
            path=r["path"].removeprefix("./"),
            start=r["start"]["offset"],
            end=r["end"]["offset"],
            line=r["start"]["line"],
        )
        for r in data["results"]
    )
    errors = tuple(f"{e.get('path')}: {e.get('message') or e.get('type')}" for e in data["errors"])
    return Scan(matches, errors)


_ANNOTATION = re.compile(
    r"^\s*(?:#|//|!|/\*|<!--|--)\s*(ruleid|ok|todoruleid|todook):\s*([\w.\-]+(?:\s*,\s*[\w.\-]+)*)"
)


@dataclass(frozen=True)
class Annotations:
    """Per rule id: lines that must have a match, lines that must not."""

    match: dict[str, set[int]]
    no_match: dict[str, set[int]]


def annotations(path: Path) -> Annotations:
    """semgrep's convention: an annotation applies to the next line that is not an annotation.

    `todoruleid:` marks a known gap (no match yet), `todook:` a known false positive.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    match: dict[str, set[int]] = {}
    no_match: dict[str, set[int]] = {}
    pending: list[tuple[str, str]] = []
    for number, line in enumerate(lines, start=1):
        found = _ANNOTATION.match(line)
        if found:
            kind, ids = found.groups()
            pending += [(kind, rule_id.strip()) for rule_id in ids.split(",")]
            continue
        for kind, rule_id in pending:
            wanted = match if kind in ("ruleid", "todook") else no_match
            wanted.setdefault(rule_id, set()).add(number)
        pending = []
    return Annotations(match, no_match)
