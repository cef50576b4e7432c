"""jinja2 environments for the report templates (``report_templates/``, the package
``auditkit._templates``).

HTML: autoescape on, always. Markdown: jinja has no markdown autoescape, so ``finalize``
escapes every value that a filter has not already made safe (``MdSafe``); a template that
forgets a filter therefore still cannot inject markup from scanned code.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import jinja2

TEMPLATE_PACKAGE = "auditkit._templates"
# Markdown-significant ASCII punctuation (CommonMark lets any of it be backslash-escaped):
# these anywhere, and block markers at the start of the text (which may begin a line).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&@])")
_MD_BLOCK_START = re.compile(r"^(?:([-+#=])(?=[\s\-+#=]|$)|([0-9]{1,9})([.)])(?=\s|$))")
# GFM turns bare URLs and www. names into links: an escape inside the trigger defuses them.
_WWW = re.compile(r"(www)\.", re.IGNORECASE)
_BACKTICKS = re.compile(r"`+")


class MdSafe(str):
    """Markdown text that is already escaped or deliberately formatted."""

    __slots__ = ()


def md_escape(value: object) -> MdSafe:
    """Plain text for a Markdown paragraph or table cell: no markup, links or HTML survive."""
    if isinstance(value, MdSafe):
        return value
    text = " ".join(str(value).split())  # one line: a newline would end a table row
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_BLOCK_START.sub(_escape_block_marker, text)
    text = _WWW.sub(r"\1\\.", text.replace("://", "\\://"))
    return MdSafe(text)


def _escape_block_marker(m: re.Match[str]) -> str:
    if m.group(1):
        return "\\" + m.group(1)
    return f"{m.group(2)}\\{m.group(3)}"


def md_code(value: object, table: bool = True) -> MdSafe:
    """An inline code span; in a table cell ``|`` is escaped (GFM splits cells even in code)."""
    text = " ".join(str(value).split())
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    if table:
        text = text.replace("|", "\\|")
    return MdSafe(f"{fence}{pad}{text}{pad}{fence}")


def md_fence(value: object, language: str = "") -> MdSafe:
    """A fenced code block longer than any backtick run inside ``value``."""
    text = str(value)
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    info = language if re.fullmatch(r"[a-z0-9+-]*", language) else ""
    return MdSafe(f"{fence}{info}\n{text}\n{fence}")


def _md_finalize(value: Any) -> Any:
    if isinstance(value, MdSafe | int) and not isinstance(value, bool):
        return value
    return md_escape("" if value is None else value)


def _loader() -> jinja2.BaseLoader:
    return jinja2.PackageLoader(TEMPLATE_PACKAGE, "")


@cache
def html_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=_loader(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["slug"] = slug
    env.filters["prefilters_note"] = prefilters_note
    return env


@cache
def markdown_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=_loader(),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_md_finalize,
    )
    env.filters["md"] = md_escape
    env.filters["code"] = md_code
    env.filters["fence"] = md_fence
    env.filters["raw"] = MdSafe
    env.filters["slug"] = slug
    env.filters["prefilters_note"] = prefilters_note
    return env


_PREFILTERS = {
    "committed": "semgrep's own prefilter conditions (the table shipped for this semgrep) chose "
    "the rule files for small batches; they never change what is found",
    "derived": "semgrep's own prefilter conditions, derived from the installed semgrep (the "
    "shipped table was written by another version), chose the rule files for small batches; "
    "they never change what is found",
    "none": "none: every rule file of each language ran",
}


def prefilters_note(origin: object) -> str:
    """One sentence on the rule prefilters a report's scan used."""
    return _PREFILTERS.get(str(origin), str(origin))


def slug(value: object) -> str:
    """An id/anchor-safe form of a string: lower case letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "x"
