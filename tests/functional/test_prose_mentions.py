"""A host name inside running text, known only by its country-code domain, names a service:
it stays in the inventory at info severity and never blocks a commit (field case:
`autoupdate_commit_msg: "[pre-commit.ci] pre-commit autoupdate"` blocked every commit)."""

from __future__ import annotations

from pathlib import Path

from auditkit.core.model import Finding
from auditkit.core.policy import Policy
from auditkit.scan import ScanOptions, run_scan

PYTHON = """\
MSG = "[pre-commit.ci] pre-commit autoupdate"
HOST = "reports.example.cn"
URL = "https://pre-commit.ci"
LIST = "a.example.cn, b.example.ru"
"""

# semgrep reads "[name]" inside a YAML value as a one-element list, so the bare host reaches
# the classifier on its own; the words around it are what show it is running text.
YAML = """\
ci:
  autoupdate_commit_msg: ⬆ [pre-commit.ci] pre-commit autoupdate
  autofix_commit_msg: "[pre-commit.ci] auto fixes from hooks"
  endpoint: api.example.ru
  mirrors: [files.example.ru, files.example.cn]
  backup: "[backup.example.cn]"
  flagged: "[backup.example.cn:9000] staging copy"
"""


def _by_line(tmp_path: Path, name: str, text: str) -> dict[int, list[Finding]]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_scan(tmp_path, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    out: dict[int, list[Finding]] = {}
    for f in result.findings:
        if f.location.path == name and f.rule_id.startswith("endpoint."):
            out.setdefault(f.location.start_line, []).append(f)
    return out


def _severities(found: dict[int, list[Finding]], line: int) -> list[str]:
    return sorted(f.severity.value for f in found.get(line, []))


def test_yaml_values(tmp_path: Path) -> None:
    found = _by_line(tmp_path, "config.yaml", YAML)
    assert _severities(found, 2) == ["info"]
    assert _severities(found, 3) == ["info"]
    finding = found[2][0]
    assert finding.rule_id == "endpoint.non-eu"  # still says what it is
    assert finding.evidence_dict["jurisdiction"] == "CI"
    note = finding.evidence_dict["context"]
    assert "inside text" in note and "was medium" in note
    assert _severities(found, 4) == ["medium"]  # a setting
    assert _severities(found, 5) == ["medium", "medium"]  # a list of hosts
    assert _severities(found, 6) == ["medium"]  # one host in brackets, no words around
    assert _severities(found, 7) == ["medium"]  # host:port is a connection setting


def test_python_literals_need_the_host_to_be_the_whole_literal(tmp_path: Path) -> None:
    found = _by_line(tmp_path, "app.py", PYTHON)
    assert _severities(found, 1) == []
    assert _severities(found, 2) == ["medium"]
    assert _severities(found, 3) == ["medium"]  # a URL
    assert _severities(found, 4) == ["medium", "medium"]
