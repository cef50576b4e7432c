"""The data files: provenance fields, valid codes, and the AWS table against botocore."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from auditkit.jurisdiction.catalogue import catalogue
from auditkit.jurisdiction.places import country_names

DATA = Path(__file__).resolve().parents[2] / "auditkit" / "jurisdiction" / "data"
SCRIPTS = Path(__file__).resolve().parents[2] / "scripts" / "jurisdiction"


@pytest.mark.parametrize("path", sorted(DATA.glob("*.toml")), ids=lambda p: p.name)
def test_toml_files_carry_sources_date_and_licence(path: Path) -> None:
    meta = tomllib.loads(path.read_text(encoding="utf-8"))["meta"]
    assert meta["sources"] and meta["retrieved"] and meta["licence"]
    # an ISO date, and not one in the future (two tables once said 2026-12-05 on 2026-12-04)
    assert datetime.date.fromisoformat(meta["retrieved"]) <= datetime.date.today()


def test_countries_json_has_provenance() -> None:
    meta = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))["meta"]
    assert "iso-codes" in meta["source"] and meta["retrieved"] and meta["licence"]


def test_ip_tables_have_their_licence_next_to_them() -> None:
    text = (DATA / "IP-DATA-LICENSE.txt").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in text and "IPFire" in text
    assert (DATA / "ipv4-country.bin.gz").stat().st_size < 3_000_000
    assert (DATA / "ipv6-country.bin.gz").stat().st_size < 3_000_000


def test_every_region_has_a_valid_country_or_is_explicitly_unknown() -> None:
    names = country_names()
    for provider, regions in catalogue().regions.items():
        for code, region in regions.items():
            assert region.place.countries <= set(names), (provider, code)
            assert region.place.known or region.note, (provider, code)


def test_aws_table_matches_botocore_partitions() -> None:
    botocore = pytest.importorskip("botocore")
    partitions = json.loads(
        (Path(botocore.__file__).parent / "data" / "partitions.json").read_text(encoding="utf-8")
    )
    boto = {code for p in partitions["partitions"] for code in p["regions"]}
    ours = set(catalogue().regions["aws"])
    assert boto - ours == set(), "botocore regions missing from cloud-aws.toml"
    assert ours - boto == set(), "regions in cloud-aws.toml that botocore does not know"


def test_check_regions_script_passes() -> None:
    pytest.importorskip("botocore")
    proc = subprocess.run(
        [sys.executable, str(SCRIPTS / "check_regions.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_research_note_collisions() -> None:
    """The same code means different places per provider (research note section 2.3)."""
    regions = catalogue().regions
    expected = {
        ("aws", "eu-west-1"): "IE",
        ("alibaba", "eu-west-1"): "GB",
        ("aws", "ap-southeast-1"): "SG",
        ("huawei", "ap-southeast-1"): "HK",
        ("aws", "eu-central-2"): "CH",
        ("oracle", "eu-zurich-1"): "CH",
        ("oracle", "eu-jovanovac-1"): "RS",
        ("aws", "me-central-1"): "AE",
        ("alibaba", "me-central-1"): "SA",
        ("huawei", "ap-southeast-2"): "TH",
        ("alibaba", "ap-southeast-3"): "MY",
    }
    for (provider, code), country in expected.items():
        assert regions[provider][code].place.country == country, (provider, code)


def test_data_readme_counts_the_vendors() -> None:
    """The README's vendor count is the catalogue's (it drifted from 80 to 131 by hand)."""
    from auditkit.jurisdiction.vendors import vendor_catalogue

    readme = (DATA / "README.md").read_text(encoding="utf-8")
    families = len(list(DATA.glob("vendor-*.toml")))
    count = len(vendor_catalogue().vendors)
    assert f"({count} vendors in {families} families)" in readme
