"""Issue 12, classes 2, 4 and 6, end to end (real semgrep, real files, run_scan):

2. endpoints inside longer text (multi-line literals, text blocks, template literals, raw
   strings, YAML block scalars, commands and transcripts built as strings), each reported at
   the token's own line and column; comments and docstrings stay out;
4. region ids in the forms SDKs use (oss-cn-hangzhou, f-string and template heads and tails,
   location="US", zones, ARNs);
6. endpoint-shaped data (a visitor IP in a payload, CIDR allow-lists, address-parser operands,
   browser versions, SVG paths): never a high finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditkit.core.model import Finding
from auditkit.core.policy import Policy
from auditkit.scan import ScanOptions, run_scan

PYTHON = '''\
import requests


def build():
    """A docstring example is documentation:

    Host: docs.example.cn
    --region us-west-1
    """
    transcript = """POST /v1/events HTTP/1.1
Host: transcript.example.cn
X-Upstream: 8.8.4.4:8443
deployed to us-east-2 last year
"""
    sql = """
        SELECT id FROM servers
        WHERE region = 'ap-northeast-1'
    """
    cmd = "aws s3 sync dist s3://site --region ap-southeast-1"
    probe = "curl -fsS health.example.cn"
    one_line = "GET / HTTP/1.1\\r\\nHost: escaped.example.cn\\r\\n\\r\\n"
    # a comment: Host: comment.example.cn --region us-west-2
    return transcript, sql, cmd, probe, one_line
'''

JAVA = '''\
class Payloads {
    String body = """
        POST /v1 HTTP/1.1
        Host: block.example.cn
        --region sa-east-1
        """;
}
'''

GO = """\
package payloads

var body = `POST /v1 HTTP/1.1
Host: raw.example.cn
  --region ca-central-1
`
"""

TYPESCRIPT = """\
export const request = `POST /v1 HTTP/1.1
Host: template.example.cn
region: af-south-1
`;
"""

YAML = """\
job:
  script: |
    server literal.example.cn
    --region me-south-1
  note: >
    Host: folded.example.cn
"""

# (file, text, [(line, token, endpoint in the evidence)]): every non-EU token, where it stands
LONGER_TEXT = [
    (
        "app.py",
        PYTHON,
        [
            (11, "transcript.example.cn", "transcript.example.cn"),
            (12, "8.8.4.4:8443", "8.8.4.4:8443"),
            (17, "ap-northeast-1", "ap-northeast-1"),
            (19, "ap-southeast-1", "ap-southeast-1"),
            (20, "health.example.cn", "health.example.cn"),
            (21, "escaped.example.cn", "escaped.example.cn"),
        ],
    ),
    ("Payloads.java", JAVA, [(4, "block.example.cn", None), (5, "sa-east-1", None)]),
    ("payloads.go", GO, [(4, "raw.example.cn", None), (5, "ca-central-1", None)]),
    ("request.ts", TYPESCRIPT, [(2, "template.example.cn", None), (3, "af-south-1", None)]),
    (
        "ci.yaml",
        YAML,
        [(3, "literal.example.cn", None), (4, "me-south-1", None), (6, "folded.example.cn", None)],
    ),
]


def _scan(tmp_path: Path, files: dict[str, str]) -> list[Finding]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = run_scan(tmp_path, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    assert not result.coverage.engine_issues
    return [f for f in result.findings if f.rule_id.startswith("endpoint.")]


def _where(text: str, line: int, token: str) -> tuple[int, int, int, int]:
    """The exact 1-based location of ``token`` on ``line`` of ``text``."""
    column = text.splitlines()[line - 1].index(token) + 1
    return line, column, line, column + len(token)


def _locations(findings: list[Finding], name: str) -> dict[tuple[int, int, int, int], Finding]:
    out = {}
    for f in findings:
        if f.location.path == name:
            loc = f.location
            out[(loc.start_line, loc.start_column, loc.end_line, loc.end_column)] = f
    return out


@pytest.fixture(scope="module")
def longer_text(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    root = tmp_path_factory.mktemp("longer")
    return _scan(root, {name: text for name, text, _ in LONGER_TEXT})


@pytest.mark.parametrize("name", [name for name, _, _ in LONGER_TEXT])
def test_each_token_at_its_own_line_and_column(longer_text: list[Finding], name: str) -> None:
    text, wanted = next((t, w) for n, t, w in LONGER_TEXT if n == name)
    non_eu = [f for f in longer_text if f.category.value == "non-eu-endpoint"]
    found = _locations(non_eu, name)
    expected = {_where(text, line, token): endpoint for line, token, endpoint in wanted}
    assert set(found) == set(expected), (name, sorted(found))
    for where, endpoint in expected.items():
        finding = found[where]
        assert finding.category.value == "non-eu-endpoint"
        if endpoint is not None:
            assert finding.evidence_dict["endpoint"] == endpoint


def test_exact_positions_spelled_out(longer_text: list[Finding]) -> None:
    """The same facts without the helper: line, first and last column of two tokens."""
    found = _locations(longer_text, "app.py")
    assert (11, 7, 11, 28) in found  # Host: transcript.example.cn
    assert (19, 48, 19, 62) in found  # --region ap-southeast-1
    assert found[(19, 48, 19, 62)].severity.value == "high"


def test_docstrings_comments_and_prose_stay_out(longer_text: list[Finding]) -> None:
    endpoints = {str(f.evidence_dict["endpoint"]) for f in longer_text}
    assert not {"docs.example.cn", "us-west-1", "comment.example.cn", "us-west-2"} & endpoints
    assert "us-east-2" not in endpoints  # "deployed to us-east-2 last year" is prose


# ---------------------------------------------------------------------- class 4: SDK forms

REGIONS_PY = """\
import oss2
from google.cloud import bigquery

bucket = oss2.Bucket(auth, endpoint, "media", region="oss-cn-hangzhou")
ENDPOINT = f"oss-cn-beijing-{suffix}.aliyuncs.com"
MEDIA = f"https://{bucket}.s3.us-east-1.amazonaws.com/key"
OSS_IN = "oss-ap-south-1"
bq = bigquery.Client(location="US")
bq_eu = bigquery.Client(location="EU")
ZONES = ["us-west-2a", "us-central1-b", "cn-north-4a", "eastus2-az1"]
ARN = "arn:aws:sqs:us-west-2:123456789012:orders"
LABEL = "US"
"""

REGIONS_TS = """\
const s3Host = `s3.${x}.us-east-1.amazonaws.com`;
const ossHost = `https://${bucket}.oss-cn-shanghai.aliyuncs.com/x`;
const head = `oss-cn-shenzhen-${suffix}`;
const bq = new BigQuery({ location: "US" });
"""

BUCKET_TF = """\
resource "google_storage_bucket" "us" {
  name     = "media-us"
  location = "US"
}
resource "google_storage_bucket" "eu" {
  name     = "media-eu"
  location = "EU"
}
"""

SDK_FORMS = {
    "regions.py": (
        REGIONS_PY,
        [
            (4, "oss-cn-hangzhou", "cn-hangzhou"),
            (5, "oss-cn-beijing", "cn-beijing"),
            (6, ".s3.us-east-1.amazonaws.com/key", "us-east-1"),
            (7, "oss-ap-south-1", "ap-south-1"),
            (8, "US", "us"),
            (10, "us-west-2a", "us-west-2"),
            (10, "us-central1-b", "us-central1"),
            (10, "cn-north-4a", "cn-north-4"),
            (10, "eastus2-az1", "eastus2"),
            (11, "us-west-2", "us-west-2"),
        ],
    ),
    "regions.ts": (
        REGIONS_TS,
        [
            (1, ".us-east-1.amazonaws.com", "us-east-1"),
            (2, ".oss-cn-shanghai.aliyuncs.com/x", "cn-shanghai"),
            (3, "oss-cn-shenzhen", "cn-shenzhen"),
            (4, "US", "us"),
        ],
    ),
    "bucket.tf": (BUCKET_TF, [(3, "US", "us")]),
}


@pytest.fixture(scope="module")
def sdk_forms(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    root = tmp_path_factory.mktemp("sdk")
    return _scan(root, {name: text for name, (text, _) in SDK_FORMS.items()})


@pytest.mark.parametrize("name", list(SDK_FORMS))
def test_sdk_region_forms(sdk_forms: list[Finding], name: str) -> None:
    text, wanted = SDK_FORMS[name]
    found = _locations(sdk_forms, name)
    expected = {_where(text, line, token): region for line, token, region in wanted}
    assert set(found) == set(expected), (name, sorted(found))
    for where, region in expected.items():
        finding = found[where]
        assert finding.rule_id == "endpoint.non-eu", finding
        assert finding.severity.value == "high"
        assert finding.evidence_dict["region"] == region
        assert finding.evidence_dict["basis"] == "cloud-region"


# ---------------------------------------------------------------------- class 6: data

DATA_PY = """\
import ipaddress

SAMPLE_EVENT = {
    "ip": "185.211.32.242",
    "client_ip": "8.8.8.8",
    "server": "8.8.4.4",
}
ALLOW = ["185.0.0.0/16", "10.0.0.0/8", "8.8.8.0/24"]
UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0"
browser_version = "124.0.0.0"
ICON = "M10,20.5.3.1,5L3,4z"
addr = ipaddress.ip_address("8.8.8.8")
"""

WEBHOOK_JSON = """\
{
  "event": "visit",
  "ip": "185.211.32.242",
  "remoteAddr": "8.8.8.8",
  "callback": "https://hooks.example.cn/visit"
}
"""


@pytest.fixture(scope="module")
def data_values(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    root = tmp_path_factory.mktemp("data")
    return _scan(
        root,
        {
            "hook.py": DATA_PY,
            "payloads/webhook.json": WEBHOOK_JSON,
            "fixtures/ev.json": WEBHOOK_JSON,
        },
    )


def test_data_values_never_high(data_values: list[Finding]) -> None:
    found = _locations(data_values, "hook.py")
    info = {
        _where(DATA_PY, 4, "185.211.32.242"): "peer",
        _where(DATA_PY, 5, "8.8.8.8"): "peer",
        _where(DATA_PY, 8, "8.8.8.0/24"): "CIDR",
        _where(DATA_PY, 12, "8.8.8.8"): "parser",
    }
    target = _where(DATA_PY, 6, "8.8.4.4")  # "server": a connection target stays high
    assert set(found) == {*info, target}, sorted(found)
    assert found[target].severity.value == "high"
    for where, word in info.items():
        assert found[where].severity.value == "info", found[where]
        assert word in str(found[where].evidence_dict["context"]) or word == "peer"
        assert found[where].category.value == "non-eu-endpoint"  # still says what it is


def test_sample_payload_json(data_values: list[Finding]) -> None:
    found = _locations(data_values, "payloads/webhook.json")
    ip = found[_where(WEBHOOK_JSON, 3, "185.211.32.242")]
    remote = found[_where(WEBHOOK_JSON, 4, "8.8.8.8")]
    hook = found[_where(WEBHOOK_JSON, 5, "https://hooks.example.cn/visit")]
    assert ip.severity.value == "info" and remote.severity.value == "info"
    assert hook.severity.value == "medium"  # the callback is a target
    # in a fixtures folder everything is test data: info, kept for the inventory
    fixture = _locations(data_values, "fixtures/ev.json")
    assert fixture and all(f.severity.value == "info" for f in fixture.values())


IMAGE_FILES = {
    "Dockerfile": "FROM --platform=linux/amd64 ghcr.io/acme/base:1.2\nRUN curl -s https://api.github.com/repos/acme/x\n",
    "docker-compose.yml": (
        "services:\n  app:\n    image: ghcr.io/acme/app:latest\n"
        "    environment:\n      UPDATE_URL: https://ghcr.io/v2/acme/app/tags/list\n"
    ),
    "k8s/deploy.json": '{"spec": {"containers": [{"image": "ghcr.io/acme/app:2.0"}]}}\n',
}


def test_container_image_references_are_inventory(tmp_path: Path) -> None:
    """An image pulled from a US registry (FROM, `image:`) receives no application data: info
    with the reason; a URL of the same registry called by the code stays a finding."""
    found = {(f.location.path, f.location.start_line): f for f in _scan(tmp_path, IMAGE_FILES)}
    for where in [("Dockerfile", 1), ("docker-compose.yml", 3), ("k8s/deploy.json", 1)]:
        assert found[where].severity.value == "info", found[where]
        assert "container image reference" in str(found[where].evidence_dict["context"])
    assert found[("Dockerfile", 2)].severity.value == "high"
    assert found[("docker-compose.yml", 5)].severity.value == "high"
