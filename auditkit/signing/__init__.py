"""Signed audit reports: a DSSE envelope over an in-toto Statement v1 about the report files.

``auditkit audit --key`` and ``auditkit sign`` call :func:`sign_report_directory`;
``auditkit verify`` calls :func:`verify_report`. docs/VERIFYING.md shows how a regulator
verifies the same envelope without auditkit.
"""

from __future__ import annotations

from auditkit.signing.dsse import INTOTO_PAYLOAD_TYPE, Envelope, Signature, pae
from auditkit.signing.keys import (
    KEY_PASSPHRASE_ENV,
    PublicKey,
    SigningKey,
    fingerprint,
    generate_key_pair,
    key_id,
    load_private_key,
    load_public_key,
)
from auditkit.signing.sign import sign_report_directory
from auditkit.signing.statement import ENVELOPE_NAME, PREDICATE_TYPE, REPORT_FILES, STATEMENT_TYPE
from auditkit.signing.verify import VerificationResult, verify_report

__all__ = [
    "ENVELOPE_NAME",
    "INTOTO_PAYLOAD_TYPE",
    "KEY_PASSPHRASE_ENV",
    "PREDICATE_TYPE",
    "REPORT_FILES",
    "STATEMENT_TYPE",
    "Envelope",
    "PublicKey",
    "Signature",
    "SigningKey",
    "VerificationResult",
    "fingerprint",
    "generate_key_pair",
    "key_id",
    "load_private_key",
    "load_public_key",
    "pae",
    "sign_report_directory",
    "verify_report",
]
