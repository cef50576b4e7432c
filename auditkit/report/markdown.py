"""report.md: the report for tickets and merge requests (GitHub / GitLab Markdown)."""

from __future__ import annotations

from auditkit.report._jinja import markdown_environment
from auditkit.report.model import Report
from auditkit.report.view import context, severity_matrix


def render_markdown(report: Report) -> bytes:
    template = markdown_environment().get_template("report.md.j2")
    text = template.render(**context(report), matrix=severity_matrix(report))
    return _tidy(text).encode("utf-8")


def _tidy(text: str) -> str:
    """At most one blank line in a row, outside code blocks; one final newline."""
    out: list[str] = []
    fence = ""
    for line in text.split("\n"):
        stripped = line.strip()
        if fence:
            if stripped == fence:
                fence = ""
        elif stripped.startswith("```"):
            fence = stripped[: len(stripped) - len(stripped.lstrip("`"))]
        elif not stripped and out and not out[-1].strip():
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"
