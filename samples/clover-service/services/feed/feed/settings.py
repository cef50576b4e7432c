"""Runtime settings for the feed service."""

from __future__ import annotations

import os

SERVICE_NAME = "feed"
LISTEN_HOST = os.environ.get("FEED_LISTEN_HOST", "0.0.0.0")  # auditkit-expect: bandit.B104
LISTEN_PORT = int(os.environ.get("FEED_LISTEN_PORT", "8080"))

# Ranking replica and caches live on the private network.
FEED_DSN = os.environ.get("FEED_DSN", "postgresql://feed@10.0.3.4:5432/feed")
REDIS_HOST = os.environ.get("FEED_REDIS_HOST", "192.168.1.10")
MONGO_URI = os.environ.get("FEED_MONGO_URI", "mongodb://mongo.clover.internal:27017/feed")
ARCHIVE_URI = os.environ.get("FEED_ARCHIVE_URI", "mongodb://archive.clover.internal:27017/archive")
LOCAL_METRICS = "http://127.0.0.1:9102/metrics"

# The engagement warehouse stayed in the US account after the 2021 migration.
ANALYTICS_REGION = "us-east-1"  # auditkit-expect: endpoint.non-eu
MEDIA_REGION = "eu-central-1"

CONFIG_FILE = os.path.join(os.path.dirname(__file__), "config.yaml")
