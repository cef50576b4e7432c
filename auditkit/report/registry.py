"""The report formats: name → file name and renderer (explicit, greppable)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from auditkit.report.model import Report


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    filename: str
    render: Callable[[Report], bytes]


def _json(report: Report) -> bytes:
    from auditkit.report.json_render import render_json

    return render_json(report)


def _html(report: Report) -> bytes:
    from auditkit.report.html import render_html

    return render_html(report)


def _markdown(report: Report) -> bytes:
    from auditkit.report.markdown import render_markdown

    return render_markdown(report)


def _sarif(report: Report) -> bytes:
    from auditkit.report.sarif import render_sarif

    return render_sarif(report)


# report.json first: it is the source of truth the others are rendered from.
FORMATS: dict[str, Format] = {
    "json": Format("json", "report.json", _json),
    "html": Format("html", "report.html", _html),
    "md": Format("md", "report.md", _markdown),
    "sarif": Format("sarif", "report.sarif", _sarif),
}
