"""Vue single-file components: their <script> blocks are scanned as JavaScript or TypeScript
(semgrep dropped its Vue parser), findings point at the real file, markup is not scanned."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditkit.engines.vue import masked
from auditkit.policy import Policy
from auditkit.scan import ScanOptions, run_scan

JS_COMPONENT = """\
<template>
  <div><a href="https://docs.example.cn/help">help</a> {{ title }}</div>
</template>

<script>
import axios from "axios"
const API = "https://api.example.cn/v1"
export default {
  data() { return { region: "us-east-1" } },
  methods: { load() { return axios.get(`${API}/items`) } },
}
</script>
"""

TS_COMPONENT = """\
<template>
  <p>See https://docs.example.cn/guide — résumé ünïcode</p>
</template>
<script setup lang="ts">
const region: string = "ap-southeast-1"
// auditkit: ignore[endpoint.non-eu] analytics approved in SEC-7
const analytics = "https://collect.example.cn/v2"
export const ok = "eu-west-3"
</script>
<style scoped>
.a { background: url("https://cdn.example.cn/bg.png") }
</style>
"""


def test_masked_copy_keeps_offsets_lines_and_only_the_scripts() -> None:
    source = TS_COMPONENT.encode("utf-8")
    copy, suffix = masked(source)
    assert suffix == ".ts"
    assert len(copy) == len(source)
    assert copy.count(b"\n") == source.count(b"\n")
    text = copy.decode("utf-8")
    assert "docs.example.cn" not in text and "cdn.example.cn" not in text
    start = source.index(b"const region")
    assert copy[start:].startswith(b'const region: string = "ap-southeast-1"')
    assert masked(JS_COMPONENT.encode())[1] == ".js"


def test_components_are_scanned_where_they_stand(tmp_path: Path) -> None:
    (tmp_path / "A.vue").write_text(JS_COMPONENT, encoding="utf-8")
    (tmp_path / "B.vue").write_text(TS_COMPONENT, encoding="utf-8")
    result = run_scan(tmp_path, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    found = {
        (
            f.location.path,
            f.location.start_line,
            f.location.start_column,
            f.evidence_dict["endpoint"],
        )
        for f in result.findings
    }
    assert found == {
        ("A.vue", 7, 14, "https://api.example.cn/v1"),
        ("A.vue", 9, 30, "us-east-1"),
        ("B.vue", 5, 25, "ap-southeast-1"),
        ("B.vue", 7, 20, "https://collect.example.cn/v2"),
    }
    by_line = {(f.location.path, f.location.start_line): f for f in result.findings}
    suppressed = by_line[("B.vue", 7)].suppression
    assert suppressed is not None and suppressed.reason == "analytics approved in SEC-7"
    assert by_line[("A.vue", 7)].snippet == 'const API = "https://api.example.cn/v1"'
    assert {f.path: f.language for f in result.coverage.files_scanned} == {
        "A.vue": "vue",
        "B.vue": "vue",
    }
    assert not result.coverage.engine_issues


def test_check_on_a_component_prints_its_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from auditkit.cli import main

    (tmp_path / "A.vue").write_text(JS_COMPONENT, encoding="utf-8")
    (tmp_path / "b.ts").write_text('export const u = "https://b.example.cn";\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "A.vue", "b.ts"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" ")[0] for line in lines] == ["A.vue:7:14:", "A.vue:9:30:", "b.ts:1:19:"]
