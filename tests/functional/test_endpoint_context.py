"""Field test f13, end to end (real semgrep, real files, run_scan): the context of a literal
decides what it means or whether it is an endpoint at all.

1. Terraform: a region inside a provider "X" block, or a resource/data block of type X_..., is
   read with provider X only, whatever else the file configures; variables keep the file's
   hints.
2. Key names: S3_REGION, AWS_REGION, AI_AWS_REGION, s3Region name the service of the value.
3. Not endpoints: a code in no cloud's table under a key that names no place (runId), API
   groups (group:, apiGroup:, apiVersion:), annotation keys quoted in a script, dotted code
   paths ending in .to / .info, e-mail domain lists.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditkit.core.model import Finding
from auditkit.core.policy import Policy
from auditkit.scan import ScanOptions, run_scan

# /tmp/f13/mini3/main.tf, and the same file with a variable and typed blocks
TWO_PROVIDERS_TF = """\
provider "aws" {
  region = "eu-central-1"
}

provider "alicloud" {
  region = "eu-west-1"
}

variable "region" {
  default = "eu-west-1"
}

resource "alicloud_oss_bucket" "b" {
  # a brace in a comment { and in a string "}" do not end the block
  bucket = "b-{x}"
  region = "eu-west-1"
}

data "aws_s3_bucket" "d" {
  region = "eu-west-1"
}

locals {
  where = "ap-southeast-1"
}
"""

KEYS_TS = """\
process.env.S3_REGION = "eu-west-1";
const config = { s3Region: "us-east-1" };
const region = "eu-west-1";
const LAWS_REGION = "eu-west-1";
const COSMOS_REGION = "eu-west-1";
"""

KEYS_ENV = """\
S3_REGION=us-east-1
REGION=eu-west-1
"""

WORKFLOW_YML = """\
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - run: |
          helm template --set hub.embeddingBackfill.runId=eu-canary-001 .
          grep -q 'argocd.argoproj.io/sync-wave: "-1"' out/default.yaml
          echo eu-canary-001
          export DEPLOY_REGION=eu-canary-002
        env:
          S3_REGION: us-east-1
          AI_AWS_REGION: "us-east-1"
          STORAGE_REGION: "us-east-1"
"""

GATEWAY_YAML = """\
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
spec:
  parentRefs:
    - group: gateway.networking.k8s.io
      kind: Gateway
  targetRef:
    apiGroup: cert-manager.io
    group: gateway.envoyproxy.io
  backend:
    host: gateway.envoyproxy.io
rules:
  - apiGroups:
      - gateway.networking.k8s.io
      # a comment between items
      - "cert-manager.io"
    resources: ["*"]
hosts:
  - gateway.envoyproxy.io
blocked:
- mail.example.cn
email_domains:
- yandex.ru
"""

CODE_PATHS_TS = """\
const FIELD = "definition.nodes.config.to";
expect(focus(problem("nodes.0.config.to"))).toBeNull();
const icon = icons.get("misc.info");
const SHORT = "https://example.to/x";
const INFO = "https://misc.info/api";
const CN = "api.example.cn";
const ANNOTATION = "sidecar.istio.io/inject: true";
const DB = "db.example.cn:5432";
"""

EMAIL_TS = """\
export const PERSONAL_EMAIL_DOMAINS: readonly string[] = [
  // Yahoo
  "yahoo.co.uk",
  "yandex.ru",
];
const user = { emailDomain: "mail.ru" };
const MIRRORS = [
  "mirror.yandex.ru",
];
const SMTP_HOST = "smtp.yandex.ru";
"""

CHECK_SH = """\
grep -q 'sidecar.istio.io/inject: "true"' out.yaml
grep "image: registry.example.cn/acme/app:" out.yaml
"""

FILES = {
    "deploy/check.sh": CHECK_SH,
    "infra/main.tf": TWO_PROVIDERS_TF,
    "web/keys.ts": KEYS_TS,
    ".env": KEYS_ENV,
    ".github/workflows/check.yml": WORKFLOW_YML,
    "charts/gateway.yaml": GATEWAY_YAML,
    "web/paths.ts": CODE_PATHS_TS,
    "web/email.ts": EMAIL_TS,
}

Seen = dict[tuple[str, int], list[tuple[str, str | None, str | None, str]]]


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> Seen:
    root = tmp_path_factory.mktemp("context")
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = run_scan(root, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    assert not result.coverage.engine_issues
    out: Seen = {}
    for f in result.findings:
        if f.rule_id.startswith("endpoint."):
            out.setdefault((f.location.path, f.location.start_line), []).append(_brief(f))
    return out


def _brief(f: Finding) -> tuple[str, str | None, str | None, str]:
    e = f.evidence_dict
    return (str(e["endpoint"]), e.get("provider"), e.get("jurisdiction"), f.category.value)


# ---------------------------------------------------------------------- 1. Terraform scope


def test_terraform_region_means_the_provider_of_its_block(seen: Seen) -> None:
    tf = "infra/main.tf"
    # AWS eu-central-1 (Frankfurt) is allowed: no finding; Alibaba eu-west-1 is London
    assert (tf, 2) not in seen
    assert seen[(tf, 6)] == [("eu-west-1", "alibaba", "GB", "non-eu-endpoint")]
    assert seen[(tf, 16)] == [("eu-west-1", "alibaba", "GB", "non-eu-endpoint")]
    # a data block of an aws_ type: AWS eu-west-1 is Ireland, allowed
    assert (tf, 20) not in seen


def test_terraform_variables_and_locals_keep_the_file_hints(seen: Seen) -> None:
    tf = "infra/main.tf"
    [(endpoint, provider, _, category)] = seen[(tf, 10)]
    assert (endpoint, provider, category) == ("eu-west-1", None, "unverified-endpoint")
    [(endpoint, provider, _, category)] = seen[(tf, 24)]
    assert (endpoint, provider, category) == ("ap-southeast-1", None, "non-eu-endpoint")


# ---------------------------------------------------------------------- 2. key names


def test_a_key_naming_s3_or_aws_reads_the_code_as_aws(seen: Seen) -> None:
    assert ("web/keys.ts", 1) not in seen  # AWS eu-west-1: Ireland, allowed
    assert seen[("web/keys.ts", 2)] == [("us-east-1", "aws", "US", "non-eu-endpoint")]
    assert seen[(".env", 1)] == [("us-east-1", "aws", "US", "non-eu-endpoint")]
    yml = ".github/workflows/check.yml"
    assert seen[(yml, 11)] == [("us-east-1", "aws", "US", "non-eu-endpoint")]
    assert seen[(yml, 12)] == [("us-east-1", "aws", "US", "non-eu-endpoint")]


def test_other_keys_name_no_provider(seen: Seen) -> None:
    for where in [("web/keys.ts", 3), ("web/keys.ts", 4), ("web/keys.ts", 5), (".env", 2)]:
        [(endpoint, provider, _, category)] = seen[where]
        assert (endpoint, provider, category) == ("eu-west-1", None, "unverified-endpoint")
    [(endpoint, provider, _, _)] = seen[(".github/workflows/check.yml", 13)]
    assert (endpoint, provider) == ("us-east-1", None)


# ---------------------------------------------------------------------- 3. not endpoints


def test_a_code_no_cloud_knows_under_a_key_that_is_no_place_is_no_region(seen: Seen) -> None:
    yml = ".github/workflows/check.yml"
    assert (yml, 6) not in seen  # runId=eu-canary-001: AWS's shape, a run id
    # without a key, or under a region key, the shape still counts (unknown location)
    assert seen[(yml, 8)] == [("eu-canary-001", "aws", None, "unverified-endpoint")]
    assert seen[(yml, 9)] == [("eu-canary-002", "aws", None, "unverified-endpoint")]


def test_api_groups_and_annotation_keys_are_not_hosts(seen: Seen) -> None:
    assert (".github/workflows/check.yml", 7) not in seen
    for line in (1, 5, 8, 9):
        assert ("charts/gateway.yaml", line) not in seen
    # items of a YAML block list under an API group key
    assert ("charts/gateway.yaml", 14) not in seen
    assert ("charts/gateway.yaml", 16) not in seen
    # the same name as the value of a host key, or an item of a hosts list, is a host
    for line in (11, 19):
        assert seen[("charts/gateway.yaml", line)] == [
            ("gateway.envoyproxy.io", None, None, "unverified-endpoint")
        ]


def test_annotation_keys_in_a_script_but_not_image_references(seen: Seen) -> None:
    assert ("deploy/check.sh", 1) not in seen
    assert ("web/paths.ts", 7) not in seen  # the same inside one string literal (the rule)
    assert seen[("web/paths.ts", 8)] == [("db.example.cn:5432", None, "CN", "non-eu-endpoint")]
    # an image reference with its tag left off is followed by ":" but no space
    assert seen[("deploy/check.sh", 2)] == [
        ("registry.example.cn/acme/app", None, "CN", "non-eu-endpoint")
    ]


def test_dotted_code_paths_ending_in_identifier_tlds(seen: Seen) -> None:
    for line in (1, 2, 3):
        assert ("web/paths.ts", line) not in seen
    assert seen[("web/paths.ts", 4)] == [
        ("https://example.to/x", None, None, "unverified-endpoint")
    ]
    assert seen[("web/paths.ts", 5)] == [
        ("https://misc.info/api", None, None, "unverified-endpoint")
    ]
    assert seen[("web/paths.ts", 6)] == [("api.example.cn", None, "CN", "non-eu-endpoint")]


def test_email_domains_are_not_servers(seen: Seen) -> None:
    for line in (3, 4, 6):
        assert ("web/email.ts", line) not in seen
    # a list or a key that does not say e-mail domains: hosts as before
    assert seen[("web/email.ts", 8)] == [("mirror.yandex.ru", None, "RU", "non-eu-endpoint")]
    assert seen[("web/email.ts", 10)] == [("smtp.yandex.ru", None, "RU", "non-eu-endpoint")]
    # a YAML block list: its key says what the items are
    assert ("charts/gateway.yaml", 23) not in seen
    assert seen[("charts/gateway.yaml", 21)] == [("mail.example.cn", None, "CN", "non-eu-endpoint")]


def test_the_field_test_trees(tmp_path: Path) -> None:
    """/tmp/f13/mini3 as found: two providers, one region each."""
    (tmp_path / "main.tf").write_text(TWO_PROVIDERS_TF.split("\nvariable")[0], encoding="utf-8")
    result = run_scan(tmp_path, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    found = [_brief(f) for f in result.findings if f.rule_id.startswith("endpoint.")]
    assert found == [("eu-west-1", "alibaba", "GB", "non-eu-endpoint")]


def test_a_long_yaml_list_takes_its_key_for_every_item(tmp_path: Path) -> None:
    """Each item finds the key through the item before it: 600 items, read once."""
    items = "".join(f"  - mail{i}.example.ru\n" for i in range(600))
    (tmp_path / "domains.yaml").write_text(
        f"email_domains:\n{items}mirrors:\n{items}", encoding="utf-8"
    )
    result = run_scan(tmp_path, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    lines = sorted(f.location.start_line for f in result.findings if f.rule_id.startswith("end"))
    assert lines == list(range(603, 1203))  # the mirrors only


def test_a_long_email_domain_array_is_one_list(tmp_path: Path) -> None:
    """Items 90 KB below the list's "[" are still its items (each is judged by the one
    before it); a later list is another list."""
    pad = "x" * 120
    items = "".join(f'  "mail{i:03}.example.ru", // {pad}\n' for i in range(600))
    mirrors = "".join(f'  "mirror{i:02}.example.ru",\n' for i in range(20))
    (tmp_path / "domains.ts").write_text(
        f"export const FREE_EMAIL_DOMAINS = [\n{items}];\nconst MIRRORS = [\n{mirrors}];\n",
        encoding="utf-8",
    )
    result = run_scan(tmp_path, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    lines = sorted(f.location.start_line for f in result.findings if f.rule_id.startswith("end"))
    assert lines == list(range(604, 624))  # the mirrors only
