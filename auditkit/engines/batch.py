"""The unit of parallel work: one batch of files through every engine.

``run_batch`` is a top-level, picklable function over plain values so that any
``concurrent.futures.Executor`` can run it: local processes by default, a Dask distributed
client for fleet audits (its ``submit`` has the same shape).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from auditkit.engines.bandit import BanditError, BanditIssue, run_bandit
from auditkit.engines.python_cst import PythonFileResult, analyze_files
from auditkit.engines.semgrep import SemgrepError, SemgrepMatch, run_semgrep


@dataclass(frozen=True)
class Batch:
    root: str
    semgrep_paths: tuple[str, ...]
    python_paths: tuple[str, ...]
    semgrep_configs: tuple[str, ...]
    extra_python_sinks: tuple[str, ...] = ()
    protected_hosts: tuple[str, ...] = ()
    run_bandit: bool = True


@dataclass(frozen=True)
class BatchResult:
    semgrep: tuple[SemgrepMatch, ...]
    semgrep_errors: tuple[SemgrepError, ...]
    bandit: tuple[BanditIssue, ...]
    bandit_errors: tuple[BanditError, ...]
    python: tuple[PythonFileResult, ...]


def run_batch(batch: Batch) -> BatchResult:
    root = Path(batch.root)
    matches, s_errors = run_semgrep(
        root, list(batch.semgrep_paths), [Path(c) for c in batch.semgrep_configs]
    )
    issues: list[BanditIssue] = []
    b_errors: list[BanditError] = []
    if batch.run_bandit:
        issues, b_errors = run_bandit(root, list(batch.python_paths))
    python = analyze_files(
        root, batch.python_paths, batch.extra_python_sinks, batch.protected_hosts
    )
    return BatchResult(tuple(matches), tuple(s_errors), tuple(issues), tuple(b_errors), python)
