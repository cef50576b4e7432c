from __future__ import annotations

import os
from pathlib import Path

from auditkit.languages import detect_language
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
    ws = discover(tmp_path)
    assert {(f.path, f.language) for f in ws.files} == {
        ("App.kt", "kotlin"),
        ("build.gradle.kts", "kotlin"),
        ("Dockerfile", "dockerfile"),
        ("web.dockerfile", "dockerfile"),
    }
    assert [(s.path, s.reason) for s in ws.skipped] == [
        ("Makefile", "no auditkit rules for this file type (Makefile)")
    ]
