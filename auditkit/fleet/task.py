"""One batch of a fleet, as a Dask task: the scan's ``run_batch`` made portable to a worker.

A batch names rule files by the client's paths. On a worker, auditkit's own rules are taken
from the worker's installation (the same rules: ``cluster.check_workers`` compared their
digest), and rule files the scan wrote for a policy travel inside the task as text.
The target's files are read where the batch says: workers need the estate at the same path
(a shared or synced file system).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from auditkit.engines.batch import Batch, BatchResult, run_batch


@dataclass(frozen=True)
class FleetBatch:
    target: str  # the manifest's target name
    index: int  # this batch's number within its target, from 0
    batch: Batch
    rules_root: str  # the client's rulesets folder
    rule_texts: tuple[tuple[str, str], ...] = ()  # (client path, text) of the policy's rules

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


def run_fleet_batch(task: FleetBatch) -> BatchOutcome:
    """Runs on a worker. Pure in its inputs: running it twice (after a worker died) gives the
    same result, and the client keeps one result per batch."""
    start = time.monotonic()
    batch = replace(task.batch, semgrep_configs=_local_configs(task))
    result = run_batch(batch)
    return BatchOutcome(task.target, task.index, result, _worker(), time.monotonic() - start)


def _local_configs(task: FleetBatch) -> tuple[str, ...]:
    from auditkit.rulesets import rulesets_dir

    texts = dict(task.rule_texts)
    local_root = rulesets_dir()
    out = []
    for config in task.batch.semgrep_configs:
        if config in texts:
            out.append(_rule_file(texts[config]))
            continue
        path = Path(config)
        try:
            out.append(str(local_root / path.relative_to(task.rules_root)))
        except ValueError:
            out.append(config)  # neither shipped nor generated: as the client named it
    return tuple(out)


def _rule_file(text: str) -> str:
    """A generated rule file on this machine, named by its digest (written once, atomically)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
    path = Path(tempfile.gettempdir()) / f"auditkit-fleet-rules-{digest}.yaml"
    try:
        if path.read_text(encoding="utf-8") == text:
            return str(path)
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(prefix=path.name, dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)
    return str(path)


def _worker() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return "local"
