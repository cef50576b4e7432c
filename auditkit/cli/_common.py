"""Options and helpers shared by several commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from auditkit.errors import UsageError
from auditkit.model import ScanResult, Severity

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
