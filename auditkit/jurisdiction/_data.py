"""Access to the data files shipped in ``auditkit/jurisdiction/data`` (also inside a wheel)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from auditkit import datacache


@cache
def data_dir() -> Path:
    # The package's folder, as importlib.resources.files() would give for an installed
    # package, without importing importlib.resources (~10 ms on every pre-commit run).
    import auditkit.jurisdiction as package

    return Path(package.__path__[0]) / "data"


def read_bytes(name: str) -> bytes:
    return data_dir().joinpath(name).read_bytes()


def read_toml(name: str) -> dict[str, Any]:
    return datacache.toml(read_bytes(name))


def names(prefix: str, suffix: str) -> list[str]:
    """Data file names with this prefix and suffix, sorted so that loading is deterministic."""
    return sorted(
        entry.name
        for entry in data_dir().iterdir()
        if entry.name.startswith(prefix) and entry.name.endswith(suffix)
    )
