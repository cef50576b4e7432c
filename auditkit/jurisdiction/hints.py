"""Which cloud providers a file's code points at: SDK imports, package names, environment
variable prefixes and Terraform providers. The classifier uses these hints to read a bare region
code the way the file means it (eu-west-1 is Ireland with boto3, London with oss2).

A hint only narrows the meanings of a code when one of them belongs to a hinted provider, so a
stray word in a comment cannot make a region disappear.
"""

from __future__ import annotations

import re
from functools import cache

# provider -> pattern, for every language. Case-insensitive; \b keeps "ibm_boto3" from
# counting as boto3 and "scwx" from counting as Scaleway.
_COMMON = {
    "aws": r"\bboto3\b|\bbotocore\b|\baioboto3\b|aws-sdk|@aws-sdk/|software\.amazon\.awssdk"
    r"|\bcom\.amazonaws\b|github\.com/aws/|\baws_[a-z]|\bamazonaws\.com",
    "gcp": r"\bgoogle\.cloud\b|cloud\.google\.com/go|@google-cloud/|google-cloud-"
    r"|\bcom\.google\.cloud\b|googleapis\.com|\bgoogle_cloud_|\bgcp_[a-z]",
    "azure": r"\bazure\b|@azure/|\bcom\.azure\b|com\.microsoft\.azure|\bazure_[a-z]"
    r"|github\.com/azure/",
    "alibaba": r"\boss2\b|aliyun|alibabacloud|alibaba_cloud|\balicloud",
    "tencent": r"qcloud_cos|tencentcloud|\bqcloud\b|myqcloud\.com",
    "huawei": r"huaweicloud|esdk[-_]obs|^\s*(?:from|import)\s+obs\b|\bcom\.obs\.services"
    r"|huaweicloud-sdk-go-obs",
    "oracle": r"^\s*(?:from|import)\s+oci\b|\boci\.(?:config|object_storage|core|identity)\b"
    r"|\bcom\.oracle\.bmc\b|oci-go-sdk|\boci-(?:sdk|common|objectstorage)\b|\boci_[a-z]",
    "ibm": r"\bibm_boto3\b|\bibm_botocore\b|ibm-cos|\bcom\.ibm\.cloud\b|ibm_cloud|ibm-cloud",
    "digitalocean": r"digitalocean|\bpydo\b|\bgodo\b",
    "hetzner": r"\bhcloud\b|hetzner",
    "ovh": r"\bovh\b|ovhcloud|\bovh_",
    "scaleway": r"scaleway|\bscw\b|\bscw_[a-z]",
    "linode": r"linode",
    "cloudflare": r"cloudflare|\bwrangler\b",
    "backblaze": r"backblaze|\bb2sdk\b",
    "wasabi": r"wasabi",
    "yandex": r"yandexcloud|yandex\.cloud|\byandex_",
    "ionos": r"\bionos",
    "exoscale": r"exoscale|\bexo\.io\b",
    "upcloud": r"upcloud",
    "otc": r"otc\.t-systems|opentelekomcloud",
    # China's clouds: SDK packages (Python, Go modules, Java groups, npm scopes) and the TOS SDK
    # of Volcengine, whose Python module is plain `tos` (only an import line counts).
    "volcengine": r"volcengine|\bvolces\.com|^\s*(?:from|import)\s+tos\b|ve-tos-\w+-sdk",
    "byteplus": r"byteplus",
    "baidu": r"\bbaidubce\b|bce-sdk-|@baiducloud/|\bbaiducloud",
    "kingsoft": r"\bksyun|ks3sdklib|\bks3\b",
    "jdcloud": r"jdcloud",
    "ucloud": r"\bucloud|\bufile\b|ufile-sdk",
}
# provider -> lower-case substrings, one of which every match of its pattern contains. A
# substring test runs at C speed; the patterns only run for providers whose words occur.
# (One case-insensitive alternation over every provider cost 40 ms per Django file.)
_KEYWORDS = {
    "aws": ("boto", "aws", "amazon"),
    "gcp": ("google", "gcp_"),
    "azure": ("azure",),
    "alibaba": ("oss2", "aliyun", "alibaba", "alicloud"),
    "tencent": ("qcloud", "tencentcloud"),
    "huawei": ("huaweicloud", "obs"),
    "oracle": ("oci", "oracle"),
    "ibm": ("ibm",),
    "digitalocean": ("digitalocean", "pydo", "godo"),
    "hetzner": ("hcloud", "hetzner"),
    "ovh": ("ovh",),
    "scaleway": ("scaleway", "scw"),
    "linode": ("linode",),
    "cloudflare": ("cloudflare", "wrangler"),
    "backblaze": ("backblaze", "b2sdk"),
    "wasabi": ("wasabi",),
    "yandex": ("yandex",),
    "ionos": ("ionos",),
    "exoscale": ("exoscale", "exo.io"),
    "upcloud": ("upcloud",),
    "otc": ("otc.t-systems", "opentelekomcloud"),
    "volcengine": ("volc", "tos"),
    "byteplus": ("byteplus",),
    "baidu": ("baidubce", "bce-sdk-", "baiducloud"),
    "kingsoft": ("ksyun", "ks3"),
    "jdcloud": ("jdcloud",),
    "ucloud": ("ucloud", "ufile"),
}
# Terraform: provider blocks, required_providers sources and resource/data type prefixes.
_TERRAFORM_TYPES = {
    "aws": "aws", "azurerm": "azure", "azuread": "azure", "azapi": "azure", "google": "gcp",
    "google-beta": "gcp", "alicloud": "alibaba", "tencentcloud": "tencent",
    "huaweicloud": "huawei", "oci": "oracle", "ibm": "ibm", "digitalocean": "digitalocean",
    "hcloud": "hetzner", "ovh": "ovh", "scaleway": "scaleway", "linode": "linode",
    "cloudflare": "cloudflare", "b2": "backblaze", "yandex": "yandex", "ionoscloud": "ionos",
    "exoscale": "exoscale", "upcloud": "upcloud", "opentelekomcloud": "otc",
    "volcengine": "volcengine", "byteplus": "byteplus", "baiducloud": "baidu", "ksyun": "kingsoft",
    "jdcloud": "jdcloud", "ucloud": "ucloud",
}  # fmt: skip
_TF_NAMES = "|".join(sorted((re.escape(n) for n in _TERRAFORM_TYPES), key=len, reverse=True))
_TERRAFORM = re.compile(
    rf"""provider\s+"(?P<p>{_TF_NAMES})"
       | (?:resource|data)\s+"(?P<r>{_TF_NAMES})_
       | source\s*=\s*"[\w.-]+/(?P<s>{_TF_NAMES})\"
    """,
    re.VERBOSE | re.MULTILINE,
)


@cache
def _pattern(provider: str) -> re.Pattern[str]:
    return re.compile(_COMMON[provider], re.IGNORECASE | re.MULTILINE)


def provider_hints(source_text: str, language: str) -> frozenset[str]:
    """Providers that the code in ``source_text`` (a whole file) uses."""
    lower = source_text.lower()
    found = {
        provider
        for provider, words in _KEYWORDS.items()
        if any(w in lower for w in words) and _pattern(provider).search(source_text)
    }
    if language == "terraform":
        for m in _TERRAFORM.finditer(source_text):
            name = m.group("p") or m.group("r") or m.group("s")
            if name:
                found.add(_TERRAFORM_TYPES[name])
    return frozenset(found)
