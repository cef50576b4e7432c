"""A regular (non-editable) wheel carries rulesets/ and report_templates/ and finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_install_finds_rules_and_templates(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("auditkit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("auditkit/_rulesets/semgrep/") and n.endswith(".yaml") for n in names)
    assert any(n.startswith("auditkit/_templates/") for n in names)
    assert any(n.startswith("auditkit/jurisdiction/data/") for n in names)

    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "import auditkit, auditkit.rulesets as r; from importlib import resources;"
        "print(auditkit.__file__); print(r.rulesets_dir()); print(len(r.semgrep_rule_files()));"
        "print(resources.files('auditkit._templates'))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert out[0].startswith(str(site))
    assert out[1].startswith(str(site))
    assert int(out[2]) > 0
    assert out[3].startswith(str(site))
