"""``audit --previous``: verify the previous signed report, then mark what changed since.

The previous report is trusted only once its signature, its files and its recorded facts
verify (exit 4 otherwise). The new report then records the previous report's title, date and
the sha256 of its report.json and envelope, the previous findings that are gone, the findings
suppressed since, and the open findings of every earlier report: all inside report.json, so
inside what the new signature covers, and a chain of reports verifies link by link.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

from auditkit.core.errors import UsageError, VerificationError
from auditkit.history.matching import match_findings, report_identity, report_loose_identity
from auditkit.report import Report, ReportFormatError, report_from_dict
from auditkit.report.model import History, PreviousReport, Retest, TrendPoint
from auditkit.signing.keys import PublicKey
from auditkit.signing.statement import ENVELOPE_NAME, REPORT_JSON
from auditkit.signing.verify import verify_report


@dataclass(frozen=True, slots=True)
class PreviousAudit:
    directory: Path
    report: Report
    report_sha256: str
    envelope_sha256: str


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_previous(directory: Path, keys: list[PublicKey]) -> PreviousAudit:
    """The previous report of ``directory``, once it verifies with ``keys``."""
    if not directory.is_dir() or not (directory / REPORT_JSON).is_file():
        raise UsageError(f"--previous: {directory} is not a report folder (no {REPORT_JSON})")
    result = verify_report(directory, keys)
    if not result.ok:
        more = len(result.failures) - 1
        also = f" (and {more} more: run auditkit verify {directory})" if more else ""
        raise VerificationError(
            f"--previous: the report in {directory} does not verify: {result.failures[0]}{also}"
        )
    try:
        data = (directory / REPORT_JSON).read_bytes()
        envelope = sha256_file(directory / ENVELOPE_NAME)
    except OSError as exc:
        raise UsageError(f"--previous: cannot read {directory}: {exc.strerror}") from None
    digest = hashlib.sha256(data).hexdigest()
    # Chain to the very bytes that were verified, even if the folder changes meanwhile.
    if (REPORT_JSON, digest) not in result.subjects:
        raise VerificationError(f"--previous: {directory / REPORT_JSON} changed while read")
    try:
        report = report_from_dict(json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"--previous: {directory / REPORT_JSON} is not JSON: {exc}") from None
    except ReportFormatError as exc:
        raise UsageError(f"--previous: {directory / REPORT_JSON}: {exc}") from None
    return PreviousAudit(directory, report, digest, envelope)


def trend_point(report: Report, report_sha256: str) -> TrendPoint:
    m = report.metadata
    return TrendPoint(m.title, m.date, report_sha256, report.summary.by_category)


def check_retest_date(date: str, previous: PreviousAudit) -> None:
    """Dates increase along a chain (``verify --chain`` checks it): refuse a report that would
    break it, before the scan."""
    if date <= previous.report.metadata.date:
        raise UsageError(
            f"--date: a retest must be dated after the previous report "
            f"({previous.report.metadata.date}), not {date}"
        )


def apply_retest(report: Report, previous: PreviousAudit) -> Report:
    """``report`` with every finding's retest status and the history since ``previous``."""
    before = previous.report
    check_retest_date(report.metadata.date, previous)
    matching = match_findings(
        before.findings, report.findings, report_identity, report_loose_identity
    )
    still_open = dict((j, i) for i, j in matching.still_open)
    findings = tuple(
        replace(f, retest=Retest.STILL_OPEN if j in still_open else Retest.NEW)
        for j, f in enumerate(report.findings)
    )
    # Open then, suppressed, baselined or triaged away now: a regulator must see these apart
    # from real fixes.
    suppressed_since = tuple(
        f.id for j, f in enumerate(findings) if j in still_open and not f.live
        and before.findings[still_open[j]].live
    )  # fmt: skip
    earlier = before.history.trend if before.history is not None else ()
    history = History(
        previous=PreviousReport(
            title=before.metadata.title,
            date=before.metadata.date,
            report_sha256=previous.report_sha256,
            envelope_sha256=previous.envelope_sha256,
        ),
        fixed=tuple(replace(before.findings[i], retest=None) for i in matching.fixed),
        suppressed_since=suppressed_since,
        trend=(*earlier, trend_point(before, previous.report_sha256)),
    )
    return replace(report, findings=findings, history=history)
