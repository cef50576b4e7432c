"""The shipped IP-to-country tables (IPFire data via Debian tor-geoipdb)."""

from __future__ import annotations

import ipaddress

import pytest

from auditkit.jurisdiction import ips

# Expected values from the research note's offline comparison (section 3.2).
KNOWN = [
    ("8.8.8.8", "US"),
    ("1.1.1.1", "AU"),
    ("193.99.144.80", "DE"),
    ("212.27.48.10", "FR"),
    ("81.2.69.142", "GB"),
    ("3.120.0.1", "DE"),
    ("18.184.0.1", "DE"),
    ("34.89.0.1", "GB"),
    ("20.50.0.1", "NL"),
    ("2a00:1450:4001:800::200e", "IE"),
    ("2a01:4f8::1", "DE"),
]


@pytest.mark.parametrize(("address", "country"), KNOWN)
def test_known_addresses(address: str, country: str) -> None:
    parsed = ips.parse_ip(address)
    assert parsed is not None
    assert ips.facts(parsed).code == country


@pytest.mark.parametrize("address", ["2.16.0.2", "1.32.192.10", "2001:600::1", "23.129.77.1"])
def test_regional_and_unknown_codes_are_not_countries(address: str) -> None:
    parsed = ips.parse_ip(address)
    assert parsed is not None
    assert ips.facts(parsed).code in ips.UNKNOWN_CODES


def test_range_edges() -> None:
    # 16777216..16777471 (1.0.0.0/24) is AU in the export, 1.0.1.0 starts CN.
    assert ips.lookup(ipaddress.IPv4Address("1.0.0.0")) == "AU"
    assert ips.lookup(ipaddress.IPv4Address("1.0.0.255")) == "AU"
    assert ips.lookup(ipaddress.IPv4Address("1.0.1.0")) == "CN"
    assert ips.lookup(ipaddress.IPv4Address("255.255.255.254")) == "--"
    assert ips.lookup(ipaddress.IPv6Address("::2")) == "--"


def test_database_header_names_source_date_and_licence() -> None:
    info = ips.database_info()
    assert "IPFire" in info["source"] and "tor-geoipdb" in info["source"]
    assert "CC BY-SA 4.0" in info["licence"]
    assert info["generated"] != "unknown"


@pytest.mark.parametrize(
    "address",
    ["10.1.2.3", "100.100.1.1", "127.0.0.53", "169.254.1.1", "192.0.2.10", "198.51.100.1",
     "203.0.113.200", "224.1.1.1", "::1", "fe80::abcd", "fc00::1", "2001:db8:1::1", "ff05::2",
     "::ffff:192.168.0.1", "64:ff9b::a00:1"],
)  # fmt: skip
def test_special_purpose_addresses_are_internal(address: str) -> None:
    parsed = ips.parse_ip(address)
    assert parsed is not None
    assert ips.facts(parsed).internal
