"""Appointment confirmations by e-mail (German provider) and SMS (Norwegian provider)."""

from __future__ import annotations

import os

import requests

from app import settings

_TIMEOUT = 10


def _auth_header() -> dict[str, str]:
    return {"Authorization": "Bearer " + os.environ["NOTIFY_API_KEY"]}


def confirm_by_email(address: str, starts_at: str) -> None:
    resp = requests.post(
        settings.EMAIL_API_URL,
        json={"to": address, "template": "appointment-confirmed", "vars": {"starts_at": starts_at}},
        headers=_auth_header(),
        timeout=_TIMEOUT,
    )
    resp.raise_for_status()


def confirm_by_sms(phone: str, starts_at: str) -> None:
    resp = requests.post(
        settings.SMS_API_URL,
        json={"to": phone, "text": f"Tilia: your appointment is confirmed for {starts_at}."},
        headers=_auth_header(),
        timeout=_TIMEOUT,
    )
    resp.raise_for_status()


def report_incident(summary: str) -> None:
    requests.post(
        settings.STATUS_WEBHOOK_URL,
        json={"incident": {"name": summary, "status": "investigating"}},
        headers=_auth_header(),
        timeout=_TIMEOUT,
    )
