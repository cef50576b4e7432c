"""The Dask cluster a fleet runs on: a LocalCluster on this machine, or a running scheduler.

Before any work is sent, every worker must run the very auditkit, rules and engines of the
client: different engines give different findings, and a fleet report must not mix them.
"""

from __future__ import annotations

import logging
import platform
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from auditkit.core.errors import EngineError

if TYPE_CHECKING:
    from distributed import Client

# Seconds to reach a scheduler (and to wait for its first worker) before giving up.
CONNECT_TIMEOUT = 10.0


def environment() -> dict[str, str]:
    """What decides a batch's results on this machine. Runs on the client and on every worker."""
    from auditkit import __version__
    from auditkit.engines import bandit, python_cst, semgrep
    from auditkit.rulesets import ruleset_digest

    return {
        "auditkit": __version__,
        "ruleset": ruleset_digest(),
        "semgrep": semgrep.version(),
        "bandit": bandit.version(),
        "libcst": python_cst.version(),
        "python": ".".join(platform.python_version_tuple()[:2]),
    }


@contextmanager
def connect(
    scheduler: str | None, workers: int = 0, timeout: float = CONNECT_TIMEOUT
) -> Iterator[Client]:
    """A client on ``scheduler``, or on a LocalCluster of ``workers`` processes (0: one per
    two cores) bound to 127.0.0.1; EngineError (exit 3) when no cluster can be reached."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError(
            "auditkit fleet needs Dask distributed: install auditkit[fleet]"
        ) from None
    if scheduler is None:
        import os

        # One worker per two cores, one thread each: a batch runs semgrep and bandit as two
        # processes side by side (and libcst in the worker meanwhile), so it keeps about two
        # cores busy by itself. One worker per core oversubscribes an idle machine (on an idle
        # 2-core machine, 2 workers measured slower than 1); on a machine shared with other
        # load, more processes can win a larger share (2 were faster there): --workers N.
        # No dashboard: it would open a port nobody asked for.
        n = workers or max(1, (os.cpu_count() or 1) // 2)
        with (
            LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=n,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,  # type: ignore[no-untyped-call]
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout=timeout, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise EngineError(
            f"cannot reach the Dask scheduler at {scheduler} within {timeout:g} s: {reason}"
        ) from None
    with client:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except (OSError, TimeoutError):
            raise EngineError(
                f"the Dask scheduler at {scheduler} has no worker (waited {timeout:g} s): "
                "start workers with `dask worker " + scheduler + "`"
            ) from None
        yield client


def check_workers(client: Client) -> int:
    """Refuse workers whose environment differs from the client's; return the cluster's
    threads (how many batches can run at once)."""
    mine = environment()
    theirs: dict[str, dict[str, str]] = client.run(environment)
    problems = []
    for address, env in sorted(theirs.items()):
        diff = [f"{k} {env.get(k)} (client: {v})" for k, v in mine.items() if env.get(k) != v]
        if diff:
            problems.append(f"worker {address} has {', '.join(diff)}")
    if problems:
        raise EngineError(
            "refusing to run: workers must have the client's auditkit, rules and engines "
            "(install the same lock on every worker): " + "; ".join(problems)
        )
    threads: dict[str, int] = client.nthreads()  # type: ignore[no-untyped-call]
    return max(1, sum(threads.values()))
