"""Where the shipped rules live, and the digest that pins them in a report.

``rulesets/`` sits at the top of the repository and is installed as the data package
``auditkit._rulesets`` (see pyproject.toml), so both a checkout and a wheel find it here.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path


@cache
def rulesets_dir() -> Path:
    root = resources.files("auditkit._rulesets")
    path = Path(str(root))
    if not (path / "semgrep").is_dir():
        raise FileNotFoundError(f"auditkit rulesets not found at {path}")
    return path


def semgrep_rule_files() -> tuple[Path, ...]:
    """Every semgrep rule file that ships with auditkit (annotated test files excluded)."""
    base = rulesets_dir() / "semgrep"
    return tuple(sorted(p for p in base.rglob("*.yaml") if not p.name.endswith(".test.yaml")))


def rule_file_language(path: Path) -> str:
    """The language a shipped rule file is for: ``endpoints/<language>.yaml`` or
    ``<family>/<language>/<topic>.yaml``."""
    base = rulesets_dir() / "semgrep"
    parts = path.relative_to(base).parts
    return parts[1] if len(parts) >= 3 else path.stem


def ruleset_files() -> tuple[Path, ...]:
    """All rule data that influences results: semgrep rules and sink catalogues."""
    base = rulesets_dir()
    return tuple(
        sorted(
            p
            for p in base.rglob("*")
            if p.is_file() and p.suffix in {".yaml", ".toml"} and not p.name.endswith(".test.yaml")
        )
    )


@cache
def ruleset_digest() -> str:
    """sha256 over (relative path, content) of every rule file, in path order."""
    h = hashlib.sha256()
    base = rulesets_dir()
    for p in ruleset_files():
        h.update(p.relative_to(base).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()
