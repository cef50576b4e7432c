"""Per-file result cache: engine results keyed on what determines them.

Key: a digest of the engine configuration (auditkit version and source, engine versions,
ruleset digest, the policy settings that engines see) plus the file's path and content hash.
The cache holds raw engine results only; classification, policy paths, suppressions and
baselines are applied afresh on every scan, so a cached scan gives exactly the results of an
uncached one.
It lives outside the scanned tree (``AUDITKIT_CACHE_DIR``, else the user cache folder).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from auditkit.engines.bandit import BanditError, BanditIssue
from auditkit.engines.batch import FileResults
from auditkit.engines.python_cst import PythonFileResult
from auditkit.engines.semgrep import Position, SemgrepError, SemgrepMatch

CACHE_FORMAT = 1


@cache
def code_digest() -> str:
    """A digest of auditkit's own Python source. The version alone does not change when the
    code does (an editable install, a fix between releases), and cached results made by
    other analysers or other generated rules must not be served (found: a store-name fix in
    the generated authorization rules did not show until --no-cache). About 3 ms."""
    return source_digest(Path(__file__).resolve().parent)


def source_digest(package: Path) -> str:
    """sha256 over every ``*.py`` file under ``package``: relative path and bytes, in order."""
    h = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def config_digest(parts: Iterable[str]) -> str:
    h = hashlib.sha256(f"auditkit-cache/{CACHE_FORMAT}".encode())
    for p in parts:
        h.update(b"\0" + p.encode("utf-8"))
    return h.hexdigest()


class ResultCache:
    def __init__(self, directory: Path, config: str) -> None:
        self.config = config
        self._db: sqlite3.Connection | None = None
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(directory / "results.sqlite3", timeout=10)
            # A cache needs no durability: an fsync per commit cost ~0.2 s on a pre-commit
            # run here. A damaged file raises sqlite errors, which only cost speed (see below).
            self._db.execute("PRAGMA synchronous = OFF")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
        except (OSError, sqlite3.Error):
            # An unusable cache only costs speed: the scan goes on without it.
            self._db = None

    def _key(self, path: str, sha256: str) -> str:
        return f"{self.config}:{sha256}:{path}"

    def get_many(self, files: Iterable[tuple[str, str]]) -> dict[str, FileResults]:
        if self._db is None:
            return {}
        wanted = {self._key(p, h): p for p, h in files}
        found: dict[str, FileResults] = {}
        keys = list(wanted)
        try:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT key, value FROM results WHERE key IN ({marks})",
                    chunk,
                )
                for key, value in rows:
                    found[wanted[key]] = _decode(json.loads(value))
        except (sqlite3.Error, ValueError, KeyError, TypeError):
            return {}
        return found

    def put_many(self, items: Iterable[tuple[str, FileResults]]) -> None:
        if self._db is None:
            return
        rows = [(self._key(r.path, sha), json.dumps(_encode(r))) for sha, r in items]
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", rows
                )
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


def _encode(r: FileResults) -> dict[str, Any]:
    py = None
    if r.python is not None:
        py = {
            "path": r.python.path,
            "error": r.python.error,
            "calls": [dataclasses.asdict(c) for c in r.python.calls],  # type: ignore[call-overload]
            "imports": [dataclasses.asdict(i) for i in r.python.imports],  # type: ignore[call-overload]
            "flows": [dataclasses.asdict(f) for f in r.python.flows],  # type: ignore[call-overload]
            "unguarded": [dataclasses.asdict(u) for u in r.python.unguarded],  # type: ignore[call-overload]
        }
    return {
        "path": r.path,
        "semgrep": [dataclasses.asdict(m) for m in r.semgrep],
        "semgrep_errors": [dataclasses.asdict(e) for e in r.semgrep_errors],
        "bandit": [dataclasses.asdict(i) for i in r.bandit],
        "bandit_errors": [dataclasses.asdict(e) for e in r.bandit_errors],
        "python": py,
    }


def _decode(d: dict[str, Any]) -> FileResults:
    from auditkit.analyzers.results import ImportEdge, SinkCall
    from auditkit.flows.results import UnguardedAccess

    py = None
    if d["python"] is not None:
        p = d["python"]
        py = PythonFileResult(
            p["path"],
            tuple(SinkCall(**c) for c in p["calls"]),
            tuple(ImportEdge(**i) for i in p["imports"]),
            p["error"],
            flows=tuple(_flow(f) for f in p.get("flows", ())),
            unguarded=tuple(UnguardedAccess(**u) for u in p.get("unguarded", ())),
        )
    return FileResults(
        path=d["path"],
        semgrep=tuple(
            SemgrepMatch(
                rule_id=m["rule_id"],
                path=m["path"],
                start=Position(**m["start"]),
                end=Position(**m["end"]),
                message=m["message"],
                meta=tuple((str(k), str(v)) for k, v in m["meta"]),
            )
            for m in d["semgrep"]
        ),
        semgrep_errors=tuple(SemgrepError(**e) for e in d["semgrep_errors"]),
        bandit=tuple(BanditIssue(**i) for i in d["bandit"]),
        bandit_errors=tuple(BanditError(**e) for e in d["bandit_errors"]),
        python=py,
    )


def _flow(d: dict[str, Any]) -> object:
    from auditkit.flows.results import DataFlow, FlowStep

    steps = tuple(FlowStep(**s) for s in d.pop("steps"))
    return DataFlow(**d, steps=steps)
