"""The Python analyzer against annotated fixtures (tests/gateway/fixtures/python/*.py).

Annotations follow semgrep's convention and apply to the next line of code:

    # ruleid: gateway.bypass [psycopg2.connect]           a data-store call (sink name)
    # ruleid: gateway.protected-host [requests.get]       an HTTP call to a protected host
    # ruleid: gateway.import [redis] type-checking        an import edge (module, flag)
    # ok: gateway.bypass                                  nothing on the next line

Calls are compared exactly; import edges too when a fixture annotates any. Header lines
``# protected_hosts: a b`` and ``# extra_sinks: a b`` set the analyzer's arguments.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from auditkit.analyzers import _positions, analyze_python, mentions_any_sink
from auditkit.analyzers.gateway_python import PythonGatewayResult, SinkCall

FIXTURES = Path(__file__).parent / "fixtures" / "python"
_ANNOTATION = re.compile(
    r"^\s*#\s*(?P<kind>ruleid|ok):\s*(?P<rule>gateway\.[\w-]+)"
    r"(?:\s*\[(?P<name>.+)\])?(?P<tc>\s+type-checking)?\s*$"
)
_DIRECTIVE = re.compile(r"^#\s*(protected_hosts|extra_sinks):(.*)$")


@dataclass
class Expected:
    calls: Counter[tuple[int, str, str]] = field(default_factory=Counter)
    imports: Counter[tuple[int, str, bool]] = field(default_factory=Counter)
    ok_lines: set[int] = field(default_factory=set)
    arguments: dict[str, tuple[str, ...]] = field(default_factory=dict)


def parse_fixture(source: str) -> Expected:
    expected = Expected()
    pending: list[re.Match[str]] = []
    for number, line in enumerate(source.splitlines(), start=1):
        directive = _DIRECTIVE.match(line)
        if directive:
            expected.arguments[directive[1]] = tuple(directive[2].split())
            continue
        annotation = _ANNOTATION.match(line)
        if annotation:
            pending.append(annotation)
            continue
        if not line.strip() or line.lstrip().startswith("#") or not pending:
            continue
        for match in pending:
            if match["kind"] == "ok":
                expected.ok_lines.add(number)
            elif match["rule"] == "gateway.import":
                expected.imports[(number, match["name"], bool(match["tc"]))] += 1
            else:
                expected.calls[(number, match["rule"], match["name"])] += 1
        pending = []
    assert not pending, "annotation at the end of the file"
    return expected


def _rule(call: SinkCall) -> str:
    return "gateway.protected-host" if call.store == "http-protected" else "gateway.bypass"


def _analyze(source: str, expected: Expected) -> PythonGatewayResult:
    return analyze_python(
        source,
        extra_sinks=expected.arguments.get("extra_sinks", ()),
        protected_hosts=expected.arguments.get("protected_hosts", ()),
    )


FIXTURE_FILES = sorted(FIXTURES.glob("*.py"))
IMPORT_FIXTURES = [p for p in FIXTURE_FILES if "ruleid: gateway.import" in p.read_text()]


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixture_calls_are_exactly_the_annotated_ones(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    expected = parse_fixture(source)
    result = _analyze(source, expected)
    found = Counter((c.start_line, _rule(c), c.sink) for c in result.calls)
    assert found == expected.calls
    assert not {c.start_line for c in result.calls} & expected.ok_lines


@pytest.mark.parametrize("path", IMPORT_FIXTURES, ids=lambda p: p.name)
def test_fixture_import_edges_are_exactly_the_annotated_ones(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    expected = parse_fixture(source)
    result = _analyze(source, expected)
    found = Counter((i.line, i.module, i.type_checking_only) for i in result.imports)
    assert found == expected.imports


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_prefilter_never_skips_a_reported_file(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    expected = parse_fixture(source)
    result = _analyze(source, expected)
    assert result.calls or result.imports
    assert mentions_any_sink(source, expected.arguments.get("extra_sinks", ()))
    if any(c.store != "http-protected" for c in result.calls) or result.imports:
        assert mentions_any_sink(
            source, expected.arguments.get("extra_sinks", ()), protected_hosts=()
        )


def _text(lines: list[str], call: SinkCall) -> str:
    if call.start_line == call.end_line:
        return lines[call.start_line - 1][call.start_column - 1 : call.end_column - 1]
    first = lines[call.start_line - 1][call.start_column - 1 :]
    middle = lines[call.start_line : call.end_line - 1]
    last = lines[call.end_line - 1][: call.end_column - 1]
    return "\n".join([first, *middle, last])


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_call_ranges_are_exactly_the_call_expression(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    for call in _analyze(source, parse_fixture(source)).calls:
        text = _text(lines, call)
        assert isinstance(ast.parse(f"({text})", mode="eval").body, ast.Call), text


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_libcst_positions_agree_with_ast_positions(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = path.read_text(encoding="utf-8")
    expected = parse_fixture(source)
    fast = _analyze(source, expected)
    monkeypatch.setattr(_positions, "_from_ast", lambda *args: None)
    assert _analyze(source, expected) == fast
