"""Files scanned through a masked copy (engines.masked): Vue components (their <script> blocks,
as JavaScript or TypeScript) and YAML templates (Helm); findings point at the real file."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditkit.core.model import ScanResult
from auditkit.core.policy import Policy
from auditkit.engines.masked import masked_copy
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
    result = masked_copy("B.vue", source)
    assert result is not None
    copy, suffix = result
    assert suffix == ".ts"
    assert len(copy) == len(source)
    assert copy.count(b"\n") == source.count(b"\n")
    text = copy.decode("utf-8")
    assert "docs.example.cn" not in text and "cdn.example.cn" not in text
    start = source.index(b"const region")
    assert copy[start:].startswith(b'const region: string = "ap-southeast-1"')
    js = masked_copy("A.vue", JS_COMPONENT.encode())
    assert js is not None and js[1] == ".js"


def _endpoints(result: ScanResult) -> set[tuple[str, int, int, str]]:
    """(path, line, column, endpoint) of every finding."""
    return {
        (
            f.location.path,
            f.location.start_line,
            f.location.start_column,
            f.evidence_dict["endpoint"],
        )
        for f in result.findings
    }


def test_components_are_scanned_where_they_stand(tmp_path: Path) -> None:
    (tmp_path / "A.vue").write_text(JS_COMPONENT, encoding="utf-8")
    (tmp_path / "B.vue").write_text(TS_COMPONENT, encoding="utf-8")
    result = run_scan(tmp_path, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    assert _endpoints(result) == {
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


HELM_TEMPLATE = """\
{{- if .Values.exporter.create }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Values.exporter.name }}
  annotations:
    {{- toYaml .Values.annotations | nindent 4 }}
spec:
  template:
    spec:
      containers:
        - name: exporter
          image: {{ .Values.image.repository }}:{{ .Values.image.tag }}
          env:
            - name: EXPORT_URL
              value: "https://export.example.cn/v1"
            - name: REGION
              value: ap-south-1
{{- end }}
"""

WORKFLOW = """\
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: curl https://hooks.example.cn/${{ github.sha }}
"""


def test_yaml_templates_are_scanned_around_their_actions(tmp_path: Path) -> None:
    (tmp_path / "deployment.yaml").write_text(HELM_TEMPLATE, encoding="utf-8")
    (tmp_path / "deploy.yml").write_text(WORKFLOW, encoding="utf-8")
    result = run_scan(tmp_path, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    assert not result.coverage.engine_issues  # semgrep rejected the whole template before
    assert _endpoints(result) == {
        ("deployment.yaml", 16, 23, "https://export.example.cn/v1"),
        ("deployment.yaml", 18, 22, "ap-south-1"),
        ("deploy.yml", 6, 19, "https://hooks.example.cn/"),
    }


def test_only_template_actions_are_masked() -> None:
    copy = masked_copy("t.yaml", HELM_TEMPLATE.encode())
    assert copy is not None and copy[1] == ".yaml"
    assert len(copy[0]) == len(HELM_TEMPLATE.encode())
    assert b"{{" not in copy[0] and b'value: "https://export.example.cn/v1"' in copy[0]
    assert masked_copy("deploy.yml", WORKFLOW.encode()) is None  # ${{ }} is valid YAML
    assert masked_copy("plain.yaml", b"a: 1\n") is None
