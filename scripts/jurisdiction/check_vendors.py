#!/usr/bin/env python3
"""Check auditkit's processor catalogue (data/vendor-*.toml) and operators (data/operators.toml).

* every file has its sources, retrieval date and licence, and only known keys;
* every vendor names its documentation page (source), its operator (a key of operators.toml)
  and at least one host; every host rule has a place (ISO country, countries or the EU group)
  or a note saying why the name does not tell; clouds name providers of the cloud catalogue;
* no host suffix and no vendor key is declared twice;
* every cloud-*.toml names an operator, every operator a source, every country is ISO 3166-1.

Exit status 1 when anything is wrong. Standard library only.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "auditkit" / "jurisdiction" / "data"
META_KEYS = {"family", "title", "stores_data", "sources", "retrieved", "licence"}
VENDOR_KEYS = {"key", "name", "operator", "source", "eu_alternative", "hosts", "stores_data"}
HOST_KEYS = {"suffix", "exact", "country", "countries", "group", "note", "clouds", "search"}
OPERATOR_KEYS = {"name", "country", "note", "source"}


def _meta(name: str, meta: dict[str, object], required: tuple[str, ...]) -> list[str]:
    errors = [f"{name}: meta.{key} is missing" for key in required if not meta.get(key)]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(meta.get("retrieved", ""))):
        errors.append(f"{name}: meta.retrieved is not a date")
    return errors


def check(data_dir: Path = DATA) -> list[str]:
    iso = set(json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))["countries"])
    ops_data = tomllib.loads((data_dir / "operators.toml").read_text(encoding="utf-8"))
    errors = _meta("operators.toml", ops_data.get("meta", {}), ("sources", "retrieved", "licence"))
    operators = ops_data.get("operators", {})
    for key, entry in operators.items():
        errors += [f"operators.toml: {key}: unknown key {k}" for k in set(entry) - OPERATOR_KEYS]
        if not entry.get("name") or not entry.get("source"):
            errors.append(f"operators.toml: {key}: name and source are required")
        if "country" in entry and entry["country"] not in iso:
            errors.append(f"operators.toml: {key}: {entry['country']} is not an ISO code")
        if "country" not in entry and not entry.get("note"):
            errors.append(f"operators.toml: {key}: no country needs a note saying why")
    providers: set[str] = set()
    for path in sorted(data_dir.glob("cloud-*.toml")):
        meta = tomllib.loads(path.read_text(encoding="utf-8"))["meta"]
        providers.add(meta["provider"])
        if meta.get("operator") not in operators:
            errors.append(
                f"{path.name}: meta.operator {meta.get('operator')!r} is not in operators.toml"
            )
    keys: set[str] = set()
    suffixes: set[str] = set()
    for path in sorted(data_dir.glob("vendor-*.toml")):
        name = path.name
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        meta = data.get("meta", {})
        errors += _meta(name, meta, ("family", "title", "sources", "retrieved", "licence"))
        errors += [f"{name}: unknown meta key {k}" for k in set(meta) - META_KEYS]
        errors += [f"{name}: unknown key {k}" for k in set(data) - {"meta", "vendor"}]
        for vendor in data.get("vendor", []):
            key = vendor.get("key", "?")
            errors += [f"{name}: {key}: unknown key {k}" for k in set(vendor) - VENDOR_KEYS]
            for field in ("key", "name", "operator", "source", "hosts"):
                if not vendor.get(field):
                    errors.append(f"{name}: {key}: {field} is missing")
            if key in keys:
                errors.append(f"{name}: vendor {key} is declared twice")
            keys.add(key)
            if vendor.get("operator") not in operators:
                errors.append(f"{name}: {key}: operator {vendor.get('operator')!r} is unknown")
            for host in vendor.get("hosts", []):
                where = f"{name}: {key}: {host.get('suffix')}"
                errors += [f"{where}: unknown key {k}" for k in set(host) - HOST_KEYS]
                suffix = str(host.get("suffix", "")).lower()
                if not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", suffix):
                    errors.append(f"{where}: not a host suffix")
                if suffix in suffixes:
                    errors.append(f"{where}: declared twice")
                suffixes.add(suffix)
                codes = list(host.get("countries", [])) + (
                    [host["country"]] if "country" in host else []
                )
                errors += [f"{where}: {c} is not an ISO code" for c in codes if c not in iso]
                if host.get("group", "EU") != "EU":
                    errors.append(f"{where}: unknown group {host['group']}")
                placed = bool(codes) or "group" in host or bool(host.get("clouds"))
                if not placed and not host.get("note"):
                    errors.append(f"{where}: no place and no note saying why")
                errors += [
                    f"{where}: unknown cloud {c}"
                    for c in host.get("clouds", [])
                    if c not in providers
                ]
    return errors


def main() -> int:
    errors = check()
    for error in errors:
        print(error)
    if not errors:
        vendors = sum(
            len(tomllib.loads(p.read_text(encoding="utf-8")).get("vendor", []))
            for p in DATA.glob("vendor-*.toml")
        )
        print(f"ok: {vendors} vendors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
