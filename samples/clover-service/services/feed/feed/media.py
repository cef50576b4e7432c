"""Clip storage and thumbnail metadata for the feed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import boto3

from feed import settings

if TYPE_CHECKING:
    import psycopg2

# Clips are still written to the London bucket used by the UK launch.
_clips = boto3.client("s3", region_name="eu-west-2")  # auditkit-expect: gateway.bypass, endpoint.non-eu
_sts = boto3.client("sts", region_name=settings.MEDIA_REGION)
_thumbnails = boto3.resource(  # auditkit-expect: gateway.bypass
    "dynamodb",
    endpoint_url="https://dynamodb.ap-southeast-1.amazonaws.com",  # auditkit-expect: endpoint.non-eu
).Table("video_thumbnails")


def caller_account() -> str:
    return _sts.get_caller_identity()["Account"]


def upload_clip(video_id: str, body: bytes) -> str:
    key = f"clips/{video_id}/source.mp4"
    _clips.put_object(Bucket="clover-clips-uk", Key=key, Body=body, ContentType="video/mp4")
    return key


def record_thumbnail(video_id: str, key: str, conn: psycopg2.extensions.connection | None = None) -> None:
    _thumbnails.put_item(Item={"video_id": video_id, "key": key})
    if conn is not None:
        with conn.cursor() as cur:
            cur.execute("UPDATE videos SET thumbnail_key = %s WHERE id = %s", (key, video_id))
