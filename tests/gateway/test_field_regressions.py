"""Regressions found by running auditkit and import-linter on real public services."""

from __future__ import annotations

import json
from pathlib import Path

from tests.functional.test_samples import run_cli


def _scan(tree: Path) -> list[dict[str, object]]:
    proc = run_cli("scan", str(tree), "--format", "json", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]  # type: ignore[no-any-return]


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "auditkit.toml").write_text('[gateway]\nname = "db"\npaths = ["app/db/**"]\n')
    for sub in ("cli", "db", "models"):
        (tmp_path / "app" / sub).mkdir(parents=True)
    return tmp_path


def test_sqlalchemy_utils_helpers_connect_directly(tmp_path: Path) -> None:
    # Netflix/dispatch cli.py: database_exists / drop_database open their own connection.
    tree = _tree(tmp_path)
    (tree / "app/cli/manage.py").write_text(
        "from sqlalchemy_utils import database_exists, drop_database\n"
        'URI = "postgresql+psycopg2://app:secret@db.internal:5432/app"\n\n\n'
        "def drop() -> None:\n"
        "    if database_exists(URI):\n"
        "        drop_database(URI)\n"
    )
    found = {
        (f["rule_id"], f["location"]["start_line"], f["evidence"]["sink"]) for f in _scan(tree)
    }  # type: ignore[index]
    assert found == {
        ("gateway.bypass", 6, "sqlalchemy_utils.database_exists"),
        ("gateway.bypass", 7, "sqlalchemy_utils.drop_database"),
    }


def test_import_view_points_at_the_module_and_skips_exception_modules(tmp_path: Path) -> None:
    tree = _tree(tmp_path)
    (tree / "app/models/m.py").write_text(
        "from sqlalchemy import Column, Integer\n"
        "from sqlalchemy.exc import IntegrityError\n"
        "import psycopg2.errors\n"
        "from sqlalchemy_utils import UUIDType\n"
    )
    (finding,) = _scan(tree)
    assert finding["rule_id"] == "gateway.import"
    loc = finding["location"]
    assert (loc["start_line"], loc["start_column"], loc["end_column"]) == (1, 6, 16)  # type: ignore[index]


def test_import_message_names_the_driver_not_any_call(tmp_path: Path) -> None:
    # dispatch plugins/dispatch_aws/plugin.py: an SQS bypass and an unrelated driver import.
    tree = _tree(tmp_path)
    (tree / "app/cli/worker.py").write_text(
        "import boto3\nimport redis\n\n\ndef poll() -> None:\n"
        '    boto3.client("sqs").receive_message(QueueUrl="q")\n'
    )
    rules = sorted((f["rule_id"], f["message"]) for f in _scan(tree))
    assert rules[0][0] == "gateway.bypass"
    assert rules[1][0] == "gateway.import"
    assert "no direct call of this driver was found" in str(rules[1][1])


def test_prefilter_skips_packages_imported_for_other_reasons() -> None:
    # Django imports django.db in nearly every file; only raw cursors are sinks. Parsing every
    # such file made libcst 40 % of the CPU of a Django scan (1,986 of 2,788 files parsed).
    from auditkit.analyzers.prefilter import mentions_any_sink

    models_only = "from django.db import models\n\nclass A(models.Model):\n    pass\n"
    raw_cursor = "from django.db import connection\n\nwith connection.cursor() as c:\n    pass\n"
    assert not mentions_any_sink(models_only, protected_hosts=())
    assert mentions_any_sink(raw_cursor, protected_hosts=())
    assert mentions_any_sink("import psycopg2\n", protected_hosts=())  # import view: always


def test_prefilter_skips_http_only_files_that_name_no_protected_host() -> None:
    # The pre-commit hook paid 0.2 s of libcst import for every file importing requests.
    from auditkit.analyzers import analyze_python
    from auditkit.analyzers.prefilter import mentions_any_sink

    hosts = ("user-data.svc.cluster.local", "*.records.internal")
    plain = "import requests\n\nrequests.get('https://api.example.com', timeout=5)\n"
    direct = (
        'import requests\nBASE = "http://user-data.svc.cluster.local"\nrequests.get(f"{BASE}/u")\n'
    )
    glob = "import httpx\n\nhttpx.get('http://eu.records.internal/x')\n"
    assert not mentions_any_sink(plain, protected_hosts=hosts)
    assert not analyze_python(plain, protected_hosts=hosts).calls
    for source in (direct, glob):
        assert mentions_any_sink(source, protected_hosts=hosts)
        assert analyze_python(source, protected_hosts=hosts).calls
    assert mentions_any_sink(plain)  # protected hosts unknown: keep the file
