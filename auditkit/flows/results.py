"""What the flow analyses report: plain values, importable without libcst (the result cache
reads them on every scan)."""

from __future__ import annotations

from dataclasses import dataclass

# Where a value leaves: an external endpoint, a log line, a data store.
ENDPOINT = "endpoint"
LOG = "log"
STORE = "store"


@dataclass(frozen=True, slots=True)
class FlowStep:
    line: int
    note: str


@dataclass(frozen=True, slots=True)
class DataFlow:
    """A value of ``category`` reaches the call at the span; ``steps`` run source -> sink."""

    category: str
    kind: str  # ENDPOINT, LOG or STORE
    sink: str  # the callee as resolved: "requests.post", "analytics.track", "logging.info"
    start_line: int
    start_column: int
    end_line: int
    end_column: int
    steps: tuple[FlowStep, ...]
    endpoint: str | None = None  # URL / host / region text the data goes to, when resolved
    endpoint_via: str = ""  # how it was resolved ("constant API = ...", "SDK default host")
    # SDK calls: the jurisdiction of the SDK's default host, for when the classifier has none
    default_jurisdiction: str | None = None
    vendor: str | None = None
    store: str | None = None


@dataclass(frozen=True, slots=True)
class UnguardedAccess:
    """A gateway entry point reaches protected data with no authorization check before it."""

    entry_point: str
    entry_line: int
    kind: str  # "store" or "category"
    what: str  # the sink ("psycopg2.connect") or the category ("phone_number")
    start_line: int
    start_column: int
    end_line: int
    end_column: int
    via: str = ""  # "through helper load_user (line 40)" when the access is in a callee
    # Taken for a Django function view by its module and first parameter alone (no route
    # decorator, no view class): kept only if a urls.py of the tree names it, when the tree
    # has one (auditkit.flows.django_urls).
    django_function: bool = False
