"""Running an engine's command line: offline, captured, with its own message on failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from auditkit.core.errors import EngineError
from auditkit.engines import prelaunch

# Engines must never reach the network: semgrep's version check and metrics are switched off
# here as well as by flags, because either alone has been seen to leak a request.
OFFLINE_ENV = {
    "SEMGREP_ENABLE_VERSION_CHECK": "0",
    "SEMGREP_SEND_METRICS": "off",
    "SEMGREP_IN_DOCKER": "0",
    # semgrep's CLI library colours its messages whenever TERM is set; ours are captured.
    "NO_COLOR": "1",
}


def executable(name: str) -> str:
    """The engine's script next to this interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    import shutil  # only here: shutil costs ~5 ms of imports on every pre-commit run

    found = shutil.which(name)
    if found is None:
        raise EngineError(f"{name} is not installed (expected {beside} or {name} on PATH)")
    return found


def run(
    engine: str,
    argv: list[str],
    cwd: Path,
    ok_codes: tuple[int, ...],
    timeout: float,
    executable: str | None = None,
    stdin: bytes | None = None,
) -> subprocess.CompletedProcess[bytes]:
    env = engine_env()
    try:
        started = prelaunch.claim(argv, cwd, env, executable)
        if started is not None:
            proc = _finish(started, timeout, stdin)
        else:
            proc = subprocess.run(
                argv,
                executable=executable,
                cwd=cwd,
                env=env,
                input=stdin,
                capture_output=True,
                timeout=timeout,
                check=False,
            )
    except FileNotFoundError as exc:
        raise EngineError(f"{engine} could not be started: {exc}") from None
    except subprocess.TimeoutExpired:
        raise EngineError(f"{engine} did not finish within {timeout:.0f} s") from None
    if proc.returncode not in ok_codes:
        raise EngineError(f"{engine} failed (exit {proc.returncode}): {last_line(proc.stderr)}")
    return proc


def engine_env() -> dict[str, str]:
    """The environment every engine runs in."""
    return {**os.environ, **OFFLINE_ENV}


def _finish(
    proc: subprocess.Popen[bytes], timeout: float, stdin: bytes | None
) -> subprocess.CompletedProcess[bytes]:
    """Wait for a process started ahead of time, as ``subprocess.run`` would have."""
    try:
        stdout, stderr = proc.communicate(input=stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def last_line(stderr: bytes) -> str:
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    return lines[-1] if lines else "no message"
