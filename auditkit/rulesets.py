"""Where the shipped rules live, and the digest that pins them in a report.

``rulesets/`` sits at the top of the repository and is installed as the data package
``auditkit._rulesets`` (see pyproject.toml), so both a checkout and a wheel find it here.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from auditkit import datacache, prefilters
from auditkit.core.distributions import installed_version, semgrep_core
from auditkit.prefilters import PrefilterTable

PREFILTERS = "prefilters.json"


@cache
def rulesets_dir() -> Path:
    # The data package's folder (what importlib.resources.files() gives for an installed
    # package) without importing importlib.resources: ~10 ms on every pre-commit run.
    spec = importlib.util.find_spec("auditkit._rulesets")
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        raise FileNotFoundError("auditkit rulesets are not installed (auditkit._rulesets)")
    path = Path(locations[0])
    if not (path / "semgrep").is_dir():
        raise FileNotFoundError(f"auditkit rulesets not found at {path}")
    return path


def semgrep_rule_files() -> tuple[Path, ...]:
    """Every semgrep rule file that ships with auditkit (annotated test files excluded)."""
    return _semgrep_rule_files()


@cache
def _semgrep_rule_files() -> tuple[Path, ...]:
    # os.walk: pathlib's rglob costs ~30 ms here, on every pre-commit run.
    base = rulesets_dir() / "semgrep"
    found = [
        Path(folder, name)
        for folder, _, names in os.walk(base)
        for name in names
        if name.endswith(".yaml") and not name.endswith(".test.yaml")
    ]
    return tuple(sorted(found))


def semgrep_configs(
    languages: set[str] | frozenset[str],
    protected_hosts: bool,
    sources: Sequence[str] | None = None,
) -> tuple[str, ...]:
    """The shipped rule files a batch of ``languages`` needs, in a stable order.

    Only the rules of the languages present: semgrep spends ~0.25 s parsing all of them, which
    a pre-commit run over one file feels. HTTP-call rules are the costliest and only matter
    when the policy protects hosts. With ``sources`` (the lower-cased text of every file of a
    small batch), rule files that semgrep would skip on each of those files are left out.
    """
    table = prefilter_table() if sources is not None else None
    conditions = table.files if table is not None else None
    # Vue components are scanned as JavaScript or TypeScript (engines.masked).
    wanted = set(languages) | ({"javascript", "typescript"} if "vue" in languages else set())
    selected = []
    for path in semgrep_rule_files():
        if rule_file_language(path) not in wanted:
            continue
        if not protected_hosts and path.parent.parent.name == "gateway" and path.stem == "http":
            continue
        if conditions is not None and sources is not None:
            condition = conditions.get(path.relative_to(rulesets_dir() / "semgrep").as_posix())
            if not any(prefilters.holds(condition, text) for text in sources):
                continue
        selected.append(str(path))
    return tuple(selected)


# Above this many files a batch runs every rule file of its languages: one of them nearly
# always needs each, and reading them all first would cost more than it saves.
PREFILTER_MAX_FILES = 50


def prefilter_sources(root: Path, paths: Sequence[str]) -> list[str] | None:
    """The ``sources`` argument of ``semgrep_configs`` for a batch of ``paths`` under ``root``:
    None (no prefilter) for a large batch or when a file cannot be read."""
    if len(paths) > PREFILTER_MAX_FILES:
        return None
    try:
        return [(root / p).read_bytes().decode("utf-8", "replace").lower() for p in paths]
    except OSError:
        return None


def prefilter_table() -> PrefilterTable | None:
    """The rule prefilters of the installed semgrep: the committed table when that semgrep
    wrote it, else one derived from it (kept in the cache folder, or made in memory with
    ``--no-cache``); None when semgrep-core cannot give one (every rule file then runs)."""
    key = datacache.tables_dir()
    if key not in _tables:
        _tables[key] = _load_prefilter_table()
    return _tables[key]


_tables: dict[Path | None, PrefilterTable | None] = {}


def prefilter_origin() -> str:
    """``committed``, ``derived`` or ``none``: what the report says about the table in force."""
    table = prefilter_table()
    return table.origin if table is not None else prefilters.NONE


def _load_prefilter_table() -> PrefilterTable | None:
    version = installed_version("semgrep")
    try:
        committed = json.loads((rulesets_dir() / "semgrep" / PREFILTERS).read_bytes())
    except (OSError, ValueError):
        committed = None
    table = prefilters.table_from(committed, prefilters.COMMITTED)
    if table is not None and table.semgrep == version:
        return table
    core = semgrep_core()
    if core is None:
        return None
    base = rulesets_dir() / "semgrep"
    # The key: the semgrep version and every rule file's bytes (what the conditions follow).
    source = version.encode() + b"\0" + rules_digest().encode()

    def derive(_: bytes) -> dict[str, Any]:
        return prefilters.document(prefilters.derive(core, base, semgrep_rule_files()), version)

    def valid(value: Any) -> bool:
        found = prefilters.table_from(value, prefilters.DERIVED)
        return found is not None and found.semgrep == version

    try:
        stored = datacache.parsed("semgrep-prefilters/1", source, derive, valid=valid)
    except prefilters.PrefilterError:
        return None
    return prefilters.table_from(stored, prefilters.DERIVED)


def rule_file_language(path: Path) -> str:
    """The language a shipped rule file is for: ``endpoints/<language>.yaml`` or
    ``<family>/<language>/<topic>.yaml``."""
    base = rulesets_dir() / "semgrep"
    parts = path.relative_to(base).parts
    return parts[1] if len(parts) >= 3 else path.stem


def ruleset_files() -> tuple[Path, ...]:
    """All rule data that decides results: semgrep rules, sink catalogues, and the prefilters
    that decide which rule files run."""
    base = rulesets_dir()
    return tuple(
        sorted(
            p
            for p in base.rglob("*")
            if p.is_file()
            and (p.suffix in {".yaml", ".toml"} or p.name == PREFILTERS)
            and not p.name.endswith(".test.yaml")
        )
    )


@cache
def rules_digest() -> str:
    """sha256 over (relative path, content) of every semgrep rule file: what prefilter
    conditions are computed from."""
    h = hashlib.sha256()
    base = rulesets_dir()
    for p in semgrep_rule_files():
        h.update(p.relative_to(base).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


@cache
def ruleset_digest() -> str:
    """sha256 over (relative path, content) of every rule file, in path order."""
    h = hashlib.sha256()
    base = rulesets_dir()
    for p in ruleset_files():
        h.update(p.relative_to(base).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()
