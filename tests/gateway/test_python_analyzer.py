"""The Python analyzer's API: errors, prefilter, resolution details the fixtures do not show."""

from __future__ import annotations

import dataclasses
import textwrap

import libcst
import pytest

from auditkit.analyzers import analyze_python, mentions_any_sink


def _calls(source: str, **kwargs: tuple[str, ...]) -> list[tuple[int, str, str]]:
    result = analyze_python(textwrap.dedent(source), **kwargs)
    return [(c.start_line, c.sink, c.store) for c in result.calls]


def test_invalid_python_raises_the_libcst_error() -> None:
    with pytest.raises(libcst.ParserSyntaxError):
        analyze_python("import psycopg2\npsycopg2.connect(\n")


def test_results_are_frozen_values() -> None:
    result = analyze_python("import sqlite3\nsqlite3.connect('x')\n")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.calls[0].sink = "other"  # type: ignore[misc]


def test_via_says_how_the_callee_was_resolved() -> None:
    source = """\
        import importlib
        import sqlalchemy as sa
        import boto3
        BUCKET_SERVICE = "s3"
        engine = sa.create_engine("sqlite://")
        mongo = importlib.import_module("pymongo").MongoClient()
        bucket = boto3.client(BUCKET_SERVICE)
    """
    vias = [c.via for c in analyze_python(textwrap.dedent(source)).calls]
    assert vias[0] == "import alias sa -> sqlalchemy"
    assert "importlib.import_module('pymongo')" in vias[1]
    assert "service name from constant BUCKET_SERVICE = 's3'" in vias[2]


def test_protected_host_is_the_urls_host_matched_case_insensitively() -> None:
    source = 'import requests\nrequests.get("https://Users.SVC.cluster.local:8443/x")\n'
    (call,) = analyze_python(source, protected_hosts=("*.svc.CLUSTER.local",)).calls
    assert (call.store, call.protected_host) == ("http-protected", "users.svc.cluster.local")
    assert analyze_python(source, protected_hosts=("other.svc.cluster.local",)).calls == ()
    assert analyze_python(source).calls == ()


def test_unknown_url_tail_keeps_the_known_host() -> None:
    source = """\
        import requests
        BASE = "http://user-data.internal"
        def get(path):
            return requests.get(BASE + path)
    """
    assert _calls(source, protected_hosts=("user-data.internal",)) == [
        (4, "requests.get", "http-protected")
    ]


def test_constants_that_disagree_or_cycle_resolve_to_nothing() -> None:
    source = """\
        import boto3
        A = B
        B = A
        SERVICE = "s3"
        SERVICE = "sts"
        boto3.client(A)
        boto3.client(SERVICE)
    """
    assert _calls(source) == [(6, "boto3.client(?)", "aws"), (7, "boto3.client(?)", "aws")]


def test_class_constants_and_keyword_service_names() -> None:
    source = """\
        import boto3
        class Config:
            STREAM = "kinesis"
        client = boto3.client(service_name=Config.STREAM, region_name="eu-west-1")
    """
    assert _calls(source) == [(4, "boto3.client(kinesis)", "kinesis")]


def test_syntax_newer_than_the_interpreter_falls_back_to_libcst_positions() -> None:
    # `type` statements are Python 3.12; libcst parses them, the running ast may not.
    source = "type Rows = list[int]\nimport sqlite3\nconn = sqlite3.connect('app.db')\n"
    (call,) = analyze_python(source).calls
    assert (call.start_line, call.start_column, call.end_line, call.end_column) == (3, 8, 3, 33)


def test_prefilter() -> None:
    assert not mentions_any_sink("import os\nprint(os.getcwd())\n")
    assert mentions_any_sink("import legacy_db\n", ("legacy_db.open",))
    assert not mentions_any_sink("import legacy_db\n")
    http_only = "import requests\nrequests.get(URL)\n"
    assert mentions_any_sink(http_only)  # protected hosts unknown: must not skip
    # URLs resolve from constants of the same file only: with no protected host named in the
    # text, the analyzer cannot report the call, so the prefilter may skip the file.
    assert not analyze_python(http_only, protected_hosts=("x.internal",)).calls
    assert not mentions_any_sink(http_only, protected_hosts=("x.internal",))
    assert mentions_any_sink(
        http_only + 'URL = "http://x.internal/a"\n', protected_hosts=("x.internal",)
    )
    assert not mentions_any_sink(http_only, protected_hosts=())
    assert mentions_any_sink("m = __import__('pymongo')\n", protected_hosts=())
    # Words, not substrings: "predis" is no redis.
    assert not mentions_any_sink("import predis_helpers\n", protected_hosts=())


def test_extra_python_sinks_are_custom_stores() -> None:
    source = "from legacy_db import open as legacy_open\nlegacy_open('/data')\n"
    assert _calls(source, extra_sinks=("legacy_db.open",)) == [(2, "legacy_db.open", "custom")]
    assert _calls(source) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import os, \\\n    redis\n", True),
        ("from \\\n  redis import Redis\n", True),
        ("import os as o, pymongo as m\n", True),
        ("import vendor.redis\n", False),
        ("# we cache in redis\nURL = 'redis://cache'\n", False),
        ("rows = (User.objects  # all\n    .raw('SELECT 1'))\n", True),
        ("raw = b'bytes'\n", False),
    ],
)
def test_prefilter_follows_import_syntax(source: str, expected: bool) -> None:
    assert mentions_any_sink(source, protected_hosts=()) is expected
