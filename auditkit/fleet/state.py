"""What a fleet run leaves in ``--out`` besides the reports: the record of finished targets
(so that a restarted run does not audit them again) and a tail-able log of the work done."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from auditkit.core.errors import UsageError

STATE_NAME = "fleet-state.json"
LOG_NAME = "fleet.log"
_SCHEMA = "auditkit/fleet-state/1"


def target_key(parts: list[str]) -> str:
    """One digest of everything a target's reports depend on (files, policy, engines, date,
    signing key): equal keys, equal reports."""
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


class FinishedTargets:
    """``fleet-state.json``: target name -> key of the reports written for it."""

    def __init__(self, out_dir: Path) -> None:
        self._path = out_dir / STATE_NAME
        self._keys: dict[str, str] = {}
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # none yet, or unreadable: every target is audited again
        if isinstance(data, dict) and data.get("schema") == _SCHEMA:
            targets = data.get("targets")
            if isinstance(targets, dict):
                self._keys = {k: v for k, v in targets.items() if isinstance(v, str)}

    def key(self, name: str) -> str | None:
        return self._keys.get(name)

    def record(self, name: str, key: str | None) -> None:
        """Record (or with None forget) a target; written at once, so an interrupted run
        keeps every target it finished."""
        if key is None:
            self._keys.pop(name, None)
        else:
            self._keys[name] = key
        data = json.dumps({"schema": _SCHEMA, "targets": self._keys}, indent=2, sort_keys=True)
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self._path.name}.", dir=self._path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data + "\n")
            os.replace(tmp, self._path)
        except OSError as exc:
            raise UsageError(f"cannot write {self._path}: {exc.strerror}") from None


class WorkLog:
    """``fleet.log``: one line per event, flushed at once (``tail -f`` shows the run)."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / LOG_NAME
        try:
            self._handle: TextIO = self.path.open("a", encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {self.path}: {exc.strerror}") from None

    def write(self, event: str, **fields: object) -> None:
        stamp = datetime.now(tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        detail = " ".join(f"{k}={_value(v)}" for k, v in fields.items())
        self._handle.write(f"{stamp} {event} {detail}".rstrip() + "\n")
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()


def _value(value: object) -> str:
    text = str(value)
    return json.dumps(text) if not text or any(c.isspace() or c == '"' for c in text) else text
