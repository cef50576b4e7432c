"""Parsed data tables kept between runs: same values as a fresh parse, never stale."""

from __future__ import annotations

import json
from pathlib import Path

import publicsuffixlist
import pytest

from auditkit import datacache
from auditkit.core.policy import Policy
from auditkit.jurisdiction import Classifier, domains, ips


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / "tables").glob("*")) if (folder / "tables").is_dir() else []


def test_a_parse_is_stored_once_and_served_from_the_cache(tmp_path: Path) -> None:
    calls: list[bytes] = []

    def parse(source: bytes) -> dict[str, object]:
        calls.append(source)
        return {"words": source.decode().split(), "n": len(source)}

    with datacache.using(tmp_path):
        first = datacache.parsed("words/1", b"a b c", parse)
        again = datacache.parsed("words/1", b"a b c", parse)
        other = datacache.parsed("words/1", b"a b", parse)
    assert first == again == {"words": ["a", "b", "c"], "n": 5}
    assert other == {"words": ["a", "b"], "n": 3}
    assert calls == [b"a b c", b"a b"]  # the second call of "a b c" came from the cache
    assert len(_entries(tmp_path)) == 2


def test_changed_bytes_or_a_changed_parser_never_get_a_stale_entry(tmp_path: Path) -> None:
    with datacache.using(tmp_path):
        assert datacache.parsed("k/1", b"x = 1", lambda b: {"v": 1}) == {"v": 1}
        assert datacache.parsed("k/1", b"x = 2", lambda b: {"v": 2}) == {"v": 2}
        assert datacache.parsed("k/2", b"x = 1", lambda b: {"v": 3}) == {"v": 3}


def test_a_damaged_entry_is_parsed_afresh(tmp_path: Path) -> None:
    with datacache.using(tmp_path):
        datacache.parsed("k/1", b"src", lambda b: ["ok"])
        (entry,) = _entries(tmp_path)
        entry.write_bytes(b'["o')  # cut short
        assert datacache.parsed("k/1", b"src", lambda b: ["ok"]) == ["ok"]
        assert json.loads(entry.read_bytes()) == ["ok"]  # and repaired


def test_values_that_json_would_change_are_not_stored(tmp_path: Path) -> None:
    with datacache.using(tmp_path):
        assert datacache.parsed("k/1", b"t", lambda b: {"t": (1, 2)}) == {"t": (1, 2)}
        assert datacache.parsed("k/2", b"i", lambda b: {1: "a"}) == {1: "a"}
        assert datacache.parsed("k/3", b"s", lambda b: {"s": {1}}) == {"s": {1}}
    assert _entries(tmp_path) == []


def test_no_cache_stores_nothing_and_an_unwritable_folder_only_costs_speed(
    tmp_path: Path,
) -> None:
    with datacache.using(None):
        assert datacache.parsed("k/1", b"a", lambda b: [1]) == [1]
        assert datacache.derived_bytes("b/1", b"a", lambda b: b + b) == b"aa"
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with datacache.using(blocker):
        assert datacache.parsed("k/1", b"a", lambda b: [1]) == [1]
        assert datacache.derived_bytes("b/1", b"a", lambda b: b + b) == b"aa"
    assert blocker.read_text() == "not a folder"


def test_derived_bytes_round_trip(tmp_path: Path) -> None:
    calls = []

    def derive(b: bytes) -> bytes:
        calls.append(b)
        return b[::-1]

    with datacache.using(tmp_path):
        assert datacache.derived_bytes("rev/1", b"abc", derive) == b"cba"
        assert datacache.derived_bytes("rev/1", b"abc", derive) == b"cba"
    assert calls == [b"abc"]


def test_psl_with_cached_punycode_rules_answers_like_the_library(tmp_path: Path) -> None:
    """Every rule of the shipped list, IDN and punycode forms included, gives the same public
    suffix through auditkit's fast load as through the library's own parser."""
    reference = publicsuffixlist.PublicSuffixList(accept_unknown=False)
    with open(publicsuffixlist.PSLFILE, "rb") as f:
        rules = domains._rules_with_punycode(f.read())
    fast = publicsuffixlist.PublicSuffixList(rules, accept_unknown=False, accept_encoded_idn=False)
    idn = [r for r in rules if not r.isascii()]
    assert len(idn) > 100 and any(r.startswith("xn--") for r in rules)
    punycode = [publicsuffixlist.encode_idn(r.lstrip("!").replace("*", "w")) for r in idn]
    for rule in rules + punycode:
        name = rule.lstrip("!").replace("*", "w")
        for host in (name, f"shop.{name}", f"a.b.{name}"):
            assert fast.publicsuffix(host) == reference.publicsuffix(host), host
            assert fast.privatesuffix(host) == reference.privatesuffix(host), host


def test_ip_tables_from_the_cache_equal_a_fresh_unpack(tmp_path: Path) -> None:
    import array
    import gzip
    from itertools import accumulate

    for version, typecode in ((4, "I"), (6, "Q")):
        packed = (ips._data.read_bytes)(f"ipv{version}-country.bin.gz")
        raw = gzip.decompress(packed)
        header, offset = ips._header(raw)
        n = int(header["count"])
        deltas = ips._read(raw, offset, typecode, n)
        expected = array.array(typecode, accumulate(deltas))
        with datacache.using(tmp_path):
            ips._table.cache_clear()
            cold = ips._table(version)
            ips._table.cache_clear()
            warm = ips._table(version)
        assert cold == warm
        assert cold.starts == expected
        assert cold.header == header
    ips._table.cache_clear()


@pytest.mark.parametrize(
    "value",
    [
        "https://s3.eu-west-1.amazonaws.com",
        "https://bucket.oss-cn-beijing.aliyuncs.com/x",
        "norwayeast",
        "8.8.8.8",
        "2a00:1450:4001:800::200e",
        "api.example.co.uk",
        "shop.xn--p1ai",
        "пример.рф",
    ],
)
def test_classification_is_the_same_with_and_without_the_cache(tmp_path: Path, value: str) -> None:
    answers = []
    for folder in (None, tmp_path, tmp_path):  # fresh parse, cold cache, warm cache
        for loader in (domains._psl, domains._tables, ips._table):
            loader.cache_clear()
        from auditkit.jurisdiction import catalogue

        catalogue.catalogue.cache_clear()
        with datacache.using(folder):
            answers.append(repr(Classifier(Policy().jurisdiction).classify(value)))
    assert answers[0] == answers[1] == answers[2]
