"""Pre-commit latency: `auditkit check FILE…` on files that are not in the result cache yet.

    .venv/bin/python benchmarks/bench_check.py [--runs 7] [FILE …]   (run from the repo root)

Each run gets a copy of a cache that holds other files of the sample, as a developer's cache
would, so the named files are misses: the cost of one changed file, start-up included.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "clover-service"
AUDITKIT = str(Path(sys.executable).parent / "auditkit")
DEFAULT_SETS = [
    ["services/moderation/src/main/java/com/clover/moderation/MediaArchive.java"],
    ["services/profile/store.go"],
    ["services/web/src/integrations.ts"],
    ["services/feed/feed/analytics.py"],
    ["services/feed/feed/analytics.py", "services/web/src/integrations.ts"],
]


def measure(files: list[str], runs: int, seed: Path) -> list[float]:
    times = []
    for _ in range(runs):
        cache = Path(tempfile.mkdtemp()) / "cache"
        shutil.copytree(seed, cache)
        env = {**os.environ, "AUDITKIT_CACHE_DIR": str(cache)}
        start = time.perf_counter()
        subprocess.run([AUDITKIT, "check", *files], cwd=SAMPLE, env=env, capture_output=True)
        times.append(time.perf_counter() - start)
        shutil.rmtree(cache.parent, ignore_errors=True)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    seed = Path(tempfile.mkdtemp()) / "seed"
    env = {**os.environ, "AUDITKIT_CACHE_DIR": str(seed)}
    subprocess.run(
        [AUDITKIT, "check", "services/feed/feed/ranking.py"],
        cwd=SAMPLE,
        env=env,
        capture_output=True,
    )
    for files in [args.files] if args.files else DEFAULT_SETS:
        t = measure(files, args.runs, seed)
        spread = f"(min {min(t):.3f}, max {max(t):.3f})"
        print(f"median {statistics.median(t):.3f} s  {spread}  {' '.join(files)}")
    shutil.rmtree(seed.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
