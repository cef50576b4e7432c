"""semgrep: one run per batch with every rule, offline, over an explicit file list."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from auditkit.core.distributions import installed_version, semgrep_core
from auditkit.core.errors import EngineError
from auditkit.engines import _process, masked

ENGINE = "semgrep"
# The OCaml CLI starts in ~0.2 s instead of ~2 s; tests/engines prove it returns the same
# results as the default CLI on auditkit's rules.
_BASE_ARGS = [
    "--experimental",
    "--metrics=off",
    "--disable-version-check",
    "--json",
    "--no-git-ignore",
    "--max-target-bytes",
    "0",
    "--timeout",
    "30",
    "-j",
    "1",
]


@dataclass(frozen=True)
class Position:
    line: int
    column: int
    offset: int


@dataclass(frozen=True)
class SemgrepMatch:
    rule_id: str
    path: str
    start: Position
    end: Position
    message: str
    meta: tuple[tuple[str, str], ...]  # metadata.auditkit, flattened to strings

    @property
    def role(self) -> str:
        return dict(self.meta).get("role", "")

    def get(self, key: str) -> str | None:
        return dict(self.meta).get(key)


@dataclass(frozen=True)
class SemgrepError:
    path: str | None
    message: str


def run_semgrep(
    root: Path, paths: list[str], config_files: list[Path], timeout: float = 1800
) -> tuple[list[SemgrepMatch], list[SemgrepError]]:
    configs = [str(c) for c in config_files]
    direct: list[str] = []
    copies: list[tuple[str, bytes, str]] = []  # (original path, what semgrep reads, suffix)
    for p in paths:
        copy, view = _copies(root, p)
        if copy is None:
            direct.append(p)
        else:
            copies.append((p, *copy))
        if view is not None:
            copies.append((p, view, ".sh"))
    matches, errors = _run(root, direct, configs, timeout) if direct else ([], [])
    if copies:
        more, more_errors = _run_masked(copies, configs, timeout)
        matches += more
        errors += more_errors
    return matches, errors


def direct_targets(root: Path, paths: list[str]) -> list[str]:
    """The paths semgrep reads as they are: all but those scanned through a masked copy
    (Vue components, YAML templates: see ``engines.masked``)."""
    return [p for p in paths if _copies(root, p)[0] is None]


def _copies(root: Path, path: str) -> tuple[tuple[bytes, str] | None, bytes | None]:
    """(the masked copy semgrep reads instead of ``path``, its shell view): see engines.masked."""
    if not masked.may_need_mask(path):
        return None, None
    try:
        source = (root / path).read_bytes()
    except OSError:
        return None, None  # semgrep reads the file itself and reports the problem
    copy = masked.masked_copy(path, source)
    return copy, masked.shell_view(path, source if copy is None else copy[0])


def _run(
    cwd: Path, paths: list[str], configs: list[str], timeout: float
) -> tuple[list[SemgrepMatch], list[SemgrepError]]:
    program, argv = command(paths, configs)
    # semgrep exits 0 with or without matches; 2+ means it failed as a whole.
    proc = _process.run(ENGINE, argv, cwd=cwd, ok_codes=(0, 1), timeout=timeout, executable=program)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise EngineError(
            f"semgrep returned output that is not JSON: {_process.last_line(proc.stderr)}"
        ) from None
    return _matches(data), _errors(data)


def _run_masked(
    copies: list[tuple[str, bytes, str]], configs: list[str], timeout: float
) -> tuple[list[SemgrepMatch], list[SemgrepError]]:
    """Masked copies and shell views (engines.masked) through semgrep, results on the original
    paths (offsets, lines and columns are the original file's)."""
    import tempfile

    original: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="auditkit-masked-") as tmp:
        for i, (path, copy, suffix) in enumerate(sorted(copies)):
            name = f"{i}/{PurePosixPath(path).stem}{suffix}"
            (Path(tmp) / name).parent.mkdir()
            (Path(tmp) / name).write_bytes(copy)
            original[name] = path
        matches, errors = _run(Path(tmp), list(original), configs, timeout)
    return (
        [replace(m, path=original.get(m.path, m.path)) for m in matches],
        [_on_original(e, original) for e in errors],
    )


def _on_original(error: SemgrepError, original: dict[str, str]) -> SemgrepError:
    if error.path is None or error.path not in original:
        return error
    path = original[error.path]
    return SemgrepError(path, error.message.replace(error.path, path))


def command(paths: list[str], config_files: list[str]) -> tuple[str, list[str]]:
    """(program, argv) of one semgrep run over ``paths`` (relative to the working folder)."""
    program, argv0 = _command()
    # semgrep walks its project root even when given explicit targets (inside a large git
    # checkout: ~0.25 s per run); the deepest folder holding every target is the cheapest
    # valid root, and results stay relative to the working folder.
    argv = [argv0, *_BASE_ARGS, "--project-root", _common_folder(paths)]
    for cfg in config_files:
        argv += ["--config", cfg]
    return program, [*argv, "--", *paths]


def _common_folder(paths: list[str]) -> str:
    folders = [PurePosixPath(p).parent.parts for p in paths]
    common: list[str] = []
    for level in zip(*folders, strict=False):
        if any(part != level[0] for part in level):
            break
        common.append(level[0])
    return "/".join(common) or "."


@cache
def _command() -> tuple[str, str]:
    """(program, argv[0]) to run semgrep's OCaml CLI.

    The ``semgrep`` script is a Python wrapper that only execs ``semgrep-core`` under the name
    ``osemgrep``; calling the binary that way directly saves a Python start-up (~0.1 s) on
    every run, which the pre-commit hook feels. Falls back to the wrapper.
    """
    core = semgrep_core()
    if core is not None:
        return core, "osemgrep"
    wrapper = _process.executable("semgrep")
    return wrapper, wrapper


def _strip(path: str) -> str:
    return path[2:] if path.startswith("./") else path


def _matches(data: dict[str, Any]) -> list[SemgrepMatch]:
    out = []
    for r in data.get("results", []):
        extra = r.get("extra", {})
        meta = (extra.get("metadata") or {}).get("auditkit") or {}
        out.append(
            SemgrepMatch(
                rule_id=_rule_name(r["check_id"]),
                path=_strip(r["path"]),
                start=Position(r["start"]["line"], r["start"]["col"], r["start"]["offset"]),
                end=Position(r["end"]["line"], r["end"]["col"], r["end"]["offset"]),
                message=extra.get("message", ""),
                meta=tuple(sorted((str(k), str(v)) for k, v in meta.items())),
            )
        )
    return out


def _rule_name(check_id: str) -> str:
    # The default CLI prefixes ids with the config file's dotted path; the OCaml CLI does not.
    return check_id.rsplit(".", 1)[-1] if "." in check_id else check_id


def _errors(data: dict[str, Any]) -> list[SemgrepError]:
    out = []
    for e in data.get("errors", []):
        path = e.get("path")
        message = e.get("message") or e.get("type") or "semgrep error"
        if isinstance(message, list):
            message = " ".join(str(m) for m in message)
        kind = e.get("type")
        if isinstance(kind, list):
            kind = kind[0] if kind else None
        text = str(message).strip().splitlines()[0] if str(message).strip() else str(kind)
        out.append(SemgrepError(_strip(path) if isinstance(path, str) else None, text))
    return out


@cache
def version() -> str:
    return installed_version("semgrep")
