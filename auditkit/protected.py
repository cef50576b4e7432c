"""Protected internal hosts (policy ``gateway.protected_hosts``): URL host extraction and
glob matching."""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from urllib.parse import urlsplit

# Wrapped schemes put the real one last: jdbc:postgresql://h, r2dbc:pool:postgresql://h; Oracle's
# thin driver writes jdbc:oracle:thin:@h:1521:SID or jdbc:oracle:thin:@//h:1521/service.
_WRAPPED_URL = re.compile(r"(?i)^[a-z][\w+.\-]*(?::[a-z][\w+.\-]*)+:(?://|@(?://)?)")


def url_host(value: str) -> str | None:
    """The lower-cased host of a URL or of a bare ``host[:port][/path]``; None if none."""
    text = value.strip()
    if not text:
        return None
    wrapped = _WRAPPED_URL.match(text)
    if wrapped is not None:
        text = "//" + text[wrapped.end() :]
    elif "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


def host_is_protected(host: str, protected: tuple[str, ...]) -> bool:
    h = host.lower().rstrip(".")
    return any(fnmatchcase(h, p.lower().rstrip(".")) for p in protected)
