"""Issue 16 end to end, real engines and real CLI: audit v1; fix one finding, move another, add
one and suppress one; retest v2 with --previous; v3; verify --chain, and break it every way."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from securesystemslib.dsse import Envelope as SslibEnvelope

from auditkit.cli import main
from auditkit.report import report_from_dict
from auditkit.signing import ENVELOPE_NAME, generate_key_pair
from tests.report.test_sarif import _offline, _validator
from tests.signing.test_interop import sslib_key

POLICY = '[audit]\nname = "Tiny service audit"\n\n[jurisdiction]\nallowed = ["EU", "EEA"]\n'
V1 = {
    "app/feed.py": 'import requests\n\nANALYTICS = "https://analytics.cn-beijing.aliyuncs.com"\n',
    "app/media.py": 'BUCKET = "https://s3.us-west-2.amazonaws.com"\n',
    "app/verify.py": 'VERIFY = "https://verify.example.ru"\n',
}
V2 = {
    "app/feed.py": "import requests\n",  # fixed
    "app/media.py": '# moved down\n\n\n\nBUCKET = "https://s3.us-west-2.amazonaws.com"\n',  # moved
    "app/verify.py": 'VERIFY = "https://verify.example.ru"  '
    "# auditkit: ignore[endpoint.non-eu] accepted by the DPO\n",  # suppressed since
    "app/new.py": 'API = "https://api.example.cn"\n',  # new
}
V3 = {**V2, "app/new.py": "API = None\n"}


def _tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def _audit(tmp: Path, name: str, files: dict[str, str], date: str, *extra: str) -> Path:
    tree = _tree(tmp / f"{name}-src" / "svc", files)
    out = tmp / name
    args = ["audit", str(tree), "--out", str(out), "--policy", str(tmp / "policy.toml")]
    code = main([*args, "--key", str(tmp / "keys" / "auditor.pem"), "--date", date, *extra])
    assert code in (0, 1), code
    return out


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("chain")
    (tmp / "policy.toml").write_text(POLICY)
    generate_key_pair(tmp / "keys", "auditor", None)
    generate_key_pair(tmp / "keys", "successor", None)
    v1 = _audit(tmp, "v1", V1, "2026-01-10")
    _audit(tmp, "v2", V2, "2026-02-10", "--previous", str(v1))
    # The signer changes: v3 is signed by a successor, who verifies v2 with the auditor's key.
    tree = _tree(tmp / "v3-src" / "svc", V3)
    code = main(
        ["audit", str(tree), "--out", str(tmp / "v3"), "--policy", str(tmp / "policy.toml"),
         "--key", str(tmp / "keys" / "successor.pem"), "--date", "2026-03-10",
         "--previous", str(tmp / "v2"), "--previous-pubkey", str(tmp / "keys" / "auditor.pub.pem")]
    )  # fmt: skip
    assert code in (0, 1)
    return tmp


def _json(report_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((report_dir / "report.json").read_text())
    return data


def _statuses(doc: dict[str, Any]) -> dict[str, tuple[str, str, int, str]]:
    return {
        f["location"]["path"]: (f["retest"], f["status"], f["location"]["start_line"], f["id"])
        for f in doc["findings"]
    }


def _verify(tmp: Path, *dirs: str, keys: tuple[str, ...] = ("auditor", "successor")) -> int:
    pubs = [a for k in keys for a in ("--pubkey", str(tmp / "keys" / f"{k}.pub.pem"))]
    return main(["verify", "--chain", *(str(tmp / d) for d in dirs), *pubs])


def _copy_chain(chain: Path, tmp_path: Path) -> Path:
    shutil.copytree(chain, tmp_path / "c")
    return tmp_path / "c"


def test_retest_statuses_are_exactly_right(chain: Path) -> None:
    v1, v2 = _json(chain / "v1"), _json(chain / "v2")
    assert all(f["retest"] is None for f in v1["findings"]) and v1["history"] is None
    assert _statuses(v2) == {
        "app/media.py": ("still-open", "open", 5, "AK-001"),  # moved: still open, not fixed+new
        "app/new.py": ("new", "open", 1, "AK-002"),
        "app/verify.py": ("still-open", "suppressed", 1, "AK-003"),
    }
    history = v2["history"]
    assert [(f["location"]["path"], f["location"]["start_line"]) for f in history["fixed"]] == [
        ("app/feed.py", 3)
    ]
    assert history["suppressed_since"] == ["AK-003"]
    prev = history["previous"]
    assert prev["title"] == "Tiny service audit" and prev["date"] == "2026-01-10"
    import hashlib

    assert (
        prev["report_sha256"] == hashlib.sha256((chain / "v1/report.json").read_bytes()).hexdigest()
    )
    assert (
        prev["envelope_sha256"]
        == hashlib.sha256((chain / "v1" / ENVELOPE_NAME).read_bytes()).hexdigest()
    )
    assert [t["date"] for t in history["trend"]] == ["2026-01-10"]
    v3 = _json(chain / "v3")
    assert [f["location"]["path"] for f in v3["history"]["fixed"]] == ["app/new.py"]
    assert [t["date"] for t in v3["history"]["trend"]] == ["2026-01-10", "2026-02-10"]


def test_renderings_show_the_changes_and_the_trend(chain: Path) -> None:
    md2 = (chain / "v2" / "report.md").read_text()
    assert "## Changes since the previous audit" in md2
    assert "**1 fixed, 1 new, 2 still open.**" in md2
    assert "across the audit history" not in md2  # one link: no trend yet
    md3 = (chain / "v3" / "report.md").read_text()
    assert "**Open findings by category across the audit history**" in md3
    assert "| 2026-03-10 | Tiny service audit (this report) |" in md3
    html3 = (chain / "v3" / "report.html").read_text()
    assert (
        'id="changes"' in html3
        and "<polyline" in html3
        and "http"
        not in html3.split("<svg", 2)[-1].split("</svg>")[0].replace("http://www.w3.org", "")
    )
    sarif = json.loads((chain / "v2" / "report.sarif").read_text())["runs"][0]
    states = sorted(r["baselineState"] for r in sarif["results"])
    assert states == ["absent", "new", "unchanged", "unchanged"]
    assert sarif["properties"]["previousAudit"]["date"] == "2026-01-10"


def test_the_chain_of_three_verifies(chain: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _verify(chain, "v1", "v2", "v3") == 0
    out = capsys.readouterr().out
    assert "link          1 → 2 holds" in out and "chain verified: 3 reports, 2 links" in out
    # Each report alone is verified by the one key that signed it.
    assert _verify(chain, "v1", "v2", "v3", keys=("auditor",)) == 4


def _broken(tmp: Path, capsys: pytest.CaptureFixture[str], *dirs: str) -> str:
    assert _verify(tmp, *dirs) == 4
    return capsys.readouterr().err


def test_one_byte_altered_in_v1_breaks_the_chain(
    chain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    c = _copy_chain(chain, tmp_path)
    path = c / "v1" / "report.json"
    data = bytearray(path.read_bytes())
    data[data.index(b"Tiny")] = ord("t")
    path.write_bytes(bytes(data))
    err = _broken(c, capsys, "v1", "v2", "v3")
    assert "report 1 (" in err and "subject report.json: sha256" in err
    assert "link 1 → 2: report 2 (" in err and "was chained to a report.json with sha256" in err
    assert "link 2 → 3" not in err


def test_v1_deleted_breaks_the_chain(
    chain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    c = _copy_chain(chain, tmp_path)
    shutil.rmtree(c / "v1")
    err = _broken(c, capsys, "v1", "v2", "v3")
    assert "report.json not found (the report was removed)" in err
    assert "link 1 → 2: not checked" in err
    # Left out of the list: report 1 is then a retest of a report not in the chain.
    err = _broken(c, capsys, "v2", "v3")
    assert "report 1 (" in err and "not in the chain" in err
    # The middle one left out: the link names both ends.
    err = _broken(chain, capsys, "v1", "v3")
    assert "link 1 → 2: report 2 (" in err and "v3" in err


def test_swapped_order_breaks_the_chain(chain: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _broken(chain, capsys, "v2", "v1", "v3")
    assert "link 1 → 2: report 2 (" in err and "records no previous audit" in err
    assert "link 2 → 3" in err
    err = _broken(chain, capsys, "v1", "v3", "v2")
    assert "link 1 → 2" in err and "link 2 → 3" in err and "dates must increase" in err


def test_replaced_signature_breaks_the_link(
    chain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    c = _copy_chain(chain, tmp_path)
    assert main(["sign", str(c / "v1"), "--key", str(c / "keys/auditor.pem"), "--replace"]) == 0
    err = _broken(c, capsys, "v1", "v2", "v3")
    assert "link 1 → 2:" in err and "was chained to an envelope" in err


def test_previous_that_does_not_verify_fails_before_the_scan(
    chain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    c = _copy_chain(chain, tmp_path)
    (c / "v1" / "report.md").write_text("altered\n")
    tree = _tree(tmp_path / "src" / "svc", V2)
    args = ["audit", str(tree), "--out", str(tmp_path / "out"), "--policy", str(c / "policy.toml"),
            "--key", str(c / "keys/auditor.pem"), "--date", "2026-02-10"]  # fmt: skip
    assert main([*args, "--previous", str(c / "v1")]) == 4
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "does not verify" in err[0] and "report.md" in err[0]
    assert not (tmp_path / "out").exists()
    # The wrong key, a date not after the previous one, no key at all.
    stranger = ["--previous-pubkey", str(c / "keys/successor.pub.pem")]
    assert main([*args, "--previous", str(c / "v2"), *stranger]) == 4
    dated = [a if a != "2026-02-10" else "2026-01-01" for a in args]
    assert main([*dated, "--previous", str(c / "v2")]) == 2
    assert "must be dated after" in capsys.readouterr().err
    unsigned = [*args[: args.index("--key")], "--date", "2026-05-01"]
    assert main([*unsigned, "--previous", str(c / "v2")]) == 2
    assert main([*args, "--previous", str(tmp_path / "nowhere")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_every_envelope_verifies_with_securesystemslib(chain: Path) -> None:
    for name, signer in (("v1", "auditor"), ("v2", "auditor"), ("v3", "successor")):
        envelope = SslibEnvelope.from_dict(json.loads((chain / name / ENVELOPE_NAME).read_text()))
        envelope.verify([sslib_key(chain / "keys" / f"{signer}.pub.pem")], threshold=1)
        statement = json.loads(envelope.payload)
        subjects = {s["name"]: s["digest"]["sha256"] for s in statement["subject"]}
        import hashlib

        assert (
            subjects["report.json"]
            == hashlib.sha256((chain / name / "report.json").read_bytes()).hexdigest()
        )


def test_reports_round_trip_and_older_reports_still_read(chain: Path) -> None:
    from auditkit.report import report_to_dict

    doc = _json(chain / "v3")
    report = report_from_dict(doc)
    assert report_from_dict(report_to_dict(report)) == report
    old = _json(chain / "v1")
    del old["history"]
    for f in old["findings"]:
        del f["retest"]
    legacy = report_from_dict(old)
    assert legacy.history is None and all(f.retest is None for f in legacy.findings)


@pytest.mark.parametrize("fmt", ["text", "json", "md"])
def test_diff_in_every_format(chain: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(chain / "v1"), str(chain / "v2"), "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        doc = json.loads(out)
        assert doc["totals"] == {"fixed": 1, "new": 1, "still_open": 2, "changed_severity": 0,
                                 "suppressed_since": 1}  # fmt: skip
        assert doc["by_category"]["non-eu-endpoint"]["fixed"] == 1
        assert [f["location"]["path"] for f in doc["fixed"]] == ["app/feed.py"]
        assert [f["location"]["path"] for f in doc["new_findings"]] == ["app/new.py"]
    elif fmt == "md":
        assert (
            "**1 fixed, 1 new, 2 still open**" in out
            and "| non-eu-endpoint | 1 | 1 | 2 | 0 |" in out
        )
    else:
        assert "1 fixed, 1 new, 2 still open" in out and "app/feed.py:3" in out


def test_diff_of_findings_files_agrees(
    chain: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = []
    for name in ("v1", "v2"):
        main(["scan", str(chain / f"{name}-src" / "svc"), "--format", "json", "--no-cache",
              "--output", str(tmp_path / f"{name}.json")])  # fmt: skip
        files.append(str(tmp_path / f"{name}.json"))
    capsys.readouterr()
    assert main(["diff", *files, "--format", "json"]) == 0
    totals = json.loads(capsys.readouterr().out)["totals"]
    assert (totals["fixed"], totals["new"], totals["still_open"]) == (1, 1, 2)
    # A report folder against a findings file; bad input: one line, exit 2.
    assert main(["diff", str(chain / "v1"), files[1]]) == 0
    (tmp_path / "bad.json").write_text('{"schema": "other"}')
    capsys.readouterr()
    assert main(["diff", str(tmp_path / "bad.json"), files[1]]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "neither an auditkit report" in err[0]


def test_retest_sarif_passes_microsoft_validator(chain: Path, tmp_path: Path) -> None:
    tool = _validator()
    if tool is None:
        pytest.skip("sarif-multitool is not installed (run `make test-tools`)")
    proc = subprocess.run(
        _offline([*tool, "validate", str(chain / "v2" / "report.sarif")]),
        capture_output=True,
        text=True,
        timeout=300,
        env={"DOTNET_CLI_TELEMETRY_OPTOUT": "1", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    output = proc.stdout + proc.stderr
    assert "Analysis completed successfully" in output, output
    assert " error " not in output.replace("0 error", ""), output
    warnings = [line for line in output.splitlines() if ": warning " in line]
    assert all("SARIF2005" in w for w in warnings), warnings


def test_regulator_chain_recipe_verbatim(chain: Path, tmp_path: Path) -> None:
    from tests.signing.test_interop import run_without_auditkit, snippet

    script = tmp_path / "verify_chain.py"
    script.write_text(snippet("verify_chain.py"))
    proc = run_without_auditkit(script, "v1", "v2", "v3", cwd=chain)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count(" ok\n") == 2
    proc = run_without_auditkit(script, "v2", "v1", "v3", cwd=chain)
    assert proc.returncode != 0 and "link 1 -> 2" in proc.stderr
    proc = run_without_auditkit(script, "v1", "v3", cwd=chain)
    assert proc.returncode != 0 and "link 1 -> 2: report.json differs" in proc.stderr
