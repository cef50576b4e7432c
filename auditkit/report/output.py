"""Writing a report's files into an output folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from auditkit.core.errors import UsageError
from auditkit.report.model import Report
from auditkit.report.registry import FORMATS

# Written by auditkit.signing next to the reports; stale once the reports are rewritten.
SIGNATURE_NAME = "report.json.dsse.json"


def write_report_files(report: Report, out_dir: Path) -> tuple[list[Path], bool]:
    """Write every format into ``out_dir``; also returns whether a stale signature was removed."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out: {out_dir} exists and is not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--out: cannot create {out_dir}: {exc.strerror}") from None
    written = [write_atomic(out_dir / fmt.filename, fmt.render(report)) for fmt in FORMATS.values()]
    stale = out_dir / SIGNATURE_NAME
    removed = stale.is_file()
    if removed:
        stale.unlink()
    return written, removed


def write_atomic(path: Path, data: bytes) -> Path:
    """Replace ``path`` in one step: a reader never sees half a report."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    return path
