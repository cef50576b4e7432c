"""DSSE envelope and pre-authentication encoding, against the spec (dsse v1.0.2)."""

from __future__ import annotations

import base64
import json

import pytest

from auditkit.signing.dsse import Envelope, EnvelopeError, Signature, b64decode, pae


def test_pae_matches_the_spec_test_vector() -> None:
    # protocol.md, "Test Vectors"
    assert pae("http://example.com/HelloWorld", b"hello world") == (
        b"DSSEv1 29 http://example.com/HelloWorld 11 hello world"
    )


def test_pae_counts_bytes_not_characters() -> None:
    assert pae("t/é", b"") == "DSSEv1 4 t/é 0 ".encode()


def test_spec_envelope_parses() -> None:
    # envelope.md / protocol.md example: a signature without keyid
    doc = {
        "payload": "aGVsbG8gd29ybGQ=",
        "payloadType": "http://example.com/HelloWorld",
        "signatures": [
            {
                "sig": "A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAaja"
                "bZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA=="
            }
        ],
    }
    env = Envelope.from_json(doc)
    assert env.payload == b"hello world"
    assert env.signatures[0].keyid == ""
    assert len(env.signatures[0].sig) == 64


def test_round_trip_and_unknown_fields_ignored() -> None:
    env = Envelope(
        "application/vnd.in-toto+json", b"\x00\xffpayload", (Signature("k1", b"s" * 64),)
    )
    doc = json.loads(env.dumps())
    assert list(doc) == ["payloadType", "payload", "signatures"]
    doc["extension"] = {"x": 1}
    doc["signatures"][0]["extra"] = True
    assert Envelope.from_json(doc) == env


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("+/+/", b"\xfb\xff\xbf"),  # standard alphabet
        ("-_-_", b"\xfb\xff\xbf"),  # URL-safe alphabet
        ("aGk=", b"hi"),  # padded
        ("aGk", b"hi"),  # unpadded
        ("", b""),
    ],
)
def test_base64_accepts_both_alphabets_with_or_without_padding(text: str, data: bytes) -> None:
    assert b64decode(text, "x") == data


@pytest.mark.parametrize(
    "text",
    [
        "aGl=",  # non-canonical trailing bits: decodes to b"hi" as well
        "aGk==",  # wrong padding
        "aGk=aGk=",  # padding in the middle
        "+/-_",  # mixed alphabets
        "aG k=",  # not base64
        "a",  # impossible length
    ],
)
def test_base64_rejects_non_canonical_text(text: str) -> None:
    with pytest.raises(EnvelopeError):
        b64decode(text, "x")


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"payloadType": "t", "signatures": [{"sig": ""}]}, "'payload' is missing"),
        ({"payload": "", "signatures": [{"sig": ""}]}, "'payloadType' is missing"),
        ({"payload": "", "payloadType": "t"}, "'signatures' is missing"),
        ({"payload": "", "payloadType": "t", "signatures": []}, "non-empty list"),
        ({"payload": "", "payloadType": "t", "signatures": [{"keyid": "k"}]}, "'sig' is missing"),
        ({"payload": "", "payloadType": 3, "signatures": [{"sig": ""}]}, "payloadType"),
        ([], "JSON object"),
    ],
)
def test_malformed_envelopes_are_rejected(doc: object, message: str) -> None:
    with pytest.raises(EnvelopeError, match=message):
        Envelope.from_json(doc)


def test_envelope_error_is_a_verification_failure() -> None:
    with pytest.raises(EnvelopeError) as info:
        Envelope.loads(b"{not json", "report.json.dsse.json")
    assert info.value.exit_code == 4
    assert "report.json.dsse.json" in info.value.message


def test_signature_json_is_standard_padded_base64() -> None:
    sig = Signature("abc", bytes(range(64)))
    assert sig.to_json() == {"keyid": "abc", "sig": base64.b64encode(bytes(range(64))).decode()}
