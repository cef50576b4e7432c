"""libcst analyzers of Python source (one parse per file, values returned, never printed)."""

from auditkit.analyzers.gateway_python import (
    ImportEdge,
    PythonGatewayResult,
    SinkCall,
    analyze_module,
    analyze_python,
    mentions_any_sink,
)

__all__ = [
    "ImportEdge",
    "PythonGatewayResult",
    "SinkCall",
    "analyze_module",
    "analyze_python",
    "mentions_any_sink",
]
