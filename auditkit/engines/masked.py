"""Files semgrep cannot parse as they are, scanned through a masked copy.

- Vue single-file components: semgrep dropped its Vue parser (1.93). The copy keeps only the
  ``<script>`` blocks and is named ``.js``, or ``.ts`` when a block says ``lang="ts"``; the
  template and styles (markup, whose URLs are mostly links) are not read.
- YAML templates (Helm charts, Ansible, anything with ``{{ ... }}``): the template actions make
  the file invalid YAML, so semgrep would reject the whole file. The copy keeps the literal YAML
  around them: an action alone on its line becomes blank, one inside a value becomes a run of
  "x" (``image: {{ .repo }}:{{ .tag }}`` must stay one plain scalar). GitHub Actions'
  ``${{ ... }}`` is valid YAML and is kept.

Masking keeps every length and line break, so byte offsets, lines and the columns of unmasked
text are the original file's: matches map back one to one, and every finding points at the real
source.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

_SCRIPT = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_TS_LANG = re.compile(rb"""\blang\s*=\s*["']?(?:ts|tsx|typescript)\b""", re.IGNORECASE)
_TEMPLATE_ACTION = re.compile(rb"(?<!\$)\{\{.*?\}\}", re.DOTALL)
_YAML_SUFFIXES = (".yaml", ".yml")

# Same length, same line breaks: offsets and line numbers stay those of the original.
_BLANK = bytes(b if b in (0x0A, 0x0D) else 0x20 for b in range(256))
_FILLER = bytes(b if b in (0x0A, 0x0D) else 0x78 for b in range(256))


def masked_copy(path: str, source: bytes) -> tuple[bytes, str] | None:
    """What semgrep reads instead of ``path`` and the suffix that names its language, or None
    when semgrep reads the file itself."""
    if path.endswith(".vue"):
        return _vue(source)
    if path.endswith(_YAML_SUFFIXES) and _TEMPLATE_ACTION.search(source):
        return _TEMPLATE_ACTION.sub(_template_action, source), PurePosixPath(path).suffix
    return None


def may_need_mask(path: str) -> bool:
    """Whether ``masked_copy`` must read the file to decide (cheap test on the name)."""
    return path.endswith((".vue", *_YAML_SUFFIXES))


def _vue(source: bytes) -> tuple[bytes, str]:
    out = bytearray(source.translate(_BLANK))
    typescript = False
    for m in _SCRIPT.finditer(source):
        start, end = m.span(2)
        out[start:end] = source[start:end]
        typescript = typescript or _TS_LANG.search(m.group(1)) is not None
    return bytes(out), ".ts" if typescript else ".js"


def _template_action(m: re.Match[bytes]) -> bytes:
    source, start, end = m.string, m.start(), m.end()
    before = source[source.rfind(b"\n", 0, start) + 1 : start]
    line_end = source.find(b"\n", end)
    after = source[end : len(source) if line_end < 0 else line_end]
    alone = not before.strip() and not after.strip()
    return m.group().translate(_BLANK if alone else _FILLER)
