"""``auditkit fleet MANIFEST --out DIR``: audit every target of a manifest on Dask distributed."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditkit.cli._common import fail_on_option, no_cache_option
from auditkit.core.model import Severity

if TYPE_CHECKING:
    from auditkit.signing.keys import PublicKey


@click.command()
@click.argument("manifest", type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder for DIR/<target>/report.* and fleet.json, fleet.html, fleet.md.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="A running Dask scheduler (tcp://host:8786); default: a LocalCluster on this machine.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes of the LocalCluster (0: one per two cores); not with --scheduler.",
)
@click.option(
    "--key",
    "key_path",
    type=click.Path(path_type=Path),
    help="Private key to sign every target report and the fleet summary with.",
)
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(path_type=Path),
    help="The auditor's policy for targets the manifest gives no policy.",
)
@click.option(
    "--policy-from-target",
    is_flag=True,
    help="Audit targets without a manifest policy with the policy they hold themselves.",
)
@click.option(
    "--date", help="Report date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH if set, else today)."
)
@click.option(
    "--connect-timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds to reach the scheduler and its first worker.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress on the terminal.")
@fail_on_option
@no_cache_option
def fleet(
    manifest: Path,
    out_dir: Path,
    scheduler: str | None,
    workers: int,
    key_path: Path | None,
    policy_file: Path | None,
    policy_from_target: bool,
    date: str | None,
    connect_timeout: float,
    quiet: bool,
    fail_on: str,
    no_cache: bool,
) -> int:  # fmt: skip
    """Audit every target of MANIFEST: one report set per target and a signed fleet summary."""
    from auditkit.core.errors import UsageError
    from auditkit.fleet import FleetOptions, load_manifest, run_fleet, write_fleet
    from auditkit.fleet.cluster import check_workers, connect
    from auditkit.report import resolve_date

    if scheduler is not None and workers:
        raise UsageError("--workers sizes the LocalCluster: not with --scheduler")
    if policy_file is not None and policy_from_target:
        raise UsageError("give either --policy or --policy-from-target, not both")
    fleet_manifest = load_manifest(manifest)
    day = resolve_date(date)
    key = None
    if key_path is not None:  # before the (long) run: a wrong key or passphrase fails now
        from auditkit.signing.keys import load_private_key

        key = load_private_key(key_path)
    options = FleetOptions(policy_file, policy_from_target, day, use_cache=not no_cache)
    progress = None if quiet else _Progress()
    with connect(scheduler, workers, connect_timeout) as client:
        capacity = check_workers(client)
        outcomes = run_fleet(
            fleet_manifest,
            out_dir,
            client.get_executor(pure=False),  # type: ignore[no-untyped-call]
            capacity,
            options,
            key,
            progress,
        )
    if progress is not None:
        progress.end()
    written = write_fleet(fleet_manifest, outcomes, out_dir, day, key)
    failed = [o for o in outcomes if o.error is not None]
    click.echo(
        f"auditkit: fleet {fleet_manifest.name}: {len(outcomes) - len(failed)} of "
        f"{len(outcomes)} targets audited" + (f", {len(failed)} FAILED" if failed else "")
    )
    for o in failed:
        click.echo(f"auditkit: {o.name}: FAILED: {o.error}", err=True)
    for path in written:
        click.echo(f"  {path}")
    if key is None:
        click.echo(f"auditkit: UNSIGNED: no --key given ({out_dir})", err=True)
    if failed:
        return max(o.exit_code for o in failed)
    return 1 if any(_fails(o.report_json, fail_on) for o in outcomes) else 0


def _fails(report_json: bytes | None, fail_on: str) -> bool:
    """Open findings at or above --fail-on in a target's report (as audit's exit code)."""
    if report_json is None or fail_on == "none":
        return False
    threshold = Severity(fail_on).rank
    counts = json.loads(report_json)["summary"]["by_severity"]
    return any(n and Severity(s).rank >= threshold for s, n in counts.items())


class _Progress:
    """Targets done, batches done and files per second on stderr: one line rewritten on a
    terminal, one line per finished target otherwise (logs stay short)."""

    def __init__(self) -> None:
        self._tty = sys.stderr.isatty()
        self._width = 0

    def __call__(self, p: object) -> None:
        from auditkit.fleet import FleetProgress

        assert isinstance(p, FleetProgress)
        rate = p.files_done / p.seconds if p.seconds > 0 else 0.0
        line = (
            f"fleet: {p.targets_done}/{p.targets} targets, {p.batches_done}/{p.batches} "
            f"batches, {rate:.0f} files/s: {p.event}"
        )
        if self._tty:
            pad = max(0, self._width - len(line))
            sys.stderr.write("\r" + line + " " * pad)
            sys.stderr.flush()
            self._width = len(line)
        elif " batch " not in p.event:
            click.echo(line, err=True)

    def end(self) -> None:
        if self._tty and self._width:
            sys.stderr.write("\n")


def verify_fleet_summary(path: Path, keys: list[PublicKey], source: Path | None) -> int:
    """``auditkit verify`` on a fleet folder: the summary's signature, every target report it
    lists, and each target's own signature."""
    from auditkit.core.errors import UsageError, VerificationError
    from auditkit.fleet.signature import verify_fleet

    if source is not None:
        raise UsageError("--source checks one target: verify DIR/<target> --source TARGET")
    result = verify_fleet(path, keys)
    if not result.ok:
        count = len(result.failures)
        checks = "1 check" if count == 1 else f"{count} checks"
        head = f"verification FAILED for {result.envelope_path}: {checks} failed"
        raise VerificationError("\n".join([head, *result.failures]))
    click.echo(f"verified: {result.envelope_path}")
    for key in result.signers:
        click.echo(f"  signed by     {key.keyid}  {key.fingerprint}  ({key.source})")
    for name, digest in result.subjects:
        click.echo(f"  subject       {name:<13} sha256:{digest}")
    predicate = result.predicate or {}
    fleet = predicate.get("fleet", {})
    click.echo(f"  fleet         {fleet.get('name')} ({fleet.get('date')})")
    for note in result.notes:
        click.echo(f"  {note}")
    click.echo(f"  signed at     {predicate.get('timeSigned')}")
    return 0
