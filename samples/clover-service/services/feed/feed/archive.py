"""Cold archive of expired feed snapshots.

The archive cluster runs an older driver build that is only installed on the
batch nodes, so it is imported lazily.
"""

from __future__ import annotations

import importlib

from feed import settings


def open_archive(uri: str = settings.ARCHIVE_URI):
    return importlib.import_module("pymongo").MongoClient(uri, serverSelectionTimeoutMS=5000)  # auditkit-expect: gateway.bypass


def archive_snapshots(user_id: str, snapshots: list[dict]) -> int:
    client = open_archive()
    try:
        result = client["archive"]["feed_snapshots"].insert_many(
            [{"user_id": user_id, **s} for s in snapshots]
        )
        return len(result.inserted_ids)
    finally:
        client.close()
