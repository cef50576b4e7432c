from __future__ import annotations

import pytest

from auditkit.jurisdiction import Classifier
from auditkit.policy import JurisdictionPolicy


@pytest.fixture(scope="session")
def default_classifier() -> Classifier:
    return Classifier(JurisdictionPolicy())
