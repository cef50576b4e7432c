"""Human-readable scan output: one block per finding, then a summary table."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from auditkit.core.model import Category, Finding, ScanResult, Severity
from auditkit.core.waivers import callouts, summary_line
from auditkit.firstparty import FirstPartyDomain, first_party_domains

_STYLE = {
    Severity.CRITICAL: "bold red",
    Severity.HIGH: "red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}
_EVIDENCE_KEYS = ("endpoint", "provider", "region", "jurisdiction", "basis", "sink", "store", "why")


# Hosts listed in the terminal's inventory; the rest are counted (the report lists all).
_INVENTORY_ROWS = 25


def render_text(result: ScanResult, console: Console, root: Path | None = None) -> None:
    """The findings, then the summary; with ``root`` (the scanned target) the summary also
    proposes the project's own domains for allow_hosts."""
    for f in result.findings:
        _finding(f, console)
    _summary(result, console)
    _inventory(result, console)
    if root is not None:
        _first_party(first_party_domains(root, result.findings), console)


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


def _inventory(result: ScanResult, console: Console) -> None:
    """Open unverified endpoints by host: hundreds of info findings read as a few dozen rows."""
    by_host: dict[str, list[Finding]] = defaultdict(list)
    for f in result.live_findings:
        if f.category is Category.UNVERIFIED_ENDPOINT:
            ev = f.evidence_dict
            by_host[str(ev.get("host") or ev.get("endpoint") or "?").lower()].append(f)
    if not by_host:
        return
    rows = sorted(by_host.items(), key=lambda item: (-len(item[1]), item[0]))
    places = sum(len(found) for found in by_host.values())
    table = Table(title=f"unverified endpoints by host ({places} places, {len(rows)} hosts)")
    table.add_column("host")
    table.add_column("places", justify="right")
    table.add_column("files", justify="right")
    table.add_column("vendor")
    table.add_column("first file")
    for host, found in rows[:_INVENTORY_ROWS]:
        files = sorted({f.location.path for f in found})
        vendor = next((str(v) for f in found if (v := f.evidence_dict.get("vendor"))), "-")
        table.add_row(
            escape(host), str(len(found)), str(len(files)), escape(vendor), escape(files[0])
        )
    console.print(table)
    if len(rows) > _INVENTORY_ROWS:
        rest = rows[_INVENTORY_ROWS:]
        console.print(
            f"... and {len(rest)} more hosts ({sum(len(r[1]) for r in rest)} places): "
            "see the report's appendix G or --format json",
            highlight=False,
        )


def _first_party(found: tuple[FirstPartyDomain, ...], console: Console) -> None:
    """The project's own domains, proposed and never applied: the auditor decides."""
    if not found:
        return
    console.print(
        "Suggestion (not applied): these domains look like the project's own; if they are, "
        "add them to \\[jurisdiction] allow_hosts in the policy:",
        highlight=False,
        soft_wrap=True,
    )
    for d in found:
        patterns = ", ".join(f'"{p}"' for p in d.patterns)
        console.print(
            f"  {escape(patterns)}  [dim]{d.endpoints} places in {d.files} files; "
            f"{escape('; '.join(d.evidence))}[/]",
            highlight=False,
            soft_wrap=True,
        )
