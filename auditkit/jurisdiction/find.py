"""Spans inside a string literal that may be endpoints. Called on every literal of a scan, so it
is one compiled regex pass plus dictionary lookups; the classifier has the last word on each span.

A region code counts only when it is the whole literal ("eu-west-2", "West Europe"): the same
words inside prose ("deployed to eu-west-2 last year") are not configuration.
"""

from __future__ import annotations

import re

from auditkit.jurisdiction import regions
from auditkit.jurisdiction.ips import parse_ip

_TRAILING = ".,;:!?)]}'\""
_SCAN = re.compile(
    r"""
    (?P<url>(?<![\w+.-])(?:jdbc:(?:[a-z0-9]+:)*)?[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\s"'<>`\\]+)
  | (?P<oracle>(?<![\w.-])jdbc:oracle:[a-z]+:[^\s"'@]*@[^\s"']+)
  | (?P<arn>(?<![\w-])arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]+:[^\s"']*)
  | (?P<v6b>\[[0-9A-Fa-f:.%]+\](?::\d{1,5})?)
  | (?P<v4>(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?:/\d{1,2}|:\d{1,5})?(?![\w]|\.\d))
  | (?P<host>(?<![\w@./$%{-])(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\.)+
        [A-Za-z][A-Za-z0-9-]{0,62}(?::\d{1,5})?(?![\w@-]|\.[A-Za-z0-9])(?:/[^\s"'<>`\\,;]*)?)
  | (?P<v6>(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:.]))
  | (?P<local>(?<![\w.-])localhost(?::\d{1,5})?(?![\w.-]))
    """,
    re.VERBOSE,
)
_HOSTPORT = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,62}:\d{1,5}$")  # redis:6379
_REGIONISH = re.compile(r"^[A-Za-z][A-Za-z0-9 _./:-]{0,62}$")
# ".s3.us-east-1.amazonaws.com/key": the constant tail of a templated host name, as semgrep
# splits f"https://{bucket}.s3..." and `s3.${x}.us-east-1...`; the classifier keeps it only
# when it names a cloud region.
_HOST_TAIL = re.compile(r"^\.[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,63}(?::\d{1,5})?(?:/\S*)?$")


def find_endpoints(literal_value: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every possible endpoint in ``literal_value``, left to right."""
    stripped = literal_value.strip()
    if not stripped:
        return []
    start = literal_value.index(stripped)
    whole = (start, start + len(stripped), stripped)
    if _REGIONISH.match(stripped) and regions.resolve(stripped) is not None:
        return [whole]
    if _HOSTPORT.match(stripped) or _HOST_TAIL.match(stripped):
        return [whole]
    if "." not in literal_value and ":" not in literal_value:
        return []
    out: list[tuple[int, int, str]] = []
    for m in _SCAN.finditer(literal_value):
        kind = m.lastgroup
        text = m.group()
        if kind in ("url", "oracle", "arn", "host"):
            text = text.rstrip(_TRAILING) or text
        elif kind == "v6" and parse_ip(text) is None:
            continue  # "12:30:45", "a::b" in prose
        elif kind == "v4":
            text = text.split("/", 1)[0]
        out.append((m.start(), m.start() + len(text), text))
    return out
