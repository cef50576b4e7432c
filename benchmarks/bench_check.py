"""Pre-commit latency: `auditkit check FILE…` on changed files, against semgrep and bandit alone.

    .venv/bin/python benchmarks/bench_check.py [--runs 11] [FILE …]   (run from the repo root)

A developer's cache already holds the rest of the repository and the parsed data tables; the
files being committed are new to it. So every run gets a fresh copy of a cache seeded by
`auditkit check` over every other file of samples/clover-service, and the measured files are
misses: the cost of one or two changed files, interpreter start-up included. auditkit is
byte-compiled first, as pip does for a regular install (an editable install under
PYTHONDONTWRITEBYTECODE would otherwise compile all of auditkit on every run).

Beside each median: the same files through semgrep alone (every auditkit rule file, through
the `semgrep` command with auditkit's engine flags: its fast OCaml front end) and bandit alone,
as ratios; the machine is shared, so only ratios from one run compare.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "clover-service"
BIN = Path(sys.executable).parent
DEFAULT_SETS = [
    ["services/moderation/src/main/java/com/clover/moderation/MediaArchive.java"],
    ["services/profile/store.go"],
    ["services/android/app/src/main/kotlin/com/clover/android/UploadClient.kt"],
    ["services/web/src/integrations.ts"],
    ["services/feed/feed/analytics.py"],
    ["services/feed/feed/analytics.py", "services/web/src/integrations.ts"],
]


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=SAMPLE, env=env, capture_output=True, check=False)
    return time.perf_counter() - start


def check_times(files: list[str], runs: int, seed: Path) -> list[float]:
    times = []
    for _ in range(runs):
        cache = Path(tempfile.mkdtemp()) / "cache"
        shutil.copytree(seed, cache)
        env = {**os.environ, "AUDITKIT_CACHE_DIR": str(cache)}
        times.append(timed([str(BIN / "auditkit"), "check", *files], env))
        shutil.rmtree(cache.parent, ignore_errors=True)
    return times


def seed_cache(measured: set[str]) -> Path:
    sys.path.insert(0, str(REPO))
    from auditkit.workspace import discover

    others = [f.path for f in discover(SAMPLE).files if f.path not in measured]
    seed = Path(tempfile.mkdtemp()) / "seed"
    env = {**os.environ, "AUDITKIT_CACHE_DIR": str(seed)}
    subprocess.run(
        [str(BIN / "auditkit"), "check", *others], cwd=SAMPLE, env=env, capture_output=True
    )
    return seed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    sets = [args.files] if args.files else DEFAULT_SETS
    compileall.compile_dir(REPO / "auditkit", quiet=1)

    from auditkit.engines._process import OFFLINE_ENV
    from auditkit.engines.semgrep import _BASE_ARGS
    from auditkit.rulesets import semgrep_rule_files

    env = {**os.environ, **OFFLINE_ENV}
    configs = [a for p in semgrep_rule_files() for a in ("--config", str(p))]
    # semgrep's fastest front end (the OCaml CLI), with the flags auditkit's engine uses.
    semgrep = [str(BIN / "semgrep"), *_BASE_ARGS]
    seed = seed_cache({f for s in sets for f in s})
    print(f"{args.runs} runs each; medians in seconds; ratio = auditkit check / tool alone")
    print(f"{'auditkit check':>15} {'semgrep alone':>14} {'bandit alone':>13}  files")
    for files in sets:
        check = statistics.median(check_times(files, args.runs, seed))
        sem = statistics.median(
            timed([*semgrep, *configs, "--", *files], env) for _ in range(max(3, args.runs // 3))
        )
        py = [f for f in files if f.endswith(".py")]
        ban_text = "-"
        if py:
            ban = statistics.median(
                timed([str(BIN / "bandit"), "-q", *py], env) for _ in range(max(3, args.runs // 3))
            )
            ban_text = f"{ban:.3f} ({check / ban:.2f}x)"
        print(f"{check:>15.3f} {sem:>6.3f} ({check / sem:.2f}x) {ban_text:>13}  {' '.join(files)}")
    shutil.rmtree(seed.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
