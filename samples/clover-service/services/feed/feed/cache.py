"""Hot caches for feed pages and the document store for feed snapshots."""

from __future__ import annotations

import json

import pymongo
from redis import Redis as Cache

from feed import settings

_pages = Cache(host=settings.REDIS_HOST, port=6379, db=2, socket_timeout=1)  # auditkit-expect: gateway.bypass
_snapshots = pymongo.MongoClient(settings.MONGO_URI, serverSelectionTimeoutMS=2000)  # auditkit-expect: gateway.bypass


def cached_page(user_id: str, page: int) -> list[dict] | None:
    raw = _pages.get(f"feed:{user_id}:{page}")
    return json.loads(raw) if raw else None


def store_page(user_id: str, page: int, items: list[dict], ttl: int = 120) -> None:
    _pages.setex(f"feed:{user_id}:{page}", ttl, json.dumps(items))


def snapshot(user_id: str, items: list[dict]) -> None:
    _snapshots["feed"]["snapshots"].insert_one({"user_id": user_id, "items": items})
