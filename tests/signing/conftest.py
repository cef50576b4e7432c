"""Fixtures: key pairs, a plausible report directory, and a source tree it describes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import rfc8785

from auditkit.cli import main
from auditkit.core.policy import parse_policy
from auditkit.manifest import manifest_digest, manifest_entries
from auditkit.signing import generate_key_pair
from auditkit.signing.keys import GeneratedKeys
from auditkit.workspace import discover

POLICY_TEXT = """\
[audit]
name = "Tiny service audit"
exclude = ["docs/**"]

[jurisdiction]
allowed = ["EU", "EEA"]
"""

SOURCE_FILES = {
    "auditkit.toml": POLICY_TEXT,
    "app/main.py": 'import requests\n\nURL = "https://api.example.cn/v1"\n',
    "app/store.py": "import psycopg2\n\nconn = psycopg2.connect('dbname=x')\n",
    "web/client.js": "fetch('https://eu.example.de/api');\n",
    "docs/notes.py": "print('excluded by the policy')\n",
}


def write_source_tree(root: Path) -> Path:
    for rel, text in SOURCE_FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def make_report(source: Path, out_dir: Path) -> Path:
    """A report directory with the keys report.json will have (see the report layer)."""
    import tomllib

    policy = parse_policy(tomllib.loads(POLICY_TEXT), "auditkit.toml", POLICY_TEXT)
    workspace = discover(source, policy.exclude)
    manifest = [
        {
            "path": f.path,
            "sha256": f.sha256,
            "language": f.language,
            "lines": f.lines,
            "size": f.size,
        }
        for f in workspace.files
    ]
    report: dict[str, Any] = {
        "schema_version": 1,
        "metadata": {
            "title": "Tiny service audit",
            "date": "2024-05-01",
            "tool": {"name": "auditkit", "version": "0.1.0"},
        },
        "scope": {
            "git": {"commit": "0123456789abcdef0123456789abcdef01234567", "dirty": False},
            "manifest": manifest,
            "manifest_digest": manifest_digest(
                manifest_entries(f.as_scanned() for f in workspace.files)
            ),
        },
        "methodology": {
            "policy": {
                "source": "auditkit.toml",
                "text": POLICY_TEXT,
                "digest": hashlib.sha256(POLICY_TEXT.encode()).hexdigest(),
            },
            "ruleset_digest": hashlib.sha256(b"rules").hexdigest(),
            "engines": [
                {"name": "semgrep", "version": "1.100.0"},
                {"name": "bandit", "version": "1.8.0"},
            ],
        },
        "summary": {
            "by_category": {
                "non-eu-endpoint": 1,
                "gateway-bypass": 1,
                "unverified-endpoint": 0,
                "security": 0,
            },
            "by_severity": {"critical": 0, "high": 2, "medium": 0, "low": 0, "info": 0},
        },
        "findings": [],
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_bytes(rfc8785.dumps(report))
    (out_dir / "report.html").write_text("<!doctype html><title>Tiny service audit</title>\n")
    (out_dir / "report.md").write_text("# Tiny service audit\n\n2 findings.\n")
    (out_dir / "report.sarif").write_text('{"version": "2.1.0", "runs": []}\n')
    return out_dir


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, GeneratedKeys]:
    base = tmp_path_factory.mktemp("keys")
    return {name: generate_key_pair(base, name) for name in ("auditor", "reviewer", "stranger")}


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return write_source_tree(tmp_path / "src")


@pytest.fixture
def report_dir(source: Path, tmp_path: Path) -> Path:
    return make_report(source, tmp_path / "out")


@pytest.fixture
def signed(report_dir: Path, keys: dict[str, GeneratedKeys]) -> Path:
    from auditkit.signing import sign_report_directory

    sign_report_directory(report_dir, keys["auditor"].private_path)
    return report_dir


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the auditkit CLI in-process: (exit code, stdout, stderr)."""

    def _run(*args: str | Path) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run
