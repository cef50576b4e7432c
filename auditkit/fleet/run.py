"""The fleet use case: plan every target's batches, run them all on one executor, and write
each target's reports as its last batch comes back.

Work spreads by batch, not by target: the batches of all targets are submitted together, so a
monorepo of a million lines spreads over the cluster as well as a hundred small services do.
The executor is any ``concurrent.futures.Executor`` (a Dask client's ``get_executor()``);
``capacity`` is how many batches it runs at once, which sizes the batches of a large target.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, as_completed
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from auditkit import datacache
from auditkit.core.errors import AuditkitError, EngineError
from auditkit.engines.batch import BatchResult
from auditkit.fleet.cluster import environment
from auditkit.fleet.manifest import FleetManifest, FleetTarget
from auditkit.fleet.state import FinishedTargets, WorkLog
from auditkit.fleet.target import (
    TargetPlan,
    plan_target,
    prepare_target,
    target_policy,
    write_target,
)
from auditkit.fleet.task import BatchOutcome, FleetBatch, run_fleet_batch
from auditkit.scan import ScanOptions, policy_rule_file

if TYPE_CHECKING:
    from auditkit.signing.keys import SigningKey

AUDITED, UNCHANGED, FAILED = "audited", "unchanged", "failed"


@dataclass(frozen=True)
class FleetOptions:
    policy: Path | None = None  # the auditor's policy for targets the manifest gives none
    policy_from_target: bool = False  # every target audited with its own policy
    date: str | None = None  # report date (default: SOURCE_DATE_EPOCH, else today)
    use_cache: bool = True
    cache_dir: Path | None = None


@dataclass(frozen=True)
class TargetOutcome:
    name: str
    state: str  # AUDITED, UNCHANGED (reports of an earlier run kept), FAILED
    report_json: bytes | None = field(default=None, repr=False)
    error: str | None = None
    exit_code: int = 0  # of the failure


@dataclass(frozen=True)
class FleetProgress:
    targets_done: int
    targets: int
    batches_done: int
    batches: int
    files_done: int
    seconds: float
    event: str  # what just happened, one line


def run_fleet(
    manifest: FleetManifest,
    out_dir: Path,
    executor: Executor,
    capacity: int,
    options: FleetOptions | None = None,
    key: SigningKey | None = None,
    progress: Callable[[FleetProgress], None] | None = None,
) -> tuple[TargetOutcome, ...]:
    """Audit every target of ``manifest`` into ``out_dir/<name>/``; one outcome per target, in
    manifest order. A target that fails does not stop the others."""
    options = options or FleetOptions()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AuditkitError(f"--out: cannot create {out_dir}: {exc.strerror}") from None
    tables = (options.cache_dir or datacache.default_cache_dir()) if options.use_cache else None
    log = WorkLog(out_dir)
    try:
        with datacache.using(tables), ExitStack() as rule_files:
            run = _Run(manifest, out_dir, options, key, log, progress)
            run.plan(capacity, rule_files)
            run.execute(executor)
            return run.outcomes()
    finally:
        log.close()


class _Run:
    def __init__(
        self,
        manifest: FleetManifest,
        out_dir: Path,
        options: FleetOptions,
        key: SigningKey | None,
        log: WorkLog,
        progress: Callable[[FleetProgress], None] | None,
    ) -> None:
        from auditkit.report import resolve_date

        self.manifest = manifest
        self.out_dir = out_dir
        self.options = options
        self.key = key
        self.log = log
        self.progress = progress
        self.day = resolve_date(options.date)
        self.scan_options = ScanOptions(use_cache=options.use_cache, cache_dir=options.cache_dir)
        self.finished = FinishedTargets(out_dir)
        self.done: dict[str, TargetOutcome] = {}
        self.plans: dict[str, TargetPlan] = {}
        self.results: dict[str, dict[int, BatchResult]] = {}
        self.batches = self.batches_done = self.files_done = 0
        self.start = time.monotonic()

    # ------------------------------------------------------------------ planning

    def plan(self, capacity: int, rule_files: ExitStack) -> None:
        fixed = [
            json.dumps(environment(), sort_keys=True),
            self.day,
            self.key.keyid if self.key is not None else "unsigned",
        ]
        for target in self.manifest.targets:
            try:
                self._plan_one(target, fixed, capacity, rule_files)
            except AuditkitError as exc:
                self._fail(target.name, exc.message, exc.exit_code)
            except OSError as exc:
                self._fail(target.name, f"cannot read {target.path}: {exc}", 2)
            except Exception as exc:  # one target's bug must not cost the estate its audit
                self._fail(target.name, _internal(exc), 3)
        self.batches = sum(len(p.batches) for p in self.plans.values())
        self.log.write(
            "planned",
            targets=len(self.manifest.targets),
            batches=self.batches,
            files=sum(len(p.pending.todo) for p in self.plans.values()),
            capacity=capacity,
        )

    def _plan_one(
        self, target: FleetTarget, fixed: list[str], capacity: int, rule_files: ExitStack
    ) -> None:
        policy = target_policy(target, self.options.policy, self.options.policy_from_target)
        pending, key = prepare_target(target, policy, self.scan_options, fixed)
        folder = self.out_dir / target.name
        if self._reports_present(folder):
            data = (folder / "report.json").read_bytes()
            # The report.json digest too: a report replaced by hand is written again.
            if self.finished.key(target.name) == _state(key, data):
                self._finish(TargetOutcome(target.name, UNCHANGED, data))
                return
        self.finished.record(target.name, None)  # its reports are about to be replaced
        rules = rule_files.enter_context(policy_rule_file(policy)) if pending.todo else None
        self.plans[target.name] = plan_target(target, policy, pending, key, rules, capacity)
        self.results[target.name] = {}

    def _reports_present(self, folder: Path) -> bool:
        from auditkit.report.registry import FORMATS
        from auditkit.signing.statement import ENVELOPE_NAME

        names = [f.filename for f in FORMATS.values()]
        if self.key is not None:
            names.append(ENVELOPE_NAME)
        return all((folder / n).is_file() for n in names)

    # ------------------------------------------------------------------ running

    def execute(self, executor: Executor) -> None:
        futures: dict[Future[BatchOutcome], FleetBatch] = {}
        for plan in self.plans.values():
            for task in plan.batches:
                futures[executor.submit(run_fleet_batch, task)] = task
        for name, plan in list(self.plans.items()):
            if not plan.batches:  # every file came from the result cache
                self._write(name)
        for future in as_completed(futures):
            task = futures.pop(future)
            if task.target in self.done:
                continue  # the target failed already
            error = future.exception()
            if error is not None:
                self._batch_failed(task, error, futures)
                continue
            outcome = future.result()
            self.batches_done += 1
            self.files_done += task.files
            self.results[task.target][task.index] = outcome.result
            self.log.write(
                "batch",
                target=task.target,
                batch=f"{task.index + 1}/{len(self.plans[task.target].batches)}",
                files=task.files,
                cached=outcome.cached,  # of those, taken from the worker's result cache
                worker=outcome.worker,
                seconds=f"{outcome.seconds:.2f}",
            )
            self._report(f"{task.target}: batch {task.index + 1} done on {outcome.worker}")
            if len(self.results[task.target]) == len(self.plans[task.target].batches):
                self._write(task.target)

    def _batch_failed(
        self,
        task: FleetBatch,
        error: BaseException,
        futures: dict[Future[BatchOutcome], FleetBatch],
    ) -> None:
        message, code = _describe(error)
        self.log.write("batch-failed", target=task.target, batch=task.index + 1, error=message)
        for other, other_task in futures.items():
            if other_task.target == task.target:
                other.cancel()
        self._fail(task.target, message, code)

    def _write(self, name: str) -> None:
        plan = self.plans[name]
        by_index = self.results.pop(name)
        results = [by_index[i] for i in range(len(plan.batches))]
        try:
            data = write_target(plan, results, self.out_dir / name, self.day, self.key)
        except AuditkitError as exc:
            self._fail(name, exc.message, exc.exit_code)
            return
        except Exception as exc:  # one target's bug must not cost the estate its audit
            self._fail(name, _internal(exc), 3)
            return
        self.finished.record(name, _state(plan.key, data))
        self._finish(TargetOutcome(name, AUDITED, data))

    # ------------------------------------------------------------------ outcomes

    def _fail(self, name: str, message: str, code: int) -> None:
        self.results.pop(name, None)
        self._finish(TargetOutcome(name, FAILED, None, message.replace("\n", "; "), code))

    def _finish(self, outcome: TargetOutcome) -> None:
        self.done[outcome.name] = outcome
        fields: dict[str, object] = {"target": outcome.name, "state": outcome.state}
        if outcome.error:
            fields["error"] = outcome.error
        self.log.write("target", **fields)
        detail = f": {outcome.error}" if outcome.error else ""
        self._report(f"{outcome.name}: {outcome.state}{detail}")

    def _report(self, event: str) -> None:
        if self.progress is None:
            return
        self.progress(
            FleetProgress(
                targets_done=len(self.done),
                targets=len(self.manifest.targets),
                batches_done=self.batches_done,
                batches=self.batches,
                files_done=self.files_done,
                seconds=time.monotonic() - self.start,
                event=event,
            )
        )

    def outcomes(self) -> tuple[TargetOutcome, ...]:
        return tuple(self.done[t.name] for t in self.manifest.targets)


def _internal(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return f"internal error: {type(exc).__name__}: {text}" if text else f"internal error: {exc!r}"


def _state(key: str, report_json: bytes) -> str:
    return f"{key} {hashlib.sha256(report_json).hexdigest()}"


def _describe(error: BaseException) -> tuple[str, int]:
    """One line and an exit code for an exception a batch raised (possibly on a worker)."""
    if isinstance(error, AuditkitError):
        return error.message, error.exit_code
    from distributed import KilledWorker

    if isinstance(error, KilledWorker):
        return (
            "a batch was lost: every worker that ran it died (see fleet.log and the workers' logs)",
            EngineError.exit_code,
        )
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__, 3
