"""Typed, strict reading of a stored report: every error names its key path."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from enum import Enum
from typing import Any, TypeVar

from auditkit.core.errors import UsageError

T = TypeVar("T")
E = TypeVar("E", bound=Enum)


class ReportFormatError(UsageError):
    """A report.json that is corrupt, foreign or of another schema version."""


def _where(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class Reader:
    def obj(self, value: object, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ReportFormatError(f"{path or 'top level'}: expected an object")
        return value

    def field_obj(self, d: dict[str, Any], key: str, path: str) -> dict[str, Any]:
        return self.obj(self._get(d, key, path), _where(path, key))

    def items(self, d: dict[str, Any], key: str, path: str) -> Iterator[tuple[object, str]]:
        value = self._get(d, key, path)
        where = _where(path, key)
        if not isinstance(value, list):
            raise ReportFormatError(f"{where}: expected a list")
        for i, item in enumerate(value):
            yield item, f"{where}[{i}]"

    def text(self, d: dict[str, Any], key: str, path: str) -> str:
        value = self._get(d, key, path)
        if not isinstance(value, str):
            raise ReportFormatError(f"{_where(path, key)}: expected a string")
        return value

    def opt_str(self, d: dict[str, Any], key: str, path: str) -> str | None:
        if d.get(key) is None:
            self._get(d, key, path)
            return None
        return self.text(d, key, path)

    def integer(self, d: dict[str, Any], key: str, path: str) -> int:
        value = self._get(d, key, path)
        if not isinstance(value, int) or isinstance(value, bool):
            raise ReportFormatError(f"{_where(path, key)}: expected an integer")
        return value

    def flag(self, d: dict[str, Any], key: str, path: str) -> bool:
        value = self._get(d, key, path)
        if not isinstance(value, bool):
            raise ReportFormatError(f"{_where(path, key)}: expected true or false")
        return value

    def str_list(self, d: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        out = []
        for item, where in self.items(d, key, path):
            if not isinstance(item, str):
                raise ReportFormatError(f"{where}: expected a string")
            out.append(item)
        return tuple(out)

    def counts(self, d: dict[str, Any], key: str, path: str) -> dict[str, int]:
        table = self.field_obj(d, key, path)
        for k in table:
            self.integer(table, k, _where(path, key))
        return table

    def enum(self, cls: type[E], value: str, path: str) -> E:
        try:
            return cls(value)
        except ValueError:
            raise ReportFormatError(f"{path}: unknown value {value!r}") from None

    def record(self, cls: type[T], value: object, path: str) -> T:
        """A flat dataclass whose fields are strings, integers and booleans."""
        d = self.obj(value, path)
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", "")
            if kind == "int":
                kwargs[f.name] = self.integer(d, f.name, path)
            elif kind == "bool":
                kwargs[f.name] = self.flag(d, f.name, path)
            else:
                kwargs[f.name] = self.text(d, f.name, path)
        return cls(**kwargs)

    @staticmethod
    def _get(d: dict[str, Any], key: str, path: str) -> Any:
        if key not in d:
            raise ReportFormatError(f"{_where(path, key)}: missing")
        return d[key]
