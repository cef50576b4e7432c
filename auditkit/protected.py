"""Protected internal hosts (policy ``gateway.protected_hosts``): URL host extraction and
glob matching."""

from __future__ import annotations

from fnmatch import fnmatchcase
from urllib.parse import urlsplit


def url_host(value: str) -> str | None:
    """The lower-cased host of a URL or of a bare ``host[:port][/path]``; None if none."""
    text = value.strip()
    if not text:
        return None
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


def host_is_protected(host: str, protected: tuple[str, ...]) -> bool:
    h = host.lower().rstrip(".")
    return any(fnmatchcase(h, p.lower().rstrip(".")) for p in protected)
