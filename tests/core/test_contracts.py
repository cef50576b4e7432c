from __future__ import annotations

import pytest

from tests.conftest import SCHEMAS, SHARED_SCHEMAS_UPSTREAM


@pytest.mark.parametrize("name", ["findings.schema.json", "classify.schema.json"])
def test_schema_copies_match_the_shared_contracts(name: str) -> None:
    upstream = SHARED_SCHEMAS_UPSTREAM / name
    if not upstream.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert (SCHEMAS / name).read_bytes() == upstream.read_bytes()
