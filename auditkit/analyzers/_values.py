"""What an expression stands for, as far as the gateway analyzer cares.

Three kinds of value are followed, each carrying a human-readable ``via`` that the finding
shows: a qualified name (``Ref``: a module, class or function reached through imports), an
object made by a catalogued factory (``Obj``: ``requests.Session()``), and a string
(``Text``: literals, module or function constants, f-strings, concatenation, ``.format``,
``%``, ``urljoin`` and ``os.getenv`` defaults). A string whose tail is unknown keeps its known
prefix (``complete=False``): the host of ``f"{BASE}/users/{user_id}"`` is known.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

import libcst as cst

from auditkit.analyzers._python_catalogue import DYNAMIC_IMPORTS, PythonCatalogue
from auditkit.analyzers._scopes import (
    Binding,
    ClassBinding,
    ImportBinding,
    Scope,
    ValueBinding,
)

_ENV_DEFAULTS = {"os.getenv": "default", "os.environ.get": "default"}
_FORMATTER = string.Formatter()


@dataclass(frozen=True, slots=True)
class Ref:
    name: str
    via: str


@dataclass(frozen=True, slots=True)
class Obj:
    type: str
    via: str


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    complete: bool  # False: only a prefix of the run-time string is known
    via: str


@dataclass(frozen=True, slots=True)
class LocalClass:
    scope: Scope


Value = Ref | Obj | Text | LocalClass


def join(*parts: str) -> str:
    out: list[str] = []
    for part in parts:
        if part and part not in out:
            out.append(part)
    return "; ".join(out)


def argument(
    call: cst.Call, position: int | None, keyword: str | None
) -> cst.BaseExpression | None:
    """The expression passed as ``keyword=`` or at ``position`` (unknown after ``*args``)."""
    index: int | None = 0
    found = None
    for arg in call.args:
        if arg.keyword is not None:
            if keyword is not None and arg.keyword.value == keyword:
                return arg.value
        elif arg.star:
            index = None
        elif index is not None:
            if index == position:
                found = arg.value
            index += 1
    return found


class Resolver:
    """Resolves expressions of one module; results are memoised per (scope, name)."""

    def __init__(self, catalogue: PythonCatalogue) -> None:
        self.catalogue = catalogue
        self._memo: dict[tuple[int, str], Value | None] = {}
        self._active: set[tuple[int, str]] = set()

    # ------------------------------------------------------------------ names

    def value(self, expr: cst.BaseExpression, scope: Scope) -> Value | None:
        if isinstance(expr, cst.Name):
            return self.lookup(expr.value, scope)
        if isinstance(expr, cst.Attribute):
            return self._attribute(expr, scope)
        if isinstance(expr, cst.Call):
            return self._call(expr, scope)
        if isinstance(expr, cst.Subscript):
            base = self.value(expr.value, scope)
            return Ref(f"{base.name}[]", base.via) if isinstance(base, Ref) else None
        return self.text(expr, scope)

    def lookup(self, name: str, scope: Scope) -> Value | None:
        current: Scope | None = scope
        stars: list[str] = []
        while current is not None:
            # Names bound in a class body are invisible to the functions defined in it.
            if current.kind != "class" or current is scope:
                if name in current.parameters:
                    return None
                bindings = current.names.get(name)
                if bindings:
                    return self._bindings(current, name, bindings)
                stars.extend(current.star_imports)
            current = current.parent
        if name == "__import__":
            return Ref(name, "")
        for module in stars:
            if self.catalogue.known(f"{module}.{name}"):
                return Ref(f"{module}.{name}", f"from {module} import *")
        return None

    def _bindings(self, owner: Scope, name: str, bindings: list[Binding]) -> Value | None:
        key = (id(owner), name)
        if key in self._memo:
            return self._memo[key]
        if key in self._active:  # a = b; b = a
            return None
        self._active.add(key)
        try:
            result = self._combine(bindings)
        finally:
            self._active.discard(key)
        self._memo[key] = result
        return result

    def _combine(self, bindings: list[Binding]) -> Value | None:
        # An import wins over other bindings of the name: `except ImportError: redis = None`.
        for binding in bindings:
            if isinstance(binding, ImportBinding):
                return Ref(binding.qualified, binding.via)
        if len(bindings) == 1 and isinstance(bindings[0], ClassBinding):
            return LocalClass(bindings[0].scope)
        values = [self._bound(b) for b in bindings]
        first = values[0]
        if first is None or any(v is None or _key(v) != _key(first) for v in values[1:]):
            return None  # unknown, or bound to different things
        return first

    def _bound(self, binding: Binding) -> Value | None:
        if not isinstance(binding, ValueBinding) or binding.value is None:
            return None
        value = self.value(binding.value, binding.scope)
        if isinstance(value, Text):
            shown = repr(value.text) + ("" if value.complete else "...")
            return Text(
                value.text, value.complete, join(value.via, f"constant {binding.name} = {shown}")
            )
        if isinstance(value, Ref):
            return Ref(value.name, join(value.via, f"bound to {binding.name}"))
        if isinstance(value, Obj):
            return Obj(value.type, join(value.via, f"bound to {binding.name}"))
        return value

    def _attribute(self, expr: cst.Attribute, scope: Scope) -> Value | None:
        attr = expr.attr.value
        owner = expr.value
        if isinstance(owner, cst.Name) and owner.value in ("self", "cls"):
            klass = scope.enclosing_class()
            if klass is not None:
                bindings = klass.attributes.get(attr) or klass.names.get(attr)
                if bindings:
                    return self._bindings(klass, f"self.{attr}", bindings)
        base = self.value(owner, scope)
        if isinstance(base, Ref):
            return Ref(f"{base.name}.{attr}", base.via)
        if isinstance(base, Obj):
            return Ref(f"{base.type}.{attr}", base.via)
        if isinstance(base, LocalClass):
            bindings = base.scope.names.get(attr)
            return self._bindings(base.scope, attr, bindings) if bindings else None
        return None

    def _call(self, call: cst.Call, scope: Scope) -> Value | None:
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value == "format":
            return self._format(call, func.value, scope)
        callee = self.value(func, scope)
        if not isinstance(callee, Ref):
            return None
        name = callee.name
        if name in self.catalogue.instances:
            return Obj(self.catalogue.instances[name], join(callee.via, f"{name}()"))
        if name in DYNAMIC_IMPORTS:
            return self._dynamic_import(call, name, scope)
        if name in _ENV_DEFAULTS:
            default = self.text(argument(call, 1, _ENV_DEFAULTS[name]), scope)
            key = self.text(argument(call, 0, "key"), scope)
            shown = f"{name}({key.text!r})" if key else name
            return (
                Text(default.text, default.complete, join(default.via, f"default of {shown}"))
                if default
                else None
            )
        if name == "urllib.parse.urljoin":
            base = self.text(argument(call, 0, "base"), scope)
            return Text(base.text, False, base.via) if base else None
        return None

    def _dynamic_import(self, call: cst.Call, name: str, scope: Scope) -> Value | None:
        module = self.text(argument(call, 0, "name"), scope)
        if module is None or not module.complete:
            return None
        target = module.text
        # __import__("a.b") returns the package a unless a fromlist asks for a.b itself.
        if name == "__import__" and argument(call, 3, "fromlist") is None:
            target = target.split(".")[0]
        return Ref(target, join(module.via, f"{name}({module.text!r})"))

    # ------------------------------------------------------------------ strings

    def text(self, expr: cst.BaseExpression | None, scope: Scope) -> Text | None:
        if expr is None:
            return None
        if isinstance(expr, cst.SimpleString):
            literal = expr.evaluated_value
            return Text(literal, True, "") if isinstance(literal, str) else None
        if isinstance(expr, cst.ConcatenatedString):
            return _concat(self.text(expr.left, scope), self.text(expr.right, scope))
        if isinstance(expr, cst.FormattedString):
            return self._fstring(expr, scope)
        if isinstance(expr, cst.BinaryOperation):
            left = self.text(expr.left, scope)
            if isinstance(expr.operator, cst.Add):
                return _concat(left, self.text(expr.right, scope))
            if isinstance(expr.operator, cst.Modulo) and left is not None:
                return _percent(left, self.text(expr.right, scope))
            return None
        if isinstance(expr, cst.BooleanOperation) and isinstance(expr.operator, cst.Or):
            return self.text(expr.left, scope) or self.text(expr.right, scope)
        if isinstance(expr, cst.Name | cst.Attribute | cst.Call | cst.Subscript):
            resolved = self.value(expr, scope)
            return resolved if isinstance(resolved, Text) else None
        return None

    def _fstring(self, expr: cst.FormattedString, scope: Scope) -> Text | None:
        out = Text("", True, "")
        for part in expr.parts:
            if isinstance(part, cst.FormattedStringText):
                literal = part.value.replace("{{", "{").replace("}}", "}")
                out = _append(out, Text(literal, True, ""))
            elif isinstance(part, cst.FormattedStringExpression) and not part.format_spec:
                out = _append(out, self.text(part.expression, scope))
            else:
                out = _append(out, None)
            if not out.complete:
                break
        return out if out.text else None

    def _format(
        self, call: cst.Call, template_expr: cst.BaseExpression, scope: Scope
    ) -> Text | None:
        template = self.text(template_expr, scope)
        if template is None or not template.complete:
            return (
                None if template is None else Text(template.text.split("{")[0], False, template.via)
            )
        try:
            fields = list(_FORMATTER.parse(template.text))
        except ValueError:
            return None
        out = Text("", True, template.via)
        auto = 0
        for literal, field_name, _spec, _conversion in fields:
            out = _append(out, Text(literal, True, ""))
            if field_name is None:
                continue
            if field_name == "":
                field_name, auto = str(auto), auto + 1
            if field_name.isdigit():
                arg = argument(call, int(field_name), None)
            else:
                arg = argument(call, None, field_name)
            out = _append(out, self.text(arg, scope))
            if not out.complete:
                break
        return out


def _concat(left: Text | None, right: Text | None) -> Text | None:
    return None if left is None else _append(left, right)


def _append(left: Text, right: Text | None) -> Text:
    if not left.complete:
        return left
    if right is None:
        return Text(left.text, False, left.via)
    return Text(left.text + right.text, right.complete, join(left.via, right.via))


def _percent(template: Text, value: Text | None) -> Text:
    head, sep, tail = template.text.partition("%")
    if not sep:
        return template
    if head == "" and tail.startswith("s") and value is not None:
        return Text(value.text, False, join(template.via, value.via))
    return Text(head, False, template.via)


def _key(value: Value) -> object:
    if isinstance(value, Ref):
        return ("ref", value.name)
    if isinstance(value, Obj):
        return ("obj", value.type)
    if isinstance(value, Text):
        return ("text", value.text, value.complete)
    return ("class", id(value.scope))
