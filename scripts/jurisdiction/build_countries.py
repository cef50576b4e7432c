#!/usr/bin/env python3
"""Write auditkit/jurisdiction/data/countries.json: ISO 3166-1 alpha-2 code -> short English name.

Source: Debian's iso-codes package (``/usr/share/iso-codes/json/iso_3166-1.json``). When it is
not installed, fetch it without installing anything::

    apt-get download iso-codes && dpkg-deb -x iso-codes_*.deb /tmp/iso
    python scripts/jurisdiction/build_countries.py \
        --iso-json /tmp/iso/usr/share/iso-codes/json/iso_3166-1.json

Kosovo (XK) is a user-assigned code that iso-codes lacks but the EU, IP databases and
auditors use, so it is added here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "auditkit" / "jurisdiction" / "data" / "countries.json"
DEFAULT_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
EXTRA = {"XK": "Kosovo"}


def _iso_codes_version() -> str:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown version"
    return out.stdout.strip()


def build(iso_json: Path) -> dict[str, object]:
    entries = json.loads(iso_json.read_text(encoding="utf-8"))["3166-1"]
    # common_name is the everyday short form ("South Korea", "Iran"); auditors read these.
    names = {e["alpha_2"]: e.get("common_name") or e["name"] for e in entries}
    names.update(EXTRA)
    return {
        "meta": {
            "source": f"Debian iso-codes {_iso_codes_version()} ({iso_json.name}), plus XK",
            "retrieved": dt.date.today().isoformat(),
            "licence": "iso-codes is LGPL-2.1-or-later; the code list itself is ISO 3166-1.",
        },
        "countries": dict(sorted(names.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iso-json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    data = build(args.iso_json)
    args.output.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
