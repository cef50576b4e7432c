#!/usr/bin/env python3
"""Check auditkit's cloud catalogue (auditkit/jurisdiction/data/cloud-*.toml).

* every file has its sources, retrieval date and licence, and only known keys;
* every country is an ISO 3166-1 code auditkit knows, every group is EU;
* AWS: the region table equals botocore's partitions.json (all partitions, with the *-global
  pseudo-regions); new botocore regions are printed as TOML lines to paste, with the country
  to fill in by hand;
* when the optional SDKs are installed (scaleway-core), their region lists are compared too.

Exit status 1 when anything is wrong. Needs the dev dependencies (botocore).
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "auditkit" / "jurisdiction" / "data"
META_KEYS = {"provider", "name", "sources", "retrieved", "licence", "bare", "zones"}
META_KEYS |= {"short_codes", "region_pattern", "region_prefixes", "operator"}
REGION_KEYS = {"city", "country", "countries", "group", "bare", "display", "note", "aliases"}
REGION_KEYS |= {"operator"}  # operator: who runs this region, if not meta.operator
HOST_KEYS = {"suffix", "search", "match", "region", "exact", "country", "countries", "group"}
HOST_KEYS |= {"note", "operator"}  # operator: who runs these hosts, if not meta.operator


def countries() -> set[str]:
    data = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    return set(data["countries"])


def check_file(path: Path, iso: set[str]) -> list[str]:
    errors: list[str] = []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    meta = data.get("meta", {})
    for key in ("provider", "name", "sources", "retrieved", "licence"):
        if not meta.get(key):
            errors.append(f"{path.name}: meta.{key} is missing")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(meta.get("retrieved", ""))):
        errors.append(f"{path.name}: meta.retrieved is not a date")
    errors += [f"{path.name}: unknown meta key {k}" for k in set(meta) - META_KEYS]
    places = [(f"regions.{code}", entry) for code, entry in data.get("regions", {}).items()]
    places += [(f"hosts[{rule.get('suffix')}]", rule) for rule in data.get("hosts", [])]
    for where, entry in places:
        allowed = REGION_KEYS if where.startswith("regions") else HOST_KEYS
        errors += [f"{path.name}: {where}: unknown key {k}" for k in set(entry) - allowed]
        codes = list(entry.get("countries", [])) + (
            [entry["country"]] if "country" in entry else []
        )
        errors += [f"{path.name}: {where}: {c} is not an ISO code" for c in codes if c not in iso]
        if entry.get("group", "EU") != "EU":
            errors.append(f"{path.name}: {where}: unknown group {entry['group']}")
    operators = tomllib.loads((path.parent / "operators.toml").read_text(encoding="utf-8"))
    for code, entry in data.get("regions", {}).items():
        if entry.get("operator") and entry["operator"] not in operators["operators"]:
            errors.append(f"{path.name}: regions.{code}: unknown operator {entry['operator']}")
    for rule in data.get("hosts", []):
        if rule.get("operator") and rule["operator"] not in operators["operators"]:
            errors.append(
                f"{path.name}: hosts[{rule['suffix']}]: unknown operator {rule['operator']}"
            )
        if rule.get("region") and rule["region"] not in data.get("regions", {}):
            errors.append(f"{path.name}: hosts[{rule['suffix']}]: unknown region {rule['region']}")
    return errors


def botocore_regions() -> dict[str, tuple[str, str]]:
    """code -> (partition, description) for every region in botocore's partitions.json."""
    import botocore

    path = Path(botocore.__file__).parent / "data" / "partitions.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, tuple[str, str]] = {}
    for partition in data["partitions"]:
        for code, info in partition["regions"].items():
            out[code] = (partition["id"], info.get("description", ""))
    return out


def check_aws() -> list[str]:
    table = tomllib.loads((DATA / "cloud-aws.toml").read_text(encoding="utf-8"))["regions"]
    boto = botocore_regions()
    errors = [
        f"cloud-aws.toml: {code} is not in botocore" for code in sorted(set(table) - set(boto))
    ]
    for code in sorted(set(boto) - set(table)):
        partition, description = boto[code]
        errors.append(f"cloud-aws.toml: botocore region {code} ({partition}) is missing")
        print(f'"{code}" = {{ city = "{description}", country = "??" }}')
    return errors


def check_scaleway() -> list[str]:
    try:
        from scaleway_core.bridge.region import ALL_REGIONS  # type: ignore[import-not-found]
    except ImportError:
        return []
    table = tomllib.loads((DATA / "cloud-scaleway.toml").read_text(encoding="utf-8"))["regions"]
    return [
        f"cloud-scaleway.toml: scaleway-core region {r} is missing"
        for r in ALL_REGIONS
        if r not in table
    ]


def main() -> int:
    iso = countries()
    errors: list[str] = []
    for path in sorted(DATA.glob("cloud-*.toml")):
        errors += check_file(path, iso)
    errors += check_aws()
    errors += check_scaleway()
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
