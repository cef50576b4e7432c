"""``auditkit scan TARGET``: scan and print or write findings."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import click

from auditkit.cli._common import (
    baseline_option,
    existing_target,
    exit_code_for,
    fail_on_option,
    jobs_option,
    no_cache_option,
    policy_option,
    write_output,
)
from auditkit.core.model import ScanResult
from auditkit.core.policy import Policy, load_policy
from auditkit.scan import ScanOptions, run_scan


@click.command()
@click.argument("target")
@policy_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "sarif", "html", "md"]),
    default="text",
    show_default=True,
    help="sarif, html and md render the scan as `auditkit audit` renders a report (unsigned).",
)
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), help="Write to this file instead of stdout."
)
@fail_on_option
@jobs_option
@baseline_option
@no_cache_option
def scan(
    target: str,
    policy_file: Path | None,
    fmt: str,
    output: Path | None,
    fail_on: str,
    jobs: int,
    baseline: Path | None,
    no_cache: bool,
) -> int:
    """Scan TARGET (a folder or file) and report findings."""
    path = existing_target(target)
    policy = load_policy(path, policy_file)
    progress = _progress_bar() if sys.stderr.isatty() and fmt == "text" and output is None else None
    try:
        result = run_scan(
            path,
            policy,
            ScanOptions(jobs=jobs, progress=progress, baseline=baseline, use_cache=not no_cache),
        )
    finally:
        if progress is not None:
            progress.close()
    if fmt == "json":
        from auditkit.findings_json import dumps

        write_output(dumps(result), output)
    elif fmt in ("sarif", "html", "md"):
        _write_report(result, policy, path, fmt, output)
    else:
        from rich.console import Console

        from auditkit.text_output import render_text

        if output is None:
            render_text(result, Console(highlight=False), path)
        else:
            buffer = io.StringIO()
            render_text(
                result, Console(file=buffer, width=120, no_color=True, highlight=False), path
            )
            write_output(buffer.getvalue(), output)
    return exit_code_for(result, fail_on)


def _write_report(
    result: ScanResult, policy: Policy, target: Path, fmt: str, output: Path | None
) -> None:
    """The scan as a report in ``fmt`` (SARIF for code scanning, as semgrep and bandit give it
    straight from their scan command)."""
    from auditkit.report import build_report
    from auditkit.report.registry import FORMATS

    data = FORMATS[fmt].render(build_report(result, policy, target))
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_output(data.decode("utf-8"), output)


class _progress_bar:
    """A rich progress bar over engine batches, shown only on a terminal."""

    def __init__(self) -> None:
        from rich.progress import Progress

        self._progress = Progress(transient=True)
        self._task = self._progress.add_task("scanning", total=None)
        self._progress.start()

    def __call__(self, done: int, total: int) -> None:
        self._progress.update(self._task, completed=done, total=total)

    def close(self) -> None:
        self._progress.stop()
