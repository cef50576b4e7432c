"""Denied operators: data sent to an endpoint in an allowed place whose operator's legal home
``[jurisdiction] operators`` does not allow is a critical data-egress finding, named by its
operator; without the key nothing changes. Real libcst (Python) and real semgrep (JS, Java)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.flows.tree import scan_tree

CATEGORIES = """\
[data.categories]
phone_number = ["phone", "phone_number"]
"""
WITH_OPERATORS = '[jurisdiction]\nallowed = ["EU", "EEA"]\noperators = ["EU", "EEA"]\n' + CATEGORIES
WITHOUT_OPERATORS = '[jurisdiction]\nallowed = ["EU", "EEA"]\n' + CATEGORIES
# Alibaba Cloud Frankfurt: in Germany, run by Alibaba Group Holding Limited (CN).
ALIBABA = "https://oss-eu-central-1.aliyuncs.com/upload"
FILES = {
    "svc/send.py": f"""\
import requests

ALIBABA = "{ALIBABA}"
EU_RELAY = "https://api.eu.mailgun.net/v3"

def to_alibaba(u):
    requests.post(ALIBABA, data=u.phone)  # expect: critical

def to_eu_operator(u):
    requests.post(EU_RELAY, data=u.phone)

def not_personal(u):
    requests.post(ALIBABA, data=u.plan)
""",
    "web/send.js": f"""\
const ALIBABA = "{ALIBABA}";
const EU_RELAY = "https://api.eu.mailgun.net/v3";
async function send(user) {{
  await fetch(ALIBABA, {{ method: "POST", body: user.phone }}); // expect: critical
  await fetch(EU_RELAY, {{ method: "POST", body: user.phone }});
  await fetch(ALIBABA, {{ method: "POST", body: user.plan }});
}}
""",
    "svc/Send.java": f"""\
package x;

class Send {{
    static final String ALIBABA = "{ALIBABA}";
    static final String EU_RELAY = "https://api.eu.mailgun.net/v3";

    void send(User u) {{
        restTemplate.postForObject(ALIBABA, u.getPhone(), String.class); // expect: critical
        restTemplate.postForObject(EU_RELAY, u.getPhone(), String.class);
        restTemplate.postForObject(ALIBABA, u.getPlan(), String.class);
    }}
}}
""",
}
_EXPECT = re.compile(r"expect: (\w+)")


def _egress(root: Path, policy: str) -> list[dict[str, object]]:
    found = scan_tree(root, FILES, policy)["findings"]
    assert isinstance(found, list)
    return [f for f in found if f["category"] == "data-egress"]


def _at(finding: dict[str, object]) -> tuple[object, object]:
    location = finding["location"]
    assert isinstance(location, dict)
    return location["path"], location["start_line"]


def test_denied_operator_endpoint_is_critical_and_named(tmp_path: Path) -> None:
    findings = _egress(tmp_path, WITH_OPERATORS)
    expected = {
        (rel, n)
        for rel, text in FILES.items()
        for n, line in enumerate(text.splitlines(), start=1)
        if _EXPECT.search(line)
    }
    assert {_at(f) for f in findings} == expected
    for f in findings:
        assert f["rule_id"] == "data-egress.endpoint"
        assert f["severity"] == "critical"
        message = f["message"]
        assert isinstance(message, str)
        assert "operated by Alibaba Group Holding Limited (CN)" in message, message
        assert "oss-eu-central-1.aliyuncs.com" in message
        evidence = f["evidence"]
        assert isinstance(evidence, dict)
        assert evidence["operator"] == "Alibaba Group Holding Limited"
        assert evidence["operator_jurisdiction"] == "CN"
        assert evidence["vendor"] == "Alibaba Cloud"
        assert evidence["jurisdiction"] == "DE"
        assert evidence["data_category"] == "phone_number"


def test_without_operators_key_an_eu_place_is_no_finding(tmp_path: Path) -> None:
    assert _egress(tmp_path, WITHOUT_OPERATORS) == []


@pytest.mark.parametrize("policy", [WITH_OPERATORS, WITHOUT_OPERATORS])
def test_non_eu_endpoint_carries_operator_and_eu_alternative(tmp_path: Path, policy: str) -> None:
    """Like every endpoint finding, with or without [jurisdiction] operators."""
    files = {
        "svc/us.py": "import requests\n\ndef f(u):\n"
        '    requests.post("https://api.mailgun.net/v3", data=u.phone)\n'
    }
    found = scan_tree(tmp_path, files, policy)["findings"]
    assert isinstance(found, list)
    (finding,) = [f for f in found if f["category"] == "data-egress"]
    assert finding["severity"] == "critical"
    evidence = finding["evidence"]
    assert isinstance(evidence, dict)
    assert evidence["vendor"] == "Mailgun"
    assert evidence["operator"] == "Sinch AB (publ)"
    assert evidence["operator_jurisdiction"] == "SE"
    assert str(evidence["eu_alternative"]).startswith("api.eu.mailgun.net")
