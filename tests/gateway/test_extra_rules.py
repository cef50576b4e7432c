"""Policy `[gateway.sinks]` entries for semgrep languages become extra rules."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from auditkit.core.errors import PolicyError
from auditkit.sinks import extra_sink_rules
from tests.gateway.test_semgrep_rules import OFFLINE, SEMGREP, needs_semgrep

TARGETS = {
    # With an import path, only files importing that path match.
    "go-import-path": (
        "vendored.go",
        'package main\n\nimport (\n\tdb "example.com/legacydb"\n\t"other.org/legacydb"\n)\n\n'
        'func main() {\n\tdb.Open("x")\n\tlegacydb.Open("x")\n}\n',
        ["example.com/legacydb.Open"],
        [9],
    ),
    "go": (
        "legacy.go",
        'package main\n\nimport (\n\t"example.com/legacydb"\n\tother "example.com/otherdb"\n)\n\n'
        'func main() {\n\tlegacydb.Open("x")\n\tother.Open("x")\n}\n',
        ["legacydb.Open"],
        [9],
    ),
    "java": (
        "Legacy.java",
        'import com.acme.LegacyDb;\n\nclass A {\n  void f() {\n    LegacyDb.open("x");\n'
        '    Other.open("x");\n    new LegacyDb();\n  }\n}\n',
        ["com.acme.LegacyDb.open", "com.acme.LegacyDb"],
        [5, 7],
    ),
    "kotlin": (
        "Legacy.kt",
        'import com.acme.LegacyDb\n\nfun f() {\n    LegacyDb.open("x")\n    Other.open("x")\n}\n',
        ["com.acme.LegacyDb.open"],
        [4],
    ),
    "javascript": (
        "legacy.js",
        "const legacyDb = require('legacy-db');\nlegacyDb.open('x');\nother.open('x');\n",
        ["legacyDb.open"],
        [2],
    ),
    "typescript": (
        "legacy.ts",
        "import { LegacyDb } from './legacy';\nconst db: LegacyDb = new LegacyDb('x');\n",
        ["LegacyDb"],
        [2],
    ),
}


def test_extra_rules_carry_custom_metadata() -> None:
    (rule,) = extra_sink_rules("go", ("legacydb.Open",))
    assert rule["id"] == "gateway-go-custom-legacydb-open"
    assert rule["metadata"]["auditkit"] == {
        "role": "gateway-sink", "sink": "legacydb.Open", "store": "custom", "language": "go",
    }  # fmt: skip


def test_entries_that_are_not_dotted_callables_are_policy_errors() -> None:
    with pytest.raises(PolicyError) as info:
        extra_sink_rules("javascript", ("openLegacy", "legacy-db.open", "a..b", "ok.open"))
    assert info.value.errors == (
        "gateway.sinks.javascript[1]: 'legacy-db.open' is not a dotted callable",
        "gateway.sinks.javascript[2]: 'a..b' is not a dotted callable",
    )


@needs_semgrep
@pytest.mark.parametrize("language", sorted(TARGETS))
def test_extra_rules_match_the_named_callable(language: str, tmp_path: Path) -> None:
    name, code, entries, lines = TARGETS[language]
    rules = tmp_path / "extra.yaml"
    extra = extra_sink_rules(language.split("-")[0], tuple(entries))
    rules.write_text(yaml.safe_dump({"rules": extra}))
    (tmp_path / name).write_text(code)
    proc = subprocess.run(
        [str(SEMGREP), "scan", "--experimental", "--metrics=off", "--disable-version-check",
         "--json", "--quiet", "--config", str(rules), str(tmp_path / name)],
        capture_output=True, text=True, env=OFFLINE, check=False, timeout=120,
    )  # fmt: skip
    found = sorted(r["start"]["line"] for r in json.loads(proc.stdout)["results"])
    assert found == lines, proc.stderr
