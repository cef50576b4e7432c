from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
# Copies of ../shared/schemas (the contracts), kept in the repo so that a bare clone tests
# itself; tests/core/test_contracts.py checks the copies against shared/ when it is there.
SCHEMAS = REPO / "tests" / "schemas"
SHARED_SCHEMAS_UPSTREAM = REPO.parent / "shared" / "schemas"


@pytest.fixture(autouse=True)
def _offline_engines(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # Engines must never phone home, and tests must not write to the real home directory.
    monkeypatch.setenv("SEMGREP_ENABLE_VERSION_CHECK", "0")
    monkeypatch.setenv("SEMGREP_SEND_METRICS", "off")
    monkeypatch.setenv("AUDITKIT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    os.environ.setdefault("NO_COLOR", "1")
