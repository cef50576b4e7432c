"""A scanned tree for the flow tests: files and a policy written to a folder, then one real scan."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from auditkit.core.policy import load_policy
from auditkit.findings_json import scan_to_json
from auditkit.scan import ScanOptions, run_scan


def scan_tree(root: Path, files: dict[str, str], policy: str) -> dict[str, object]:
    """The findings JSON of a scan of ``files`` under ``root`` with ``policy`` as auditkit.toml."""
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "auditkit.toml").write_text(policy, encoding="utf-8")
    result = run_scan(root, load_policy(root), ScanOptions(use_cache=False, run_bandit=False))
    return scan_to_json(result)


def marked(files: Mapping[str, str], pattern: str) -> set[tuple[str, int, str]]:
    """(path, line, what) for every marker ``pattern`` (one group: what is expected) finds on a
    line of ``files``: the findings a flow test expects, written next to the code."""
    regex = re.compile(pattern)
    return {
        (rel, n, m.group(1).strip())
        for rel, text in files.items()
        for n, line in enumerate(text.splitlines(), start=1)
        if (m := regex.search(line))
    }
