"""The fleet manifest is strict: every problem is an error naming the file and the key path,
and a bad manifest fails before any cluster starts (exit 2, one line per problem)."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditkit.core.errors import UsageError
from auditkit.fleet import load_manifest
from tests.fleet.estate import cli


def _manifest(tmp_path: Path, body: str) -> Path:
    (tmp_path / "repos" / "feed").mkdir(parents=True, exist_ok=True)
    path = tmp_path / "fleet.toml"
    path.write_text(body)
    return path


def _errors(tmp_path: Path, body: str) -> list[str]:
    with pytest.raises(UsageError) as info:
        load_manifest(_manifest(tmp_path, body))
    return info.value.message.splitlines()


def test_paths_are_relative_to_the_manifest(tmp_path: Path) -> None:
    manifest = load_manifest(
        _manifest(
            tmp_path,
            '[fleet]\nname = "Q4"\n[[target]]\nname = "feed"\npath = "repos/feed"\n'
            'policy = "policies/feed.toml"\n',
        )
    )
    assert manifest.name == "Q4"
    [target] = manifest.targets
    assert target.path == (tmp_path / "repos" / "feed").resolve()
    assert target.policy == (tmp_path / "policies" / "feed.toml").resolve()
    assert target.policy_from_target is False


def test_unknown_keys_name_the_file_and_the_key_path(tmp_path: Path) -> None:
    lines = _errors(
        tmp_path,
        '[fleet]\nname = "Q4"\nowner = "x"\n[[target]]\nname = "feed"\npath = "repos/feed"\n'
        'polcy = "p.toml"\n[extra]\n',
    )
    label = str(tmp_path / "fleet.toml")
    assert f"{label}: fleet.owner: unknown key; allowed: name" in lines
    assert any(
        line.startswith(f"{label}: target[0].polcy: unknown key (did you mean 'policy'?)")
        for line in lines
    )
    assert any(line.startswith(f"{label}: extra: unknown key") for line in lines)


def test_names_are_unique_and_safe_as_folder_names(tmp_path: Path) -> None:
    lines = _errors(
        tmp_path,
        '[fleet]\nname = "Q4"\n'
        '[[target]]\nname = "feed"\npath = "repos/feed"\n'
        '[[target]]\nname = "Feed"\npath = "repos/feed"\n'
        '[[target]]\nname = "../up"\npath = "repos/feed"\n'
        '[[target]]\nname = "fleet.json"\npath = "repos/feed"\n'
        '[[target]]\npath = "repos/feed"\n',
    )
    text = "\n".join(lines)
    assert "target[1].name: 'Feed' is already the name of target[0]" in text
    assert "target[2].name: '../up' cannot be a report folder name" in text
    assert "target[3].name: 'fleet.json' cannot be a report folder name" in text
    assert "target[4].name: missing" in text


def test_no_targets_and_no_fleet_name(tmp_path: Path) -> None:
    lines = _errors(tmp_path, "[fleet]\n")
    assert any(line.endswith("fleet.name: missing") for line in lines)
    assert any("target: expected at least one [[target]] table" in line for line in lines)


def test_missing_target_is_one_line_and_exit_2_before_any_cluster(tmp_path: Path) -> None:
    manifest = _manifest(
        tmp_path, '[fleet]\nname = "Q4"\n[[target]]\nname = "gone"\npath = "repos/gone"\n'
    )
    proc = cli("fleet", str(manifest), "--out", str(tmp_path / "out"), cache=tmp_path / "c")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"auditkit: error: {manifest}: target[0].path: repos/gone: not found "
        f"({(tmp_path / 'repos' / 'gone').resolve()})"
    ]
    assert not (tmp_path / "out").exists()


def test_invalid_toml_and_missing_manifest(tmp_path: Path) -> None:
    bad = _manifest(tmp_path, "[fleet\n")
    proc = cli("fleet", str(bad), "--out", str(tmp_path / "out"), cache=tmp_path / "c")
    assert proc.returncode == 2 and "invalid TOML" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    proc = cli("fleet", str(tmp_path / "nope.toml"), "--out", "x", cache=tmp_path / "c")
    assert proc.returncode == 2
    assert (
        proc.stderr.strip() == f"auditkit: error: {tmp_path / 'nope.toml'}: manifest file not found"
    )
