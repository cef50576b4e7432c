"""Benchmark: auditkit against the raw engines on the same files, as ratios.

The machines are shared and noisy, so absolute seconds mean little; ratios measured in one
run mean more. The tree is a large public Python project (Django's sdist from PyPI, fetched
once into .benchmarks-cache/ by this script), or any folder given with --tree.

    .venv/bin/python benchmarks/bench_scan.py [--tree DIR] [--repeat N] [--policy FILE]

--policy scans (and checks) with that policy instead of the tree's own, e.g. one that sets
[data.categories] to see what the flow analyses cost.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / ".benchmarks-cache"
BIN = Path(sys.executable).parent
DJANGO = "django==5.1.4"
ENV = {**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}


def fetch_tree() -> Path:
    target = CACHE / "django"
    if target.is_dir():
        return target
    CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                "-d",
                tmp,
                DJANGO,
            ],
            check=True,
        )
        (archive,) = Path(tmp).glob("*.tar.gz")
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        (unpacked,) = [p for p in Path(tmp).iterdir() if p.is_dir()]
        shutil.move(str(unpacked), target)
    return target


def timed(argv: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Wall seconds and the peak RSS (KiB) of the command's process tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(
        argv, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(
            f"failed ({proc.returncode}): {' '.join(argv[:4])}…\n{proc.stderr.decode()[-2000:]}"
        )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def median(
    argv: list[str], repeat: int, cwd: Path | None = None, prepare: list[str] | None = None
) -> float:
    times = []
    for _ in range(repeat):
        if prepare:
            subprocess.run(prepare, env=ENV, check=False, capture_output=True)
        times.append(timed(argv, cwd)[0])
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tree", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--policy", type=Path, help="policy file for auditkit scan and check")
    args = parser.parse_args()
    tree = (args.tree or fetch_tree()).resolve()

    sys.path.insert(0, str(REPO))
    from auditkit.engines.semgrep import _BASE_ARGS
    from auditkit.rulesets import semgrep_rule_files
    from auditkit.workspace import discover

    ws = discover(tree)
    files = [f.path for f in ws.files]
    py_files = [f.path for f in ws.files if f.language == "python"]
    lines = sum(f.lines for f in ws.files)
    py_lines = sum(f.lines for f in ws.files if f.language == "python")
    print(
        f"tree: {tree.name}: {len(files)} files scanned ({lines} lines), "
        f"{len(py_files)} Python files ({py_lines} lines)"
    )

    cache_dir = Path(tempfile.mkdtemp(prefix="auditkit-bench-cache-"))
    ENV["AUDITKIT_CACHE_DIR"] = str(cache_dir)
    auditkit = [str(BIN / "auditkit"), "scan", str(tree), "--format", "json", "-o", os.devnull]
    policy = ["--policy", str(args.policy.resolve())] if args.policy else []
    auditkit += policy
    configs = [a for p in semgrep_rule_files() for a in ("--config", str(p))]
    # The engine's own flags, with one job per core (auditkit's batches use them all too).
    flags = list(_BASE_ARGS)
    flags[flags.index("-j") + 1] = str(os.cpu_count() or 1)
    semgrep = [
        str(BIN / "semgrep"),
        *flags,
        *configs,
        "--",
        *files,
    ]
    bandit = [str(BIN / "bandit"), "-q", "-f", "json", "-r", "."]

    clear = ["rm", "-rf", str(cache_dir)]
    cold, cold_rss = timed([*auditkit, "--no-cache"])
    cold_runs = [cold] + [median([*auditkit, "--no-cache"], 1) for _ in range(args.repeat - 1)]
    cold = statistics.median(cold_runs)
    subprocess.run(clear, check=False)
    timed(auditkit)  # fills the cache
    warm = median(auditkit, args.repeat)
    sem = median(semgrep, args.repeat, cwd=tree)
    ban = median(bandit, args.repeat, cwd=tree)

    one = py_files[len(py_files) // 2]
    check = [str(BIN / "auditkit"), "check", "--no-cache", *policy, one]
    check_times = [timed(check, cwd=tree)[0] for _ in range(max(5, args.repeat))]
    sem_one = median([*semgrep[: semgrep.index("--") + 1], one], args.repeat, cwd=tree)
    ban_one = median([str(BIN / "bandit"), "-q", "-f", "json", one], args.repeat, cwd=tree)

    print(f"auditkit scan, cold (--no-cache)  {cold:7.2f} s   peak RSS {cold_rss / 1024:.0f} MiB")
    print(f"auditkit scan, warm (cache)       {warm:7.2f} s")
    print(f"semgrep alone, same rules/files   {sem:7.2f} s")
    print(f"bandit -r alone                   {ban:7.2f} s")
    print(f"cold / warm                       {cold / warm:7.1f} x")
    print(f"cold / semgrep alone              {cold / sem:7.2f} x")
    print(f"cold / bandit alone               {cold / ban:7.2f} x")
    print(f"cold / (semgrep + bandit)         {cold / (sem + ban):7.2f} x")
    print(
        "check 1 file (--no-cache: no stored results or tables): "
        f"median {statistics.median(check_times):.3f} s over {len(check_times)} runs "
        f"(semgrep alone {sem_one:.3f} s, bandit alone {ban_one:.3f} s)"
    )
    shutil.rmtree(cache_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
