"""Audit history: retests against a previous signed report, chains of reports, diffs.

``retest`` verifies the previous report and gives every finding of the new one its retest
status (matched by the baseline's line-number-free identity); ``chain`` verifies a history of
reports link by link; ``diff`` compares two reports or findings files. Layer: above signing
(it verifies signatures) and report (it reads and extends the report model), below the CLI.
"""

from __future__ import annotations

from auditkit.history.chain import ChainResult, verify_chain
from auditkit.history.diff import Diff, diff_findings, load_diff_source
from auditkit.history.matching import Matching, match_findings, report_identity
from auditkit.history.retest import PreviousAudit, apply_retest, load_previous

__all__ = [
    "ChainResult",
    "Diff",
    "Matching",
    "PreviousAudit",
    "apply_retest",
    "diff_findings",
    "load_diff_source",
    "load_previous",
    "match_findings",
    "report_identity",
    "verify_chain",
]
