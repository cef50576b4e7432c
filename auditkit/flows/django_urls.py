"""Django routing across files: a function is a Django view only if a urls.py routes it.

The Python flow analysis sees one file: in a ``views`` module it takes every public function
whose first parameter is ``request`` for a view (``UnguardedAccess.django_function``). Helpers
look the same: ``def email_form(request, channel)``, called by a ``@login_required`` view that
checked the caller, is no entry point, and reporting it as unguarded is a false alarm (field
test f17, healthchecks). Django routes a view by naming it in a URLconf: ``path("add/",
views.add_email)``, ``re_path``, ``url(...)``, ``Klass.as_view()``, ``include``d lists.

As :mod:`auditkit.repositories` does for Spring Data, the join is made once per scan, after
every file has been analysed, on the engine results plus a cheap read of the URLconf files, so
the per-file result cache stays valid. Names are simple names: a function is kept when any
URLconf of the tree names it, whatever the module (``views.ping`` keeps every ``ping``), which
errs towards reporting. A tree with no URLconf (a source drop of one app, a project that
routes elsewhere) keeps today's behaviour: every such function stays an entry point.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from auditkit.flows.results import UnguardedAccess

# auditkit.engines.python_cst.PythonFileResult (an upper layer: not imported here).
_Result = TypeVar("_Result", bound=Any)

_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


def is_urlconf(path: str) -> bool:
    """``urls.py`` and its usual variants (``api_urls.py``, ``urls_v2.py``, a ``urls/``
    package's modules)."""
    p = PurePosixPath(path)
    if p.suffix != ".py":
        return False
    stem = p.stem
    return (
        stem == "urls"
        or stem.startswith("urls_")
        or stem.endswith("_urls")
        or "urls" in p.parts[:-1]
    )


def routed_names(root: Path, paths: Iterable[str]) -> frozenset[str] | None:
    """Every simple name the tree's URLconfs mention; None when the tree has none."""
    confs = [p for p in paths if is_urlconf(p)]
    if not confs:
        return None
    names: set[str] = set()
    for rel in confs:
        try:
            text = (root / rel).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        names |= _names(text)
    return frozenset(names)


def _names(text: str) -> set[str]:
    """Names a URLconf refers to: names, attributes, imported names and dotted strings (the
    old ``url(r"^x$", "app.views.fn")`` form). Unparsable: every identifier of the text."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return set(_IDENTIFIER.findall(text))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            out.add(node.id)
        elif isinstance(node, ast.Attribute):
            out.add(node.attr)
        elif isinstance(node, ast.alias):  # `from .views import detail as shown`: both
            out.add(node.name.rsplit(".", 1)[-1])
            if node.asname:
                out.add(node.asname)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.add(node.value.rsplit(".", 1)[-1])
    return out


def routed(access: UnguardedAccess, names: frozenset[str] | None) -> bool:
    """Whether ``access`` stands at an entry point once the tree's routing is known."""
    if not access.django_function or names is None:
        return True
    return access.entry_point.rsplit(".", 1)[-1] in names


def keep_routed(result: _Result, names: frozenset[str] | None) -> _Result:
    """``result`` (a per-file Python result, a dataclass with ``unguarded``) without the
    unguarded accesses of Django functions that no URLconf routes."""
    unguarded: tuple[object, ...] = result.unguarded
    if names is None or not unguarded:
        return result
    kept = tuple(u for u in unguarded if not isinstance(u, UnguardedAccess) or routed(u, names))
    return result if len(kept) == len(unguarded) else replace(result, unguarded=kept)
