"""The result cache never changes results; baselines and check work through the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import auditkit.cache as cache_module
from auditkit.cache import code_digest, source_digest
from auditkit.core.policy import load_policy
from auditkit.scan import ScanOptions, run_scan
from tests.conftest import SAMPLES
from tests.functional.test_samples import run_cli


def _comparable(result: object) -> list[dict[str, object]]:
    from auditkit.findings_json import scan_to_json

    doc = scan_to_json(result)  # type: ignore[arg-type]
    return [doc["findings"], doc["coverage"]]  # type: ignore[list-item]


def test_cached_scan_equals_uncached_scan(tmp_path: Path) -> None:
    tree = tmp_path / "clover"
    shutil.copytree(SAMPLES / "clover-service", tree)
    policy = load_policy(tree)
    cache = tmp_path / "cache"
    uncached = run_scan(tree, policy, ScanOptions(use_cache=False))
    cold = run_scan(tree, policy, ScanOptions(cache_dir=cache))
    warm = run_scan(tree, policy, ScanOptions(cache_dir=cache))
    assert _comparable(uncached) == _comparable(cold) == _comparable(warm)
    assert not any(p.is_relative_to(tree) for p in cache.rglob("*"))
    assert not list(tree.rglob("*.sqlite3"))

    # One changed file: the new result is the uncached one, the other files come from cache.
    target = tree / "services/feed/feed/analytics.py"
    target.write_text(target.read_text() + 'EXTRA = "https://s3.us-west-1.amazonaws.com/x"\n')
    changed_warm = run_scan(tree, policy, ScanOptions(cache_dir=cache))
    changed_fresh = run_scan(tree, policy, ScanOptions(use_cache=False))
    assert _comparable(changed_warm) == _comparable(changed_fresh)
    assert len(changed_warm.findings) == len(warm.findings) + 1


def test_cache_is_keyed_on_policy_settings_engines_see(tmp_path: Path) -> None:
    tree = tmp_path / "svc"
    tree.mkdir()
    (tree / "client.py").write_text(
        "import requests\n\n\ndef get():\n"
        "    return requests.get('http://users.internal.example/x', timeout=5)\n"
    )
    cache = tmp_path / "cache"
    plain = run_scan(tree, load_policy(tree), ScanOptions(cache_dir=cache))
    assert not [f for f in plain.findings if f.rule_id.startswith("gateway")]
    (tree / "auditkit.toml").write_text(
        '[gateway]\nname = "gw"\npaths = ["gw/**"]\nprotected_hosts = ["users.internal.example"]\n'
    )
    protected = run_scan(tree, load_policy(tree), ScanOptions(cache_dir=cache))
    assert [f.rule_id for f in protected.findings if f.rule_id.startswith("gateway")] == [
        "gateway.protected-host"
    ]


def test_baseline_cli_roundtrip(tmp_path: Path) -> None:
    tree = tmp_path / "svc"
    tree.mkdir()
    (tree / "a.py").write_text('REGION = "us-east-1"\n')
    created = run_cli("baseline", "create", str(tree))
    assert created.returncode == 0, created.stderr
    baseline = tree / ".auditkit-baseline.json"
    assert json.loads(baseline.read_text())["entries"][0]["count"] == 1
    again = run_cli("baseline", "create", str(tree))
    assert again.returncode == 2 and "already exists" in again.stderr

    clean = run_cli("scan", str(tree), "--baseline", str(baseline), "--format", "json")
    assert clean.returncode == 0, clean.stderr
    (finding,) = json.loads(clean.stdout)["findings"]
    assert finding["suppression"]["kind"] == "baseline"

    (tree / "a.py").write_text('\n\nREGION = "us-east-1"\nOTHER = "us-east-1"\n')
    new = run_cli("scan", str(tree), "--baseline", str(baseline), "--format", "json")
    assert new.returncode == 1
    states = sorted(f["suppression"] is None for f in json.loads(new.stdout)["findings"])
    assert states == [False, True]


def test_corrupt_baseline_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    bad = tmp_path / "b.json"
    bad.write_text('{"schema": "something-else"}')
    proc = run_cli("scan", str(tmp_path), "--baseline", str(bad))
    assert proc.returncode == 2
    assert "not an auditkit baseline" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_check_prints_one_line_per_new_finding(tmp_path: Path) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "auditkit.toml").write_text('[audit]\nexclude = ["vendor/**"]\n')
    (tmp_path / "a.py").write_text('A = "eu-central-1"\nB = "ap-northeast-1"\n')
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "v.py").write_text('V = "us-east-1"\n')
    proc = run_cli("check", "a.py", "vendor/v.py", cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("a.py:2:6: endpoint.non-eu ")
    ok = run_cli("check", "--fail-on", "critical", "a.py", cwd=tmp_path)
    assert ok.returncode == 0


def test_findings_in_test_code_are_info(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_client.py").write_text(
        'HOST = "https://api.example.cn/v1"\nPASSWORD = "hunter2"\n'
    )
    (tmp_path / "app.py").write_text('HOST = "https://api.example.cn/v1"\n')
    proc = run_cli("scan", str(tmp_path), "--format", "json", "--no-cache")
    assert proc.returncode == 1
    by_path = {}
    for f in json.loads(proc.stdout)["findings"]:
        by_path.setdefault(f["location"]["path"], []).append(f)
    assert [f["severity"] for f in by_path["app.py"]] == ["medium"]
    test_findings = by_path["tests/test_client.py"]
    assert {f["rule_id"] for f in test_findings} == {"endpoint.non-eu", "bandit.B105"}
    assert {f["severity"] for f in test_findings} == {"info"}
    assert all(f["evidence"]["context"].startswith("test code") for f in test_findings)
    only_tests = run_cli("scan", str(tmp_path / "tests"), "--format", "json", "--no-cache")
    assert only_tests.returncode == 0  # every finding there is info: nothing fails


def test_audit_takes_a_baseline_and_fills_sarif_baseline_state(tmp_path: Path) -> None:
    tree = tmp_path / "svc"
    tree.mkdir()
    (tree / "a.py").write_text('REGION = "us-east-1"\n')
    assert run_cli("baseline", "create", str(tree)).returncode == 0
    (tree / "b.py").write_text('MIRROR = "ap-northeast-1"\n')
    out = tmp_path / "report"
    proc = run_cli(
        "audit", str(tree), "--out", str(out), "--baseline", str(tree / ".auditkit-baseline.json")
    )
    assert proc.returncode == 1, proc.stderr
    report = json.loads((out / "report.json").read_text())
    kinds = {
        f["location"]["path"]: (f["suppression"] or {}).get("kind") for f in report["findings"]
    }
    assert kinds == {"a.py": "baseline", "b.py": None}
    sarif = json.loads((out / "report.sarif").read_text())
    states = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r.get("baselineState")
        for r in sarif["runs"][0]["results"]
    }
    assert states == {"a.py": "unchanged", "b.py": "new"}


def test_cache_key_covers_auditkit_source(tmp_path: Path) -> None:
    """Results cached by other analyser code are not served: the key digests the package's
    Python source, not only its version (an editable install changes code, not version)."""
    package = tmp_path / "auditkit"
    shutil.copytree(
        Path(cache_module.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__")
    )
    before = source_digest(package)
    assert before == source_digest(package)
    flows = package / "flows" / "semgrep_rules.py"
    flows.write_text(flows.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert source_digest(package) != before
    assert code_digest() == source_digest(Path(cache_module.__file__).parent)
