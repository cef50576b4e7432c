"""The ``auditkit`` command: a thin click layer over the library (see ``app``).

This module stays free of imports on purpose: ``auditkit check`` (the pre-commit hook) starts
its engines from here, before click and the rest of auditkit are imported.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] != ["check"]:
        from auditkit.cli.app import run

        return run(args)
    from auditkit.cli._head_start import start_engines
    from auditkit.engines import prelaunch

    start_engines(args[1:])
    try:
        from auditkit.cli.app import run

        return run(args)
    finally:
        prelaunch.discard()
