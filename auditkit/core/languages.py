"""Language detection by file name and extension, and by the ``#!`` line of a script that has
no extension (as linguist and editors do)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

# Languages that auditkit has rules for, by the extensions semgrep itself gives them
# (`semgrep-core -dump_extensions`), case as written: semgrep runs no rule on "APP.PY" or on
# TypeScript's .mts/.cts, so such files are listed as not scanned rather than counted as
# scanned with no rule. Anything else is listed in coverage as not scanned too.
_BY_SUFFIX = {
    ".py": "python",
    ".pyi": "python",
    ".go": "go",
    ".java": "java",
    ".kt": "kotlin",
    ".kts": "kotlin",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".tsx": "typescript",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".tf": "terraform",
    ".tofu": "terraform",
    ".tfvars": "terraform",
    ".hcl": "terraform",
    ".properties": "properties",
    ".env": "dotenv",
    ".vue": "vue",  # its <script> blocks, as JavaScript or TypeScript (engines.masked)
    ".sh": "shell",
    ".bash": "shell",
    ".cs": "csharp",
    ".rb": "ruby",
    ".rake": "ruby",  # Rake tasks, read through a renamed copy (engines.masked)
    ".php": "php",
    ".xml": "xml",
    ".toml": "toml",
    ".ini": "ini",
    ".cfg": "ini",
    ".conf": "ini",
    ".sql": "sql",
    ".gradle": "gradle",
    # HTML and the template flavours whose markup is HTML (the rule reads what the page loads)
    ".html": "html",
    ".htm": "html",
    ".jinja": "html",
    ".jinja2": "html",
    ".hbs": "html",
    ".handlebars": "html",
    ".mustache": "html",
    ".ejs": "html",
    ".njk": "html",
    ".twig": "html",
    ".erb": "html",  # Rails views; the rule reads tags and scripts only, so other ERB is quiet
    ".cshtml": "html",  # Razor views and components
    ".razor": "html",
    # .NET configuration is XML: nuget.config package sources, web.config connection strings
    ".config": "xml",
    ".csproj": "xml",
}


def detect_language(path: str) -> str | None:
    """The language of ``path`` (POSIX, relative), or None when auditkit has no rules for it:
    every file with a language is scanned."""
    name = PurePosixPath(path).name
    if _is_dockerfile(name):
        return "dockerfile"
    # `.env`, `.env.production`, `.env.local`: dotenv files are named, not suffixed.
    if name == ".env" or name.startswith(".env."):
        return "dotenv"
    if name.endswith(".tfvars.json"):
        return "json"
    # Laravel Blade views are HTML with {{ }} and @directives, not PHP code
    if name.endswith(".blade.php"):
        return "html"
    if name in _MAKEFILE_NAMES or name.endswith(".mk"):
        return "makefile"
    return _BY_SUFFIX.get(PurePosixPath(name).suffix)


# Make runs every recipe line through /bin/sh, and variable values end up in those commands:
# a Makefile is read by the shell rules, as a whole ("#" lines are comments in both).
_MAKEFILE_NAMES = frozenset({"Makefile", "makefile", "GNUmakefile"})

# What each language's files are read with: rule files are chosen by these names
# (rulesets.semgrep_configs). YAML holds shell too: CI `run:` / `script:` blocks and Kubernetes
# `command:` / `args:` are also read by the shell rules (engines.masked.shell_view).
_RULE_LANGUAGES = {"makefile": ("shell",), "yaml": ("yaml", "shell")}


def rule_languages(languages: Iterable[str]) -> frozenset[str]:
    """The languages whose rules files of ``languages`` need."""
    return frozenset(r for lang in languages for r in _RULE_LANGUAGES.get(lang, (lang,)))


def may_have_shebang(path: str) -> bool:
    """Whether ``path`` is a file whose language only its ``#!`` line can tell: no extension,
    and no name that ``detect_language`` knows."""
    name = PurePosixPath(path).name
    return "." not in name.lstrip(".") and detect_language(path) is None


# `#!/bin/sh`, `#!/usr/bin/env -S python3 -u`, `#!/usr/local/bin/node`: the interpreter's name,
# after env and its options or VAR=value settings.
_SHEBANG = re.compile(
    rb"#![ \t]*(?:\S*/)?(?:env[ \t]+(?:(?:-\S*|\w+=\S*)[ \t]+)*(?:\S*/)?)?([\w.+-]+)"
)
_INTERPRETERS = (
    (re.compile(r"(?:ba|da|k|z|a)?sh"), "shell"),
    (re.compile(r"python(?:[23](?:\.\d+)?)?|pypy3?"), "python"),
    (re.compile(r"node(?:js)?"), "javascript"),
)


def shebang_language(source: bytes) -> str | None:
    """The language a script's ``#!`` line names (shell, python, javascript), or None."""
    m = _SHEBANG.match(source, 0, 256)
    if m is None:
        return None
    interpreter = m.group(1).decode("ascii", "replace")
    return next((lang for pat, lang in _INTERPRETERS if pat.fullmatch(interpreter)), None)


# The name semgrep must see for a file identified by its #! line: semgrep chooses a target's
# language by its name only, and runs no rule at all on an extensionless file it is given.
SHEBANG_SUFFIXES = {"shell": ".sh", "python": ".py", "javascript": ".js"}


# Exactly the names the Dockerfile rule's `paths.include` lists (semgrep's globs are
# case-sensitive): a "DOCKERFILE" would otherwise count as scanned and get no rule at all.
_DOCKERFILE_NAMES = frozenset({"Dockerfile", "dockerfile", "Containerfile", "containerfile"})


def _is_dockerfile(name: str) -> bool:
    return (
        name in _DOCKERFILE_NAMES
        or name.startswith(("Dockerfile.", "dockerfile."))
        or name.endswith((".dockerfile", ".Dockerfile"))
    )
