"""report.html: one self-contained file, readable offline and printable.

Styles, script and charts are inline; a Content-Security-Policy with the hashes of exactly
that style and script forbids every other resource, so nothing can leave the file even if a
browser were to find markup in it.
"""

from __future__ import annotations

import base64
import hashlib

from markupsafe import Markup

from auditkit.report import palette
from auditkit.report._jinja import html_environment
from auditkit.report.charts import Chart, bar_chart
from auditkit.report.model import Report
from auditkit.report.view import (
    CATEGORY_LABELS,
    SEVERITY_LABELS,
    context,
    severity_matrix,
    snippet_lines,
)


def render_html(report: Report) -> bytes:
    env = html_environment()
    css = env.get_template("report.css.j2").render(palette_css=Markup(palette.css_variables()))
    js = env.get_template("report.js").render()
    page = env.get_template("report.html.j2").render(
        **context(report),
        css=Markup(css),
        js=Markup(js),
        csp=content_security_policy(css, js),
        charts=charts(report),
        matrix=severity_matrix(report),
        snippet_lines=snippet_lines,
        severity_colours=palette.SEVERITY,
    )
    return page.encode("utf-8")


def content_security_policy(css: str, js: str) -> str:
    return "; ".join(
        (
            "default-src 'none'",
            f"style-src '{_sha256(css)}'",
            f"script-src '{_sha256(js)}'",
            "img-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def charts(report: Report) -> list[Chart]:
    s = report.summary
    unknown = {"unknown": palette.CATEGORY["unverified-endpoint"]}
    return [
        bar_chart("chart-severity", "Open findings by risk", s.by_severity, palette.SEVERITY,
                  palette.ACCENT, SEVERITY_LABELS),
        bar_chart("chart-category", "Open findings by category", s.by_category, palette.CATEGORY,
                  palette.ACCENT, CATEGORY_LABELS),
        bar_chart("chart-jurisdiction", "Open endpoint findings by jurisdiction",
                  s.by_jurisdiction, unknown, palette.CATEGORY["non-eu-endpoint"]),
        bar_chart("chart-service", "Open findings by component", s.by_service, {}, palette.ACCENT),
    ]  # fmt: skip
