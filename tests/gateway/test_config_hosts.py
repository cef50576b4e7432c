"""Issue 14 item 5: protected hosts configured in Spring, .NET and .env files outside the
gateway are bypasses at the config line and the host's column; inside the gateway, in a
comment, or for a host the policy does not protect, they are not."""

from __future__ import annotations

import json
from pathlib import Path

from auditkit.config_hosts import protected_references
from auditkit.protected import url_host
from tests.functional.test_samples import run_cli

PROTECTED = (
    "orders-db.internal",
    "orders-redis",
    "user-data.svc.cluster.local",
    "*.mongo.internal",
)

APPLICATION_YML = """\
# orders-db.internal is the primary; spring.redis.host: orders-redis
spring:
  application:
    name: orders-redis
  datasource:
    url: jdbc:postgresql://orders-db.internal:5432/orders
  data:
    redis:
      host: orders-redis  # the cache
    mongodb:
      uri: mongodb://app:secret@orders.mongo.internal:27017/orders
  redis:
    host: other-redis
"""

APPLICATION_PROPERTIES = """\
# spring.redis.host=orders-redis
! spring.datasource.url=jdbc:oracle:thin:@orders-db.internal:1521:ORCL
spring.datasource.url=jdbc:oracle:thin:@orders-db.internal:1521:ORCL
spring.redis.host=orders-redis
spring.datasource.url2=jdbc:sqlserver://user-data.svc.cluster.local:1433;databaseName=u
spring.r2dbc.url=r2dbc:pool:postgresql://orders-db.internal/orders
app.cache-name=orders-redis
"""

APPSETTINGS = """\
{
  // "Redis": "orders-redis:6379"
  "ConnectionStrings": {
    "Orders": "Server=orders-db.internal;Database=orders;User Id=app;Password=x;",
    "Redis": "orders-redis:6379,password=x,ssl=True",
    "Other": "Server=reports-db;Database=r"
  }
}
"""

DOTENV = """\
# REDIS_HOST=orders-redis
DATABASE_URL=postgres://user:pw@orders-db.internal/db
export REDIS_HOST=orders-redis
QUEUE_NAME=orders-redis
"""


def _refs(text: str, language: str) -> list[tuple[int, int, str]]:
    return [(r.line, r.column, r.host) for r in protected_references(text, language, PROTECTED)]


def test_wrapped_and_oracle_jdbc_urls_have_a_host() -> None:
    # Before: urlsplit read "jdbc" as the scheme and found no host in any JDBC URL.
    assert url_host("jdbc:postgresql://orders-db.internal:5432/orders") == "orders-db.internal"
    assert url_host("jdbc:oracle:thin:@orders-db.internal:1521:ORCL") == "orders-db.internal"
    assert url_host("jdbc:oracle:thin:@//db.example.com:1521/svc") == "db.example.com"
    assert url_host("r2dbc:pool:postgresql://pg/orders") == "pg"
    assert url_host("https://api.example.com/x") == "api.example.com"


def test_yaml_settings_name_hosts_by_key_or_url() -> None:
    assert _refs(APPLICATION_YML, "yaml") == [
        (6, 28, "orders-db.internal"),
        (9, 13, "orders-redis"),
        (11, 33, "orders.mongo.internal"),
    ]


def test_properties_jdbc_oracle_sqlserver_r2dbc_and_bare_hosts() -> None:
    # comments ('#', '!') and a protected name under a key that names no host are not read
    assert _refs(APPLICATION_PROPERTIES, "properties") == [
        (3, 41, "orders-db.internal"),
        (4, 19, "orders-redis"),
        (5, 41, "user-data.svc.cluster.local"),
        (6, 42, "orders-db.internal"),
    ]


def test_appsettings_connection_strings() -> None:
    assert _refs(APPSETTINGS, "json") == [(4, 23, "orders-db.internal"), (5, 15, "orders-redis")]


def test_dotenv_urls_with_credentials_and_bare_hosts() -> None:
    assert _refs(DOTENV, "dotenv") == [(2, 33, "orders-db.internal"), (3, 19, "orders-redis")]


def _scan(tree: Path) -> set[tuple[str, int, int, str]]:
    proc = run_cli("scan", str(tree), "--format", "json", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr
    return {
        (
            f["location"]["path"],
            f["location"]["start_line"],
            f["location"]["start_column"],
            f["evidence"]["host"],
        )
        for f in json.loads(proc.stdout)["findings"]
        if f["rule_id"] == "gateway.protected-host"
    }


def test_config_outside_the_gateway_is_a_bypass_and_inside_it_is_not(tmp_path: Path) -> None:
    hosts = ", ".join(f'"{h}"' for h in PROTECTED)
    (tmp_path / "auditkit.toml").write_text(
        f'[gateway]\nname = "data-gateway"\npaths = ["gateway/**"]\nprotected_hosts = [{hosts}]\n'
    )
    for component in ("orders", "gateway"):
        resources = tmp_path / component / "src/main/resources"
        resources.mkdir(parents=True)
        (resources / "application.yml").write_text(APPLICATION_YML)
        (resources / "application.properties").write_text(APPLICATION_PROPERTIES)
        (tmp_path / component / "appsettings.json").write_text(APPSETTINGS)
        (tmp_path / component / ".env").write_text(DOTENV)
    res = "orders/src/main/resources"
    assert _scan(tmp_path) == {
        (f"{res}/application.yml", 6, 28, "orders-db.internal"),
        (f"{res}/application.yml", 9, 13, "orders-redis"),
        (f"{res}/application.yml", 11, 33, "orders.mongo.internal"),
        (f"{res}/application.properties", 3, 41, "orders-db.internal"),
        (f"{res}/application.properties", 4, 19, "orders-redis"),
        (f"{res}/application.properties", 5, 41, "user-data.svc.cluster.local"),
        (f"{res}/application.properties", 6, 42, "orders-db.internal"),
        ("orders/appsettings.json", 4, 23, "orders-db.internal"),
        ("orders/appsettings.json", 5, 15, "orders-redis"),
        ("orders/.env", 2, 33, "orders-db.internal"),
        ("orders/.env", 3, 19, "orders-redis"),
    }


def test_compose_image_tags_are_not_host_and_port(tmp_path: Path) -> None:
    # Field fix (sqshq/piggymetrics docker-compose.yml:4, `image: rabbitmq:3-management` was
    # reported as the protected host rabbitmq): an image reference is pulled, not connected to,
    # and a port ends its list element. The service's broker host setting is still found.
    (tmp_path / "auditkit.toml").write_text(
        '[gateway]\nname = "repositories"\npaths = ["*/src/main/java/**/repository/**"]\n'
        'protected_hosts = ["rabbitmq", "redis"]\n'
    )
    (tmp_path / "docker-compose.yml").write_text(
        "version: '2.1'\n"
        "services:\n"
        "  rabbitmq:\n"
        "    image: rabbitmq:3-management\n"
        "  cache:\n"
        "    image: redis:7\n"
        "  app:\n"
        "    environment:\n"
        "      - CACHE=redis:6379\n"
    )
    shared = tmp_path / "config/src/main/resources/shared"
    shared.mkdir(parents=True)
    (shared / "application.yml").write_text("spring:\n  rabbitmq:\n    host: rabbitmq\n")
    assert _scan(tmp_path) == {
        ("docker-compose.yml", 9, 15, "redis"),
        ("config/src/main/resources/shared/application.yml", 3, 11, "rabbitmq"),
    }
