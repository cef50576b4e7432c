"""Parsed data tables kept between runs, keyed on the exact bytes they were parsed from.

Every run of auditkit needs the same tables: 22 provider and country TOML files, the sink
catalogues, the Public Suffix List with its punycode forms. Parsing them in pure Python costs
~0.15 s, which a pre-commit run over one file feels. The parsed form is stored as JSON in the
user's cache folder under a digest of the source bytes (and of how they were parsed), so a
changed table can never be served stale; a missing, unreadable or damaged entry is parsed
afresh. Only values that survive a JSON round trip unchanged are stored.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Bump when the meaning of a stored entry changes.
_FORMAT = 1
_directories: list[Path | None] = []  # innermost `using` last


def default_cache_dir() -> Path:
    """auditkit's cache folder: ``AUDITKIT_CACHE_DIR``, else the user cache folder."""
    explicit = os.environ.get("AUDITKIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "auditkit"


@contextmanager
def using(directory: Path | None) -> Iterator[None]:
    """Within the block, keep tables in ``directory``; None: parse every table afresh and
    store nothing (``--no-cache``)."""
    _directories.append(directory)
    try:
        yield
    finally:
        _directories.pop()


def tables_dir() -> Path | None:
    """Where tables are kept now; None within ``using(None)`` (nothing is kept)."""
    directory = _directories[-1] if _directories else default_cache_dir()
    return directory / "tables" if directory is not None else None


def parsed(
    kind: str,
    source: bytes,
    parse: Callable[[bytes], Any],
    valid: Callable[[Any], bool] | None = None,
) -> Any:
    """``parse(source)``, from the cache when these bytes were parsed this way before.

    ``kind`` names the parse function and its version: change it when ``parse`` changes.
    ``valid`` checks a stored value: one that fails it (damaged, yet still JSON) is parsed
    afresh and replaced.
    """
    path = _entry(kind, source, ".json")
    if path is None:
        return parse(source)
    try:
        stored = json.loads(path.read_bytes())
        if valid is None or valid(stored):
            return stored
    except (OSError, ValueError):
        pass
    value = parse(source)
    _store(path, value)
    return value


def derived_bytes(kind: str, source: bytes, derive: Callable[[bytes], bytes]) -> bytes:
    """``derive(source)`` (binary), from the cache when derived from these bytes before."""
    path = _entry(kind, source, ".bin")
    if path is None:
        return derive(source)
    try:
        return path.read_bytes()
    except OSError:
        pass
    value = derive(source)
    _write(path, value)
    return value


def _entry(kind: str, source: bytes, suffix: str) -> Path | None:
    folder = tables_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"{_FORMAT}\0{kind}\0".encode() + source).hexdigest()
    return folder / f"{digest}{suffix}"


def _store(path: Path, value: Any) -> None:
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return
    # Tuples, sets, non-string keys would come back different: such values are not stored.
    if json.loads(text) != value:
        return
    _write(path, text.encode("utf-8"))


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing: most runs only read

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)  # readers see no entry or the whole entry, never a part
        except OSError:
            os.unlink(tmp)
            raise
    except OSError:
        return


def toml(source: bytes) -> dict[str, Any]:
    """A TOML document (UTF-8 bytes) as ``tomllib`` parses it, through the cache."""
    value: dict[str, Any] = parsed("toml", source, _parse_toml)
    return value


def _parse_toml(source: bytes) -> dict[str, Any]:
    import tomllib

    return tomllib.loads(source.decode("utf-8"))
