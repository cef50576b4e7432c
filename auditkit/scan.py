"""The scan use case: policy → files → engines → findings → ScanResult."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from auditkit import sourcetext
from auditkit.engines import bandit as bandit_engine
from auditkit.engines import python_cst
from auditkit.engines import semgrep as semgrep_engine
from auditkit.engines.batch import Batch, BatchResult, run_batch
from auditkit.fingerprint import assign_fingerprints
from auditkit.model import Coverage, EngineIssue, EngineRun, Finding, ScanResult
from auditkit.normalise import Normaliser
from auditkit.policy import Policy
from auditkit.rulesets import semgrep_rule_files
from auditkit.workspace import MAX_FILE_BYTES, SourceFile, Workspace, discover

# Below this many files one in-process batch beats starting worker processes.
_SMALL_SCAN_FILES = 150

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ScanOptions:
    jobs: int = 0  # 0: one per core
    max_file_bytes: int = MAX_FILE_BYTES
    run_bandit: bool = True
    executor_factory: Callable[[int], Executor] | None = None
    progress: Progress | None = None

    @property
    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else max(1, os.cpu_count() or 1)


def run_scan(
    target: Path,
    policy: Policy,
    options: ScanOptions | None = None,
    workspace: Workspace | None = None,
) -> ScanResult:
    options = options or ScanOptions()
    ws = workspace or discover(target, policy.exclude, options.max_file_bytes)
    with _semgrep_configs(policy) as configs:
        batches = _plan_batches(ws, policy, configs, options)
        results = _execute(batches, options)
    return _assemble(target, ws, policy, results, options)


@contextmanager
def _semgrep_configs(policy: Policy) -> Iterator[tuple[str, ...]]:
    from auditkit.sinks import extra_semgrep_rules

    files = [str(p) for p in semgrep_rule_files()]
    extra = extra_semgrep_rules(policy.gateway)
    if not extra:
        yield tuple(files)
        return
    with tempfile.TemporaryDirectory(prefix="auditkit-rules-") as tmp:
        path = Path(tmp) / "policy-sinks.yaml"
        # JSON is YAML: no YAML writer needed for the policy's extra sink rules.
        path.write_text(json.dumps({"rules": extra}), encoding="utf-8")
        yield (*files, str(path))


def _plan_batches(
    ws: Workspace, policy: Policy, configs: tuple[str, ...], options: ScanOptions
) -> list[Batch]:
    files = list(ws.files)
    n = 1 if len(files) < _SMALL_SCAN_FILES else options.workers * 2
    buckets: list[list[SourceFile]] = [[] for _ in range(n)]
    sizes = [0] * n
    # Largest first into the lightest bucket: batches of similar cost keep both cores busy.
    for f in sorted(files, key=lambda f: (-f.size, f.path)):
        i = sizes.index(min(sizes))
        buckets[i].append(f)
        sizes[i] += f.size + 2048  # a per-file overhead, so many tiny files still spread
    batches = []
    for bucket in buckets:
        if not bucket:
            continue
        paths = sorted(f.path for f in bucket)
        batches.append(
            Batch(
                root=str(ws.root),
                semgrep_paths=tuple(paths),
                python_paths=tuple(f.path for f in sorted(bucket, key=lambda f: f.path) if f.language == "python"),
                semgrep_configs=configs,
                extra_python_sinks=policy.gateway.extra_sinks("python"),
                protected_hosts=policy.gateway.protected_hosts,
                run_bandit=options.run_bandit,
            )
        )
    return batches


def _execute(batches: list[Batch], options: ScanOptions) -> list[BatchResult]:
    total = len(batches)
    if total <= 1 and options.executor_factory is None:
        results = [run_batch(b) for b in batches]
        if options.progress:
            options.progress(total, total)
        return results
    factory = options.executor_factory or (lambda n: ProcessPoolExecutor(max_workers=n))
    with factory(options.workers) as executor:
        futures: list[Future[BatchResult]] = [executor.submit(run_batch, b) for b in batches]
        done = 0
        results = []
        for fut in futures:
            results.append(fut.result())
            done += 1
            if options.progress:
                options.progress(done, total)
    return results


def _assemble(
    target: Path, ws: Workspace, policy: Policy, results: list[BatchResult], options: ScanOptions
) -> ScanResult:
    languages = {f.path: f.language for f in ws.files}
    norm = Normaliser(ws.root, policy, languages)
    findings: list[Finding] = []
    issues: list[EngineIssue] = []
    sourcetext.clear_cache()
    for r in results:
        for m in r.semgrep:
            if m.role in ("endpoint-literal", "region-identifier"):
                findings += norm.endpoint_findings(m)
            elif m.role in ("gateway-sink", "http-call"):
                findings += norm.gateway_from_semgrep(m)
        findings += norm.bandit_findings(r.bandit)
        for py in r.python:
            if py.error:
                issues.append(EngineIssue(py.path, python_cst.ENGINE, py.error))
            else:
                findings += norm.gateway_from_python(py)
        issues += [
            EngineIssue(e.path or "(scan)", semgrep_engine.ENGINE, e.message)
            for e in r.semgrep_errors
        ]
        issues += [EngineIssue(e.path, bandit_engine.ENGINE, e.message) for e in r.bandit_errors]
    findings = _dedupe(findings)
    findings.sort(key=Finding.sort_key)
    findings = assign_fingerprints(findings)
    engines = [
        EngineRun("semgrep", semgrep_engine.version(), len(ws.files)),
        EngineRun("libcst", python_cst.version(), len(ws.by_language("python"))),
    ]
    if options.run_bandit:
        engines.insert(1, EngineRun("bandit", bandit_engine.version(), len(ws.by_language("python"))))
    return ScanResult(
        target=_target_label(target),
        findings=tuple(findings),
        coverage=Coverage(
            files_scanned=tuple(f.as_scanned() for f in ws.files),
            files_skipped=ws.skipped,
            engine_issues=tuple(sorted(set(issues))),
        ),
        engines=tuple(engines),
    )


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for f in findings:
        key = (f.rule_id, f.location, f.evidence_dict.get("endpoint"), f.evidence_dict.get("sink"))
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def _target_label(target: Path) -> str:
    """The target as given on the command line, never an absolute machine path."""
    name = target.resolve().name
    return name or str(target)
