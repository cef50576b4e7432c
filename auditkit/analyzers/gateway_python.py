"""Gateway bypass in Python: calls that open a data store, or reach a protected host, directly.

A call is reported when its callee resolves, through the module's imports, to a catalogued
sink (``rulesets/sinks/python.toml`` plus the policy's ``[gateway.sinks] python``): aliases,
``from`` imports, ``importlib.import_module``/``__import__`` bound to a name, star imports,
objects from catalogued factories (``boto3.session.Session().client``) and ``self``
attributes all resolve. AWS client factories are sinks only for data services, with the
service name read from a literal or a constant. HTTP calls are reported only when their URL,
literal or built from constants, has a host in ``protected_hosts``. Imports of catalogued
drivers are listed separately (the import view); imports under ``if TYPE_CHECKING:`` are
marked and bind nothing, so no call resolves through them.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from auditkit.analyzers import _positions
from auditkit.analyzers._python_catalogue import PythonCatalogue, python_catalogue
from auditkit.analyzers._scopes import CallSite, ImportSite, ModuleFacts, collect
from auditkit.analyzers._values import Ref, Resolver, argument, join
from auditkit.analyzers.results import ImportEdge, PythonGatewayResult, SinkCall
from auditkit.protected import host_is_protected, url_host
from auditkit.sinks import HTTP_STORE

AWS_UNRESOLVED_STORE = "aws"


@dataclass(frozen=True, slots=True)
class _Hit:
    sink: str
    store: str
    via: str
    protected_host: str | None = None


def analyze_python(
    source: str,
    *,
    extra_sinks: tuple[str, ...] = (),
    protected_hosts: tuple[str, ...] = (),
) -> PythonGatewayResult:
    """Raises libcst.ParserSyntaxError on invalid Python (the caller records it in coverage)."""
    module = cst.parse_module(source)
    return analyze_module(module, source, extra_sinks=extra_sinks, protected_hosts=protected_hosts)


def analyze_module(
    module: cst.Module,
    source: str,
    *,
    extra_sinks: tuple[str, ...] = (),
    protected_hosts: tuple[str, ...] = (),
    facts: ModuleFacts | None = None,
) -> PythonGatewayResult:
    """:func:`analyze_python` for a module that is already parsed (``source`` is its code);
    ``facts``: its :func:`collect` walk, when the caller has made it (the flow pass shares it)."""
    catalogue = python_catalogue(tuple(extra_sinks))
    facts = facts if facts is not None else collect(module)
    resolver = Resolver(catalogue)
    hits = [
        (site.node, hit)
        for site in facts.calls
        if not site.type_checking
        and (hit := _classify(site, resolver, catalogue, protected_hosts)) is not None
    ]
    edges = [
        (site, module_name, store)
        for site in facts.imports
        for module_name, store in _import_edges(site, catalogue)
    ]
    where = _positions.spans(
        source,
        module,
        [site.node for site in facts.calls],
        [site.node for site in facts.imports],
        [node for node, _ in hits] + [site.node for site, _, _ in edges],
    )
    calls = tuple(
        SinkCall(*where[id(node)], hit.sink, hit.store, hit.via, hit.protected_host)
        for node, hit in hits
    )
    imports = tuple(
        ImportEdge(*where[id(site.node)][:2], name, store, site.type_checking)
        for site, name, store in edges
    )
    return PythonGatewayResult(calls, imports)


def _classify(
    site: CallSite, resolver: Resolver, catalogue: PythonCatalogue, protected: tuple[str, ...]
) -> _Hit | None:
    callee = resolver.value(site.node.func, site.scope)
    if isinstance(callee, Ref):
        sink = catalogue.sinks.get(callee.name)
        if sink is not None:
            return _Hit(sink.name, sink.store, callee.via)
        if callee.name in catalogue.aws_factories:
            return _aws(site, callee, resolver, catalogue)
        if protected and callee.name in catalogue.http:
            return _http(site, callee, resolver, catalogue, protected)
    text = _callee_text(site.node.func)
    for tail, shape in catalogue.shapes:
        if text.endswith(tail) and len(text) > len(tail):
            return _Hit(shape.name, shape.store, f"callee {text}")
    return None


def classify_call(
    site: CallSite, resolver: Resolver, catalogue: PythonCatalogue, protected: tuple[str, ...]
) -> _Hit | None:
    """The catalogued sink a call reaches, if any (:mod:`auditkit.flows` asks this too)."""
    return _classify(site, resolver, catalogue, protected)


def _aws(
    site: CallSite, callee: Ref, resolver: Resolver, catalogue: PythonCatalogue
) -> _Hit | None:
    name = resolver.text(argument(site.node, 0, catalogue.aws_keyword), site.scope)
    if name is None or not name.complete:
        # A client for a service chosen at run time may well be a data service.
        return _Hit(
            f"{callee.name}(?)", AWS_UNRESOLVED_STORE, join(callee.via, "service name not resolved")
        )
    store = catalogue.aws_services.get(name.text)
    if store is None:  # control plane, or not a data service
        return None
    origin = f"service name from {name.via}" if name.via else ""
    return _Hit(f"{callee.name}({name.text})", store, join(callee.via, origin))


def _http(
    site: CallSite,
    callee: Ref,
    resolver: Resolver,
    catalogue: PythonCatalogue,
    protected: tuple[str, ...],
) -> _Hit | None:
    spec = catalogue.http[callee.name]
    url = resolver.text(argument(site.node, spec.argument, spec.keyword), site.scope)
    host = url_host(url.text) if url is not None else None
    if url is None or host is None or not host_is_protected(host, protected):
        return None
    origin = f"URL from {url.via}" if url.via else "URL literal"
    return _Hit(callee.name, HTTP_STORE, join(callee.via, origin), host)


def _callee_text(node: cst.BaseExpression) -> str:
    """The callee as written, for shape matching: ``User.objects.raw``, ``conns[].cursor``."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_callee_text(node.value)}.{node.attr.value}"
    if isinstance(node, cst.Call):
        return f"{_callee_text(node.func)}()"
    if isinstance(node, cst.Subscript):
        return f"{_callee_text(node.value)}[]"
    return "?"


def _import_edges(site: ImportSite, catalogue: PythonCatalogue) -> list[tuple[str, str]]:
    """(module, store) for each catalogued driver an import statement brings in."""
    edges: list[tuple[str, str]] = []
    for module in site.modules:
        for prefix, store in catalogue.import_stores:  # longest first
            if module == prefix or module.startswith(prefix + "."):
                edges.append((module, store))
                break
    exact = dict(catalogue.import_stores)
    for member in site.members:  # `from google.cloud import storage` imports a submodule
        if member in exact and (member, exact[member]) not in edges:
            edges.append((member, exact[member]))
    return edges
