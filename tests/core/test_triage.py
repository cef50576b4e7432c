from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditkit.core.errors import UsageError
from auditkit.core.fingerprint import assign_fingerprints
from auditkit.core.model import Category, Finding, Location, Severity
from auditkit.triage.baseline import apply_baseline, build_baseline, load_baseline, write_baseline
from auditkit.triage.suppress import apply_inline_suppressions, parse_suppressions


def _finding(path: str, line: int, snippet: str, rule: str = "endpoint.non-eu") -> Finding:
    category = Category.NON_EU_ENDPOINT if rule.startswith("endpoint") else Category.SECURITY
    return Finding(
        rule_id=rule,
        category=category,
        severity=Severity.HIGH,
        message="m",
        location=Location(path, line, 1, line, 10),
        snippet=snippet,
        engine="semgrep",
        evidence=(("endpoint", "us-east-1"),),
    )


@pytest.mark.parametrize(
    ("line", "targets", "reason", "standalone"),
    [
        (
            'x = "us-east-1"  # auditkit: ignore[endpoint.non-eu] legacy DR bucket, ticket SEC-12',
            ("endpoint.non-eu",),
            "legacy DR bucket, ticket SEC-12",
            False,
        ),
        (
            "// auditkit: ignore[non-eu-endpoint, bandit] vendor SDK default",
            ("non-eu-endpoint", "bandit"),
            "vendor SDK default",
            True,
        ),
        ("-- auditkit: ignore[endpoint] reason here", ("endpoint",), "reason here", True),
        (
            "/* auditkit: ignore[endpoint.non-eu] kept for audit */",
            ("endpoint.non-eu",),
            "kept for audit",
            True,
        ),
        ("region: us-east-1 # auditkit: ignore[endpoint.non-eu]", ("endpoint.non-eu",), "", False),
        (
            "! auditkit: ignore[endpoint.non-eu] properties comment",
            ("endpoint.non-eu",),
            "properties comment",
            True,
        ),
    ],
)
def test_parse_in_every_comment_syntax(
    line: str, targets: tuple[str, ...], reason: str, standalone: bool
) -> None:
    (s,) = parse_suppressions("f", line + "\n")
    assert s.targets == targets
    assert s.reason == reason
    assert s.standalone is standalone


def test_marker_outside_a_comment_is_not_a_suppression() -> None:
    assert parse_suppressions("f", "x = 1 auditkit: ignore[endpoint] no comment marker\n") == []


def test_suppression_marks_reasonless_and_stale_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        "# auditkit: ignore[endpoint.non-eu] approved exception SEC-1\n"
        'A = "us-east-1"\n'
        'B = "us-west-2"  # auditkit: ignore[endpoint.non-eu]\n'
        'C = "ok"  # auditkit: ignore[gateway.bypass] nothing here\n'
        'D = "eu-west-2"  # auditkit: ignore[bandit.B105] wrong rule\n'
    )
    findings = [
        _finding("a.py", 2, 'A = "us-east-1"'),
        _finding("a.py", 3, 'B = "us-west-2"'),
        _finding("a.py", 5, 'D = "eu-west-2"'),
    ]
    marked, problems = apply_inline_suppressions(findings, tmp_path, ["a.py"])
    assert marked[0].suppression is not None
    assert marked[0].suppression.kind == "inline"
    assert marked[0].suppression.reason == "approved exception SEC-1"
    assert marked[1].suppression is None  # no reason: suppresses nothing
    assert marked[2].suppression is None  # names another rule
    kinds = [(p.line, p.kind) for p in problems]
    assert kinds == [(3, "no-reason"), (4, "stale"), (5, "stale")]


def test_fingerprints_survive_line_shifts_and_reindentation() -> None:
    a = assign_fingerprints([_finding("x.py", 10, '    URL = "us-east-1"')])[0]
    b = assign_fingerprints([_finding("x.py", 42, 'URL  =  "us-east-1"')])[0]
    c = assign_fingerprints([_finding("y.py", 10, 'URL = "us-east-1"')])[0]
    assert a.fingerprint == b.fingerprint
    assert a.fingerprint != c.fingerprint
    assert a.fingerprint.startswith("v1:")


def test_identical_findings_get_distinct_fingerprints() -> None:
    two = assign_fingerprints(
        [_finding("x.py", 1, 'U = "us-east-1"'), _finding("x.py", 9, 'U = "us-east-1"')]
    )
    assert two[0].fingerprint != two[1].fingerprint


def test_baseline_counts_a_second_copy_as_new(tmp_path: Path) -> None:
    old = [_finding("x.py", 1, 'U = "us-east-1"')]
    path = tmp_path / "b.json"
    assert write_baseline(path, old) == 1
    counts = load_baseline(path)
    moved = [_finding("x.py", 30, 'U = "us-east-1"')]
    assert apply_baseline(moved, counts, "b.json")[0].suppression is not None
    copies = [_finding("x.py", 30, 'U = "us-east-1"'), _finding("x.py", 31, 'U = "us-east-1"')]
    marked = apply_baseline(copies, counts, "b.json")
    assert [f.suppression is not None for f in marked] == [True, False]
    assert marked[0].suppression is not None and marked[0].suppression.kind == "baseline"


def test_baseline_excludes_suppressed_findings() -> None:
    doc = build_baseline([_finding("x.py", 1, "a")])
    assert doc["schema"] == "auditkit/baseline/1"
    assert doc["entries"][0]["count"] == 1


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps({"schema": "other/1", "entries": []}),
        json.dumps({"schema": "auditkit/baseline/1", "entries": [{"identity": 3, "count": 1}]}),
        json.dumps([1, 2]),
    ],
)
def test_corrupt_or_foreign_baseline_is_an_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content)
    with pytest.raises(UsageError):
        load_baseline(path)
