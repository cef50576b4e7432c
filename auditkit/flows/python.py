"""Python: values of the policy's data categories, followed within each function with libcst.

A *source* is a name that denotes a category (``user.phone``, ``row["phone_number"]``,
``user.getPhone()``, ``request.args.get("msisdn")``, a variable or parameter ``phone``, a dict
key ``{"phone": ...}`` or a keyword ``phone=``). Taint follows assignments (a later assignment
of an untainted value ends it: flows overwritten before the sink are not reported), containers,
f-strings, ``%``/``+``/``.format``, ``json.dumps`` and any other call (as semgrep's taint mode
does), attribute stores and container mutators (``payload.append(phone)``). Branches are
merged (taint from either branch survives). A *sanitiser* (hashing, HMAC, masking, redaction,
tokenisation, encryption, ``len``/``bool``) ends the flow: what leaves is then not the value.

A *sink* is where the value leaves: an HTTP client call (the catalogue's ``[[http]]``, URL
resolved from same-file constants by the gateway resolver), a SaaS SDK call (analytics
``track``, error-tracker ``capture_*``), a message producer, a storage upload or any call on a
data-store handle (an object made by a catalogued gateway sink), a log or print call
(``sys.stdout``/``self.stdout`` writes included), and an app's own HTTP wrapper: an HTTP-named
method called with an http(s) URL literal or same-file constant (``self.post(URL, data=d)``).

Gateway authorization: in gateway files, an *entry point* (a Flask/FastAPI route, a Django
or DRF view, a class-based view's HTTP method, a function exported in ``__all__``) that reaches a
catalogued store call or a category source, itself or through a same-module helper, must be
guarded: an authorizer as decorator (of the function or its class), in a parameter default
(FastAPI ``Depends(require_role(...))``), or called in a top-level statement of the function
before the access. A check nested in a branch does not count: it may not run. The request's
own input (``request.META``, headers, query, body, cookies) is no protected read. A function
taken for a Django view by its module and ``request`` parameter alone is marked
(``django_function``): the scan keeps it only if a URLconf routes it (``flows.django_urls``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

from auditkit.analyzers._python_catalogue import PythonCatalogue, python_catalogue
from auditkit.analyzers._scopes import (
    CallSite,
    ModuleFacts,
    Scope,
    ValueBinding,
    child_nodes,
    collect,
)
from auditkit.analyzers._values import Ref, Resolver, Text, argument
from auditkit.analyzers.gateway_python import classify_call
from auditkit.flows import sdks
from auditkit.flows.names import Categories
from auditkit.flows.results import ENDPOINT, LOG, STORE, DataFlow, FlowStep, UnguardedAccess

_SANITISER = re.compile(
    r"(?i)(hash|sha\d+|sha3_\d+|md5|blake2\w?|hmac|digest|mask|redact|anonymi[sz]e|"
    r"pseudonymi[sz]e|tokeni[sz]e|encrypt|^len$|^bool$|^count$|^isinstance$)"
)
_LOG_METHODS = frozenset(
    {"debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log", "msg"}
)
_LOGGER_NAME = re.compile(r"(?i)^_*(log|logger|logging|structlog|loguru|getlogger)$")
# `self.stdout.write(...)`: any class's, not only a Django ``BaseCommand``'s. An attribute named
# stdout/stderr is the process's output stream by convention (Django's OutputWrapper, cmd.Cmd,
# click and argparse tools), and commands often derive from a project's own base command
# defined in another file, which a same-file BaseCommand test would miss.
_STREAMS = frozenset({"sys.stdout", "sys.stderr", "self.stdout", "self.stderr"})
# An app's own HTTP wrapper, whatever its receiver: a call to one of these methods with an
# http(s) URL among its arguments (_Analysis._wrapper_url).
_WRAPPER_SURE = frozenset({"post", "patch", "request", "fetch", "urlopen", "post_json"})
_WRAPPER_METHODS = _WRAPPER_SURE | {"get", "put", "delete", "head", "options", "send"}
_HTTP_KEYWORDS = frozenset(
    {"params", "data", "json", "headers", "auth", "files", "body", "cookies", "query", "content"}
)
_URL_KEYWORDS = frozenset({"url", "uri", "endpoint", "endpoint_url", "href"})
_HTTP_URL = re.compile(r"(?i)^https?://[^/\s]")
_MUTATORS = frozenset({"append", "extend", "update", "add", "insert", "setdefault", "appendleft"})
_KEY_GETTERS = frozenset({"get", "getlist", "pop", "getone", "get_json"})
_ENDPOINT_KEYWORDS = (
    "endpoint_url",
    "region_name",
    "bootstrap_servers",
    "url",
    "host",
    "dsn",
    "api_host",
    "address",
)
_ROUTE_DECORATORS = frozenset(
    {"route", "get", "post", "put", "patch", "delete", "head", "options", "api_route",
     "websocket", "api_view", "action", "require_http_methods", "require_GET", "require_POST"}
)  # fmt: skip
_VIEW_BASE = re.compile(r"(View|ViewSet|APIView|Resource|MethodView|HTTPEndpoint)$")
_VIEW_METHODS = frozenset(
    {"get", "post", "put", "patch", "delete", "head", "list", "create", "retrieve", "update",
     "partial_update", "destroy", "dispatch"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Step:
    """A step of a trace still being followed: its line and note are worked out only for the
    few traces that reach a sink (positions cost about three parses; most files have no flow)."""

    at: cst.CSTNode  # the step's line is this node's first line
    note: Callable[[], str]


Trace = tuple[_Step, ...]
Taint = dict[str, Trace]  # category -> the steps that brought it here (source first)


@dataclass(frozen=True, slots=True)
class _Handle:
    """An object that sends what its methods get: a store, an SDK client, a producer, a mail
    transport or message."""

    kind: str  # STORE, "sdk", "producer", "mail"
    name: str
    store: str | None = None
    endpoint: Text | None = None
    sdk: sdks.Sdk | None = None
    methods: frozenset[str] | None = None  # None: every method sends


@dataclass
class _State:
    taint: dict[str, Taint] = field(default_factory=dict)
    handles: dict[str, _Handle] = field(default_factory=dict)

    def copy(self) -> _State:
        return _State(dict(self.taint), dict(self.handles))

    def merge(self, other: _State) -> None:
        for name, taint in other.taint.items():
            self.taint[name] = _union(self.taint.get(name, {}), taint)
        for name, handle in other.handles.items():
            self.handles.setdefault(name, handle)


@dataclass(frozen=True)
class FlowResult:
    flows: tuple[DataFlow, ...]
    unguarded: tuple[UnguardedAccess, ...]


def analyze_flows(
    module: cst.Module,
    cats: Categories,
    *,
    extra_sinks: tuple[str, ...] = (),
    authorizers: tuple[str, ...] = (),
    in_gateway: bool = False,
    module_name: str = "",
    facts: ModuleFacts | None = None,
) -> FlowResult:
    """Flows of ``cats`` in ``module``; unguarded entry points when ``in_gateway``.
    ``facts``: the module's :func:`collect` walk, when the gateway analyzer has made it."""
    facts = facts if facts is not None else collect(module)
    catalogue = python_catalogue(tuple(extra_sinks))
    analysis = _Analysis(module, cats, catalogue, facts.calls)
    flows: list[DataFlow] = []
    if not cats.empty:
        for body, scope in analysis.bodies(facts.scope):
            analysis.run(body, scope, flows)
    unguarded: list[UnguardedAccess] = []
    if in_gateway and authorizers:
        unguarded = _Authorization(analysis, authorizers, module_name).check(facts.scope)
    unique = {(f.category, f.start_line, f.start_column, f.sink): f for f in flows}
    return FlowResult(tuple(unique.values()), tuple(unguarded))


class _Analysis:
    def __init__(
        self,
        module: cst.Module,
        cats: Categories,
        catalogue: PythonCatalogue,
        calls: list[CallSite],
    ) -> None:
        self.module = module
        self.cats = cats
        self.catalogue = catalogue
        self._positions: Mapping[cst.CSTNode, CodeRange] | None = None
        self.resolver = Resolver(catalogue)
        self.sites = {id(site.node): site for site in calls}
        self._module_handles: dict[str, _Handle | None] = {}
        self._attribute_handles: dict[str, _Handle | None] = {}
        self.flows: list[DataFlow] = []

    # ------------------------------------------------------------------ helpers

    @property
    def positions(self) -> Mapping[cst.CSTNode, CodeRange]:
        """node -> CodeRange, resolved on first use: only a module with something to report
        pays for it."""
        if self._positions is None:
            wrapper = MetadataWrapper(self.module, unsafe_skip_copy=True)
            self._positions = wrapper.resolve(PositionProvider)
        return self._positions

    def line(self, node: cst.CSTNode) -> int:
        return int(self.positions[node].start.line)

    def span(self, node: cst.CSTNode) -> tuple[int, int, int, int]:
        where = self.positions[node]
        return (where.start.line, where.start.column + 1, where.end.line, where.end.column + 1)

    def code(self, node: cst.CSTNode, limit: int = 70) -> str:
        text = " ".join(self.module.code_for_node(node).split())
        return text if len(text) <= limit else text[: limit - 1] + "…"

    def bodies(self, module_scope: Scope) -> list[tuple[cst.CSTNode, Scope | None]]:
        """The module's top-level code and every function body, each analysed on its own."""
        out: list[tuple[cst.CSTNode, Scope | None]] = [(self.module, module_scope)]
        stack: list[cst.CSTNode] = [self.module]
        while stack:
            node = stack.pop()
            for child in child_nodes(node):
                if isinstance(child, cst.FunctionDef):
                    out.append((child.body, None))
                stack.append(child)
        return out

    # ------------------------------------------------------------------ statements

    def run(self, body: cst.CSTNode, scope: Scope | None, flows: list[DataFlow]) -> None:
        self.flows = flows
        state = _State()
        self.block(_statements(body), state)

    def block(self, statements: Iterable[cst.CSTNode], state: _State) -> None:
        for statement in statements:
            self.statement(statement, state)

    def statement(self, node: cst.CSTNode, state: _State) -> None:
        if isinstance(node, cst.FunctionDef | cst.ClassDef):
            return  # analysed on their own (bodies())
        if isinstance(node, cst.SimpleStatementLine):
            for small in node.body:
                self.small(small, state)
            return
        if isinstance(node, cst.BaseSmallStatement):
            self.small(node, state)
            return
        if isinstance(node, cst.If):
            self.expr(node.test, state)
            branch = state.copy()
            self.block(_statements(node.body), branch)
            other = state.copy()
            if node.orelse is not None:
                self.statement(node.orelse, other) if isinstance(
                    node.orelse, cst.If
                ) else self.block(_statements(node.orelse.body), other)
            state.taint, state.handles = branch.taint, branch.handles
            state.merge(other)
            return
        if isinstance(node, cst.For):
            taint = self.expr(node.iter, state)
            self.assign(node.target, taint, node.iter, state)
            self.loop(node.body, state)
            return
        if isinstance(node, cst.While):
            self.expr(node.test, state)
            self.loop(node.body, state)
            return
        if isinstance(node, cst.With):
            for item in node.items:
                taint = self.expr(item.item, state)
                if item.asname is not None:
                    self.assign(item.asname.name, taint, item.item, state)
            self.block(_statements(node.body), state)
            return
        if isinstance(node, cst.Try | cst.TryStar):
            self.block(_statements(node.body), state)
            for handler in node.handlers:
                branch = state.copy()
                self.block(_statements(handler.body), branch)
                state.merge(branch)
            for extra in (node.orelse, node.finalbody):
                if extra is not None:
                    self.block(_statements(extra.body), state)
            return
        for child in child_nodes(node):  # match statements and the rest: in order
            if isinstance(child, cst.BaseExpression):
                self.expr(child, state)
            elif isinstance(child, cst.BaseSuite | cst.BaseStatement | cst.MatchCase):
                self.block(_statements(child), state)

    def loop(self, body: cst.BaseSuite, state: _State) -> None:
        # Twice: taint that a later statement of the body feeds to an earlier one.
        for _ in range(2):
            branch = state.copy()
            self.block(_statements(body), branch)
            state.merge(branch)

    def small(self, node: cst.CSTNode, state: _State) -> None:
        if isinstance(node, cst.Assign):
            taint = self.expr(node.value, state)
            for target in node.targets:
                self.assign(target.target, taint, node.value, state)
        elif isinstance(node, cst.AnnAssign):
            if node.value is not None:
                self.assign(node.target, self.expr(node.value, state), node.value, state)
        elif isinstance(node, cst.AugAssign):
            taint = self.expr(node.value, state)
            self.assign(node.target, taint, node.value, state, weak=True)
        elif isinstance(node, cst.Expr | cst.Return):
            if node.value is not None:
                self.expr(node.value, state)
        else:
            for child in child_nodes(node):
                if isinstance(child, cst.BaseExpression):
                    self.expr(child, state)

    def assign(
        self,
        target: cst.BaseExpression,
        taint: Taint,
        value: cst.BaseExpression,
        state: _State,
        weak: bool = False,
    ) -> None:
        if isinstance(target, cst.Tuple | cst.List):
            for element in target.elements:
                self.assign(element.value, taint, value, state, weak=True)
            return
        key = _dotted(target)
        if key is None and isinstance(target, cst.Subscript):
            key = _dotted(target.value)
            weak = True  # d["k"] = v taints d, keeps what d held
        if key is None:
            return
        handle = self.handle(value, state)
        if handle is not None:
            state.handles[key] = handle
        elif not weak:
            state.handles.pop(key, None)
        step = _Step(value, lambda: f"{self.code(target, 30)} = {self.code(value)}")
        stepped = {c: (*t, step) for c, t in taint.items()}
        if weak or "." in key:
            merged = _union(state.taint.get(key, {}), stepped)
            if "." in key:  # obj.field = phone: obj now holds it too
                owner = key.split(".")[0]
                state.taint[owner] = _union(state.taint.get(owner, {}), stepped)
            state.taint[key] = merged
        elif stepped:
            state.taint[key] = stepped
        else:
            state.taint.pop(key, None)  # overwritten: the flow ends here

    # ------------------------------------------------------------------ expressions

    def source(self, name: str, node: cst.CSTNode) -> Taint:
        category = self.cats.of(name)
        if category is None:
            return {}
        return {category: (_Step(node, lambda: f"{category}: {self.code(node)}"),)}

    def expr(self, node: cst.CSTNode, state: _State) -> Taint:
        if isinstance(node, cst.Name):
            held = state.taint.get(node.value)
            return held if held is not None else self.source(node.value, node)
        if isinstance(node, cst.Attribute):
            own = self.source(node.attr.value, node)
            if own:
                return own
            key = _dotted(node)
            if key is not None and key in state.taint:
                return state.taint[key]
            return self.expr(node.value, state)
        if isinstance(node, cst.Subscript):
            for item in node.slice:
                index = item.slice
                if isinstance(index, cst.Index) and isinstance(index.value, cst.SimpleString):
                    literal = index.value.evaluated_value
                    if isinstance(literal, str) and (own := self.source(literal, node)):
                        return own
            return _union(self.expr(node.value, state), self._children(node.slice, state))
        if isinstance(node, cst.Call):
            return self.call(node, state)
        if isinstance(node, cst.Dict):
            out: Taint = {}
            for entry in node.elements:
                if isinstance(entry, cst.DictElement):
                    name = entry.key
                    if isinstance(name, cst.SimpleString):
                        literal = name.evaluated_value
                        if isinstance(literal, str):
                            out = _union(out, self.source(literal, entry))
                    out = _union(out, self.expr(name, state))
                out = _union(out, self.expr(entry.value, state))
            return out
        if isinstance(node, cst.Comparison | cst.UnaryOperation) and not isinstance(
            getattr(node, "operator", None), cst.Minus | cst.Plus | cst.BitInvert
        ):
            self._children(node, state)  # sinks inside still count; a test result is no value
            return {}
        if isinstance(node, cst.Lambda | cst.SimpleString | cst.Integer | cst.Float):
            return {}
        if isinstance(node, cst.NamedExpr):
            taint = self.expr(node.value, state)
            self.assign(node.target, taint, node.value, state)
            return taint
        return self._children(node, state)

    def _children(self, node: cst.CSTNode | Iterable[cst.CSTNode], state: _State) -> Taint:
        out: Taint = {}
        children = child_nodes(node) if isinstance(node, cst.CSTNode) else list(node)
        for child in children:
            out = _union(out, self.expr(child, state))
        return out

    def call(self, node: cst.Call, state: _State) -> Taint:
        func = node.func
        method = func.attr.value if isinstance(func, cst.Attribute) else None
        name = method or (func.value if isinstance(func, cst.Name) else "")
        receiver: Taint = {}
        if isinstance(func, cst.Attribute):
            receiver = self.expr(func.value, state)
        elif not isinstance(func, cst.Name):
            receiver = self.expr(func, state)
        args: Taint = {}
        for arg in node.args:
            args = _union(args, self.expr(arg.value, state))
            if arg.keyword is not None:
                args = _union(args, self.source(arg.keyword.value, arg))
        own: Taint = {}
        if name and (own := self.source(name, node)):
            pass  # user.getPhone(), get_phone(user)
        elif method in _KEY_GETTERS and node.args:
            first = node.args[0].value
            if isinstance(first, cst.SimpleString) and isinstance(first.evaluated_value, str):
                own = self.source(first.evaluated_value, node)
        self.sink(node, state, _union(args, receiver if method is None else {}), receiver)
        if method in _MUTATORS and args:
            key = _dotted(func.value) if isinstance(func, cst.Attribute) else None
            if key is not None:
                step = _Step(node, lambda: f"added to {key}: {self.code(node)}")
                stepped = {c: (*t, step) for c, t in args.items()}
                state.taint[key] = _union(state.taint.get(key, {}), stepped)
        if name and _SANITISER.search(name):
            return own  # hashlib.sha256(phone), mask(phone): the value itself does not leave
        return _union(own, _union(receiver, args))

    # ------------------------------------------------------------------ sinks

    def sink(self, node: cst.Call, state: _State, data: Taint, receiver: Taint) -> None:
        site = self.sites.get(id(node))
        found = self._classify(node, site, state)
        if found is None:
            return
        kind, sink, endpoint, extra = found
        # A method called on tainted data (phone.strip()) sends nothing; its arguments do. A mail
        # message sends itself: `emails.Message(html=phone).send(...)`, `msg.send()`.
        carries = kind == LOG or extra.get("carrier") == "mail"
        taint = _union(data, receiver) if carries else data
        if not taint:
            return
        span = self.span(node)
        for category, trace in sorted(taint.items()):
            where = f" to {endpoint.text}{'' if endpoint.complete else '…'}" if endpoint else ""
            note = {ENDPOINT: f"sent by {sink}{where}", LOG: f"written to a log by {sink}"}.get(
                kind, f"written to {extra.get('store') or 'a data store'} by {sink}{where}"
            )
            steps = (*(FlowStep(self.line(s.at), s.note()) for s in trace), FlowStep(span[0], note))
            self.flows.append(
                DataFlow(
                    category=category,
                    kind=kind,
                    sink=sink,
                    start_line=span[0],
                    start_column=span[1],
                    end_line=span[2],
                    end_column=span[3],
                    steps=_compact(steps),
                    endpoint=endpoint.text if endpoint else extra.get("host"),
                    endpoint_via=(endpoint.via if endpoint else extra.get("via", "")) or "",
                    default_jurisdiction=extra.get("jurisdiction"),
                    vendor=extra.get("vendor"),
                    store=extra.get("store"),
                )
            )

    def _classify(
        self, node: cst.Call, site: CallSite | None, state: _State
    ) -> tuple[str, str, Text | None, dict[str, str]] | None:
        func = node.func
        scope = site.scope if site is not None else None
        callee = self.resolver.value(func, scope) if scope is not None else None
        name = callee.name if isinstance(callee, Ref) else None
        if isinstance(func, cst.Name) and func.value == "print" and name is None:
            return LOG, "print", None, {}
        if name is not None:
            if name.startswith("logging.") and name.rsplit(".", 1)[-1] in _LOG_METHODS:
                return LOG, name, None, {}
            spec = self.catalogue.http.get(name)
            if spec is not None and scope is not None:
                url = self.resolver.text(argument(node, spec.argument, spec.keyword), scope)
                return ENDPOINT, name, url, {"via": "URL not resolved"}
            module, _, function = name.rpartition(".")
            sdk = sdks.PYTHON_MODULES.get(module)
            if sdk is not None and function in sdk.methods:
                return ENDPOINT, name, None, _sdk_extra(sdk)
            if name in sdks.PYTHON_MAIL_FUNCTIONS:
                # The relay is the EMAIL_HOST setting, not in this call: an unverified endpoint.
                return ENDPOINT, name, None, {"via": "mail relay (EMAIL_HOST) not resolved"}
            if name in self.catalogue.sinks:
                sink = self.catalogue.sinks[name]
                return STORE, name, self._endpoint_of(node, scope), {"store": sink.store}
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            handle = self.handle(func.value, state)
            if handle is not None and (handle.methods is None or method in handle.methods):
                qualified = f"{handle.name}.{method}"
                if handle.kind == "sdk" and handle.sdk is not None:
                    return ENDPOINT, qualified, None, _sdk_extra(handle.sdk)
                if handle.kind == "producer":
                    return ENDPOINT, qualified, handle.endpoint, {"via": "broker not resolved"}
                if handle.kind == "mail":
                    via = {"via": "mail relay not resolved", "carrier": "mail"}
                    return ENDPOINT, qualified, handle.endpoint, via
                return STORE, qualified, handle.endpoint, {"store": handle.store or "data store"}
            if method in _LOG_METHODS and _LOGGER_NAME.match(_last(func.value)):
                return LOG, f"{_last(func.value)}.{method}", None, {}
            if method == "write" and _dotted(func.value) in _STREAMS:
                return LOG, f"{_dotted(func.value)}.write", None, {}
            if method in _WRAPPER_METHODS and scope is not None:
                url = self._wrapper_url(node, method, scope)
                if url is not None:
                    owner = _dotted(func.value) or _last(func.value) or "?"
                    return ENDPOINT, f"{owner}.{method}", url, {"via": "URL not resolved"}
        return None

    def _wrapper_url(self, node: cst.Call, method: str, scope: Scope) -> Text | None:
        """The http(s) URL a call to an HTTP-named method takes, when it is an app's own
        wrapper (``self.post("https://api.twilio.com/...", data=data)``): the URL a literal or a
        same-file constant in its arguments. ``get``, ``put``, ``delete``, ``head``, ``options``
        and ``send`` are also dict, queue, set and socket methods (``cache.get(url)``,
        ``queue.put(url)``): for them an HTTP keyword argument (``params=``, ``data=``,
        ``json=``, ``headers=``...) must be there too, which those never take."""
        keywords = {a.keyword.value for a in node.args if a.keyword is not None}
        if method not in _WRAPPER_SURE and not keywords & _HTTP_KEYWORDS:
            return None
        for arg in node.args:
            if arg.keyword is not None and arg.keyword.value not in _URL_KEYWORDS:
                continue
            if isinstance(arg.value, cst.Integer | cst.Float | cst.Dict | cst.List | cst.Tuple):
                continue
            text = self.resolver.text(arg.value, scope)
            if text is not None and _HTTP_URL.match(text.text):
                return text
        return None

    def handle(self, node: cst.BaseExpression, state: _State) -> _Handle | None:
        """The sending object ``node`` stands for, if any."""
        if isinstance(node, cst.Await):
            return self.handle(node.expression, state)
        key = _dotted(node)
        if key is not None and key in state.handles:
            return state.handles[key]
        if isinstance(node, cst.Name):
            return self._module_handle(node.value)
        if isinstance(node, cst.Attribute) and node.attr.value in sdks.PYTHON_CLIENT_NAMESPACES:
            inner = self.handle(node.value, state)  # postmark.emails.send(...)
            if inner is not None and inner.kind == "sdk":
                return inner
        if (
            isinstance(node, cst.Attribute)
            and isinstance(node.value, cst.Name)
            and node.value.value in ("self", "cls")
        ):
            return self._attribute_handle(node)
        if not isinstance(node, cst.Call):
            return None
        func = node.func
        if isinstance(func, cst.Attribute):
            inner = self.handle(func.value, state)  # conn.cursor(), client.bucket("b")
            if inner is not None and inner.kind == STORE:
                return inner
        site = self.sites.get(id(node))
        if site is None:
            return None
        callee = self.resolver.value(func, site.scope)
        if not isinstance(callee, Ref):
            return None
        name = callee.name
        if name in sdks.PYTHON_CLIENTS:
            sdk = sdks.PYTHON_CLIENTS[name]
            return _Handle("sdk", name, sdk=sdk, methods=sdk.methods)
        if name in sdks.PYTHON_MAILERS:
            # Only smtplib takes the relay host first; a message's first argument is its subject.
            endpoint = (
                self._endpoint_of(node, site.scope)
                if name.startswith("smtplib.")
                else self.resolver.text(argument(node, None, "host"), site.scope)
            )
            return _Handle("mail", name, endpoint=endpoint, methods=sdks.PYTHON_MAILERS[name])
        if name in sdks.PYTHON_PRODUCERS:
            endpoint = self._endpoint_of(node, site.scope)
            return _Handle("producer", name, endpoint=endpoint, methods=sdks.PYTHON_PRODUCERS[name])
        if name in self.catalogue.aws_factories:
            service = self.resolver.text(argument(node, 0, self.catalogue.aws_keyword), site.scope)
            label = service.text if service is not None and service.complete else "?"
            endpoint = self._endpoint_of(node, site.scope)
            if label in sdks.AWS_MESSAGING:
                return _Handle("producer", f"{name}({label})", endpoint=endpoint)
            if label != "?" and label not in self.catalogue.aws_services:
                return None  # control plane: sends no user data anywhere that matters here
            store = self.catalogue.aws_services.get(label, "aws")
            return _Handle(STORE, f"{name}({label})", store=store, endpoint=endpoint)
        hit = classify_call(site, self.resolver, self.catalogue, ())
        if hit is not None:
            return _Handle(
                STORE, hit.sink, store=hit.store, endpoint=self._endpoint_of(node, site.scope)
            )
        return None

    def _module_handle(self, name: str) -> _Handle | None:
        if name not in self._module_handles:
            self._module_handles[name] = None  # a = b; b = a
            found = None
            module_scope = next(iter(self.sites.values())).scope if self.sites else None
            while module_scope is not None and module_scope.parent is not None:
                module_scope = module_scope.parent
            bindings = module_scope.names.get(name, []) if module_scope is not None else []
            if len(bindings) == 1 and isinstance(bindings[0], ValueBinding):
                value = bindings[0].value
                if value is not None:
                    found = self.handle(value, _State())
            self._module_handles[name] = found
        return self._module_handles[name]

    def _attribute_handle(self, node: cst.Attribute) -> _Handle | None:
        # By name, once per module: the answer depends on the name alone, and looking it up
        # for every `self.x` read scanned every call site again (most of the pass on Django).
        name = node.attr.value
        if name not in self._attribute_handles:
            self._attribute_handles[name] = None  # self.a = self.b; self.b = self.a
            self._attribute_handles[name] = self._find_attribute_handle(name)
        return self._attribute_handles[name]

    def _find_attribute_handle(self, name: str) -> _Handle | None:
        for site in self.sites.values():
            klass = site.scope.enclosing_class()
            if klass is None:
                continue
            for binding in klass.attributes.get(name, []):
                if isinstance(binding, ValueBinding) and binding.value is not None:
                    found = self.handle(binding.value, _State())
                    if found is not None:
                        return found
        return None

    def _endpoint_of(self, node: cst.Call, scope: Scope | None) -> Text | None:
        if scope is None:
            return None
        for keyword in _ENDPOINT_KEYWORDS:
            text = self.resolver.text(argument(node, None, keyword), scope)
            if text is not None and text.text:
                return text
        first = self.resolver.text(argument(node, 0, None), scope)
        if first is not None and ("://" in first.text or "." in first.text):
            return first
        return None


# ---------------------------------------------------------------------- authorization


_ENTRY = "entry"
_DJANGO = "django-function"


class _Authorization:
    def __init__(self, analysis: _Analysis, authorizers: tuple[str, ...], module_name: str):
        self.a = analysis
        self.names = {a.lstrip("@") for a in authorizers}
        self.last = {n.rsplit(".", 1)[-1] for n in self.names}
        self.module_name = module_name
        self.functions: dict[str, cst.FunctionDef] = {
            s.name.value: s for s in analysis.module.body if isinstance(s, cst.FunctionDef)
        }
        self._memo: dict[str, list[tuple[cst.CSTNode, str, str, int]]] = {}
        # Module-level `CurrentUser = Annotated[User, Depends(get_current_user)]`.
        self.aliases: dict[str, cst.BaseExpression] = {
            t.target.value: small.value
            for statement in analysis.module.body
            if isinstance(statement, cst.SimpleStatementLine)
            for small in statement.body
            if isinstance(small, cst.Assign)
            for t in small.targets
            if isinstance(t.target, cst.Name)
        }

    def check(self, module_scope: Scope) -> list[UnguardedAccess]:
        out: list[UnguardedAccess] = []
        exported = _exported(self.a.module)
        for function, owner in self._definitions():
            entry = self._entry(function, owner, exported)
            if not entry:
                continue
            if self._decorated(function) or (owner is not None and self._decorated(owner)):
                continue
            if self._in_defaults(function):
                continue
            for node, kind, what, via_line in self._accesses(function, set()):
                label = (
                    f"{owner.name.value}.{function.name.value}"
                    if owner is not None
                    else function.name.value
                )
                span = self.a.span(node)
                via = f"through a helper called on line {via_line}" if via_line else ""
                line = self.a.line(function.name)
                out.append(
                    UnguardedAccess(
                        label, line, kind, what, *span, via, django_function=entry == _DJANGO
                    )
                )
        return out

    def _definitions(self) -> list[tuple[cst.FunctionDef, cst.ClassDef | None]]:
        out: list[tuple[cst.FunctionDef, cst.ClassDef | None]] = []
        for statement in self.a.module.body:
            if isinstance(statement, cst.FunctionDef):
                out.append((statement, None))
            elif isinstance(statement, cst.ClassDef):
                for member in _statements(statement.body):
                    if isinstance(member, cst.FunctionDef):
                        out.append((member, statement))
        return out

    def _entry(
        self, function: cst.FunctionDef, owner: cst.ClassDef | None, exported: set[str]
    ) -> str:
        """Why ``function`` is an entry point ("" when it is not one): _ENTRY, or _DJANGO for
        a function taken for a Django view by its name and module alone."""
        for decorator in function.decorators:
            if _callee_text(decorator.decorator).rsplit(".", 1)[-1] in _ROUTE_DECORATORS:
                return _ENTRY
        if owner is not None:
            bases = [_callee_text(b.value) for b in owner.bases]
            is_view = function.name.value in _VIEW_METHODS and any(
                _VIEW_BASE.search(b) for b in bases
            )
            return _ENTRY if is_view else ""
        if function.name.value in exported:
            return _ENTRY
        # Django function views: a views module's public functions that take the request.
        # Helpers look the same (`def email_form(request, channel)` called by a view): the
        # scan keeps these only when a urls.py of the tree names them (flows.django_urls).
        params = function.params.params
        if (
            self.module_name.rsplit(".", 1)[-1] == "views"
            and not function.name.value.startswith("_")
            and bool(params)
            and params[0].name.value == "request"
        ):
            return _DJANGO
        return ""

    def _is_authorizer(self, node: cst.BaseExpression) -> bool:
        text = _callee_text(node)
        return text in self.names or text.rsplit(".", 1)[-1] in self.last

    def _mentions_authorizer(self, node: cst.CSTNode) -> bool:
        stack = [node]
        while stack:
            current = stack.pop()
            if isinstance(current, cst.Name | cst.Attribute) and self._is_authorizer(current):
                return True
            if isinstance(current, cst.Call) and self._is_authorizer(current.func):
                return True
            stack.extend(child_nodes(current))
        return False

    def _decorated(self, definition: cst.FunctionDef | cst.ClassDef) -> bool:
        return any(self._mentions_authorizer(d.decorator) for d in definition.decorators)

    def _in_defaults(self, function: cst.FunctionDef) -> bool:
        """A parameter that FastAPI resolves through a check: ``user=Depends(check)``, or
        annotated ``Annotated[User, Depends(check)]``, or with an alias of that
        (``CurrentUser``) defined in this module or named in the policy."""
        params = function.params
        for p in (*params.params, *params.kwonly_params, *params.posonly_params):
            if p.default is not None and self._mentions_authorizer(p.default):
                return True
            if p.annotation is not None and self._guarding_annotation(p.annotation.annotation):
                return True
        return False

    def _guarding_annotation(self, node: cst.BaseExpression) -> bool:
        if self._mentions_authorizer(node):
            return True
        alias = self.aliases.get(node.value) if isinstance(node, cst.Name) else None
        return alias is not None and self._mentions_authorizer(alias)

    def _accesses(
        self, function: cst.FunctionDef, seen: set[str]
    ) -> list[tuple[cst.CSTNode, str, str, int]]:
        """The first unguarded access of each kind in ``function`` (node, kind, what, via)."""
        seen = seen | {function.name.value}
        names = _request_names(function)
        requests = _Requests(names, _input_aliases(function, names))
        for statement in _statements(function.body):
            found = self._access_in(statement, seen, requests)
            if found:
                return found
            if self._mentions_authorizer(statement):
                return []  # checked before anything was touched
        return []

    def _access_in(
        self, statement: cst.CSTNode, seen: set[str], requests: _Requests
    ) -> list[tuple[cst.CSTNode, str, str, int]]:
        stack = [statement]
        while stack:
            node = stack.pop()
            if isinstance(node, cst.FunctionDef | cst.ClassDef | cst.Lambda):
                continue
            if _request_input(node, requests):
                continue  # the caller's own input (request.META["REMOTE_ADDR"]): no data read
            if isinstance(node, cst.Call):
                site = self.a.sites.get(id(node))
                if site is not None:
                    hit = classify_call(site, self.a.resolver, self.a.catalogue, ())
                    if hit is not None and hit.store != "http-protected":
                        return [(node, "store", hit.sink, 0)]
                if isinstance(node.func, cst.Name) and node.func.value in self.functions:
                    helper = node.func.value
                    if helper not in seen:
                        inner = self._accesses(self.functions[helper], seen)
                        if inner:
                            n, kind, what, _ = inner[0]
                            return [(n, kind, what, self.a.line(node))]
            category = _source_category(node, self.a.cats)
            if category is not None:
                return [(node, "category", category, 0)]
            stack.extend(reversed(child_nodes(node)))
        return []


# The caller's own input on a request object (Django, DRF, Flask, FastAPI/Starlette, aiohttp):
# reading it reads nothing from the gateway's stores, so it is no protected access for
# gateway-authorization. The flow analysis still takes it as a source (the caller's IP sent
# to a US API is egress). `request.user.email` is no input: the user is loaded from the store.
_REQUEST_INPUTS = frozenset(
    {"META", "headers", "GET", "POST", "args", "form", "values", "json", "get_json", "body",
     "data", "query_params", "query", "params", "path_params", "cookies", "COOKIES", "FILES",
     "files", "environ", "remote_addr", "client", "access_route", "content", "stream", "url",
     "path", "match_info", "rel_url", "query_string", "raw_post_data", "text"}
)  # fmt: skip
_REQUEST_TYPE = re.compile(r"(Request|HttpRequest|WSGIRequest|ASGIRequest)$")


def _request_names(function: cst.FunctionDef) -> frozenset[str]:
    """Names that hold the request in ``function``: ``request`` and ``req`` always (Flask's
    global ``request`` too), and a parameter named ``r`` or annotated with a request type."""
    names = {"request", "req"}
    params = function.params
    for p in (*params.posonly_params, *params.params, *params.kwonly_params):
        annotated = p.annotation is not None and _REQUEST_TYPE.search(
            _callee_text(p.annotation.annotation)
        )
        if p.name.value == "r" or annotated:
            names.add(p.name.value)
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class _Requests:
    names: frozenset[str]  # hold the request
    aliases: frozenset[str]  # hold some of its input: `headers = request.META`


def _input_aliases(function: cst.FunctionDef, names: frozenset[str]) -> frozenset[str]:
    """Local names assigned the request's input anywhere in ``function`` (healthchecks' ping:
    ``headers = request.META`` then ``headers["REMOTE_ADDR"]``)."""
    found: set[str] = set()
    nothing = _Requests(names, frozenset())
    stack: list[cst.CSTNode] = [function.body]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.FunctionDef | cst.ClassDef | cst.Lambda):
            continue
        if isinstance(node, cst.Assign) and _request_input(node.value, nothing):
            found |= {t.target.value for t in node.targets if isinstance(t.target, cst.Name)}
        stack.extend(child_nodes(node))
    return frozenset(found)


def _request_input(node: cst.CSTNode, requests: _Requests) -> bool:
    """``node`` reads the request's own input: ``request.META[...]``, ``req.headers.x``,
    ``request.remote_addr``, ``request.GET.get(...)`` (the chain from the request name
    starts with an input attribute), or reads from a local alias of that input."""
    chained = False
    while isinstance(node, cst.Subscript | cst.Attribute | cst.Call):
        if (
            isinstance(node, cst.Attribute)
            and isinstance(node.value, cst.Name)
            and node.value.value in requests.names
        ):
            return node.attr.value in _REQUEST_INPUTS
        node = node.func if isinstance(node, cst.Call) else node.value
        chained = True
    return chained and isinstance(node, cst.Name) and node.value in requests.aliases


def _source_category(node: cst.CSTNode, cats: Categories) -> str | None:
    """The category a read of protected data denotes (attribute, key, getter), if any."""
    if cats.empty:
        return None
    if isinstance(node, cst.Attribute):
        return cats.of(node.attr.value)
    if isinstance(node, cst.Subscript):
        for element in node.slice:
            index = element.slice
            if isinstance(index, cst.Index) and isinstance(index.value, cst.SimpleString):
                literal = index.value.evaluated_value
                if isinstance(literal, str):
                    return cats.of(literal)
    return None


def _exported(module: cst.Module) -> set[str]:
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if (
                isinstance(small, cst.Assign)
                and any(
                    isinstance(t.target, cst.Name) and t.target.value == "__all__"
                    for t in small.targets
                )
                and isinstance(small.value, cst.List | cst.Tuple)
            ):
                return {
                    e.value.evaluated_value
                    for e in small.value.elements
                    if isinstance(e.value, cst.SimpleString)
                    and isinstance(e.value.evaluated_value, str)
                }
    return set()


# ---------------------------------------------------------------------- small helpers


def _statements(node: cst.CSTNode) -> list[cst.CSTNode]:
    if isinstance(node, cst.Module):
        return list(node.body)
    if isinstance(node, cst.IndentedBlock):
        return list(node.body)
    if isinstance(node, cst.SimpleStatementSuite):
        return list(node.body)  # `if x: a = b; c()`: small statements, handled one by one
    if isinstance(node, cst.Else | cst.Finally):
        return _statements(node.body)
    return [node]


def _dotted(node: cst.CSTNode) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    return None


def _last(node: cst.CSTNode) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    if isinstance(node, cst.Call):
        return _last(node.func)
    return ""


def _callee_text(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Call):
        return _callee_text(node.func)
    return _dotted(node) or ""


def _union(a: Taint, b: Taint) -> Taint:
    if not b:
        return a
    if not a:
        return b
    out = dict(a)
    for category, trace in b.items():
        # The shorter trace is the clearer story of the same flow.
        if category not in out or len(trace) < len(out[category]):
            out[category] = trace
    return out


def _compact(steps: tuple[FlowStep, ...]) -> tuple[FlowStep, ...]:
    out: list[FlowStep] = []
    for step in steps:
        if out and out[-1] == step:
            continue
        out.append(step)
    return tuple(out)


def _sdk_extra(sdk: sdks.Sdk) -> dict[str, str]:
    return {
        "host": sdk.host,
        "via": f"default host of the {sdk.vendor} SDK",
        "jurisdiction": sdk.jurisdiction,
        "vendor": sdk.vendor,
    }
