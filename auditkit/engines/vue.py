"""Vue single-file components, through semgrep's JavaScript and TypeScript rules.

semgrep dropped its Vue parser (1.93), so a ``.vue`` file is scanned as a masked copy: every
byte outside its ``<script>`` blocks becomes a space (line breaks kept), and the copy is named
``.js``, or ``.ts`` when a block says ``lang="ts"``. Byte offsets, lines and the columns of
script lines are the original file's, so matches map back one to one and every finding points
at the real source. The template and styles are not scanned (they are markup, and their URLs
are mostly links); the README says so.
"""

from __future__ import annotations

import re

SUFFIX = ".vue"

_SCRIPT = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_TS_LANG = re.compile(rb"""\blang\s*=\s*["']?(?:ts|tsx|typescript)\b""", re.IGNORECASE)


def is_vue(path: str) -> bool:
    return path.endswith(SUFFIX)


def masked(source: bytes) -> tuple[bytes, str]:
    """The component with everything but its script blocks blanked, and the suffix its
    script language takes (``.ts`` or ``.js``)."""
    out = bytearray(_blank(source))
    typescript = False
    for m in _SCRIPT.finditer(source):
        start, end = m.span(2)
        out[start:end] = source[start:end]
        typescript = typescript or _TS_LANG.search(m.group(1)) is not None
    return bytes(out), ".ts" if typescript else ".js"


# Same length, same line breaks: offsets and line numbers stay those of the original.
_BLANK = bytes(b if b in (0x0A, 0x0D) else 0x20 for b in range(256))


def _blank(data: bytes) -> bytes:
    return data.translate(_BLANK)
