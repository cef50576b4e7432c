"""Golden files for the renderers: the fixed report must render to exactly these bytes.

Regenerate after a deliberate change with ``AUDITKIT_UPDATE_GOLDEN=1 pytest tests/report``,
then review the diff like any other code change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from auditkit.report import Report
from auditkit.report.registry import FORMATS

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("AUDITKIT_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("fmt", ["json", "md", "sarif"])
def test_renderer_matches_golden(report: Report, fmt: str) -> None:
    spec = FORMATS[fmt]
    actual = spec.render(report)
    golden = GOLDEN / spec.filename
    if UPDATE:
        golden.write_bytes(actual)
    assert golden.is_file(), f"{golden} is missing: run with AUDITKIT_UPDATE_GOLDEN=1"
    expected = golden.read_bytes()
    if actual != expected:
        pairs = zip(actual, expected, strict=False)
        at = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(actual), len(expected)))
        pytest.fail(
            f"{spec.filename} differs from the golden file at byte {at}:\n"
            f"  actual:   {actual[max(0, at - 60) : at + 60]!r}\n"
            f"  expected: {expected[max(0, at - 60) : at + 60]!r}\n"
            "If the change is intended, rerun with AUDITKIT_UPDATE_GOLDEN=1 and review the diff."
        )


def test_golden_update_is_off_by_default() -> None:
    # A suite run with the variable set would pass whatever the renderers produce.
    assert not UPDATE or os.environ.get("CI") is None
