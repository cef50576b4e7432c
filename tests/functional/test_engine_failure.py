"""An engine that fails gives exit 3 with the engine's own message, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from auditkit.core.errors import EngineError
from auditkit.core.policy import load_policy
from auditkit.scan import ScanOptions, run_scan

BROKEN_SEMGREP = """#!/bin/sh
echo "[ERROR] invalid configuration: rule file could not be parsed" >&2
exit 7
"""


def _broken_engine(tmp_path: Path) -> Path:
    script = tmp_path / "fake-semgrep-core"
    script.write_text(BROKEN_SEMGREP)
    script.chmod(0o755)
    return script


def test_library_raises_engine_error_with_the_engines_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditkit.engines import semgrep

    script = _broken_engine(tmp_path)
    # The engine process is the true boundary: replace the program, keep everything else real.
    monkeypatch.setattr(semgrep, "_command", lambda: (str(script), "osemgrep"))
    tree = tmp_path / "svc"
    tree.mkdir()
    (tree / "a.py").write_text('X = "us-east-1"\n')
    with pytest.raises(EngineError) as info:
        run_scan(tree, load_policy(tree), ScanOptions(use_cache=False))
    assert "semgrep failed (exit 7)" in info.value.message
    assert "rule file could not be parsed" in info.value.message


def test_cli_exit_3_one_line(tmp_path: Path) -> None:
    script = _broken_engine(tmp_path)
    tree = tmp_path / "svc"
    tree.mkdir()
    (tree / "a.py").write_text('X = "us-east-1"\n')
    probe = (
        "import sys; from auditkit.engines import semgrep;"
        f"semgrep._command = lambda: ({str(script)!r}, 'osemgrep');"
        "from auditkit.cli import main;"
        f"sys.exit(main(['scan', {str(tree)!r}, '--no-cache']))"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert proc.returncode == 3
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines == [
        "auditkit: error: semgrep failed (exit 7): "
        "[ERROR] invalid configuration: rule file could not be parsed"
    ]
