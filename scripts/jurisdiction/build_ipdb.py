#!/usr/bin/env python3
"""Convert the IPFire location export in Debian's ``tor-geoipdb`` into auditkit's IP tables.

Writes ``auditkit/jurisdiction/data/ipv4-country.bin.gz`` and ``ipv6-country.bin.gz``. The
data is CC BY-SA 4.0 (IPFire Project, https://location.ipfire.org/); the attribution lives in
``IP-DATA-LICENSE.txt`` next to the tables. Refresh, without installing tor::

    python scripts/jurisdiction/build_ipdb.py --download          # apt-get download + dpkg-deb -x
    python scripts/jurisdiction/build_ipdb.py --geoip-dir /usr/share/tor

File format (read by auditkit/jurisdiction/ips.py), gzip-compressed:

    line 1   b"auditkit-ipdb 1\\n"
    line 2   one JSON object + b"\\n": family, count, source, generated, licence
    then     count range starts, delta-encoded (each start minus the previous one):
             IPv4: uint32 little-endian; IPv6: uint64 little-endian high halves (deltas),
             followed by uint64 little-endian low halves (absolute)
    then     count two-letter ASCII codes, one per range

Every address from one start up to the next belongs to that start's code. Gaps in the export
become "--" ranges, so a lookup never borrows a neighbour's country. "EU", "AP" and "??" are kept
as they are: the reader treats them as "unknown", never as EU membership.
"""

from __future__ import annotations

import argparse
import array
import gzip
import ipaddress
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "auditkit" / "jurisdiction" / "data"
MAGIC = b"auditkit-ipdb 1\n"
GAP = "--"


def _rows(path: Path, parse: Callable[[str], int]) -> Iterator[tuple[int, int, str]]:
    for line in path.read_text(encoding="ascii").splitlines():
        if not line or line.startswith("#"):
            continue
        start, end, code = line.split(",")
        yield parse(start), parse(end), code.strip()


def ranges(path: Path, parse: Callable[[str], int], top: int) -> list[tuple[int, str]]:
    """(start, code) pairs covering 0..top-1; adjacent equal codes merged, holes filled with GAP."""
    out: list[tuple[int, str]] = []
    next_free = 0
    for start, end, code in _rows(path, parse):
        if start < next_free:
            raise SystemExit(f"{path}: overlapping or unsorted range at {start}")
        if start > next_free and (not out or out[-1][1] != GAP):
            out.append((next_free, GAP))
        if not out or out[-1][1] != code or start > next_free:
            out.append((start, code))
        next_free = end + 1
    if next_free < top:
        out.append((next_free, GAP))
    return out


def _generated(path: Path) -> str:
    m = re.search(r"^#\s*Generated:\s*(.+)$", path.read_text(encoding="ascii")[:4000], re.M)
    return m.group(1).strip() if m else "unknown"


def encode(family: int, table: list[tuple[int, str]], header: dict[str, object]) -> bytes:
    starts = [s for s, _ in table]
    codes = "".join(c for _, c in table).encode("ascii")
    header = {**header, "family": family, "count": len(table)}
    if family == 4:
        deltas = array.array("I", [starts[0]] + [b - a for a, b in pairwise(starts)])
        body = _le(deltas)
    else:
        high = [s >> 64 for s in starts]
        low = array.array("Q", [s & (2**64 - 1) for s in starts])
        deltas = array.array("Q", [high[0]] + [b - a for a, b in pairwise(high)])
        body = _le(deltas) + _le(low)
    blob = MAGIC + json.dumps(header, sort_keys=True).encode("utf-8") + b"\n" + body + codes
    # mtime=0 keeps the output reproducible for identical input.
    return gzip.compress(blob, compresslevel=9, mtime=0)


def _le(values: array.array[int]) -> bytes:
    if sys.byteorder != "little":
        values = array.array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def download(workdir: Path) -> tuple[Path, str]:
    """Fetch tor-geoipdb's .deb and unpack it; installing it would pull in the tor daemon."""
    subprocess.run(["apt-get", "download", "tor-geoipdb"], cwd=workdir, check=True)
    deb = next(workdir.glob("tor-geoipdb_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(workdir / "root")], check=True)
    _, version, _ = deb.name.split("_", 2)
    return workdir / "root" / "usr" / "share" / "tor", f"tor-geoipdb {version}"


def build(geoip_dir: Path, package: str) -> None:
    v4_path, v6_path = geoip_dir / "geoip", geoip_dir / "geoip6"
    common = {
        "source": f"IPFire Location Database export via Debian {package} (geoip, geoip6)",
        "generated": _generated(v4_path),
        "licence": "CC BY-SA 4.0, IPFire Project, https://location.ipfire.org/",
    }
    v4 = ranges(v4_path, int, 2**32)
    v6 = ranges(v6_path, lambda s: int(ipaddress.IPv6Address(s)), 2**128)
    for name, family, table in (("ipv4-country.bin.gz", 4, v4), ("ipv6-country.bin.gz", 6, v6)):
        blob = encode(family, table, common)
        (DATA / name).write_bytes(blob)
        print(f"wrote {name}: {len(table)} ranges, {len(blob)} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--geoip-dir", type=Path, help="directory holding geoip and geoip6")
    group.add_argument("--download", action="store_true", help="apt-get download tor-geoipdb")
    parser.add_argument(
        "--package", default="tor-geoipdb", help="package name and version, for the header"
    )
    args = parser.parse_args()
    if args.download:
        with tempfile.TemporaryDirectory() as tmp:
            build(*download(Path(tmp)))
    else:
        build(args.geoip_dir, args.package)


if __name__ == "__main__":
    main()
