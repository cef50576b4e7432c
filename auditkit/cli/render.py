"""``auditkit render report.json --format html|md|sarif``: re-render a stored report."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditkit.core.errors import UsageError

if TYPE_CHECKING:
    from auditkit.report import Report


@click.command()
@click.argument("report_file", metavar="REPORT_JSON", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md", "sarif", "json"]),
    required=True,
    help="Output format.",
)
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), help="Write to this file instead of stdout."
)
def render(report_file: Path, fmt: str, output: Path | None) -> int:  # fmt: skip
    """Render a stored report.json as HTML, Markdown, SARIF (or canonical JSON) again."""
    from auditkit.report.registry import FORMATS

    report = load_report(report_file)
    data = FORMATS[fmt].render(report)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    from auditkit.report.output import write_atomic

    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--output: cannot create {output.parent}: {exc.strerror}") from None
    write_atomic(output, data)
    click.echo(f"auditkit: wrote {output}", err=True)
    return 0


def load_report(path: Path) -> Report:
    """The report stored in ``path``; any problem is one UsageError line naming the file."""
    from auditkit.report import ReportFormatError, report_from_dict

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not an auditkit report (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise UsageError(f"{path}: not an auditkit report (invalid JSON at {where})") from None
    try:
        return report_from_dict(data)
    except ReportFormatError as exc:
        raise UsageError(f"{path}: {exc.message}") from None
