"""libcst analyzers of Python source (one parse per file, values returned, never printed).

The public names are loaded on first use: importing libcst costs about 0.2 s, which the
pre-commit hook cannot afford when no file needs parsing.
"""

from __future__ import annotations

from typing import Any

_PUBLIC = {
    "ImportEdge": "auditkit.analyzers.results",
    "PythonGatewayResult": "auditkit.analyzers.results",
    "SinkCall": "auditkit.analyzers.results",
    "mentions_any_sink": "auditkit.analyzers.prefilter",
    "analyze_module": "auditkit.analyzers.gateway_python",
    "analyze_python": "auditkit.analyzers.gateway_python",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'auditkit.analyzers' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
