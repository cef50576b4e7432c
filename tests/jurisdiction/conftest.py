from __future__ import annotations

import pytest

from auditkit.core.policy import JurisdictionPolicy
from auditkit.jurisdiction import Classifier


@pytest.fixture(scope="session")
def default_classifier() -> Classifier:
    return Classifier(JurisdictionPolicy())
