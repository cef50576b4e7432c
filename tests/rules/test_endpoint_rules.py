"""The endpoint rules against their annotated test files, with the real semgrep, offline."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.rules.endpoint_rules import RULES_DIR, TEST_FILES
from tests.rules.semgrep_run import (
    OFFLINE,
    SEMGREP,
    Scan,
    annotations,
    needs_semgrep,
    scan,
)


def _rule_ids(rule_file: Path) -> list[str]:
    return [rule["id"] for rule in yaml.safe_load(rule_file.read_text(encoding="utf-8"))["rules"]]


def _describe(target: Path, lines: set[int]) -> str:
    text = target.read_text(encoding="utf-8").splitlines()
    return "; ".join(f"{n}: {text[n - 1].strip()}" for n in sorted(lines))


@needs_semgrep
@pytest.mark.parametrize("stem", list(TEST_FILES))
def test_annotations(stem: str) -> None:
    """Through the scan CLI auditkit uses: matches exactly on the `ruleid:` lines."""
    rule_file = RULES_DIR / f"{stem}.yaml"
    target = RULES_DIR / TEST_FILES[stem]
    result = scan([rule_file], [target], experimental=True, cwd=RULES_DIR)
    assert not result.errors
    wanted = annotations(target)
    rule_ids = _rule_ids(rule_file)
    assert {m.rule_id for m in result.matches} <= set(rule_ids)
    for rule_id in rule_ids:
        got = {m.line for m in result.matches if m.rule_id == rule_id}
        want = wanted.match.get(rule_id, set())
        assert not want - got, f"{rule_id} missed {_describe(target, want - got)}"
        assert not got - want, f"{rule_id} matched {_describe(target, got - want)}"


@needs_semgrep
def test_semgrep_test_runner_passes() -> None:
    """semgrep's own rule-test runner pairs every rule file with its test file and passes.

    (`semgrep --test --metrics=off --disable-version-check DIR`, the default CLI, passes too,
    but takes about 10 s: its results are compared in test_cli_equivalence.py instead.)
    """
    proc = subprocess.run(
        [str(SEMGREP), "test", "--experimental", "--json", "."],
        cwd=RULES_DIR, env=OFFLINE, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert proc.stdout, proc.stderr[-2000:]
    report: dict[str, Any] = json.loads(proc.stdout)
    assert not report.get("config_with_errors")
    assert not report.get("config_missing_tests")
    checks = {
        rule_id: check
        for result in report["results"].values()
        for rule_id, check in result["checks"].items()
    }
    every_rule = {
        rule_id for stem in TEST_FILES for rule_id in _rule_ids(RULES_DIR / f"{stem}.yaml")
    }
    assert set(checks) == every_rule
    assert not [rule_id for rule_id, check in checks.items() if not check["passed"]]


# Exact candidate texts (read at the reported byte offsets) that each test file must yield.
EXPECTED = {
    "python.py": [
        # longer text, SDK region forms (issue 12, classes 2 and 4)
        "transcript.example.com",
        "198.51.100.23:8443",
        "ap-southeast-2",
        "ap-southeast-1",
        "health.example.net",
        "escaped.example.com",
        "oss-cn-hangzhou",
        "oss-cn-beijing",
        "us-west-2a",
        "US",
        "asia",
        "https://typed.example.com/v1",
        "postgresql://settings.example.com:5432/app",
        "ap-northeast-2",
        "https://local.example.com",
        "https://api.example.com/v1/items?x=1",
        "jdbc:postgresql://db.example.de:5432/app",
        "mongodb+srv://cluster0.abcde.mongodb.net/test",
        "https://install.example.com/get.sh",
        "kafka-1.example.com:9092",
        "kafka-2.example.com:9092",
        "*.example.com",
        "[2001:db8::1]:443",
        "::ffff:192.0.2.1",
        "euw1-az3",
        "Switzerland North",
        "us-west-2",
        "orders.database.windows.net",
        "raw.example.com",
        "https://triple.example.com/path",
        "https://api.example.com/",
        ".s3.eu-central-1.amazonaws.com/key",
        "https://return.example.com",
        "https://fonts.example.com/css2?family=Inter:wght@400;600",
        "https://shop.example.com/cart",
        "https://one.example.com/a",
        "https://two.example.com/b",
        "https://semi.example.com/x",
        "https://first-attribute.example.com/v1",
        "https://after-docstring.example.com/v1",
    ],
    "go.go": [
        "transcript.example.com",
        "ap-southeast-2",
        "198.51.100.23",
        "US",
        "EU",
        "https://%s.api.example.com/items",
        "db.example.de:5432",
        "[2001:db8::10]:8443",
        "db.example.com",
        "https://raw.example.com/path",
        "UsEast1RegionID",
        "EuWest1RegionID",
    ],
    "java.java": [
        "transcript.example.com",
        "198.51.100.23",
        "US",
        "jdbc:sqlserver://orders.database.windows.net:1433",
        "fe80::1%eth0",
        "UK South",
        "tenant.example.com",
        "https://textblock.example.com/hook",
        "US_EAST_1",
        "EU_WEST_1",
        "US_GOV_WEST_1",
        "GovCloud",
    ],
    "shell.sh": [
        "https://api.example.com/v1",
        "eu-west-2",
        "s3://releases-bucket/app/",
        "us-east-1",
        "https://get.example.org/install.sh",
        "db.example.net",
        "europe-west3",
        "registry.example.com/app:1.2.3",
        "192.0.2.10",
    ],
    "dockerfile.dockerfile": [
        "registry.example.com/base/python:3.11",
        "https://api.example.com/v1",
        "eu-west-2",
        "mirror.example.net",
        "cache.example.org:6379",
        "https://deb.example.org/setup.sh",
        "https://pypi.example.com/simple",
        "upstream.example.com:9000",
        "https://github.com/example/app",
    ],
    "kotlin.kt": [
        "search.example.co.uk",
        "cache.example.net:6379",
        "UK South",
        "tenant.example.com",
        ".s3.eu-west-1.amazonaws.com/media",
        "https://raw.example.com/hook",
        "a.example.com",
        "US_EAST_1",
        "EU_WEST_1",
        "US_GOV_WEST_1",
    ],
    "javascript.js": [
        "transcript.example.com",
        "ap-southeast-2",
        "oss-cn-beijing",
        ".us-east-1.amazonaws.com",
        "US",
        "mongodb://db1.example.com:27017",
        "db2.example.com:27017/app",
        "North Europe",
        ".example.com/api",
        "https://api.example.com/",
        "ca-central-1",
    ],
    "typescript.ts": [
        "wss://stream.example.com/socket",
        "me-central-1",
        "transcript.example.com",
        "US",
    ],
    "terraform.tf": [
        "eu-west-1",
        "West Europe",
        "europe-west3",
        "us-east-1b",
        "nbg1",
        "US",
        "EU",
        "nam-eur-asia1",
        ".s3.us-west-2.amazonaws.com",
        ".example.com/api",
        "10.20.0.0/16",
        "ap-south-1",
        "https://bootstrap.example.com/install.sh",
    ],
    "json.json": ["cache.example.com", "swedencentral", ".example.com", "eu-west-3"],
    "yaml.test.yaml": [
        "search.example.com:9200",
        "2001:db8::42",
        "West Europe",
        "c.example.com",
        "e.example.com",
        "https://block.example.com/archive.tgz",
        ".execute-api.eu-west-1.amazonaws.com/prod",
        "https://second.example.com",
        "transcript.example.com",
        "ap-southeast-2",
        "folded.example.com",
    ],
    "dotenv.env": [
        "postgresql://app:secret@db.example.com:5432/app",
        "db.example.com:5432",
        "France Central",
        "kafka-2.example.com:9092",
        "us-west-1",
        "proxy.example.com",
        "https://key@o1.ingest.sentry.io/2",
    ],
    "properties.properties": [
        "jdbc:postgresql://db.example.com:5432/app",
        "cache.example.com",
        "cache.example.com:6379",
        "norwayeast",
        "kafka-2.example.com:9092",
        "0.0.0.0",
    ],
    # issue 12 class 5: file types read since
    "csharp.cs": [
        "https://api.example.com/v1",
        "db.example.com",
        "orders.database.windows.net",
        ".example.com/path",
        "ap-northeast-1",
    ],
    "ruby.rb": ["https://api.example.com/v1", "db.example.com", ".example.com/path", "us-west-1"],
    "php.php": ["https://api.example.com/v1", "db.example.com", ".example.com/path", "sa-east-1"],
    "html.html": [
        "https://fonts.googleapis.com/css2?family=Roboto&display=swap",
        "https://fonts.googleapis.com/css2?family=Inter:wght@400;600",
        "fonts.gstatic.com",
        "https://www.googletagmanager.com/gtag/js?id=G-XXXXXXX",
        "https://www.googletagmanager.com/gtm.js?id=",
        "https://fonts.googleapis.com/css?family=Lato",
        "https://images.example.com/logo.png",
        "cdn.example.com/pixel.gif",
        "https://www.youtube.com/embed/abc",
        "https://forms.example.com/submit",
        "static.example.com/bg.jpg",
        "https://badge.example.com/by-sa/88x31.png",
    ],
    "xml.xml": [
        "https://repo.example.com/maven2",
        "jdbc:postgresql://db.example.com:5432/app",
        "cache.example.com",
        "ap-southeast-1",
        "kafka-1.example.com:9092",
        "kafka-2.example.com:9092",
        "app.example.com",
        "198.51.100.7:5000",
        "https://logs.example.com/ingest",
    ],
    "toml.toml": [
        "https://api.example.com/v1",
        "db.example.com",
        "us-west-2",
        "kafka-1.example.com:9092",
        "kafka-2.example.com:9092",
        "10.0.0.12",
    ],
    "ini.ini": [
        "db.example.com",
        "https://api.example.com/v1",
        "10.0.0.5:8080",
        "app.example.com:8080",
        "http://backend",
        "203.0.113.10:80",
        "eu-central-1",
    ],
    "sql.sql": ["pg.example.com", "https://hooks.example.com/in", "203.0.113.9", "us-east-2"],
    "gradle.gradle": [
        "https://repo.example.com/releases",
        "https://jitpack.io",
        "sonar.example.com",
    ],
}

# Text that no candidate of the file may contain: comments, docstrings, keys, imports.
FORBIDDEN = {
    "python.py": [
        "us-west-1",
        "eu-west-2",
        "docs.example.com",
        "comment.example.com",
        "bare.example.com",
        "bare-string.example.com",
        "class-doc.example.com",
    ],
    "go.go": ["eu-west-2", "github.com", "comment.example.com", "block.example.com"],
    "java.java": ["eu-west-2", "comment.example.com", "docs.example.com", "org.postgresql"],
    "kotlin.kt": ["comment.example.com", "docs.example.com", "org.postgresql"],
    "shell.sh": [
        "comment.example.com",
        "eu-west-1",
        "deploy.log",
        "manage.py",
        "config.yaml",
    ],
    "dockerfile.dockerfile": [
        "comment.example.com",
        "eu-west-1",
        "requirements.txt",
        "python:3.11-slim",
        "org.opencontainers.image.source",
    ],
    "javascript.js": ["eu-west-2", "comment.example.com", "block.example.com", "key.example.com"],
    "typescript.ts": ["eu-west-2", "comment.example.com", "block.example.com", "key.example.com"],
    "terraform.tf": ["comment.example.com", "block.example.com", "main.tf"],
    "json.json": ["hosts.example.com", "package.json"],
    "yaml.test.yaml": ["eu-west-2", "comment.example.com", "key.example.com", "quoted.example.com"],
    "dotenv.env": ["comment.example.com", "inline.example.com", "commented.example.com"],
    "properties.properties": ["comment.example.com", "commented.example.com", "logback"],
    "csharp.cs": ["comment.example.com", "OrdersService"],
    "ruby.rb": ["comment.example.com", "block-comment.example.com"],
    "php.php": ["comment.example.com", "block.example.com"],
    "html.html": [
        *("meta.example.com", "canonical.example.com", "commented.example.com"),
        *("jinja-comment.example.com", "docs.example.com", "prose.example.com", "us-east-1"),
        *("static/", "Lato)", "license.example.com", "schema.example.com", "w3.example.com"),
        *("razor-comment", "erb-comment", "blade-comment"),
    ],
    "xml.xml": [
        *("maven.apache.org", "w3.org", "www.apache.org", "github.com", "prose.example.com"),
        *("commented.example.com", "springframework.org", "schemas.android.com"),
        *("org.example", "logstash", "MainActivity"),
    ],
    "toml.toml": ["comment.example.com", "trailing-comment.example.com", "tool.example"],
    "ini.ini": ["comment.example.com", "trailing-comment.example.com"],
    "sql.sql": ["comment.example.com", "public.users", "app.teams", "u.name"],
    "gradle.gradle": ["comment.example.com", "org.example", "org.springframework"],
}


def _texts(result: Scan, name: str) -> list[str]:
    return [m.text(RULES_DIR) for m in sorted(result.matches) if m.path == name]


@needs_semgrep
@pytest.mark.parametrize("name", list(TEST_FILES.values()))
def test_candidate_texts(experimental_scan: Scan, name: str) -> None:
    texts = _texts(experimental_scan, name)
    missing = [t for t in EXPECTED[name] if t not in texts]
    assert not missing, f"not extracted from {name}: {missing}; got {texts}"
    leaked = [t for t in texts if any(f in t for f in FORBIDDEN[name])]
    assert not leaked


@needs_semgrep
def test_every_match_is_one_clean_candidate(experimental_scan: Scan) -> None:
    """The byte range is the candidate itself: one line, no quotes, no surrounding blanks."""
    assert not experimental_scan.errors
    for m in experimental_scan.matches:
        text = m.text(RULES_DIR)
        assert text, m
        assert text == text.strip(), m
        assert "\n" not in text, m
        assert not set(text) & set("\"'`"), (m, text)
