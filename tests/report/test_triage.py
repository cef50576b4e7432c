"""The triage file: strict validation, and how decisions merge into the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditkit.report import build_report
from auditkit.report.model import Status
from auditkit.report.triage import TriageError, load_triage

from . import fixture

FP = "v1:" + "ab" * 16

GOOD = f"""
[[decision]]
fingerprint = "{FP}"
status = "false-positive"
note = "Test fixture; never deployed."
reviewer = "A. Auditor"
date = 2026-01-15

[[decision]]
fingerprint = "v1:{"cd" * 16}"
status = "accepted-risk"
note = "Vendor contract covers the transfer (SCC, 2025-11)."
reviewer = "B. Reviewer"
date = "2026-01-16"
rule_id = "endpoint.non-eu"
path = "services/feed/feed/jobs.py"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "triage.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads(tmp_path: Path) -> None:
    triage = load_triage(_write(tmp_path, GOOD))
    assert triage.source == "triage.toml"
    first, second = triage.decisions
    assert (first.fingerprint, first.status, first.date) == (
        FP,
        Status.FALSE_POSITIVE,
        "2026-01-15",
    )
    assert (second.rule_id, second.path) == ("endpoint.non-eu", "services/feed/feed/jobs.py")


def test_an_empty_file_has_no_decisions(tmp_path: Path) -> None:
    assert load_triage(_write(tmp_path, "")).decisions == ()


@pytest.mark.parametrize(
    ("text", "errors"),
    [
        ("[decision]\nfingerprint = 'x'\n", ["decision: expected an array of tables"]),
        ("verdict = 1\n", ["verdict: unknown key"]),
        (
            f'[[decision]]\nfingerprint = "{FP}"\nstatus = "wontfix"\nnote = "n"\n'
            'reviewer = "r"\ndate = 2026-01-15\nseverity = "low"\n',
            ["decision[0].severity: unknown key", "decision[0].status: 'wontfix' is not one of"],
        ),
        (
            '[[decision]]\nfingerprint = "abc"\nstatus = "confirmed"\nreviewer = "r"\n'
            'date = "15/01/2026"\n',
            [
                "decision[0].note: missing",
                "decision[0].fingerprint: 'abc' is not an auditkit fingerprint",
                "decision[0].date: '15/01/2026' is not a date",
            ],
        ),
        (
            f'[[decision]]\nfingerprint = "{FP}"\nstatus = "confirmed"\nnote = ""\n'
            "reviewer = 3\ndate = 2026-01-15\n",
            ["decision[0].note: expected a non-empty string", "decision[0].reviewer: expected"],
        ),
        (
            GOOD + f'[[decision]]\nfingerprint = "{FP}"\nstatus = "confirmed"\nnote = "n"\n'
            'reviewer = "r"\ndate = 2026-01-15\n',
            ["decision[2].fingerprint: duplicate of decision[0]"],
        ),
        ("[[decision\n", ["invalid TOML"]),
        (
            f'[[decision]]\nfingerprint = "{FP}"\nstatus = "confirmed"\nnote = "n"\n'
            'reviewer = "r"\ndate = 2026-01-15T10:00:00\n',
            ["decision[0].date: expected a date (YYYY-MM-DD), not a time"],
        ),
    ],
)
def test_errors_name_the_file_and_key_path(tmp_path: Path, text: str, errors: list[str]) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(TriageError) as caught:
        load_triage(path)
    assert caught.value.exit_code == 2
    lines = caught.value.errors
    for expected in errors:
        assert any(line.startswith(f"{path}: ") and expected in line for line in lines), lines


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(TriageError, match="triage file not found"):
        load_triage(tmp_path / "nope.toml")


def test_decisions_merge_into_the_report(tmp_path: Path) -> None:
    findings = {f.location.path + f.rule_id: f for f in fixture.findings()}
    bandit = findings["services/gateway/clover_gateway/legacy.pybandit.B608"]
    analytics = findings["services/feed/feed/analytics.pyendpoint.non-eu"]
    text = f"""
[[decision]]
fingerprint = "{bandit.fingerprint}"
status = "accepted-risk"
note = "Legacy admin tool; input is an integer id."
reviewer = "A. Auditor"
date = 2026-01-15

[[decision]]
fingerprint = "{analytics.fingerprint}"
status = "confirmed"
note = "Analytics events carry user ids."
reviewer = "A. Auditor"
date = 2026-01-15

[[decision]]
fingerprint = "v1:{"ef" * 16}"
status = "false-positive"
note = "Removed last sprint."
reviewer = "A. Auditor"
date = 2026-01-15
"""
    triage = load_triage(_write(tmp_path, text))
    report = build_report(
        fixture.scan_result(), fixture.policy(), tmp_path, triage=triage, catalog=fixture.catalog()
    )
    by_fp = {f.fingerprint: f for f in report.findings}
    accepted = by_fp[bandit.fingerprint]
    assert accepted.status is Status.ACCEPTED_RISK and not accepted.live
    assert accepted.suppression is not None
    assert accepted.suppression.to_json() == {
        "kind": "triage",
        "reason": "Legacy admin tool; input is an integer id.",
        "date": "2026-01-15",
        "reviewer": "A. Auditor",
        "status": "accepted-risk",
    }
    confirmed = by_fp[analytics.fingerprint]
    assert confirmed.status is Status.CONFIRMED and confirmed.live and confirmed.suppression is None
    assert [d.decision.note for d in report.triage.stale] == ["Removed last sprint."]
    # accepted risk is not live
    assert dict(report.summary.by_category)["security"] == 0
