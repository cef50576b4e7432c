"""What the Python gateway analyzer reports: plain values, importable without libcst
(the result cache reads them on every scan, and libcst costs 0.2 s to import)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SinkCall:
    """One call that reaches a data store; lines and columns are 1-based (end exclusive)."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    sink: str  # catalogue name: "psycopg2.connect", "boto3.client(s3)", "requests.get"
    store: str  # postgres, s3, redis, http-protected, custom, ...
    via: str  # how it was resolved: "import alias sa -> sqlalchemy"
    protected_host: str | None = None  # the URL's host, for an HTTP call to a protected host


@dataclass(frozen=True)
class ImportEdge:
    line: int
    column: int
    module: str  # as imported: "sqlalchemy.orm", "google.cloud.storage"
    store: str
    type_checking_only: bool


@dataclass(frozen=True)
class PythonGatewayResult:
    calls: tuple[SinkCall, ...]
    imports: tuple[ImportEdge, ...]
