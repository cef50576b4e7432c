"""The gateway's public, audited API used by the other Clover services."""

from __future__ import annotations

import logging

from clover_gateway import config as gateway_config
from clover_gateway import legacy
from clover_gateway.stores import Stores
from clover_gateway.user_data import UserDataClient

log = logging.getLogger(__name__)


class GatewayService:
    def __init__(self) -> None:
        self.config = gateway_config.load()
        self.stores = Stores(self.config)
        self.user_data = UserDataClient(self.config)

    def profile(self, user_id: str) -> dict:
        with self.stores.postgres.cursor() as cur:
            cur.execute(
                "SELECT id, handle, display_name, country FROM profiles WHERE id = %s",
                (user_id,),
            )
            row = cur.fetchone()
        if row is None:
            raise KeyError(user_id)
        log.info("profile read", extra={"user_id": user_id, "purpose": "profile"})
        return {"id": row[0], "handle": row[1], "display_name": row[2], "country": row[3]}

    def phone_number(self, user_id: str) -> str | None:
        log.info("phone read", extra={"user_id": user_id, "purpose": "verification"})
        return self.user_data.phone_number(user_id)

    def private_videos(self, user_id: str) -> list[dict]:
        return self.user_data.private_videos(user_id)

    def cached_counter(self, key: str) -> int:
        value = self.stores.cache.get(key)
        return int(value or 0)

    def watch_history(self, user_id: str) -> list[str]:
        return legacy.watch_history(self.config, user_id)

    def media_url(self, key: str) -> str:
        return self.stores.media.generate_presigned_url(
            "get_object",
            Params={"Bucket": self.config.media_bucket, "Key": key},
            ExpiresIn=300,
        )
