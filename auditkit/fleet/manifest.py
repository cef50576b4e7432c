"""The fleet manifest (DESIGN.md, "Fleet manifest"): a fleet name and its targets, read strictly.

A misspelt key must never change which code is audited or under which policy, so unknown keys
are errors, and every error names the manifest file and the key path (``target[2].policy``).
Paths are relative to the manifest, so a manifest and its estate can move together.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditkit.core.errors import UsageError
from auditkit.core.tomlfile import read_toml

# Folder names on every file system the reports may be copied to: no separators, no dot
# names, no spaces (links in fleet.html and fleet.md stay plain).
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
# Names the fleet writes beside the target folders.
RESERVED_NAMES = frozenset({"fleet.json", "fleet.html", "fleet.md", "fleet.json.dsse.json"})

_TOP_KEYS = ("fleet", "target")
_FLEET_KEYS = ("name",)
_TARGET_KEYS = ("name", "path", "policy", "policy_from_target")


@dataclass(frozen=True)
class FleetTarget:
    name: str  # the report folder DIR/<name>/
    path: Path  # absolute
    policy: Path | None = None  # the auditor's policy for this target (absolute), if given
    policy_from_target: bool = False  # audit with the target's own policy (as audit's flag)


@dataclass(frozen=True)
class FleetManifest:
    name: str
    path: Path  # the manifest file
    targets: tuple[FleetTarget, ...]


class _Errors:
    def __init__(self, label: str) -> None:
        self.label = label
        self.lines: list[str] = []

    def add(self, key_path: str, message: str) -> None:
        self.lines.append(f"{self.label}: {key_path}: {message}")


def load_manifest(path: Path) -> FleetManifest:
    """The manifest at ``path``; UsageError (exit 2) listing every problem found."""
    data, _ = read_toml(path, str(path), "manifest", lambda lines: UsageError("\n".join(lines)))
    return parse_manifest(data, path)


def parse_manifest(data: dict[str, Any], path: Path) -> FleetManifest:
    errors = _Errors(str(path))
    _unknown(errors, data, _TOP_KEYS, "")
    fleet = data.get("fleet")
    name = ""
    if not isinstance(fleet, dict):
        errors.add("fleet", "expected a [fleet] table with a name")
    else:
        _unknown(errors, fleet, _FLEET_KEYS, "fleet")
        name = _text(errors, fleet, "name", "fleet") or ""
        if "name" not in fleet:
            errors.add("fleet.name", "missing")
    raw = data.get("target")
    targets: list[FleetTarget] = []
    if not isinstance(raw, list) or not raw:
        errors.add("target", "expected at least one [[target]] table")
        raw = []
    base = path.resolve().parent
    seen: dict[str, str] = {}
    for i, table in enumerate(raw):
        where = f"target[{i}]"
        if not isinstance(table, dict):
            errors.add(where, "expected a table")
            continue
        target = _target(errors, table, where, base, seen)
        if target is not None:
            targets.append(target)
    if errors.lines:
        raise UsageError("\n".join(errors.lines))
    return FleetManifest(name=name, path=path, targets=tuple(targets))


def _target(
    errors: _Errors, table: dict[str, Any], where: str, base: Path, seen: dict[str, str]
) -> FleetTarget | None:
    before = len(errors.lines)
    _unknown(errors, table, _TARGET_KEYS, where)
    name = _text(errors, table, "name", where)
    if "name" not in table:
        errors.add(f"{where}.name", "missing")
    elif name is not None:
        if not _SAFE_NAME.match(name) or name.lower() in RESERVED_NAMES:
            errors.add(
                f"{where}.name",
                f"{name!r} cannot be a report folder name: use letters, digits, '.', '_' and "
                "'-' (not first), at most 100 characters, and none of "
                + ", ".join(sorted(RESERVED_NAMES)),
            )
        elif name.lower() in seen:
            # Case-insensitively: two folders differing only in case are one on macOS/Windows.
            errors.add(f"{where}.name", f"{name!r} is already the name of {seen[name.lower()]}")
        else:
            seen[name.lower()] = where
    raw_path = _text(errors, table, "path", where)
    if "path" not in table:
        errors.add(f"{where}.path", "missing")
    target_path = None
    if raw_path is not None:
        target_path = (base / raw_path).resolve()
        if not target_path.is_dir():
            state = "is not a folder" if target_path.exists() else "not found"
            errors.add(f"{where}.path", f"{raw_path}: {state} ({target_path})")
    raw_policy = _text(errors, table, "policy", where)
    from_target = table.get("policy_from_target", False)
    if not isinstance(from_target, bool):
        errors.add(f"{where}.policy_from_target", "expected true or false")
        from_target = False
    if len(errors.lines) > before or name is None or target_path is None:
        return None
    policy = (base / raw_policy).resolve() if raw_policy is not None else None
    return FleetTarget(name, target_path, policy, from_target)


def _text(errors: _Errors, table: dict[str, Any], key: str, where: str) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        errors.add(f"{where}.{key}", "expected a non-empty string")
        return None
    return value


def _unknown(errors: _Errors, table: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in table:
        if key in allowed:
            continue
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        errors.add(
            f"{where}.{key}" if where else key,
            f"unknown key{hint}; allowed: {', '.join(allowed)}",
        )
