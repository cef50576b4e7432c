"""Fleet audits: every target of a manifest on Dask distributed (issue 15).

``load_manifest`` reads the manifest; ``cluster.connect`` gives a Dask client (a LocalCluster
on this machine, or a running scheduler) and ``cluster.check_workers`` refuses workers whose
engines differ; ``run_fleet`` plans the batches of every target, runs them on the client's
executor and writes each target's reports; ``write_fleet`` writes the signed summary.
Layer: above scan, report and signing; below the CLI.
"""

from __future__ import annotations

from auditkit.fleet.manifest import FleetManifest, FleetTarget, load_manifest
from auditkit.fleet.output import write_fleet
from auditkit.fleet.run import FleetOptions, FleetProgress, TargetOutcome, run_fleet

__all__ = [
    "FleetManifest",
    "FleetOptions",
    "FleetProgress",
    "FleetTarget",
    "TargetOutcome",
    "load_manifest",
    "run_fleet",
    "write_fleet",
]
