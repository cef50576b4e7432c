"""A small estate on disk (copies of the samples), and the commands and Dask processes the
fleet tests run against it. Everything listens on 127.0.0.1 only."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import SAMPLES

EPOCH = "1767225600"  # 2026-01-01: fleet and audit reports carry the same date
BIN = Path(sys.executable).parent


def env(cache: Path) -> dict[str, str]:
    out = dict(os.environ)
    out.update(
        SEMGREP_ENABLE_VERSION_CHECK="0",
        SEMGREP_SEND_METRICS="off",
        AUDITKIT_CACHE_DIR=str(cache),
        SOURCE_DATE_EPOCH=EPOCH,
        NO_COLOR="1",
    )
    return out


def cli(*args: str, cache: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "auditkit", *args],
        capture_output=True,
        text=True,
        env=env(cache),
        timeout=timeout,
        check=False,
    )


def clover(root: Path, name: str) -> Path:
    """A copy of the violations sample without its own policy (the auditor's is given)."""
    tree = root / "repos" / name
    shutil.copytree(SAMPLES / "clover-service", tree)
    policy = root / "policies" / "clover.toml"
    policy.parent.mkdir(parents=True, exist_ok=True)
    (tree / "auditkit.toml").replace(policy)
    return tree


def eu(root: Path, name: str) -> Path:
    """A copy of the compliant sample, which holds its own policy."""
    tree = root / "repos" / name
    shutil.copytree(SAMPLES / "eu-compliant-service", tree)
    return tree


def monorepo(root: Path, name: str, eu_parts: int = 7) -> Path:
    """One target with more files than one batch takes (150), so the fleet splits it: the
    violations sample once and the compliant one ``eu_parts`` times, in sub-folders."""
    tree = root / "repos" / name
    shutil.copytree(SAMPLES / "clover-service", tree / "clover")
    (tree / "clover" / "auditkit.toml").unlink()
    for i in range(eu_parts):
        shutil.copytree(SAMPLES / "eu-compliant-service", tree / f"eu{i}")
    return tree


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class DaskProcesses:
    """A real `dask scheduler` and `dask worker` processes, each in its own process group.
    Their HTTP servers too listen on 127.0.0.1 (by default they take every interface)."""

    def __init__(self, cache: Path, log_dir: Path) -> None:
        self.env = env(cache)
        self.log_dir = log_dir
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def _start(self, name: str, *args: str) -> None:
        log = (self.log_dir / f"{name}.log").open("wb")
        self.procs[name] = subprocess.Popen(
            [str(BIN / "dask"), *args],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=self.env,
            start_new_session=True,
        )

    def start_scheduler(self) -> None:
        self._start(
            "scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(self.port),
            "--no-dashboard", "--dashboard-address", "127.0.0.1:0",
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        raise AssertionError("the dask scheduler did not start within 30 s")

    def start_worker(self, name: str) -> None:
        # No nanny: killing the worker process kills the worker (a nanny would restart it).
        self._start(
            name, "worker", self.address, "--name", name, "--nthreads", "1", "--no-nanny",
            "--host", "127.0.0.1", "--no-dashboard", "--dashboard-address", "127.0.0.1:0",
        )  # fmt: skip

    def kill(self, name: str) -> None:
        os.killpg(self.procs[name].pid, signal.SIGKILL)
        self.procs[name].wait(10)

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)


@contextmanager
def dask_cluster(cache: Path, log_dir: Path, workers: int) -> Iterator[DaskProcesses]:
    cluster = DaskProcesses(cache, log_dir)
    try:
        cluster.start_scheduler()
        for i in range(workers):
            cluster.start_worker(f"w{i}")
        yield cluster
    finally:
        cluster.stop()
