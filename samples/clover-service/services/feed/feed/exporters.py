"""Nightly exporters of feed signals to the analytics warehouse.

Written by the growth team before the gateway existed; every client here opens its own
connection to a store instead of going through clover_gateway.
"""

from __future__ import annotations

import json
import os

import boto3
from azure.cosmos import CosmosClient
from azure.storage.blob import BlobServiceClient
from cassandra.cluster import Cluster
from django.db import connection
from elasticsearch import Elasticsearch
from google.cloud import bigquery, firestore, storage

KINESIS_STREAM = "feed-signals"


def export_to_warehouse(rows: list[dict[str, object]]) -> None:
    client = bigquery.Client(project=os.environ["GCP_PROJECT"])  # auditkit-expect: gateway.bypass
    client.insert_rows_json("clover_feed.signals", rows)


def export_thumbnails(blobs: dict[str, bytes]) -> None:
    bucket = storage.Client().bucket("clover-thumbs")  # auditkit-expect: gateway.bypass
    for name, data in blobs.items():
        bucket.blob(name).upload_from_string(data)


def mirror_watch_history(user_id: str, history: list[str]) -> None:
    db = firestore.Client()  # auditkit-expect: gateway.bypass
    db.collection("history").document(user_id).set({"items": history})


def archive_to_azure(name: str, payload: bytes) -> None:
    service = BlobServiceClient.from_connection_string(os.environ["ARCHIVE_BLOB_DSN"])  # auditkit-expect: gateway.bypass
    service.get_blob_client("feed-archive", name).upload_blob(payload)


def record_session(doc: dict[str, object]) -> None:
    cosmos = CosmosClient(os.environ["COSMOS_URL"], credential=os.environ["COSMOS_KEY"])  # auditkit-expect: gateway.bypass
    cosmos.get_database_client("feed").get_container_client("sessions").upsert_item(doc)


def index_post(post: dict[str, object]) -> None:
    es = Elasticsearch(os.environ["SEARCH_HOSTS"].split(","))  # auditkit-expect: gateway.bypass
    es.index(index="posts", document=post)


def store_counters(counters: dict[str, int]) -> None:
    session = Cluster(os.environ["CASSANDRA_HOSTS"].split(",")).connect("feed")  # auditkit-expect: gateway.bypass
    for key, value in counters.items():
        session.execute("UPDATE counters SET n = n + %s WHERE k = %s", (value, key))


def publish_signals(events: list[dict[str, object]]) -> None:
    kinesis = boto3.client("kinesis")  # auditkit-expect: gateway.bypass
    for event in events:
        kinesis.put_record(StreamName=KINESIS_STREAM, Data=json.dumps(event), PartitionKey="feed")


def notify_moderation(post_id: str) -> None:
    sqs = boto3.client("sqs")  # auditkit-expect: gateway.bypass
    sqs.send_message(QueueUrl=os.environ["MODERATION_QUEUE_URL"], MessageBody=post_id)


def count_reports() -> int:
    with connection.cursor() as cursor:  # auditkit-expect: gateway.bypass
        cursor.execute("SELECT count(*) FROM moderation_report")
        return int(cursor.fetchone()[0])
