"""The libcst pass over Python files: every libcst analyzer, one parse per file.

Files that mention no catalogued sink are not parsed at all (a text search is ~100x cheaper
than a libcst parse), which keeps the pass affordable on large trees.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from auditkit.core.distributions import installed_version
from auditkit.flows.config import FlowConfig

if TYPE_CHECKING:
    from auditkit.flows.python import FlowResult

ENGINE = "libcst"


@dataclass(frozen=True)
class PythonFileResult:
    path: str
    calls: tuple[object, ...]  # auditkit.analyzers.gateway_python.SinkCall
    imports: tuple[object, ...]  # auditkit.analyzers.gateway_python.ImportEdge
    error: str | None = None
    flows: tuple[object, ...] = ()  # auditkit.flows.results.DataFlow
    unguarded: tuple[object, ...] = ()  # auditkit.flows.results.UnguardedAccess


def analyze_files(
    root: Path,
    paths: tuple[str, ...],
    extra_sinks: tuple[str, ...],
    protected_hosts: tuple[str, ...],
    flow: FlowConfig | None = None,
) -> tuple[PythonFileResult, ...]:
    if not paths:
        return ()
    from auditkit.analyzers.prefilter import mentions_any_sink

    flow_text = _flow_prefilter(flow)
    flow_sinks = _flow_sink_prefilter(extra_sinks) if flow_text is not None else None
    out = []
    for rel in paths:
        try:
            source = (root / rel).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            out.append(PythonFileResult(rel, (), (), f"cannot be read: {exc}"))
            continue
        sinks = mentions_any_sink(source, extra_sinks, protected_hosts=protected_hosts)
        flows = in_gateway = False
        if flow is not None and flow_text is not None and flow_sinks is not None:
            # A flow needs a category's name (its source) and something that sends in the same
            # file (its sink); an entry point in the gateway needs a store or a category.
            named = flow_text.search(source) is not None
            in_gateway = _in_gateway(rel, flow)
            flows = (named and (sinks or flow_sinks(source))) or (in_gateway and (sinks or named))
        if not sinks and not flows:
            continue
        # libcst is imported only when a file needs parsing (0.2 s of import time).
        import libcst

        from auditkit.analyzers._scopes import collect
        from auditkit.analyzers.gateway_python import analyze_module

        try:
            module = libcst.parse_module(source)
            facts = collect(module)  # one walk for both analyses
            result = analyze_module(
                module,
                source,
                extra_sinks=extra_sinks,
                protected_hosts=protected_hosts,
                facts=facts,
            )
            found = _flows(module, facts, rel, extra_sinks, flow, in_gateway) if flows else None
        except libcst.ParserSyntaxError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "syntax error"
            out.append(PythonFileResult(rel, (), (), f"Python syntax error: {first}"))
            continue
        except RecursionError:
            out.append(PythonFileResult(rel, (), (), "too deeply nested for libcst"))
            continue
        out.append(
            PythonFileResult(
                rel,
                tuple(result.calls),
                tuple(result.imports),
                flows=found.flows if found else (),
                unguarded=found.unguarded if found else (),
            )
        )
    return tuple(out)


def _flow_prefilter(flow: FlowConfig | None) -> re.Pattern[str] | None:
    if flow is None or not flow.active:
        return None
    from auditkit.flows.names import categories

    pattern = categories(flow.categories).text_regex()
    # No category: only the gateway's store accesses matter (authorization); never matches.
    return re.compile(pattern or r"(?!x)x", re.IGNORECASE)


def _flow_sink_prefilter(extra_sinks: tuple[str, ...]) -> Callable[[str], bool]:
    """False only for source where :mod:`auditkit.flows.python` can find no sink: no print,
    no logger-like name, no ``sys``, no SDK or producer package, and no catalogued module
    (HTTP clients included, whatever the protected hosts)."""
    from auditkit.analyzers._python_catalogue import prefilter
    from auditkit.flows import sdks

    packages = {
        name.split(".")[0]
        for name in (*sdks.PYTHON_MODULES, *sdks.PYTHON_CLIENTS, *sdks.PYTHON_PRODUCERS)
    }
    # Mail modules by their full name: "django" alone would admit every Django file.
    packages |= {
        name.rpartition(".")[0] for name in (*sdks.PYTHON_MAILERS, *sdks.PYTHON_MAIL_FUNCTIONS)
    }
    # What a sink of the flow analysis needs in the text: an import of the package its callee
    # resolves through, a receiver named like a logger (_LOGGER_NAME there, any case) before
    # its method, a print( call, sys.stdout / sys.stderr (self.stdout / self.stderr: Django
    # management commands). A bare "log" is common in prose. An http(s) URL literal: an app's
    # own HTTP wrapper called with it (``self.post("https://...", data=...)``).
    words = re.compile(
        r"\bprint\s*\(|\b(?:sys|self)\s*\.\s*std(?:out|err)\b|\b_*(?:log|logger)\s*\.|"
        r"[\"']https?://|"
        r"\b(?:logging|structlog|loguru|getlogger|"
        + "|".join(sorted(map(re.escape, packages)))
        + r")\b",
        re.IGNORECASE,
    )
    catalogued = prefilter(tuple(extra_sinks), True)

    def mentions(source: str) -> bool:
        return words.search(source) is not None or catalogued(source)

    return mentions


def _in_gateway(rel: str, flow: FlowConfig) -> bool:
    from auditkit.core.pathmatch import matches_any

    return bool(flow.python_authorizers) and matches_any(rel, flow.gateway_paths)


def _flows(
    module: object,
    facts: object,
    rel: str,
    extra_sinks: tuple[str, ...],
    flow: FlowConfig | None,
    gw: bool,
) -> FlowResult | None:
    if flow is None:
        return None
    from auditkit.flows.names import categories
    from auditkit.flows.python import analyze_flows

    return analyze_flows(
        module,  # type: ignore[arg-type]
        categories(flow.categories),
        extra_sinks=extra_sinks,
        authorizers=flow.python_authorizers,
        in_gateway=gw,
        module_name=rel.removesuffix(".py").replace("/", "."),
        facts=facts,  # type: ignore[arg-type]
    )


@cache
def version() -> str:
    return installed_version("libcst")
