"""Table-driven classifier cases: data in classify_cases.txt (default policy, EU + EEA)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from auditkit.jurisdiction import Classifier

CASES_FILE = Path(__file__).with_name("classify_cases.txt")


class Case(NamedTuple):
    text: str
    hints: frozenset[str]
    expected: dict[str, object] | None  # None: not an endpoint


def _value(field: str) -> object:
    return {"-": None, "true": True, "false": False, "none": None}.get(field, field)


def load_cases() -> list[Case]:
    cases: list[Case] = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split(" | ")]
        hints = frozenset() if fields[1] == "-" else frozenset(fields[1].split(","))
        if fields[2] == "none":
            cases.append(Case(fields[0], hints, None))
            continue
        kind, provider, region, jurisdiction, compliant, basis = fields[2:8]
        expected = {
            "kind": kind,
            "provider": _value(provider),
            "region": _value(region),
            "jurisdiction": _value(jurisdiction),
            "compliant": _value(compliant),
            "basis": _value(basis),
        }
        cases.append(Case(fields[0], hints, expected))
    return cases


CASES = load_cases()


def test_enough_cases() -> None:
    assert len(CASES) >= 250


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c.text}|{','.join(sorted(c.hints))}" for c in CASES]
)
def test_classify(default_classifier: Classifier, case: Case) -> None:
    verdict = default_classifier.classify(case.text, case.hints)
    if case.expected is None:
        assert verdict is None, verdict
        return
    assert verdict is not None
    got = {key: getattr(verdict, key) for key in case.expected}
    assert got == case.expected, verdict.reason
    assert verdict.reason
    assert verdict.jurisdiction is None or (
        len(verdict.jurisdiction) == 2 and verdict.jurisdiction.isupper()
    )
    assert verdict.internal == (verdict.basis == "internal")
