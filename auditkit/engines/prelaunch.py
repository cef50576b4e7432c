"""Engine processes started ahead of time, adopted only by an identical command.

A pre-commit run over one file spends most of its time waiting for semgrep and bandit to start
(~0.2-0.3 s each). ``auditkit check`` can guess their exact command lines from its arguments
alone, before importing the rest of auditkit, and start them here. When the scan later needs
an engine, ``_process.run`` asks ``claim`` for a process started with the very same program,
arguments, working folder and environment; anything else is not adopted and is killed by
``discard``. A wrong guess therefore costs CPU time, never a different result.
"""

from __future__ import annotations

import atexit
import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

_Key = tuple[tuple[str, ...], str, str | None, tuple[tuple[str, str], ...]]

_started: dict[_Key, subprocess.Popen[bytes]] = {}
# A forked worker process (a scan's process pool) inherits _started, but the processes in it
# are not its children: only the process that started them may adopt or stop them.
_owner = os.getpid()


def _key(argv: Sequence[str], cwd: Path, executable: str | None, env: Mapping[str, str]) -> _Key:
    return (tuple(argv), str(cwd), executable, tuple(sorted(env.items())))


def start(
    argv: Sequence[str], cwd: Path, env: Mapping[str, str], executable: str | None = None
) -> None:
    """Start ``argv`` now, with its output captured, for a later ``claim``."""
    global _owner
    key = _key(argv, cwd, executable, env)
    if _started and _owner != os.getpid():
        _started.clear()  # a forked child's inherited copy: not ours to touch
    if key in _started:
        return
    try:
        proc = subprocess.Popen(
            list(argv),
            executable=executable,
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.PIPE,  # the adopter writes its input, or closes it
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError:
        return  # the scan will start it itself, and report the failure in its own words
    if not _started:
        atexit.register(discard)
    _owner = os.getpid()
    _started[key] = proc


def claim(
    argv: Sequence[str], cwd: Path, env: Mapping[str, str], executable: str | None = None
) -> subprocess.Popen[bytes] | None:
    """The process started for exactly this command, once; None when there is none."""
    if not _started or _owner != os.getpid():
        return None
    return _started.pop(_key(argv, cwd, executable, env), None)


def pending() -> int:
    """How many started processes nobody has claimed (yet)."""
    return len(_started) if _owner == os.getpid() else 0


def discard() -> None:
    """Stop every process that was started and never claimed."""
    if _owner != os.getpid():
        _started.clear()  # inherited through fork: the parent stops them
        return
    while _started:
        _, proc = _started.popitem()
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
