"""Inline suppressions work in the comment syntax of every scanned language, end to end
(real semgrep; a finding on the comment's line, or on the line after a comment alone on
its line). JSON has no comments: its findings are suppressed through the baseline or the
triage file instead."""

from __future__ import annotations

import pytest

from auditkit.core.model import ScanResult
from auditkit.core.policy import Policy
from auditkit.scan import ScanOptions, run_scan

REASON = "DR copy approved in SEC-142"
TRAILING = f"auditkit: ignore[endpoint.non-eu] {REASON}"
ALONE = f"auditkit: ignore[non-eu-endpoint] {REASON}"

# file -> text; line 2 carries a trailing suppression, line 4 is covered by line 3, and the
# finding on line 5 is live. Files whose syntax has no trailing comments use line 3/4 only.
FILES = {
    "app.py": (
        f'A = 1\nB = "us-east-1"  # {TRAILING}\n# {ALONE}\nC = "us-west-2"\nD = "ap-south-1"\n'
    ),
    "main.go": (
        f'package main\nvar b = "us-east-1" // {TRAILING}\n// {ALONE}\n'
        'var c = "us-west-2"\nvar d = "ap-south-1"\n'
    ),
    "App.java": (
        f'class App {{\n  String b = "us-east-1"; // {TRAILING}\n  // {ALONE}\n'
        '  String c = "us-west-2";\n  String d = "ap-south-1"; }\n'
    ),
    "App.kt": (
        f'object App {{\n  val b = "us-east-1" // {TRAILING}\n  // {ALONE}\n'
        '  val c = "us-west-2"\n  val d = "ap-south-1" }\n'
    ),
    "app.js": (
        f'const a = 1;\nconst b = "us-east-1"; // {TRAILING}\n/* {ALONE} */\n'
        'const c = "us-west-2";\nconst d = "ap-south-1";\n'
    ),
    "app.ts": (
        f'const a = 1;\nconst b: string = "us-east-1"; // {TRAILING}\n// {ALONE}\n'
        'const c = "us-west-2";\nconst d = "ap-south-1";\n'
    ),
    "main.tf": (
        f'locals {{\n  b = "us-east-1" # {TRAILING}\n  // {ALONE}\n'
        '  c = "us-west-2"\n  d = "ap-south-1"\n}\n'
    ),
    "config.yaml": f"a: 1\nb: us-east-1  # {TRAILING}\n# {ALONE}\nc: us-west-2\nd: ap-south-1\n",
    ".env": f"A=1\nB=us-east-1 # {TRAILING}\n# {ALONE}\nC=us-west-2\nD=ap-south-1\n",
    "app.properties": f"a=1\nb=x\n! {ALONE}\nc=us-west-2\nd=ap-south-1\n",
    "deploy.sh": (
        f"set -e\nexport B=us-east-1 # {TRAILING}\n# {ALONE}\n"
        "export C=us-west-2\nexport D=ap-south-1\n"
    ),
    "Dockerfile": f"FROM python:3.11\nENV B=x\n# {ALONE}\nENV C=us-west-2\nENV D=ap-south-1\n",
}
# "key=value # x" in .properties and "ENV K=v # x" in a Dockerfile: the "# x" is part of the
# value, not a comment.
NO_TRAILING = {"app.properties", "Dockerfile"}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    root = tmp_path_factory.mktemp("langs")
    for name, text in FILES.items():
        (root / name).write_text(text, encoding="utf-8")
    return run_scan(root, Policy(), ScanOptions(use_cache=False, run_bandit=False))


@pytest.mark.parametrize("name", sorted(FILES))
def test_suppressed_and_live_findings(scanned: ScanResult, name: str) -> None:
    by_line = {
        f.location.start_line: f
        for f in scanned.findings
        if f.location.path == name and f.rule_id == "endpoint.non-eu"
    }
    expected_lines = {4, 5} if name in NO_TRAILING else {2, 4, 5}
    assert set(by_line) == expected_lines, (name, sorted(by_line))
    for line in expected_lines - {5}:
        suppression = by_line[line].suppression
        assert suppression is not None and suppression.kind == "inline", (name, line)
        assert suppression.reason == REASON
    assert by_line[5].suppression is None
    assert not [p for p in scanned.suppression_problems if p.path == name]
