"""Long-tail processors and clouds an independent held-out list found unnamed (set B):
Webflow, IPLocate, Pusher Channels, Yext, Contentstack, JetBackup Storage, Capgo, Umbraco
Cloud, Serval, ManageEngine, Leaseweb Object Storage and Wasabi with Dell ObjectScale.

The documented variants of each vendor are rows of vendor_doc_endpoints.tsv (checked by
test_vendor_doc_endpoints.py); this file checks the cloud hosts, the operators, the EU
alternatives and that names merely resembling a vendor's are not taken for it.
"""

from __future__ import annotations

import pytest

from auditkit.core.policy import JurisdictionPolicy
from auditkit.jurisdiction import Classifier
from auditkit.jurisdiction.operators import operators

# input, provider, region, country. Each host was unnamed or unplaced before (held-out list).
CLOUD_CASES = [
    # Leaseweb's S3 page: Object Storage only in nl-01 and de-01
    ("https://nl.object-storage.io", "leaseweb", "nl-01", "NL"),
    ("https://de.object-storage.io/bucket", "leaseweb", "de-01", "DE"),
    ("mybucket.nl.object-storage.io", "leaseweb", "nl-01", "NL"),
    # Wasabi with Dell ObjectScale: the region starts the label before wasabisys.com
    ("https://s3.eu-west-1-dell-obs.wasabisys.com:9021", "wasabi", "eu-west-1", "GB"),
    ("http://s3-nns.us-east-1-dell-obs.wasabisys.com:9020", "wasabi", "us-east-1", "US"),
    ("https://sts.us-west-2-dell-obs.wasabisys.com:4443", "wasabi", "us-west-2", "US"),
    ("https://iam.eu-west-1-dell-obs.wasabisys.com:4443", "wasabi", "eu-west-1", "GB"),
]


@pytest.mark.parametrize(("text", "provider", "region", "country"), CLOUD_CASES)
def test_cloud_hosts(
    default_classifier: Classifier, text: str, provider: str, region: str, country: str
) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is not None
    assert (verdict.provider, verdict.region, verdict.jurisdiction) == (
        provider,
        region,
        country,
    ), verdict.reason


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # the whole-label forms Wasabi's table had before still read the same
        ("https://s3.eu-central-1.wasabisys.com", "eu-central-1"),
        ("https://bucket.s3.ap-northeast-1.wasabisys.com/key", "ap-northeast-1"),
        ("https://s3.wasabisys.com", "us-east-1"),
        # a bucket named like a region stays the global endpoint's (us-east-1)
        ("https://eu-west-1-backups.s3.wasabisys.com", "us-east-1"),
    ],
)
def test_wasabi_label_forms_unchanged(
    default_classifier: Classifier, text: str, region: str
) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is not None and (verdict.provider, verdict.region) == ("wasabi", region)


def test_leaseweb_codes_are_not_read_bare(default_classifier: Classifier) -> None:
    """nl-01 / de-01 look like other providers' zone names: alone they say nothing."""
    for code in ("nl-01", "de-01"):
        verdict = default_classifier.classify(code)
        assert verdict is None or verdict.provider != "leaseweb", code


# Names that contain a vendor's domain without being under it, or sit under a different
# registrable domain: none of them is the vendor.
LOOKALIKES = [
    "https://webflow.com.example.com/api",
    "https://api.eu.webflow.com.evil.io/v2/sites",
    "https://notwebflow.com",
    "https://eu-api.iplocate.io.example.net/api/lookup",
    "https://myiplocate.io",
    "https://api-eu.pusher.com.example.org/apps/1",
    "https://notpusher.com",
    "https://eu.yextevents.com.example.com",
    "https://eu-api.contentstack.com.example.com/v3",
    "https://contentstack.io.example.com",
    "https://eu-east-1.storage.jetbackup.com.example.net",
    "https://plugin.eu.capgo.app.example.com/updates",
    "https://euwest01.umbraco.io.example.com",
    "https://public.eu1.serval.com.example.com",
    "https://endpointcentral.manageengine.jp.example.com",
    "https://nl.object-storage.io.example.com",
    "https://s3.eu-west-1-dell-obs.wasabisys.com.example.com",
]

VENDORS = {
    "Webflow",
    "IPLocate",
    "Pusher Channels",
    "Yext",
    "Contentstack",
    "JetBackup Storage",
    "Capgo",
    "Umbraco Cloud",
    "Serval",
    "ManageEngine",
}


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalikes_are_not_these_vendors(default_classifier: Classifier, text: str) -> None:
    verdict = default_classifier.classify(text)
    if verdict is None:
        return
    assert verdict.vendor not in VENDORS, (text, verdict.vendor)
    assert verdict.provider not in {"leaseweb", "wasabi"}, (text, verdict.provider)


@pytest.mark.parametrize(
    ("text", "alternative"),
    [
        ("https://api.webflow.com/v2/sites", "api.eu.webflow.com"),
        ("https://api-mt1.pusher.com/apps/1/events", "api-eu.pusher.com"),
        ("https://www.us.yextevents.com/accounts/me/events", "eu.yextevents.com"),
        ("https://endpointcentral.manageengine.com", "manageengine.eu"),
        ("https://public.api.serval.com", "public.eu1.serval.com"),
        ("https://east-us-project.useast01.umbraco.io/", "euwest01.umbraco.io"),
        ("https://us-east-1.storage.jetbackup.com", "eu-central-2"),
    ],
)
def test_non_eu_variant_names_the_eu_one(
    default_classifier: Classifier, text: str, alternative: str
) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is not None and verdict.compliant is False
    assert verdict.eu_alternative is not None and alternative in verdict.eu_alternative


@pytest.mark.parametrize(
    "text",
    [
        "https://api.eu.webflow.com/v2/sites",
        "https://api-eu.pusher.com/apps/1/events",
        "https://plugin.eu.capgo.app/updates",
        "https://endpointcentral.manageengine.eu",
    ],
)
def test_eu_variant_has_no_alternative(default_classifier: Classifier, text: str) -> None:
    verdict = default_classifier.classify(text)
    assert verdict is not None and verdict.compliant is True
    assert verdict.eu_alternative is None


def test_manageengine_is_zoho_not_the_cctld() -> None:
    """endpointcentral.manageengine.jp was placed by its ccTLD alone with no operator; now
    ManageEngine's Japan data centre, run by Zoho (India)."""
    verdict = Classifier(JurisdictionPolicy()).classify("https://endpointcentral.manageengine.jp")
    assert verdict is not None
    assert (verdict.vendor, verdict.jurisdiction, verdict.operator_jurisdiction) == (
        "ManageEngine",
        "JP",
        "IN",
    )
    assert verdict.basis != "cctld"


@pytest.mark.parametrize(
    ("key", "name", "home"),
    [
        ("webflow", "Webflow, Inc.", "US"),
        ("contentstack", "Contentstack Inc.", "US"),
        ("umbraco", "Umbraco A/S", "DK"),
        ("yext", "Yext, Inc.", "US"),
        ("leaseweb", "LeaseWeb Global B.V.", "NL"),
        ("messagebird", "MessageBird B.V. (Bird)", "NL"),  # Pusher (MessageBird UK Ltd)
        ("jetapps", "JetApps LLC", None),  # home not established
        ("capgo", "Capgo (legal entity not established)", None),
        ("iplocate", "IPLocate (legal entity not established)", None),
        ("serval", "Serval (legal entity not established)", None),
    ],
)
def test_operators(key: str, name: str, home: str | None) -> None:
    entry = operators()[key]
    assert (entry.name, entry.country) == (name, home)
