"""Protected hosts named in service configuration: Spring ``application.yml`` /
``.properties``, .NET ``appsettings.json`` and ``.env`` files.

The endpoint rules find dotted host names and URLs in config values, and the normaliser checks
those against ``gateway.protected_hosts``. What they cannot see is a host without a dot
(``orders-redis``, a Kubernetes short service name) or a host inside a connection string whose
shape is not a URL (``jdbc:oracle:thin:@db:1521:SID``, ``orders-redis:6379,password=...``):
matching every dotless word as an endpoint candidate would flood the non-EU rules. Here only
protected hosts are reported, so a dotless value can be compared with the list when its key
names a host, or when it is written as ``host:port``.

Line-based on purpose: these formats put one setting on a line in practice, and a parser would
lose the column of the host, which is where the finding points.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditkit.protected import host_is_protected, url_host

ENGINE = "config"  # the engine a finding names: this module's own reading of config files
CONFIG_LANGUAGES = frozenset({"yaml", "properties", "dotenv", "json"})


@dataclass(frozen=True)
class HostReference:
    line: int  # 1-based
    column: int  # 1-based, first character of the host
    end_column: int  # 1-based, just after the host
    host: str  # lower-cased, as matched against the policy


# One setting per line, per format: the key and where its value starts.
_PROPERTIES = re.compile(r"^[ \t]*(?P<key>[^\s#!=:][^\s=:]*)[ \t]*[=: \t][ \t]*(?P<value>.*)$")
_DOTENV = re.compile(
    r"^[ \t]*(?:export[ \t]+)?(?P<key>[A-Za-z_][\w.\-]*)[ \t]*=[ \t]*(?P<value>.*)$"
)
# `key: value` or `- value` (a sequence element inherits no key: only host:port and URLs count)
_YAML = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?:(?P<key>[\"']?[\w.\-/$]+[\"']?)[ \t]*:(?:[ \t]+|$))?(?P<value>.*)$"
)
_JSON = re.compile(r"\"(?P<key>(?:[^\"\\]|\\.)*)\"[ \t]*:[ \t]*\"(?P<value>(?:[^\"\\]|\\.)*)\"")

# The last word of a key that names a host: REDIS_HOST, spring.data.redis.host,
# spring.elasticsearch.uris, kafka.bootstrap-servers, ConnectionStrings' Server.
_HOST_WORDS = frozenset(
    {
        "host",
        "hosts",
        "hostname",
        "server",
        "servers",
        "address",
        "addresses",
        "addr",
        "endpoint",
        "endpoints",
        "nodes",
        "uri",
        "uris",
        "url",
        "urls",
        "brokers",
        "dsn",
    }
)
_KEY_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")

# Host tokens inside a value, whatever the key:
_URL = re.compile(r"(?i)(?<![\w+.\-])[a-z][\w+.\-]*(?::[a-z][\w+.\-]*)*:(?://|@)[^\s\"'`<>\\{},;]+")
# ADO.NET / libpq / ODBC: Server=tcp:db,1433; Data Source=db; Host=db
_CONNECTION_KEY = re.compile(
    r"(?i)(?<![\w\-])(?:server|data source|host|hostaddr|hostname|address|addr|endpoint)"
    r"[ \t]*=[ \t]*(?:tcp:)?(?P<host>[\w\-]+(?:\.[\w\-]+)*)"
)
# host:port as a list element (StackExchange.Redis "orders-redis:6379,password=...")
# The port ends the element: rabbitmq:3-management is an image tag, not a host and port.
_HOST_PORT = re.compile(
    r"(?<![\w.\-:/@])(?P<host>[A-Za-z][\w\-]*(?:\.[\w\-]+)*):\d{1,5}(?=$|[\s,;/\"'])"
)
# Keys whose values name container images (docker-compose, Kubernetes): redis:7 is an image
# and its tag, pulled from a registry, never a connection.
_IMAGE_KEYS = frozenset({"image"})
# a whole list element, for keys that name a host
_ELEMENT = re.compile(r"[^\s,;\"'`]+")


def protected_references(
    text: str, language: str, protected: tuple[str, ...]
) -> Iterator[HostReference]:
    """Every protected host that a setting in ``text`` (a file of config ``language``) connects
    to; comments are never read."""
    if not protected or language not in CONFIG_LANGUAGES:
        return
    for number, line in enumerate(text.splitlines(), start=1):
        for key, start, value in _settings(line, language):
            for offset, host in _hosts(key, value):
                if host_is_protected(host, protected):
                    column = start + offset + 1
                    yield HostReference(number, column, column + len(host), host)


def _settings(line: str, language: str) -> Iterator[tuple[str, int, str]]:
    """(key, offset of the value in the line, value) of each setting on a line."""
    stripped = line.lstrip()
    if language == "json":
        if stripped.startswith("//"):  # appsettings.json allows comments
            return
        for m in _JSON.finditer(line):
            yield m.group("key"), m.start("value"), m.group("value")
        return
    if stripped.startswith("#") or (language == "properties" and stripped.startswith("!")):
        return
    pattern = {"properties": _PROPERTIES, "dotenv": _DOTENV, "yaml": _YAML}[language]
    setting = pattern.match(line)
    if setting is None:
        return
    value = setting.group("value")
    if language != "properties":
        # an inline comment starts at " #" (a '#' inside a URL fragment has no space before it)
        cut = value.find(" #")
        value = value[:cut] if cut >= 0 else value
    yield (setting.group("key") or "").strip("\"'"), setting.start("value"), value


def _hosts(key: str, value: str) -> Iterator[tuple[int, str]]:
    """(offset in value, host) of each host token that ``value`` names."""
    for m in _URL.finditer(value):
        host = url_host(m.group())
        if host:
            yield m.start() + _host_offset(m.group(), host), host
    for m in _CONNECTION_KEY.finditer(value):
        yield m.start("host"), m.group("host").lower()
    if key.lower() in _IMAGE_KEYS:
        return
    for m in _HOST_PORT.finditer(value):
        yield m.start("host"), m.group("host").lower()
    if _names_host(key):
        for m in _ELEMENT.finditer(value):
            host = url_host(m.group()) if "://" not in m.group() else None
            if host and m.group().lower().startswith(host):
                yield m.start(), host


def _host_offset(token: str, host: str) -> int:
    at = token.lower().find(host, token.find(":") + 1)
    return max(at, 0)


def _names_host(key: str) -> bool:
    last = re.split(r"[.:/]", key)[-1] if key else ""
    words = [w.lower() for w in _KEY_WORDS.findall(last)]
    return bool(words) and words[-1] in _HOST_WORDS
