"""The libcst pass over Python files: every libcst analyzer, one parse per file.

Files that mention no catalogued sink are not parsed at all (a text search is ~100x cheaper
than a libcst parse), which keeps the pass affordable on large trees.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from auditkit.distributions import installed_version

ENGINE = "libcst"


@dataclass(frozen=True)
class PythonFileResult:
    path: str
    calls: tuple[object, ...]  # auditkit.analyzers.gateway_python.SinkCall
    imports: tuple[object, ...]  # auditkit.analyzers.gateway_python.ImportEdge
    error: str | None = None


def analyze_files(
    root: Path,
    paths: tuple[str, ...],
    extra_sinks: tuple[str, ...],
    protected_hosts: tuple[str, ...],
) -> tuple[PythonFileResult, ...]:
    if not paths:
        return ()
    from auditkit.analyzers.prefilter import mentions_any_sink

    out = []
    for rel in paths:
        try:
            source = (root / rel).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            out.append(PythonFileResult(rel, (), (), f"cannot be read: {exc}"))
            continue
        if not mentions_any_sink(source, extra_sinks, protected_hosts=protected_hosts):
            continue
        # libcst is imported only when a file needs parsing (0.2 s of import time).
        import libcst

        from auditkit.analyzers.gateway_python import analyze_python

        try:
            result = analyze_python(
                source, extra_sinks=extra_sinks, protected_hosts=protected_hosts
            )
        except libcst.ParserSyntaxError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "syntax error"
            out.append(PythonFileResult(rel, (), (), f"Python syntax error: {first}"))
            continue
        except RecursionError:
            out.append(PythonFileResult(rel, (), (), "too deeply nested for libcst"))
            continue
        out.append(PythonFileResult(rel, tuple(result.calls), tuple(result.imports)))
    return tuple(out)


@cache
def version() -> str:
    return installed_version("libcst")
