"""``verify --chain``: a history of signed reports, oldest first, verified link by link.

Every report must verify (signature, files, recorded facts) with one of the given public keys
(the signer may change along the chain). Every link n → n+1 must hold: report n+1 records the
sha256 of report n's report.json and envelope, its title and date, and the trend of every
earlier report, and it is dated after report n. A report altered, removed or put out of order
breaks a link, and the failure names it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from auditkit.core.errors import UsageError
from auditkit.history.retest import trend_point
from auditkit.report import Report, ReportFormatError, report_from_dict
from auditkit.report.model import TrendPoint
from auditkit.signing.keys import PublicKey
from auditkit.signing.statement import ENVELOPE_NAME, REPORT_JSON
from auditkit.signing.verify import verify_report

_NOT_SIGNED_BY = "no signature by public key "


@dataclass(frozen=True, slots=True)
class ChainEntry:
    number: int  # 1-based position in the chain
    directory: Path
    report: Report | None  # None when it could not be read
    report_sha256: str | None
    envelope_sha256: str | None
    signers: tuple[str, ...]  # key ids of the given keys that signed it

    @property
    def label(self) -> str:
        return f"report {self.number} ({self.directory})"


@dataclass
class ChainResult:
    entries: list[ChainEntry] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def verify_chain(directories: Sequence[Path], keys: Sequence[PublicKey]) -> ChainResult:
    if not keys:
        raise UsageError("give at least one public key (--pubkey) to verify against")
    if len(directories) < 2:
        raise UsageError("--chain needs at least two report folders, oldest first")
    result = ChainResult()
    for number, directory in enumerate(directories, start=1):
        result.entries.append(_entry(number, directory, list(keys), result.failures))
    first = result.entries[0]
    if first.report is not None and first.report.history is not None:
        prev = first.report.history.previous
        result.failures.append(
            f"{first.label} is a retest of an earlier report ({prev.title!r}, {prev.date}, "
            f"report.json sha256 {prev.report_sha256}) that is not in the chain: "
            "give the chain from its first report"
        )
    for before, after in zip(result.entries, result.entries[1:], strict=False):
        result.failures.extend(link_problems(before, after))
    return result


def _entry(number: int, directory: Path, keys: list[PublicKey], failures: list[str]) -> ChainEntry:
    label = f"report {number} ({directory})"
    report_path, envelope_path = directory / REPORT_JSON, directory / ENVELOPE_NAME
    if not report_path.is_file():
        failures.append(f"{label}: {REPORT_JSON} not found (the report was removed)")
        return ChainEntry(number, directory, None, None, None, ())
    data = report_path.read_bytes()
    envelope = _digest(envelope_path)
    checked = verify_report(directory, keys)
    signers = tuple(k.keyid for k in checked.signers)
    for line in checked.failures:
        # Any one given key will do: the signer may change along the chain.
        if not (signers and line.startswith(_NOT_SIGNED_BY)):
            failures.append(f"{label}: {line}")
    report = None
    try:
        report = report_from_dict(json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        failures.append(f"{label}: {REPORT_JSON} is not JSON ({exc})")
    except ReportFormatError as exc:
        failures.append(f"{label}: {REPORT_JSON}: {exc}")
    return ChainEntry(
        number, directory, report, hashlib.sha256(data).hexdigest(), envelope, signers
    )


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def link_problems(before: ChainEntry, after: ChainEntry) -> list[str]:
    """What is wrong with the link ``before`` → ``after``; empty when it holds."""
    link = f"link {before.number} → {after.number}"
    if before.report is None or after.report is None:
        missing = before if before.report is None else after
        return [f"{link}: not checked: {missing.label} cannot be read"]
    history = after.report.history
    if history is None:
        return [
            f"{link}: {after.label} records no previous audit: it is not a retest of {before.label}"
        ]
    prev, out = history.previous, []
    if prev.report_sha256 != before.report_sha256:
        out.append(
            f"{link}: {after.label} was chained to a report.json with sha256 "
            f"{prev.report_sha256}, but {before.label} has sha256 {before.report_sha256}: "
            "a report was altered, removed or reordered"
        )
    if prev.envelope_sha256 != before.envelope_sha256:
        out.append(
            f"{link}: {after.label} was chained to an envelope with sha256 "
            f"{prev.envelope_sha256}, but {before.label}'s {ENVELOPE_NAME} has sha256 "
            f"{before.envelope_sha256}: its signature was replaced or removed"
        )
    m = before.report.metadata
    if (prev.title, prev.date) != (m.title, m.date):
        out.append(
            f"{link}: {after.label} names its previous audit {prev.title!r} of {prev.date}, "
            f"but {before.label} is {m.title!r} of {m.date}"
        )
    if after.report.metadata.date <= m.date:
        out.append(
            f"{link}: {after.label} is dated {after.report.metadata.date}, not after "
            f"{before.label} ({m.date}): dates must increase along the chain"
        )
    earlier = before.report.history.trend if before.report.history is not None else ()
    expected = (*earlier, trend_point(before.report, prev.report_sha256))
    if not out and [_point(t) for t in history.trend] != [_point(t) for t in expected]:
        out.append(
            f"{link}: {after.label}'s trend of open findings does not repeat "
            f"{before.label}'s trend and counts"
        )
    return out


def _point(t: TrendPoint) -> tuple[str, str, str, dict[str, int]]:
    # Counts compared as mappings: a category added to auditkit since reads back as zero.
    return (t.title, t.date, t.report_sha256, {k: n for k, n in t.by_category if n})
