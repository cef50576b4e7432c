"""DSSE, the Dead Simple Signing Envelope (secure-systems-lab/dsse v1.0.2).

A signature covers ``PAE(payloadType, payload)``, never the payload alone, so the payload type
is authenticated too::

    PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body

where LEN is the ASCII decimal byte length without leading zeros. The JSON envelope is
``{"payload": b64, "payloadType": str, "signatures": [{"keyid": str, "sig": b64}, ...]}``.
``keyid`` is an unauthenticated hint; unknown members are ignored, as the spec requires.

Base64 is accepted in the standard or the URL-safe alphabet, padded or not (the spec allows
both), but only in its canonical form: one text for one byte string, so that no edit of an
envelope's text can leave its meaning unchanged unnoticed.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from auditkit.core.errors import VerificationError

INTOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json"


class EnvelopeError(VerificationError):
    """The envelope is not a well-formed DSSE JSON envelope."""


def pae(payload_type: str, payload: bytes) -> bytes:
    """The pre-authentication encoding: the exact bytes every signature covers."""
    type_bytes = payload_type.encode("utf-8")
    return b"DSSEv1 %d %b %d %b" % (len(type_bytes), type_bytes, len(payload), payload)


def b64encode(data: bytes) -> str:
    """Standard alphabet, padded: what DSSE producers SHOULD write."""
    return base64.b64encode(data).decode("ascii")


def b64decode(text: str, what: str) -> bytes:
    """Decode standard or URL-safe base64, padded or not; reject anything non-canonical."""
    if not isinstance(text, str):
        raise EnvelopeError(f"{what}: expected a base64 string, got {type(text).__name__}")
    url_safe = "-" in text or "_" in text
    if url_safe and ("+" in text or "/" in text):
        raise EnvelopeError(f"{what}: base64 mixes the standard and the URL-safe alphabet")
    standard = text.translate(str.maketrans("-_", "+/")) if url_safe else text
    unpadded = standard.rstrip("=")
    if standard not in (unpadded, unpadded + "=" * (-len(unpadded) % 4)):
        raise EnvelopeError(f"{what}: base64 padding is wrong")
    try:
        data = base64.b64decode(unpadded + "=" * (-len(unpadded) % 4), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise EnvelopeError(f"{what}: not valid base64 ({exc})") from None
    if base64.b64encode(data).decode("ascii").rstrip("=") != unpadded:
        raise EnvelopeError(f"{what}: base64 is not in canonical form")
    return data


@dataclass(frozen=True)
class Signature:
    keyid: str  # "" when the producer left it unset (the spec treats unset and empty alike)
    sig: bytes

    def to_json(self) -> dict[str, str]:
        return {"keyid": self.keyid, "sig": b64encode(self.sig)}


@dataclass(frozen=True)
class Envelope:
    payload_type: str
    payload: bytes
    signatures: tuple[Signature, ...] = ()

    def pae(self) -> bytes:
        return pae(self.payload_type, self.payload)

    def with_signature(self, signature: Signature) -> Envelope:
        return Envelope(self.payload_type, self.payload, (*self.signatures, signature))

    def to_json(self) -> dict[str, Any]:
        return {
            "payloadType": self.payload_type,
            "payload": b64encode(self.payload),
            "signatures": [s.to_json() for s in self.signatures],
        }

    def dumps(self) -> bytes:
        return (json.dumps(self.to_json(), indent=2) + "\n").encode("utf-8")

    @classmethod
    def loads(cls, data: bytes, label: str = "envelope") -> Envelope:
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EnvelopeError(f"{label}: not valid JSON ({exc})") from None
        return cls.from_json(doc, label)

    @classmethod
    def from_json(cls, doc: object, label: str = "envelope") -> Envelope:
        if not isinstance(doc, dict):
            raise EnvelopeError(f"{label}: expected a JSON object")
        for key in ("payload", "payloadType", "signatures"):
            if key not in doc:
                raise EnvelopeError(f"{label}: required field {key!r} is missing")
        payload_type = doc["payloadType"]
        if not isinstance(payload_type, str):
            raise EnvelopeError(f"{label}: payloadType must be a string")
        payload = b64decode(doc["payload"], f"{label}: payload")
        raw_signatures = doc["signatures"]
        if not isinstance(raw_signatures, list) or not raw_signatures:
            raise EnvelopeError(f"{label}: signatures must be a non-empty list")
        signatures: list[Signature] = []
        for i, entry in enumerate(raw_signatures, start=1):
            where = f"{label}: signature #{i}"
            if not isinstance(entry, dict) or "sig" not in entry:
                raise EnvelopeError(f"{where}: required field 'sig' is missing")
            keyid = entry.get("keyid", "")
            if keyid is None:
                keyid = ""
            if not isinstance(keyid, str):
                raise EnvelopeError(f"{where}: keyid must be a string")
            signatures.append(Signature(keyid, b64decode(entry["sig"], f"{where}: sig")))
        return cls(payload_type, payload, tuple(signatures))
