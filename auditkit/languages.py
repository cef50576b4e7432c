"""Language detection by file name and extension."""

from __future__ import annotations

from pathlib import PurePosixPath

# Languages that auditkit has rules for. Anything else is listed in coverage as not scanned.
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
    ".mts": "typescript",
    ".cts": "typescript",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".tf": "terraform",
    ".tfvars": "terraform",
    ".hcl": "terraform",
    ".properties": "properties",
    ".env": "dotenv",
    ".dockerfile": "dockerfile",
}

SCANNED_LANGUAGES = frozenset(_BY_SUFFIX.values())


def detect_language(path: str) -> str | None:
    """The language of ``path`` (POSIX, relative), or None when auditkit has no use for it."""
    name = PurePosixPath(path).name
    lower = name.lower()
    if lower == "dockerfile" or lower.startswith("dockerfile.") or lower == "containerfile":
        return "dockerfile"
    # `.env`, `.env.production`, `.env.local`: dotenv files are named, not suffixed.
    if lower == ".env" or lower.startswith(".env."):
        return "dotenv"
    if lower.endswith(".tfvars.json"):
        return "json"
    return _BY_SUFFIX.get(PurePosixPath(lower).suffix)
