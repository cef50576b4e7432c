"""Language detection by file name and extension."""

from __future__ import annotations

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
    return _BY_SUFFIX.get(PurePosixPath(name).suffix)


# Exactly the names the Dockerfile rule's `paths.include` lists (semgrep's globs are
# case-sensitive): a "DOCKERFILE" would otherwise count as scanned and get no rule at all.
_DOCKERFILE_NAMES = frozenset({"Dockerfile", "dockerfile", "Containerfile", "containerfile"})


def _is_dockerfile(name: str) -> bool:
    return (
        name in _DOCKERFILE_NAMES
        or name.startswith(("Dockerfile.", "dockerfile."))
        or name.endswith((".dockerfile", ".Dockerfile"))
    )
