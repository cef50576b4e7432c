"""Errors with their fixed exit codes (DESIGN.md, CLI contract).

Exit code 1 is reserved for "findings at or above --fail-on" and is never raised as an error.
"""

from __future__ import annotations


class AuditkitError(Exception):
    """Base class: a failure the CLI reports as one line on stderr with ``exit_code``."""

    exit_code = 3

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(AuditkitError):
    exit_code = 2


class PolicyError(AuditkitError):
    """One or more policy errors; every one names the file and the key path."""

    exit_code = 2

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = tuple(errors)


class RulesetError(AuditkitError):
    exit_code = 2


class EngineError(AuditkitError):
    """An analysis engine could not run or returned output that cannot be trusted."""

    exit_code = 3


class VerificationError(AuditkitError):
    exit_code = 4
