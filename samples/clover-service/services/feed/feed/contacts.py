"""Contact sync: phone numbers of EU users, sent where the promise says they must not go."""

from __future__ import annotations

import hashlib
import json
import logging

import analytics
import requests

# The growth team's US analytics API (an AWS API Gateway stage in us-east-1).
US_ANALYTICS_URL = "https://k7x2m1.execute-api.us-east-1.amazonaws.com/prod/events"  # auditkit-expect: endpoint.non-eu

log = logging.getLogger(__name__)


def sync_contact(user: dict) -> None:
    phone = user["phone_number"]
    payload = {"user": user["id"], "contact": phone}
    body = json.dumps(payload)
    requests.post(US_ANALYTICS_URL, data=body, timeout=5)  # auditkit-expect: data-egress.endpoint
    log.info(f"synced contact {phone}")  # auditkit-expect: data-egress.log


def sync_language(user: dict) -> None:
    # Not personal data of a protected category: no finding.
    requests.post(US_ANALYTICS_URL, json={"language": user["language"]}, timeout=5)


def sync_hashed(user: dict) -> None:
    # A keyed hash leaves, not the number: auditkit treats hashing as a sanitiser.
    digest = hashlib.sha256(user["msisdn"].encode()).hexdigest()
    requests.post(US_ANALYTICS_URL, json={"contact_hash": digest}, timeout=5)


def sync_overwritten(user: dict) -> None:
    contact = user["phone"]
    contact = "withheld"
    requests.post(US_ANALYTICS_URL, json={"contact": contact}, timeout=5)


def identify(user: dict) -> None:
    analytics.track(user["id"], "identified", {"mobile": user.get("msisdn")})  # auditkit-expect: data-egress.endpoint
