"""The scan use case: policy → files → engines → findings → triage → ScanResult."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from auditkit import __version__, datacache, sourcetext
from auditkit.cache import ResultCache, code_digest, config_digest
from auditkit.core.errors import EngineError
from auditkit.core.languages import rule_languages
from auditkit.core.model import (
    Coverage,
    EngineIssue,
    EngineRun,
    Finding,
    Location,
    ScanResult,
    Severity,
)
from auditkit.core.policy import Policy
from auditkit.datacache import default_cache_dir
from auditkit.engines import bandit as bandit_engine
from auditkit.engines import python_cst
from auditkit.engines import semgrep as semgrep_engine
from auditkit.engines.batch import Batch, BatchResult, FileResults, run_batch
from auditkit.engines.plan import POLICY_SINK_LANGUAGES, SMALL_SCAN_FILES
from auditkit.flows.config import FlowConfig
from auditkit.rulesets import (
    prefilter_origin,
    prefilter_sources,
    ruleset_digest,
    semgrep_configs,
)
from auditkit.triage.baseline import apply_baseline, load_baseline
from auditkit.workspace import MAX_FILE_BYTES, SourceFile, Workspace, discover

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from auditkit.core.waivers import WaivedEndpoint

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ScanOptions:
    jobs: int = 0  # 0: one per core
    max_file_bytes: int = MAX_FILE_BYTES
    run_bandit: bool = True
    use_cache: bool = True
    cache_dir: Path | None = None
    baseline: Path | None = None
    executor_factory: Callable[[int], Executor] | None = field(default=None, compare=False)
    progress: Progress | None = field(default=None, compare=False)

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
    # Data tables are kept beside the result cache; --no-cache: every table parsed afresh.
    tables = (options.cache_dir or default_cache_dir()) if options.use_cache else None
    with datacache.using(tables):
        return _run_scan(target, policy, options, workspace)


def _run_scan(
    target: Path, policy: Policy, options: ScanOptions, workspace: Workspace | None
) -> ScanResult:
    warm = threading.Thread(target=_warm_classifier, args=(policy,), daemon=True)
    pending = prepare_scan(target, policy, options, workspace)
    # Started only now: the warm-up holds the GIL, and the cache look-up above must not
    # wait for it. From here on the main thread mostly waits for engine processes.
    warm.start()
    results: list[BatchResult] = []
    if pending.todo:
        with policy_rule_file(policy) as policy_rules:
            results = _execute(plan_batches(pending, policy_rules, options.workers), options)
    elif options.progress:
        options.progress(1, 1)
    warm.join()
    return finish_scan(pending, results)


@dataclass(frozen=True)
class PendingScan:
    """A scan split in three (``prepare_scan`` → batches → ``finish_scan``), so that a fleet
    can run the batches of many targets on one cluster; ``run_scan`` is the three in a row."""

    target: Path
    policy: Policy
    options: ScanOptions
    workspace: Workspace
    cached: dict[str, FileResults] = field(compare=False)
    todo: tuple[SourceFile, ...]


def prepare_scan(
    target: Path, policy: Policy, options: ScanOptions, workspace: Workspace | None = None
) -> PendingScan:
    """Find the files and take what the result cache already knows about them."""
    ws = workspace or discover(
        target, policy.exclude, options.max_file_bytes, policy.respect_gitignore
    )
    cached: dict[str, FileResults] = {}
    if options.use_cache:
        with _open_cache(policy, options) as cache:
            cached = cache.get_many((f.path, f.sha256) for f in ws.files)
    todo = tuple(f for f in ws.files if f.path not in cached)
    return PendingScan(target, policy, options, ws, cached, todo)


def finish_scan(pending: PendingScan, batch_results: list[BatchResult]) -> ScanResult:
    """The scan result from the engines' batch results (in any order), as run_scan gives it."""
    target, policy, options, ws = pending.target, pending.policy, pending.options, pending.workspace
    # Loaded before anything is cached: a bad baseline must not leave half a scan behind.
    baseline = load_baseline(options.baseline) if options.baseline else None
    per_file, global_errors = _merge(pending, batch_results)
    findings, issues, allowed_hosts = _normalise(ws, policy, per_file)
    issues += [EngineIssue("(scan)", semgrep_engine.ENGINE, e) for e in global_errors]
    from auditkit.triage.suppress import apply_inline_suppressions

    findings, problems = apply_inline_suppressions(findings, ws.root, [f.path for f in ws.files])
    if baseline is not None and options.baseline is not None:
        findings = apply_baseline(findings, baseline, options.baseline.name)
    from auditkit.triage.waivers import collect_waivers

    scanned = tuple(f.as_scanned() for f in ws.files)
    waivers = collect_waivers(
        ws.root,
        policy,
        scanned,
        ws.skipped,
        findings,
        allowed_hosts,
        options.baseline.name if options.baseline else None,
    )
    engines = [EngineRun("semgrep", semgrep_engine.version(), len(ws.files))]
    if options.run_bandit:
        engines.append(EngineRun("bandit", bandit_engine.version(), len(ws.by_language("python"))))
    engines.append(EngineRun("libcst", python_cst.version(), len(ws.by_language("python"))))
    return ScanResult(
        target=_target_label(target),
        findings=tuple(findings),
        coverage=Coverage(
            files_scanned=scanned,
            files_skipped=ws.skipped,
            engine_issues=tuple(sorted(set(issues))),
            gitignore=ws.gitignore,
        ),
        waivers=waivers,
        engines=tuple(engines),
        suppression_problems=tuple(problems),
        baseline=options.baseline.name if options.baseline else None,
        # The table in force for this semgrep, whether or not this run had a small batch:
        # a cached and an uncached audit must describe themselves alike.
        rule_prefilters=prefilter_origin(),
    )


def _warm_classifier(policy: Policy) -> None:
    """Import the findings stage and load the jurisdiction tables.

    Runs in a thread while the engines (separate processes) work: on a one-file pre-commit
    run this hides ~0.15 s of import and table-loading time behind semgrep's own start-up.
    """
    import auditkit.core.fingerprint
    import auditkit.normalise
    import auditkit.triage.suppress  # noqa: F401
    from auditkit.jurisdiction import Classifier

    for engine in (semgrep_engine, bandit_engine, python_cst):
        engine.version()

    classifier = Classifier(policy.jurisdiction)
    for sample in ("eu-west-1", "https://s3.eu-west-1.amazonaws.com", "westeurope", "a.example.de"):
        classifier.classify(sample)


# ---------------------------------------------------------------------------- engines


@contextmanager
def _open_cache(policy: Policy, options: ScanOptions) -> Iterator[ResultCache]:
    cache = ResultCache(options.cache_dir or default_cache_dir(), _cache_config(policy, options))
    try:
        yield cache
    finally:
        cache.close()


def _merge(
    pending: PendingScan, batch_results: list[BatchResult]
) -> tuple[dict[str, FileResults], list[str]]:
    """Cached and fresh results per file; fresh ones are cached when the engines ran cleanly."""
    results: dict[str, FileResults] = dict(pending.cached)
    global_errors: list[str] = []
    for batch_result in batch_results:
        global_errors += [e.message for e in batch_result.global_errors]
        for fr in batch_result.files:
            results[fr.path] = fr
    if pending.todo and pending.options.use_cache and not global_errors:
        sha = {f.path: f.sha256 for f in pending.todo}
        with _open_cache(pending.policy, pending.options) as cache:
            cache.put_many((sha[p], results[p]) for p in sha if p in results)
    return results, global_errors


def _cache_config(policy: Policy, options: ScanOptions) -> str:
    gw = policy.gateway
    return config_digest(
        [
            __version__,
            code_digest(),
            semgrep_engine.version(),
            bandit_engine.version() if options.run_bandit else "no-bandit",
            python_cst.version(),
            ruleset_digest(),
            json.dumps([list(gw.sinks), list(gw.protected_hosts)]),
            # Flow results depend on the categories, the checks, and which files are gateway.
            *_flow_config(policy),
        ]
    )


def _flow_config(policy: Policy) -> list[str]:
    if not policy.data.categories and not policy.gateway.authorization:
        return []  # unset: the cache key (and every cached result) stays as it was
    gw = policy.gateway
    return [json.dumps([list(policy.data.categories), list(gw.authorization), list(gw.paths)])]


@contextmanager
def policy_rule_file(policy: Policy) -> Iterator[str | None]:
    """A rule file for the policy's own ``[gateway.sinks]`` (None when it names none)."""
    from auditkit.sinks import extra_sink_rules

    extra: list[object] = []
    for language, entries_from in POLICY_SINK_LANGUAGES:
        extra += extra_sink_rules(language, policy.gateway.extra_sinks(entries_from))
    if not extra:
        yield None
        return
    import tempfile

    with tempfile.TemporaryDirectory(prefix="auditkit-rules-") as tmp:
        path = Path(tmp) / "policy-sinks.yaml"
        # JSON is YAML: no YAML writer needed for the policy's extra sink rules.
        path.write_text(json.dumps({"rules": extra}), encoding="utf-8")
        yield str(path)


def plan_batches(pending: PendingScan, policy_rules: str | None, workers: int) -> list[Batch]:
    """The files still to scan in batches of similar cost, about two per worker."""
    root, files, policy = pending.workspace.root, list(pending.todo), pending.policy
    n = 1 if len(files) < SMALL_SCAN_FILES else workers * 2
    from auditkit.flows.rulefile import flow_rule_file, flow_rule_targets

    # [data.categories], [gateway.authorization]: semgrep runs the generated rules only on
    # the files they can match, gathered in batches of their own (the taint rules are costly).
    flow_targets = flow_rule_targets(root, ((f.path, f.language) for f in files), policy)
    flagged = [f for f in files if f.path in flow_targets]
    rest = [f for f in files if f.path not in flow_targets]
    if n == 1 or not flagged or not rest:
        buckets = _buckets(files, n)
    else:
        share = _cost(flagged) / (_cost(flagged) + _cost(rest))
        k = min(n - 1, max(1, round(n * share)))
        buckets = _buckets(flagged, k) + _buckets(rest, n - k)
    flow = FlowConfig.from_policy(policy)
    # After the policy's sink rules, as `auditkit check`'s head start expects them.
    flow_rules = flow_rule_file(policy) if flow_targets else None
    batches = []
    for bucket in buckets:
        if not bucket:
            continue
        bucket.sort(key=lambda f: f.path)
        paths = [f.path for f in bucket]
        configs = semgrep_configs(
            rule_languages(f.language for f in bucket),
            bool(policy.gateway.protected_hosts),
            prefilter_sources(root, paths),
        )
        batches.append(
            Batch(
                root=str(root),
                semgrep_paths=tuple(paths),
                python_paths=tuple(f.path for f in bucket if f.language == "python"),
                semgrep_configs=configs
                + ((policy_rules,) if policy_rules else ())
                + (
                    (flow_rules,)
                    if flow_rules and any(f.path in flow_targets for f in bucket)
                    else ()
                ),
                extra_python_sinks=policy.gateway.extra_sinks("python"),
                protected_hosts=policy.gateway.protected_hosts,
                run_bandit=pending.options.run_bandit,
                flow=flow if flow.active else None,
            )
        )
    return batches


def _buckets(files: list[SourceFile], n: int) -> list[list[SourceFile]]:
    buckets: list[list[SourceFile]] = [[] for _ in range(n)]
    sizes = [0] * n
    # Largest first into the lightest bucket: batches of similar cost keep every core busy.
    for f in sorted(files, key=lambda f: (-f.size, f.path)):
        i = sizes.index(min(sizes))
        buckets[i].append(f)
        sizes[i] += f.size + 2048  # a per-file overhead, so many tiny files still spread
    return buckets


def _cost(files: list[SourceFile]) -> int:
    return sum(f.size + 2048 for f in files)


def _execute(batches: list[Batch], options: ScanOptions) -> list[BatchResult]:
    total = len(batches)
    if total <= 1 and options.executor_factory is None:
        results = [run_batch(b) for b in batches]
        if options.progress:
            options.progress(total, total)
        return results
    # Imported here: process pools cost ~12 ms of import that one-file runs never need.
    from concurrent.futures import ProcessPoolExecutor

    factory = options.executor_factory or (lambda n: ProcessPoolExecutor(max_workers=n))
    results = []
    with factory(options.workers) as executor:
        futures = [executor.submit(run_batch, b) for b in batches]
        try:
            for done, fut in enumerate(futures, start=1):
                results.append(fut.result())
                if options.progress:
                    options.progress(done, total)
        except EngineError:
            for fut in futures:
                fut.cancel()
            raise
    return results


# ---------------------------------------------------------------------------- findings


def _normalise(
    ws: Workspace, policy: Policy, per_file: dict[str, FileResults]
) -> tuple[list[Finding], list[EngineIssue], list[tuple[str, WaivedEndpoint]]]:
    from auditkit import repositories as spring_repositories
    from auditkit.core.fingerprint import assign_fingerprints
    from auditkit.flows import django_urls
    from auditkit.normalise import Normaliser

    languages = {f.path: f.language for f in ws.files}
    norm = Normaliser(ws.root, policy, languages)
    findings: list[Finding] = []
    issues: list[EngineIssue] = []
    sourcetext.clear_cache()
    # Spring Data repositories are declared in one file and called in others: the calls are
    # kept only for types the tree declares as repositories (auditkit.repositories).
    repositories = spring_repositories.declared(
        ws.root, (m for r in per_file.values() for m in r.semgrep)
    )
    # Django function views are views only if a URLconf of the tree routes them (flows.django_urls).
    routed = django_urls.routed_names(ws.root, (f.path for f in ws.files))
    for path in sorted(per_file):
        r = per_file[path]
        for match in r.semgrep:
            m = spring_repositories.resolve(match, repositories)
            if m is None:
                continue
            if m.role in ("endpoint-literal", "region-identifier"):
                findings += norm.endpoint_findings(m)
            elif m.role in ("gateway-sink", "http-call"):
                findings += norm.gateway_from_semgrep(m)
            elif m.role in ("data-egress", "gateway-authorization"):
                findings += norm.flows_from_semgrep(m)
        findings += norm.bandit_findings(r.bandit)
        if r.python is not None:
            if r.python.error:
                issues.append(EngineIssue(path, python_cst.ENGINE, r.python.error))
            else:
                findings += norm.gateway_from_python(r.python)
                findings += norm.flows_from_python(django_urls.keep_routed(r.python, routed))
        issues += [EngineIssue(path, semgrep_engine.ENGINE, e.message) for e in r.semgrep_errors]
        issues += [EngineIssue(path, bandit_engine.ENGINE, e.message) for e in r.bandit_errors]
    for f in ws.files:
        findings += norm.config_host_findings(f.path)
    findings = [_in_test_code(f) for f in _dedupe(findings)]
    findings.sort(key=Finding.sort_key)
    return assign_fingerprints(findings), issues, norm.allowed_by_policy


def _in_test_code(finding: Finding) -> Finding:
    """Test fixtures are full of fake hosts, IPs and passwords: report them at info severity,
    so that they stay visible to an auditor without failing a build or a commit."""
    from auditkit.core.pathmatch import is_test_path

    if finding.severity is Severity.INFO or not is_test_path(finding.location.path):
        return finding
    note = (("context", f"test code: reported at info severity (was {finding.severity.value})"),)
    return replace(finding, severity=Severity.INFO, evidence=finding.evidence + note)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    from auditkit.normalise import PROTECTED_REFERENCE

    seen: set[tuple[object, ...]] = set()
    out = []
    # Call-level evidence wins over a bare reference to the same protected host on one line.
    ordered = sorted(findings, key=lambda f: f.evidence_dict.get("sink") == PROTECTED_REFERENCE)
    # An entry point's first access stands for it, whatever order the engine reported in.
    ordered.sort(key=lambda f: f.location if f.rule_id == "gateway.authorization" else _FIRST)
    for f in ordered:
        key: tuple[object, ...] = (
            f.rule_id,
            f.location,
            f.evidence_dict.get("endpoint"),
            f.evidence_dict.get("sink"),
            f.evidence_dict.get("data_category"),
        )
        if f.rule_id == "gateway.authorization":
            # semgrep matches an access once per pattern (u.getPhone() and u.getPhone): one
            # finding per entry point, at its first access.
            key = (f.rule_id, f.location.path, f.evidence_dict.get("entry_point"))
        if f.rule_id == "gateway.protected-host":
            # The call rule and the literal rule meet on one line: one finding per line.
            key = (f.rule_id, f.location.path, f.location.start_line)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


_FIRST = Location("", 0, 0, 0, 0)  # sorts before every real location; the sort is stable


def _target_label(target: Path) -> str:
    """The target's name, never an absolute machine path."""
    return target.resolve().name or str(target)
