"""auditkit runs semgrep's OCaml CLI (`--experimental`): it must equal the default CLI here."""

from __future__ import annotations

from tests.rules.endpoint_rules import RULES_DIR
from tests.rules.semgrep_run import Match, Scan, needs_semgrep


def _describe(matches: frozenset[Match]) -> str:
    return "\n".join(
        f"  {m.rule_id} {m.path}:{m.line} [{m.start}:{m.end}] {m.text(RULES_DIR)!r}"
        for m in sorted(matches)
    )


@needs_semgrep
def test_experimental_cli_equals_default_cli(experimental_scan: Scan, default_scan: Scan) -> None:
    """One run each, every endpoint rule over every annotated test file; same
    (rule id, path, start offset, end offset) results."""
    assert not experimental_scan.errors
    assert not default_scan.errors
    only_experimental = experimental_scan.matches - default_scan.matches
    only_default = default_scan.matches - experimental_scan.matches
    assert not only_experimental and not only_default, (
        f"only --experimental:\n{_describe(only_experimental)}\n"
        f"only the default CLI:\n{_describe(only_default)}"
    )
    assert {m.rule_id for m in experimental_scan.matches} >= {
        "endpoint-literal-python",
        "endpoint-literal-dotenv",
        "endpoint-literal-properties",
        "region-identifier-java",
    }


@needs_semgrep
def test_osemgrep_exec_equals_the_experimental_wrapper(
    experimental_scan: Scan, core_scan: Scan
) -> None:
    """auditkit's engine execs semgrep-core as `osemgrep`: the same results as the wrapper."""
    assert not core_scan.errors
    assert core_scan.matches == experimental_scan.matches, (
        f"only osemgrep:\n{_describe(core_scan.matches - experimental_scan.matches)}\n"
        f"only the wrapper:\n{_describe(experimental_scan.matches - core_scan.matches)}"
    )
