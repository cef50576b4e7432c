"""`auditkit check` starts its engines before the rest of auditkit is imported.

The head start must guess the scan's engine command lines exactly (or its processes are
wasted), and it must never change what `check` prints or returns.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from auditkit.cli import app, main
from auditkit.engines import bandit_worker, prelaunch
from tests.conftest import SAMPLES

PY = "services/feed/feed/analytics.py"
TS = "services/web/src/integrations.ts"
GO = "services/profile/store.go"
JAVA = "services/moderation/src/main/java/com/clover/moderation/MediaArchive.java"


class Recorder:
    def __init__(self) -> None:
        self.started: list[str] = []
        self.unclaimed: list[int] = []


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    rec = Recorder()
    start, discard = prelaunch.start, prelaunch.discard

    def recording_start(argv: list[str], *args: object, **kwargs: object) -> None:
        rec.started.append("bandit" if argv == bandit_worker.command() else Path(argv[0]).name)
        start(argv, *args, **kwargs)  # type: ignore[arg-type]

    def recording_discard() -> None:
        rec.unclaimed.append(prelaunch.pending())
        discard()

    monkeypatch.setattr(prelaunch, "start", recording_start)
    monkeypatch.setattr(prelaunch, "discard", recording_discard)
    return rec


@pytest.fixture(scope="module")
def clover(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("repo") / "clover"
    shutil.copytree(SAMPLES / "clover-service", tree)
    subprocess.run(["git", "init", "-q", str(tree)], check=True)
    return tree


def _check(
    args: list[str], cwd: Path, capsys: pytest.CaptureFixture[str], head_start: bool = True
) -> tuple[int, str]:
    code = main(["check", *args]) if head_start else app.run(["check", *args])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    ("files", "engines"),
    [
        ([PY], ["osemgrep", "bandit"]),
        ([TS], ["osemgrep"]),
        ([GO], ["osemgrep"]),
        ([JAVA], ["osemgrep"]),
        ([PY, TS], ["osemgrep", "bandit"]),
    ],
)
def test_every_started_engine_is_adopted_and_output_is_unchanged(
    clover: Path,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: list[str],
    engines: list[str],
) -> None:
    monkeypatch.chdir(clover)
    code, out = _check(["--no-cache", *files], clover, capsys)
    assert sorted(recorder.started) == sorted(engines)
    assert recorder.unclaimed == [0], "a started engine was not adopted: the guess was off"
    plain_code, plain_out = _check(["--no-cache", *files], clover, capsys, head_start=False)
    assert (code, out) == (plain_code, plain_out)
    assert code == 1 and out.strip()


def test_a_file_excluded_by_the_policy_is_not_guessed_into_the_engines(
    tmp_path: Path,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "auditkit.toml").write_text('[audit]\nexclude = ["vendor/**"]\n')
    (tmp_path / "a.py").write_text('B = "ap-northeast-1"\n')
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "v.py").write_text('V = "us-east-1"\n')
    monkeypatch.chdir(tmp_path)
    code, out = _check(["a.py", "vendor/v.py"], tmp_path, capsys)
    assert code == 1 and out.startswith("a.py:1:6: endpoint.non-eu ")
    assert "vendor" not in out
    assert sorted(recorder.started) == ["bandit", "osemgrep"]
    assert recorder.unclaimed == [0]


def test_policy_sink_rules_are_left_to_the_scan(
    tmp_path: Path,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The policy's own sink rules are written to a fresh file by the scan: semgrep's command
    line cannot be known ahead, so only bandit gets a head start, and the custom sink is
    still found."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "auditkit.toml").write_text(
        '[gateway]\nname = "gw"\npaths = ["gw/**"]\n[gateway.sinks]\ntypescript = ["vault.open"]\n'
    )
    (tmp_path / "app.ts").write_text(
        'import vault from "@acme/vault";\nexport const v = vault.open("users");\n'
    )
    (tmp_path / "job.py").write_text("X = 1\n")
    monkeypatch.chdir(tmp_path)
    code, out = _check(["app.ts", "job.py"], tmp_path, capsys)
    assert recorder.started == ["bandit"]
    assert recorder.unclaimed == [0]
    assert "app.ts:2:" in out and "gateway.bypass" in out, out
    assert (code, out) == _check(["--no-cache", "app.ts", "job.py"], tmp_path, capsys, False)


def test_cached_files_leave_the_started_engines_unused(
    clover: Path,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(clover)
    first = _check([PY], clover, capsys)
    recorder.started.clear()
    recorder.unclaimed.clear()
    second = _check([PY], clover, capsys)  # every file comes from the result cache
    assert second == first
    assert sorted(recorder.started) == ["bandit", "osemgrep"]
    assert recorder.unclaimed == [2]  # killed unused


@pytest.mark.parametrize("args", [["--help"], ["--debug", PY], [], ["--policy"]])
def test_arguments_it_does_not_understand_get_no_head_start(
    clover: Path,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    monkeypatch.chdir(clover)
    main(["check", *args])
    capsys.readouterr()
    assert recorder.started == []


def test_many_files_get_no_head_start(
    clover: Path,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Several batches run in forked worker processes, which plan their own engine runs."""
    from auditkit.engines.plan import SMALL_SCAN_FILES

    monkeypatch.chdir(clover)
    names = [PY] + [f"missing_{i}.py" for i in range(SMALL_SCAN_FILES)]
    main(["check", *names])
    capsys.readouterr()
    assert recorder.started == []
