"""``auditkit diff OLD NEW``: fixed, new and still-open findings between two audits."""

from __future__ import annotations

from pathlib import Path

import click

from auditkit.cli._common import write_output


@click.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "md"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="Write to this file instead of standard output.",
)
def diff(old: Path, new: Path, fmt: str, output: Path | None) -> int:
    """Compare two report folders (or report.json / findings JSON files), oldest first."""
    from auditkit.history.diff import diff_findings, load_diff_source
    from auditkit.history.diff_render import render_diff

    result = diff_findings(load_diff_source(old), load_diff_source(new))
    write_output(render_diff(result, fmt), output)
    return 0
