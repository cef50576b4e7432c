"""`auditkit fleet --scheduler` against a real `dask scheduler` and two `dask worker`
processes on 127.0.0.1. One worker is killed while batches run: its batch runs again on the
other worker, every batch is counted once, and every report equals `auditkit audit`'s."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from auditkit.core.errors import EngineError
from tests.fleet.estate import cli as run_cli
from tests.fleet.estate import clover, dask_cluster, env, eu, free_port, monorepo

MANIFEST = """\
[fleet]
name = "Cluster estate"
[[target]]
name = "clover"
path = "repos/clover"
policy = "policies/clover.toml"
[[target]]
name = "eu"
path = "repos/eu"
policy_from_target = true
[[target]]
name = "mono"
path = "repos/mono"
policy = "policies/clover.toml"
"""


def _busy_worker(client: object, deadline: float) -> tuple[str, str]:
    """The name and address of a worker running a batch right now."""
    while time.monotonic() < deadline:
        processing = client.processing()  # type: ignore[attr-defined]
        names = {a: w["name"] for a, w in client.scheduler_info()["workers"].items()}  # type: ignore[attr-defined]
        for address, keys in processing.items():
            if any("run_fleet_batch" in str(k) for k in keys):
                return str(names[address]), str(address)
        time.sleep(0.05)
    raise AssertionError("no batch started within the time limit")


def test_a_killed_worker_loses_nothing(tmp_path: Path) -> None:
    from distributed import Client

    cache = tmp_path / "cache"
    clover(tmp_path, "clover")
    eu(tmp_path, "eu")
    monorepo(tmp_path, "mono")
    (tmp_path / "fleet.toml").write_text(MANIFEST)
    out = tmp_path / "out"
    with (
        dask_cluster(cache, tmp_path, workers=2) as cluster,
        Client(cluster.address, timeout=30) as client,  # type: ignore[no-untyped-call]
    ):
        client.wait_for_workers(2, timeout=60)
        fleet = subprocess.Popen(
            [sys.executable, "-m", "auditkit", "fleet", str(tmp_path / "fleet.toml"),
             "--out", str(out), "--scheduler", cluster.address, "--no-cache",
             "--fail-on", "none"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(cache),
        )  # fmt: skip
        try:
            victim, victim_address = _busy_worker(client, time.monotonic() + 60)
            time.sleep(0.3)  # well inside the batch (each takes seconds)
            cluster.kill(victim)
            stdout, stderr = fleet.communicate(timeout=180)
        finally:
            if fleet.poll() is None:
                fleet.kill()
                fleet.wait()
        assert fleet.returncode == 0, stderr
        assert "Traceback" not in stderr
        assert "3 of 3 targets audited" in stdout
        # Workers that differ from the client are refused before any work is sent.
        import auditkit

        real = auditkit.__version__
        auditkit.__version__ = "0.0.0-other"
        try:
            from auditkit.fleet.cluster import check_workers

            with pytest.raises(EngineError, match=r"auditkit 0\.1\.0 \(client: 0\.0\.0-other\)"):
                check_workers(client)
        finally:
            auditkit.__version__ = real

    log = (out / "fleet.log").read_text()
    batches = Counter(re.findall(r" batch target=(\S+) batch=(\S+) ", log))
    assert sorted(batches) == [
        ("clover", "1/1"), ("eu", "1/1"),
        ("mono", "1/4"), ("mono", "2/4"), ("mono", "3/4"), ("mono", "4/4"),
    ]  # fmt: skip
    assert set(batches.values()) == {1}  # none lost, none counted twice
    fleet_json = json.loads((out / "fleet.json").read_bytes())
    assert [t["state"] for t in fleet_json["targets"]] == ["audited"] * 3
    # The surviving worker finished the run, the killed worker's batch included.
    workers = set(re.findall(r" worker=(\S+) ", log))
    assert workers - {victim_address}
    # The split target against `audit` alone (test_fleet_local compares the one-batch ones).
    for name, policy in (("mono", "clover.toml"),):
        alone = tmp_path / "alone" / name
        proc = run_cli(
            "audit", str(tmp_path / "repos" / name), "--out", str(alone),
            "--policy", str(tmp_path / "policies" / policy), "--no-cache", cache=cache,
        )  # fmt: skip
        assert proc.returncode == 1, proc.stderr
        assert (out / name / "report.json").read_bytes() == (alone / "report.json").read_bytes()


def test_unreachable_scheduler_is_one_line_and_exit_3(tmp_path: Path) -> None:
    eu(tmp_path, "eu")
    (tmp_path / "fleet.toml").write_text(
        '[fleet]\nname = "x"\n[[target]]\nname = "eu"\npath = "repos/eu"\n'
    )
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    start = time.monotonic()
    proc = run_cli(
        "fleet", str(tmp_path / "fleet.toml"), "--out", str(tmp_path / "out"),
        "--scheduler", address, "--connect-timeout", "2", cache=tmp_path / "cache",
    )  # fmt: skip
    assert proc.returncode == 3
    assert time.monotonic() - start < 30
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"auditkit: error: cannot reach the Dask scheduler at {address}")
