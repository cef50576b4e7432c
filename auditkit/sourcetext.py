"""Reading matched text back from files: snippets and literal values.

semgrep community edition no longer returns the matched lines ("requires login"), so
auditkit reads them itself from the byte offsets every engine reports.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

MAX_SNIPPET_CHARS = 400


@lru_cache(maxsize=64)
def _file_bytes(path: str) -> bytes:
    return Path(path).read_bytes()


def clear_cache() -> None:
    _file_bytes.cache_clear()


def file_text(root: Path, rel: str) -> str:
    """The whole file, decoded (shared with snippets and matched text: read once)."""
    return _file_bytes(str(root / rel)).decode("utf-8", errors="replace")


def matched_text(root: Path, rel: str, start: int, end: int) -> str:
    data = _file_bytes(str(root / rel))
    return data[start:end].decode("utf-8", errors="replace")


def line_before(root: Path, rel: str, offset: int) -> str:
    """The text of the line that holds byte ``offset``, up to it."""
    data = _file_bytes(str(root / rel))
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data[line_start:offset].decode("utf-8", errors="replace")


def position(root: Path, rel: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of byte ``offset``."""
    data = _file_bytes(str(root / rel))
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def text_around(root: Path, rel: str, start: int, end: int) -> tuple[str, int, int]:
    """The literal that holds bytes ``start:end`` on their line, as far as one line shows it,
    and where the match sits in it: the quoted string around the match, else (an unquoted
    YAML, .properties or .env value) the text after ``key:`` / ``key=`` up to a comment."""
    data = _file_bytes(str(root / rel))
    line_start = data.rfind(b"\n", 0, start) + 1
    line_end = data.find(b"\n", end)
    line_end = len(data) if line_end < 0 else line_end
    before = data[line_start:start].decode("utf-8", errors="replace")
    match = data[start:end].decode("utf-8", errors="replace")
    after = data[end:line_end].decode("utf-8", errors="replace")
    quote = max((before.rfind(q), q) for q in ('"', "'", "`"))
    if quote[0] >= 0 and quote[1] in after:
        before = before[quote[0] + 1 :]
        after = after[: after.index(quote[1])]
    else:
        cut = max(before.rfind(": "), before.rfind("="), before.rfind("- "))
        before = before[cut + 2 if before[cut : cut + 2] in (": ", "- ") else cut + 1 :]
        comment = after.find(" #")
        after = after if comment < 0 else after[:comment]
    return before + match + after, len(before), len(before) + len(match)


def snippet(root: Path, rel: str, start_line: int, end_line: int) -> str:
    """The source lines of a finding (at most 3 lines, each clipped), right-stripped."""
    try:
        data = _file_bytes(str(root / rel))
    except OSError:
        return ""
    lines = data.decode("utf-8", errors="replace").splitlines()
    chosen = lines[start_line - 1 : min(end_line, start_line + 2)]
    clipped = [ln.rstrip()[:MAX_SNIPPET_CHARS] for ln in chosen]
    return "\n".join(clipped)


_PREFIX = re.compile(r"^(?:[rRbBuUfF]{1,2})(?=['\"])")
_QUOTES = ('"""', "'" * 3, '"', "'", "`")
# Only escapes that can occur inside an endpoint are decoded; anything else stays as written.
_ESCAPES = (("\\/", "/"), ('\\"', '"'), ("\\'", "'"), ("\\\\", "\\"))


def literal_value(raw: str) -> str:
    """The value of a matched literal: string prefix and quotes removed.

    Config values (YAML, .env, .properties) arrive unquoted or quoted; code literals arrive
    with their quotes.
    """
    text = raw.strip()
    text = _PREFIX.sub("", text)
    for q in _QUOTES:
        if len(text) >= 2 * len(q) and text.startswith(q) and text.endswith(q):
            text = text[len(q) : -len(q)]
            break
    if "\\" in text:
        for escaped, plain in _ESCAPES:
            text = text.replace(escaped, plain)
    return text
