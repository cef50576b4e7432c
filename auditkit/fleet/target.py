"""One target of a fleet: its policy, its planned batches, and its reports.

The same steps as ``auditkit audit``, cut where the engines run: ``plan_target`` is the
audit up to its batches, ``write_target`` the audit after them. Both go through the scan's
and the report's own functions, so a target's report.json is the one ``audit`` writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditkit.core.policy import Policy, load_audit_policy
from auditkit.engines.batch import BatchResult
from auditkit.fleet.manifest import FleetTarget
from auditkit.fleet.state import target_key
from auditkit.fleet.task import FleetBatch
from auditkit.scan import (
    PendingScan,
    ScanOptions,
    _cache_config,
    finish_scan,
    plan_batches,
    prepare_scan,
)


@dataclass(frozen=True)
class TargetPlan:
    target: FleetTarget
    policy: Policy
    pending: PendingScan
    batches: tuple[FleetBatch, ...]
    key: str  # what its reports depend on (fleet-state.json)


def target_policy(target: FleetTarget, auditor_policy: Path | None, from_target: bool) -> Policy:
    """The policy ``auditkit audit`` would use: the manifest's policy for this target, else
    the fleet's --policy; the target's own policy only when asked for (issue 18)."""
    if target.policy is not None:  # the manifest's choice for this target comes first
        return load_audit_policy(target.path, target.policy, target.policy_from_target)
    return load_audit_policy(target.path, auditor_policy, target.policy_from_target or from_target)


def prepare_target(
    target: FleetTarget, policy: Policy, options: ScanOptions, fixed: list[str]
) -> tuple[PendingScan, str]:
    """The target's files and cached results, and the key of the reports they give."""
    from auditkit.manifest import manifest_digest, manifest_entries

    pending = prepare_scan(target.path, policy, options)
    files = manifest_digest(manifest_entries(f.as_scanned() for f in pending.workspace.files))
    skipped = json.dumps([[s.path, s.reason] for s in pending.workspace.skipped])
    return pending, target_key([*fixed, files, skipped, policy.digest, policy.origin])


def plan_target(
    target: FleetTarget,
    policy: Policy,
    pending: PendingScan,
    key: str,
    policy_rules: str | None,
    workers: int,
) -> TargetPlan:
    from auditkit.rulesets import rulesets_dir

    root = rulesets_dir()
    batches = plan_batches(pending, policy_rules, workers) if pending.todo else []
    # The scan's own cache key, computed here: check_workers has made sure that the workers'
    # versions and rules, which the key digests, are the client's.
    config = _cache_config(policy, pending.options) if pending.options.use_cache else None
    sha = {f.path: f.sha256 for f in pending.todo}
    tasks = []
    for i, batch in enumerate(batches):
        # Rule files the scan generated for this policy live on the client only: they travel.
        texts = tuple(
            (c, Path(c).read_text(encoding="utf-8"))
            for c in batch.semgrep_configs
            if not Path(c).is_relative_to(root)
        )
        paths = sorted(set(batch.semgrep_paths) | set(batch.python_paths))
        hashes = tuple((p, sha[p]) for p in paths) if config is not None else ()
        tasks.append(FleetBatch(target.name, i, batch, str(root), texts, config, hashes))
    return TargetPlan(target, policy, pending, tuple(tasks), key)


def write_target(
    plan: TargetPlan, results: list[BatchResult], out_dir: Path, date: str, key: Any
) -> bytes:
    """Assemble the scan result, write the report set into ``out_dir`` and sign it (``key``:
    a loaded SigningKey, or None, as ``audit --key``); returns report.json's bytes."""
    from auditkit.report import build_report
    from auditkit.report.output import write_report_files

    result = finish_scan(plan.pending, results)
    report = build_report(result, plan.policy, plan.target.path, date=date)
    _, stale = write_report_files(report, out_dir)
    if key is not None:
        from auditkit.signing.sign import sign_with_key

        sign_with_key(out_dir, key)
    elif stale:
        from auditkit.signing.sshsig import remove_stale

        remove_stale(out_dir)
    return (out_dir / "report.json").read_bytes()
