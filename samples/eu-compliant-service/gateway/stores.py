"""Connections to the EU data stores (Frankfurt primary, Paris queue)."""

from __future__ import annotations

import functools
import os

import boto3
import psycopg2
import redis


class Stores:
    def __init__(self) -> None:
        self._dsn = os.environ.get("GATEWAY_DSN", "postgresql://gateway@10.20.0.5:5432/appointments")
        self._cache_host = os.environ.get("GATEWAY_CACHE_HOST", "cache.tilia.internal")

    @functools.cached_property
    def db(self):
        return psycopg2.connect(self._dsn, connect_timeout=3)

    @functools.cached_property
    def cache(self) -> redis.Redis:
        return redis.Redis(host=self._cache_host, port=6379, ssl=True, socket_timeout=2)

    @functools.cached_property
    def documents(self):
        return boto3.client(
            "s3",
            region_name="eu-central-1",
            endpoint_url="https://s3.eu-central-1.amazonaws.com",
        )

    @functools.cached_property
    def reminders_queue(self):
        return boto3.client(
            "sqs",
            region_name="eu-west-3",
            endpoint_url="https://sqs.eu-west-3.amazonaws.com",
        )
