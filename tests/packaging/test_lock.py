"""The committed lock: exact versions with hashes for everything the set-up installs, within
the ranges pyproject.toml gives users."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import distributions
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.locked import locked_version

LOCKS = [REPO / "requirements" / "lock.txt", REPO / "requirements" / "pip.txt"]
ENGINES = ("semgrep", "bandit", "libcst")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _entries(lock: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) of each requirement of a pip-compile style lock."""
    entries: dict[str, tuple[str, list[str]]] = {}
    current: str | None = None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            requirement = line.split(";")[0].rstrip(" \\")
            name, sep, version = requirement.partition("==")
            assert sep, f"{lock.name}: {line!r} is not pinned with =="
            current = _normal(name)
            entries[current] = (version.strip(), [])
        elif (found := re.search(r"--hash=sha256:([0-9a-f]{64})", line)) and current:
            entries[current][1].append(found.group(1))
    return entries


@pytest.mark.parametrize("lock", LOCKS, ids=lambda p: p.name)
def test_every_locked_requirement_is_exact_and_hashed(lock: Path) -> None:
    entries = _entries(lock)
    assert entries
    assert not [name for name, (_, hashes) in entries.items() if not hashes]


def _project() -> dict[str, object]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _declared() -> list[str]:
    project = _project()
    deps = list(project["dependencies"])  # type: ignore[call-overload]
    deps += project["optional-dependencies"]["dev"]  # type: ignore[index]
    return deps


def test_every_declared_dependency_is_locked() -> None:
    locked = _entries(LOCKS[0])
    names = [_normal(re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0]) for d in _declared()]
    # "auditkit[fleet]" in the dev extra names the project's own extra, not a package.
    assert [n for n in names if n not in locked and n != "auditkit"] == []
    project = _project()
    for extra in project["optional-dependencies"].values():  # type: ignore[attr-defined]
        for dep in extra:
            name = _normal(re.split(r"[<>=!~\[; ]", dep, maxsplit=1)[0])
            assert name in locked or name == "auditkit", dep


@pytest.mark.parametrize("engine", ENGINES)
def test_engines_are_capped_below_their_next_major(engine: str) -> None:
    [spec] = [d for d in _project()["dependencies"] if d.startswith(engine)]  # type: ignore[attr-defined]
    lower = re.search(r">=\s*(\d+)", spec)
    upper = re.search(r"<\s*(\d+)(?!\.)", spec)
    assert lower and upper, spec
    assert int(upper.group(1)) == int(lower.group(1)) + 1
    assert int(locked_version(engine).split(".")[0]) == int(lower.group(1))


def test_the_set_up_installed_exactly_the_lock() -> None:
    """In the venv `make` built, every installed distribution is locked at its version (only
    auditkit itself, installed from the checkout, is not); `make test-latest` skips this."""
    locked = {**_entries(LOCKS[0]), **_entries(LOCKS[1])}
    installed = {_normal(d.metadata["Name"]): d.version for d in distributions()}
    if installed.get("semgrep") != locked["semgrep"][0]:
        pytest.skip("not the locked venv (make test-latest, or a hand-made one)")
    drift = {
        name: (version, locked.get(name, ("not in the lock",))[0])
        for name, version in installed.items()
        if name != "auditkit" and locked.get(name, ("",))[0] != version
    }
    assert drift == {}
