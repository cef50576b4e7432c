"""report.md: scanned code never becomes Markdown or HTML markup."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from auditkit.report import Report
from auditkit.report._jinja import md_code, md_escape, md_fence
from auditkit.report.markdown import render_markdown

from . import fixture

ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "p", "strong", "em", "table", "thead", "tbody", "tr", "th", "td",
    "code", "pre", "ul", "ol", "li", "a", "blockquote", "hr", "details", "summary", "br",
}  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _html(markdown: str) -> _Tags:
    # CommonMark with raw HTML on, as GitHub and GitLab render it (after their sanitiser).
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    parser = _Tags()
    parser.feed(rendered)
    return parser


def test_rendered_markdown_holds_no_markup_from_scanned_code(report: Report) -> None:
    parsed = _html(render_markdown(report).decode())
    tags = {t for t, _ in parsed.tags}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    hrefs = [a.get("href") or "" for t, a in parsed.tags if t == "a"]
    assert hrefs and all(h.startswith("#") for h in hrefs), hrefs
    text = "".join(parsed.text)
    # The hostile values are still there, as text.
    assert fixture.HOSTILE_PATH in text
    assert "| *pipes* & `ticks` <b>bold</b>" in text
    assert "<img src=x onerror=alert(2)>" in text


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "[click](javascript:alert(1))",
        "![x](https://example.com/x.png)",
        "**bold** _em_ ~~strike~~ `code`",
        "https://www.example.com and www.example.com and a@example.com",
        "a | b | c",
        "&lt;b&gt; &amp;",
        "- list",
        "# heading",
        "1. item",
        "> quote",
    ],
)
def test_escaped_text_renders_as_itself(value: str) -> None:
    parsed = _html(
        f"x {md_escape(value)}\n\n{md_escape(value)}\n\n| a |\n|---|\n| {md_escape(value)} |\n"
    )
    assert {t for t, _ in parsed.tags} <= {"p", "table", "thead", "tbody", "tr", "th", "td"}
    text = "".join(parsed.text)
    assert text.count(value) == 3, text


@pytest.mark.parametrize("value", ["a|b", "x`y", "``", "`start", "<b>"])
def test_code_spans_survive_tables_and_backticks(value: str) -> None:
    parsed = _html(f"| a |\n|---|\n| {md_code(value)} |\n")
    cells = [t for t, _ in parsed.tags if t == "td"]
    assert len(cells) == 1
    assert "".join(parsed.text).strip().endswith(value)


def test_fence_is_longer_than_any_backtick_run() -> None:
    snippet = 'x = "```"\ny = "`````"\n```\n'
    block = md_fence(snippet, "python")
    assert block.startswith("``````python\n") and block.endswith("\n``````")
    parsed = _html(block + "\n\nafter\n")
    assert [t for t, _ in parsed.tags] == ["pre", "code", "p"]
    assert md_fence("plain", "not a language!").startswith("```\n")
