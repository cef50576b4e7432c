"""Rule prefilters: the committed table is semgrep's own, and leaving rule files out by it
never loses a match."""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from auditkit import prefilters, rulesets
from auditkit.core.languages import detect_language
from auditkit.engines.semgrep import run_semgrep
from auditkit.rulesets import prefilter_sources, semgrep_configs
from tests.conftest import SAMPLES
from tests.locked import require_locked

REPO = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    path = REPO / "scripts" / "gen_rule_prefilters.py"
    spec = importlib.util.spec_from_file_location("gen_prefilters", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_prefilters_equal_semgrep_output() -> None:
    require_locked("semgrep")  # the committed table is the locked semgrep's
    committed = (REPO / "rulesets" / "semgrep" / "prefilters.json").read_text(encoding="utf-8")
    assert committed == _generator().render(), "run scripts/gen_rule_prefilters.py"


def _corpus() -> dict[str, list[str]]:
    """Every file with gateway rules to match, by language: the samples and the annotated
    rule tests (paths relative to the repository)."""
    by_language: dict[str, list[str]] = defaultdict(list)
    roots = [SAMPLES, REPO / "rulesets" / "semgrep"]
    for root in roots:
        for path in sorted(root.rglob("*")):
            language = detect_language(path.name)
            if path.is_file() and language in {"go", "java", "javascript", "typescript", "kotlin"}:
                by_language[language].append(path.relative_to(REPO).as_posix())
    return by_language


def _found(paths: list[str], configs: tuple[str, ...]) -> set[tuple[str, str, int, int]]:
    matches, errors = run_semgrep(REPO, paths, [Path(c) for c in configs])
    assert not [e for e in errors if e.path is None], errors
    return {(m.rule_id, m.path, m.start.offset, m.end.offset) for m in matches}


@pytest.mark.parametrize("language", ["go", "java", "javascript", "typescript", "kotlin"])
def test_prefiltered_rule_files_find_exactly_what_all_rule_files_find(language: str) -> None:
    paths = _corpus()[language]
    assert len(paths) >= 3
    everything = semgrep_configs({language}, True)
    expected = _found(paths, everything)
    assert any(m[0].startswith("gateway-") for m in expected)

    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for path in paths:
        groups[semgrep_configs({language}, True, prefilter_sources(REPO, [path]))].append(path)
    assert any(len(configs) < len(everything) for configs in groups), "nothing left out"
    found: set[tuple[str, str, int, int]] = set()
    for configs, group in groups.items():
        found |= _found(group, configs)
    assert found == expected


def test_a_batch_keeps_the_rule_files_any_of_its_files_needs() -> None:
    aws = "samples/clover-service/services/profile/store.go"
    plain = "samples/clover-service/services/profile/verify.go"
    alone = set(semgrep_configs({"go"}, True, prefilter_sources(REPO, [plain])))
    both = set(semgrep_configs({"go"}, True, prefilter_sources(REPO, [plain, aws])))
    assert alone < both
    assert any(c.endswith("gateway/go/aws.yaml") for c in both - alone)


def test_large_batches_and_unreadable_files_run_every_rule_file(tmp_path: Path) -> None:
    (tmp_path / "a.go").write_text("package a\n")
    assert prefilter_sources(tmp_path, ["a.go"]) == ["package a\n"]
    assert prefilter_sources(tmp_path, ["a.go", "missing.go"]) is None
    many = ["a.go"] * (rulesets.PREFILTER_MAX_FILES + 1)
    assert prefilter_sources(tmp_path, many) is None


@pytest.mark.parametrize(
    ("condition", "text", "holds"),
    [
        (True, "", True),
        ({"all": ["aws-sdk", "s3"]}, "import aws-sdk ... s3", True),
        ({"all": ["aws-sdk", "s3"]}, "import aws-sdk", False),
        ({"and": [{"all": ["a"]}, {"or": [{"all": ["b"]}, {"all": ["c"]}]}]}, "a c", True),
        ({"and": [{"all": ["a"]}, {"or": [{"all": ["b"]}, {"all": ["c"]}]}]}, "a d", False),
        ({"or": [{"all": ["x"]}, True]}, "", True),
        ({"unexpected": 1}, "", True),
        (None, "", True),
    ],
)
def test_conditions(condition: object, text: str, holds: bool) -> None:
    assert prefilters.holds(condition, text) is holds
