"""Host names that are not cloud endpoints: internal names, country-code domains, and the
dotted words in code that only look like host names.

A ccTLD says where a domain is *registered*, not where its server is: it is reported with
basis "cctld", a weaker kind of evidence than a cloud region or an IP location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import publicsuffixlist
from publicsuffixlist import PublicSuffixList

from auditkit import datacache
from auditkit.jurisdiction import _data
from auditkit.jurisdiction.groups import eu_place
from auditkit.jurisdiction.places import Place, is_country, of_country


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Suffixes that never resolve on the public internet (RFC 6761/6762/8375, ICANN's .internal
# reservation, Kubernetes and Consul service names, common LAN conventions).
_INTERNAL_SUFFIXES = (
    "localhost", "local", "internal", "intranet", "lan", "home", "corp", "private", "localdomain",
    "home.arpa", "svc", "cluster.local", "consul", "test", "invalid", "example",
)  # fmt: skip
# Second-level names reserved for documentation (RFC 2606): placeholders, not endpoints.
_DOCUMENTATION_DOMAINS = ("example.com", "example.net", "example.org")

# Legacy generic TLDs: a bare "name.com" in a literal is almost always a real host.
_LEGACY_GTLDS = _words(
    "com net org info biz edu gov mil int name pro mobi asia tel travel jobs aero coop cat"
)
# ccTLDs that are also file extensions: "main.tf", "setup.py", "README.md", "lib.rs" are files.
# A two-label bare name ending in one of these is read as a file name.
_FILE_EXTENSION_TLDS = _words(
    "py pl pm rs sh md tf so in am ac ps cc mk ml gd ai sc st bz cl ts js go rb kt cs pro mo"
)
# First labels that start dotted paths in code and configuration, never host names.
_CODE_ROOTS = _words(
    """self this cls super os sys tool project spring logging window document console process
    module exports math np pd django flask request response req res ctx args kwargs props state
    obj opts parent event err java javax jakarta android androidx kotlin kotlinx scala com org net
    edu gov mil io"""
)
# File stems that take an environment suffix: Dockerfile.dev, requirements.dev, values.prod.
_FILE_STEMS = _words(
    """dockerfile containerfile makefile jenkinsfile procfile vagrantfile gemfile brewfile readme
    license changelog requirements compose docker-compose values settings config appsettings
    application env"""
)
# Hosts whose scheme-less "host/path" strings are Go import paths and module or repository
# names ("github.com/aws/aws-sdk-go-v2/aws"), not endpoints the code connects to.
_MODULE_HOSTS = _words(
    """github.com gitlab.com bitbucket.org golang.org google.golang.org go.googlesource.com
    gopkg.in k8s.io sigs.k8s.io go.uber.org go.mongodb.org go.opentelemetry.io go.etcd.io
    honnef.co mvdan.cc cloud.google.com"""
)
_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
# TLDs that end dotted identifiers far more often than host names, bare: .id ("http.req.id",
# "trace.id"), .name ("selected.name", "incident.name" in Vue and JS state code), .to (a
# message's recipient: "definition.nodes.config.to", "nodes.0.config.to") and .info (icon and
# log names: "misc.info", "logger.info"). .to and .info also say nothing about where a host is
# (a generic-use ccTLD, a legacy gTLD), so a bare one could only ever be an unverified finding:
# written with a scheme, a port or a path ("https://misc.info") it is still classified.
_IDENTIFIER_TLDS = frozenset({"id", "name", "to", "info"})
_CAMEL = re.compile(r"[a-z][A-Z]|^[A-Z][a-z]")


@dataclass(frozen=True)
class TldInfo:
    tld: str
    place: Place | None  # None: the TLD says nothing about location
    kind: str  # "cctld" | "eu" | "geo" | "generic-cc" | "gtld"


@dataclass(frozen=True)
class _Tables:
    cctld: dict[str, str]
    generic: frozenset[str]
    geo: dict[str, str]


@cache
def _tables() -> _Tables:
    data = _data.read_toml("tlds.toml")
    return _Tables(dict(data["cctld"]), frozenset(data["generic"]["codes"]), dict(data["geo"]))


@cache
def _psl() -> PublicSuffixList:
    """The list that ships with ``publicsuffixlist``, with the punycode form of every IDN rule.

    The library's own parser punycodes every one of ~10,000 rules on each start (~0.1 s);
    only the few hundred non-ASCII rules need it, and the expanded rule list is cached.
    """
    with open(publicsuffixlist.PSLFILE, "rb") as f:
        source = f.read()
    rules = datacache.parsed("psl-rules/1", source, _rules_with_punycode)
    # accept_unknown=False: an unknown TLD means "not a public name", never a guess.
    return PublicSuffixList(rules, accept_unknown=False, accept_encoded_idn=False)


def _rules_with_punycode(source: bytes) -> list[str]:
    """The list's rules as the library reads them, each IDN rule followed by its punycode."""
    rules = []
    for raw in source.splitlines():
        rule = raw.decode("utf-8", "surrogateescape").lower().split(" ")[0].rstrip()
        if not rule or rule.startswith("//"):
            continue
        rules.append(rule)
        if not rule.isascii():
            bang = "!" if rule.startswith("!") else ""
            rules.append(bang + publicsuffixlist.encode_idn(rule.lstrip("!")))
    return rules


def valid_hostname(host: str, allow_underscore: bool) -> bool:
    if not host or len(host) > 253:
        return False
    for label in host.split("."):
        if not _LABEL.match(label) or (not allow_underscore and "_" in label):
            return False
    return True


@dataclass(frozen=True)
class InternalName:
    why: str
    kind: str  # "single-label" | "internal-suffix" | "documentation" | "unknown-tld"


def internal_name(host: str) -> InternalName | None:
    """Why ``host`` (lower case) is not a public name, or None when it may be public."""
    if "." not in host:
        return InternalName(
            "single-label name: it resolves only inside a cluster or a private network",
            "single-label",
        )
    for suffix in _INTERNAL_SUFFIXES:
        if host == suffix or host.endswith("." + suffix):
            return InternalName(
                f".{suffix} names are not resolvable on the public internet", "internal-suffix"
            )
    for domain in _DOCUMENTATION_DOMAINS:
        if host == domain or host.endswith("." + domain):
            return InternalName(
                f"{domain} is reserved for documentation (RFC 2606)", "documentation"
            )
    if public_suffix(host) is None:
        return InternalName(
            "not a public DNS name (unknown top-level domain): an internal name", "unknown-tld"
        )
    return None


def public_suffix(host: str) -> str | None:
    """The public suffix (ICANN or private section of the PSL), None for an unknown TLD."""
    suffix: str | None = _psl().publicsuffix(host)
    return suffix


def tld_info(host: str) -> TldInfo:
    tld = host.rsplit(".", 1)[-1]
    tables = _tables()
    if tld in tables.generic:
        return TldInfo(tld, None, "generic-cc")
    mapped = tables.cctld.get(tld)
    if mapped == "EU":
        return TldInfo(tld, eu_place(), "eu")
    if mapped:
        return TldInfo(tld, of_country(mapped), "cctld")
    if len(tld) == 2 and is_country(tld.upper()):
        return TldInfo(tld, of_country(tld.upper()), "cctld")
    if tld in tables.geo:
        return TldInfo(tld, of_country(tables.geo[tld]), "geo")
    return TldInfo(tld, None, "gtld")


def is_module_host(host: str) -> bool:
    return host in _MODULE_HOSTS


def plausible_bare_host(original: str, host: str) -> bool:
    """Whether a dotted word with neither scheme nor port is a host name rather than code.

    ``original`` keeps the case as written: hosts are written in lower case, while
    ``self.client.getUser`` or ``Dockerfile.dev`` are not.
    """
    labels = host.split(".")
    if any(_CAMEL.search(label) for label in original.split(".")):
        return False
    # Host names never hold "_", dotted code paths often do ("github.event.workflow_run.id").
    if "_" in host:
        return False
    if labels[0] in _CODE_ROOTS or (len(labels) == 2 and labels[0] in _FILE_STEMS):
        return False
    tld = labels[-1]
    if len(labels) == 2 and tld in _FILE_EXTENSION_TLDS:
        return False
    # ".id" ends identifiers far more often than Indonesian hosts ("http.req.id", "trace.id");
    # with a scheme or a port such a host is still classified (see _IDENTIFIER_TLDS).
    if tld in _IDENTIFIER_TLDS:
        return False
    suffix = public_suffix(host)
    if suffix is None:
        return False
    if tld in _LEGACY_GTLDS or len(tld) == 2 or tld.startswith("xn--") or tld in _tables().geo:
        return True
    # New gTLDs are English words (.dev, .app, .storage, .email) that end dotted paths in code
    # ("tool.poetry.group.dev", "google.cloud.storage"). Accept them bare only under a
    # platform suffix from the PSL's private section (fly.dev, web.app, pages.dev).
    return "." in suffix
