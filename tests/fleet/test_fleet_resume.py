"""An interrupted fleet run, started again, does not scan again what its workers finished.

A real `dask scheduler` and one `dask worker` (one thread: batches run one after another) on
127.0.0.1; the client is `auditkit fleet` in a process of its own, killed as soon as fleet.log
shows the first batch of a two-batch target done. The target had not finished, so the client
recorded nothing for it; the worker's result cache (a folder of its own, not the client's)
holds that batch. Run again, the worker takes every file of that batch from its cache (the
engines do not run on them) and the report is byte for byte the one `auditkit audit` writes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import SAMPLES
from tests.fleet.estate import dask_cluster, env, monorepo

MANIFEST = """\
[fleet]
name = "Resumed estate"
[[target]]
name = "mono"
path = "repos/mono"
policy = "clover.toml"
"""
BATCH = re.compile(r" batch target=mono batch=(\d+)/2 files=(\d+) cached=(\d+) ")


def _fleet(manifest: Path, out: Path, scheduler: str, cache: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "auditkit", "fleet", str(manifest), "--out", str(out),
         "--scheduler", scheduler, "--quiet", "--fail-on", "none"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(cache),
    )  # fmt: skip


def _batches(log: Path) -> list[tuple[int, int, int]]:
    text = log.read_text() if log.is_file() else ""
    return [(int(b), int(f), int(c)) for b, f, c in BATCH.findall(text)]


def test_a_restarted_run_takes_finished_batches_from_the_workers_cache(tmp_path: Path) -> None:
    # More files than one batch takes (150), so the target is split in two.
    monorepo(tmp_path, "mono", eu_parts=7)
    shutil.copy(SAMPLES / "clover-service" / "auditkit.toml", tmp_path / "clover.toml")
    manifest = tmp_path / "fleet.toml"
    manifest.write_text(MANIFEST)
    out = tmp_path / "out"
    log = out / "fleet.log"
    worker_cache, client_cache = tmp_path / "worker-cache", tmp_path / "client-cache"
    # `audit` alone, cold, for the comparison: alongside the fleet runs, which mostly wait.
    alone = tmp_path / "alone"
    audit = subprocess.Popen(
        [sys.executable, "-m", "auditkit", "audit", str(tmp_path / "repos" / "mono"),
         "--out", str(alone), "--policy", str(tmp_path / "clover.toml"), "--no-cache"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(client_cache),
    )  # fmt: skip
    with dask_cluster(worker_cache, tmp_path, workers=1) as cluster:
        first = _fleet(manifest, out, cluster.address, client_cache)
        try:
            deadline = time.monotonic() + 60
            while not _batches(log) and first.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
        finally:
            first.kill()  # interrupted: no report, no state for the target
            _, stderr = first.communicate(timeout=30)
        done = _batches(log)
        assert done, stderr
        assert len(done) == 1 and done[0][2] == 0  # one batch, scanned by the engines
        assert not (out / "mono" / "report.json").exists()

        second = _fleet(manifest, out, cluster.address, client_cache)
        stdout, stderr = second.communicate(timeout=120)
        assert second.returncode == 0, stderr
        assert "1 of 1 targets audited" in stdout

    again = _batches(log)[1:]
    assert sorted(b for b, _, _ in again) == [1, 2]
    index, files, _ = done[0]
    # Every file of the finished batch came from the worker's cache: none was scanned again.
    assert (index, files, files) in again
    # The client's own cache had nothing for the target (it never finished there).
    planned = re.findall(r" planned targets=1 batches=2 files=(\d+) ", log.read_text())
    assert len(planned) == 2 and planned[0] == planned[1] == str(sum(f for _, f, _ in again))

    _, stderr = audit.communicate(timeout=120)
    assert audit.returncode == 1, stderr
    assert (out / "mono" / "report.json").read_bytes() == (alone / "report.json").read_bytes()
