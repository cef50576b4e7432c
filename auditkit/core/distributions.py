"""Installed versions of the engines, without importing ``importlib.metadata``.

``importlib.metadata`` costs ~30 ms of imports (email parsing, zip support) on every pre-commit
run just to read three version strings. Installed distributions carry a
``<name>-<version>.dist-info/METADATA`` file next to their package; reading its ``Version``
header is what ``importlib.metadata`` does too. Anything unusual falls back to it.
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache


@cache
def installed_version(distribution: str) -> str:
    prefix = re.sub(r"[-_.]+", "_", distribution).lower() + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and name.lower().startswith(prefix):
                found = _metadata_version(os.path.join(entry, name, "METADATA"))
                if found is not None:
                    return found
    from importlib.metadata import version

    return version(distribution)


def _metadata_version(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("Version:"):
                    return line.partition(":")[2].strip()
                if not line.strip():
                    return None  # end of the headers
    except OSError:
        return None
    return None


@cache
def semgrep_core() -> str | None:
    """The installed semgrep's ``semgrep-core`` executable (inside its package), or None."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("semgrep")
    for location in (spec.submodule_search_locations or []) if spec else []:
        core = Path(location) / "bin" / "semgrep-core"
        if core.is_file() and os.access(core, os.X_OK):
            return str(core)
    return None
