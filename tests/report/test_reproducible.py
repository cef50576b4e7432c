"""Two audits of the same tree, policy and version, with the same SOURCE_DATE_EPOCH, give
byte-identical reports, whatever the folders they sit in and the file-system order."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest

from auditkit.cli import main
from auditkit.core.model import Coverage, ScanResult
from tests.conftest import SAMPLES

from . import fixture

FILES = ("report.json", "report.html", "report.md", "report.sarif")
SAMPLE = SAMPLES / "clover-service"
EPOCH = "1714521600"  # 2024-05-01


def _copy(source: Path, dest: Path, reverse: bool) -> Path:
    """Copy a tree file by file, in forward or reverse order (a different readdir order)."""
    files = sorted(p for p in source.rglob("*") if p.is_file())
    for path in reversed(files) if reverse else files:
        target = dest / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return dest


def _audit_twice(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    outs = []
    for n, reverse in ((1, False), (2, True)):
        tree = _copy(source, tmp_path / f"machine-{n}" / ("deep/" * n) / source.name, reverse)
        out = tmp_path / f"reports-{n}" / "out"
        code = main(["audit", str(tree), "--out", str(out), "--policy-from-target"])
        assert code in (0, 1), code
        outs.append(out)
    return outs


def _assert_identical(first: Path, second: Path, tmp_path: Path) -> None:
    for name in FILES:
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        assert a == b, f"{name} differs between the two audits"
        assert str(tmp_path).encode() not in a, f"{name} holds a machine path"


def _tree(tmp_path: Path) -> Path:
    """A small tree: the fixture's files with some content, and the policy."""
    root = tmp_path / "src" / "clover-service"
    for f in fixture.findings():
        path = root / f.location.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f.snippet + "\n")
    (root / "auditkit.toml").write_text(fixture.POLICY_TEXT)
    (root / "README.md").write_text("# clover\n")
    return root


def test_report_layer_is_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Engines stubbed (their findings fixed), everything else real: files, manifest, git."""
    from auditkit.workspace import discover

    def scan(target: Path, policy: Any, options: Any = None) -> ScanResult:
        ws = discover(target, policy.exclude)
        files = tuple(f.as_scanned() for f in ws.files)
        result = fixture.scan_result()
        coverage = Coverage(files, ws.skipped, result.coverage.engine_issues)
        return dataclasses.replace(result, target=target.resolve().name, coverage=coverage)

    monkeypatch.setattr("auditkit.cli.audit.run_scan", scan)
    monkeypatch.setattr("auditkit.report.build.load_catalog", fixture.catalog)
    first, second = _audit_twice(tmp_path, _tree(tmp_path), monkeypatch)
    _assert_identical(first, second, tmp_path)


def test_real_audit_of_the_sample_is_reproducible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _audit_twice(tmp_path, SAMPLE, monkeypatch)
    _assert_identical(first, second, tmp_path)
