"""auditkit's gateway rules against import-linter itself, on one small app.

``fixtures/importlinter_pkg/shop`` is a shop service whose data layer is ``shop.gateway``. The
test copies it, declares the same gateway to both tools (an import-linter ``forbidden``
contract and an ``auditkit.toml``), runs the real ``lint-imports`` and ``auditkit scan``, and
checks that every import-linter violation is also an auditkit finding: a ``gateway.bypass``
call of that driver in the importing file, or a ``gateway.import`` on the import line.

Contract choices, each matching what auditkit's gateway rules mean:

- ``allow_indirect_imports = True``: only direct imports count. Otherwise import-linter follows
  chains through the gateway itself (``shop.api.orders -> shop.gateway -> psycopg2``) and
  reports every module that *uses* the gateway, the approved path, as a violation.
- ``exclude_type_checking_imports = True``: an import under ``if TYPE_CHECKING:`` never runs;
  auditkit marks such imports and reports none of them.
- ``include_external_packages = True`` is required (import-linter refuses external forbidden
  modules without it). The drivers need not be installed: grimp reads import statements and
  squashes each external module to its top-level name, which is also why the forbidden
  modules are top-level names (``psycopg2``, not ``psycopg2.pool``).

Every line the comparison depends on carries a ``# parity: KIND`` comment in the fixture:
``both``, ``auditkit-only`` (``importlib.import_module``, invisible to an import graph),
``neither`` (TYPE_CHECKING) and ``import-linter-only`` (``boto3`` used for STS only: an import
of the SDK, but no data-store access, which auditkit deliberately does not report).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "importlinter_pkg"
ROOT_PACKAGE = "shop"
GATEWAY = "shop.gateway"
DRIVERS = ("boto3", "psycopg2", "pymongo", "redis", "sqlalchemy")
CONTRACT_NAME = "Only shop.gateway may import data-store drivers"
GATEWAY_RULES = ("gateway.bypass", "gateway.import")

_MARKER = re.compile(r"#\s*parity:\s*(both|auditkit-only|neither|import-linter-only)\b")
# With allow_indirect_imports every chain is one direct import, printed as
# "-   shop.api.orders -> psycopg2 (l.3)" or "(l.3, l.9)" or "(l.?)".
_VIOLATION = re.compile(r"^-\s+(?P<importer>[\w.]+) -> (?P<imported>[\w.]+) \((?P<lines>[^)]*)\)$")


@dataclass(frozen=True)
class Violation:
    path: str  # the importer's file, POSIX, relative to the scanned tree
    module: str  # the forbidden module imported
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Parity:
    markers: dict[str, set[tuple[str, int]]]  # kind -> {(path, line)}
    violations: list[Violation]
    findings: list[dict[str, Any]]  # auditkit gateway findings
    import_linter_output: str

    def findings_in(self, path: str) -> list[dict[str, Any]]:
        return [f for f in self.findings if f["location"]["path"] == path]


def _source_modules(tree: Path) -> list[str]:
    """Every direct child of the root package except the gateway: modules and subpackages."""
    children = sorted(
        p.stem if p.is_file() else p.name
        for p in (tree / ROOT_PACKAGE).iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()
    )
    return [f"{ROOT_PACKAGE}.{c}" for c in children if f"{ROOT_PACKAGE}.{c}" != GATEWAY]


def _write_configs(tree: Path) -> Path:
    def block(items: Iterable[str]) -> str:
        return "".join(f"\n    {item}" for item in items)

    config = tree / ".importlinter"
    config.write_text(
        "[importlinter]\n"
        f"root_packages ={block([ROOT_PACKAGE])}\n"
        "include_external_packages = True\n"
        "exclude_type_checking_imports = True\n\n"
        "[importlinter:contract:gateway]\n"
        f"name = {CONTRACT_NAME}\n"
        "type = forbidden\n"
        f"source_modules ={block(_source_modules(tree))}\n"
        f"forbidden_modules ={block(DRIVERS)}\n"
        "allow_indirect_imports = True\n",
        encoding="utf-8",
    )
    gateway_dir = GATEWAY.replace(".", "/")
    (tree / "auditkit.toml").write_text(
        f'[gateway]\nname = "shop_gateway"\npaths = ["{gateway_dir}/**"]\n', encoding="utf-8"
    )
    return config


def _lint_imports() -> str:
    pytest.importorskip("importlinter", reason="import-linter (a dev dependency) is not installed")
    here = Path(sys.executable).parent / "lint-imports"
    found = str(here) if here.is_file() else shutil.which("lint-imports")
    if found is None:
        pytest.skip("the lint-imports command is not on PATH")
    return found


def _run_import_linter(tree: Path, config: Path) -> str:
    command = _lint_imports()
    usage = subprocess.run(
        [command, "--help"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    # import-linter 2.x takes config files as arguments (--config is deprecated); 1.x only --config.
    args = [str(config)] if "CONFIG_FILES" in usage else ["--config", str(config)]
    args += [flag for flag in ("--no-cache", "--no-logo") if flag in usage]
    env = {**os.environ, "PYTHONPATH": str(tree), "NO_COLOR": "1"}
    done = subprocess.run(
        [command, *args], cwd=tree, env=env, capture_output=True, text=True, timeout=120
    )
    output = done.stdout + done.stderr
    # 1 means "a contract is broken"; anything else (or no contract summary) is a failed run.
    assert done.returncode == 1, f"lint-imports exited {done.returncode}:\n{output}"
    assert f"{CONTRACT_NAME} BROKEN" in output, output
    return output


def _parse_violations(tree: Path, output: str) -> list[Violation]:
    violations = []
    for line in output.splitlines():
        match = _VIOLATION.match(line.strip())
        if match is None:
            continue
        numbers = re.findall(r"l\.(\d+)", match["lines"])
        violations.append(
            Violation(
                _module_path(tree, match["importer"]), match["imported"], tuple(map(int, numbers))
            )
        )
    return violations


def _module_path(tree: Path, module: str) -> str:
    base = Path(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if (tree / candidate).is_file():
            return candidate.as_posix()
    raise AssertionError(f"import-linter named {module}, which is no file under {tree}")


def _run_auditkit(tree: Path) -> list[dict[str, Any]]:
    env = {
        **os.environ,
        "SEMGREP_ENABLE_VERSION_CHECK": "0",
        "SEMGREP_SEND_METRICS": "off",
        "NO_COLOR": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "auditkit", "scan", str(tree), "--format", "json", "--no-cache"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, f"auditkit exited {done.returncode}:\n{done.stderr}"
    findings: list[dict[str, Any]] = json.loads(done.stdout)["findings"]
    return [f for f in findings if f["rule_id"].startswith("gateway.")]


def _markers(tree: Path) -> dict[str, set[tuple[str, int]]]:
    found: dict[str, set[tuple[str, int]]] = {}
    for path in sorted(tree.rglob("*.py")):
        rel = path.relative_to(tree).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = _MARKER.search(line)
            if match:
                found.setdefault(match[1], set()).add((rel, number))
    return found


@pytest.fixture(scope="module")
def parity(tmp_path_factory: pytest.TempPathFactory) -> Parity:
    tree = tmp_path_factory.mktemp("importlinter") / "app"
    shutil.copytree(FIXTURE, tree, ignore=shutil.ignore_patterns("__pycache__"))
    config = _write_configs(tree)
    output = _run_import_linter(tree, config)
    return Parity(_markers(tree), _parse_violations(tree, output), _run_auditkit(tree), output)


def _covered_by_auditkit(violation: Violation, parity: Parity) -> bool:
    for finding in parity.findings_in(violation.path):
        evidence = finding["evidence"]
        if finding["rule_id"] == "gateway.bypass":
            # "psycopg2.connect", "redis.Redis.from_url", "boto3.client(s3)"
            if evidence["sink"].split(".")[0] == violation.module:
                return True
        elif finding["rule_id"] == "gateway.import" and (
            evidence["module"].split(".")[0] == violation.module
            and finding["location"]["start_line"] in violation.lines
        ):
            return True
    return False


def test_import_linter_reports_exactly_the_annotated_imports(parity: Parity) -> None:
    """The contract, the parser and the fixture's annotations agree (guards the comparison)."""
    reported = {(v.path, line) for v in parity.violations for line in v.lines}
    expected = parity.markers["both"] | parity.markers["import-linter-only"]
    assert reported == expected, parity.import_linter_output
    assert {v.module for v in parity.violations} == set(DRIVERS), parity.import_linter_output


def test_every_import_linter_violation_is_reported_by_auditkit(parity: Parity) -> None:
    missed = [v for v in parity.violations if not _covered_by_auditkit(v, parity)]
    missed_lines = {(v.path, line) for v in missed for line in v.lines}
    # The one deliberate difference: boto3 imported for STS (control plane) is not data access.
    assert missed_lines == parity.markers["import-linter-only"], (
        f"import-linter violations auditkit does not report: {missed}\n"
        f"auditkit findings: {[(f['rule_id'], f['location']) for f in parity.findings]}"
    )
    for violation in missed:
        assert violation.module == "boto3"
        assert parity.findings_in(violation.path) == []


def test_auditkit_reports_the_dynamic_import_import_linter_cannot_see(parity: Parity) -> None:
    ((path, line),) = parity.markers["auditkit-only"]
    assert path not in {v.path for v in parity.violations}, parity.import_linter_output
    (finding,) = parity.findings_in(path)
    assert finding["rule_id"] == "gateway.bypass"
    assert finding["evidence"]["sink"] == "pymongo.MongoClient"
    assert finding["evidence"]["resolved_via"].startswith("importlib.import_module('pymongo')")
    assert finding["location"]["start_line"] == line + 1  # the call on the driver it returned


def test_type_checking_imports_are_left_out_by_both(parity: Parity) -> None:
    ((path, _line),) = parity.markers["neither"]
    assert path not in {v.path for v in parity.violations}, parity.import_linter_output
    assert parity.findings_in(path) == []


def test_gateway_code_is_exempt_in_both(parity: Parity) -> None:
    gateway_dir = GATEWAY.replace(".", "/") + "/"
    assert not [v for v in parity.violations if v.path.startswith(gateway_dir)]
    assert not [f for f in parity.findings if f["location"]["path"].startswith(gateway_dir)]
    # ...although the gateway itself calls every driver: the exemption is doing the work.
    for module in DRIVERS:
        assert any(
            re.search(rf"^\s*(?:import|from) {module}\b", p.read_text(encoding="utf-8"), re.M)
            for p in (FIXTURE / gateway_dir).glob("*.py")
        ), module
