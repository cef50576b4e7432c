"""Glob matching of relative POSIX paths with gitignore semantics (policy paths, tests)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

# Where tests live, by the conventions of the languages auditkit reads; fixture and mock
# folders hold sample payloads (a visitor's IP in a webhook body is data, not a target).
_TEST_PATH = re.compile(
    r"(^|/)(tests?|__tests__|spec|testdata|test_?fixtures?|fixtures?|__fixtures__|__mocks__)/"
    r"|(^|/)test_[^/]*\.py$|_test\.(py|go)$|(^|/)conftest\.py$"
    r"|\.(test|spec)\.[jt]sx?$|(^|/)src/test/"
)


@lru_cache(maxsize=32)
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec  # on first use: ~20 ms of imports that most pre-commit runs never need

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def matches_any(path: str, patterns: tuple[str, ...]) -> bool:
    return bool(patterns) and _spec(patterns).match_file(path)


def is_test_path(path: str) -> bool:
    return _TEST_PATH.search(path) is not None
