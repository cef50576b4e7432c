"""The real pre-commit framework runs the hook from this repository in a throwaway repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def _git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check)


@pytest.fixture(scope="module")
def hooked_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    head = _git(REPO, "rev-parse", "HEAD").stdout.strip()
    repo = tmp_path_factory.mktemp("service")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "dev@example.eu")
    _git(repo, "config", "user.name", "Dev")
    _git(repo, "config", "commit.gpgsign", "false")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {head}\n    hooks:\n      - id: auditkit\n"
    )
    (repo / "auditkit.toml").write_text('[audit]\nname = "hook test"\n')
    (repo / "app.py").write_text('REGION = "eu-central-1"\n')
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "initial", "--no-verify")
    env = _env(repo)
    subprocess.run([str(PRE_COMMIT), "install"], cwd=repo, env=env, check=True, capture_output=True)
    # Build the hook's environment once (pip installs auditkit from this repository).
    subprocess.run(
        [str(PRE_COMMIT), "install-hooks"], cwd=repo, env=env, check=True, capture_output=True
    )
    return repo


def _env(repo: Path) -> dict[str, str]:
    home = repo.parent / "pre-commit-home"
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "AUDITKIT_CACHE_DIR": str(repo.parent / "auditkit-cache"),
    }


def _commit(repo: Path, message: str) -> subprocess.CompletedProcess[str]:
    _git(repo, "add", "-A")
    return subprocess.run(
        ["git", "commit", "-q", "-m", message],
        cwd=repo,
        env=_env(repo),
        capture_output=True,
        text=True,
        check=False,
    )


def test_commit_with_non_eu_endpoint_is_blocked_then_passes_with_justified_suppression(
    hooked_repo: Path,
) -> None:
    repo = hooked_repo
    (repo / "backup.py").write_text('BACKUP_BUCKET = "https://s3.us-east-1.amazonaws.com/dr"\n')
    blocked = _commit(repo, "add DR backup")
    assert blocked.returncode != 0
    output = blocked.stdout + blocked.stderr
    assert "backup.py:1:" in output
    assert "endpoint.non-eu" in output
    assert "us-east-1" in output

    (repo / "backup.py").write_text(
        "# auditkit: ignore[endpoint.non-eu] DR copy approved in SEC-142\n"
        'BACKUP_BUCKET = "https://s3.us-east-1.amazonaws.com/dr"\n'
    )
    passed = _commit(repo, "add DR backup with approved exception")
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_reasonless_suppression_still_blocks(hooked_repo: Path) -> None:
    repo = hooked_repo
    (repo / "mirror.py").write_text(
        'MIRROR = "oss-cn-beijing.aliyuncs.com"  # auditkit: ignore[endpoint.non-eu]\n'
    )
    blocked = _commit(repo, "mirror")
    assert blocked.returncode != 0
    assert "gives no reason" in blocked.stdout + blocked.stderr
    (repo / "mirror.py").unlink()
    _git(repo, "add", "-A")


def test_unrelated_commit_passes(hooked_repo: Path) -> None:
    repo = hooked_repo
    (repo / "README.md").write_text("# service\n")
    (repo / "util.py").write_text("def add(a, b):\n    return a + b\n")
    passed = _commit(repo, "docs and a helper")
    assert passed.returncode == 0, passed.stdout + passed.stderr
