"""The audit report: a versioned model built from a scan, and its renderers.

Flow: ``build_report`` (scan result + policy → ``Report``) → ``report_to_dict`` (the
canonical report.json) → renderers (HTML, Markdown, SARIF), which see only the ``Report``.
"""

from __future__ import annotations

from auditkit.report._reader import ReportFormatError
from auditkit.report.build import build_report, resolve_date
from auditkit.report.deserialize import report_from_dict
from auditkit.report.model import SCHEMA, Report
from auditkit.report.serialize import report_to_dict

__all__ = [
    "SCHEMA",
    "Report",
    "ReportFormatError",
    "build_report",
    "report_from_dict",
    "report_to_dict",
    "resolve_date",
]
