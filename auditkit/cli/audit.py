"""``auditkit audit TARGET --out DIR``: the auditor's one-shot: scan, render every format, sign."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from auditkit.cli._common import (
    baseline_option,
    existing_target,
    exit_code_for,
    fail_on_option,
    jobs_option,
    no_cache_option,
)
from auditkit.core.errors import UsageError
from auditkit.core.policy import load_audit_policy
from auditkit.scan import ScanOptions, run_scan

if TYPE_CHECKING:
    from auditkit.history.retest import PreviousAudit
    from auditkit.signing.keys import SigningKey


@click.command()
@click.argument("target")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder for report.json, report.html, report.md and report.sarif.",
)
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(path_type=Path),
    help="The auditor's policy file, kept outside the audited tree.",
)
@click.option(
    "--policy-from-target",
    is_flag=True,
    help="Audit with the policy the audited tree holds itself (auditkit.toml, [tool.auditkit] "
    "in pyproject.toml, or a --policy file inside it); the report says so.",
)
@click.option(
    "--key",
    "key_path",
    type=click.Path(path_type=Path),
    help="Private key to sign the report with (see `auditkit keygen`).",
)
@click.option("--title", help="Report title (default: the policy's audit name).")
@click.option("--client", help="Who the report is prepared for.")
@click.option("--auditor", help="Who prepared the report.")
@click.option(
    "--date", help="Report date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH if set, else today)."
)
@click.option(
    "--triage",
    "triage_file",
    type=click.Path(path_type=Path),
    help="Triage decisions (triage.toml) to merge into the report.",
)
@click.option(
    "--previous",
    "previous_dir",
    type=click.Path(path_type=Path),
    help="Retest: the previous signed report folder; its signature is verified, every finding "
    "is marked new or still-open, and the new report is chained to it.",
)
@click.option(
    "--previous-pubkey",
    "previous_pubkeys",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Public key that signed the --previous report (repeatable; default: the public key "
    "of --key).",
)
@fail_on_option
@jobs_option
@baseline_option
@no_cache_option
def audit(
    target: str,
    out_dir: Path,
    policy_file: Path | None,
    policy_from_target: bool,
    key_path: Path | None,
    title: str | None,
    client: str | None,
    auditor: str | None,
    date: str | None,
    triage_file: Path | None,
    previous_dir: Path | None,
    previous_pubkeys: tuple[Path, ...],
    fail_on: str,
    jobs: int,
    baseline: Path | None,
    no_cache: bool,
) -> int:  # fmt: skip
    """Audit TARGET and write the report in every format into --out, signed with --key."""
    from auditkit.report import build_report, resolve_date
    from auditkit.report.output import write_report_files
    from auditkit.report.provenance import policy_lines
    from auditkit.report.triage import load_triage

    path = existing_target(target)
    policy = load_audit_policy(path, policy_file, policy_from_target)
    # Everything that can be wrong with the options fails before the (long) scan: the key
    # is loaded (and its passphrase asked for) first.
    triage = load_triage(triage_file) if triage_file is not None else None
    day = resolve_date(date)
    key = _load_key(key_path) if key_path is not None else None
    previous = _load_previous(previous_dir, previous_pubkeys, key, day) if previous_dir else None
    options = ScanOptions(jobs=jobs, baseline=baseline, use_cache=not no_cache)
    result = run_scan(path, policy, options)
    report = build_report(
        result, policy, path, title=title, client=client, auditor=auditor, date=day, triage=triage
    )
    if previous is not None:
        from auditkit.history.retest import apply_retest

        report = apply_retest(report, previous)
    written, stale = write_report_files(report, out_dir)
    click.echo(f"auditkit: {report.summary.verdict_text}")
    for line in policy_lines(report):
        click.echo(f"auditkit: {line}")
    # Proposed, never applied: only the project can say which domains are its own.
    for d in report.first_party or ():
        click.echo(
            f"auditkit: suggestion (not applied): allow_hosts {', '.join(d.patterns)} "
            f"({d.endpoints} unverified endpoints; {'; '.join(d.evidence)})"
        )
    for file in written:
        click.echo(f"  {file}")
    _sign_or_warn(out_dir, key, stale)
    # Triage decisions (false-positive, accepted-risk) count like suppressions for --fail-on.
    live = {f.fingerprint for f in report.live_findings}
    kept = tuple(f for f in result.findings if f.fingerprint in live)
    return exit_code_for(replace(result, findings=kept), fail_on)


def _load_key(key_path: Path) -> SigningKey:
    from auditkit.signing.keys import load_private_key

    return load_private_key(key_path)


def _load_previous(
    directory: Path, pubkeys: tuple[Path, ...], key: SigningKey | None, day: str
) -> PreviousAudit:
    """The verified previous report (before the scan: a bad one fails fast, exit 4)."""
    from auditkit.history.retest import check_retest_date, load_previous
    from auditkit.signing.keys import load_public_key

    if pubkeys:
        keys = [load_public_key(p) for p in pubkeys]
    elif key is not None:
        keys = [key.public]
    else:
        raise UsageError(
            "--previous needs --previous-pubkey PUB (or --key, whose public key is used)"
        )
    previous = load_previous(directory, keys)
    check_retest_date(day, previous)
    return previous


def _sign_or_warn(out_dir: Path, key: SigningKey | None, stale: bool) -> None:
    if key is not None:
        from auditkit.signing.sign import sign_with_key

        envelope = sign_with_key(out_dir, key)
        click.echo(f"  {envelope} (signature)")
        return
    if stale:
        try:
            from auditkit.signing.sshsig import remove_stale
        except ImportError:
            pass
        else:
            remove_stale(out_dir)
        click.echo(
            "auditkit: removed the previous signature: it covered the old report files", err=True
        )
    click.echo(
        f"auditkit: UNSIGNED: no --key given; sign with `auditkit sign {out_dir} --key KEY`",
        err=True,
    )
