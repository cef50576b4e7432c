"""Client for the protected records service (referrals, clinical notes)."""

from __future__ import annotations

import os

import requests

RECORDS_BASE = os.environ.get("RECORDS_BASE_URL", "http://records.svc.cluster.local/v1")
_TIMEOUT = (2, 10)


class RecordsClient:
    def __init__(self, session: requests.Session | None = None) -> None:
        self._http = session or requests.Session()

    def referral(self, patient_id: str, referral_id: str) -> dict:
        resp = self._http.get(
            f"{RECORDS_BASE}/patients/{patient_id}/referrals/{referral_id}", timeout=_TIMEOUT
        )
        resp.raise_for_status()
        return resp.json()

    def attach_note(self, patient_id: str, note: dict) -> None:
        resp = requests.post(
            "http://records.svc.cluster.local/v1/patients/" + patient_id + "/notes",
            json=note,
            timeout=_TIMEOUT,
        )
        resp.raise_for_status()
