from __future__ import annotations

import pytest

from tests.rules.endpoint_rules import RULES_DIR
from tests.rules.semgrep_run import (
    SEMGREP,
    Scan,
    annotated_files,
    rule_files,
    scan,
    semgrep_core,
)


def _scan(experimental: bool, core: bool = False) -> Scan:
    if not SEMGREP.exists():
        pytest.skip("semgrep is not installed")
    if core and semgrep_core() is None:
        pytest.skip("semgrep-core is not installed")
    files = annotated_files()
    return scan(rule_files(), files, experimental=experimental, cwd=RULES_DIR, core=core)


@pytest.fixture(scope="session")
def experimental_scan() -> Scan:
    """All endpoint rules over all annotated test files, once, with the OCaml CLI."""
    return _scan(experimental=True)


@pytest.fixture(scope="session")
def default_scan() -> Scan:
    """The same run with the default CLI."""
    return _scan(experimental=False)


@pytest.fixture(scope="session")
def core_scan() -> Scan:
    """The same run the way auditkit's engine runs it: semgrep-core exec'd as `osemgrep`."""
    return _scan(experimental=True, core=True)
