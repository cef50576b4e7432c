"""Rule prefilters follow the installed semgrep: a table written by another version is derived
from the installed ``semgrep-core``, kept in the cache folder, re-derived when damaged, made in
memory with ``--no-cache``, and a scan and its report say which table was in force."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditkit import datacache, prefilters, rulesets
from auditkit.core import distributions
from auditkit.core.policy import Policy
from auditkit.findings_json import scan_to_json
from auditkit.report.build import build_report
from auditkit.report.registry import FORMATS
from auditkit.rulesets import prefilter_sources, prefilter_table, semgrep_configs
from auditkit.scan import ScanOptions, run_scan
from tests.locked import require_locked
from tests.rules.test_prefilters import (
    test_prefiltered_rule_files_find_exactly_what_all_rule_files_find as _finds_the_same,
)

REPO = Path(__file__).resolve().parents[2]
COMMITTED = REPO / "rulesets" / "semgrep" / "prefilters.json"
OTHER = "0.0.1-not-the-committed-one"
PLAIN_GO = "samples/clover-service/services/profile/verify.go"


@pytest.fixture(autouse=True)
def _fresh_tables(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # prefilter_table() keeps one table per cache folder for the process: start empty.
    monkeypatch.setattr(rulesets, "_tables", {})
    yield


@pytest.fixture
def another_semgrep(monkeypatch: pytest.MonkeyPatch) -> None:
    """The installed semgrep is not the version that wrote the committed table (the real
    semgrep-core still computes the conditions)."""
    monkeypatch.setattr(rulesets, "installed_version", lambda name: OTHER)


def _entries(cache: Path) -> list[Path]:
    tables = cache / "tables"
    found = []
    for p in sorted(tables.glob("*.json")) if tables.is_dir() else []:
        try:
            if json.loads(p.read_bytes()).get("semgrep") == OTHER:
                found.append(p)
        except (ValueError, AttributeError):
            found.append(p)  # a damaged entry written by the test itself
    return found


def _expected_files() -> dict[str, object]:
    core = distributions.semgrep_core()
    assert core is not None
    return prefilters.derive(
        core, rulesets.rulesets_dir() / "semgrep", rulesets.semgrep_rule_files()
    )


def test_the_committed_table_is_used_with_the_semgrep_that_wrote_it() -> None:
    require_locked("semgrep")
    table = prefilter_table()
    assert table is not None and table.origin == prefilters.COMMITTED
    assert dict(table.files) == json.loads(COMMITTED.read_bytes())["files"]


@pytest.mark.usefixtures("another_semgrep")
def test_another_semgreps_table_is_derived_and_kept_in_the_cache(tmp_path: Path) -> None:
    with datacache.using(tmp_path):
        table = prefilter_table()
    assert table is not None
    assert (table.origin, table.semgrep) == (prefilters.DERIVED, OTHER)
    assert dict(table.files) == _expected_files()
    assert set(table.files) == {
        p.relative_to(rulesets.rulesets_dir() / "semgrep").as_posix()
        for p in rulesets.semgrep_rule_files()
    }
    assert any(c is not True for c in table.files.values()), "no condition at all"
    [entry] = _entries(tmp_path)
    assert json.loads(entry.read_bytes())["files"] == dict(table.files)


@pytest.mark.usefixtures("another_semgrep")
def test_the_kept_table_is_read_without_asking_semgrep_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with datacache.using(tmp_path):
        first = prefilter_table()
    monkeypatch.setattr(rulesets, "_tables", {})

    def no_semgrep_core(core: str, rules: list[object]) -> dict[str, object]:
        raise AssertionError("derived again although the cache holds the table")

    monkeypatch.setattr(prefilters, "_semgrep_core_filters", no_semgrep_core)
    with datacache.using(tmp_path):
        again = prefilter_table()
    assert again == first and again is not None and again.origin == prefilters.DERIVED


@pytest.mark.usefixtures("another_semgrep")
@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b'{"files": {"endpoints/go.yaml": tr',
        b"[]",
        b'{"semgrep": "0.0.1-not-the-committed-one", "files": {"gateway/go/aws.yaml": {"x": 1}}}',
        b'{"semgrep": "1.0.0", "files": {}}',
    ],
    ids=["empty", "cut-short", "not-a-table", "bad-condition", "other-version"],
)
def test_a_damaged_entry_is_derived_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    with datacache.using(tmp_path):
        prefilter_table()
    [entry] = _entries(tmp_path)
    entry.write_bytes(damage)
    monkeypatch.setattr(rulesets, "_tables", {})
    with datacache.using(tmp_path):
        table = prefilter_table()
    assert table is not None and table.origin == prefilters.DERIVED
    assert dict(table.files) == _expected_files()
    assert json.loads(entry.read_bytes())["files"] == dict(table.files)  # replaced


@pytest.mark.usefixtures("another_semgrep")
def test_no_cache_derives_in_memory_and_writes_nothing(tmp_path: Path) -> None:
    with datacache.using(None):
        table = prefilter_table()
    assert table is not None and table.origin == prefilters.DERIVED
    assert datacache.default_cache_dir() != tmp_path
    assert not _entries(datacache.default_cache_dir())


@pytest.mark.usefixtures("another_semgrep")
@pytest.mark.parametrize("core", [None, "/bin/false"], ids=["no-semgrep-core", "it-fails"])
def test_without_a_table_every_rule_file_runs(
    monkeypatch: pytest.MonkeyPatch, core: str | None
) -> None:
    monkeypatch.setattr(rulesets, "semgrep_core", lambda: core)
    assert prefilter_table() is None
    assert rulesets.prefilter_origin() == prefilters.NONE
    sources = prefilter_sources(REPO, [PLAIN_GO])
    assert semgrep_configs({"go"}, True, sources) == semgrep_configs({"go"}, True)


@pytest.mark.usefixtures("another_semgrep")
def test_a_derived_table_leaves_rule_files_out_as_the_committed_one_does() -> None:
    sources = prefilter_sources(REPO, [PLAIN_GO])
    assert semgrep_configs({"go"}, True, sources) != semgrep_configs({"go"}, True)


@pytest.mark.usefixtures("another_semgrep")
@pytest.mark.parametrize("language", ["go", "java", "typescript"])
def test_derived_prefilters_find_exactly_what_all_rule_files_find(language: str) -> None:
    prefilter_table()  # derived now, for the whole test
    _finds_the_same(language)


def _scan(tmp_path: Path) -> Path:
    target = tmp_path / "svc"
    target.mkdir()
    (target / "main.go").write_text(
        'package main\n\nconst backup = "https://s3.us-east-1.amazonaws.com/b"\n',
        encoding="utf-8",
    )
    return target


@pytest.mark.usefixtures("another_semgrep")
def test_scan_and_report_say_the_table_was_derived(tmp_path: Path) -> None:
    target = _scan(tmp_path)
    result = run_scan(target, Policy(), ScanOptions(run_bandit=False))
    assert result.rule_prefilters == prefilters.DERIVED
    assert [f.rule_id for f in result.findings] == ["endpoint.non-eu"]
    assert scan_to_json(result)["rule_prefilters"] == "derived"
    report = build_report(result, Policy(), target, date="2026-12-04")
    assert report.methodology.rule_prefilters == "derived"
    data = json.loads(FORMATS["json"].render(report))
    assert data["methodology"]["rule_prefilters"] == "derived"
    md = FORMATS["md"].render(report).decode("utf-8")
    assert "derived from the installed semgrep" in md


def test_scan_says_the_committed_table_was_used(tmp_path: Path) -> None:
    require_locked("semgrep")
    result = run_scan(_scan(tmp_path), Policy(), ScanOptions(run_bandit=False, use_cache=False))
    assert result.rule_prefilters == prefilters.COMMITTED
