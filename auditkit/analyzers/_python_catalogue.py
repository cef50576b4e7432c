"""The Python sink catalogue (``rulesets/sinks/python.toml``) as lookup tables for the analyzer."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from auditkit.core.errors import RulesetError
from auditkit.sinks import BROKER_ROLES, CUSTOM_STORE, check_keys, read_catalogue

_WHERE = "sinks/python.toml"
# Callees the resolver itself understands; they are no sinks but must pass the prefilter.
DYNAMIC_IMPORTS = ("importlib.import_module", "__import__")


@dataclass(frozen=True, slots=True)
class PySink:
    name: str  # the qualified callable, e.g. "psycopg2.connect"
    store: str
    description: str
    broker: str | None = None  # brokers and streams: producer, consumer or connection


@dataclass(frozen=True, slots=True)
class HttpCall:
    """A callable whose argument ``argument`` (or keyword ``keyword``) is a URL."""

    argument: int | None
    keyword: str


@dataclass(frozen=True)
class PythonCatalogue:
    sinks: Mapping[str, PySink]  # qualified callable -> sink
    shapes: tuple[tuple[str, PySink], ...]  # (".objects.raw", sink): matched on the callee text
    http: Mapping[str, HttpCall]
    instances: Mapping[str, str]  # factory -> type of the object it returns
    aws_factories: frozenset[str]
    aws_keyword: str
    aws_services: Mapping[str, str]  # data service -> store
    aws_control_plane: frozenset[str]
    import_stores: tuple[tuple[str, str], ...]  # (module, store), longest module first
    modules: frozenset[str]  # top-level module names: the prefilter's words
    http_modules: frozenset[str]
    # Modules of broker entries: their import view counts only while the policy counts brokers.
    broker_modules: frozenset[str] = frozenset()

    def known(self, qualified: str) -> bool:
        """Whether a qualified name means something to the analyzer (for star imports)."""
        return (
            qualified in self.sinks
            or qualified in self.http
            or qualified in self.instances
            or qualified in self.aws_factories
        )


@cache
def python_catalogue(extra_sinks: tuple[str, ...] = ()) -> PythonCatalogue:
    """The built-in catalogue plus the policy's ``[gateway.sinks] python`` entries."""
    base = _builtin()
    if not extra_sinks:
        return base
    custom = {
        name: PySink(name, CUSTOM_STORE, "data-access callable named by the policy")
        for name in extra_sinks
    }
    modules = {name.rpartition(".")[0] or name: CUSTOM_STORE for name in extra_sinks}
    return PythonCatalogue(
        sinks=MappingProxyType({**base.sinks, **custom}),
        shapes=base.shapes,
        http=base.http,
        instances=base.instances,
        aws_factories=base.aws_factories,
        aws_keyword=base.aws_keyword,
        aws_services=base.aws_services,
        aws_control_plane=base.aws_control_plane,
        import_stores=_longest_first({**dict(base.import_stores), **modules}),
        modules=base.modules | {name.split(".")[0] for name in extra_sinks},
        http_modules=base.http_modules,
        broker_modules=base.broker_modules,
    )


@cache
def _builtin() -> PythonCatalogue:
    data = read_catalogue("python")
    check_keys(data, ("sink", "shape", "http", "instance", "aws"), _WHERE)
    sinks: dict[str, PySink] = {}
    import_stores: dict[str, str] = {}
    broker_modules: set[str] = set()
    sink_keys = ("module", "store", "description", "calls", "import_view", "source", "broker")
    for i, entry in enumerate(_tables(data, "sink", sink_keys)):
        broker = entry.get("broker")
        if broker is not None and broker not in BROKER_ROLES:
            raise RulesetError(f"{_WHERE} [[sink]] #{i + 1}: broker must be one of {BROKER_ROLES}")
        for call in entry["calls"]:
            name = f"{entry['module']}.{call}"
            sinks[name] = PySink(name, entry["store"], entry["description"], broker)
        if broker is not None:
            broker_modules.add(entry["module"])
        if entry.get("import_view", True):
            import_stores[entry["module"]] = entry["store"]
    shapes = tuple(
        (f".{e['tail']}", PySink(e["name"], e["store"], e["description"]))
        for e in _tables(data, "shape", ("name", "tail", "store", "description"))
    )
    http: dict[str, HttpCall] = {}
    for entry in _tables(data, "http", ("module", "description", "calls", "argument", "keyword")):
        for call in entry["calls"]:
            http[f"{entry['module']}.{call}"] = HttpCall(entry.get("argument"), entry["keyword"])
    instances = {
        factory: entry["type"]
        for entry in _tables(data, "instance", ("type", "factories"))
        for factory in entry["factories"]
    }
    aws = data["aws"]
    check_keys(aws, ("description", "keyword", "factories", "control_plane", "services"), _WHERE)
    overlap = set(aws["services"]) & set(aws["control_plane"])
    if overlap:
        raise RulesetError(f"{_WHERE}: services both data and control plane: {sorted(overlap)}")
    named = [*sinks, *http, *instances, *aws["factories"], *DYNAMIC_IMPORTS]
    return PythonCatalogue(
        sinks=MappingProxyType(sinks),
        shapes=shapes,
        http=MappingProxyType(http),
        instances=MappingProxyType(instances),
        aws_factories=frozenset(aws["factories"]),
        aws_keyword=aws["keyword"],
        aws_services=MappingProxyType(dict(aws["services"])),
        aws_control_plane=frozenset(aws["control_plane"]),
        import_stores=_longest_first(import_stores),
        modules=frozenset(n.split(".")[0] for n in named),
        http_modules=frozenset(n.split(".")[0] for n in http),
        broker_modules=frozenset(broker_modules),
    )


def _tables(data: dict[str, Any], key: str, allowed: tuple[str, ...]) -> list[dict[str, Any]]:
    tables: list[dict[str, Any]] = data.get(key, [])
    for i, table in enumerate(tables):
        check_keys(table, allowed, f"{_WHERE} [[{key}]] #{i + 1}")
    return tables


def _longest_first(stores: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(stores.items(), key=lambda item: (-len(item[0]), item[0])))


_WS = r"(?:\s|\\\r?\n)"  # whitespace, or a backslash line continuation


@cache
def prefilter(extra_sinks: tuple[str, ...], with_http: bool) -> Callable[[str], bool]:
    """A test that is False only for source the analyzer cannot report anything on.

    Every resolution starts at an import statement of a catalogued module, at ``importlib``
    or ``__import__``, or (for shapes such as ``.objects.raw``) at an attribute name.
    """
    catalogue = python_catalogue(extra_sinks)
    words = catalogue.modules if with_http else catalogue.modules - _http_only(catalogue)
    dynamic = {name.split(".")[0] for name in DYNAMIC_IMPORTS}
    # Packages imported everywhere for other reasons (`from django.db import models`) can only
    # reach a sink by naming its last attribute (`connection.cursor()`): require that name too.
    conditional = {
        top: needs for top, needs in _call_words(catalogue).items() if top in words - dynamic
    }
    imported = _import_pattern(words - dynamic - set(conditional), dynamic)
    imports_of = {top: _import_pattern({top}, set()) for top in conditional}
    # A shape is found by its last attribute after a dot (inside brackets, line breaks and
    # comments may come between); a plain substring test first keeps the regex rare.
    attributes = tuple(tail.rsplit(".", 1)[-1] for tail, _ in catalogue.shapes)
    shape = re.compile(rf"\.\s*(?:#[^\n]*\n\s*)*(?:{'|'.join(map(re.escape, attributes))})\b")

    def mentions(source: str) -> bool:
        if imported.search(source):
            return True
        for top, needs in conditional.items():
            if any(n in source for n in needs) and imports_of[top].search(source):
                return True
        return any(a in source for a in attributes) and shape.search(source) is not None

    return mentions


def _import_pattern(modules: Set[str], dynamic: Set[str]) -> re.Pattern[str]:
    """`import a as b, <module>` and `from <module>... import`: the module starts a dotted name."""
    names = "|".join(sorted(map(re.escape, modules), key=lambda w: (-len(w), w))) or "(?!)"
    alternatives = (
        rf"\b(?:from|import){_WS}+(?:[\w.]+(?:{_WS}+as{_WS}+\w+)?{_WS}*,{_WS}*)*(?:{names})\b"
    )
    if dynamic:
        alternatives += rf"|\b(?:{'|'.join(sorted(dynamic))})\b"
    return re.compile(alternatives)


def _call_words(catalogue: PythonCatalogue) -> dict[str, frozenset[str]]:
    """Top-level packages whose only role is [[sink]] calls without an import view, with the
    last attribute name of each such call (``django`` -> ``cursor``)."""
    other = (
        {m.split(".")[0] for m, _ in catalogue.import_stores}
        | {n.split(".")[0] for n in (*catalogue.http, *catalogue.instances)}
        | {n.split(".")[0] for n in catalogue.aws_factories}
    )
    words: dict[str, set[str]] = {}
    for name in catalogue.sinks:
        top = name.split(".")[0]
        if top not in other:
            words.setdefault(top, set()).add(name.rsplit(".", 1)[-1].replace("[]", ""))
    return {top: frozenset(w) for top, w in words.items()}


def _http_only(catalogue: PythonCatalogue) -> frozenset[str]:
    """Top-level modules that matter only for HTTP calls (no store, no import view)."""
    data_words = {n.split(".")[0] for n in catalogue.sinks} | {
        m.split(".")[0] for m, _ in catalogue.import_stores
    }
    return catalogue.http_modules - data_words
