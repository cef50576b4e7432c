"""One walk over a libcst module: scopes with their bindings, every call and every import.

libcst's own visitor rebuilds each node it visits and ``MetadataWrapper`` with
``ScopeProvider`` costs several times the parse; this walk only reads node fields, skips
whitespace, and records what the resolver needs. Bindings are collected for the whole scope
before anything is resolved, so a name used above its assignment (a function body that
uses a module constant defined further down) still resolves.

Calls and import statements are recorded in source order, which is what lets
:mod:`auditkit.analyzers._positions` pair them with the stdlib ``ast`` nodes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import libcst as cst

# Fields that hold only whitespace, punctuation or operators: never a call or a binding.
_SKIPPED_FIELDS = frozenset(
    {
        "lpar", "rpar", "lbracket", "rbracket", "lbrace", "rbrace", "leading_lines",
        "lines_after_decorators", "header", "footer", "comma", "semicolon", "colon", "equal",
        "dot", "trailing_whitespace", "operator", "asynchronous", "relative", "star",
        "whitespace_after_star", "whitespace_after_arg", "whitespace_after_param",
    }
)  # fmt: skip
# Node types whose field order differs from the order of their parts in the source.
_SOURCE_ORDER = {
    cst.FunctionDef: ("decorators", "name", "type_parameters", "params", "returns", "body"),
    cst.ClassDef: ("decorators", "name", "type_parameters", "bases", "keywords", "body"),
    cst.IfExp: ("body", "test", "orelse"),
    cst.ExceptHandler: ("type", "name", "body"),
    cst.ExceptStarHandler: ("type", "name", "body"),
    cst.MatchCase: ("pattern", "guard", "body"),
    cst.Parameters: (
        "posonly_params",
        "posonly_ind",
        "params",
        "star_arg",
        "kwonly_params",
        "star_kwarg",
    ),
}
_CHILD_FIELDS: dict[type[cst.CSTNode], tuple[str, ...]] = {}


def _child_fields(kind: type[cst.CSTNode]) -> tuple[str, ...]:
    names = _CHILD_FIELDS.get(kind)
    if names is None:
        names = _SOURCE_ORDER.get(kind) or tuple(
            f.name
            for f in dataclasses.fields(kind)
            if f.name not in _SKIPPED_FIELDS and not f.name.startswith("whitespace")
        )
        _CHILD_FIELDS[kind] = names
    return names


@dataclass(frozen=True, slots=True)
class ImportBinding:
    qualified: str  # what the name stands for: "sqlalchemy", "redis.Redis"
    via: str  # how, for the finding: "import alias sa -> sqlalchemy"


@dataclass(frozen=True, slots=True)
class ValueBinding:
    """``name = value`` (``value`` None: bound to something the resolver cannot follow)."""

    name: str
    value: cst.BaseExpression | None
    scope: Scope


@dataclass(frozen=True, slots=True)
class ClassBinding:
    name: str
    scope: Scope


Binding = ImportBinding | ValueBinding | ClassBinding


@dataclass(eq=False, slots=True)
class Scope:
    kind: str  # "module", "function" or "class"
    parent: Scope | None
    names: dict[str, list[Binding]] = field(default_factory=dict)
    parameters: set[str] = field(default_factory=set)
    star_imports: list[str] = field(default_factory=list)
    # class scopes: `self.<attribute> = value` assignments made in any of its methods
    attributes: dict[str, list[Binding]] = field(default_factory=dict)

    def bind(self, name: str, binding: Binding) -> None:
        self.names.setdefault(name, []).append(binding)

    def enclosing_class(self) -> Scope | None:
        if self.kind == "function" and self.parent is not None and self.parent.kind == "class":
            return self.parent
        return None


@dataclass(frozen=True, slots=True)
class CallSite:
    node: cst.Call
    scope: Scope
    type_checking: bool


@dataclass(frozen=True, slots=True)
class ImportSite:
    node: cst.Import | cst.ImportFrom
    modules: tuple[
        str, ...
    ]  # absolute modules imported: `import a.b` -> a.b, `from a import b` -> a
    members: tuple[str, ...]  # `from a import b, c` -> a.b, a.c (each may be a submodule)
    type_checking: bool


@dataclass(slots=True)
class ModuleFacts:
    scope: Scope
    calls: list[CallSite] = field(default_factory=list)
    imports: list[ImportSite] = field(default_factory=list)


def collect(module: cst.Module) -> ModuleFacts:
    """Walk ``module`` once (iteratively: deep expressions must not exhaust the stack)."""
    facts = ModuleFacts(Scope("module", None))
    stack: list[tuple[cst.CSTNode, Scope, bool]] = [(module, facts.scope, False)]
    while stack:
        node, scope, type_checking = stack.pop()
        handler = _HANDLERS.get(type(node))
        children = handler(node, scope, type_checking, facts) if handler else None
        if children is None:
            children = [(c, scope, type_checking) for c in _children(node)]
        stack.extend(reversed(children))
    return facts


def child_nodes(node: cst.CSTNode) -> list[cst.CSTNode]:
    """``node.children`` in source order without whitespace and punctuation, at a fraction of
    its cost (libcst builds ``children`` by visiting, which rebuilds the node)."""
    return _children(node)


def _children(node: cst.CSTNode) -> list[cst.CSTNode]:
    out: list[cst.CSTNode] = []
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, cst.CSTNode):
            out.append(value)
        elif isinstance(value, tuple | list):
            out.extend(v for v in value if isinstance(v, cst.CSTNode))
    return out


Children = list[tuple[cst.CSTNode, Scope, bool]] | None


def _call(node: cst.CSTNode, scope: Scope, tc: bool, facts: ModuleFacts) -> Children:
    assert isinstance(node, cst.Call)
    facts.calls.append(CallSite(node, scope, tc))
    return None


def _import(node: cst.CSTNode, scope: Scope, tc: bool, facts: ModuleFacts) -> Children:
    assert isinstance(node, cst.Import)
    modules = []
    for alias in node.names:
        dotted = dotted_name(alias.name)
        modules.append(dotted)
        if tc:  # a TYPE_CHECKING import binds nothing at run time
            continue
        if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
            local = alias.asname.name.value
            scope.bind(local, ImportBinding(dotted, f"import alias {local} -> {dotted}"))
        else:
            top = dotted.split(".")[0]
            scope.bind(top, ImportBinding(top, f"import {dotted}"))
    facts.imports.append(ImportSite(node, tuple(modules), (), tc))
    return []


def _import_from(node: cst.CSTNode, scope: Scope, tc: bool, facts: ModuleFacts) -> Children:
    assert isinstance(node, cst.ImportFrom)
    base = "." * len(node.relative) + (dotted_name(node.module) if node.module else "")
    modules: list[str] = []
    if isinstance(node.names, cst.ImportStar):
        if not tc and not node.relative:
            scope.star_imports.append(base)
    else:
        for alias in node.names:
            name = dotted_name(alias.name)
            qualified = f"{base}.{name}" if not base.endswith(".") else base + name
            modules.append(qualified)
            if tc:
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
                via = f"import alias {local} -> {qualified}"
            else:
                local, via = name, f"from {base} import {name}"
            scope.bind(local, ImportBinding(qualified, via))
    # Relative imports name the project's own modules, never a catalogued driver.
    absolute = not node.relative
    facts.imports.append(
        ImportSite(node, (base,) if absolute else (), tuple(modules) if absolute else (), tc)
    )
    return []


def _function(node: cst.CSTNode, scope: Scope, tc: bool, facts: ModuleFacts) -> Children:
    assert isinstance(node, cst.FunctionDef | cst.Lambda)
    inner = Scope("function", scope)
    params = node.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        inner.parameters.add(param.name.value)
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            inner.parameters.add(star.name.value)
    if isinstance(node, cst.Lambda):
        return [(params, scope, tc), (node.body, inner, tc)]
    scope.bind(node.name.value, ValueBinding(node.name.value, None, scope))
    # Decorators, defaults and annotations run in the enclosing scope; the body in its own.
    return [(c, scope, tc) for c in _children(node) if c is not node.body] + [
        (node.body, inner, tc)
    ]


def _class(node: cst.CSTNode, scope: Scope, tc: bool, facts: ModuleFacts) -> Children:
    assert isinstance(node, cst.ClassDef)
    inner = Scope("class", scope)
    scope.bind(node.name.value, ClassBinding(node.name.value, inner))
    return [(c, scope, tc) for c in _children(node) if c is not node.body] + [
        (node.body, inner, tc)
    ]


def _if(node: cst.CSTNode, scope: Scope, tc: bool, facts: ModuleFacts) -> Children:
    assert isinstance(node, cst.If)
    test = node.test
    checking = (isinstance(test, cst.Name) and test.value == "TYPE_CHECKING") or (
        isinstance(test, cst.Attribute) and test.attr.value == "TYPE_CHECKING"
    )
    if not checking:
        return None
    out: list[tuple[cst.CSTNode, Scope, bool]] = [(node.test, scope, tc), (node.body, scope, True)]
    if node.orelse is not None:
        out.append((node.orelse, scope, tc))
    return out


def _assign(node: cst.CSTNode, scope: Scope, tc: bool, facts: ModuleFacts) -> Children:
    if isinstance(node, cst.Assign):
        for target in node.targets:
            bind_target(scope, target.target, node.value)
    elif isinstance(node, cst.AnnAssign):
        bind_target(scope, node.target, node.value)
    elif isinstance(node, cst.AugAssign):
        bind_target(scope, node.target, None)
    elif isinstance(node, cst.NamedExpr):
        bind_target(scope, node.target, node.value)
    elif isinstance(node, cst.WithItem) and node.asname is not None:
        bind_target(scope, node.asname.name, node.item)
    elif isinstance(node, cst.For | cst.CompFor):
        bind_target(scope, node.target, None)
    return None


def bind_target(scope: Scope, target: cst.BaseExpression, value: cst.BaseExpression | None) -> None:
    """Record ``target = value``; unpacking binds each name to what the resolver can pair."""
    if isinstance(target, cst.Name):
        scope.bind(target.value, ValueBinding(target.value, value, scope))
    elif isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
        owner = scope.enclosing_class()
        if owner is not None and target.value.value in ("self", "cls"):
            name = target.attr.value
            owner.attributes.setdefault(name, []).append(ValueBinding(name, value, scope))
    elif isinstance(target, cst.Tuple | cst.List):
        values = value.elements if isinstance(value, cst.Tuple | cst.List) else None
        pairs = values is not None and len(values) == len(target.elements)
        for i, element in enumerate(target.elements):
            paired = values[i].value if pairs and values is not None else None
            bind_target(scope, element.value, paired)


def dotted_name(node: cst.BaseExpression) -> str:
    """``a.b.c`` for a Name/Attribute chain (import names are always such chains)."""
    if isinstance(node, cst.Attribute):
        return f"{dotted_name(node.value)}.{node.attr.value}"
    if isinstance(node, cst.Name):
        return node.value
    return ""


_HANDLERS = {
    cst.Call: _call,
    cst.Import: _import,
    cst.ImportFrom: _import_from,
    cst.FunctionDef: _function,
    cst.Lambda: _function,
    cst.ClassDef: _class,
    cst.If: _if,
    cst.Assign: _assign,
    cst.AnnAssign: _assign,
    cst.AugAssign: _assign,
    cst.NamedExpr: _assign,
    cst.WithItem: _assign,
    cst.For: _assign,
    cst.CompFor: _assign,
}
