"""A file counted as scanned gets its rules: every name auditkit assigns a language is one
semgrep runs that language's rules on (semgrep matches extensions and `paths.include` globs
case-sensitively, and has no TypeScript rules for .mts/.cts). Names it would not scan are
listed as not scanned, with the reason, instead of silently yielding nothing."""

from __future__ import annotations

import pytest

from auditkit.core.languages import detect_language
from auditkit.core.model import ScanResult
from auditkit.core.policy import Policy
from auditkit.scan import ScanOptions, run_scan

URL = "https://upload.example.cn/v1"
CODE = f'const u = "{URL}";\n'
SCANNED = {
    "app.py": f'U = "{URL}"\n',
    "stub.pyi": f'U = "{URL}"\n',
    "main.go": f'package main\nvar u = "{URL}"\n',
    "Main.java": f'class Main {{ String u = "{URL}"; }}\n',
    "App.kt": f'val u = "{URL}"\n',
    "build.gradle.kts": f'val u = "{URL}"\n',
    "a.js": CODE,
    "b.mjs": CODE,
    "c.cjs": CODE,
    "d.jsx": CODE,
    "e.ts": CODE,
    "f.tsx": CODE,
    "App.vue": f"<template><p/></template>\n<script>\n{CODE}</script>\n",
    "a.yaml": f"u: {URL}\n",
    "b.yml": f"u: {URL}\n",
    "c.json": f'{{"u": "{URL}"}}\n',
    "prod.tfvars.json": f'{{"u": "{URL}"}}\n',
    "main.tf": f'locals {{ u = "{URL}" }}\n',
    "main.tofu": f'locals {{ u = "{URL}" }}\n',
    "prod.tfvars": f'u = "{URL}"\n',
    "conf.hcl": f'u = "{URL}"\n',
    "app.properties": f"u={URL}\n",
    ".env": f"U={URL}\n",
    ".env.production": f"U={URL}\n",
    "prod.env": f"U={URL}\n",
    "deploy.sh": f"curl {URL}\n",
    "run.bash": f"curl {URL}\n",
    "Dockerfile": f"ENV U={URL}\n",
    "Dockerfile.prod": f"ENV U={URL}\n",
    "dockerfile": f"ENV U={URL}\n",
    "dockerfile.dev": f"ENV U={URL}\n",
    "app.dockerfile": f"ENV U={URL}\n",
    "prod.Dockerfile": f"ENV U={URL}\n",
    "Containerfile": f"ENV U={URL}\n",
    "containerfile": f"ENV U={URL}\n",
}
NOT_SCANNED = {
    "SETUP.PY": f'U = "{URL}"\n',
    "Main.JAVA": f'class Main {{ String u = "{URL}"; }}\n',
    "a.YAML": f"u: {URL}\n",
    "esm.mts": CODE,
    "cjs.cts": CODE,
    ".ENV": f"U={URL}\n",
    "DOCKERFILE": f"ENV U={URL}\n",
    "DEPLOY.SH": f"curl {URL}\n",
    "Dockerfile-old": f"ENV U={URL}\n",
}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    root = tmp_path_factory.mktemp("types")
    for name, text in {**SCANNED, **NOT_SCANNED}.items():
        (root / name).write_text(text, encoding="utf-8")
    return run_scan(root, Policy(), ScanOptions(use_cache=False, run_bandit=False))


def test_every_file_counted_as_scanned_gets_its_rules(scanned: ScanResult) -> None:
    assert all(detect_language(n) is not None for n in SCANNED)
    assert {f.path for f in scanned.coverage.files_scanned} == set(SCANNED)
    found = {f.location.path for f in scanned.findings if f.evidence_dict.get("endpoint") == URL}
    assert found == set(SCANNED)


def test_names_semgrep_would_not_scan_are_listed_as_not_scanned(scanned: ScanResult) -> None:
    skipped = {s.path: s.reason for s in scanned.coverage.files_skipped}
    assert set(skipped) == set(NOT_SCANNED)
    assert all(r.startswith("no auditkit rules for this file type") for r in skipped.values())
