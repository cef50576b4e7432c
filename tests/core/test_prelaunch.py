"""Engine processes started ahead of time are adopted only by the identical command."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from auditkit.core.errors import EngineError
from auditkit.engines import _process, prelaunch

ECHO = [sys.executable, "-c", "import sys, os; print('pid', os.getpid()); sys.exit(0)"]


@pytest.fixture(autouse=True)
def _clean() -> None:
    prelaunch.discard()


def test_the_identical_command_adopts_the_started_process(tmp_path: Path) -> None:
    env = _process.engine_env()
    prelaunch.start(ECHO, tmp_path, env)
    assert prelaunch.pending() == 1
    proc = _process.run("echo", ECHO, cwd=tmp_path, ok_codes=(0,), timeout=30)
    assert prelaunch.pending() == 0
    started_pid = int(proc.stdout.split()[1])
    # A second run starts its own process: a started one is adopted once.
    again = _process.run("echo", ECHO, cwd=tmp_path, ok_codes=(0,), timeout=30)
    assert int(again.stdout.split()[1]) != started_pid


@pytest.mark.parametrize("change", ["argv", "cwd", "env", "executable"])
def test_any_difference_means_no_adoption(tmp_path: Path, change: str) -> None:
    env = _process.engine_env()
    argv, cwd, executable = list(ECHO), tmp_path, None
    if change == "argv":
        argv = [*ECHO, "extra"]
    elif change == "cwd":
        cwd = tmp_path / "sub"
        cwd.mkdir()
    elif change == "env":
        env = {**env, "AUDITKIT_TEST_OTHER": "1"}
    else:
        executable = sys.executable
    prelaunch.start(argv, cwd, env, executable)
    assert prelaunch.claim(ECHO, tmp_path, _process.engine_env()) is None
    assert prelaunch.pending() == 1


def test_discard_stops_processes_nobody_claimed(tmp_path: Path) -> None:
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    prelaunch.start(sleeper, tmp_path, _process.engine_env())
    (proc,) = prelaunch._started.values()
    start = time.monotonic()
    prelaunch.discard()
    assert time.monotonic() - start < 5
    assert proc.returncode is not None and proc.returncode != 0
    assert prelaunch.pending() == 0


def test_an_adopted_process_failure_is_reported_like_any_other(tmp_path: Path) -> None:
    failing = [sys.executable, "-c", "import sys; print('boom', file=sys.stderr); sys.exit(4)"]
    prelaunch.start(failing, tmp_path, _process.engine_env())
    with pytest.raises(EngineError, match=r"failed \(exit 4\): boom"):
        _process.run("tool", failing, cwd=tmp_path, ok_codes=(0,), timeout=30)


def test_an_adopted_process_that_overruns_is_killed(tmp_path: Path) -> None:
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    prelaunch.start(sleeper, tmp_path, _process.engine_env())
    (proc,) = prelaunch._started.values()
    with pytest.raises(EngineError, match="did not finish within 1 s"):
        _process.run("sleeper", sleeper, cwd=tmp_path, ok_codes=(0,), timeout=1)
    assert proc.returncode is not None


def test_a_command_that_cannot_start_is_left_to_the_scan(tmp_path: Path) -> None:
    prelaunch.start([str(tmp_path / "missing-program")], tmp_path, dict(os.environ))
    assert prelaunch.pending() == 0


def test_a_forked_child_neither_adopts_nor_stops_its_parents_processes(tmp_path: Path) -> None:
    """A scan's process pool forks workers: they inherit the table of started processes,
    which are not their children."""
    env = _process.engine_env()
    prelaunch.start(ECHO, tmp_path, env)
    pid = os.fork()
    if pid == 0:  # the child: report through the exit status only
        ok = prelaunch.claim(ECHO, tmp_path, env) is None and prelaunch.pending() == 0
        prelaunch.discard()
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0
    assert prelaunch.pending() == 1  # still the parent's, and still running or done
    proc = _process.run("echo", ECHO, cwd=tmp_path, ok_codes=(0,), timeout=30)
    assert proc.stdout.startswith(b"pid ")
