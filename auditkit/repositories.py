"""Spring Data repositories across files: declarations joined with calls, project-wide.

semgrep matches one file at a time and cannot tell that ``users.findById(id)`` in a service
is a call on ``interface UserRepository extends JpaRepository<User, Long>`` declared in another
file. The generated rules therefore report two kinds of match (``auditkit.sinks``):

* ``gateway-repository``: a declaration, its match narrowed to the interface's name;
* ``gateway-repository-call``: a call on a value whose declared type has a repository's
  name (``…Repository``, ``…Repo``, ``…Dao``), the type in the rule message;
* ``gateway-repository-field-call`` (Java): a call on a field of any plain type, for MyBatis
  mappers named like services (``ArticleReadService``).

MyBatis ``@Mapper`` interfaces are declarations too, and Mongoose models (JavaScript and
TypeScript: ``const User = mongoose.model('User', schema)`` joined with ``User.find(...)``)
use the same two roles. Names are joined within a language family (JVM or JavaScript), so a
Java ``User`` interface never makes a JavaScript ``User.find`` call access.

This module joins them after every file has been scanned: a candidate call is kept only when
its type is declared as a repository somewhere in the scanned tree, so a hand-written
``UserRepository`` class (for instance the gateway's own API) never counts. Both kinds are
then turned into plain ``gateway-sink`` matches, which the normaliser treats like any other
direct data access (gateway paths exempt). The join works on engine results, not source text,
so the per-file result cache stays valid; names are simple names, so two repositories of the
same simple name in different packages are not told apart (either makes the call a bypass).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from auditkit import sourcetext
from auditkit.engines.semgrep import SemgrepMatch
from auditkit.sinks import (
    REPOSITORY_CALL_MESSAGE,
    REPOSITORY_CALL_ROLE,
    REPOSITORY_EXTENDS_MESSAGE,
    REPOSITORY_EXTENDS_ROLE,
    REPOSITORY_FIELD_CALL_ROLE,
    REPOSITORY_NAME,
    REPOSITORY_ROLE,
)

_TYPE = re.compile(re.escape(REPOSITORY_CALL_MESSAGE).replace(r"\$TYPE", r"(?P<type>[^\s(]+)"))
_REPOSITORY_NAME = re.compile(REPOSITORY_NAME)
# Languages whose names can refer to each other's declarations.
_FAMILY = {"java": "jvm", "kotlin": "jvm", "javascript": "js", "typescript": "js"}
_BASE = re.compile(re.escape(REPOSITORY_EXTENDS_MESSAGE).replace(r"\$BASE", r"(?P<type>.+?) \("))


@dataclass(frozen=True, slots=True)
class Repository:
    name: str  # the interface's (or model's) simple name
    base: str  # the Spring Data interface it extends (catalogue name)
    store: str
    # Declared through a project's own base interface (reported by the extends rule, since
    # the declaration rule sees no Spring Data base on it).
    inherited: bool = False


Key = tuple[str, str]  # (language family, simple name)


def _key(match: SemgrepMatch, name: str) -> Key:
    language = match.get("language") or ""
    return (_FAMILY.get(language, language), name)


def declared(root: Path, matches: Iterable[SemgrepMatch]) -> dict[Key, Repository]:
    """Repositories, mappers and models declared in the scanned tree, by language family and
    simple name."""
    matches = list(matches)  # read twice: declarations, then interfaces extending them
    found: dict[Key, Repository] = {}
    for m in matches:
        if m.role != REPOSITORY_ROLE:
            continue
        name = sourcetext.matched_text(root, m.path, m.start.offset, m.end.offset).strip()
        if name:
            repository = Repository(name, m.get("sink") or "", m.get("store") or "")
            found.setdefault(_key(m, name), repository)
    # Interfaces that extend a declared repository, transitively (BaseRepo -> UserRepo).
    extends: dict[Key, Key] = {}
    for m in matches:
        found_base = _BASE.match(m.message) if m.role == REPOSITORY_EXTENDS_ROLE else None
        if found_base is not None:
            name = sourcetext.matched_text(root, m.path, m.start.offset, m.end.offset).strip()
            extends.setdefault(_key(m, name), _key(m, _simple(found_base["type"])))
    grown = True
    while grown:
        grown = False
        for key, base in extends.items():
            if key not in found and base in found:
                parent = found[base]
                found[key] = Repository(key[1], parent.base, parent.store, inherited=True)
                grown = True
    return found


def call_type(match: SemgrepMatch) -> str | None:
    """The simple name of the receiver's declared type (generic arguments removed)."""
    found = _TYPE.match(match.message)
    if found is None:
        return None
    return _simple(found["type"])


def _simple(type_text: str) -> str:
    return type_text.split("<", 1)[0].rsplit(".", 1)[-1].strip()


def resolve(match: SemgrepMatch, repositories: dict[Key, Repository]) -> SemgrepMatch | None:
    """``match`` as a ``gateway-sink`` match, or None when it is not repository access."""
    if match.role == REPOSITORY_ROLE:
        return _as_sink(match, match.get("sink") or "Spring Data repository", None)
    if match.role == REPOSITORY_EXTENDS_ROLE:
        # Only declarations through a project's base interface: a direct one is reported by
        # the declaration rule already.
        name = _BASE.match(match.message)
        if name is None:
            return None
        parent = repositories.get(_key(match, _simple(name["type"])))
        if parent is None:
            return None
        return _as_sink(match, f"extends {_simple(name['type'])} ({parent.base})", parent.store)
    if match.role not in (REPOSITORY_CALL_ROLE, REPOSITORY_FIELD_CALL_ROLE):
        return match
    type_name = call_type(match) or ""
    if match.role == REPOSITORY_FIELD_CALL_ROLE and _REPOSITORY_NAME.match(type_name):
        # The name-based call rule proposes this call too: one finding, not two.
        return None
    repository = repositories.get(_key(match, type_name))
    if repository is None:
        return None
    return _as_sink(match, f"{repository.name} ({repository.base})", repository.store)


def _as_sink(match: SemgrepMatch, sink: str, store: str | None) -> SemgrepMatch:
    meta = dict(match.meta)
    meta["role"] = "gateway-sink"
    meta["sink"] = sink
    if store:
        meta["store"] = store
    return replace(match, meta=tuple(meta.items()))
