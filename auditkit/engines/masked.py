"""Files semgrep cannot parse as they are, scanned through a masked copy.

- Vue single-file components: semgrep dropped its Vue parser (1.93). The copy keeps only the
  ``<script>`` blocks and is named ``.js``, or ``.ts`` when a block says ``lang="ts"``; the
  template and styles (markup, whose URLs are mostly links) are not read.
- YAML templates (Helm charts, Ansible, anything with ``{{ ... }}``): the template actions make
  the file invalid YAML, so semgrep would reject the whole file. The copy keeps the literal YAML
  around them: an action alone on its line becomes blank, one inside a value becomes a run of
  "x" (``image: {{ .repo }}:{{ .tag }}`` must stay one plain scalar). GitHub Actions'
  ``${{ ... }}`` is valid YAML and is kept.
- Scripts without an extension (``bin/deploy`` starting ``#!/usr/bin/env bash``) and Makefiles:
  semgrep chooses a target's language by its name and runs no rule on an extensionless file it
  is given. The copy is the file itself, named ``.sh``, ``.py`` or ``.js``.

Besides the copy semgrep reads instead of a file, a YAML file may have a *shell view*, read in
addition with the shell rules: only the values of the keys that hold shell commands (GitHub
Actions ``run:``, GitLab ``script:`` / ``before_script:`` / ``after_script:``, Kubernetes and
Compose ``command:`` / ``args:`` / ``entrypoint:``), everything else blank. The YAML rules see
those values as one scalar; the shell rules see each word of each command
(``gcloud auth configure-docker us-docker.pkg.dev``, ``--default-repo=us-docker.pkg.dev/p/r``).

Masking keeps every length and line break, so byte offsets, lines and the columns of unmasked
text are the original file's: matches map back one to one, and every finding points at the real
source.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from auditkit.core.languages import (
    SHEBANG_SUFFIXES,
    detect_language,
    may_have_shebang,
    shebang_language,
)

_SCRIPT = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_TS_LANG = re.compile(rb"""\blang\s*=\s*["']?(?:ts|tsx|typescript)\b""", re.IGNORECASE)
_TEMPLATE_ACTION = re.compile(rb"(?<!\$)\{\{.*?\}\}", re.DOTALL)
_YAML_SUFFIXES = (".yaml", ".yml")
# Suffixes of files in a language semgrep parses under another name: Rake tasks are Ruby.
_RENAMED = {".rake": ".rb"}

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
    if detect_language(path) == "makefile":
        return source, ".sh"
    if path.endswith(tuple(_RENAMED)):
        # semgrep runs no rule on a suffix it does not know, whatever the file holds
        return source, _RENAMED[PurePosixPath(path).suffix]
    if may_have_shebang(path):
        language = shebang_language(source)
        if language is not None:
            return source, SHEBANG_SUFFIXES[language]
    return None


def may_need_mask(path: str) -> bool:
    """Whether ``masked_copy`` or ``shell_view`` must read the file to decide (cheap test on
    the name)."""
    return (
        path.endswith((".vue", *_YAML_SUFFIXES))
        or detect_language(path) == "makefile"
        or path.endswith(tuple(_RENAMED))
        or may_have_shebang(path)
    )


# Keys whose value is a shell command line or script (CI systems, Kubernetes, Compose).
_SHELL_KEY = re.compile(
    rb"[ \t]*(?:-[ \t]+)?(?P<key>run|script|before_script|after_script|command|args|entrypoint)"
    rb"[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*\r?$"
)
_BLOCK_INDICATOR = re.compile(rb"[|>][0-9+\-]*(?:[ \t]+#.*)?")
_MAPPING_KEY = re.compile(rb"[ \t]*[\w\-.\"']+[ \t]*:(?:[ \t]|\r?$)")


def shell_view(path: str, source: bytes) -> bytes | None:
    """The shell commands of a YAML file, everything else blank (offsets kept), or None when
    it has none. ``source`` is what semgrep reads for the file (templates already masked)."""
    if not path.endswith(_YAML_SUFFIXES) or not _HAS_SHELL_KEY.search(source):
        return None
    lines = source.splitlines(keepends=True)
    keep: list[tuple[int, int]] = []  # (line index, column) from which a line is kept
    i = 0
    while i < len(lines):
        m = _SHELL_KEY.match(lines[i])
        i += 1
        if m is None:
            continue
        value = m.group("value")
        if value and not _BLOCK_INDICATOR.fullmatch(value) and not value.startswith(b"#"):
            keep.append((i - 1, m.start("value")))
        indent = m.start("key")
        block = i
        # The value's further lines: indented deeper than the key (a block scalar, a plain
        # scalar's continuation, a block sequence), or "- item" lines at the key's own indent.
        while i < len(lines):
            line = lines[i]
            stripped = line.lstrip(b" \t")
            depth = len(line) - len(stripped)
            # (a comment line does not end a YAML block, whatever its indent)
            if (
                stripped.strip()
                and not stripped.startswith(b"#")
                and not (
                    depth > indent or (depth == indent and not value and stripped.startswith(b"- "))
                )
            ):
                break
            i += 1
        if not value and i > block and _MAPPING_KEY.match(lines[block]):
            i = block  # a mapping (CircleCI `run: {name, command}`): its own keys are read
            continue
        keep += [(n, 0) for n in range(block, i)]
    if not keep:
        return None
    out = bytearray(source.translate(_BLANK))
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    for n, column in keep:
        start, end = starts[n] + column, starts[n + 1]
        out[start:end] = source[start:end]
    # GitHub Actions expressions are not shell: `${{ github.sha }}` would read as a host name.
    # Blank, they end the word before them, as the YAML rules end a URL there.
    return _EXPRESSION.sub(lambda m: m.group().translate(_BLANK), bytes(out))


_EXPRESSION = re.compile(rb"\$\{\{.*?\}\}")


_HAS_SHELL_KEY = re.compile(
    rb"(?:run|script|command|args|entrypoint)[ \t]*:(?:[ \t]|\r?\n)", re.IGNORECASE
)


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
