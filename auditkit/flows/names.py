"""Category names as the analyses see them: any case, any style, getters included."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from auditkit.core.policy import normalise_name

# Accessor prefixes stripped before comparing: user.getPhone(), get_phone(u), setPhone(x).
_ACCESSOR = re.compile(r"^(get|set|fetch|load|read)(?=[a-z0-9])")


@dataclass(frozen=True)
class Categories:
    """``[data.categories]`` as a lookup table: normalised name -> category."""

    table: tuple[tuple[str, str], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.table

    def of(self, identifier: str) -> str | None:
        """The category an identifier (field, key, column, variable, getter) denotes."""
        if not self.table:
            return None
        key = normalise_name(identifier)
        found = dict(self.table).get(key)
        if found is None:
            bare = _ACCESSOR.sub("", key)
            if bare != key:
                found = dict(self.table).get(bare)
        return found

    def names(self) -> tuple[str, ...]:
        return tuple(sorted({name for name, _ in self.table}))

    def text_regex(self) -> str:
        """Matches any spelling of any name in source text: phone_number, phoneNumber,
        PHONE-NUMBER (the prefilter: a file without one has no source)."""
        return "|".join(_spelling(name) for name in self.names())

    def identifier_regex(self, category: str | None = None) -> str:
        """A whole identifier (or key) of the category, accessor prefix allowed; for semgrep's
        metavariable-regex (PCRE, case-insensitive).

        The anchors stand outside the case-insensitive group on purpose: semgrep turns a
        metavariable-regex that starts with ``^`` into a file prefilter (it skips the taint rule
        on a file that names no category), but gives up on one that starts with ``(?i)``, and
        then the whole rule, sources and sinks, runs on every file."""
        names = [n for n, c in self.table if category is None or c == category]
        alternatives = "|".join(_spelling(n) for n in sorted(set(names)))
        return f"^(?i:(get|set|fetch|load|read)?_?({alternatives}))$"


@cache
def categories(pairs: tuple[tuple[str, tuple[str, ...]], ...]) -> Categories:
    table: dict[str, str] = {}
    for category, names in pairs:
        for name in names:
            table.setdefault(normalise_name(name), category)
    return Categories(tuple(sorted(table.items())))


def _spelling(normalised: str) -> str:
    # One optional separator between any two characters: every style of the same name.
    return "[_-]?".join(re.escape(ch) for ch in normalised)
