"""IP literals: special-purpose ranges first (stdlib ``ipaddress`` plus an explicit table, so
every verdict names the RFC it rests on), then the country of a public address from the IPFire
location database (CC BY-SA 4.0, see data/IP-DATA-LICENSE.txt).

The tables are loaded on the first IP lookup only, and searched with ``bisect`` over compact
arrays. The database's "EU", "AP" and "??" codes are regional or unknown registrations, never a
statement of EU membership: they come back as "unknown".
"""

from __future__ import annotations

import array
import gzip
import ipaddress
import json
import re
import sys
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any

from auditkit import datacache
from auditkit.jurisdiction import _data

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_SPECIAL_V4 = [
    ("0.0.0.0/8", "'this network' / unspecified address (RFC 1122)"),
    ("10.0.0.0/8", "private address (RFC 1918)"),
    ("100.64.0.0/10", "carrier-grade NAT shared address space (RFC 6598)"),
    ("127.0.0.0/8", "loopback address"),
    ("169.254.0.0/16", "link-local address"),
    ("172.16.0.0/12", "private address (RFC 1918)"),
    ("192.0.0.0/24", "IETF protocol assignment (RFC 6890)"),
    ("192.0.2.0/24", "documentation address TEST-NET-1 (RFC 5737)"),
    ("192.88.99.0/24", "deprecated 6to4 relay anycast (RFC 7526)"),
    ("192.168.0.0/16", "private address (RFC 1918)"),
    ("198.18.0.0/15", "benchmarking address (RFC 2544)"),
    ("198.51.100.0/24", "documentation address TEST-NET-2 (RFC 5737)"),
    ("203.0.113.0/24", "documentation address TEST-NET-3 (RFC 5737)"),
    ("224.0.0.0/4", "multicast address"),
    ("240.0.0.0/4", "reserved address (RFC 1112)"),
]
_SPECIAL_V6 = [
    ("::/128", "unspecified address"),
    ("::1/128", "loopback address"),
    ("100::/64", "discard-only address (RFC 6666)"),
    ("2001:db8::/32", "documentation address (RFC 3849)"),
    ("3fff::/20", "documentation address (RFC 9637)"),
    ("fc00::/7", "unique local address (RFC 4193)"),
    ("fe80::/10", "link-local address"),
    ("ff00::/8", "multicast address"),
    ("64:ff9b:1::/48", "local-use NAT64 address (RFC 8215)"),
]
# (version, first, last, why) as plain integers: comparing ints is much cheaper than
# ipaddress's network membership test, and this runs for every IP literal of a scan.
_SPECIAL = [
    (n.version, int(n.network_address), int(n.broadcast_address), why)
    for n, why in ((ipaddress.ip_network(net), why) for net, why in _SPECIAL_V4 + _SPECIAL_V6)
]
_IPISH = re.compile(r"^[0-9A-Fa-f:.]+(?:%[\w.-]+)?$")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
UNKNOWN_CODES = frozenset({"--", "??", "EU", "AP"})


@dataclass(frozen=True)
class IpFacts:
    address: IPAddress  # the address that was looked up (IPv4 for mapped/NAT64/6to4 forms)
    internal: str | None  # why the address is not a public endpoint
    code: str | None  # the database's code: ISO country, or one of UNKNOWN_CODES


def parse_ip(text: str) -> IPAddress | None:
    if not _IPISH.match(text):
        return None  # a host name: skip the (slow) exception path of ipaddress
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None


def _embedded_v4(address: IPAddress) -> IPAddress:
    """The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 IPv6 address."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.sixtofour is not None:
            return address.sixtofour
        if address in _NAT64:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def special_reason(address: IPAddress) -> str | None:
    value = int(address)
    for version, first, last, why in _SPECIAL:
        if address.version == version and first <= value <= last:
            return why
    if not address.is_global:
        return "reserved address, not globally routable"
    return None


def facts(address: IPAddress) -> IpFacts:
    address = _embedded_v4(address)
    why = special_reason(address)
    if why is not None:
        return IpFacts(address, why, None)
    return IpFacts(address, None, lookup(address))


def lookup(address: IPAddress) -> str:
    table = _table(address.version)
    value = int(address)
    i = bisect_right(table.starts, value) - 1 if address.version == 4 else _bisect_v6(table, value)
    return table.codes[2 * i : 2 * i + 2].decode("ascii") if i >= 0 else "--"


@dataclass(frozen=True)
class _Table:
    header: dict[str, Any]
    starts: array.array[int]  # IPv4: starts; IPv6: high 64 bits of the starts
    low: array.array[int]  # IPv6 only: low 64 bits of the starts
    codes: bytes


def _bisect_v6(table: _Table, value: int) -> int:
    high, low = value >> 64, value & 0xFFFFFFFFFFFFFFFF
    i = bisect_right(table.starts, high) - 1
    # Ranges may start inside a /64: step back over the starts with this high half that
    # begin after the address.
    while i >= 0 and table.starts[i] == high and table.low[i] > low:
        i -= 1
    return i


def _read(blob: bytes, offset: int, typecode: str, count: int) -> array.array[int]:
    values = array.array(typecode)
    size = values.itemsize * count
    values.frombytes(blob[offset : offset + size])
    if sys.byteorder != "little":
        values.byteswap()
    return values


@cache
def _table(version: int) -> _Table:
    packed = _data.read_bytes(f"ipv{version}-country.bin.gz")
    # Unpacking (gunzip, then summing ~400,000 deltas) costs ~50 ms: cached per packed file.
    raw = datacache.derived_bytes(f"ip-table/{version}/1", packed, lambda p: _unpack(p, version))
    header, offset = _header(raw)
    n = int(header["count"])
    typecode = "I" if version == 4 else "Q"
    starts = _read(raw, offset, typecode, n)
    offset += starts.itemsize * n
    low = array.array("Q")
    if version == 6:
        low = _read(raw, offset, "Q", n)
        offset += low.itemsize * n
    return _Table(header, starts, low, raw[offset : offset + 2 * n])


def _header(raw: bytes) -> tuple[dict[str, Any], int]:
    magic_end = raw.index(b"\n") + 1
    header_end = raw.index(b"\n", magic_end) + 1
    header: dict[str, Any] = json.loads(raw[magic_end:header_end])
    return header, header_end


def _unpack(packed: bytes, version: int) -> bytes:
    """The shipped file decompressed, with the starts (IPv6: their high halves) summed from
    their deltas: the same layout, ready to read."""
    raw = gzip.decompress(packed)
    header, offset = _header(raw)
    n = int(header["count"])
    deltas = _read(raw, offset, "I" if version == 4 else "Q", n)
    starts = array.array(deltas.typecode, accumulate(deltas))
    if sys.byteorder != "little":
        starts.byteswap()
    return raw[:offset] + starts.tobytes() + raw[offset + starts.itemsize * n :]


def database_info() -> dict[str, Any]:
    """Source, generation date and licence of the IP data (for reports)."""
    return dict(_table(4).header)
