"""What the audit covered: the source tree's git state, its file manifest and languages."""

from __future__ import annotations

import os
import re
import subprocess
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from auditkit.core.model import ScannedFile, SkippedFile
from auditkit.manifest import manifest_digest, manifest_entries
from auditkit.report.model import GitState, LanguageGap, LanguageStat, ManifestFile

_GIT_TIMEOUT = 60
_COMMIT = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
_NO_RULES_FOR = re.compile(
    r"^no auditkit rules for (?:this file type \((?P<ext>[^)]*)\)|(?P<lang>\S+) yet)$"
)


def git_state(target: Path) -> GitState | None:
    """The commit checked out at ``target`` and whether the tree below it has changes.

    None when ``target`` is not inside a git work tree or git is not available.
    """
    folder = target if target.is_dir() else target.parent
    commit = _git(folder, "rev-parse", "--verify", "HEAD")
    if commit is None or not _COMMIT.match(commit):
        return None
    prefix = _git(folder, "rev-parse", "--show-prefix") or ""
    # Limited to the target: changes elsewhere in the repository do not affect this audit.
    status = _git(folder, "status", "--porcelain", "--untracked-files=all", "--", ".")
    return GitState(
        commit=commit, dirty=status is None or status != "", subdirectory=prefix.rstrip("/")
    )


def _git(folder: Path, *args: str) -> str | None:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    try:
        proc = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            timeout=_GIT_TIMEOUT,
            env=env,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    return proc.stdout.strip()


def manifest(files: Iterable[ScannedFile]) -> tuple[tuple[ManifestFile, ...], str]:
    """Every scanned file with its sha256, in path order, and the manifest digest."""
    by_path = {f.path: f for f in files}
    entries = manifest_entries(by_path.values())
    rows = tuple(
        ManifestFile(
            e.path, e.sha256, by_path[e.path].language, by_path[e.path].lines, by_path[e.path].size
        )
        for e in entries
    )
    return rows, manifest_digest(entries)


def languages(files: Iterable[ScannedFile]) -> tuple[LanguageStat, ...]:
    counts: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    for f in files:
        counts[f.language] += 1
        lines[f.language] += f.lines
    return tuple(
        LanguageStat(lang, counts[lang], lines[lang])
        for lang in sorted(counts, key=lambda k: (-lines[k], -counts[k], k))
    )


def language_gaps(skipped: Iterable[SkippedFile]) -> tuple[LanguageGap, ...]:
    """Languages and file types present in the tree that no auditkit rule covers."""
    counts: Counter[str] = Counter()
    for s in skipped:
        m = _NO_RULES_FOR.match(s.reason)
        if m:
            counts[m.group("lang") or m.group("ext")] += 1
    return tuple(LanguageGap(k, counts[k]) for k in sorted(counts, key=lambda k: (-counts[k], k)))
