"""Writing the fleet summary (fleet.json, fleet.html, fleet.md) and signing it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from auditkit.fleet.manifest import FleetManifest
from auditkit.fleet.render import render_fleet_html, render_fleet_markdown
from auditkit.fleet.run import TargetOutcome
from auditkit.fleet.signature import FLEET_ENVELOPE, sign_fleet
from auditkit.fleet.summary import fleet_json_bytes, fleet_to_dict
from auditkit.report.output import write_atomic

if TYPE_CHECKING:
    from auditkit.signing.keys import SigningKey


def write_fleet(
    manifest: FleetManifest,
    outcomes: Sequence[TargetOutcome],
    out_dir: Path,
    date: str,
    key: SigningKey | None,
) -> list[Path]:
    """Write the summary files (and with ``key`` their signature); returns what was written."""
    fleet = fleet_to_dict(manifest, outcomes, date, signed=key is not None)
    written = [
        write_atomic(out_dir / "fleet.json", fleet_json_bytes(fleet)),
        write_atomic(out_dir / "fleet.html", render_fleet_html(fleet)),
        write_atomic(out_dir / "fleet.md", render_fleet_markdown(fleet)),
    ]
    envelope = out_dir / FLEET_ENVELOPE
    if key is not None:
        written.append(sign_fleet(out_dir, key))
    elif envelope.exists():
        envelope.unlink()  # it signed the summary just replaced
    return written
