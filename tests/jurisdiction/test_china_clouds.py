"""Baidu AI Cloud, Kingsoft Cloud, JD Cloud and UCloud: hosts, regions, operators, bare codes;
operators of AWS China (per region) and Azure China (region codes)."""

from __future__ import annotations

import pytest

from auditkit.core.policy import JurisdictionPolicy
from auditkit.jurisdiction import Classifier
from auditkit.jurisdiction.catalogue import catalogue
from auditkit.jurisdiction.operators import operators

OPERATORS = {
    "baidu": "Baidu, Inc.",
    "kingsoft": "Kingsoft Corporation Limited",
    "jdcloud": "JD.com, Inc.",
    "ucloud": "UCloud Technology Co., Ltd. (优刻得科技股份有限公司)",
}


@pytest.mark.parametrize(
    ("text", "provider", "region", "country"),
    [
        ("https://bj.bcebos.com/bucket/key", "baidu", "bj", "CN"),
        ("bos-example.bj.bcebos.com", "baidu", "bj", "CN"),
        ("https://mybucket.gz.bcebos.com/a.png", "baidu", "gz", "CN"),
        ("https://su.bcebos.com", "baidu", "su", "CN"),
        ("https://bd.bcebos.com", "baidu", "bd", "CN"),
        ("https://cd.bcebos.com", "baidu", "cd", "CN"),
        ("https://yq.bcebos.com", "baidu", "yq", "CN"),
        ("https://fwh.bcebos.com", "baidu", "fwh", "CN"),
        ("https://fsh.bcebos.com", "baidu", "fsh", "CN"),
        ("https://hkg.bcebos.com", "baidu", "hkg", "HK"),
        ("https://bucket.s3.hkg.bcebos.com/key", "baidu", "hkg", "HK"),
        ("https://s3.bj.bcebos.com", "baidu", "bj", "CN"),
        ("https://bmr.su.baidubce.com", "baidu", "su", "CN"),
        ("https://bmr.fsh.baidubce.com", "baidu", "fsh", "CN"),
        ("test.ks3-cn-beijing.ksyuncs.com", "kingsoft", "cn-beijing", "CN"),
        ("https://ks3-cn-beijing.ksyun.com/aaa/bbb.txt", "kingsoft", "cn-beijing", "CN"),
        ("https://ks3-cn-beijing-internal.ksyun.com", "kingsoft", "cn-beijing", "CN"),
        ("https://s3.cn-north-1.jdcloud-oss.com", "jdcloud", "cn-north-1", "CN"),
        ("123.s3.cn-north-1.jdcloud-oss.com", "jdcloud", "cn-north-1", "CN"),
        ("https://s3-internal.cn-south-1.jdcloud-oss.com", "jdcloud", "cn-south-1", "CN"),
        ("demobucket.cn-bj.ufileos.com", "ucloud", "cn-bj", "CN"),
        ("https://s3-cn-bj.ufileos.com", "ucloud", "cn-bj", "CN"),
        # Kingsoft KS3 regions (KscSDK/kingsoftcloud-exporter, ks3sdk/ks3-java-sdk)
        ("test.ks3-cn-shanghai.ksyuncs.com", "kingsoft", "cn-shanghai", "CN"),
        ("https://ks3-cn-guangzhou-internal.ksyuncs.com", "kingsoft", "cn-guangzhou", "CN"),
        ("https://ks3-cn-hk-1.ksyuncs.com/a.png", "kingsoft", "cn-hk-1", "HK"),
        ("ks3-cn-hk-1.ksyun.com", "kingsoft", "cn-hk-1", "HK"),
        ("bucket.ks3-rus.ksyuncs.com", "kingsoft", "rus", "RU"),
        ("https://ks3-rus-internal.ksyuncs.com", "kingsoft", "rus", "RU"),
        ("ks3-sgp.ksyuncs.com", "kingsoft", "sgp", "SG"),
        ("ks3-sgp.ksyun.com", "kingsoft", "sgp", "SG"),
        ("https://ks3-jr-beijing.ksyuncs.com", "kingsoft", "jr-beijing", "CN"),
        ("ks3-jr-shanghai-internal.ksyuncs.com", "kingsoft", "jr-shanghai", "CN"),
        # JD Cloud OSS (Region和Endpoint对照表)
        ("https://s3.cn-east-1.jdcloud-oss.com", "jdcloud", "cn-east-1", "CN"),
        ("oss-sample.s3.cn-east-2.jdcloud-oss.com", "jdcloud", "cn-east-2", "CN"),
        ("s3-ipv6.cn-east-1.jdcloud-oss.com", "jdcloud", "cn-east-1", "CN"),
        ("s3-internal.cn-east-2.jdcloud-oss.com", "jdcloud", "cn-east-2", "CN"),
        # UCloud US3 (docs.ucloud.cn/ufile/introduction/region)
        ("demobucket.cn-wlcb.ufileos.com", "ucloud", "cn-wlcb", "CN"),
        ("b.internal-cn-sh2-01.ufileos.com", "ucloud", "cn-sh2", "CN"),
        ("https://s3-cn-gd.ufileos.com", "ucloud", "cn-gd", "CN"),
        ("b.cn-guiyang1.ufileos.com", "ucloud", "cn-guiyang1", "CN"),
        ("https://b.hk.ufileos.com", "ucloud", "hk", "HK"),
        ("internal.s3-hk.ufileos.com", "ucloud", "hk", "HK"),
        ("b.tw-tp.ufileos.com", "ucloud", "tw-tp", "TW"),
        ("b.internal-sg-01.ufileos.com", "ucloud", "sg", "SG"),
        ("s3-jpn-tky.ufileos.com", "ucloud", "jpn-tky", "JP"),
        ("b.kr-seoul.ufileos.com", "ucloud", "kr-seoul", "KR"),
        ("b.th-bkk.ufileos.com", "ucloud", "th-bkk", "TH"),
        ("b.internal-idn-jakarta-01.ufileos.com", "ucloud", "idn-jakarta", "ID"),
        ("b.vn-sng.ufileos.com", "ucloud", "vn-sng", "VN"),
        ("b.ind-mumbai.ufileos.com", "ucloud", "ind-mumbai", "IN"),
        ("b.internal-us-ca-01.ufileos.com", "ucloud", "us-ca", "US"),
        ("s3-us-ws.ufileos.com", "ucloud", "us-ws", "US"),
        ("b.bra-saopaulo.ufileos.com", "ucloud", "bra-saopaulo", "BR"),
        ("b.rus-mosc.ufileos.com", "ucloud", "rus-mosc", "RU"),
        ("internal.s3-uk-london.ufileos.com", "ucloud", "uk-london", "GB"),
        ("b.uae-dubai.ufileos.com", "ucloud", "uae-dubai", "AE"),
        ("b.afr-nigeria.ufileos.com", "ucloud", "afr-nigeria", "NG"),
    ],
)
def test_hosts_name_provider_region_place_and_operator(
    default_classifier: Classifier, text: str, provider: str, region: str, country: str
) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is not None
    assert (verdict.provider, verdict.region, verdict.jurisdiction) == (provider, region, country)
    assert verdict.compliant is False
    assert verdict.operator == OPERATORS[provider]
    assert verdict.operator_jurisdiction == "CN"


@pytest.mark.parametrize(
    ("text", "provider"),
    [
        ("https://aip.baidubce.com/oauth/2.0/token", "baidu"),
        ("https://oss-sample.jdcloud-oss.com", "jdcloud"),
    ],
)
def test_hosts_without_a_known_region_name_the_operator_only(
    default_classifier: Classifier, text: str, provider: str
) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is not None and verdict.provider == provider
    assert verdict.region is None and verdict.jurisdiction is None
    assert verdict.operator_jurisdiction == "CN"


def test_every_new_cloud_names_a_chinese_operator() -> None:
    ops = operators()
    for key, name in OPERATORS.items():
        owner = catalogue().providers[key].operator
        assert owner is not None and ops[owner].name == name and ops[owner].country == "CN"


@pytest.mark.parametrize(
    ("text", "provider", "region"),
    [
        ("cn-beijing", "alibaba", "cn-beijing"),
        ("cn-south-1", "huawei", "cn-south-1"),
        ("cn-east-2", "huawei", "cn-east-2"),
        ("cn-shanghai", "alibaba", "cn-shanghai"),
    ],
)
def test_bare_codes_keep_their_previous_verdicts(
    default_classifier: Classifier, text: str, provider: str, region: str
) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is not None and (verdict.provider, verdict.region) == (provider, region)


def test_bare_cn_north_1_stays_ambiguous_between_the_earlier_providers(
    default_classifier: Classifier,
) -> None:
    verdict = default_classifier.classify("cn-north-1")
    assert verdict is not None and verdict.provider is None
    assert "jdcloud" not in {c.provider for c in verdict.candidates}


@pytest.mark.parametrize("text", ["bj", "gz", "su", "cd", "hkg", "fwh", "yq", "cn-bj"])
def test_short_codes_alone_are_no_region(default_classifier: Classifier, text: str) -> None:
    assert default_classifier.classify(text) is None


def test_hints_do_not_wake_never_bare_codes() -> None:
    verdict = Classifier(JurisdictionPolicy()).classify("bj", frozenset({"baidu"}))
    assert verdict is None


@pytest.mark.parametrize(
    "text",
    [
        "demobucket.ge-fra.ufileos.com",
        "https://s3-ge-fra.ufileos.com",
        "b.internal-ge-fra.ufileos.com",
    ],
)
def test_ucloud_frankfurt_is_in_the_eu_but_its_operator_is_chinese(
    default_classifier: Classifier, text: str
) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is not None
    assert (verdict.provider, verdict.region, verdict.jurisdiction) == ("ucloud", "ge-fra", "DE")
    assert verdict.compliant is True
    assert (verdict.operator, verdict.operator_jurisdiction) == (OPERATORS["ucloud"], "CN")


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # a bucket named like a region sits left of the endpoint label and is never read
        ("sgp-logs.ks3-cn-beijing.ksyuncs.com", "cn-beijing"),
        ("rus.ks3-cn-shanghai.ksyuncs.com", "cn-shanghai"),
        ("ge-fra-bucket.cn-gd.ufileos.com", "cn-gd"),
        ("hk.cn-bj.ufileos.com", "cn-bj"),
        ("uk-london.internal.s3-cn-bj.ufileos.com", "cn-bj"),
        ("cn-east-2.s3.cn-north-1.jdcloud-oss.com", "cn-north-1"),
    ],
)
def test_buckets_named_like_regions_are_not_mistaken(
    default_classifier: Classifier, text: str, region: str
) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is not None and verdict.region == region


@pytest.mark.parametrize(
    "text",
    [
        "ks3-gov-beijing.ksyuncs.com",  # only in third-party lists: not in the table
        "https://kss.ksyun.com",  # old Hangzhou endpoint, no region label
        "https://www.ksyun.com",
        "https://cn-bj2.ufileos.com",  # an API region id, not a US3 label
    ],
)
def test_unlisted_labels_name_the_operator_but_no_place(
    default_classifier: Classifier, text: str
) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is not None and verdict.region is None and verdict.jurisdiction is None
    assert verdict.operator_jurisdiction == "CN"


@pytest.mark.parametrize(
    "text", ["ge-fra", "uk-london", "rus", "sgp", "cn-hk-1", "jr-beijing", "cn-wlcb", "hk"]
)
def test_new_short_codes_alone_are_no_region(default_classifier: Classifier, text: str) -> None:
    assert default_classifier.classify(text) is None


# ---------------------------------------------------------------------- AWS China operators

SINNET = "Beijing Sinnet Technology Co., Ltd."
NWCD = "Ningxia Western Cloud Data Technology Co., Ltd. (NWCD)"


@pytest.mark.parametrize(
    ("text", "hints", "region", "operator_name"),
    [
        ("https://s3.cn-north-1.amazonaws.com.cn/bucket/key", (), "cn-north-1", SINNET),
        ("mybucket.s3.cn-north-1.amazonaws.com.cn", (), "cn-north-1", SINNET),
        ("https://ec2.cn-northwest-1.amazonaws.com.cn", (), "cn-northwest-1", NWCD),
        ("dynamodb.cn-northwest-1.amazonaws.com.cn", (), "cn-northwest-1", NWCD),
        ("arn:aws-cn:s3:cn-north-1:123456789012:accesspoint/x", (), "cn-north-1", SINNET),
        ("cn-northwest-1", ("aws",), "cn-northwest-1", NWCD),
        ("cn-north-1", ("aws",), "cn-north-1", SINNET),
    ],
)
def test_aws_china_regions_name_their_licensed_operator(
    default_classifier: Classifier,
    text: str,
    hints: tuple[str, ...],
    region: str,
    operator_name: str,
) -> None:
    """amazonaws.cn/en/about-aws/china/faqs/signup: Beijing is operated by Sinnet, Ningxia by
    NWCD; both are Chinese companies, not Amazon."""
    verdict = default_classifier.classify(text, frozenset(hints))
    assert verdict is not None
    assert (verdict.provider, verdict.region, verdict.jurisdiction) == ("aws", region, "CN")
    assert (verdict.operator, verdict.operator_jurisdiction) == (operator_name, "CN")


def test_aws_china_names_without_a_region_name_both_chinese_operators(
    default_classifier: Classifier,
) -> None:
    verdict = default_classifier.classify("https://iam.amazonaws.com.cn")
    assert verdict is not None and verdict.provider == "aws" and verdict.jurisdiction == "CN"
    assert verdict.operator is not None and "Sinnet" in verdict.operator
    assert "NWCD" in verdict.operator and verdict.operator_jurisdiction == "CN"


@pytest.mark.parametrize(
    ("text", "hints", "provider", "operator_name"),
    [
        ("https://s3.eu-central-1.amazonaws.com", (), "aws", "Amazon.com, Inc."),
        ("https://s3.us-east-1.amazonaws.com", (), "aws", "Amazon.com, Inc."),
        ("eu-west-1", ("aws",), "aws", "Amazon.com, Inc."),
        # cn-north-1 is Huawei's and JD Cloud's code too: their own operators stay
        ("https://obs.cn-north-1.myhuaweicloud.com", (), "huawei", None),
        ("https://s3.cn-north-1.jdcloud-oss.com", (), "jdcloud", "JD.com, Inc."),
        ("cn-north-1", ("huawei",), "huawei", None),
        ("westeurope", ("azure",), "azure", "Microsoft Corporation"),
    ],
)
def test_region_operators_stay_with_their_provider(
    default_classifier: Classifier,
    text: str,
    hints: tuple[str, ...],
    provider: str,
    operator_name: str | None,
) -> None:
    verdict = default_classifier.classify(text, frozenset(hints))
    assert verdict is not None and verdict.provider == provider
    expected = operator_name or operators()["huawei"].name
    assert verdict.operator == expected


@pytest.mark.parametrize(
    ("text", "hints"),
    [
        ("chinanorth3", ("azure",)),
        ("chinaeast2", ("azure",)),
        ("chinanorth", ()),
        ("China North 2", ()),
        ("https://management.chinacloudapi.cn", ()),
    ],
)
def test_azure_china_region_codes_name_21vianet_like_its_hosts(
    default_classifier: Classifier, text: str, hints: tuple[str, ...]
) -> None:
    """learn.microsoft.com/azure/china/overview-operations: Azure in China is run by 21Vianet."""
    verdict = default_classifier.classify(text, frozenset(hints))
    assert verdict is not None and verdict.jurisdiction == "CN"
    assert (verdict.operator, verdict.operator_jurisdiction) == (
        "VNET Group, Inc. (21Vianet)",
        "CN",
    )


def test_every_region_operator_is_a_known_operator() -> None:
    ops = operators()
    named = {
        (p, r.code, r.operator)
        for p, regions in catalogue().regions.items()
        for r in regions.values()
        if r.operator
    }
    assert {("aws", "cn-north-1", "sinnet"), ("aws", "cn-northwest-1", "nwcd")} <= named
    assert all(op in ops and ops[op].country == "CN" for _, _, op in named)


# ---------------------------------------------------------------------- Flexible Engine


@pytest.mark.parametrize(
    "text",
    [
        "https://oss.eu-west-0.prod-cloud-ocb.orange-business.com",
        "mybucket.oss.eu-west-0.prod-cloud-ocb.orange-business.com",
        "iam.eu-west-0.prod-cloud-ocb.orange-business.com",
        "eu-west-1.oss.eu-west-0.prod-cloud-ocb.orange-business.com",
    ],
)
def test_flexible_engine_paris_is_run_by_orange(default_classifier: Classifier, text: str) -> None:
    """Huawei's Paris-region pages give *.eu-west-0.prod-cloud-ocb.orange-business.com; Orange
    Business operates Flexible Engine (Huawei technology): operator French, not Chinese."""
    verdict = default_classifier.classify(text)
    assert verdict is not None
    assert (verdict.provider, verdict.region, verdict.jurisdiction) == (
        "flexibleengine",
        "eu-west-0",
        "FR",
    )
    assert (verdict.operator, verdict.operator_jurisdiction) == ("Orange SA", "FR")


def test_huaweis_own_paris_names_stay_huaweis(default_classifier: Classifier) -> None:
    verdict = default_classifier.classify("https://obs.eu-west-0.myhuaweicloud.com")
    assert verdict is not None and (verdict.provider, verdict.jurisdiction) == ("huawei", "FR")
    assert verdict.operator_jurisdiction == "CN"
    bare = default_classifier.classify("eu-west-0")
    assert bare is not None and bare.provider == "huawei"


def test_flexible_engine_eu_west_1_has_no_city_yet(default_classifier: Classifier) -> None:
    verdict = default_classifier.classify(
        "https://iam.eu-west-1.prod-cloud-ocb.orange-business.com"
    )
    assert verdict is not None and verdict.provider == "flexibleengine"
    assert verdict.region is None and verdict.jurisdiction is None
    assert verdict.operator_jurisdiction == "FR"


# ------------------------------------------- gaps found by cloud_doc_operators.tsv, now filled


@pytest.mark.parametrize(
    ("text", "provider", "region", "country", "operator_name"),
    [
        ("https://sts.ap-southeast-8.aliyuncs.com", "alibaba", "ap-southeast-8", "MY", None),
        ("sts.cn-zhongwei.aliyuncs.com", "alibaba", "cn-zhongwei", "CN", None),
        ("cn-zhongwei", "alibaba", "cn-zhongwei", "CN", None),
        ("kms.ap-southeast-3.volcengineapi.com", "volcengine", "ap-southeast-3", "ID", None),
        ("myregistry.azurecr.cn", "azure", None, "CN", "VNET Group, Inc. (21Vianet)"),
        ("https://x.chinacloudapp.cn/api", "azure", None, "CN", "VNET Group, Inc. (21Vianet)"),
        ("tos-ap-southeast-1.ibytepluses.com", "byteplus", "ap-southeast-1", "MY", None),
        ("b.tos-ap-southeast-1.ibytepluses.com", "byteplus", "ap-southeast-1", "MY", None),
    ],
)
def test_documented_regions_and_hosts_added_after_the_held_out_run(
    default_classifier: Classifier,
    text: str,
    provider: str,
    region: str | None,
    country: str,
    operator_name: str | None,
) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is not None
    assert (verdict.provider, verdict.region, verdict.jurisdiction) == (provider, region, country)
    if operator_name is not None:
        assert verdict.operator == operator_name
    assert verdict.operator_jurisdiction == "CN"


def test_the_additions_do_not_capture_other_names(default_classifier: Classifier) -> None:
    bucket = default_classifier.classify("ap-southeast-8-bucket.oss-cn-hangzhou.aliyuncs.com")
    assert bucket is not None and bucket.region == "cn-hangzhou"
    bare = default_classifier.classify("ap-southeast-3")
    assert bare is not None and bare.provider is None
    assert "volcengine" not in {c.provider for c in bare.candidates}
    intranet = default_classifier.classify("ap-southeast-3-logs.tos-ap-southeast-1.ibytepluses.com")
    assert intranet is not None and intranet.region == "ap-southeast-1"
    global_acr = default_classifier.classify("myregistry.azurecr.io")
    assert global_acr is not None and global_acr.operator == "Microsoft Corporation"
