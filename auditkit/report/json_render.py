"""report.json: RFC 8785 canonical JSON, the signed source of truth."""

from __future__ import annotations

import rfc8785

from auditkit.report.model import Report
from auditkit.report.serialize import report_to_dict


def render_json(report: Report) -> bytes:
    """Canonical bytes: the same report always gives the same bytes, on any machine."""
    return bytes(rfc8785.dumps(report_to_dict(report)))
