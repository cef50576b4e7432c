"""Policy semantics: groups EU / EEA / ADEQUACY, ISO codes, allow_hosts and deny_hosts."""

from __future__ import annotations

import pytest

from auditkit.core.policy import JurisdictionPolicy
from auditkit.jurisdiction import Classifier, expand_allowed

EU27_TEXT = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"
EU27 = set(EU27_TEXT.split())
TERRITORIES = {"AX", "GF", "GP", "MQ", "RE", "YT", "MF"}


def test_eu_group_is_the_27_and_their_territories() -> None:
    assert expand_allowed(("EU",)) == frozenset(EU27 | TERRITORIES)


def test_eea_adds_iceland_liechtenstein_norway() -> None:
    assert expand_allowed(("EEA",)) == frozenset(EU27 | TERRITORIES | {"IS", "LI", "NO"})


def test_adequacy_counts_partial_ca_jp_but_not_us() -> None:
    adequacy = expand_allowed(("ADEQUACY",))
    assert {"GB", "CH", "JP", "KR", "CA", "BR", "NZ", "IL", "UY", "AR", "AD", "FO"} <= adequacy
    assert {"GG", "IM", "JE"} <= adequacy
    assert "US" not in adequacy
    assert not adequacy & EU27  # the third countries only


def test_iso_codes_and_member_state_territories() -> None:
    assert expand_allowed(("DE", "CH")) == {"DE", "CH"}
    assert expand_allowed(("FI",)) == {"FI", "AX"}
    assert expand_allowed(("FR",)) >= {"FR", "GF", "RE", "YT"}


@pytest.mark.parametrize(
    ("allowed", "text", "compliant"),
    [
        (("EU",), "norwayeast", False),
        (("EU",), "https://www.example.no", False),
        (("EU", "EEA"), "norwayeast", True),
        (("EU", "EEA", "ADEQUACY"), "uksouth", True),
        (("EU", "EEA", "ADEQUACY"), "switzerlandnorth", True),
        (("EU", "EEA", "ADEQUACY"), "eu-west-2", True),
        (("EU", "EEA", "ADEQUACY"), "ca-central-1", True),
        (("EU", "EEA", "ADEQUACY"), "ap-northeast-2", True),
        (("EU", "EEA", "ADEQUACY"), "sa-east-1", True),
        (("EU", "EEA", "ADEQUACY"), "us-east-1", False),
        (("EU", "EEA", "ADEQUACY"), "eu-west-1", True),
        (("EU", "EEA", "US"), "us-east-1", True),
        (("EU", "CH"), "eu-central-2", True),
        (("DE",), "eu-central-1", True),
        (("DE",), "eu-west-1", False),
        (("DE",), "https://www.example.eu", None),
        (("EU",), "https://www.example.eu", True),
        (("EU", "EEA"), "EUR8", None),
        (("FI",), "https://www.example.ax", True),
        (("EU",), "https://www.example.gf", True),
        (("EU",), "https://www.example.gl", False),
    ],
)
def test_allowed(allowed: tuple[str, ...], text: str, compliant: bool | None) -> None:
    hints = frozenset({"gcp"}) if text == "EUR8" else frozenset()
    classifier = Classifier(JurisdictionPolicy(allowed=allowed))
    verdict = classifier.classify(text, hints)
    assert verdict is not None and verdict.compliant is compliant, verdict


def test_allow_hosts_win_and_count_as_internal() -> None:
    classifier = Classifier(
        JurisdictionPolicy(allow_hosts=("*.clover.internal", "*.partner.com", "8.8.8.0/24"))
    )
    for text in ("https://api.partner.com/x", "https://a.b.partner.com", "8.8.8.8:53"):
        verdict = classifier.classify(text)
        assert verdict is not None, text
        assert (verdict.compliant, verdict.basis, verdict.internal) == (True, "policy", True)
    plain = classifier.classify("https://partner.com")
    assert plain is not None and plain.basis != "policy"


def test_deny_hosts_win_over_everything_including_allow_hosts() -> None:
    classifier = Classifier(
        JurisdictionPolicy(
            allow_hosts=("*.example.de",), deny_hosts=("legacy.*.example.de", "10.9.0.0/16")
        )
    )
    denied = classifier.classify("https://legacy.api.example.de/v1")
    assert denied is not None and (denied.compliant, denied.basis, denied.internal) == (
        False,
        "policy",
        False,
    )
    assert denied.jurisdiction == "DE"  # the evidence stays
    internal_but_denied = classifier.classify("10.9.1.1")
    assert internal_but_denied is not None and internal_but_denied.compliant is False
    allowed = classifier.classify("https://api.example.de")
    assert allowed is not None and allowed.basis == "policy" and allowed.compliant is True


def test_host_patterns_are_case_insensitive() -> None:
    classifier = Classifier(JurisdictionPolicy(deny_hosts=("*.Example.DE",)))
    verdict = classifier.classify("HTTPS://API.EXAMPLE.DE")
    assert verdict is not None and verdict.basis == "policy"


def test_region_codes_are_not_matched_against_host_patterns() -> None:
    classifier = Classifier(JurisdictionPolicy(deny_hosts=("*",)))
    verdict = classifier.classify("eu-central-1")
    assert verdict is not None and verdict.basis == "cloud-region"


def test_classifier_survives_pickling_for_process_pools() -> None:
    import pickle

    classifier = Classifier(JurisdictionPolicy(allowed=("EU",), deny_hosts=("*.example.de",)))
    clone = pickle.loads(pickle.dumps(classifier))
    verdict = clone.classify("https://api.example.de")
    assert verdict is not None and verdict.basis == "policy"
    assert clone.classify("norwayeast") == classifier.classify("norwayeast")
