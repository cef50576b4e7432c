"""Who wrote the policy (issue 18): the audited tree's own policy, waivers and all, through the
real CLI and the real engines, against the auditor's policy kept outside the tree."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.functional.test_samples import run_cli

SAMPLE = SAMPLES / "clover-service"
# The audited team's own additions to the sample's policy.
WIDENED = """\
[audit]
name = "Clover service audit"
exclude = [
  "**/node_modules/**", "docs/**", "services/feed/**", "infra/**", "deploy/**", "config/**",
]
[jurisdiction]
allowed = ["EU", "EEA"]
allow_hosts = ["*.clover.internal", "*.aliyuncs.com", "*.amazonaws.com"]
deny_hosts = []
[gateway]
name = "clover_gateway"
paths = ["services/**"]
protected_hosts = ["user-data.svc.cluster.local"]
[gateway.sinks]
python = ["legacy_db.open"]
"""
FOLDERS = ("services/feed/", "infra/", "deploy/", "config/")


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample whose own auditkit.toml widens every waiver."""
    root = tmp_path_factory.mktemp("provenance") / "clover-service"
    shutil.copytree(SAMPLE, root)
    (root / "auditkit.toml").write_text(WIDENED)
    return root


@pytest.fixture(scope="module")
def own_policy_report(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("own") / "report"
    proc = run_cli("audit", str(tree), "--out", str(out), "--policy-from-target")
    assert proc.returncode == 1, proc.stderr
    assert "policy supplied by the audited tree" in proc.stdout
    assert "Waivers: " in proc.stdout and "'*.amazonaws.com' waives every host name" in proc.stdout
    return out


def test_audit_refuses_the_tree_s_own_policy_unless_asked(tree: Path, tmp_path: Path) -> None:
    proc = run_cli("audit", str(tree), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "--policy-from-target" in lines[0], proc.stderr
    assert "auditkit.toml" in lines[0] and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()
    # A --policy file inside the target is the target's too.
    inside = run_cli(
        "audit", str(tree), "--out", str(tmp_path / "o"), "--policy", str(tree / "auditkit.toml")
    )
    assert inside.returncode == 2 and "--policy-from-target" in inside.stderr


def test_pyproject_tool_auditkit_counts_as_the_tree_s_policy(tmp_path: Path) -> None:
    root = tmp_path / "svc"
    root.mkdir()
    (root / "app.py").write_text('URL = "https://api.example.cn"\n')
    (root / "pyproject.toml").write_text('[tool.auditkit.audit]\nexclude = ["app.py"]\n')
    proc = run_cli("audit", str(root), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and "pyproject.toml [tool.auditkit]" in proc.stderr
    # scan is the developers' tool: it keeps using the tree's own policy.
    assert run_cli("scan", str(root), "--no-cache").returncode == 0


def test_the_tree_s_own_policy_is_stated_and_every_waiver_counted(own_policy_report: Path) -> None:
    report = json.loads((own_policy_report / "report.json").read_text())
    assert (report["policy_source"], report["policy_path"]) == ("target", "auditkit.toml")
    waivers = report["waivers"]
    excluded = {e["pattern"]: e for e in waivers["excluded"]}
    for folder in FOLDERS:
        entry = excluded[folder + "**"]
        expected = sum(1 for p in (SAMPLE / folder).rglob("*") if p.is_file())
        assert entry["entries"] == [{"path": folder, "files": expected}] and expected > 0
        assert entry["files"] == expected
    hosts = {h["pattern"]: h for h in waivers["allow_hosts"]}
    assert hosts["*.aliyuncs.com"]["clouds"] == ["Alibaba Cloud (aliyuncs.com)"]
    assert hosts["*.amazonaws.com"]["clouds"] == ["AWS (amazonaws.com)"]
    assert hosts["*.clover.internal"]["clouds"] == []
    amazon = [e for e in hosts["*.amazonaws.com"]["endpoints"] if e["would_be"] != "compliant"]
    # Each is a marked non-EU endpoint of the sample that no other waiver hides.
    assert {(e["path"], e["jurisdiction"], e["would_be"]) for e in amazon} == {
        (".env", "US", "non-eu-endpoint"),
        ("services/android/app/src/main/kotlin/com/clover/android/UploadClient.kt", "US",
         "non-eu-endpoint"),
        ("services/moderation/src/main/java/com/clover/moderation/MediaArchive.java", "CH",
         "non-eu-endpoint"),
        ("services/profile/contacts.go", "US", "non-eu-endpoint"),
        ("services/web/src/contacts.ts", "US", "non-eu-endpoint"),
    }  # fmt: skip
    assert hosts["*.amazonaws.com"]["endpoints_waived"] == 5
    gateway = waivers["gateway"]
    assert gateway["paths"] == ["services/**"] and gateway["share_percent"] > 50
    summary = report["summary"]
    assert summary["policy_source"] == "target"
    assert summary["waivers"]["endpoints_waived"] == 5
    assert any("gateway paths cover" in c for c in summary["waivers"]["callouts"])
    # No finding is left in the waived folders, and none under the gateway is a bypass.
    paths = {f["location"]["path"] for f in report["findings"]}
    assert not any(p.startswith(FOLDERS) for p in paths)


@pytest.mark.parametrize("name", ["report.md", "report.html"])
def test_every_rendering_says_so(own_policy_report: Path, name: str) -> None:
    text = (own_policy_report / name).read_text()
    # The executive summary itself (the table of contents names both headings first).
    summary = text[text.rindex("1. Executive summary") : text.rindex("2. Dashboard")]
    assert "policy supplied by the audited tree" in summary
    assert "every host name of AWS" in summary
    for folder in FOLDERS:
        assert folder in text
    assert "https://firehose.us-west-2.amazonaws.com" in text
    assert "Non-EU endpoint (High)" in text
    if name == "report.html":
        assert 'class="provenance provenance--target"' in summary


def test_verify_prints_the_provenance_and_the_waivers(
    own_policy_report: Path, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    assert run_cli("keygen", "--out", str(keys), "--name", "a").returncode == 0
    signed = tmp_path / "signed"
    shutil.copytree(own_policy_report, signed)
    assert run_cli("sign", str(signed), "--key", str(keys / "a.pem")).returncode == 0
    proc = run_cli("verify", str(signed), "--pubkey", str(keys / "a.pub.pem"))
    assert proc.returncode == 0, proc.stderr
    assert "policy        Warning: policy supplied by the audited tree" in proc.stdout
    assert "waivers       Waivers: " in proc.stdout and "endpoints made compliant" in proc.stdout


def test_the_auditor_s_policy_from_outside_gives_the_sample_s_findings(
    tree: Path, tmp_path: Path
) -> None:
    policy = tmp_path / "auditor" / "clover-service.toml"
    policy.parent.mkdir()
    shutil.copyfile(SAMPLE / "auditkit.toml", policy)
    out = tmp_path / "report"
    proc = run_cli("audit", str(tree), "--out", str(out), "--policy", str(policy))
    assert proc.returncode == 1, proc.stderr
    assert "Policy supplied by the auditor (clover-service.toml)" in proc.stdout
    audited = json.loads((out / "report.json").read_text())
    assert (audited["policy_source"], audited["policy_path"]) == ("auditor", None)
    assert "Policy supplied by the auditor" in (out / "report.md").read_text()
    # The same findings as a scan of the sample with its own (unwidened) policy.
    scan = run_cli("scan", str(SAMPLE), "--format", "json")
    expected = {
        (f["rule_id"], f["location"]["path"], f["location"]["start_line"])
        for f in json.loads(scan.stdout)["findings"]
    }
    got = {
        (f["rule_id"], f["location"]["path"], f["location"]["start_line"])
        for f in audited["findings"]
    }
    assert got == expected
    assert audited["summary"]["by_category"]["gateway-bypass"] > 0
