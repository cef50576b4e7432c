"""The unit of parallel work: one batch of files through every engine.

``run_batch`` is a top-level, picklable function over plain values so that any
``concurrent.futures.Executor`` can run it: local processes by default, a Dask distributed
client for fleet audits (its ``submit`` has the same shape). Results come back per file, which
is also the unit of the result cache.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar, cast

from auditkit.engines.bandit import BanditError, BanditIssue, run_bandit
from auditkit.engines.python_cst import PythonFileResult, analyze_files
from auditkit.engines.semgrep import SemgrepError, SemgrepMatch, run_semgrep
from auditkit.flows.config import FlowConfig


@dataclass(frozen=True)
class Batch:
    root: str
    semgrep_paths: tuple[str, ...]
    python_paths: tuple[str, ...]
    semgrep_configs: tuple[str, ...]
    extra_python_sinks: tuple[str, ...] = ()
    protected_hosts: tuple[str, ...] = ()
    run_bandit: bool = True
    flow: FlowConfig | None = None  # [data.categories] and [gateway.authorization], when set


@dataclass(frozen=True)
class FileResults:
    """Everything the engines said about one file (before normalisation)."""

    path: str
    semgrep: tuple[SemgrepMatch, ...] = ()
    semgrep_errors: tuple[SemgrepError, ...] = ()
    bandit: tuple[BanditIssue, ...] = ()
    bandit_errors: tuple[BanditError, ...] = ()
    python: PythonFileResult | None = None


@dataclass(frozen=True)
class BatchResult:
    files: tuple[FileResults, ...]
    global_errors: tuple[SemgrepError, ...]  # semgrep errors that name no file


def run_batch(batch: Batch) -> BatchResult:
    root = Path(batch.root)
    # bandit and semgrep are separate processes: run them side by side, and do the libcst
    # pass in this process meanwhile.
    semgrep = _InThread(
        lambda: run_semgrep(
            root, list(batch.semgrep_paths), [Path(c) for c in batch.semgrep_configs]
        )
    )
    bandit = (
        _InThread(lambda: run_bandit(root, list(batch.python_paths))) if batch.run_bandit else None
    )
    python = analyze_files(
        root, batch.python_paths, batch.extra_python_sinks, batch.protected_hosts, batch.flow
    )
    matches, s_errors = semgrep.result()
    issues, b_errors = bandit.result() if bandit else ([], [])
    return _by_file(batch, matches, s_errors, issues, b_errors, python)


T = TypeVar("T")


class _InThread(Generic[T]):
    """``fn()`` running in a thread; ``result()`` waits and returns its value or raises its
    exception. (A ThreadPoolExecutor would do, but concurrent.futures imports logging and more:
    ~10 ms that every pre-commit run would pay.)"""

    def __init__(self, fn: Callable[[], T]) -> None:
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(fn,), daemon=True)
        self._thread.start()

    def _run(self, fn: Callable[[], T]) -> None:
        try:
            self._value = fn()
        except BaseException as exc:  # handed to the caller of result()
            self._error = exc

    def result(self) -> T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return cast(T, self._value)


def _by_file(
    batch: Batch,
    matches: list[SemgrepMatch],
    s_errors: list[SemgrepError],
    issues: list[BanditIssue],
    b_errors: list[BanditError],
    python: tuple[PythonFileResult, ...],
) -> BatchResult:
    sem: defaultdict[str, list[SemgrepMatch]] = defaultdict(list)
    sem_err: defaultdict[str, list[SemgrepError]] = defaultdict(list)
    ban: defaultdict[str, list[BanditIssue]] = defaultdict(list)
    ban_err: defaultdict[str, list[BanditError]] = defaultdict(list)
    global_errors = []
    for m in matches:
        sem[m.path].append(m)
    for e in s_errors:
        if e.path is None:
            global_errors.append(e)
        else:
            sem_err[e.path].append(e)
    for i in issues:
        ban[i.path].append(i)
    for b in b_errors:
        ban_err[b.path].append(b)
    py_by_path = {r.path: r for r in python}
    # Every file of the batch gets an entry, even with no results: "nothing found" is a
    # result too (and is what the cache stores for most files).
    paths = set(batch.semgrep_paths) | set(batch.python_paths)
    files = tuple(
        FileResults(
            path=p,
            semgrep=tuple(sem[p]),
            semgrep_errors=tuple(sem_err[p]),
            bandit=tuple(ban[p]),
            bandit_errors=tuple(ban_err[p]),
            python=py_by_path.get(p),
        )
        for p in sorted(paths)
    )
    return BatchResult(files, tuple(global_errors))
