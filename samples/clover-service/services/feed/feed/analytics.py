"""Engagement analytics: event tracking, scoring and daily exports."""

from __future__ import annotations

import datetime as dt
import json
import os

import requests

SEGMENT_TRACK_URL = "https://api.segment.io/v1/track"  # auditkit-expect: endpoint.non-eu
SEGMENT_WRITE_KEY = os.environ.get("SEGMENT_WRITE_KEY", "")

# Daily exports go to the partner bucket in Beijing for the CN app store build.
EXPORT_BUCKET_URL = "https://clover-exports.oss-cn-beijing.aliyuncs.com"  # auditkit-expect: endpoint.non-eu
VERTEX_PREDICT_URL = "https://us-central1-aiplatform.googleapis.com/v1/projects/clover-ml/locations/us-central1/endpoints/4471:predict"  # auditkit-expect: endpoint.non-eu
EU_COLLECTOR_URL = "https://collector.clover-analytics.de/v1/events"

# Old collector, switched off in 2023: https://collector.clover-analytics.co.uk/v1/events


def track(event: str, user_id: str, properties: dict) -> None:
    requests.post(
        SEGMENT_TRACK_URL,
        json={"event": event, "userId": user_id, "properties": properties},
        auth=(SEGMENT_WRITE_KEY, ""),
        timeout=5,
    )
    requests.post(EU_COLLECTOR_URL, json={"event": event, "user": user_id}, timeout=5)


def engagement_score(features: dict) -> float:
    resp = requests.post(VERTEX_PREDICT_URL, json={"instances": [features]})  # auditkit-expect: bandit.B113
    resp.raise_for_status()
    return float(resp.json()["predictions"][0])


def export_daily(rows: list[dict], day: dt.date | None = None) -> None:
    day = day or dt.date.today()
    body = "\n".join(json.dumps(r) for r in rows)
    requests.put(f"{EXPORT_BUCKET_URL}/daily/{day:%Y-%m-%d}.jsonl", data=body, verify=False, timeout=30)  # auditkit-expect: bandit.B501
