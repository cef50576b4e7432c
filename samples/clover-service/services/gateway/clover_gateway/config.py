"""Gateway configuration, read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class GatewayConfig:
    postgres_dsn: str
    cache_host: str
    documents_uri: str
    media_bucket: str
    media_region: str
    user_data_base: str
    media_index_base: str
    legacy_store_path: str


def load() -> GatewayConfig:
    env = os.environ.get
    return GatewayConfig(
        postgres_dsn=env("GATEWAY_POSTGRES_DSN", "postgresql://gateway@10.0.3.4:5432/users"),
        cache_host=env("GATEWAY_CACHE_HOST", "cache.clover.internal"),
        documents_uri=env("GATEWAY_DOCUMENTS_URI", "mongodb://docs.clover.internal:27017/documents"),
        media_bucket=env("GATEWAY_MEDIA_BUCKET", "clover-media-eu"),
        media_region=env("GATEWAY_MEDIA_REGION", "eu-central-1"),
        user_data_base=env("GATEWAY_USER_DATA_BASE", "http://user-data.svc.cluster.local/v2"),
        media_index_base=env("GATEWAY_MEDIA_INDEX_BASE", "http://media-index.svc.cluster.local:8080"),
        legacy_store_path=env("GATEWAY_LEGACY_STORE", "/srv/legacy/watch_history.ldb"),
    )
