"""The shell commands inside YAML (CI `run:` / `script:` blocks, Kubernetes `command:` /
`args:`) through the shell rule: each annotated fixture's shell view (engines.masked) runs
through the real semgrep, and the matches fall exactly on the `ruleid:` lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditkit.engines.masked import shell_view
from tests.rules.endpoint_rules import RULES_DIR
from tests.rules.semgrep_run import annotations, needs_semgrep, scan

FIXTURES = Path(__file__).parent / "shell_views"
RULE = "endpoint-literal-shell"


@needs_semgrep
@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_shell_view_annotations(name: str, tmp_path: Path) -> None:
    source = (FIXTURES / name).read_bytes()
    view = shell_view(name, source)
    assert view is not None and len(view) == len(source)
    target = tmp_path / "view.sh"
    target.write_bytes(view)
    result = scan([RULES_DIR / "shell.yaml"], [target], experimental=True, cwd=tmp_path)
    assert not result.errors
    got = {m.line for m in result.matches if m.rule_id == RULE}
    wanted = annotations(FIXTURES / name)
    assert got == wanted.match.get(RULE, set())
    assert not got & wanted.no_match.get(RULE, set())
