"""A non-EU cloud endpoint names the provider's EU/EEA regions as its remediation, from the
region tables; EU endpoints and providers without an EU/EEA region name none."""

from __future__ import annotations

import pytest

from auditkit.jurisdiction import Classifier


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        (
            "https://s3.us-east-1.amazonaws.com/b",
            "AWS's EU/EEA regions, e.g. eu-central-1 (Frankfurt)",
        ),
        (
            "oss-cn-hangzhou.aliyuncs.com",
            "Alibaba Cloud's EU/EEA regions, e.g. eu-central-1 (Frankfurt)",
        ),
        (
            "cos.ap-guangzhou.myqcloud.com",
            "Tencent Cloud's EU/EEA regions, e.g. eu-frankfurt (Frankfurt)",
        ),
        ("obs.cn-north-4.myhuaweicloud.com", "eu-west-101 (Dublin)"),
        # GCP: a single-country region first, not the "eu" multi-region
        ("us-central1-aiplatform.googleapis.com", "e.g. europe-central2 (Warsaw)"),
    ],
)
def test_non_eu_cloud_endpoint_names_eu_regions(
    default_classifier: Classifier, endpoint: str, expected: str
) -> None:
    verdict = default_classifier.classify(endpoint)
    assert verdict is not None and verdict.compliant is False
    assert verdict.eu_alternative is not None and expected in verdict.eu_alternative
    assert f"EU endpoint available: {verdict.eu_alternative}." in verdict.reason


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://s3.eu-central-1.amazonaws.com/b",  # already in the EU
        "oss-eu-central-1.aliyuncs.com",
        "tos-cn-beijing.volces.com",  # Volcengine has no EU/EEA region
    ],
)
def test_no_alternative_when_in_the_eu_or_none_exists(
    default_classifier: Classifier, endpoint: str
) -> None:
    verdict = default_classifier.classify(endpoint)
    assert verdict is not None and verdict.eu_alternative is None
