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
    host is protected (the default, None, means unknown), or none of the protected hosts is
    written in the file: URLs are resolved from constants of the same file only, so a call
    can reach a protected host only when its name (the part of a glob without wildcards)
    stands in the text.
    """
    if protected_hosts is None:
        with_http = True
    else:
        lower = source.lower()
        with_http = any(_fixed_part(h) in lower for h in protected_hosts)
    return prefilter(tuple(extra_sinks), with_http)(source)


def _fixed_part(pattern: str) -> str:
    """The longest wildcard-free piece of a host glob (``*.svc.local`` -> ``.svc.local``)."""
    pieces = pattern.lower().replace("?", "*").replace("[", "*").replace("]", "*").split("*")
    return max(pieces, key=len)
