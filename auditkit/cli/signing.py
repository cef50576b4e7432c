"""``auditkit keygen``, ``auditkit sign`` and ``auditkit verify``."""

from __future__ import annotations

from pathlib import Path

import click

from auditkit.core.errors import UsageError, VerificationError
from auditkit.signing.keys import (
    KEY_PASSPHRASE_ENV,
    PublicKey,
    env_or_prompt,
    generate_key_pair,
    load_private_key,
    load_public_key,
    passphrase_from_env,
)
from auditkit.signing.sign import report_directory, sign_with_key
from auditkit.signing.statement import ENVELOPE_NAME
from auditkit.signing.verify import VerificationResult, verify_report


@click.command()
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder to write the key pair into.",
)
@click.option(
    "--name",
    default="auditkit",
    show_default=True,
    help="Writes NAME.pem (private) and NAME.pub.pem (public).",
)
@click.option(
    "--passphrase-env",
    metavar="VAR",
    help="Encrypt the private key with the passphrase in environment variable VAR.",
)
@click.option(
    "--prompt",
    is_flag=True,
    help="Encrypt the private key with a passphrase asked on the terminal.",
)
def keygen(out_dir: Path, name: str, passphrase_env: str | None, prompt: bool) -> int:
    """Generate an Ed25519 key pair for signing audit reports."""
    if passphrase_env and prompt:
        raise UsageError("give either --passphrase-env or --prompt, not both")
    passphrase: bytes | None = None
    if passphrase_env:
        passphrase = passphrase_from_env(passphrase_env)
        if passphrase is None:
            raise UsageError(f"environment variable {passphrase_env} is not set")
    elif prompt:
        text = click.prompt("Passphrase", hide_input=True, confirmation_prompt=True, err=True)
        if not text:
            raise UsageError("empty passphrase")
        passphrase = str(text).encode("utf-8")
    keys = generate_key_pair(out_dir, name, passphrase)
    state = "encrypted" if keys.encrypted else "NOT encrypted"
    click.echo(f"private key  {keys.private_path}  (mode 0600, {state})")
    click.echo(f"public key   {keys.public_path}")
    click.echo(f"key id       {keys.keyid}")
    click.echo(f"fingerprint  {keys.fingerprint}")
    return 0


@click.command()
@click.argument("targets", nargs=-1, required=True, metavar="DIR|FILE...")
@click.option(
    "--key",
    "key_path",
    type=click.Path(path_type=Path),
    help="Ed25519 private key (PEM, or OpenSSH).",
)
@click.option(
    "--ssh-key",
    "ssh_key_path",
    type=click.Path(path_type=Path),
    help="OpenSSH Ed25519 private key: sign the envelope, and also write statement.intoto.json "
    "with an SSH signature of it that `ssh-keygen -Y verify` accepts.",
)
@click.option(
    "--append",
    is_flag=True,
    help="Add a signature to the existing envelope (co-signing the same payload).",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Discard an existing envelope and its signatures, and sign anew.",
)
@click.option(
    "--passphrase-env",
    metavar="VAR",
    default=KEY_PASSPHRASE_ENV,
    show_default=True,
    help="Environment variable holding the key's passphrase (otherwise asked on a terminal).",
)
def sign(
    targets: tuple[str, ...],
    key_path: Path | None,
    ssh_key_path: Path | None,
    append: bool,
    replace: bool,
    passphrase_env: str,
) -> int:
    """Sign report directories (or the report files in them): write report.json.dsse.json."""
    if append and replace:
        raise UsageError("give either --append or --replace, not both")
    if (key_path is None) == (ssh_key_path is None):
        raise UsageError("give the signing key with either --key or --ssh-key")
    directories = list(dict.fromkeys(report_directory(Path(t)) for t in targets))
    for directory in directories:
        if (directory / ENVELOPE_NAME).exists() and not (append or replace):
            raise UsageError(
                f"{directory / ENVELOPE_NAME} already exists: --append to add a signature, "
                "--replace to discard it"
            )
    path = key_path or ssh_key_path
    assert path is not None
    key = load_private_key(path, env_or_prompt(passphrase_env))
    for directory in directories:
        envelope = sign_with_key(
            directory, key, append=append, ssh_signature=ssh_key_path is not None
        )
        click.echo(f"auditkit: {'co-signed' if append else 'signed'} {envelope}", err=True)
    return 0


@click.command()
@click.argument("targets", nargs=-1, required=True, metavar="DIR|ENVELOPE")
@click.option(
    "--pubkey",
    "pubkeys",
    multiple=True,
    required=True,
    type=click.Path(path_type=Path),
    help="Public key that must have signed (repeatable: every key must have signed; with "
    "--chain, each report must be signed by one of them).",
)
@click.option(
    "--chain",
    is_flag=True,
    help="Verify a history of report folders DIR1 DIR2 ... (oldest first) and every link.",
)
@click.option(
    "--source",
    type=click.Path(path_type=Path),
    help="Source tree: check that it is exactly the audited one.",
)
@click.option(
    "--rescan",
    is_flag=True,
    help="With --source: scan again and check that the findings reproduce.",
)
def verify(
    targets: tuple[str, ...],
    pubkeys: tuple[Path, ...],
    source: Path | None,
    rescan: bool,
    chain: bool,
) -> int:
    """Verify a signed report: signatures, report files, recorded facts, and the source tree."""
    if rescan and source is None:
        raise UsageError("--rescan needs --source TARGET")
    if chain:
        if source is not None:
            raise UsageError("--chain verifies reports only: verify --source on one report")
        return _verify_chain(targets, [load_public_key(p) for p in pubkeys])
    if len(targets) > 1:
        raise UsageError("give one report to verify, or --chain DIR1 DIR2 ... for a history")
    keys = [load_public_key(p) for p in pubkeys]
    from auditkit.fleet.signature import is_fleet

    if is_fleet(Path(targets[0])):  # a fleet summary (auditkit fleet --key)
        from auditkit.cli.fleet import verify_fleet_summary

        return verify_fleet_summary(Path(targets[0]), keys, source)
    result = verify_report(Path(targets[0]), keys, source=source, rescan=rescan)
    if not result.ok:
        count = len(result.failures)
        checks = "1 check" if count == 1 else f"{count} checks"
        head = f"verification FAILED for {result.envelope_path}: {checks} failed"
        raise VerificationError("\n".join([head, *result.failures, *result.notes]))
    for line in describe(result):
        click.echo(line)
    return 0


def _verify_chain(targets: tuple[str, ...], keys: list[PublicKey]) -> int:
    from auditkit.history.chain import verify_chain

    result = verify_chain([Path(t) for t in targets], keys)
    if not result.ok:
        count = len(result.failures)
        head = f"chain verification FAILED: {count} check{'s' if count != 1 else ''} failed"
        raise VerificationError("\n".join([head, *result.failures]))
    for entry in result.entries:
        assert entry.report is not None
        m = entry.report.metadata
        click.echo(f"verified: {entry.label}: {m.title} ({m.date})")
        click.echo(f"  signed by     {', '.join(entry.signers)}")
        click.echo(f"  report.json   sha256:{entry.report_sha256}")
        if entry.number > 1:
            click.echo(f"  link          {entry.number - 1} → {entry.number} holds")
    click.echo(f"chain verified: {len(result.entries)} reports, {len(result.entries) - 1} links")
    return 0


def describe(result: VerificationResult) -> list[str]:
    """The short human-readable account of a successful verification."""
    lines = [f"verified: {result.envelope_path}"]
    for key in result.signers:
        lines.append(f"  signed by     {key.keyid}  {key.fingerprint}  ({key.source})")
    for keyid in result.unknown_keyids:
        lines.append(f"  also signed   {keyid or '<no keyid>'}  (unknown key: not checked)")
    for name, key in result.ssh_signatures:
        lines.append(f"  ssh signature {name}  ({key.source})")
    for name, digest in result.subjects:
        lines.append(f"  subject       {name:<13} sha256:{digest}")
    predicate = result.predicate or {}
    src = predicate.get("source", {})
    git = src.get("git")
    tree = "not a git checkout"
    if isinstance(git, dict):
        tree = f"git {git.get('commit')}" + (" (dirty working tree)" if git.get("dirty") else "")
    lines.append(f"  source tree   {tree}")
    lines.append(
        f"  manifest      sha256:{src.get('manifestDigest', {}).get('sha256')}  "
        f"({src.get('fileCount')} files)"
    )
    report = predicate.get("report", {})
    lines.append(f"  report        {report.get('title')} ({report.get('date')})")
    lines += _policy_lines(result.report)
    lines.append(f"  signed at     {predicate.get('timeSigned')}")
    if result.source is not None:
        lines.append(
            f"  source        {result.source}: matches the audited manifest "
            f"({result.source_files} files)"
        )
    if result.rescanned_findings is not None:
        lines.append(f"  rescan        {result.rescanned_findings} findings reproduced")
    lines.extend(f"  note          {n}" for n in result.notes)
    return lines


def _policy_lines(report: object) -> list[str]:
    """Who wrote the policy and what it waived, from the signed report.json."""
    from auditkit.report import ReportFormatError
    from auditkit.report.provenance import policy_lines_of_json

    if report is None:
        return []
    try:
        lines = policy_lines_of_json(report)
    except ReportFormatError as exc:
        return [f"  policy        not shown: report.json {exc}"]
    return [f"  {'policy' if i == 0 else 'waivers':<13} {line}" for i, line in enumerate(lines)]
