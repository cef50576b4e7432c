"""Read-only access to the pre-2020 watch-history store (custom legacy_db format)."""

from __future__ import annotations

import legacy_db

from clover_gateway.config import GatewayConfig


def watch_history(config: GatewayConfig, user_id: str) -> list[str]:
    with legacy_db.open(config.legacy_store_path, readonly=True) as db:
        return list(db.get(user_id, default=[]))
