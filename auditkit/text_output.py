"""Human-readable scan output: one block per finding, then a summary table."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from auditkit.model import Category, Finding, ScanResult, Severity
from auditkit.waivers import callouts, summary_line

_STYLE = {
    Severity.CRITICAL: "bold red",
    Severity.HIGH: "red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}
_EVIDENCE_KEYS = ("endpoint", "provider", "region", "jurisdiction", "basis", "sink", "store", "why")


def render_text(result: ScanResult, console: Console) -> None:
    for f in result.findings:
        _finding(f, console)
    _summary(result, console)


def _finding(f: Finding, console: Console) -> None:
    loc = f.location
    style = _STYLE[f.severity]
    suppressed = (
        f" [dim](suppressed, {f.suppression.kind}: {escape(f.suppression.reason)})[/]"
        if f.suppression
        else ""
    )
    console.print(
        f"[bold]{escape(loc.path)}:{loc.start_line}:{loc.start_column}[/]: "
        f"[{style}]{f.severity.value}[/] {f.category.value} "
        f"[dim]{escape(f.rule_id)}[/]{suppressed}",
        highlight=False,
        soft_wrap=True,
    )
    console.print(f"    {escape(f.message)}", highlight=False, soft_wrap=True)
    evidence = f.evidence_dict
    shown = [f"{k}={escape(str(evidence[k]))}" for k in _EVIDENCE_KEYS if evidence.get(k)]
    if shown:
        console.print(f"    [dim]{'  '.join(shown)}[/]", highlight=False, soft_wrap=True)


def _summary(result: ScanResult, console: Console) -> None:
    live = [f for f in result.findings if f.suppression is None]
    counts = Counter((f.category, f.severity) for f in live)
    table = Table(title="auditkit findings", show_lines=False)
    table.add_column("category")
    for sev in Severity:
        table.add_column(sev.value, justify="right")
    table.add_column("total", justify="right")
    for cat in Category:
        row = [counts.get((cat, sev), 0) for sev in Severity]
        table.add_row(cat.value, *[str(n) if n else "-" for n in row], str(sum(row)))
    console.print(table)
    # What the policy waived, next to the counts it changed (a wide waiver in red).
    console.print(escape(summary_line(result.waivers)), highlight=False, soft_wrap=True)
    for note in callouts(result.waivers):
        console.print(f"[red]Warning: {escape(note)}[/]", highlight=False, soft_wrap=True)
    cov = result.coverage
    suppressed = len(result.findings) - len(live)
    console.print(
        f"{len(live)} findings ({suppressed} suppressed) "
        f"in {len(cov.files_scanned)} files scanned; "
        f"{len(cov.files_skipped)} not scanned, {len(cov.engine_issues)} partially scanned "
        "(see --format json: coverage)",
        highlight=False,
    )
    if cov.gitignore.files_excluded or cov.gitignore.tracked_kept:
        console.print(escape(cov.gitignore.sentence()), highlight=False, soft_wrap=True)
    engines = ", ".join(f"{e.name} {e.version}" for e in result.engines)
    console.print(
        f"[dim]engines: {escape(engines)}; rule prefilters: {result.rule_prefilters}[/]",
        highlight=False,
    )
