"""Source positions of libcst calls and import statements, taken from the stdlib ``ast``.

libcst's ``PositionProvider`` regenerates the whole module in Python and costs about three
parses; CPython's own parser returns positions with its nodes at a tenth of one libcst
parse. The calls and import statements that :func:`auditkit.analyzers._scopes.collect`
records in source order are paired with the ``ast`` nodes sorted by position. If the two
disagree (a syntax the running interpreter cannot parse, a differing count, a callee with
another name), ``PositionProvider`` answers instead.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

# (start line, start column, end line, end column): 1-based, the end column exclusive as
# semgrep reports it; columns count characters.
Span = tuple[int, int, int, int]
Statement = cst.Import | cst.ImportFrom
_NEWLINE = re.compile(r"\r\n|\r|\n")  # the newlines CPython's tokenizer accepts


def spans(
    source: str,
    module: cst.Module,
    calls: Sequence[cst.Call],
    imports: Sequence[Statement],
    wanted: Sequence[cst.Call | Statement],
) -> dict[int, Span]:
    """``id(node) -> Span`` for every node in ``wanted`` (taken from ``calls``/``imports``)."""
    if not wanted:
        return {}
    found = _from_ast(source, calls, imports, wanted)
    return found if found is not None else _from_libcst(module, wanted)


def _from_ast(
    source: str,
    calls: Sequence[cst.Call],
    imports: Sequence[Statement],
    wanted: Sequence[cst.Call | Statement],
) -> dict[int, Span] | None:
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    ast_calls: list[ast.Call] = []
    ast_imports: list[ast.Import | ast.ImportFrom] = []
    for found in ast.walk(tree):
        if isinstance(found, ast.Call):
            ast_calls.append(found)
        elif isinstance(found, ast.Import | ast.ImportFrom):
            ast_imports.append(found)
    if len(ast_calls) != len(calls) or len(ast_imports) != len(imports):
        return None
    # Source order; an enclosing call starts where its callee does and ends later.
    ast_calls.sort(key=_order)
    ast_imports.sort(key=_order)
    call_index = {id(node): i for i, node in enumerate(calls)}
    import_index = {id(node): i for i, node in enumerate(imports)}
    lines = _NEWLINE.split(source)
    out: dict[int, Span] = {}
    for node in wanted:
        if isinstance(node, cst.Call):
            call = ast_calls[call_index[id(node)]]
            if not _same_call(node, call):  # the pairing went astray: trust none of it
                return None
            out[id(node)] = _span(call, lines)
        else:
            out[id(node)] = _span(ast_imports[import_index[id(node)]], lines)
    return out


def _order(node: ast.expr | ast.stmt) -> tuple[int, int, int, int]:
    return (node.lineno, node.col_offset, -(node.end_lineno or 0), -(node.end_col_offset or 0))


def _span(node: ast.expr | ast.stmt, lines: list[str]) -> Span:
    end_line = node.end_lineno or node.lineno
    end_col = node.end_col_offset if node.end_col_offset is not None else node.col_offset
    return (
        node.lineno,
        _characters(lines[node.lineno - 1], node.col_offset) + 1,
        end_line,
        _characters(lines[end_line - 1], end_col) + 1,
    )


def _characters(line: str, utf8_offset: int) -> int:
    """ast columns count UTF-8 bytes; findings count characters."""
    if line.isascii():
        return utf8_offset
    return len(line.encode("utf-8")[:utf8_offset].decode("utf-8", errors="replace"))


def _same_call(node: cst.Call, call: ast.Call) -> bool:
    arguments = len(call.args) + len(call.keywords)
    return _callee_name(node.func) == _ast_callee_name(call.func) and len(node.args) == arguments


def _callee_name(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    return node.attr.value if isinstance(node, cst.Attribute) else None


def _ast_callee_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


def _from_libcst(module: cst.Module, wanted: Sequence[cst.Call | Statement]) -> dict[int, Span]:
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    out: dict[int, Span] = {}
    for node in wanted:
        where = positions[node]
        out[id(node)] = (
            where.start.line,
            where.start.column + 1,
            where.end.line,
            where.end.column + 1,
        )
    return out
