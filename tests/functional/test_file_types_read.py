"""Issue 12, class 5, end to end (real semgrep, real files, run_scan): file types that hold
endpoints and were not read before (HTML templates, XML, TOML, INI/CFG/CONF, SQL, Gradle
Groovy, C#, Ruby, PHP). Each non-EU token is reported at its own line and column; comments,
namespace URIs, links and prose stay out; Markdown stays out by design."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditkit.core.model import Finding
from auditkit.core.policy import Policy
from auditkit.scan import ScanOptions, run_scan

HTML = """\
<!doctype html>
<html>
<head>
  <!-- <script src="https://old.example.cn/tag.js"></script> -->
  <link href="https://fonts.example.cn/css2?family=Roboto" rel="stylesheet">
  <link rel="preconnect" href="//static.example.cn">
  <link rel="canonical" href="https://canonical.example.cn/page">
  <script async src="https://tags.example.cn/gtag/js?id=G-1"></script>
  <script>
    j.src='https://tm.example.cn/gtm.js?id='+i;
  </script>
</head>
<body>
  {# <img src="https://jinja.example.cn/x.png"> #}
  <img src="https://img.example.cn/logo.png" alt="">
  <iframe src="https://video.example.cn/embed/1"></iframe>
  <a href="https://docs.example.cn/guide">guide</a>
  <p>Hosted in us-west-1, see https://prose.example.cn</p>
  <img src="https://img.example.de/eu.png">
  <div itemscope itemtype="https://schema.example.cn/WebPage"></div>
  <a href="https://license.example.cn/"><img src="https://badge.example.cn/88x31.png"></a>
</body>
</html>
"""

XML = """\
<?xml version="1.0"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
  xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <!-- <url>https://commented.example.cn</url> -->
  <licenses><license><url>https://license.example.cn/LICENSE</url></license></licenses>
  <repositories>
    <repository><id>corp</id><url>https://repo.example.cn/maven2</url></repository>
  </repositories>
  <properties><aws.region>ap-south-1</aws.region></properties>
  <bean class="net.logstash.logback.appender.LogstashTcpSocketAppender">
    <destination>logs.example.cn:5000</destination>
  </bean>
</project>
"""

TOML = """\
# endpoint = "https://comment.example.cn"
[service]
endpoint = "https://api.example.cn/v1" # not https://trailing.example.cn
region = "ap-east-1"
servers = [
  "10.0.0.1",
  "db.example.cn:5432",
]
"""

NGINX = """\
upstream backend {
    server api.example.cn:8080 weight=5;
    # server old.example.cn:8080;
}
server {
    location / { proxy_pass https://origin.example.cn; }
}
"""

HAPROXY = """\
backend web
    server web1 api2.example.cn:80 check
    ; server web2 old2.example.cn:80
"""

SETUP_CFG = """\
[storage]
region = sa-east-1 ; not me-south-1
"""

SQL = """\
-- INSERT INTO hosts VALUES ('comment.example.cn');
CREATE SERVER remote FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host 'pg.example.cn', port '5432', dbname 'app');
INSERT INTO webhooks (url) VALUES ('https://hooks.example.cn/in');
/* UPDATE x SET region = 'us-west-2'; */
SELECT u.name FROM public.users u;
"""

GRADLE = """\
// maven { url "https://comment.example.cn/maven" }
repositories {
    maven { url "https://repo.example.cn/releases" }
    maven { url = uri('https://jitpack.example.cn') }
}
"""

CSHARP = """\
class Endpoints
{
    // const string Old = "https://comment.example.cn";
    const string Api = "https://api.example.cn/v1";
    string conn = "Server=tcp:orders.example.cn,1433;Database=app";
    string region = "cn-north-1";
}
"""

RUBY = """\
# API = "https://comment.example.cn"
API = "https://api.example.cn/v1"
Aws.config.update(region: 'us-west-1')
"""

# field test (lobsters lib/tasks/update_banned_url_shorteners.rake:8): Rake tasks are Ruby
RAKE = """\
task update: :environment do
  # url = "https://comment.example.cn/list.txt"
  url = "https://raw.example.cn/link-shorteners.txt"
end
"""

PHP = """\
<?php
// $old = "https://comment.example.cn";
$api = 'https://api.example.cn/v1';
$s3 = new S3Client(['region' => 'sa-east-1']);
"""

MARKDOWN = "Deploy to https://prose.example.cn in us-east-1.\n"

# (file, text, [(line, token)]): every non-EU token, where it stands
FILES = [
    (
        "templates/base.html",
        HTML,
        [
            (5, "https://fonts.example.cn/css2?family=Roboto"),
            (6, "static.example.cn"),
            (8, "https://tags.example.cn/gtag/js?id=G-1"),
            (10, "https://tm.example.cn/gtm.js?id="),
            (15, "https://img.example.cn/logo.png"),
            (16, "https://video.example.cn/embed/1"),
            # field test (djangoproject.com conduct/base.html:31): an image inside a link
            (21, "https://badge.example.cn/88x31.png"),
        ],
    ),
    (
        "pom.xml",
        XML,
        [
            (7, "https://repo.example.cn/maven2"),
            (9, "ap-south-1"),
            (11, "logs.example.cn:5000"),
        ],
    ),
    (
        "config.toml",
        TOML,
        [(3, "https://api.example.cn/v1"), (4, "ap-east-1"), (7, "db.example.cn:5432")],
    ),
    ("deploy/nginx.conf", NGINX, [(2, "api.example.cn:8080"), (6, "https://origin.example.cn")]),
    ("deploy/haproxy.cfg", HAPROXY, [(2, "api2.example.cn:80")]),
    ("setup.cfg", SETUP_CFG, [(2, "sa-east-1")]),
    ("db/seed.sql", SQL, [(3, "pg.example.cn"), (4, "https://hooks.example.cn/in")]),
    (
        "build.gradle",
        GRADLE,
        [(3, "https://repo.example.cn/releases"), (4, "https://jitpack.example.cn")],
    ),
    (
        "Endpoints.cs",
        CSHARP,
        [(4, "https://api.example.cn/v1"), (5, "orders.example.cn"), (6, "cn-north-1")],
    ),
    ("app.rb", RUBY, [(2, "https://api.example.cn/v1"), (3, "us-west-1")]),
    ("lib/tasks/update.rake", RAKE, [(3, "https://raw.example.cn/link-shorteners.txt")]),
    ("app.php", PHP, [(3, "https://api.example.cn/v1"), (4, "sa-east-1")]),
]


def _where(text: str, line: int, token: str) -> tuple[int, int, int, int]:
    """The exact 1-based location of ``token`` on ``line`` of ``text``."""
    column = text.splitlines()[line - 1].index(token) + 1
    return line, column, line, column + len(token)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Finding], list[str]]:
    root = tmp_path_factory.mktemp("types")
    every = {name: text for name, text, _ in FILES} | {"docs/guide.md": MARKDOWN}
    for name, text in every.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = run_scan(root, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    assert not result.coverage.engine_issues
    findings = [f for f in result.findings if f.rule_id.startswith("endpoint.")]
    not_scanned = [s.path for s in result.coverage.files_skipped]
    return findings, not_scanned


@pytest.mark.parametrize("name", [name for name, _, _ in FILES])
def test_each_token_at_its_own_line_and_column(
    scanned: tuple[list[Finding], list[str]], name: str
) -> None:
    text, wanted = next((t, w) for n, t, w in FILES if n == name)
    found = {
        (f.location.start_line, f.location.start_column, f.location.end_line, f.location.end_column)
        for f in scanned[0]
        if f.location.path == name and f.category.value == "non-eu-endpoint"
    }
    assert found == {_where(text, line, token) for line, token in wanted}


def test_exact_positions_spelled_out(scanned: tuple[list[Finding], list[str]]) -> None:
    where = {
        (f.location.path, f.location.start_line, f.location.start_column, f.location.end_column)
        for f in scanned[0]
    }
    assert ("templates/base.html", 5, 15, 58) in where  # <link href="https://fonts...">
    assert ("deploy/nginx.conf", 2, 12, 31) in where  # server api.example.cn:8080
    assert ("db/seed.sql", 3, 18, 31) in where  # OPTIONS (host 'pg.example.cn'


def test_comments_links_namespaces_and_prose_stay_out(
    scanned: tuple[list[Finding], list[str]],
) -> None:
    endpoints = " ".join(str(f.evidence_dict.get("endpoint")) for f in scanned[0])
    for quiet in (
        *("old.example.cn", "canonical.example.cn", "jinja.example.cn", "docs.example.cn"),
        *("license.example.cn", "schema.example.cn"),
        *("prose.example.cn", "us-west-2", "maven.apache.org", "commented.example.cn"),
        *("license.example.cn", "logstash", "comment.example.cn", "trailing.example.cn"),
        *("old2.example.cn", "me-south-1", "public.users"),
    ):
        assert quiet not in endpoints, quiet
    # the EU image is an endpoint too, but not a non-EU one
    assert not [f for f in scanned[0] if "img.example.de" in str(f.evidence_dict.get("endpoint"))
                and f.category.value == "non-eu-endpoint"]  # fmt: skip


def test_markdown_stays_out_and_is_listed(scanned: tuple[list[Finding], list[str]]) -> None:
    assert "docs/guide.md" in scanned[1]
    assert not [f for f in scanned[0] if f.location.path == "docs/guide.md"]


def test_policy_file_in_the_tree_is_not_scanned(tmp_path: Path) -> None:
    """auditkit.toml (TOML, now read) lists hosts as policy entries, not connections."""
    (tmp_path / "auditkit.toml").write_text(
        '[jurisdiction]\ndeny_hosts = ["api.example.cn"]\nallow_hosts = ["*.example.cn"]\n'
    )
    (tmp_path / "app.toml").write_text('url = "https://api.example.cn"\n')
    result = run_scan(tmp_path, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    paths = {f.location.path for f in result.findings}
    assert paths == {"app.toml"}
    assert "auditkit.toml" in {s.path for s in result.coverage.files_skipped}


def test_file_names_with_a_middle_part_are_not_hosts(tmp_path: Path) -> None:
    """Field test (getsentry/self-hosted install/*.sh): "sentry.conf.py" was reported as a
    non-EU host (.py is Paraguay's TLD); a file name with a conventional middle part is not."""
    (tmp_path / "install.sh").write_text(
        'echo "to modify your sentry.conf.py file"\n'
        "cp jquery.min.js index.d.ts compose.override.yml out/\n"
        "curl -fsS https://api.example.cn/v1\n"
    )
    result = run_scan(tmp_path, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    endpoints = [f for f in result.findings if f.rule_id.startswith("endpoint.")]
    assert [(f.location.start_line, f.location.start_column) for f in endpoints] == [(3, 11)]
