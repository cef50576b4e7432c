"""Access to the data files shipped in ``auditkit/jurisdiction/data`` (also inside a wheel)."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from auditkit import datacache

_PACKAGE = "auditkit.jurisdiction"


def data_dir() -> Traversable:
    return resources.files(_PACKAGE).joinpath("data")


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
