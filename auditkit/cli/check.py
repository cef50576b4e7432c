"""``auditkit check FILE...``: pre-commit mode. Only the given files, one line per new finding."""

from __future__ import annotations

from pathlib import Path

import click

from auditkit.cli._common import exit_code_for, fail_on_option, no_cache_option
from auditkit.core.pathmatch import matches_any
from auditkit.core.policy import load_policy
from auditkit.repository import repository_root
from auditkit.scan import ScanOptions, run_scan
from auditkit.triage.baseline import DEFAULT_BASELINE
from auditkit.workspace import Workspace, select_files


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(path_type=Path),
    help="Policy file (default: auditkit.toml at the repository root).",
)
@fail_on_option
@click.option(
    "--baseline",
    type=click.Path(path_type=Path),
    help=f"Baseline file (default: {DEFAULT_BASELINE} at the repository root, when present).",
)
@no_cache_option
def check(
    files: tuple[Path, ...],
    policy_file: Path | None,
    fail_on: str,
    baseline: Path | None,
    no_cache: bool,
) -> int:
    """Scan only FILES (as pre-commit passes them); print one line per new finding."""
    if not files:
        return 0
    root = repository_root(Path.cwd())
    policy = load_policy(root, policy_file)
    ws = select_files(root, list(files))
    # Policy excludes apply to named files too: pre-commit passes every staged file.
    ws = Workspace(
        ws.root, tuple(f for f in ws.files if not matches_any(f.path, policy.exclude)), ws.skipped
    )
    if baseline is None and (root / DEFAULT_BASELINE).is_file():
        baseline = root / DEFAULT_BASELINE
    result = run_scan(
        root, policy, ScanOptions(jobs=1, use_cache=not no_cache, baseline=baseline), workspace=ws
    )
    for f in result.live_findings:
        loc = f.location
        click.echo(f"{loc.path}:{loc.start_line}:{loc.start_column}: {f.rule_id} {f.message}")
    for p in result.suppression_problems:
        click.echo(f"{p.path}:{p.line}:1: auditkit.suppression {p.message}")
    return exit_code_for(result, fail_on)
