"""Reading a TOML input file (policy, triage) with one clear error line for each failure."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any


def read_toml(
    path: Path, label: str, kind: str, error: Callable[[list[str]], Exception]
) -> tuple[dict[str, Any], str]:
    """The parsed table and the exact text of ``path``; ``error([line])`` for each failure."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error([f"{label}: {kind} file not found"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error([f"{label}: cannot read {kind} file: {exc}"]) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        raise error([f"{label}: invalid TOML: {exc}"]) from None
