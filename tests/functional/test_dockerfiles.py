"""Every file auditkit calls a Dockerfile is one the Dockerfile rule runs on (semgrep's
`paths.include` globs are case-sensitive; a file counted as scanned must get its rule)."""

from __future__ import annotations

from pathlib import Path

from auditkit.languages import detect_language
from auditkit.policy import Policy
from auditkit.scan import ScanOptions, run_scan

DETECTED = [
    "Dockerfile",
    "Dockerfile.prod",
    "dockerfile",
    "dockerfile.dev",
    "app.dockerfile",
    "prod.Dockerfile",
    "Containerfile",
    "containerfile",
]
NOT_DETECTED = ["DOCKERFILE", "Dockerfile-old", "notes.DockerFile"]


def test_every_detected_dockerfile_is_scanned_by_the_rule(tmp_path: Path) -> None:
    for name in DETECTED + NOT_DETECTED:
        (tmp_path / name).write_text(f"ENV UPLOAD=https://upload.example.cn/{name}\n")
    result = run_scan(tmp_path, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    assert all(detect_language(n) == "dockerfile" for n in DETECTED)
    assert {f.location.path for f in result.findings} == set(DETECTED)
    skipped = {s.path: s.reason for s in result.coverage.files_skipped}
    assert set(skipped) == set(NOT_DETECTED)
    assert all(
        reason.startswith("no auditkit rules for this file type") for reason in skipped.values()
    )
