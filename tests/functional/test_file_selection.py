"""Which files a scan reads (issue 12, classes 1, 3 and 7): tracked files whatever .gitignore
says, scripts identified by their #! line, shell inside Makefiles and CI/Kubernetes YAML, and
auditkit's own outputs left out. Real git, real engines, exact lines and columns."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from auditkit.core.model import ScanResult
from auditkit.core.policy import Policy
from auditkit.report import build_report
from auditkit.report.registry import FORMATS
from auditkit.scan import ScanOptions, run_scan

OPTIONS = ScanOptions(use_cache=False, run_bandit=False)
AUDITKIT = Path(sys.executable).with_name("auditkit")

CDK_CONTEXT = """\
{
  "availability-zones:account=123456789012:region=us-west-2": [
    "us-west-2a",
    "us-west-2b"
  ]
}
"""


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=a@example.org", "-c", "user.name=t", *args],
        cwd=root, check=True, capture_output=True,
    )  # fmt: skip


def _found(result: ScanResult) -> set[tuple[str, int, int, str]]:
    return {
        (
            f.location.path,
            f.location.start_line,
            f.location.start_column,
            f.evidence_dict["endpoint"],
        )
        for f in result.findings
        if f.evidence_dict.get("endpoint")
    }


def _skipped(result: ScanResult) -> dict[str, str]:
    return {s.path: s.reason for s in result.coverage.files_skipped}


def test_tracked_file_is_scanned_although_gitignore_lists_it(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q", ".")
    _write(tmp_path, ".gitignore", "cdk.context.json\nbuild/\nlocal.json\n")
    _write(tmp_path, "cdk.context.json", CDK_CONTEXT)
    _write(tmp_path, "build/keep.json", '{"zone": "us-east-1a"}\n')
    _git(tmp_path, "add", ".gitignore")
    _git(tmp_path, "add", "-f", "cdk.context.json", "build/keep.json")
    _git(tmp_path, "commit", "-q", "-m", "init")
    # untracked and ignored: not part of the code
    _write(tmp_path, "local.json", '{"zone": "ap-south-1a"}\n')
    _write(tmp_path, "build/out.json", '{"zone": "sa-east-1a"}\n')
    _write(tmp_path, "build/cache/x.json", '{"zone": "sa-east-1b"}\n')
    result = run_scan(tmp_path, Policy(), OPTIONS)
    assert _found(result) == {
        ("cdk.context.json", 3, 6, "us-west-2a"),
        ("cdk.context.json", 4, 6, "us-west-2b"),
        ("build/keep.json", 1, 11, "us-east-1a"),
    }
    skipped = _skipped(result)
    assert skipped["local.json"] == "excluded by .gitignore (not tracked by git)"
    assert skipped["build/out.json"] == "excluded by .gitignore (not tracked by git)"
    assert skipped["build/cache/"] == "excluded by .gitignore (not tracked by git)"
    gi = result.coverage.gitignore
    assert (gi.mode, gi.files_excluded, gi.tracked_kept) == ("untracked", 3, 2)


def test_source_drop_counts_what_gitignore_removed(tmp_path: Path) -> None:
    # No .git: a committed file cannot be told from a build output. Removed, and counted.
    _write(tmp_path, ".gitignore", "cdk.context.json\ndist/\n")
    _write(tmp_path, "cdk.context.json", CDK_CONTEXT)
    _write(tmp_path, "dist/a.js", 'const u = "https://a.example.cn";\n')
    _write(tmp_path, "dist/b/c.js", 'const u = "https://c.example.cn";\n')
    _write(tmp_path, "app.py", 'U = "https://api.example.cn/v1"\n')
    result = run_scan(tmp_path, Policy(), OPTIONS)
    assert _found(result) == {("app.py", 1, 6, "https://api.example.cn/v1")}
    assert _skipped(result)["cdk.context.json"] == "excluded by .gitignore"
    cov = json.loads(json.dumps(result.coverage.to_json()))
    assert cov["gitignore"] == {"mode": "all", "files_excluded": 3, "tracked_kept": 0}
    report = build_report(result, Policy(), tmp_path, date="2026-12-04")
    sentence = ".gitignore removed 3 files (no git metadata"
    assert sentence in FORMATS["md"].render(report).decode()
    assert sentence in FORMATS["html"].render(report).decode()
    assert (
        json.loads(FORMATS["json"].render(report))["coverage"]["gitignore"]["files_excluded"] == 3
    )

    policy = Policy(respect_gitignore=False)
    everything = run_scan(tmp_path, policy, OPTIONS)
    assert ("cdk.context.json", 3, 6, "us-west-2a") in _found(everything)
    assert ("dist/b/c.js", 1, 12, "https://c.example.cn") in _found(everything)
    assert everything.coverage.gitignore.mode == "off"


WORKFLOW = """\
name: release
on: push
jobs:
  push:
    runs-on: ubuntu-latest
    steps:
      - name: Log in
        run: gcloud auth configure-docker us-docker.pkg.dev
      - run: |
          skaffold run --default-repo=us-docker.pkg.dev/acme/images --tag=${{ github.sha }}
"""


@pytest.fixture(scope="module")
def scripts(tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    root = tmp_path_factory.mktemp("scripts")
    _write(root, "bin/deploy", "#!/bin/bash\nset -e\ncurl -fsS https://hooks.example.cn/deploy\n")
    _write(root, "bin/sync", "#!/usr/bin/env bash\naws s3 sync . s3://b --region us-east-2\n")
    _write(root, "bin/legacy", "#!/bin/sh\nping -c 1 api.example.cn\n")
    _write(root, "manage", '#!/usr/bin/env python3\nAPI = "https://api.example.cn/v2"\n')
    _write(root, "tools/cli", '#!/usr/bin/env node\nconst u = "https://cdn.example.cn/x.js";\n')
    _write(root, "LICENSE", "MIT License https://opensource.example.cn/mit\n")
    _write(root, "Makefile", "push:\n\tgcloud auth configure-docker asia-docker.pkg.dev\n")
    _write(root, ".github/workflows/release.yml", WORKFLOW)
    return run_scan(root, Policy(), OPTIONS)


def test_scripts_are_identified_by_their_shebang(scripts: ScanResult) -> None:
    languages = {f.path: f.language for f in scripts.coverage.files_scanned}
    assert languages["bin/deploy"] == languages["bin/sync"] == languages["bin/legacy"] == "shell"
    assert languages["manage"] == "python"
    assert languages["tools/cli"] == "javascript"
    assert languages["Makefile"] == "makefile"
    assert _skipped(scripts)["LICENSE"] == "no auditkit rules for this file type (LICENSE)"
    found = {f for f in _found(scripts) if not f[0].startswith(".github/")}
    assert found == {
        ("bin/deploy", 3, 11, "https://hooks.example.cn/deploy"),
        ("bin/sync", 2, 15, "s3://b"),
        ("bin/sync", 2, 31, "us-east-2"),
        ("bin/legacy", 2, 11, "api.example.cn"),
        ("manage", 2, 8, "https://api.example.cn/v2"),
        ("tools/cli", 2, 12, "https://cdn.example.cn/x.js"),
        ("Makefile", 2, 31, "asia-docker.pkg.dev"),
    }


def test_shell_in_ci_workflows_is_read_as_shell(scripts: ScanResult) -> None:
    in_workflow = {f for f in _found(scripts) if f[0] == ".github/workflows/release.yml"}
    assert in_workflow == {
        (".github/workflows/release.yml", 8, 43, "us-docker.pkg.dev"),
        (".github/workflows/release.yml", 10, 39, "us-docker.pkg.dev/acme/images"),
    }


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(AUDITKIT), *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=300
    )


def test_own_outputs_are_left_out_of_the_next_scan(tmp_path: Path) -> None:
    _write(tmp_path, "app.py", 'U = "https://upload.example.cn/v1"\n')
    first = _cli(tmp_path, "scan", ".", "--no-cache", "--format", "json", "-o", "findings.json")
    assert first.returncode == 1, first.stderr
    sarif = _cli(tmp_path, "scan", ".", "--no-cache", "--format", "sarif", "-o", "out/scan.sarif")
    assert sarif.returncode == 1, sarif.stderr
    log = json.loads((tmp_path / "out/scan.sarif").read_text())
    assert log["version"] == "2.1.0" and log["runs"][0]["tool"]["driver"]["name"] == "auditkit"
    (region,) = [r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]]
    assert (region["startLine"], region["startColumn"]) == (1, 6)
    # a copy under another name is still auditkit's output; a user's own JSON is scanned
    (tmp_path / "renamed.json").write_bytes((tmp_path / "findings.json").read_bytes())
    _write(tmp_path, "report.json", '{"upload": "https://files.example.cn"}\n')
    assert _cli(tmp_path, "baseline", "create", ".").returncode == 0
    audit = _cli(tmp_path, "audit", ".", "--out", "audit-report", "--no-cache", "--fail-on", "none")
    assert audit.returncode == 0, audit.stderr
    second = _cli(tmp_path, "scan", ".", "--no-cache", "--format", "json")
    doc = json.loads(second.stdout)
    assert {(f["location"]["path"], f["location"]["start_line"]) for f in doc["findings"]} == {
        ("app.py", 1),
        ("report.json", 1),
    }
    reasons = {s["path"]: s["reason"] for s in doc["coverage"]["files_skipped"]}
    assert reasons["findings.json"].startswith("auditkit output (findings JSON")
    assert reasons["renamed.json"].startswith("auditkit output (findings JSON")
    assert reasons["out/scan.sarif"].startswith("auditkit output (SARIF log")
    assert reasons[".auditkit-baseline.json"].startswith("auditkit output (baseline")
    assert reasons["audit-report/report.json"].startswith("auditkit output (report")
    assert reasons["audit-report/report.sarif"].startswith("auditkit output (SARIF log")
    assert reasons["audit-report/report.html"].startswith("auditkit output (HTML report")
    assert reasons["audit-report/report.md"].startswith("auditkit output (Markdown report")
    assert doc["coverage"]["auditkit_outputs"] == 8


def test_respect_gitignore_is_a_checked_policy_key() -> None:
    from auditkit.core.policy import PolicyError, parse_policy

    assert (
        parse_policy({"audit": {"respect_gitignore": False}}, "p.toml", "").respect_gitignore
        is False
    )
    assert parse_policy({}, "p.toml", "").respect_gitignore is True
    with pytest.raises(PolicyError) as err:
        parse_policy({"audit": {"respect_gitignore": "no"}}, "p.toml", "")
    assert "audit.respect_gitignore: expected true or false, got a string" in str(err.value.errors)
