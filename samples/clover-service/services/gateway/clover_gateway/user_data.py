"""Client for the internal user-data service (phone numbers, private videos).

The user-data service is a protected host: the gateway is the only caller.
"""

from __future__ import annotations

import requests

from clover_gateway.config import GatewayConfig

_TIMEOUT = (2, 5)


class UserDataClient:
    def __init__(self, config: GatewayConfig, session: requests.Session | None = None) -> None:
        self._base = config.user_data_base
        self._index = config.media_index_base
        self._http = session or requests.Session()

    def phone_number(self, user_id: str) -> str | None:
        resp = self._http.get(f"{self._base}/users/{user_id}/phone", timeout=_TIMEOUT)
        if resp.status_code == 404:
            return None
        resp.raise_for_status()
        return resp.json()["e164"]

    def private_videos(self, user_id: str) -> list[dict]:
        resp = self._http.get(
            "http://user-data.svc.cluster.local/v2/users/" + user_id + "/videos",
            params={"visibility": "private"},
            timeout=_TIMEOUT,
        )
        resp.raise_for_status()
        return resp.json()["items"]

    def reindex(self, video_id: str) -> None:
        resp = self._http.post(f"{self._index}/reindex/{video_id}", timeout=_TIMEOUT)
        resp.raise_for_status()
