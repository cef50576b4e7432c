"""`auditkit fleet` on the default LocalCluster, through the real CLI and the real engines:
each target's reports are byte for byte the ones `auditkit audit` writes for it alone; a
target whose policy is refused or invalid fails alone; the summary is signed and verifies;
a second run keeps the targets it finished."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import rfc8785

from tests.fleet.estate import cli, clover, eu

REPORT_FILES = ("report.json", "report.html", "report.md", "report.sarif")


class Estate:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.cache = root / "cache"
        self.out = root / "out"
        self.keys = root / "keys"
        self.clover = clover(root, "clover")
        self.eu = eu(root, "eu")
        self.own = eu(root, "own")  # holds its own policy; the manifest gives none
        clover(root, "badpolicy")
        (root / "policies" / "bad.toml").write_text('[jurisdiction]\nallowd = ["EU"]\n')
        self.manifest = root / "fleet.toml"
        self.manifest.write_text(
            '[fleet]\nname = "Clover estate Q4"\n'
            '[[target]]\nname = "clover"\npath = "repos/clover"\npolicy = "policies/clover.toml"\n'
            '[[target]]\nname = "eu"\npath = "repos/eu"\npolicy_from_target = true\n'
            '[[target]]\nname = "own"\npath = "repos/own"\n'
            '[[target]]\nname = "badpolicy"\npath = "repos/badpolicy"\n'
            'policy = "policies/bad.toml"\n'
        )

    def fleet(self, *extra: str) -> subprocess.CompletedProcess[str]:
        return cli(
            "fleet", str(self.manifest), "--out", str(self.out), "--workers", "2",
            "--key", str(self.keys / "auditkit.pem"), *extra, cache=self.cache,
        )  # fmt: skip


@pytest.fixture(scope="module")
def estate(tmp_path_factory: pytest.TempPathFactory) -> Estate:
    e = Estate(tmp_path_factory.mktemp("estate"))
    assert cli("keygen", "--out", str(e.keys), cache=e.cache).returncode == 0
    e.first = e.fleet()  # type: ignore[attr-defined]
    return e


def test_failed_targets_fail_alone_with_one_line_each(estate: Estate) -> None:
    proc: subprocess.CompletedProcess[str] = estate.first  # type: ignore[attr-defined]
    assert "Traceback" not in proc.stderr
    # Policy errors are exit 2, as for `auditkit audit`: something failed, the others finished.
    assert proc.returncode == 2, proc.stderr
    assert "2 of 4 targets audited, 2 FAILED" in proc.stdout
    failed = [line for line in proc.stderr.splitlines() if ": FAILED: " in line]
    assert len(failed) == 2
    fleet = json.loads((estate.out / "fleet.json").read_bytes())
    rows = {t["name"]: t for t in fleet["targets"]}
    assert [t["name"] for t in fleet["targets"]] == ["clover", "eu", "own", "badpolicy"]
    assert rows["clover"]["state"] == rows["eu"]["state"] == "audited"
    assert rows["own"]["state"] == rows["badpolicy"]["state"] == "failed"
    assert "--policy-from-target" in rows["own"]["error"]
    assert "jurisdiction.allowd: unknown key" in rows["badpolicy"]["error"]
    assert rows["own"]["reports"] is None and rows["own"]["verdict"] is None
    assert fleet["totals"]["failed"] == 2 and fleet["totals"]["audited"] == 2


@pytest.mark.parametrize("name", ["clover", "eu"])
def test_reports_equal_auditkit_audit_byte_for_byte(
    estate: Estate, name: str, tmp_path: Path
) -> None:
    policy = (
        ["--policy", str(estate.root / "policies" / "clover.toml")]
        if name == "clover"
        else ["--policy-from-target"]
    )
    alone = tmp_path / name
    proc = cli(
        "audit", str(estate.root / "repos" / name), "--out", str(alone), *policy,
        "--key", str(estate.keys / "auditkit.pem"), "--no-cache", cache=estate.cache,
    )  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr
    for file in REPORT_FILES:
        assert (estate.out / name / file).read_bytes() == (alone / file).read_bytes(), file
    # Same signing time (SOURCE_DATE_EPOCH), same key: the very same envelope.
    envelope = "report.json.dsse.json"
    assert (estate.out / name / envelope).read_bytes() == (alone / envelope).read_bytes()


def test_fleet_json_is_canonical_and_links_every_report(estate: Estate) -> None:
    data = (estate.out / "fleet.json").read_bytes()
    fleet = json.loads(data)
    assert rfc8785.dumps(fleet) == data
    assert fleet["schema"] == "auditkit/fleet/1"
    assert fleet["fleet"] == {
        "name": "Clover estate Q4",
        "manifest": "fleet.toml",
        "date": "2026-01-01",
        "tool": fleet["fleet"]["tool"],
    }
    clover_report = json.loads((estate.out / "clover" / "report.json").read_bytes())
    row = fleet["targets"][0]
    assert row["verdict"] == clover_report["summary"]["verdict"]
    assert row["open_by_category"] == clover_report["summary"]["by_category"]
    assert row["coverage"]["files_scanned"] == clover_report["coverage"]["files_scanned"]
    for link in row["reports"].values():
        assert (estate.out / link).is_file()
    totals = fleet["totals"]
    assert (
        totals["open_by_category"]["non-eu-endpoint"]
        == (clover_report["summary"]["by_category"]["non-eu-endpoint"])
    )
    assert totals["verdicts"] == {"not-compliant": 1, "compliant-with-observations": 1}
    codes = {j["jurisdiction"] for j in fleet["jurisdictions"] if j["kind"] == "endpoint"}
    assert {"US", "CN"} <= codes and not codes & {"DE", "FR", "IE"}
    assert all(j["targets"] == ["clover"] for j in fleet["jurisdictions"])
    md = (estate.out / "fleet.md").read_text()
    html = (estate.out / "fleet.html").read_text()
    assert "[report](clover/report.md)" in md and "**FAILED**" in md
    assert 'href="clover/report.html"' in html and "Content-Security-Policy" in html


def test_fleet_signature_verifies_and_detects_a_replaced_target_report(
    estate: Estate, tmp_path: Path
) -> None:
    pub = str(estate.keys / "auditkit.pub.pem")
    ok = cli("verify", str(estate.out), "--pubkey", pub, cache=estate.cache)
    assert ok.returncode == 0, ok.stderr
    assert "target clover: signed report verified" in ok.stdout
    copy = tmp_path / "out"
    shutil.copytree(estate.out, copy)
    report = copy / "eu" / "report.json"
    report.write_bytes(report.read_bytes().replace(b"2026-01-01", b"2026-01-02"))
    bad = cli("verify", str(copy / "fleet.json.dsse.json"), "--pubkey", pub, cache=estate.cache)
    assert bad.returncode == 4
    assert "target eu: report.json sha256 is" in bad.stderr


def test_a_second_run_keeps_the_targets_it_finished(estate: Estate) -> None:
    again = estate.fleet("--quiet")
    assert again.returncode == 2 and "Traceback" not in again.stderr
    fleet = json.loads((estate.out / "fleet.json").read_bytes())
    states = {t["name"]: t["state"] for t in fleet["targets"]}
    assert states == {"clover": "unchanged", "eu": "unchanged", "own": "failed",
                      "badpolicy": "failed"}  # fmt: skip
    log = (estate.out / "fleet.log").read_text()
    assert "target=clover state=unchanged" in log
    # --quiet: no progress lines.
    assert "fleet: " not in again.stderr
