"""Endpoint-shaped values that are data, not connection targets (issue 12, class 6).

A visitor's IP in a sample webhook payload, the network ranges of an allow-list, the test
vectors of an IP-range helper, a browser version ("Chrome/127.0.0.0") or SVG path data
("M10,20.5.3.1,5") have the shape of an address but nothing connects to them. They are told
apart by their context on the line: the key or parameter name before the value, the call the
value is passed to, CIDR notation, the text around it. Pure functions over text; the
normaliser decides what a finding becomes (dropped, or kept for the inventory at info).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class DataContext:
    """Why a value is data; ``endpoint`` False: not an endpoint at all (drop it)."""

    reason: str
    endpoint: bool


# Keys that name an address observed on a request (who called), not one to call: "ip",
# "client_ip", "remoteAddr", "X-Forwarded-For". A "server_ip" or "db_host" is a target and is
# not listed. The key may be quoted and is followed by ":" or "=" (JSON, YAML, HTTP headers,
# keyword arguments).
_PEER_KEY = re.compile(
    r"""(?ix)(?:^|[^\w-])
    (?: (?:client|remote|visitor|user|source|src|origin|real|peer|caller|customer|request|login
          |last[_-]?login|signup|device|viewer|sender|end[_-]?user)[_-]?
        (?:ip|ip[_-]?addr(?:ess)?|addr(?:ess)?)
      | ip | ip[_-]?addr(?:ess)? | ipv[46](?:[_-]?addr(?:ess)?)?
      | x-forwarded-for | x-real-ip | x-client-ip | forwarded(?:[_-]for)? | cf-connecting-ip
      | true-client-ip
    )["']?[ \t]*[:=][ \t]*["'`]?[ \t]*$"""
)
# Keys that name a version: "browser_version": "124.0.0.0".
_VERSION_KEY = re.compile(r"""(?i)(?:version|(?<![a-z])ver)["']?[ \t]*[:=][ \t]*["'`]?[ \t]*$""")
# Calls that parse or test addresses (the value is an operand, not a destination):
# ipaddress.ip_address("8.8.8.8"), net.ParseIP, netip.MustParseAddr, ip_in_range(...).
_ADDRESS_CALL = re.compile(
    r"""(?x)(?:ip_address|ip_network|ip_interface|IPv[46]Address|IPv[46]Network|ParseIP|ParseCIDR
      |(?:Must)?Parse(?:Addr|Prefix)|[iI]s[_A-Z]?[pP]rivate|[iI]n[_A-Z]?[rR]ange|[iI]p[_A-Z]?[iI]n[_A-Z]\w*
      |[cC]idr[_A-Z]?[cC]ontains|[iI]s[_A-Z]?[iI]n[_A-Z]?(?:[nN]et|[sS]ubnet|[rR]ange)\w*|[cC]ontains(?:IP|Addr)?
      |[mM]atches(?:IP|Cidr|CIDR)?)
    [ \t]*\([^()]*?[rbuRBU]?["'`]$"""
)
# A browser or product version: "Chrome/127.0.0.0", "AppleWebKit/537.36".
_PRODUCT_VERSION = re.compile(r"[A-Za-z][\w.\-]*/$")
# SVG path data: move-to first, then only commands and numbers.
_SVG_PATH = re.compile(r"^\s*[Mm][\s\d.,eE+\-]*(?:[MmLlHhVvCcSsQqTtAaZz][\s\d.,eE+\-]*)+$")
_IP = re.compile(r"^\[?[0-9a-fA-F:.]+(?:%[\w.]+)?\]?(?::\d{1,5})?(?:/\d{1,3})?$")
# A container image reference: a Dockerfile FROM line, or the value of an `image` key (Compose,
# Kubernetes, Helm values, Terraform: `image: ghcr.io/org/app:1.2`, `"image": "..."`). The
# registry is where the image is pulled from at build or deploy time; it receives no
# application data, so it is inventory (info), not a residency finding.
_IMAGE_BEFORE = re.compile(
    r"""(?ix)(?:^[ \t]*FROM[ \t]+(?:--[\w-]+=\S+[ \t]+)*
      |(?:^|[\s{,"'])image["']?[ \t]*[:=][ \t]*["']?)$"""
)
_IMAGE_TOKEN = re.compile(r"^[\w.-]+(?::\d{1,5})?/[\w./-]+(?::[\w.-]+)?(?:@sha256:[0-9a-f]{64})?$")
_CIDR = re.compile(r"/\d{1,3}$")


def classify(token: str, before: str, literal: str) -> DataContext | None:
    """Whether the address ``token`` is data (or a container image reference), from ``before``
    (the text on its line up to it) and ``literal`` (the string that holds it, as far as its
    line shows)."""
    if _IMAGE_TOKEN.match(token) and _IMAGE_BEFORE.search(before):
        return DataContext(
            "a container image reference: the image is pulled from this registry, which "
            "receives no application data",
            endpoint=True,
        )
    if not _IP.match(token) or not any(c.isdigit() for c in token):
        return None
    if _SVG_PATH.match(literal):
        return DataContext("SVG path data, not an address", endpoint=False)
    if _PRODUCT_VERSION.search(before):
        return DataContext("a product version (Name/1.2.3.4), not an address", endpoint=False)
    if _VERSION_KEY.search(before):
        return DataContext("the value of a version key, not an address", endpoint=False)
    if _CIDR.search(token):
        return DataContext(
            "a network range in CIDR notation (an allow-list or a route), not a connection target",
            endpoint=True,
        )
    if _PEER_KEY.search(before):
        return DataContext(
            "the value of a key that records a peer's address (a visitor or client IP in a "
            "payload), not a connection target",
            endpoint=True,
        )
    if _ADDRESS_CALL.search(before):
        return DataContext(
            "an operand of an address parser or range test, not a connection target",
            endpoint=True,
        )
    return None
