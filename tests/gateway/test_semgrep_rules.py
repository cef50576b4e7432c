"""The generated semgrep rules: equal to the generator's output, and passing their tests."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from auditkit.sinks import SEMGREP_LANGUAGES, load_sinks

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "rulesets" / "semgrep" / "gateway"
SEMGREP = Path(sys.executable).with_name("semgrep")
OFFLINE = {**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}
needs_semgrep = pytest.mark.skipif(not SEMGREP.exists(), reason="semgrep is not installed")


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen", REPO / "scripts" / "gen_gateway_rules.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_rules_equal_the_generator_output() -> None:
    wanted = _generator().render()
    committed = {
        p.relative_to(RULES): p.read_text(encoding="utf-8") for p in RULES.glob("*/*.yaml")
    }
    assert set(committed) == set(wanted), "run scripts/gen_gateway_rules.py"
    for rel, text in wanted.items():
        assert committed[rel] == text, f"{rel} is stale: run scripts/gen_gateway_rules.py"


def test_every_rule_file_has_an_annotated_test_file() -> None:
    suffix = {
        "go": ".go",
        "java": ".java",
        "kotlin": ".kt",
        "csharp": ".cs",
        "javascript": ".js",
        "typescript": ".ts",
    }
    for rules in RULES.glob("*/*.yaml"):
        assert rules.with_suffix(suffix[rules.parent.name]).is_file(), rules


@pytest.fixture(scope="module")
def semgrep_test_report() -> dict[str, Any]:
    if not SEMGREP.exists():
        pytest.skip("semgrep is not installed")
    proc = subprocess.run(
        [str(SEMGREP), "test", "--experimental", "--json", str(RULES)],
        capture_output=True, text=True, env=OFFLINE, check=False, timeout=300,
    )  # fmt: skip
    assert proc.stdout, proc.stderr
    report: dict[str, Any] = json.loads(proc.stdout)
    return report


@needs_semgrep
def test_semgrep_rule_tests_pass(semgrep_test_report: dict[str, Any]) -> None:
    assert not semgrep_test_report["config_with_errors"]
    failures = [
        (config, rule_id, check)
        for config, result in semgrep_test_report["results"].items()
        for rule_id, check in result["checks"].items()
        if not check["passed"]
    ]
    assert not failures


@needs_semgrep
@pytest.mark.parametrize("language", SEMGREP_LANGUAGES)
def test_every_rule_is_exercised(semgrep_test_report: dict[str, Any], language: str) -> None:
    exercised = {
        rule_id.rsplit(".", 1)[-1]
        for result in semgrep_test_report["results"].values()
        for rule_id, check in result["checks"].items()
        if any(m["expected_lines"] for m in check["matches"].values())
    }
    missing = sorted(s.rule_id for s in load_sinks(language) if s.rule_id not in exercised)
    assert not missing


@needs_semgrep
def test_matches_are_the_call_or_the_url_argument() -> None:
    targets = sorted(p for p in RULES.glob("*/*") if p.suffix != ".yaml")
    proc = subprocess.run(
        [str(SEMGREP), "scan", "--experimental", "--metrics=off", "--disable-version-check",
         "--json", "--quiet", "--config", str(RULES), *map(str, targets)],
        capture_output=True, text=True, env=OFFLINE, check=False, timeout=300,
    )  # fmt: skip
    results = json.loads(proc.stdout)["results"]
    assert results
    # Declarations (an Entity Framework DbContext subclass) are narrowed to the class name.
    declared = {s.rule_id for lang in SEMGREP_LANGUAGES for s in load_sinks(lang) if s.focus}
    for result in results:
        data = Path(result["path"]).read_bytes()
        text = data[result["start"]["offset"] : result["end"]["offset"]].decode()
        role = result["extra"]["metadata"]["auditkit"]["role"]
        before = data[: result["start"]["offset"]].decode().rstrip()[-1:]
        if role == "http-call":
            assert before in ("(", ",", ":"), (result["check_id"], text)
        elif role in ("gateway-repository", "gateway-repository-extends") or (
            result["check_id"].rsplit(".", 1)[-1] in declared
        ):
            # The interface's name, which the scan reads back to join calls with it.
            assert re.fullmatch(r"[A-Z]\w*", text), (result["check_id"], text)
        else:
            # The call itself, never the import or require that brings the driver in.
            assert not text.startswith("import "), (result["check_id"], text)
            assert not re.fullmatch(r"require\([^()]*\)", text), (result["check_id"], text)
            assert "(" in text or "=" in text, (result["check_id"], text)


@pytest.mark.parametrize("language", SEMGREP_LANGUAGES)
def test_rule_metadata_names_the_sink(language: str) -> None:
    from auditkit.sinks import semgrep_rule

    for sink in load_sinks(language):
        rule = semgrep_rule(sink)
        assert rule["id"] == sink.rule_id and rule["severity"] == "WARNING"
        broker = {"broker": sink.broker} if sink.broker else {}
        assert rule["metadata"]["auditkit"] == {
            "role": sink.role, "sink": sink.name, "store": sink.store, "language": language,
            **broker,
        }  # fmt: skip
        assert sink.name in rule["message"]
