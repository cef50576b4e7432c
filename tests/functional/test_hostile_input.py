"""Hostile input never crashes a scan; every file not scanned is listed with its reason."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.functional.test_samples import run_cli


def _hostile_tree(root: Path) -> None:
    (root / "good.py").write_text('ENDPOINT = "https://s3.us-east-1.amazonaws.com/bucket"\n')
    (root / "random.py").write_bytes(os.urandom(4096) + b"\x00")
    (root / "invalid_utf8.py").write_bytes(b"name = '\xff\xfe caf\xe9'\n")
    (root / "huge.min.js").write_text("var a=" + "1+" * (10 * 1024 * 1024) + "1;")
    (root / "huge_one_line.js").write_text("var x = '" + "a" * (20 * 1024 * 1024) + "';")
    (root / "broken.py").write_text('def f(:\n    return "https://api.example.cn/x"\n')
    os.symlink(root / "nowhere.py", root / "dangling.py")
    (root / "loop").mkdir()
    os.symlink(root / "loop", root / "loop" / "again")
    os.symlink("/etc", root / "etc_link")
    (root / "tab\tname.py").write_text('HOST = "oss-cn-beijing.aliyuncs.com"\n')
    (root / "<img src=x onerror=alert(1)>.ts").write_text(
        'const u = "https://cos.ap-guangzhou.myqcloud.com";\n'
    )
    with open(os.fsencode(str(root)) + b"/latin\xe9.py", "wb") as fh:
        fh.write(b'X = "https://api.example.ru"\n')


def test_hostile_tree_scans_cleanly(tmp_path: Path) -> None:
    _hostile_tree(tmp_path)
    proc = run_cli("scan", str(tmp_path), "--format", "json", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    doc = json.loads(proc.stdout)
    skipped = {s["path"]: s["reason"] for s in doc["coverage"]["files_skipped"]}
    assert skipped["random.py"] == "binary content"
    assert skipped["invalid_utf8.py"].startswith("not valid UTF-8")
    assert skipped["huge.min.js"].startswith("larger than")
    assert skipped["huge_one_line.js"].startswith("larger than")
    assert skipped["dangling.py"] == "dangling symlink"
    assert skipped["loop/again/"].startswith("symlink loop")
    assert skipped["etc_link"].startswith("symlink points outside")
    assert skipped["latin\\xe9.py"] == "file name is not valid UTF-8"
    assert any(p == "broken.py" and "partially scanned" in r for p, r in skipped.items()) or any(
        s["path"] == "broken.py" for s in doc["coverage"]["files_skipped"]
    )
    paths = {f["location"]["path"] for f in doc["findings"]}
    # Findings in the good files are still reported, odd names included.
    assert {"good.py", "tab\tname.py", "<img src=x onerror=alert(1)>.ts"} <= paths


def test_text_output_keeps_markup_in_names_as_text(tmp_path: Path) -> None:
    _hostile_tree(tmp_path)
    proc = run_cli("scan", str(tmp_path), "--no-cache")
    assert proc.returncode in (0, 1)
    assert "Traceback" not in proc.stderr
    assert "<img src=x onerror=alert(1)>.ts" in proc.stdout


def test_misspelt_policy_key_exits_2_naming_it(tmp_path: Path) -> None:
    (tmp_path / "auditkit.toml").write_text('[jurisdiction]\nalowed = ["EU"]\n')
    proc = run_cli("scan", str(tmp_path))
    assert proc.returncode == 2
    assert "jurisdiction.alowed" in proc.stderr
    assert "did you mean 'allowed'" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_missing_target_exits_2(tmp_path: Path) -> None:
    proc = run_cli("scan", str(tmp_path / "nope"))
    assert proc.returncode == 2
    assert "target not found" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_scanned_code_is_never_imported(tmp_path: Path) -> None:
    # Engines run with the scanned tree as working folder: modules in it that shadow the
    # standard library must not be imported (that would execute the audited code).
    marker = tmp_path / "EXECUTED"
    for name in ("json", "random", "os", "typing", "argparse", "logging", "re", "ast", "yaml"):
        (tmp_path / f"{name}.py").write_text(
            f"open({str(marker)!r}, 'a').write({name!r})\nraise SystemExit('audited code ran')\n"
        )
    (tmp_path / "app.py").write_text('URL = "https://s3.us-east-1.amazonaws.com/b"\n')
    proc = run_cli("scan", str(tmp_path), "--format", "json", "--no-cache")
    assert proc.returncode == 1, proc.stderr
    assert not marker.exists(), marker.read_text()
    doc = json.loads(proc.stdout)
    assert any(f["location"]["path"] == "app.py" for f in doc["findings"])
