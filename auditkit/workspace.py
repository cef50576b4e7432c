"""Which files a scan reads, and which it does not (with the reason).

auditkit decides the file set itself and passes it to every engine explicitly: engines'
own ignore lists (semgrep silently drops tests/, vendor/, *.min.js …) would otherwise shrink
an audit without a trace. Every file that is not scanned is listed with its reason.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from auditkit.languages import detect_language
from auditkit.model import ScannedFile, SkippedFile

if TYPE_CHECKING:
    import pathspec

MAX_FILE_BYTES = 2 * 1024 * 1024
# JSON/YAML this large is data (fixtures, SBOMs, API dumps), not configuration; semgrep's cost
# per file grows with matches x size (1.25 MB of botocore endpoints took 139 s).
MAX_DATA_FILE_BYTES = 512 * 1024
_DATA_LANGUAGES = frozenset({"json", "yaml"})
# Dependency lock files list package download URLs (registry hosts), not service endpoints.
LOCK_FILES = frozenset(
    {"package-lock.json", "npm-shrinkwrap.json", "composer.lock", "Pipfile.lock", "flake.lock"}
)
_SNIFF_BYTES = 8192
_ALWAYS_PRUNED = frozenset({".git", ".hg", ".svn"})
IGNORE_FILES = (".gitignore", ".auditkitignore")


@dataclass(frozen=True)
class SourceFile:
    """A file that will be scanned: its POSIX path relative to the target, and facts about it."""

    path: str
    language: str
    sha256: str
    size: int
    lines: int

    def as_scanned(self) -> ScannedFile:
        return ScannedFile(self.path, self.language, self.sha256, self.size, self.lines)


@dataclass(frozen=True)
class Workspace:
    root: Path  # absolute, resolved
    files: tuple[SourceFile, ...]
    skipped: tuple[SkippedFile, ...]

    def by_language(self, *languages: str) -> tuple[SourceFile, ...]:
        return tuple(f for f in self.files if f.language in languages)


def _gitignore_spec(lines: list[str] | tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    # Imported on first use: pathspec costs ~20 ms of imports that `auditkit check` (named
    # files, no folder walk) never needs.
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


class _IgnoreRules:
    """gitignore semantics per directory: each ignore file applies below its own folder."""

    def __init__(self, excludes: tuple[str, ...]) -> None:
        self._specs: list[tuple[str, pathspec.GitIgnoreSpec, str]] = []
        if excludes:
            self._specs.append(("", _gitignore_spec(excludes), "policy exclude"))

    def load_dir(self, rel_dir: str, abs_dir: Path) -> None:
        for name in IGNORE_FILES:
            candidate = abs_dir / name
            if candidate.is_file() and not candidate.is_symlink():
                try:
                    lines = candidate.read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    continue
                where = f"{rel_dir}/{name}" if rel_dir else name
                self._specs.append((rel_dir, _gitignore_spec(lines), where))

    def match(self, rel_path: str, is_dir: bool) -> str | None:
        """The ignore source that excludes ``rel_path``, or None."""
        for base, spec, where in self._specs:
            if base and not rel_path.startswith(base + "/"):
                continue
            sub = rel_path[len(base) + 1 :] if base else rel_path
            if spec.match_file(sub + "/" if is_dir else sub):
                return where
        return None


def discover(
    target: Path, excludes: tuple[str, ...] = (), max_bytes: int = MAX_FILE_BYTES
) -> Workspace:
    """Walk ``target`` (a folder or one file) and sort every entry into scanned or skipped."""
    root = target.resolve()
    if root.is_file():
        files: list[SourceFile] = []
        skipped: list[SkippedFile] = []
        _consider(root.parent, root.name, root, files, skipped, max_bytes)
        return Workspace(root.parent, tuple(files), tuple(skipped))
    files = []
    skipped = []
    ignores = _IgnoreRules(excludes)
    _walk(root, root, "", ignores, files, skipped, max_bytes, {_dir_key(root)})
    files.sort(key=lambda f: f.path)
    skipped.sort()
    return Workspace(root, tuple(files), tuple(skipped))


def select_files(root: Path, paths: list[Path], max_bytes: int = MAX_FILE_BYTES) -> Workspace:
    """Only the given files (pre-commit mode), relative to ``root``; never outside it."""
    root = root.resolve()
    files: list[SourceFile] = []
    skipped: list[SkippedFile] = []
    for p in paths:
        absolute = (p if p.is_absolute() else Path.cwd() / p).absolute()
        try:
            rel = absolute.relative_to(root).as_posix()
        except ValueError:
            skipped.append(SkippedFile(_display(str(p)), "outside the repository root"))
            continue
        _consider(root, rel, absolute, files, skipped, max_bytes)
    files.sort(key=lambda f: f.path)
    skipped.sort()
    return Workspace(root, tuple(files), tuple(skipped))


def _dir_key(path: Path) -> tuple[int, int]:
    st = path.stat()
    return (st.st_dev, st.st_ino)


def _walk(
    root: Path,
    abs_dir: Path,
    rel_dir: str,
    ignores: _IgnoreRules,
    files: list[SourceFile],
    skipped: list[SkippedFile],
    max_bytes: int,
    seen_dirs: set[tuple[int, int]],
) -> None:
    ignores.load_dir(rel_dir, abs_dir)
    try:
        entries = sorted(os.scandir(abs_dir), key=lambda e: e.name)
    except OSError as exc:
        skipped.append(
            SkippedFile(_display(rel_dir or "."), f"folder cannot be read: {exc.strerror}")
        )
        return
    for entry in entries:
        name = entry.name
        rel = f"{rel_dir}/{name}" if rel_dir else name
        if name in _ALWAYS_PRUNED:
            continue
        if _undecodable_name(name):
            skipped.append(SkippedFile(_display(rel), "file name is not valid UTF-8"))
            continue
        abs_path = abs_dir / name
        is_link = entry.is_symlink()
        if is_link:
            reason = _symlink_problem(root, abs_path)
            if reason is not None:
                skipped.append(SkippedFile(rel, reason))
                continue
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        source = ignores.match(rel, is_dir)
        if source is not None:
            skipped.append(SkippedFile(rel + ("/" if is_dir else ""), f"excluded by {source}"))
            continue
        if is_dir:
            key = _dir_key(abs_path)
            if key in seen_dirs:
                skipped.append(SkippedFile(rel + "/", "symlink loop (folder already visited)"))
                continue
            _walk(root, abs_path, rel, ignores, files, skipped, max_bytes, seen_dirs | {key})
        else:
            _consider(root, rel, abs_path, files, skipped, max_bytes)


def _symlink_problem(root: Path, link: Path) -> str | None:
    try:
        resolved = link.resolve(strict=True)
    except FileNotFoundError:
        return "dangling symlink"
    except RuntimeError:
        return "symlink loop"
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            return "symlink loop"
        return f"symlink cannot be resolved: {exc.strerror}"
    if resolved != root and root not in resolved.parents:
        return "symlink points outside the scanned tree (not followed)"
    return None


def _consider(
    root: Path,
    rel: str,
    abs_path: Path,
    files: list[SourceFile],
    skipped: list[SkippedFile],
    max_bytes: int,
) -> None:
    language = detect_language(rel)
    try:
        st = abs_path.stat()
    except OSError as exc:
        skipped.append(SkippedFile(rel, f"cannot be read: {exc.strerror}"))
        return
    if not stat.S_ISREG(st.st_mode):
        skipped.append(SkippedFile(rel, "not a regular file"))
        return
    if language is None:
        suffix = Path(rel).suffix or Path(rel).name
        skipped.append(SkippedFile(rel, f"no auditkit rules for this file type ({suffix})"))
        return
    if st.st_size > max_bytes:
        skipped.append(
            SkippedFile(
                rel, f"larger than the {max_bytes // (1024 * 1024)} MiB limit ({st.st_size} bytes)"
            )
        )
        return
    name = rel.rsplit("/", 1)[-1]
    if name in LOCK_FILES:
        skipped.append(
            SkippedFile(
                rel, "dependency lock file (package registry URLs, not service configuration)"
            )
        )
        return
    if language in _DATA_LANGUAGES and st.st_size > MAX_DATA_FILE_BYTES:
        skipped.append(
            SkippedFile(
                rel,
                f"{language} data file over {MAX_DATA_FILE_BYTES // 1024} KiB ({st.st_size} bytes)",
            )
        )
        return
    if rel.endswith(".min.js"):
        skipped.append(SkippedFile(rel, "minified JavaScript (semgrep never scans *.min.js)"))
        return
    try:
        data = abs_path.read_bytes()
    except OSError as exc:
        skipped.append(SkippedFile(rel, f"cannot be read: {exc.strerror}"))
        return
    if b"\x00" in data[:_SNIFF_BYTES]:
        skipped.append(SkippedFile(rel, "binary content"))
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        skipped.append(SkippedFile(rel, f"not valid UTF-8 (byte {exc.start})"))
        return
    lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    files.append(SourceFile(rel, language, hashlib.sha256(data).hexdigest(), len(data), lines))


def _undecodable_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _display(name: str) -> str:
    """A printable form of a file name that may hold undecodable bytes."""
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")
