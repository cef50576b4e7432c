"""The project's own domains, proposed for ``[jurisdiction] allow_hosts``, never applied.

Most unverified endpoints of a SaaS code base are its own product domains (api.acme.io,
app.acme.io): hundreds of info findings that hide the few third parties among them. Only the
project can say which domains are its own, so auditkit proposes them with the evidence that
points there, and the auditor copies what holds into the policy:

- package metadata names them: homepage, repository, documentation and bug-tracker URLs in
  pyproject.toml, setup.cfg, package.json, composer.json, Cargo.toml and pom.xml;
- the repository's own identity names them: the git remote's owner and repository name, and
  the packages' names, equal to the domain's own label (``acme`` of ``acme.io``);
- the code uses them: how many places and files reach hosts below the domain (shown, and the
  order of the proposals, but never enough on its own: a third party is used a lot too).

Only domains with unverified endpoints are proposed (nothing else would change), and never a
domain the vendor catalogue knows: a named vendor is a third party. A name is weaker evidence
than a URL: it does not count when it is the label of a known third party's domain (a folder
``docker/`` whose package.json is named "docker" says nothing about docker.io), and in a
sub-folder's package.json only the npm scope counts (``@acme/web`` in ``apps/web``: "acme"),
since such packages are named after what they hold ("docker", "email", "database").
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from publicsuffixlist import PublicSuffixList

from auditkit.core.model import Category, Finding
from auditkit.jurisdiction.catalogue import catalogue
from auditkit.jurisdiction.domains import public_suffix
from auditkit.jurisdiction.vendors import vendor_catalogue

__all__ = ["FirstPartyDomain", "first_party_domains", "registrable_domain"]

_METADATA = frozenset(
    {"pyproject.toml", "setup.cfg", "package.json", "composer.json", "Cargo.toml", "pom.xml"}
)
# Folders whose metadata describes someone else's package (installed dependencies, vendored
# code, build output), so their homepages are third parties.
_FOREIGN_DIRS = frozenset(
    {"node_modules", "vendor", "third_party", "third-party", "site-packages", "bower_components",
     "build", "dist", "target", "out", "venv", ".venv"}
)  # fmt: skip
_MAX_DEPTH = 4  # metadata of a monorepo's packages sits a few folders down, never deeper
# Hosting and registry sites that a project's metadata points at without being the project's.
_NOT_OWN = frozenset(
    {"github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "sr.ht", "sourceforge.net",
     "githubusercontent.com", "npmjs.com", "npmjs.org", "yarnpkg.com", "pypi.org",
     "python.org", "readthedocs.io", "readthedocs.org", "rtfd.io", "maven.org", "apache.org",
     "crates.io", "docs.rs", "packagist.org", "opensource.org", "spdx.org", "w3.org",
     "shields.io", "jsdelivr.net", "unpkg.com", "gitter.im", "discord.gg", "discord.com",
     "twitter.com", "x.com", "linkedin.com", "medium.com", "youtube.com", "slack.com",
     "google.com", "microsoft.com", "example.com", "example.org", "localhost",
     # container registries: image references name them in every project that ships one
     "docker.io", "docker.com", "ghcr.io", "quay.io", "gcr.io"}
)  # fmt: skip
# Name tokens too common to tie a domain to this project ("api" of a package called "api").
_COMMON_NAMES = frozenset(
    {"api", "app", "apps", "core", "common", "client", "server", "service", "services", "web",
     "www", "site", "main", "root", "frontend", "backend", "monorepo", "project", "example",
     "demo", "test", "tests", "docs", "github", "gitlab", "master", "lib", "libs", "utils",
     "cloud", "data", "platform", "packages", "node", "java", "python", "com", "org", "net"}
)  # fmt: skip
_URL = re.compile(r"(?:https?|git|ssh)://(?:[^@/\s]+@)?([A-Za-z0-9.-]+)|[\w.-]+@([A-Za-z0-9.-]+):")
_POM_URLS = ("url", "scm/url", "scm/connection", "organization/url", "issueManagement/url")


@dataclass(frozen=True, slots=True)
class FirstPartyDomain:
    """A domain proposed as the project's own, with what points there."""

    domain: str  # registrable domain: "acme.io"
    patterns: tuple[str, ...]  # allow_hosts patterns covering the hosts seen ("*.acme.io")
    evidence: tuple[str, ...]  # "package.json homepage https://acme.io", "git remote owner acme"
    hosts: tuple[str, ...]  # the unverified hosts below it, sorted
    endpoints: int  # unverified endpoint findings it would waive
    files: int  # distinct files they are in


def registrable_domain(host: str) -> str | None:
    """``acme.io`` for ``api.eu.acme.io``: the public suffix and one label; None if unknown."""
    host = host.lower().rstrip(".")
    suffix = public_suffix(host)
    if not suffix or host == suffix or not host.endswith("." + suffix):
        return None
    label = host[: -len(suffix) - 1].rsplit(".", 1)[-1]
    return f"{label}.{suffix}" if label else None


def first_party_domains(root: Path, findings: Iterable[Finding]) -> tuple[FirstPartyDomain, ...]:
    """Domains of ``root``'s project among its live unverified endpoints, most used first."""
    places: dict[str, list[tuple[str, str]]] = defaultdict(list)  # domain -> (host, path)
    for f in findings:
        if f.category is not Category.UNVERIFIED_ENDPOINT or f.suppression is not None:
            continue
        ev = f.evidence_dict
        host = ev.get("host")
        if not isinstance(host, str) or ev.get("vendor"):
            continue
        domain = registrable_domain(host)
        if domain is not None and domain not in _NOT_OWN:
            places[domain].append((host.lower().rstrip("."), f.location.path))
    if not places:
        return ()
    urls, names = _identity(root)
    evidence: dict[str, list[str]] = defaultdict(list)
    for where, url in urls:
        host = _url_host(url)
        domain = registrable_domain(host) if host else None
        if domain in places:
            evidence[domain].append(f"{where} {url}")
    for domain in places:
        label = domain.split(".", 1)[0]
        # "documen.so" spells "documenso": a short domain hacked out of the project's name
        spelled = domain.replace(".", "").replace("-", "")
        named = [
            f"{where} {name}"
            for where, name in names
            if label == name
            or label.replace("-", "") == name.replace("-", "")
            or spelled == name.replace("-", "")
        ]
        # "docker" of a docker/ folder is no claim on docker.io (the table is built only
        # when a name matches at all)
        if named and label not in _third_party_labels():
            evidence[domain] += named
    out = []
    for domain, seen in places.items():
        if not evidence.get(domain):
            continue
        hosts = sorted({h for h, _ in seen})
        patterns = ([domain] if domain in hosts else []) + (
            [f"*.{domain}"] if any(h != domain for h in hosts) else []
        )
        out.append(
            FirstPartyDomain(
                domain=domain,
                patterns=tuple(patterns),
                evidence=_collapse(evidence[domain]),
                hosts=tuple(hosts),
                endpoints=len(seen),
                files=len({p for _, p in seen}),
            )
        )
    return tuple(sorted(out, key=lambda d: (-d.endpoints, d.domain)))


def _collapse(found: list[str]) -> tuple[str, ...]:
    """The same name found in many manifests of a monorepo, said once with a count."""
    by_claim: dict[str, list[str]] = defaultdict(list)
    for item in sorted(set(found)):
        where, _, claim = item.partition(" ")
        by_claim[claim].append(where)
    out = []
    for claim, places in by_claim.items():
        more = f" (and {len(places) - 1} more)" if len(places) > 1 else ""
        out.append(f"{places[0]} {claim}{more}")
    return tuple(sorted(out))


# ---------------------------------------------------------------------- the project's identity


def _identity(root: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(where, URL) pairs from package metadata and git remotes, and (where, name) pairs."""
    urls: list[tuple[str, str]] = []
    names: list[tuple[str, str]] = []
    for path in _metadata_files(root):
        rel = path.relative_to(root).as_posix()
        try:
            found_urls, found_names = _read_metadata(path)
        except (OSError, ValueError, ET.ParseError, UnicodeDecodeError):
            continue  # a broken manifest says nothing about the project's domains
        urls += [(f"{rel} {key}", url) for key, url in found_urls]
        if path.name == "package.json" and path.parent != root:
            found_names = [_npm_scope(raw) for raw in found_names if _npm_scope(raw)]
        names += [(f"{rel} name", n) for raw in found_names for n in _name_tokens(raw)]
    for remote, url in _git_remotes(root):
        # without user and password: a remote URL can carry a token, and the report is public
        urls.append((f"git remote {remote}", re.sub(r"//[^@/\s]+@", "//", url)))
        owner_repo = re.search(r"[:/]([^/:]+)/([^/]+?)(?:\.git)?/?$", url)
        if owner_repo:
            for part, value in zip(("owner", "repository"), owner_repo.groups(), strict=True):
                names += [(f"git remote {remote} {part}", n) for n in _name_tokens(value)]
    return urls, names


def _npm_scope(name: str) -> str:
    """ "acme" of "@acme/web"; "" for an unscoped name."""
    if not name.startswith("@") or "/" not in name:
        return ""
    return name[1:].split("/", 1)[0]


@cache
def _third_party_labels() -> frozenset[str]:
    """The labels of the domains of every catalogued vendor and cloud, and of the sites that
    are never a project's own: a project name equal to one of them ties nothing to it."""
    # The ICANN section only: "fonts.googleapis.com" is Google's "googleapis", whereas the
    # private section would make "fonts" a third party's name.
    icann = PublicSuffixList(only_icann=True)
    suffixes = [*vendor_catalogue().hosts, *catalogue().host_rules, *_NOT_OWN]
    labels = set()
    for suffix in suffixes:
        domain = icann.privatesuffix(suffix)
        if domain is not None:
            labels.add(domain.split(".", 1)[0])
    return frozenset(labels)


def _metadata_files(root: Path) -> Iterator[Path]:
    if root.is_file():
        return
    base = len(root.parts)
    for folder, dirs, files in os.walk(root):
        depth = len(Path(folder).parts) - base
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and d not in _FOREIGN_DIRS and depth < _MAX_DEPTH
        )
        for name in sorted(files):
            if name in _METADATA:
                yield Path(folder) / name


def _read_metadata(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """(key, URL) pairs and package names of one manifest."""
    name = path.name
    text = path.read_text(encoding="utf-8")
    if name == "pom.xml":
        return _pom(text)
    if name == "setup.cfg":
        return _setup_cfg(text)
    data: Any = json.loads(text) if name.endswith(".json") else tomllib.loads(text)
    if not isinstance(data, dict):
        return [], []
    tables: list[tuple[str, Any]] = [("", data)]
    if name == "pyproject.toml":
        tool: dict[str, Any] = data["tool"] if isinstance(data.get("tool"), dict) else {}
        tables = [("project.", data.get("project")), ("tool.poetry.", tool.get("poetry"))]
    elif name == "Cargo.toml":
        tables = [("package.", data.get("package"))]
    urls: list[tuple[str, str]] = []
    names: list[str] = []
    for prefix, table in tables:
        if not isinstance(table, dict):
            continue
        if isinstance(table.get("name"), str):
            names.append(table["name"])
        for key, value in _url_values(table):
            urls.append((prefix + key, value))
    return urls, names


def _url_values(table: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """URL-valued fields of a manifest table: strings, {url: ...} objects, and url tables."""
    for key in ("homepage", "repository", "documentation", "bugs", "url", "urls", "support"):
        value = table.get(key)
        if isinstance(value, str):
            yield key, value
        elif isinstance(value, dict):
            for sub, item in sorted(value.items()):
                if isinstance(item, str) and (_URL.search(item) or sub in ("url", "web")):
                    yield f"{key}.{sub}", item


def _setup_cfg(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    if not parser.has_section("metadata"):
        return [], []
    meta = parser["metadata"]
    urls = [("metadata.url", meta["url"].strip())] if meta.get("url") else []
    for line in (meta.get("project_urls") or "").splitlines():
        if "=" in line:
            label, url = line.split("=", 1)
            urls.append((f"metadata.project_urls.{label.strip()}", url.strip()))
    return urls, [meta["name"]] if meta.get("name") else []


def _pom(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    # The scanned tree is not trusted: a POM has no business declaring entities, and refusing
    # them keeps entity expansion (billion laughs) out of the stdlib parser.
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise ValueError("pom.xml declares a DTD")
    project = ET.fromstring(text)
    ns = project.tag[: project.tag.index("}") + 1] if project.tag.startswith("{") else ""
    urls = []
    for key in _POM_URLS:
        element = project.find("/".join(ns + part for part in key.split("/")))
        if element is not None and element.text and element.text.strip():
            urls.append((key.replace("/", "."), element.text.strip()))
    names = []
    for key in ("groupId", "artifactId"):
        element = project.find(ns + key)
        if element is not None and element.text:
            names.append(element.text.strip())
    return urls, names


def _git_remotes(root: Path) -> list[tuple[str, str]]:
    folder = root if root.is_dir() else root.parent
    try:
        out = subprocess.run(
            ["git", "config", "--get-regexp", r"^remote\..*\.url$"],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    remotes = []
    for line in out.stdout.splitlines():
        key, _, url = line.partition(" ")
        if url:
            remotes.append((key.removeprefix("remote.").removesuffix(".url"), url.strip()))
    return sorted(remotes)


def _url_host(url: str) -> str | None:
    m = _URL.search(url)
    if m is None:
        return None
    return (m.group(1) or m.group(2) or "").lower().rstrip(".") or None


def _name_tokens(raw: str) -> list[str]:
    """Name parts that can be a domain's label: "@acme/web-app" -> ["acme", "web-app"];
    a Java group id "com.acme.billing" -> ["acme", "billing"]."""
    parts = re.split(r"[/@.\s]+", raw.lower())
    return sorted(
        {
            p
            for p in parts
            if len(p) >= 3 and p not in _COMMON_NAMES and re.fullmatch(r"[a-z0-9-]+", p)
        }
    )
