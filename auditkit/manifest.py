"""The source manifest: every scanned file with its sha256, and one digest over all of them.

It binds a report to one exact source tree: the report and its signature carry the digest,
and ``auditkit verify --source`` recomputes it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import rfc8785

from auditkit.core.model import ScannedFile


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    sha256: str


def manifest_entries(files: Iterable[ScannedFile]) -> tuple[ManifestEntry, ...]:
    return tuple(sorted((ManifestEntry(f.path, f.sha256) for f in files), key=lambda e: e.path))


def manifest_digest(entries: Iterable[ManifestEntry]) -> str:
    """sha256 (hex) of the RFC 8785 canonical JSON list of {path, sha256}, sorted by path."""
    doc = [{"path": e.path, "sha256": e.sha256} for e in sorted(entries, key=lambda e: e.path)]
    return hashlib.sha256(rfc8785.dumps(doc)).hexdigest()


@dataclass(frozen=True)
class ManifestDiff:
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]

    @property
    def clean(self) -> bool:
        return not (self.added or self.removed or self.changed)


def diff_manifests(old: Iterable[ManifestEntry], new: Iterable[ManifestEntry]) -> ManifestDiff:
    before = {e.path: e.sha256 for e in old}
    after = {e.path: e.sha256 for e in new}
    return ManifestDiff(
        added=tuple(sorted(after.keys() - before.keys())),
        removed=tuple(sorted(before.keys() - after.keys())),
        changed=tuple(sorted(p for p in before.keys() & after.keys() if before[p] != after[p])),
    )
