"""Go handlers guarded where they are registered, not in their body.

Go routers take plain functions, so an authorization check is often a wrapper applied when the
route is registered: ``g.GET("/api/subscribers", pm(a.QuerySubscribers, "subscribers:get"))``
(knadh/listmonk), ``r.Handle("/x", requireRole("admin", h.Export))``. The handler's own body
then holds no check, and the generated rule reports every access in it. This module reads the
scanned Go files once, finds the calls of the policy's Go checks and collects the function
names passed to them (through other wrappers too: ``pm(hasID(a.GetSubscriber), ...)``); a
handler of that name is guarded. Names only: a same-named handler of another type would be
taken as guarded too, which errs towards silence only where a check wraps that name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from auditkit import sourcetext
from auditkit.flows.relays import balanced

_STRING = re.compile(r'"(?:\\.|[^"\\\n])*"|`[^`]*`|\'(?:\\.|[^\'\\\n])*\'')
_NAME = re.compile(r"[A-Za-z_]\w*")


@dataclass
class GoRoutes:
    root: Path
    files: Mapping[str, str]  # path -> language
    checks: tuple[str, ...]  # the policy's Go checks (calls)
    _guarded: frozenset[str] | None = field(default=None, init=False)

    def guarded(self) -> frozenset[str]:
        """Names of the functions passed to a check call anywhere in the scanned Go files."""
        if self._guarded is None:
            self._guarded = frozenset(self._collect())
        return self._guarded

    def _collect(self) -> set[str]:
        names: set[str] = set()
        calls = [c.rsplit(".", 1)[-1] for c in self.checks if c and not c.startswith("@")]
        if not calls:
            return names
        call = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in calls) + r")\(")
        for path, language in sorted(self.files.items()):
            if language != "go":
                continue
            try:
                text = sourcetext.file_text(self.root, path)
            except OSError:
                continue
            code = _STRING.sub('""', text)  # a check named inside a string calls nothing
            for m in call.finditer(code):
                group = balanced(code, m.end() - 1)
                names.update(_NAME.findall(group[0] if group is not None else code[m.end() :]))
        return names
