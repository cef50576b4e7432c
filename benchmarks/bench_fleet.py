"""Benchmark: `auditkit fleet` (LocalCluster, 1 and 2 workers) against `auditkit audit` run
one target after another, on the same estate, as ratios.

The estate is N copies of the two samples (alternately) plus one large target (the
violations sample copied --large-copies times into one tree), each copy under its own name.
Every run is cold (--no-cache). Prints seconds, lines, scaling efficiency (1 worker → 2),
the fleet against sequential audits, the measured cost per line, and what that cost means
for 1,000 repositories / 100 million lines on k workers.

    .venv/bin/python benchmarks/bench_fleet.py [--copies 20] [--large-copies 10]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
ENV = {
    **os.environ,
    "SEMGREP_ENABLE_VERSION_CHECK": "0",
    "SEMGREP_SEND_METRICS": "off",
    "SOURCE_DATE_EPOCH": "1767225600",
}


def build_estate(root: Path, copies: int, large_copies: int) -> tuple[Path, list[Path]]:
    policy = root / "clover.toml"
    shutil.copy(SAMPLES / "clover-service" / "auditkit.toml", policy)
    targets: list[Path] = []
    lines = ['[fleet]\nname = "Benchmark estate"\n']
    for i in range(copies):
        sample = "clover-service" if i % 2 == 0 else "eu-compliant-service"
        tree = root / "repos" / f"t{i:03d}"
        shutil.copytree(SAMPLES / sample, tree)
        (tree / "auditkit.toml").unlink()
        targets.append(tree)
    large = root / "repos" / "large"
    for i in range(large_copies):
        shutil.copytree(SAMPLES / "clover-service", large / f"part{i}")
        (large / f"part{i}" / "auditkit.toml").unlink()
    if large_copies:
        targets.append(large)
    for tree in targets:
        lines.append(
            f'[[target]]\nname = "{tree.name}"\npath = "repos/{tree.name}"\n'
            'policy = "clover.toml"\n'
        )
    manifest = root / "fleet.toml"
    manifest.write_text("".join(lines))
    return manifest, targets


def count_lines(targets: list[Path]) -> int:
    total = 0
    for tree in targets:
        for path in tree.rglob("*"):
            if path.is_file():
                with contextlib.suppress(OSError):
                    total += path.read_bytes().count(b"\n")
    return total


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}): {' '.join(argv)}\n{proc.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20, help="small targets (sample copies)")
    parser.add_argument("--large-copies", type=int, default=10, help="samples in the large one")
    args = parser.parse_args()
    auditkit = [sys.executable, "-m", "auditkit"]
    with tempfile.TemporaryDirectory(prefix="auditkit-bench-fleet-") as tmp:
        root = Path(tmp)
        env = {**ENV, "AUDITKIT_CACHE_DIR": str(root / "cache")}
        manifest, targets = build_estate(root, args.copies, args.large_copies)
        lines = count_lines(targets)
        print(f"estate: {len(targets)} targets, {lines:,} lines ({os.cpu_count()} cores)")
        sequential = 0.0
        for tree in targets:
            sequential += timed(
                [*auditkit, "audit", str(tree), "--out", str(root / "audit" / tree.name),
                 "--policy", str(root / "clover.toml"), "--no-cache"],
                env,
            )  # fmt: skip
        print(f"audit, one target after another:  {sequential:7.1f} s")
        fleet: dict[int, float] = {}
        for workers in (1, 2):
            fleet[workers] = timed(
                [*auditkit, "fleet", str(manifest), "--out", str(root / f"fleet{workers}"),
                 "--workers", str(workers), "--no-cache", "--quiet"],
                env,
            )  # fmt: skip
            print(f"fleet, LocalCluster {workers} worker(s):  {fleet[workers]:7.1f} s")
        same = all(
            (root / "audit" / t.name / "report.json").read_bytes()
            == (root / "fleet2" / t.name / "report.json").read_bytes()
            for t in targets
        )
        efficiency = fleet[1] / (2 * fleet[2])
        print(f"scaling efficiency 1 -> 2 workers: {efficiency:.2f}")
        print(f"fleet (2 workers) / sequential audits: {fleet[2] / sequential:.2f}")
        print(f"fleet (1 worker) / sequential audits:  {fleet[1] / sequential:.2f}")
        print(f"every report.json identical to audit's: {same}")
        per_line = fleet[1] / lines  # worker-seconds per line, one worker
        print(f"cost: {per_line * 1e6:.1f} us per line per worker (1 worker, start-up included)")
        estate_lines = 100_000_000
        for k in (1, 8, 32, 128):
            hours = estate_lines * per_line / (k * efficiency if k > 1 else 1) / 3600
            print(f"estimate, 100M lines / 1,000 repositories on {k:>3} workers: {hours:6.1f} h")


if __name__ == "__main__":
    main()
