"""Benchmark: what the data-flow and authorization analyses cost on a large tree, as a ratio.

Cold scans (no cache) of the same tree alternate between a policy without ``[data.categories]``
and ``[gateway.authorization]`` and the same policy with them, so that a shared, noisy machine
loads both sides alike. Reports the median wall and CPU seconds (this process's children: the
scan and its engines) of each side and their ratios. The tree is Django's sdist (as
bench_scan.py fetches it) or any folder given with --tree.

    .venv/bin/python benchmarks/bench_flows.py [--tree DIR] [--pairs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench_scan import BIN, ENV, fetch_tree

BASE_POLICY = """\
[audit]
name = "flows benchmark"
[jurisdiction]
allowed = ["EU", "EEA"]
[gateway]
name = "data layer"
paths = ["django/db/**"]
"""
FLOW_POLICY = (
    BASE_POLICY
    + """\
[gateway.authorization]
python = ["login_required", "permission_required", "user_passes_test"]
[data.categories]
phone_number = ["phone", "phone_number", "msisdn"]
email = ["email", "email_address"]
"""
)


def run(tree: Path, policy: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one cold scan."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [str(BIN / "auditkit"), "scan", str(tree), "--no-cache", "--policy", str(policy),
         "--format", "json", "-o", os.devnull],
        env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"scan failed ({proc.returncode}):\n{proc.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tree", type=Path)
    parser.add_argument("--pairs", type=int, default=3)
    args = parser.parse_args()
    tree = (args.tree or fetch_tree()).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        base, flows = Path(tmp, "base.toml"), Path(tmp, "flows.toml")
        base.write_text(BASE_POLICY, encoding="utf-8")
        flows.write_text(FLOW_POLICY, encoding="utf-8")
        sides: dict[str, list[tuple[float, float]]] = {"without": [], "with": []}
        for pair in range(args.pairs):
            # alternate which side goes first, so a drift in load favours neither
            order = [("without", base), ("with", flows)]
            for name, policy in order if pair % 2 == 0 else reversed(order):
                sides[name].append(run(tree, policy))
                wall, cpu = sides[name][-1]
                print(f"pair {pair + 1} {name:>7} categories: wall {wall:6.2f} s  cpu {cpu:6.2f} s")
    med = {
        name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
        for name, runs in sides.items()
    }
    print(f"median without: wall {med['without'][0]:.2f} s, cpu {med['without'][1]:.2f} s")
    print(f"median with:    wall {med['with'][0]:.2f} s, cpu {med['with'][1]:.2f} s")
    print(
        f"ratio with/without: wall {med['with'][0] / med['without'][0]:.2f}x, "
        f"cpu {med['with'][1] / med['without'][1]:.2f}x"
    )


if __name__ == "__main__":
    main()
