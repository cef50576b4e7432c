"""fleet.html and fleet.md from fleet.json's content (renderers see only that dict).

The templates are ``report_templates/fleet.*.j2``, rendered with the report's own jinja
environments: the same escaping rules, so a target name or an error message from a scanned
tree can never become markup.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from markupsafe import Markup

from auditkit.report._jinja import html_environment, markdown_environment
from auditkit.report.model import CATEGORY_ORDER, Verdict
from auditkit.report.view import CATEGORY_LABELS

_STATE_LABELS = {"audited": "audited", "unchanged": "kept (unchanged)", "failed": "FAILED"}
_VERDICT_LABELS = {
    Verdict.NOT_COMPLIANT.value: "Not compliant",
    Verdict.OBSERVATIONS.value: "Compliant with observations",
    Verdict.COMPLIANT.value: "Compliant",
}


def _view(fleet: dict[str, Any]) -> dict[str, Any]:
    categories = [(c.value, CATEGORY_LABELS.get(c.value, c.value)) for c in CATEGORY_ORDER]
    return {
        "fleet": fleet["fleet"],
        "targets": fleet["targets"],
        "totals": fleet["totals"],
        "jurisdictions": fleet["jurisdictions"],
        "processors": fleet["processors"],
        "categories": categories,
        "state_labels": _STATE_LABELS,
        "verdict_labels": _VERDICT_LABELS,
    }


def render_fleet_markdown(fleet: dict[str, Any]) -> bytes:
    text = markdown_environment().get_template("fleet.md.j2").render(**_view(fleet))
    lines: list[str] = []
    for line in text.split("\n"):  # at most one blank line in a row
        if not line.strip() and lines and not lines[-1].strip():
            continue
        lines.append(line.rstrip())
    return ("\n".join(lines).strip("\n") + "\n").encode("utf-8")


def render_fleet_html(fleet: dict[str, Any]) -> bytes:
    env = html_environment()
    css = env.get_template("fleet.css.j2").render()
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    # Only this inline style may apply; nothing may load or run (as in report.html).
    csp = f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    page = env.get_template("fleet.html.j2").render(**_view(fleet), css=Markup(css), csp=csp)
    return page.encode("utf-8")
