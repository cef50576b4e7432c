"""Brokers and streams: the policy's [gateway] brokers key decides which sides count, end to end
(real semgrep for Java and Go, libcst for Python), and its validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditkit.core.errors import PolicyError
from auditkit.core.policy import GatewayPolicy, parse_policy
from tests.functional.test_samples import run_cli
from tests.gateway.test_semgrep_rules import needs_semgrep

JAVA = """package com.example.events;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.kafka.core.KafkaTemplate;
class Events {
    private final KafkaTemplate<String, String> kafka;
    Events(KafkaTemplate<String, String> kafka) { this.kafka = kafka; }
    void publish(String payload) { kafka.send("orders", payload); }
    Object read(Properties props) { return new KafkaConsumer<String, String>(props); }
}
"""
GO = """package events

import (
	"github.com/nats-io/nats.go"
	"github.com/segmentio/kafka-go"
)

func open() {
	w := &kafka.Writer{Addr: kafka.TCP("broker:9092"), Topic: "orders"}
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"broker:9092"}})
	nc, _ := nats.Connect(nats.DefaultURL)
	_, _, _ = w, r, nc
}
"""
# A package of the project's own named like a broker client: never a sink.
GO_SAME_NAME = """package relay

import "example.com/internal/kafka"

func open() { _ = kafka.NewWriter("x") }
"""
PYTHON = """from kafka import KafkaConsumer, KafkaProducer


def publish(servers):
    producer = KafkaProducer(bootstrap_servers=servers)
    consumer = KafkaConsumer("orders", bootstrap_servers=servers)
    return producer, consumer
"""


def _tree(root: Path, brokers: str | None) -> Path:
    key = f"brokers = {brokers}\n" if brokers is not None else ""
    (root / "auditkit.toml").write_text(f'[gateway]\nname = "gw"\npaths = ["gateway/**"]\n{key}')
    files = {
        "svc/Events.java": JAVA,
        "svc/events.go": GO,
        "svc/relay/relay.go": GO_SAME_NAME,
        "svc/events.py": PYTHON,
        # The gateway itself publishes: exempt.
        "gateway/Events.java": JAVA.replace("com.example.events", "com.example.gateway"),
    }
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def _bypasses(tree: Path) -> set[tuple[str, int, str]]:
    proc = run_cli("scan", str(tree), "--format", "json", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr
    return {
        (f["location"]["path"], f["location"]["start_line"], f["evidence"].get("broker", "-"))
        for f in json.loads(proc.stdout)["findings"]
        if f["category"] == "gateway-bypass"
    }


PRODUCERS = {
    ("svc/Events.java", 8, "producer"),
    ("svc/events.go", 9, "producer"),
    ("svc/events.go", 11, "connection"),
    ("svc/events.py", 5, "producer"),
}
CONSUMERS = {
    ("svc/Events.java", 9, "consumer"),
    ("svc/events.go", 10, "consumer"),
    ("svc/events.py", 6, "consumer"),
}


@needs_semgrep
@pytest.mark.parametrize(
    ("brokers", "expected"),
    [
        (None, PRODUCERS),  # the default: producers (and connections) count
        ('["producer", "consumer"]', PRODUCERS | CONSUMERS),
        ('["consumer"]', CONSUMERS | {("svc/events.go", 11, "connection")}),
        ("[]", set()),
    ],
)
def test_the_brokers_key_decides_which_sides_count(
    tmp_path: Path, brokers: str | None, expected: set[tuple[str, int, str]]
) -> None:
    assert _bypasses(_tree(tmp_path, brokers)) == expected


def test_broker_roles() -> None:
    default = GatewayPolicy()
    assert default.counts_broker(None) and default.counts_broker("producer")
    assert default.counts_broker("connection") and not default.counts_broker("consumer")
    none = GatewayPolicy(brokers=())
    assert none.counts_broker(None) and not none.counts_broker("connection")


def test_brokers_values_are_checked_and_unknown_keys_stay_errors() -> None:
    with pytest.raises(PolicyError) as err:
        parse_policy({"gateway": {"brokers": ["producers"]}}, "p.toml", "")
    assert "gateway.brokers[0]" in str(err.value)
    with pytest.raises(PolicyError) as err:
        parse_policy({"gateway": {"broker": ["producer"]}}, "p.toml", "")
    assert "broker" in str(err.value)
    policy = parse_policy({"gateway": {"brokers": ["consumer", "producer"]}}, "p.toml", "")
    assert policy.gateway.brokers == ("consumer", "producer")
    assert parse_policy({}, "p.toml", "").gateway.brokers == ("producer",)
