"""Which files a scan reads, and which it does not (with the reason).

auditkit decides the file set itself and passes it to every engine explicitly: engines'
own ignore lists (semgrep silently drops tests/, vendor/, *.min.js …) would otherwise shrink
an audit without a trace. Every file that is not scanned is listed with its reason.

``.gitignore`` files decide as git does: in a git work tree they remove untracked files only,
so a committed file that a pattern matches (a ``cdk.context.json`` full of zones) is scanned.
Without git metadata (a source drop) nothing tells a committed file from a build output: they
remove every file they match, and coverage counts how many (``[audit] respect_gitignore =
false`` scans them). Policy ``exclude`` and ``.auditkitignore`` remove tracked files too: the
audit's own choice.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from auditkit import outputs
from auditkit.core.languages import detect_language, may_have_shebang, shebang_language
from auditkit.core.model import (
    GITIGNORE_ALL,
    GITIGNORE_OFF,
    GITIGNORE_UNTRACKED,
    GitignoreEffect,
    ScannedFile,
    SkippedFile,
)

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
GITIGNORE = ".gitignore"
AUDITKITIGNORE = ".auditkitignore"
IGNORE_FILES = (GITIGNORE, AUDITKITIGNORE)


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
    gitignore: GitignoreEffect = field(default_factory=GitignoreEffect)

    def by_language(self, *languages: str) -> tuple[SourceFile, ...]:
        return tuple(f for f in self.files if f.language in languages)


def _gitignore_spec(lines: list[str] | tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    # Imported on first use: pathspec costs ~20 ms of imports that `auditkit check` (named
    # files, no folder walk) never needs.
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


class _IgnoreRules:
    """gitignore semantics per directory: each ignore file applies below its own folder.

    Policy excludes and .auditkitignore always remove; .gitignore files are kept apart, since
    in a git work tree they do not remove tracked files."""

    def __init__(self, excludes: tuple[str, ...], gitignore: bool) -> None:
        self._specs: list[tuple[str, pathspec.GitIgnoreSpec, str]] = []
        self._git_specs: list[tuple[str, pathspec.GitIgnoreSpec, str]] = []
        self._names = IGNORE_FILES if gitignore else (AUDITKITIGNORE,)
        if excludes:
            self._specs.append(("", _gitignore_spec(excludes), "policy exclude"))

    def load_dir(self, rel_dir: str, abs_dir: Path) -> None:
        for name in self._names:
            candidate = abs_dir / name
            if candidate.is_file() and not candidate.is_symlink():
                try:
                    lines = candidate.read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    continue
                where = f"{rel_dir}/{name}" if rel_dir else name
                specs = self._git_specs if name == GITIGNORE else self._specs
                specs.append((rel_dir, _gitignore_spec(lines), where))

    def match(self, rel_path: str, is_dir: bool) -> str | None:
        """The policy exclude or .auditkitignore that excludes ``rel_path``, or None."""
        return _first_match(self._specs, rel_path, is_dir)

    def match_gitignore(self, rel_path: str, is_dir: bool) -> str | None:
        """The .gitignore that matches ``rel_path``, or None."""
        return _first_match(self._git_specs, rel_path, is_dir)


def _first_match(
    specs: list[tuple[str, pathspec.GitIgnoreSpec, str]], rel_path: str, is_dir: bool
) -> str | None:
    for base, spec, where in specs:
        if base and not rel_path.startswith(base + "/"):
            continue
        sub = rel_path[len(base) + 1 :] if base else rel_path
        if spec.match_file(sub + "/" if is_dir else sub):
            return where
    return None


@dataclass(frozen=True)
class _Tracked:
    """The files git tracks below the scanned folder, and every folder that holds one."""

    files: frozenset[str]
    folders: frozenset[str]


def tracked_files(root: Path) -> _Tracked | None:
    """What git tracks below ``root``, relative to it; None outside a git work tree, or when
    git is missing or fails (the scan then treats the tree as a source drop, and says so)."""
    import subprocess

    try:
        proc = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--recurse-submodules", "--", "."],
            cwd=root,
            capture_output=True,
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    # Names as os.scandir gives them (undecodable bytes as surrogates), relative to root.
    files = frozenset(os.fsdecode(p) for p in proc.stdout.split(b"\0") if p)
    folders = {f.rsplit("/", 1)[0] for f in files if "/" in f}
    for folder in list(folders):
        while "/" in folder:
            folder = folder.rsplit("/", 1)[0]
            if folder in folders:
                break
            folders.add(folder)
    return _Tracked(files, frozenset(folders))


@dataclass
class _Walk:
    """The state of one walk: results, and what the .gitignore files decided."""

    root: Path
    ignores: _IgnoreRules
    tracked: _Tracked | None
    max_bytes: int
    files: list[SourceFile]
    skipped: list[SkippedFile]
    gitignored: int = 0  # regular files .gitignore removed
    tracked_kept: int = 0


def discover(
    target: Path,
    excludes: tuple[str, ...] = (),
    max_bytes: int = MAX_FILE_BYTES,
    respect_gitignore: bool = True,
) -> Workspace:
    """Walk ``target`` (a folder or one file) and sort every entry into scanned or skipped."""
    root = target.resolve()
    if root.is_file():
        files: list[SourceFile] = []
        skipped: list[SkippedFile] = []
        _consider(root.parent, root.name, root, files, skipped, max_bytes)
        return Workspace(root.parent, tuple(files), tuple(skipped), GitignoreEffect(GITIGNORE_OFF))
    tracked = tracked_files(root) if respect_gitignore else None
    walk = _Walk(root, _IgnoreRules(excludes, respect_gitignore), tracked, max_bytes, [], [])
    _walk(walk, root, "", {_dir_key(root)}, None)
    walk.files.sort(key=lambda f: f.path)
    walk.skipped.sort()
    if not respect_gitignore:
        mode = GITIGNORE_OFF
    else:
        mode = GITIGNORE_ALL if tracked is None else GITIGNORE_UNTRACKED
    effect = GitignoreEffect(mode, walk.gitignored, walk.tracked_kept)
    return Workspace(root, tuple(walk.files), tuple(walk.skipped), effect)


def select_files(root: Path, paths: list[Path], max_bytes: int = MAX_FILE_BYTES) -> Workspace:
    """Only the given files (pre-commit mode), relative to ``root``; never outside it.

    No ignore file is read: the files are named (pre-commit names the staged ones), so no
    `git ls-files` either, which would cost a large repository more than the check itself."""
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
    return Workspace(root, tuple(files), tuple(skipped), GitignoreEffect(GITIGNORE_OFF))


def _dir_key(path: Path) -> tuple[int, int]:
    st = path.stat()
    return (st.st_dev, st.st_ino)


def _walk(
    w: _Walk, abs_dir: Path, rel_dir: str, seen_dirs: set[tuple[int, int]], inside: str | None
) -> None:
    """``inside``: the .gitignore that matches this whole folder, which is walked only because
    git tracks files in it (its untracked entries stay out)."""
    w.ignores.load_dir(rel_dir, abs_dir)
    try:
        entries = sorted(os.scandir(abs_dir), key=lambda e: e.name)
    except OSError as exc:
        w.skipped.append(
            SkippedFile(_display(rel_dir or "."), f"folder cannot be read: {exc.strerror}")
        )
        return
    for entry in entries:
        name = entry.name
        rel = f"{rel_dir}/{name}" if rel_dir else name
        if name in _ALWAYS_PRUNED:
            continue
        if _undecodable_name(name):
            w.skipped.append(SkippedFile(_display(rel), "file name is not valid UTF-8"))
            continue
        abs_path = abs_dir / name
        is_link = entry.is_symlink()
        if is_link:
            reason = _symlink_problem(w.root, abs_path)
            if reason is not None:
                w.skipped.append(SkippedFile(rel, reason))
                continue
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        shown = rel + ("/" if is_dir else "")
        source = w.ignores.match(rel, is_dir)
        if source is not None:
            w.skipped.append(SkippedFile(shown, f"excluded by {source}"))
            continue
        ignored_by = inside or w.ignores.match_gitignore(rel, is_dir)
        if ignored_by is not None:
            if w.tracked is None:
                w.skipped.append(SkippedFile(shown, f"excluded by {ignored_by}"))
                w.gitignored += _file_count(abs_path) if is_dir else 1
                continue
            if not (rel in w.tracked.folders if is_dir else rel in w.tracked.files):
                reason = f"excluded by {ignored_by} (not tracked by git)"
                w.skipped.append(SkippedFile(shown, reason))
                w.gitignored += _file_count(abs_path) if is_dir else 1
                continue
            if not is_dir:
                w.tracked_kept += 1
        if is_dir:
            key = _dir_key(abs_path)
            if key in seen_dirs:
                w.skipped.append(SkippedFile(shown, "symlink loop (folder already visited)"))
                continue
            folder_ignored = ignored_by if ignored_by is not None and is_dir else None
            _walk(w, abs_path, rel, seen_dirs | {key}, folder_ignored)
        else:
            _consider(w.root, rel, abs_path, w.files, w.skipped, w.max_bytes)


def _file_count(folder: Path) -> int:
    """Regular files below ``folder``, symlinks not followed: what a .gitignore removed."""
    count = 0
    for current, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if d not in _ALWAYS_PRUNED]
        count += sum(1 for n in names if os.path.isfile(os.path.join(current, n)))
    return count


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
    name = rel.rsplit("/", 1)[-1]
    data: bytes | None = None
    if outputs.may_be_output(name) and st.st_size <= max_bytes:
        # Read whatever its type (a findings JSON over the data-file limit, a report.html):
        # auditkit's own outputs are listed as such, never scanned.
        try:
            data = abs_path.read_bytes()
        except OSError as exc:
            skipped.append(SkippedFile(rel, f"cannot be read: {exc.strerror}"))
            return
        own = outputs.recognise(name, data)
        if own is not None:
            skipped.append(SkippedFile(rel, own))
            return
    if language is None and may_have_shebang(rel) and 0 < st.st_size <= max_bytes:
        try:
            with abs_path.open("rb") as fh:
                language = shebang_language(fh.read(256))
        except OSError:
            language = None
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
    if data is None:
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
