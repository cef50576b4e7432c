"""report.html: self-contained, escaped, accessible; and checked in a real browser."""

from __future__ import annotations

import base64
import hashlib
import itertools
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditkit.report import Report, palette
from auditkit.report.html import render_html

from . import fixture
from .cdp import Browser, chromium_available


@pytest.fixture
def html(report: Report) -> str:
    return render_html(report).decode("utf-8")


class _Doc(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.blocks:
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.blocks[self._in].append(data)


def _parse(html: str) -> _Doc:
    doc = _Doc()
    doc.feed(html)
    return doc


def test_self_contained_no_external_reference(html: str) -> None:
    assert not re.search(r"""(src|href|action|xlink:href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"@import|url\(", html, re.I)
    doc = _parse(html)
    assert {t for t, _ in doc.tags}.isdisjoint(
        {"img", "link", "iframe", "object", "embed", "base", "form"}
    )
    assert all(a.get("href", "#").startswith("#") for t, a in doc.tags if t == "a")
    assert sum(1 for t, a in doc.tags if t == "script") == 1
    assert all("src" not in a for t, a in doc.tags if t == "script")


def test_content_security_policy_pins_the_inline_style_and_script(html: str) -> None:
    doc = _parse(html)
    (csp,) = [
        a["content"]
        for t, a in doc.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp is not None and "default-src 'none'" in csp
    for kind, directive in (("style", "style-src"), ("script", "script-src")):
        body = "".join(doc.blocks[kind])
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp


def test_markup_from_scanned_code_is_escaped(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert 'data-service="&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"' in html
    assert (
        "innerHTML" not in html
        and "insertAdjacentHTML" not in html
        and "document.write" not in html
    )


def test_accessible_structure(html: str) -> None:
    doc = _parse(html)
    assert ("html", {"lang": "en"}) in doc.tags
    headers = [a for t, a in doc.tags if t == "th"]
    assert headers and all(a.get("scope") in ("col", "row") for a in headers)
    svgs = [a for t, a in doc.tags if t == "svg"]
    assert len(svgs) == 4 and all(a.get("role") == "img" and a.get("aria-labelledby") for a in svgs)
    levels = [int(t[1]) for t, _ in doc.tags if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), "a heading level is skipped"


@pytest.mark.parametrize("palette_name", ["SEVERITY", "CATEGORY", "VERDICT"])
def test_colours_meet_wcag_contrast(palette_name: str) -> None:
    for colour in getattr(palette, palette_name).values():
        assert palette.contrast(colour, "#ffffff") >= 4.5, colour
    assert palette.contrast(palette.MUTED, "#f4f6f9") >= 4.5
    assert palette.contrast(palette.INK, palette.PAPER) >= 7


def test_print_stylesheet_breaks_pages_per_section(html: str) -> None:
    style = "".join(_parse(html).blocks["style"])
    print_css = style[style.index("@media print") :]
    assert "main>section{break-before:page}" in print_css
    assert ".controls" in print_css


# --------------------------------------------------------------------------- in a browser

needs_chromium = pytest.mark.skipif(
    chromium_available() is not None, reason=str(chromium_available())
)


@pytest.fixture
def page(report: Report, tmp_path: Path) -> Iterator[tuple[Browser, Path]]:
    path = tmp_path / "report.html"
    path.write_bytes(render_html(report))
    with Browser() as browser:
        browser.open(path)
        yield browser, path


@needs_chromium
def test_loads_offline_without_errors_or_requests(page: tuple[Browser, Path]) -> None:
    browser, path = page
    assert browser.evaluate("document.title").startswith("Clover service audit")
    assert browser.problems() == []
    assert browser.requests() == [path.resolve().as_uri()]
    resources = browser.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert resources == []


@needs_chromium
def test_hostile_markup_stays_inert(page: tuple[Browser, Path]) -> None:
    browser, _ = page
    assert (
        browser.evaluate("document.querySelectorAll('img, iframe, object, embed, b').length") == 0
    )
    assert browser.evaluate("document.scripts.length") == 1
    assert browser.evaluate("typeof window.alert_called") == "undefined"
    text = browser.evaluate("document.body.textContent")
    assert fixture.HOSTILE_PATH in text
    assert "<img src=x onerror=alert(2)>" in text


@needs_chromium
def test_data_flow_section_shows_each_step(page: tuple[Browser, Path]) -> None:
    browser, _ = page
    steps = "Array.from(document.querySelectorAll('#data-flows ol.steps li'))"
    assert browser.evaluate(f"{steps}.length") == 5  # 3 steps to the endpoint, 2 to the log
    assert browser.evaluate(f"{steps}.every(li => li.offsetParent !== null)") is True
    first = browser.evaluate(f"{steps}[0].textContent")
    assert first == "services/feed/feed/analytics.py:37 phone = user.phone_number"
    text = browser.evaluate("document.getElementById('data-flows').textContent")
    assert "phone = u['phone'] | `x` <script>alert(3)</script>" in text
    links = browser.evaluate(
        "Array.from(document.querySelectorAll('#data-flows a')).map(a => a.getAttribute('href'))"
    )
    assert links and all(browser.evaluate(f"!!document.querySelector('{h}')") for h in links)


@needs_chromium
def test_findings_table_filters_and_sorts(page: tuple[Browser, Path]) -> None:
    browser, _ = page
    visible = (
        "Array.from(document.querySelectorAll('#findings-table tbody tr')).filter(r => !r.hidden)"
    )
    assert browser.evaluate("document.getElementById('findings-controls').hidden") is False
    assert browser.evaluate(f"{visible}.length") == 14
    browser.evaluate(
        "const s = document.querySelector('select[data-filter=category]');"
        "s.value = 'gateway-bypass'; s.dispatchEvent(new Event('change'));"
    )
    assert browser.evaluate(f"{visible}.map(r => r.dataset.category)") == ["gateway-bypass"] * 3
    assert browser.evaluate("document.getElementById('findings-count').textContent") == (
        "Showing 3 of 14 findings"
    )
    browser.evaluate("document.getElementById('findings-reset').click()")
    assert browser.evaluate(f"{visible}.length") == 14
    # Sort by risk (4th column): least severe first on the second click.
    browser.evaluate("document.querySelectorAll('#findings-table thead th button')[3].click()")
    first = f"{visible}.map(r => r.dataset.severity)"
    assert browser.evaluate(first)[0] == "critical"
    browser.evaluate("document.querySelectorAll('#findings-table thead th button')[3].click()")
    assert browser.evaluate(first)[0] == "info"
    assert (
        browser.evaluate(
            "document.querySelectorAll('#findings-table thead th')[3].getAttribute('aria-sort')"
        )
        == "descending"
    )
    assert browser.problems() == []


@needs_chromium
def test_fully_readable_with_javascript_off(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_bytes(render_html(report))
    with Browser() as browser:
        browser.call("Emulation.setScriptExecutionDisabled", {"value": True})
        browser.open(path)
        assert browser.evaluate("document.getElementById('findings-controls').hidden") is True
        rows = browser.evaluate(
            "Array.from(document.querySelectorAll('#findings-table tbody tr'))"
            ".filter(r => r.offsetParent !== null).length"
        )
        assert rows == 14
        assert browser.evaluate("document.querySelectorAll('article.finding').length") == 14


@needs_chromium
def test_prints_to_pdf_and_screenshots(page: tuple[Browser, Path], tmp_path: Path) -> None:
    browser, _ = page
    out = Path(os.environ.get("AUDITKIT_SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    browser.screenshot(out / "report-top.png", height=2000)
    assert (out / "report-top.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    browser.call("Emulation.setEmulatedMedia", {"media": "print"})
    assert (
        browser.evaluate("getComputedStyle(document.getElementById('findings-controls')).display")
        == "none"
    )
    browser.pdf(out / "report.pdf")
    pdf = (out / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 8


HOSTILE_SOURCE = {
    f"{fixture.HOSTILE_DIR}/app.py": (
        'import requests\n\nURL = "https://api.example.cn/<script>alert(1)</script>"\n'
        "requests.get(URL)  # <img src=x onerror=alert(2)>\n"
    ),
    'services/web/"><svg onload=alert(3)>.js': "fetch('https://cdn.example.ru/\"><b>x</b>');\n",
}


@needs_chromium
def test_real_audit_of_a_hostile_tree_stays_inert(tmp_path: Path) -> None:
    from auditkit.cli import main

    root = tmp_path / "hostile"
    for rel, text in HOSTILE_SOURCE.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    out = tmp_path / "out"
    assert main(["audit", str(root), "--out", str(out)]) in (0, 1)
    with Browser() as browser:
        browser.open(out / "report.html")
        assert browser.problems() == []
        assert browser.requests() == [(out / "report.html").resolve().as_uri()]
        assert (
            browser.evaluate("document.querySelectorAll('img, svg:not([role=img]), b').length") == 0
        )
        assert browser.evaluate("document.scripts.length") == 1
        assert "onerror=alert(2)" in browser.evaluate("document.body.textContent")
