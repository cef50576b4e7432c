"""A target whose engine fails is reported as failed, the other targets finish (library
level, on a real Dask cluster whose workers are threads of this process, so that one
target's engine can be made to fail)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditkit.fleet import FleetOptions, load_manifest, run_fleet, write_fleet
from tests.fleet.estate import EPOCH, eu

# Fails in the target called "broken", runs the real semgrep everywhere else.
FAKE_SEMGREP = """#!/bin/bash
case "$PWD" in
  */broken|*/broken/*)
    echo "[ERROR] invalid configuration: rule file could not be parsed" >&2; exit 7;;
esac
exec -a osemgrep "{real}" "$@"
"""


def test_a_failing_engine_fails_its_target_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import Client, LocalCluster

    from auditkit.engines import semgrep

    real, argv0 = semgrep._command()
    assert argv0 == "osemgrep", "the test wraps semgrep-core run as osemgrep"
    fake = tmp_path / "fake-semgrep"
    fake.write_text(FAKE_SEMGREP.format(real=real))
    fake.chmod(0o755)
    monkeypatch.setattr(semgrep, "_command", lambda: (str(fake), "osemgrep"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    eu(tmp_path, "good")
    eu(tmp_path, "broken")
    manifest_path = tmp_path / "fleet.toml"
    manifest_path.write_text(
        '[fleet]\nname = "Faults"\n'
        '[[target]]\nname = "broken"\npath = "repos/broken"\npolicy_from_target = true\n'
        '[[target]]\nname = "good"\npath = "repos/good"\npolicy_from_target = true\n'
    )
    manifest = load_manifest(manifest_path)
    out = tmp_path / "out"
    with (
        # Worker threads in this process, talking over TCP on 127.0.0.1 only.
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2,
            threads_per_worker=1,
            processes=False,
            protocol="tcp",
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            worker_dashboard_address="127.0.0.1:0",
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        outcomes = run_fleet(
            manifest, out, client.get_executor(pure=False), 2, FleetOptions(use_cache=False)
        )
    write_fleet(manifest, outcomes, out, "2026-01-01", None)
    broken, good = outcomes
    assert broken.state == "failed" and broken.exit_code == 3
    assert broken.error == (
        "semgrep failed (exit 7): [ERROR] invalid configuration: rule file could not be parsed"
    )
    assert good.state == "audited" and (out / "good" / "report.json").is_file()
    assert not (out / "broken").exists()
    rows = json.loads((out / "fleet.json").read_bytes())["targets"]
    assert [(r["name"], r["state"]) for r in rows] == [("broken", "failed"), ("good", "audited")]
    assert "batch-failed target=broken" in (out / "fleet.log").read_text()
