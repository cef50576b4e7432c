from __future__ import annotations

from pathlib import Path

import pytest

from auditkit.core.errors import PolicyError
from auditkit.core.policy import load_policy

DESIGN_EXAMPLE = """
[audit]
name = "Clover service audit"
exclude = ["**/node_modules/**", "docs/**"]

[jurisdiction]
allowed = ["EU", "EEA"]
allow_hosts = ["*.clover.internal"]
deny_hosts = []

[gateway]
name = "clover_gateway"
paths = ["services/gateway/**"]
protected_hosts = ["user-data.svc.cluster.local"]

[gateway.sinks]
python = ["legacy_db.open"]
"""


def test_design_example_loads(tmp_path: Path) -> None:
    (tmp_path / "auditkit.toml").write_text(DESIGN_EXAMPLE)
    policy = load_policy(tmp_path)
    assert policy.name == "Clover service audit"
    assert policy.exclude == ("**/node_modules/**", "docs/**")
    assert policy.jurisdiction.allowed == ("EU", "EEA")
    assert policy.jurisdiction.allow_hosts == ("*.clover.internal",)
    assert policy.gateway.name == "clover_gateway"
    assert policy.gateway.paths == ("services/gateway/**",)
    assert policy.gateway.protected_hosts == ("user-data.svc.cluster.local",)
    assert policy.gateway.extra_sinks("python") == ("legacy_db.open",)
    assert policy.gateway.extra_sinks("go") == ()
    assert policy.source == "auditkit.toml"
    assert len(policy.digest) == 64


def test_defaults_without_policy(tmp_path: Path) -> None:
    policy = load_policy(tmp_path)
    assert policy.jurisdiction.allowed == ("EU", "EEA")
    assert not policy.gateway.declared
    assert policy.source is None


def test_every_error_is_reported_with_file_and_key_path(tmp_path: Path) -> None:
    (tmp_path / "auditkit.toml").write_text(
        """
[audit]
nmae = "typo"
exclude = "docs/**"
[jurisdiction]
allowed = ["EU", "europe", 3]
[gateway]
paths = ["a/**"]
protected_host = ["x"]
[gateway.sinks]
cobol = ["X"]
[extra]
"""
    )
    with pytest.raises(PolicyError) as info:
        load_policy(tmp_path)
    errors = info.value.errors
    assert (
        "auditkit.toml: audit.nmae: unknown key (did you mean 'name'?); "
        "allowed: name, exclude, respect_gitignore" in errors
    )
    assert any(
        e.startswith("auditkit.toml: audit.exclude: expected a list of strings") for e in errors
    )
    assert any(e.startswith("auditkit.toml: jurisdiction.allowed[1]: 'europe'") for e in errors)
    assert any(
        e.startswith("auditkit.toml: jurisdiction.allowed[2]: expected a non-empty string")
        for e in errors
    )
    assert any(
        e.startswith(
            "auditkit.toml: gateway.protected_host: unknown key (did you mean 'protected_hosts'?)"
        )
        for e in errors
    )
    assert any(e.startswith("auditkit.toml: gateway.sinks.cobol: unknown key") for e in errors)
    assert any(e.startswith("auditkit.toml: extra: unknown key") for e in errors)
    assert len(errors) == 7


def test_pyproject_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.auditkit.jurisdiction]\nallowed = ["EU", "CH"]\n'
    )
    policy = load_policy(tmp_path)
    assert policy.jurisdiction.allowed == ("EU", "CH")
    assert policy.source == "pyproject.toml [tool.auditkit]"


def test_pyproject_section_errors_name_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.auditkit.gateway]\npath = ["x"]\n')
    with pytest.raises(PolicyError) as info:
        load_policy(tmp_path)
    assert info.value.errors[0].startswith(
        "pyproject.toml [tool.auditkit]: gateway.path: unknown key"
    )


def test_explicit_policy_file_wins(tmp_path: Path) -> None:
    (tmp_path / "auditkit.toml").write_text('[audit]\nname = "in tree"\n')
    other = tmp_path / "other.toml"
    other.write_text('[audit]\nname = "explicit"\n')
    assert load_policy(tmp_path, other).name == "explicit"


def test_missing_and_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="policy file not found"):
        load_policy(tmp_path, tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[audit\n")
    with pytest.raises(PolicyError, match="invalid TOML"):
        load_policy(tmp_path, bad)


def test_wrong_table_type(tmp_path: Path) -> None:
    (tmp_path / "auditkit.toml").write_text('gateway = "x"\n[jurisdiction]\nallow_hosts = [""]\n')
    with pytest.raises(PolicyError) as info:
        load_policy(tmp_path)
    assert "auditkit.toml: gateway: expected a table, got a string" in info.value.errors
    assert any("jurisdiction.allow_hosts[0]" in e for e in info.value.errors)
