"""Direct data-store clients. Only the gateway may construct these."""

from __future__ import annotations

import functools

import boto3
import psycopg2
import pymongo
import redis

from clover_gateway.config import GatewayConfig


class Stores:
    """Lazily opened connections to every store that holds user data."""

    def __init__(self, config: GatewayConfig) -> None:
        self._config = config

    @functools.cached_property
    def postgres(self):
        return psycopg2.connect(self._config.postgres_dsn, connect_timeout=3)

    @functools.cached_property
    def cache(self) -> redis.Redis:
        return redis.Redis(host=self._config.cache_host, port=6379, ssl=True, socket_timeout=2)

    @functools.cached_property
    def documents(self) -> pymongo.MongoClient:
        return pymongo.MongoClient(self._config.documents_uri, tls=True, serverSelectionTimeoutMS=2000)

    @functools.cached_property
    def media(self):
        return boto3.client(
            "s3",
            region_name=self._config.media_region,
            endpoint_url="https://s3.eu-central-1.amazonaws.com",
        )

    def close(self) -> None:
        if "postgres" in self.__dict__:
            self.postgres.close()
        if "documents" in self.__dict__:
            self.documents.close()
