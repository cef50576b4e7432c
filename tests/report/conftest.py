from __future__ import annotations

from pathlib import Path

import pytest

from auditkit.report import Report

from . import fixture


@pytest.fixture
def report(tmp_path: Path) -> Report:
    """The fixed report of tests/report/fixture.py."""
    return fixture.report(tmp_path)
