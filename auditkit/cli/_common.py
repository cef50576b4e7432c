"""Options and helpers shared by several commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditkit.core.errors import UsageError
from auditkit.core.model import ScanResult, Severity

FAIL_ON_CHOICES = [s.value for s in Severity] + ["none"]


def existing_target(value: str) -> Path:
    path = Path(value)
    if not path.exists():
        raise UsageError(f"target not found: {value}")
    return path


def exit_code_for(result: ScanResult, fail_on: str) -> int:
    if fail_on == "none":
        return 0
    threshold = Severity(fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in result.live_findings) else 0


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from None
    click.echo(f"auditkit: wrote {output}", err=True)


# Options that several commands share, declared once so their names and help stay alike.
policy_option = click.option(
    "--policy",
    "policy_file",
    type=click.Path(path_type=Path),
    help="Policy file (default: TARGET/auditkit.toml, or [tool.auditkit] in its pyproject.toml).",
)
fail_on_option = click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    default="low",
    show_default=True,
    help="Exit 1 when a live finding is at or above this severity.",
)
jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes (0: one per core).",
)
baseline_option = click.option(
    "--baseline",
    type=click.Path(path_type=Path),
    help="Mark findings recorded in this baseline file as baselined.",
)
no_cache_option = click.option(
    "--no-cache", is_flag=True, help="Do not use the per-file result cache."
)
