"""Author details shown on feed cards.

TODO(feed-team): move these reads behind clover_gateway (ticket DATA-1182).
"""

from __future__ import annotations

import requests

USER_DATA_BASE = "http://user-data.svc.cluster.local/v2"  # auditkit-expect: gateway.protected-host


def author_card(user_id: str) -> dict:
    resp = requests.get(f"{USER_DATA_BASE}/users/{user_id}/card", timeout=3)  # auditkit-expect: gateway.protected-host
    resp.raise_for_status()
    return resp.json()


def author_phone(user_id: str) -> str:
    resp = requests.get(f"{USER_DATA_BASE}/users/{user_id}/phone")  # auditkit-expect: gateway.protected-host, bandit.B113
    resp.raise_for_status()
    return resp.json()["e164"]
