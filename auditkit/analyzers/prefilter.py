"""The text prefilter of the Python gateway analyzer, importable without libcst."""

from __future__ import annotations

from auditkit.analyzers._python_catalogue import prefilter


def mentions_any_sink(
    source: str,
    extra_sinks: tuple[str, ...] = (),
    *,
    protected_hosts: tuple[str, ...] | None = None,
) -> bool:
    """Cheap text prefilter: False when :func:`analyze_python` cannot report anything.

    Every report starts at an import statement naming a catalogued module (or an extra
    sink's), at ``importlib``/``__import__``, or at a shape's attribute (``.raw``); the test
    looks for those. HTTP client imports count unless ``protected_hosts=()`` says that no
    host is protected (the default, None, means unknown).
    """
    with_http = protected_hosts is None or bool(protected_hosts)
    return prefilter(tuple(extra_sinks), with_http)(source)
