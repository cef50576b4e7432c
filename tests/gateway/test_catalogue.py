"""The sink catalogue as data: complete, consistent, and the issue's families present."""

from __future__ import annotations

import pytest

from auditkit.analyzers._python_catalogue import python_catalogue
from auditkit.core.errors import RulesetError
from auditkit.sinks import SEMGREP_LANGUAGES, check_keys, load_sinks

STORES = {
    "postgres", "mysql", "sqlite", "sql", "mongodb", "redis", "cassandra", "elasticsearch",
    "s3", "dynamodb", "rds-data", "redshift", "athena", "kinesis", "sqs", "sns", "timestream",
    "neptune", "qldb", "cloudsearch", "gcs", "bigquery", "firestore", "spanner", "bigtable",
    "azure-blob", "cosmos", "azure-tables", "http-protected",
    # issue 14: object stores of every cloud, Spring Data repositories
    "aliyun-oss", "tencent-cos", "huawei-obs", "volcengine-tos", "baidu-bos", "qiniu-kodo",
    "minio", "spring-data", "repository",
    # issue 14: brokers and streams
    "kafka", "rabbitmq", "pulsar", "nats", "pubsub", "azure-servicebus", "azure-eventhubs",
    "azure-queue",
}  # fmt: skip
REPOSITORY_ROLES = (
    "gateway-repository",
    "gateway-repository-call",
    "gateway-repository-extends",
    "gateway-repository-field-call",
)


@pytest.mark.parametrize("language", SEMGREP_LANGUAGES)
def test_semgrep_sinks_are_well_formed(language: str) -> None:
    sinks = load_sinks(language)
    assert sinks
    for sink in sinks:
        assert sink.rule_id.startswith(f"gateway-{language}-")
        assert sink.store in STORES, sink
        assert sink.role in ("gateway-sink", "http-call", *REPOSITORY_ROLES)
        assert (sink.role == "http-call") == (sink.store == "http-protected")
        assert sink.description and sink.name
        # The one repository-call rule needs no callee: it matches on the receiver's type;
        # Kotlin's injected clients are matched by their declared types.
        assert sink.callees or sink.types or sink.role in REPOSITORY_ROLES[1:]
        assert sink.broker in (None, "producer", "consumer", "connection")


def test_python_stores_are_known_kinds() -> None:
    catalogue = python_catalogue()
    assert {s.store for s in catalogue.sinks.values()} <= STORES
    assert set(catalogue.aws_services.values()) <= STORES


def test_aws_data_and_control_plane_services_are_separate() -> None:
    catalogue = python_catalogue()
    for data in ("s3", "dynamodb", "rds-data", "kinesis", "firehose", "sqs", "sns"):
        assert data in catalogue.aws_services
    for control in ("sts", "iam", "batch", "acm", "route53", "cloudformation", "ec2"):
        assert control in catalogue.aws_control_plane
    assert not set(catalogue.aws_services) & catalogue.aws_control_plane


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("go", ["database/sql.Open", "github.com/jmoiron/sqlx.MustConnect", "gorm.io/gorm.Open",
                "github.com/jackc/pgx.Connect", "github.com/jackc/pgx/pgxpool.New",
                "github.com/redis/go-redis.NewClusterClient",
                "go.mongodb.org/mongo-driver/mongo.NewClient",
                "github.com/aws/aws-sdk-go/service/s3.New",
                "github.com/aws/aws-sdk-go-v2/service/dynamodb.NewFromConfig",
                "cloud.google.com/go/storage.NewClient", "net/http.NewRequest"]),
        ("java", ["java.sql.DriverManager.getConnection", "com.zaxxer.hikari.HikariDataSource",
                  "com.zaxxer.hikari.HikariConfig.setJdbcUrl",
                  "org.springframework.jdbc.core.JdbcTemplate", "redis.clients.jedis.Jedis",
                  "redis.clients.jedis.JedisPool", "io.lettuce.core.RedisClient.create",
                  "software.amazon.awssdk.services.s3.S3Client",
                  "com.google.cloud.storage.StorageOptions"]),
        ("javascript", ["pg.Pool", "pg.Client", "mysql2.createPool", "mongodb.MongoClient.connect",
                        "mongoose.connect", "redis.createClient", "ioredis.Redis",
                        "@aws-sdk/client-s3.S3Client", "@aws-sdk/client-dynamodb.DynamoDBClient",
                        "knex", "@prisma/client.PrismaClient", "sequelize.Sequelize",
                        "typeorm.DataSource", "fetch", "axios"]),
    ],
)  # fmt: skip
def test_issue_families_are_catalogued(language: str, names: list[str]) -> None:
    catalogued = {s.name for s in load_sinks(language)}
    assert not set(names) - catalogued


def test_unknown_catalogue_keys_are_errors() -> None:
    with pytest.raises(RulesetError, match="calss"):
        check_keys({"calss": []}, ("calls",), "sinks/python.toml")
