"""The endpoint rule files: generated, with auditkit metadata, each with an annotated test file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from auditkit.core.languages import detect_language
from auditkit.rulesets import semgrep_rule_files
from tests.rules.endpoint_rules import (
    RULES_DIR,
    SHAPES,
    SHAPES_BEGIN,
    SHAPES_END,
    TEST_FILES,
    TOKENS,
    TOKENS_BEGIN,
    TOKENS_END,
    render,
)

STEMS = list(TEST_FILES)


def _rules(stem: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((RULES_DIR / f"{stem}.yaml").read_text(encoding="utf-8"))
    rules: list[dict[str, Any]] = data["rules"]
    return rules


def test_committed_rules_equal_the_generator_output() -> None:
    wanted = render()
    committed = {p.name: p.read_text(encoding="utf-8") for p in RULES_DIR.glob("*.yaml")}
    committed.pop(TEST_FILES["yaml"], None)
    assert set(committed) == set(wanted), "run: python -m tests.rules.endpoint_rules"
    for name, text in wanted.items():
        assert committed[name] == text, f"{name} is stale: run python -m tests.rules.endpoint_rules"


def test_no_stray_files() -> None:
    expected = {f"{stem}.yaml" for stem in STEMS} | set(TEST_FILES.values())
    assert {p.name for p in RULES_DIR.iterdir()} == expected


@pytest.mark.parametrize("stem", STEMS)
def test_rule_metadata(stem: str) -> None:
    rules = _rules(stem)
    assert rules[0]["id"] == f"endpoint-literal-{stem}"
    for rule in rules:
        assert rule["severity"] == "INFO"
        assert rule["message"].strip()
        meta = rule["metadata"]["auditkit"]
        if meta["role"] == "endpoint-literal":
            assert rule["id"] == f"endpoint-literal-{stem}"
            assert set(meta) == {"role"}
        elif rule["id"].startswith("region-location-"):
            # Google Cloud multi-regions as a client library's location (location="US")
            assert meta == {"role": "region-identifier", "provider": "gcp"}
            assert rule["id"] == f"region-location-{rule['languages'][0]}"
        else:
            assert meta == {"role": "region-identifier", "provider": "aws"}
            assert rule["id"] == f"region-identifier-{rule['languages'][0]}"


@pytest.mark.parametrize("stem", STEMS)
def test_annotated_test_file(stem: str) -> None:
    """Beside every rule file, with at least one `ruleid:` and one `ok:` line per rule."""
    target = RULES_DIR / TEST_FILES[stem]
    text = target.read_text(encoding="utf-8")
    for rule in _rules(stem):
        rule_id = re.escape(rule["id"])
        # the file type's own comment: # // <!-- --> (HTML, XML) /* */ (SQL)
        end = r"(?:$| -->| \*/)"
        lead = r"(?:#|//|<!--|/\*)"
        assert re.search(rf"{lead} ruleid: {rule_id}{end}", text, re.MULTILINE), rule["id"]
        assert re.search(rf"{lead} ok: {rule_id}{end}", text, re.MULTILINE), rule["id"]


@pytest.mark.parametrize("stem", STEMS)
def test_auditkit_detects_the_test_file_language(stem: str) -> None:
    # the rule stems are auditkit's language names
    assert detect_language(f"rulesets/semgrep/endpoints/{TEST_FILES[stem]}") == stem


def test_rule_files_ship_and_test_files_do_not() -> None:
    shipped = {p.resolve() for p in semgrep_rule_files()}
    for stem in STEMS:
        assert (RULES_DIR / f"{stem}.yaml").resolve() in shipped
    assert (RULES_DIR / TEST_FILES["yaml"]).resolve() not in shipped


def _block(text: str, begin: str, end: str) -> str:
    start = text.rindex("\n", 0, text.index(begin)) + 1
    stop = text.index("\n", text.index(end, start))
    lines = text[start:stop].splitlines()
    indent = len(lines[0]) - len(lines[0].lstrip())
    return "\n".join(line[indent:] for line in lines) + "\n"


@pytest.mark.parametrize("stem", STEMS)
def test_shared_blocks_are_identical(stem: str) -> None:
    """Every endpoint-literal rule extracts the same shapes; only boundaries differ."""
    text = Path(RULES_DIR / f"{stem}.yaml").read_text(encoding="utf-8")
    assert _block(text, TOKENS_BEGIN, TOKENS_END) == TOKENS
    assert _block(text, SHAPES_BEGIN, SHAPES_END) == SHAPES
