from __future__ import annotations

import pytest

from tests.rules.endpoint_rules import RULES_DIR
from tests.rules.semgrep_run import SEMGREP, Scan, annotated_files, rule_files, scan


def _scan(experimental: bool) -> Scan:
    if not SEMGREP.exists():
        pytest.skip("semgrep is not installed")
    return scan(rule_files(), annotated_files(), experimental=experimental, cwd=RULES_DIR)


@pytest.fixture(scope="session")
def experimental_scan() -> Scan:
    """All endpoint rules over all annotated test files, once, with the OCaml CLI."""
    return _scan(experimental=True)


@pytest.fixture(scope="session")
def default_scan() -> Scan:
    """The same run with the default CLI."""
    return _scan(experimental=False)
