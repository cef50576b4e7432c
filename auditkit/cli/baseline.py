"""``auditkit baseline create|update``: accept today's findings so that only new ones fail."""

from __future__ import annotations

from pathlib import Path

import click

from auditkit.cli._common import existing_target
from auditkit.core.errors import UsageError
from auditkit.core.policy import load_policy
from auditkit.scan import ScanOptions, run_scan
from auditkit.triage.baseline import DEFAULT_BASELINE, load_baseline, write_baseline


@click.group()
def baseline() -> None:
    """Create or update a baseline of accepted findings."""


def _write(target: str, policy_file: Path | None, output: Path | None, must_exist: bool) -> int:
    path = existing_target(target)
    out = output or (path if path.is_dir() else path.parent) / DEFAULT_BASELINE
    if must_exist:
        load_baseline(out)  # an update of a corrupt or foreign file is an error, not a reset
    elif out.exists():
        raise UsageError(f"{out} already exists: use 'auditkit baseline update'")
    policy = load_policy(path, policy_file)
    result = run_scan(path, policy, ScanOptions())
    count = write_baseline(out, list(result.findings))
    click.echo(f"auditkit: baseline {out} records {count} findings", err=True)
    return 0


_target = click.argument("target", default=".")
_policy = click.option("--policy", "policy_file", type=click.Path(path_type=Path))
_output = click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help=f"Baseline file (default: TARGET/{DEFAULT_BASELINE}).",
)


@baseline.command()
@_target
@_policy
@_output
def create(target: str, policy_file: Path | None, output: Path | None) -> int:
    """Record every live finding in TARGET as accepted."""
    return _write(target, policy_file, output, must_exist=False)


@baseline.command()
@_target
@_policy
@_output
def update(target: str, policy_file: Path | None, output: Path | None) -> int:
    """Rewrite an existing baseline with the current live findings."""
    return _write(target, policy_file, output, must_exist=True)
