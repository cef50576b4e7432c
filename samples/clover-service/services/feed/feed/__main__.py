"""Entry point: serve the feed API."""

from __future__ import annotations

import uvicorn
from fastapi import FastAPI

from feed import cache, ranking, settings

app = FastAPI(title="clover-feed")


@app.get("/healthz")
def healthz() -> dict:
    return {"status": "ok"}


@app.get("/v1/feed/{user_id}")
def feed_page(user_id: str, page: int = 0) -> dict:
    items = cache.cached_page(user_id, page)
    if items is None:
        items = [c.__dict__ for c in ranking.candidates_for(user_id)]
        cache.store_page(user_id, page, items)
    return {"user_id": user_id, "page": page, "items": items}


if __name__ == "__main__":
    uvicorn.run(app, host=settings.LISTEN_HOST, port=settings.LISTEN_PORT)
