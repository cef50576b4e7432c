"""How bandit is started: a worker that imports bandit first and reads its run on stdin.

bandit's imports take ~0.2 s, most of a one-file run. Started as ``python -I -c WORKER``
from the root folder, the process imports bandit at once and only then reads one JSON line:
the folder to work in and bandit's arguments. Its command line is therefore the same for
every run, so ``auditkit check`` starts it before it has even found the repository
(``engines.prelaunch``), and a long file list never meets the command-line length limit.
The worker then does what ``python -m bandit ARGS`` does (bandit/__main__.py calls
``bandit.cli.main.main()``). This module imports nothing heavy: the head start uses it first.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# -I (isolated): no environment variables, user site or working folder on sys.path; a scanned
# file named random.py or json.py must never be imported, let alone executed.
_WORKER = """\
import json, os, sys
from bandit.cli import main
line = sys.stdin.readline()
if not line:
    sys.exit(0)
run = json.loads(line)
os.chdir(run["cwd"])
sys.argv = ["bandit", *run["argv"]]
main.main()
"""

# Where the worker starts: a fixed folder, so that the command is the same from anywhere.
START_FOLDER = Path("/")


def command() -> list[str]:
    """argv of a bandit run; what to scan follows on stdin (``request``)."""
    return [sys.executable, "-I", "-c", _WORKER]


def request(root: Path, paths: list[str]) -> bytes:
    """The stdin of a bandit run over ``paths`` (relative to ``root``)."""
    # --ignore-nosec: an audit sees everything; auditkit's own suppressions (which need a
    # reason) decide what is marked as suppressed.
    argv = ["-f", "json", "-q", "--ignore-nosec", "--", *paths]
    return json.dumps({"cwd": str(root), "argv": argv}).encode("utf-8") + b"\n"
