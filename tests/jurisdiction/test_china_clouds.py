"""Baidu AI Cloud, Kingsoft Cloud, JD Cloud and UCloud: hosts, regions, operators, bare codes."""

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


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(JurisdictionPolicy())


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
    ],
)
def test_hosts_name_provider_region_place_and_operator(
    classifier: Classifier, text: str, provider: str, region: str, country: str
) -> None:
    verdict = classifier.classify(text)
    assert verdict is not None
    assert (verdict.provider, verdict.region, verdict.jurisdiction) == (provider, region, country)
    assert verdict.compliant is False
    assert verdict.operator == OPERATORS[provider]
    assert verdict.operator_jurisdiction == "CN"


@pytest.mark.parametrize(
    ("text", "provider"),
    [
        ("https://aip.baidubce.com/oauth/2.0/token", "baidu"),
        ("https://s3.cn-east-2.jdcloud-oss.com", "jdcloud"),
    ],
)
def test_hosts_without_a_known_region_name_the_operator_only(
    classifier: Classifier, text: str, provider: str
) -> None:
    verdict = classifier.classify(text)
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
    classifier: Classifier, text: str, provider: str, region: str
) -> None:
    verdict = classifier.classify(text)
    assert verdict is not None and (verdict.provider, verdict.region) == (provider, region)


def test_bare_cn_north_1_stays_ambiguous_between_the_earlier_providers(
    classifier: Classifier,
) -> None:
    verdict = classifier.classify("cn-north-1")
    assert verdict is not None and verdict.provider is None
    assert "jdcloud" not in {c.provider for c in verdict.candidates}


@pytest.mark.parametrize("text", ["bj", "gz", "su", "cd", "hkg", "fwh", "yq", "cn-bj"])
def test_short_codes_alone_are_no_region(classifier: Classifier, text: str) -> None:
    assert classifier.classify(text) is None


def test_hints_do_not_wake_never_bare_codes() -> None:
    verdict = Classifier(JurisdictionPolicy()).classify("bj", frozenset({"baidu"}))
    assert verdict is None
