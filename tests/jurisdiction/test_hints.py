"""provider_hints: which clouds a file's code uses."""

from __future__ import annotations

import pytest

from auditkit.jurisdiction import Classifier, provider_hints

CASES = [
    ("import boto3\ns3 = boto3.client('s3')", "python", {"aws"}),
    ("from botocore.config import Config", "python", {"aws"}),
    ("import ibm_boto3\n", "python", {"ibm"}),
    ("import oss2\nauth = oss2.Auth(k, s)", "python", {"alibaba"}),
    ("from alibabacloud_oss_v2 import Client", "python", {"alibaba"}),
    ("from qcloud_cos import CosConfig", "python", {"tencent"}),
    ("from tencentcloud.cvm.v20170312 import cvm_client", "python", {"tencent"}),
    ("from huaweicloudsdkobs.v1 import ObsClient", "python", {"huawei"}),
    ("from obs import ObsClient", "python", {"huawei"}),
    ("from google.cloud import storage", "python", {"gcp"}),
    ("from azure.storage.blob import BlobServiceClient", "python", {"azure"}),
    ("import oci\nconfig = oci.config.from_file()", "python", {"oracle"}),
    ("import hcloud", "python", {"hetzner"}),
    ("import pydo", "python", {"digitalocean"}),
    ('import { S3Client } from "@aws-sdk/client-s3";', "typescript", {"aws"}),
    ('const { Storage } = require("@google-cloud/storage");', "javascript", {"gcp"}),
    ('import { BlobServiceClient } from "@azure/storage-blob";', "typescript", {"azure"}),
    ("import software.amazon.awssdk.regions.Region;", "java", {"aws"}),
    ("import com.amazonaws.regions.Regions;", "java", {"aws"}),
    ("import com.azure.core.management.Region;", "java", {"azure"}),
    ("import com.google.cloud.storage.Storage;", "java", {"gcp"}),
    ("import com.oracle.bmc.objectstorage.ObjectStorage;", "java", {"oracle"}),
    ('import "github.com/aws/aws-sdk-go-v2/config"', "go", {"aws"}),
    ('import "cloud.google.com/go/storage"', "go", {"gcp"}),
    ('import "github.com/oracle/oci-go-sdk/v65/common"', "go", {"oracle"}),
    ('provider "aws" {\n  region = "eu-west-1"\n}', "terraform", {"aws"}),
    ('resource "azurerm_storage_account" "x" {}', "terraform", {"azure"}),
    ('resource "google_storage_bucket" "b" {}', "terraform", {"gcp"}),
    ('resource "alicloud_oss_bucket" "b" {}', "terraform", {"alibaba"}),
    ('resource "hcloud_server" "s" {}', "terraform", {"hetzner"}),
    ('resource "scaleway_object_bucket" "b" {}', "terraform", {"scaleway"}),
    ('resource "ovh_cloud_project" "p" {}', "terraform", {"ovh"}),
    ('resource "digitalocean_spaces_bucket" "b" {}', "terraform", {"digitalocean"}),
    ('resource "oci_objectstorage_bucket" "b" {}', "terraform", {"oracle"}),
    ('resource "huaweicloud_obs_bucket" "b" {}', "terraform", {"huawei"}),
    ('resource "tencentcloud_cos_bucket" "b" {}', "terraform", {"tencent"}),
    ("AWS_REGION=eu-central-1\n", "dotenv", {"aws"}),
    ("import tos\nclient = tos.TosClientV2(ak, sk, endpoint, region)", "python", {"volcengine"}),
    ("from volcenginesdkcore import Configuration", "python", {"volcengine"}),
    ('import "github.com/volcengine/ve-tos-golang-sdk/v2/tos"', "go", {"volcengine"}),
    ("import com.volcengine.tos.TOSV2ClientBuilder;", "java", {"volcengine"}),
    ("import TOS from '@volcengine/tos-sdk';", "typescript", {"volcengine"}),
    ('resource "volcengine_tos_bucket" "b" {}', "terraform", {"volcengine"}),
    ("from byteplussdkcore import Configuration", "python", {"byteplus"}),
    ('source = "byteplus-sdk/byteplus"', "terraform", {"byteplus"}),
    ("from baidubce.services.bos.bos_client import BosClient", "python", {"baidu"}),
    ('import "github.com/baidubce/bce-sdk-go/services/bos"', "go", {"baidu"}),
    ('resource "baiducloud_bos_bucket" "b" {}', "terraform", {"baidu"}),
    ("from ks3.connection import Connection", "python", {"kingsoft"}),
    ('resource "ksyun_instance" "i" {}', "terraform", {"kingsoft"}),
    ("from jdcloud_sdk.core.credential import Credential", "python", {"jdcloud"}),
    ('resource "jdcloud_oss_bucket" "b" {}', "terraform", {"jdcloud"}),
    ("from ucloud.client import Client", "python", {"ucloud"}),
    ('resource "ucloud_instance" "i" {}', "terraform", {"ucloud"}),
    # Words that merely contain an SDK's name are not hints.
    ("photos = tos_list(stops)\nprint('tosca')", "python", set()),
    ("x = 1\nprint('hello')\n", "python", set()),
]


@pytest.mark.parametrize(("source", "language", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_provider_hints(source: str, language: str, expected: set[str]) -> None:
    assert provider_hints(source, language) == frozenset(expected)


def test_hints_change_the_reading_of_a_bare_code(default_classifier: Classifier) -> None:
    aws = default_classifier.classify("eu-west-1", provider_hints("import boto3", "python"))
    ali = default_classifier.classify("eu-west-1", provider_hints("import oss2", "python"))
    assert aws is not None and (aws.provider, aws.jurisdiction, aws.compliant) == (
        "aws",
        "IE",
        True,
    )
    assert ali is not None and (ali.provider, ali.jurisdiction, ali.compliant) == (
        "alibaba",
        "GB",
        False,
    )


def test_unrelated_hint_does_not_hide_a_region(default_classifier: Classifier) -> None:
    verdict = default_classifier.classify("eu-west-2", frozenset({"azure"}))
    assert verdict is not None and verdict.provider == "aws" and verdict.compliant is False


def test_every_provider_has_prefilter_keywords() -> None:
    from auditkit.jurisdiction import hints

    assert set(hints._KEYWORDS) == set(hints._COMMON)


@pytest.mark.parametrize(
    ("source", "provider", "country"),
    [
        ("import tos", "volcengine", "MY"),  # Volcengine ap-southeast-1 is Johor
        ("from byteplussdkcore import Configuration", "byteplus", "MY"),
        ("import boto3", "aws", "SG"),
    ],
)
def test_bytedance_sdk_reads_a_shared_code_as_its_own(
    default_classifier: Classifier, source: str, provider: str, country: str
) -> None:
    verdict = default_classifier.classify("ap-southeast-1", provider_hints(source, "python"))
    assert verdict is not None and (verdict.provider, verdict.jurisdiction) == (provider, country)


def test_volcengine_sdk_names_bytedance_for_cn_beijing(default_classifier: Classifier) -> None:
    volc = default_classifier.classify("cn-beijing", provider_hints("import tos", "python"))
    plain = default_classifier.classify("cn-beijing", frozenset())
    assert volc is not None and (volc.provider, volc.operator) == ("volcengine", "ByteDance Ltd.")
    # Without a hint the code stays Alibaba's: Volcengine's codes are never read bare.
    assert plain is not None and plain.provider == "alibaba"


# ---------------------------------------------------------------------- Terraform block scope

SCOPED_TF = """\
provider "aws" {
  region = "eu-central-1"
}
# provider "azurerm" { in a comment }
provider "alicloud" {
  alias  = "lon"
  region = "eu-west-1"
  tags   = { x = "}" }
}
variable "region" {
  default = "eu-west-1"
}
resource "google_storage_bucket" "b" {
  location = <<-EOT
    } not the end
  EOT
  name = "x"
}
data "aws_caller_identity" "me" {}
resource "null_resource" "n" {
  region = "eu-west-1"
}
module "m" {
  region = "eu-west-1"
}
"""


def _scope_of(text: str, needle: str, nth: int = 0) -> str | None:
    from auditkit.jurisdiction.hints import in_scope, terraform_scopes

    data = text.encode()
    at = -1
    for _ in range(nth + 1):
        at = data.index(needle.encode(), at + 1)
    return in_scope(terraform_scopes(data), at)


def test_terraform_scopes_follow_provider_resource_and_data_blocks() -> None:
    assert _scope_of(SCOPED_TF, '"eu-central-1"') == "aws"
    assert _scope_of(SCOPED_TF, '"eu-west-1"') == "alibaba"  # after a "}" in a string
    assert _scope_of(SCOPED_TF, 'name = "x"') == "gcp"  # after a "}" in a heredoc
    assert _scope_of(SCOPED_TF, "data ") is None  # the header is outside the block


def test_terraform_scopes_leave_variables_modules_and_unknown_types_alone() -> None:
    assert _scope_of(SCOPED_TF, '"eu-west-1"', 1) is None  # variable default
    assert _scope_of(SCOPED_TF, '"eu-west-1"', 2) is None  # null_resource: no provider
    assert _scope_of(SCOPED_TF, '"eu-west-1"', 3) is None  # module
    assert _scope_of('provider "aws" {\n  region = "x"\n', '"x"') is None  # never closed


# ---------------------------------------------------------------------- key names


@pytest.mark.parametrize(
    ("before", "key"),
    [
        ("process.env.S3_REGION = ", "S3_REGION"),
        ('process.env.S3_REGION = "', "S3_REGION"),
        ("S3_REGION=", "S3_REGION"),
        ("          AI_AWS_REGION: ", "AI_AWS_REGION"),
        ('  -e AWS_REGION="', "AWS_REGION"),
        ('  "region": ', "region"),
        ("const config = { s3Region: ", "s3Region"),
        ('add_or_replace_env_var "S3_REGION" "', "S3_REGION"),
        ("helm template --set hub.embeddingBackfill.runId=", "runId"),
        ("    - group: ", "group"),
        ("  apiGroups: [", "apiGroups"),
        ("", None),
        ("deploy to ", None),
        ("  - ", None),
    ],
)
def test_key_before(before: str, key: str | None) -> None:
    from auditkit.jurisdiction.hints import key_before

    assert key_before(before) == key


@pytest.mark.parametrize(
    ("key", "providers"),
    [
        ("S3_REGION", {"aws"}),
        ("AWS_REGION", {"aws"}),
        ("AI_AWS_REGION", {"aws"}),
        ("s3Region", {"aws"}),
        ("aws-default-region", {"aws"}),
        ("GCS_LOCATION", {"gcp"}),
        ("AZURE_LOCATION", {"azure"}),
        ("OSS_REGION", {"alibaba"}),
        ("ALICLOUD_REGION", {"alibaba"}),
        ("COS_REGION", {"tencent"}),
        # words that merely contain a service's name say nothing
        ("LAWS_REGION", set()),
        ("COSMOS_REGION", set()),
        ("bossRegion", set()),
        ("REGION", set()),
        ("runId", set()),
        ("FORMBRICKS_RUSTFS_REGION", set()),
    ],
)
def test_key_hints(key: str, providers: set[str]) -> None:
    from auditkit.jurisdiction.hints import key_hints

    assert key_hints(key) == frozenset(providers)


def test_key_before_reads_only_the_end_of_a_long_line() -> None:
    from auditkit.jurisdiction.hints import key_before

    minified = "var a=1;" * 50_000
    assert key_before(minified + "b.S3_REGION=") == "S3_REGION"
    assert key_before("S3_REGION=" + "x" * 300 + " ") is None
