"""The repository a pre-commit run belongs to."""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path


@cache
def repository_root(start: Path) -> Path:
    """The top of the git work tree holding ``start``; ``start`` itself outside git."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=start,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return start
    return Path(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip() else start
