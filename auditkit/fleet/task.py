"""One batch of a fleet, as a Dask task: the scan's ``run_batch`` made portable to a worker.

A batch names rule files by the client's paths. On a worker, auditkit's own rules are taken
from the worker's installation (the same rules: ``cluster.check_workers`` compared their
digest), and rule files the scan wrote for a policy travel inside the task as text.
The target's files are read where the batch says: workers need the estate at the same path
(a shared or synced file system).

Each worker keeps its own result cache (``AUDITKIT_CACHE_DIR`` on the worker, else its user
cache folder), keyed as the client's: a fleet interrupted and started again finds there the
files of the batches that had finished, even for a target that had not, and scans only the
others. The client merges cached and fresh results alike, so reports do not change.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, replace
from pathlib import Path

from auditkit.cache import ResultCache
from auditkit.engines.batch import Batch, BatchResult, FileResults, run_batch
from auditkit.flows.rulefile import digest_named_rule_file


@dataclass(frozen=True)
class FleetBatch:
    target: str  # the manifest's target name
    index: int  # this batch's number within its target, from 0
    batch: Batch
    rules_root: str  # the client's rulesets folder
    rule_texts: tuple[tuple[str, str], ...] = ()  # (client path, text) of the policy's rules
    # The client's result-cache configuration digest (scan's own key: versions, rules, policy
    # settings engines see); None: --no-cache, workers neither read nor write their cache.
    cache_config: str | None = None
    hashes: tuple[tuple[str, str], ...] = ()  # (path, sha256) of the batch's files

    @property
    def files(self) -> int:
        return len(set(self.batch.semgrep_paths) | set(self.batch.python_paths))


@dataclass(frozen=True)
class BatchOutcome:
    target: str
    index: int
    result: BatchResult
    worker: str
    seconds: float
    cached: int = 0  # files the worker took from its result cache (the engines ran on the rest)


def run_fleet_batch(task: FleetBatch) -> BatchOutcome:
    """Runs on a worker. Pure in its inputs: running it twice (after a worker died) gives the
    same result, and the client keeps one result per batch."""
    start = time.monotonic()
    cache = _worker_cache(task)
    try:
        hits = cache.get_many(task.hashes) if cache is not None else {}
        fresh = _run_misses(task, set(hits))
        if cache is not None and not fresh.global_errors:
            # As scan: results of a run with errors that name no file are never kept.
            cache.put_many(_verified(task, fresh.files))
    finally:
        if cache is not None:
            cache.close()
    files = tuple(sorted((*hits.values(), *fresh.files), key=lambda r: r.path))
    result = BatchResult(files, fresh.global_errors)
    seconds = time.monotonic() - start
    return BatchOutcome(task.target, task.index, result, _worker(), seconds, len(hits))


def _worker_cache(task: FleetBatch) -> ResultCache | None:
    if task.cache_config is None or not task.hashes:
        return None
    from auditkit.datacache import default_cache_dir

    # The worker's own folder: the client's path may not exist on another machine.
    return ResultCache(default_cache_dir(), task.cache_config)


def _run_misses(task: FleetBatch, hits: set[str]) -> BatchResult:
    batch = task.batch
    semgrep_paths = tuple(p for p in batch.semgrep_paths if p not in hits)
    python_paths = tuple(p for p in batch.python_paths if p not in hits)
    if not semgrep_paths and not python_paths:
        return BatchResult((), ())
    # A file's results do not depend on the other files of its batch (the scan's cache rests
    # on that too), so the batch's rule set serves any subset of its files.
    misses = replace(
        batch,
        semgrep_paths=semgrep_paths,
        python_paths=python_paths,
        semgrep_configs=_local_configs(task),
    )
    return run_batch(misses)


def _verified(task: FleetBatch, results: tuple[FileResults, ...]) -> list[tuple[str, FileResults]]:
    """Results to cache under the client's hash, only where this worker read the same bytes:
    a worker with a stale copy of the estate (a synced file system) must not file its results
    under the content the client saw."""
    wanted = dict(task.hashes)
    out = []
    for r in results:
        sha = wanted.get(r.path)
        if sha is None:
            continue
        try:
            data = (Path(task.batch.root) / r.path).read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == sha:
            out.append((sha, r))
    return out


def _local_configs(task: FleetBatch) -> tuple[str, ...]:
    from auditkit.rulesets import rulesets_dir

    texts = dict(task.rule_texts)
    local_root = rulesets_dir()
    out = []
    for config in task.batch.semgrep_configs:
        if config in texts:
            out.append(digest_named_rule_file(texts[config], "fleet"))
            continue
        path = Path(config)
        try:
            out.append(str(local_root / path.relative_to(task.rules_root)))
        except ValueError:
            out.append(config)  # neither shipped nor generated: as the client named it
    return tuple(out)


def _worker() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return "local"
