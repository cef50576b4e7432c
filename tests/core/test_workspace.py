from __future__ import annotations

import os
from pathlib import Path

from auditkit.core.languages import detect_language
from auditkit.workspace import discover, select_files


def _write(root: Path, rel: str, content: str | bytes = "x = 1\n") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _reasons(ws: object) -> dict[str, str]:
    return {s.path: s.reason for s in ws.skipped}  # type: ignore[attr-defined]


def test_language_detection_by_name_and_extension() -> None:
    cases = {
        "a/b.py": "python",
        "main.go": "go",
        "A.java": "java",
        "web/x.tsx": "typescript",
        "web/x.mjs": "javascript",
        "k8s/deploy.yml": "yaml",
        "cfg.json": "json",
        "main.tf": "terraform",
        "prod.tfvars": "terraform",
        ".env": "dotenv",
        ".env.production": "dotenv",
        "local.env": "dotenv",
        "application.properties": "properties",
        "Dockerfile": "dockerfile",
        "Dockerfile.dev": "dockerfile",
        "README.md": None,
        "image.png": None,
    }
    for path, expected in cases.items():
        assert detect_language(path) == expected, path


def test_ignore_files_and_policy_excludes(tmp_path: Path) -> None:
    _write(tmp_path, "app/main.py")
    _write(tmp_path, "app/generated.py")
    _write(tmp_path, "app/.gitignore", "generated.py\n")
    _write(tmp_path, ".auditkitignore", "vendor/\n")
    _write(tmp_path, "vendor/lib.py")
    _write(tmp_path, "docs/conf.py")
    _write(tmp_path, "node_modules/pkg/index.js", "var a = 1;\n")
    ws = discover(tmp_path, ("docs/**", "**/node_modules/**"))
    assert [f.path for f in ws.files] == ["app/main.py"]
    reasons = _reasons(ws)
    assert reasons["app/generated.py"] == "excluded by app/.gitignore"
    assert reasons["vendor/"] == "excluded by .auditkitignore"
    assert reasons["docs/"] == "excluded by policy exclude"
    assert reasons["node_modules/"] == "excluded by policy exclude"


def test_gitignore_negation_and_tests_are_scanned(tmp_path: Path) -> None:
    # semgrep would silently drop tests/ and vendor/; auditkit scans what is not ignored.
    _write(tmp_path, ".gitignore", "*.py\n!keep.py\n")
    _write(tmp_path, "keep.py")
    _write(tmp_path, "drop.py")
    _write(tmp_path, "tests/test_x.go", "package x\n")
    ws = discover(tmp_path)
    assert {f.path for f in ws.files} == {"keep.py", "tests/test_x.go"}


def test_hostile_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    _write(tmp_path, "good.py", 'URL = "https://example.com"\n')
    _write(tmp_path, "random.py", os.urandom(2048) + b"\x00")
    _write(tmp_path, "latin1.py", "name = 'caf\xe9'\n".encode("latin-1"))
    _write(tmp_path, "huge.js", "a" * (3 * 1024 * 1024))
    _write(tmp_path, "lib.min.js", "var a=1;")
    os.symlink(tmp_path / "missing.py", tmp_path / "dangling.py")
    os.symlink("/etc/passwd", tmp_path / "outside.py")
    (tmp_path / "loop").mkdir()
    os.symlink(tmp_path / "loop", tmp_path / "loop" / "again")
    os.symlink(tmp_path / "self_a", tmp_path / "self_b")
    os.symlink(tmp_path / "self_b", tmp_path / "self_a")
    _write(tmp_path, "with\ttab.py")
    _write(tmp_path, "<b>markup</b>.py".replace("/", "_"))
    bad_name = os.fsencode(str(tmp_path)) + b"/bad\xff.py"
    with open(bad_name, "wb") as fh:
        fh.write(b"x = 1\n")
    ws = discover(tmp_path)
    scanned = {f.path for f in ws.files}
    assert "good.py" in scanned and "with\ttab.py" in scanned and "<b>markup<_b>.py" in scanned
    reasons = _reasons(ws)
    assert reasons["random.py"] == "binary content"
    assert reasons["latin1.py"].startswith("not valid UTF-8")
    assert reasons["huge.js"].startswith("larger than the 2 MiB limit")
    assert reasons["lib.min.js"].startswith("minified JavaScript")
    assert reasons["dangling.py"] == "dangling symlink"
    assert reasons["outside.py"] == "symlink points outside the scanned tree (not followed)"
    assert reasons["loop/again/"] == "symlink loop (folder already visited)"
    assert reasons["self_a"] == "symlink loop"
    assert reasons["bad\\xff.py"] == "file name is not valid UTF-8"


def test_lock_files_and_large_data_files_are_listed_not_scanned(tmp_path: Path) -> None:
    _write(tmp_path, "web/package-lock.json", '{"resolved": "https://registry.npmjs.org/x"}')
    _write(tmp_path, "data/dump.json", '["' + "x" * (600 * 1024) + '"]')
    _write(tmp_path, "config/app.json", '{"url": "https://api.example.cn"}')
    ws = discover(tmp_path)
    assert [f.path for f in ws.files] == ["config/app.json"]
    reasons = _reasons(ws)
    assert reasons["web/package-lock.json"].startswith("dependency lock file")
    assert reasons["data/dump.json"].startswith("json data file over 512 KiB")


def test_select_files_stays_inside_root(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    _write(root, "a.py")
    outside = _write(tmp_path, "b.py")
    ws = select_files(root, [root / "a.py", outside])
    assert [f.path for f in ws.files] == ["a.py"]
    assert _reasons(ws) == {str(outside): "outside the repository root"}


def test_line_counts_and_digest(tmp_path: Path) -> None:
    _write(tmp_path, "a.py", "one\ntwo\nthree")
    (f,) = discover(tmp_path).files
    assert f.lines == 3
    assert f.size == 13
    assert len(f.sha256) == 64


def test_kotlin_and_dockerfiles_are_scanned(tmp_path: Path) -> None:
    (tmp_path / "App.kt").write_text('const val API = "https://api.example.com"\n')
    (tmp_path / "build.gradle.kts").write_text('val repo = "https://repo.example.com"\n')
    (tmp_path / "Dockerfile").write_text("FROM python:3.11\n")
    (tmp_path / "web.dockerfile").write_text("FROM node:20\n")
    (tmp_path / "Makefile").write_text("all:\n")
    (tmp_path / "NOTICE").write_text("all:\n")
    ws = discover(tmp_path)
    assert {(f.path, f.language) for f in ws.files} == {
        ("App.kt", "kotlin"),
        ("build.gradle.kts", "kotlin"),
        ("Dockerfile", "dockerfile"),
        ("web.dockerfile", "dockerfile"),
        ("Makefile", "makefile"),  # its recipes are shell (engines.masked)
    }
    assert [(s.path, s.reason) for s in ws.skipped] == [
        ("NOTICE", "no auditkit rules for this file type (NOTICE)")
    ]


def test_extensionless_scripts_by_shebang(tmp_path: Path) -> None:
    scripts = {
        "bin/a": ("#!/bin/bash\n", "shell"),
        "bin/b": ("#!/bin/sh -e\n", "shell"),
        "bin/c": ("#!/usr/bin/env bash\n", "shell"),
        "bin/d": ("#!/usr/bin/env python3\n", "python"),
        "bin/e": ("#!/usr/bin/env -S python3 -u\n", "python"),
        "bin/f": ("#!/usr/bin/env node\n", "javascript"),
        "bin/g": ("#!/usr/bin/perl\n", None),
        "bin/h": ("echo no shebang\n", None),
        "bin/i.txt": ("#!/bin/bash\n", None),  # an extension decides; .txt has no rules
    }
    for rel, (text, _) in scripts.items():
        _write(tmp_path, rel, text)
    ws = discover(tmp_path)
    languages = {f.path: f.language for f in ws.files}
    assert languages == {rel: lang for rel, (_, lang) in scripts.items() if lang}
    # pre-commit mode identifies them the same way
    named = select_files(tmp_path, [tmp_path / "bin/d", tmp_path / "bin/h"])
    assert [(f.path, f.language) for f in named.files] == [("bin/d", "python")]


def test_auditkit_outputs_are_recognised_by_content(tmp_path: Path) -> None:
    import base64
    import json

    findings = {"schema_version": 1, "tool": {"name": "auditkit", "version": "0"}, "findings": []}
    statement = {"predicateType": "https://auditkit.dev/audit-report/v1", "subject": []}
    payload = base64.b64encode(json.dumps(statement).encode()).decode()
    envelope = {"payloadType": "application/vnd.in-toto+json", "payload": payload}
    sarif = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "auditkit"}}}]}
    baseline = {"schema": "auditkit/baseline/1", "tool": {"name": "auditkit"}, "entries": []}
    _write(tmp_path, "out/any-name.json", json.dumps(findings))
    _write(tmp_path, "r/report.json.dsse.json", json.dumps(envelope))
    _write(tmp_path, "r/results.sarif", json.dumps(sarif))
    _write(tmp_path, "sarif-as.json", json.dumps(sarif))
    _write(tmp_path, ".auditkit-baseline.json", json.dumps(baseline))
    # someone else's files stay scanned, even when they mention auditkit
    _write(tmp_path, "report.json", '{"tool": {"name": "auditkit"}, "url": "https://x.example.cn"}')
    other = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "semgrep"}}}]}
    _write(tmp_path, "semgrep.json", json.dumps(other))
    ws = discover(tmp_path)
    reasons = _reasons(ws)
    assert reasons["out/any-name.json"].startswith("auditkit output (findings JSON written")
    assert reasons["r/report.json.dsse.json"].startswith("auditkit output (report signature")
    assert reasons["r/results.sarif"].startswith("auditkit output (SARIF log")
    assert reasons["sarif-as.json"].startswith("auditkit output (SARIF log")
    assert reasons[".auditkit-baseline.json"].startswith("auditkit output (baseline")
    assert {f.path for f in ws.files} == {"report.json", "semgrep.json"}


def _git(root: Path, *args: str) -> None:
    import subprocess

    subprocess.run(
        ["git", "-c", "user.email=a@example.org", "-c", "user.name=t", *args],
        cwd=root, check=True, capture_output=True,
    )  # fmt: skip


def test_gitignore_removes_only_untracked_files_in_a_work_tree(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q", ".")
    _write(tmp_path, ".gitignore", "*.gen.py\nout/\n")
    _write(tmp_path, "a.gen.py")
    _write(tmp_path, "out/tracked.py")
    _git(tmp_path, "add", ".gitignore")
    _git(tmp_path, "add", "-f", "a.gen.py", "out/tracked.py")
    _git(tmp_path, "commit", "-q", "-m", "x")
    _write(tmp_path, "b.gen.py")
    _write(tmp_path, "out/new.py")
    _write(tmp_path, ".auditkitignore", "out/tracked.py\n")  # the audit's own choice wins
    ws = discover(tmp_path)
    assert [f.path for f in ws.files] == ["a.gen.py"]
    reasons = _reasons(ws)
    assert reasons["b.gen.py"] == "excluded by .gitignore (not tracked by git)"
    assert reasons["out/new.py"] == "excluded by .gitignore (not tracked by git)"
    assert reasons["out/tracked.py"] == "excluded by .auditkitignore"
    assert ws.gitignore.to_json() == {"mode": "untracked", "files_excluded": 2, "tracked_kept": 1}
    # a folder of the work tree scanned on its own: ignore files above it are not read (as
    # before), and git's answer is relative to it too
    sub = discover(tmp_path / "out")
    assert [f.path for f in sub.files] == ["new.py", "tracked.py"]
    assert sub.gitignore.mode == "untracked"


def test_gitignore_outside_git_counts_and_can_be_turned_off(tmp_path: Path) -> None:
    _write(tmp_path, ".gitignore", "gen/\n*.log.py\n")
    _write(tmp_path, "gen/a.py")
    _write(tmp_path, "gen/deep/b.py")
    _write(tmp_path, "x.log.py")
    _write(tmp_path, "main.py")
    ws = discover(tmp_path)
    assert [f.path for f in ws.files] == ["main.py"]
    assert ws.gitignore.to_json() == {"mode": "all", "files_excluded": 3, "tracked_kept": 0}
    off = discover(tmp_path, respect_gitignore=False)
    assert [f.path for f in off.files] == ["gen/a.py", "gen/deep/b.py", "main.py", "x.log.py"]
    assert off.gitignore.mode == "off"
