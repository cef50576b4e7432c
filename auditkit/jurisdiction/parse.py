"""Endpoint text -> its parts: scheme, host (or IP), port. Syntax only; whether a name is public,
internal or not a host at all is decided in domains.py and the classifier.

Accepted: URLs of any scheme (https, s3, gs, postgresql, mongodb+srv, jdbc:..., Oracle thin
``jdbc:oracle:thin:@host:1521:SID``), host[:port][/path], IPv4 and IPv6 literals, bracketed or
not. Rejected (None): e-mail addresses, URNs, data/mailto/file URLs, XML namespace and schema
URIs, and templates whose host is a placeholder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditkit.jurisdiction.ips import IPAddress, parse_ip


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Schemes whose "host" is a bucket or container name, not a DNS name: (scheme -> provider).
BUCKET_SCHEMES = {
    "s3": "aws", "s3a": "aws", "s3n": "aws", "gs": "gcp", "gcs": "gcp", "oss": "alibaba",
    "cos": "tencent", "obs": "huawei", "az": "azure", "adl": "azure", "r2": "cloudflare",
    "b2": "backblaze",
}  # fmt: skip
_NO_HOST_SCHEMES = frozenset(
    {"file", "data", "mailto", "about", "javascript", "blob", "urn", "tel"}
)
# URIs that identify a vocabulary, not a server: XML namespaces, JSON Schema, POM, SOAP.
_NAMESPACE_HOSTS = _words(
    """www.w3.org w3.org json-schema.org schemas.xmlsoap.org schemas.microsoft.com
    schemas.openxmlformats.org schemas.android.com xmlns.jcp.org java.sun.com maven.apache.org
    www.springframework.org purl.org ns.adobe.com docs.oasis-open.org www.oasis-open.org
    json.schemastore.org www.opengis.net xmlns.oracle.com schemas.datacontract.org tempuri.org
    www.sitemaps.org xml.org apache.org xml.apache.org www.omg.org"""
)
_NAMESPACE_PREFIXES = ("xmlns.",)
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<rest>.*)$", re.S)
_JDBC = re.compile(r"^jdbc:(?:[a-z0-9]+:)*(?=[a-z][a-z0-9+.-]*://)", re.I)
_ORACLE_THIN = re.compile(r"^jdbc:oracle:[a-z]+:[^@]*@(?P<rest>.+)$", re.I | re.S)
_TNS_HOST = re.compile(r"\(\s*host\s*=\s*([^)\s]+)\s*\)", re.I)
_PLACEHOLDER = re.compile(r"[$%{}<>()\[\]*]")
_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Parsed:
    kind: str  # "url" | "host" | "ip"
    endpoint: str  # the endpoint text as recognised
    original_host: str  # the host as written (case kept): code-likeness depends on case
    host: str  # lower case host name or IP text (no brackets); "" for a bucket URL
    scheme: str | None
    port: int | None
    bare: bool  # no scheme and no port: needs more evidence that it is a host at all
    address: IPAddress | None = None  # the host as an IP address, when it is one
    has_path: bool = False  # host/path without a scheme: an image reference or a module path
    bucket_provider: str | None = None  # s3://, gs://...: the provider the scheme names


def parse(text: str) -> Parsed | None:
    t = text.strip()
    if not t or len(t) > 2048 or _SPACE.search(t):
        return None
    lower = t.lower()
    if lower.startswith("jdbc:oracle:") and "@" in t:
        return _oracle_thin(t)
    m = _URL.match(_JDBC.sub("", t))
    if m:
        return _url(t, m.group("scheme").lower(), m.group("rest"))
    if lower.startswith(("urn:", "mailto:", "data:", "xmlns")) or "@" in t:
        return None  # e-mail addresses, URNs and other identifiers name no server
    return _hostport(t, t, scheme=None)


def _url(text: str, scheme: str, rest: str) -> Parsed | None:
    if scheme in _NO_HOST_SCHEMES:
        return None
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if scheme in BUCKET_SCHEMES and "@" not in authority:
        if not authority:
            return None
        return Parsed(
            "url", text, authority, "", scheme, None, False, bucket_provider=BUCKET_SCHEMES[scheme]
        )
    # user:password@ goes; only the first of several hosts (mongodb://h1,h2/) is classified,
    # and JDBC/ADO-style ";key=value" tails are not part of the host.
    authority = authority.rsplit("@", 1)[-1].split(",", 1)[0].split(";", 1)[0]
    parsed = _hostport(text, authority, scheme=scheme)
    if parsed is None or parsed.kind == "ip":
        return parsed
    host = parsed.host
    if host in _NAMESPACE_HOSTS or host.startswith(_NAMESPACE_PREFIXES):
        return None
    return parsed


def _oracle_thin(text: str) -> Parsed | None:
    m = _ORACLE_THIN.match(text)
    if not m:
        return None
    rest = m.group("rest")
    tns = _TNS_HOST.search(rest)
    if tns:
        authority = tns.group(1)
    else:
        # @//host:1521/service or @host:1521:SID
        authority = rest.lstrip("/").split("/", 1)[0]
        parts = authority.split(":")
        authority = ":".join(parts[:2]) if len(parts) > 2 else authority
    parsed = _hostport(text, authority, scheme="jdbc:oracle")
    if parsed is None:
        return None
    return Parsed(
        "url", text, parsed.original_host, parsed.host, "jdbc:oracle", parsed.port, False,
        address=parsed.address,
    )  # fmt: skip


def _hostport(text: str, authority: str, scheme: str | None) -> Parsed | None:
    """host, host:port, IPv4[:port], [IPv6][:port] or bare IPv6, with an optional /path."""
    kind = "url" if scheme else "host"
    if authority.startswith("["):
        end = authority.find("]")
        if end < 0:
            return None
        address = parse_ip(authority[1:end])
        tail = authority[end + 1 :]
        port = _port(tail[1:]) if tail.startswith(":") else None
        if address is None or (tail and not tail.startswith(("/", ":"))):
            return None
        host = str(address)
        return Parsed(kind if scheme else "ip", text, host, host, scheme, port, False, address)
    hostport = authority if scheme else authority.split("/", 1)[0]
    if hostport.count(":") >= 2:  # bare IPv6, no port possible
        address = parse_ip(hostport)
        if address is None:
            return None
        host = str(address)
        return Parsed(kind if scheme else "ip", text, host, host, scheme, None, False, address)
    host, _, port_text = hostport.partition(":")
    port = _port(port_text) if port_text else None
    if port_text and port is None and not _PLACEHOLDER.search(port_text):
        return None  # "key:value" is not host:port
    host = host.rstrip(".")
    address = parse_ip(host)
    if address is not None:
        return Parsed(
            kind if scheme else "ip", text, host, str(address), scheme, port, False, address
        )
    if re.fullmatch(r"[\d.]+", host):
        return None  # 1.2.3.4.5, 1.2.3: numbers, not addresses
    concrete = _concrete(host)
    if concrete is None:
        return None
    lower = concrete.lower()
    try:
        ascii_host = lower.encode("idna").decode("ascii") if not lower.isascii() else lower
    except UnicodeError:
        return None
    if len(ascii_host) > 253 or not all(_LABEL.match(x) for x in ascii_host.split(".")):
        return None
    bare = scheme is None and port is None
    has_path = scheme is None and "/" in authority
    return Parsed(kind, text, concrete, ascii_host, scheme, port, bare, has_path=has_path)


def _port(text: str) -> int | None:
    if text.isdigit() and 0 < int(text) < 65536:
        return int(text)
    return None


def _concrete(host: str) -> str | None:
    """The part of a templated host that is fixed: "{bucket}.s3.amazonaws.com" ->
    "s3.amazonaws.com"; None when nothing concrete is left ("${HOST}", "api.%s.com")."""
    if not host:
        return None
    if not _PLACEHOLDER.search(host):
        return host
    labels = host.split(".")
    last = max(i for i, label in enumerate(labels) if _PLACEHOLDER.search(label))
    rest = labels[last + 1 :]
    if len(rest) < 2:
        return None
    return ".".join(rest)
