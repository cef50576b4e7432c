"""Engine versions read from dist-info equal what importlib.metadata says."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

import pytest

from auditkit.core.distributions import installed_version


@pytest.mark.parametrize("name", ["semgrep", "bandit", "libcst", "publicsuffixlist", "auditkit"])
def test_installed_version_equals_importlib_metadata(name: str) -> None:
    installed_version.cache_clear()
    assert installed_version(name) == version(name)


def test_a_missing_distribution_raises_like_importlib_metadata() -> None:
    with pytest.raises(PackageNotFoundError):
        installed_version("no-such-distribution-for-auditkit")
