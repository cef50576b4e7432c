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


# ---------------------------------------------------------------------- Terraform block scope

# A top-level block header: `provider "alicloud"`, `resource "aws_s3_bucket" "b"`,
# `data "google_project" "p"`. Other blocks (variable, locals, module, output) have no type.
_TF_HEADER = re.compile(rb'(?:^|\n)[ \t]*(provider|resource|data)[ \t]+"([\w-]+)"[^{\n]*$')
# What can hide a brace from a counter: strings (with ${...} inside), comments, heredocs.
_TF_TOKEN = re.compile(
    rb'"(?:[^"\\\n]|\\.)*"|#[^\n]*|//[^\n]*|/\*.*?\*/|<<-?[ \t]*"?(\w+)"?[ \t]*\n.*?\n[ \t]*\1\b'
    rb"|[{}]",
    re.S,
)


def terraform_scopes(source: bytes) -> tuple[tuple[int, int, str], ...]:
    """(start, end, provider) byte spans of the top-level provider, resource and data blocks
    of a Terraform file whose type names a known provider.

    A file may configure several clouds (``provider "aws"`` and ``provider "alicloud"``, each
    with its region): a literal inside one of these blocks means what that provider means,
    whatever else the file uses. One pass over the file; braces in strings, comments and
    heredocs do not count.
    """
    out: list[tuple[int, int, str]] = []
    depth = 0
    opened = 0
    provider: str | None = None
    last_end = 0
    for m in _TF_TOKEN.finditer(source):
        token = m.group()
        if token == b"{":
            if depth == 0:
                opened = m.start()
                header = _TF_HEADER.search(source, last_end, m.start())
                provider = _block_provider(header) if header is not None else None
            depth += 1
        elif token == b"}" and depth > 0:
            depth -= 1
            if depth == 0:
                last_end = m.end()
                if provider is not None:
                    out.append((opened, m.end(), provider))
    return tuple(out)


def _block_provider(header: re.Match[bytes]) -> str | None:
    kind, name = header.group(1).decode(), header.group(2).decode()
    if kind == "provider":
        return _TERRAFORM_TYPES.get(name)
    # resource and data types are "<provider>_<what>": the longest known prefix wins.
    for prefix in _TF_PREFIXES:
        if name.startswith(prefix):
            return _TERRAFORM_TYPES[prefix[:-1]]
    return None


_TF_PREFIXES = tuple(f"{n}_" for n in sorted(_TERRAFORM_TYPES, key=len, reverse=True))


def in_scope(scopes: tuple[tuple[int, int, str], ...], offset: int) -> str | None:
    """The provider of the block that holds byte ``offset``, None outside them."""
    for start, end, provider in scopes:
        if start <= offset < end:
            return provider
        if start > offset:
            break
    return None


# ---------------------------------------------------------------------- key names

# The key a value is assigned to, at the end of the text before the value on its line:
# `process.env.S3_REGION = "`, `S3_REGION=`, `  AI_AWS_REGION: "`, `-e AWS_REGION="`,
# `"region": "`, and a shell helper's quoted name argument `set_env "S3_REGION" "`.
_KEY_BEFORE = re.compile(
    r"""(?:(?P<key>[A-Za-z_$][\w$.\-]*)["'`\]]?[ \t]*(?::=|=>|[:=])[ \t]*[\[({]?[ \t]*
        |["'](?P<arg>[A-Za-z_][\w\-]*)["'][ \t]+)["'`]?$""",
    re.X,
)
# Words of a key name that name one provider's service: S3_REGION, AWS_REGION, awsRegion,
# GCS_LOCATION, AZURE_LOCATION, OSS_REGION (Alibaba's SDK variables). Whole words only:
# "laws", "cosmos" or "bossRegion" say nothing.
_KEY_WORDS = {
    "aws": frozenset({"aws", "s3", "amazon", "dynamodb", "sqs", "sns", "ses"}),
    "gcp": frozenset({"gcp", "gcs", "gcloud", "bigquery"}),
    "azure": frozenset({"azure"}),
    "alibaba": frozenset({"alicloud", "aliyun", "alibaba", "alibabacloud", "oss"}),
    "tencent": frozenset({"tencentcloud", "qcloud", "cos"}),
    "huawei": frozenset({"huaweicloud", "obs"}),
}
_KEY_REACH = 256
_KEY_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])")


def key_before(text_before: str) -> str | None:
    """The key name that the value right after ``text_before`` is assigned to, if any; for a
    dotted key (``process.env.S3_REGION``) its last part."""
    # A key and its separator are short; a minified line before the value can be 100 KB, and
    # a regex search over it for every literal on the line would be quadratic.
    m = _KEY_BEFORE.search(text_before[-_KEY_REACH:])
    if m is None:
        return None
    key = m.group("key") or m.group("arg")
    return key.rsplit(".", 1)[-1].lstrip("$") or None


def key_words(key: str) -> frozenset[str]:
    """Lower-case words of a key name: "AI_AWS_REGION", "s3Region", "aws-region"."""
    return frozenset(w.lower() for w in _KEY_SPLIT.split(key) if w)


def key_hints(key: str) -> frozenset[str]:
    """Providers that a key name names ("S3_REGION" -> aws); empty for every other key."""
    words = key_words(key)
    return frozenset(p for p, names in _KEY_WORDS.items() if not names.isdisjoint(words))
