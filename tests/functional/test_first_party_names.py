"""Field test f13, item 6, end to end (real semgrep, run_scan, then the first-party proposal):
formbricks' own docker/ folder holds a package.json named "docker", and auditkit proposed
docker.io, *.docker.io and *.docker.com as the project's own allow_hosts, which would waive
Docker Hub. A sub-folder's package name, or a name that is a known third party's, proposes
nothing; the project's own names and URLs still do.
"""

from __future__ import annotations

import json
from pathlib import Path

from auditkit.core.policy import Policy
from auditkit.firstparty import FirstPartyDomain, first_party_domains
from auditkit.scan import ScanOptions, run_scan

CLIENT_TS = """\
export const REGISTRY = "https://registry-1.docker.io/v2/";
export const HUB = "https://hub.docker.com/r/formbricks/formbricks";
export const APP = "https://app.formbricks.com/api/v1";
export const MAILER = "https://api.acmemail.com/send";
export const MIX = "https://cdn.mixpanel.io/lib.js";
"""


def _proposals(root: Path, manifests: dict[str, dict[str, str]]) -> dict[str, FirstPartyDomain]:
    for name, data in manifests.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data), encoding="utf-8")
    (root / "apps" / "web").mkdir(parents=True, exist_ok=True)
    (root / "apps" / "web" / "client.ts").write_text(CLIENT_TS, encoding="utf-8")
    result = run_scan(root, Policy(), ScanOptions(use_cache=False, run_bandit=False))
    assert not result.coverage.engine_issues
    return {d.domain: d for d in first_party_domains(root, result.findings)}


def test_a_sub_folder_named_docker_proposes_nothing(tmp_path: Path) -> None:
    found = _proposals(
        tmp_path,
        {
            "package.json": {"name": "formbricks"},
            "docker/package.json": {"name": "docker"},
            "packages/acmemail/package.json": {"name": "acmemail"},
            "apps/web/package.json": {"name": "@formbricks/web"},
        },
    )
    assert "docker.io" not in found and "docker.com" not in found
    assert "acmemail.com" not in found  # a sub-folder's own package name
    # the root's name and a sub-folder's npm scope still name the project
    assert found["formbricks.com"].evidence == (
        "apps/web/package.json name formbricks (and 1 more)",
    )


def test_a_root_name_equal_to_a_third_party_proposes_nothing(tmp_path: Path) -> None:
    found = _proposals(tmp_path, {"package.json": {"name": "mixpanel"}})
    assert found == {}
    # the project's own URL is evidence whatever the name
    found = _proposals(
        tmp_path, {"package.json": {"name": "mixpanel", "homepage": "https://cdn.mixpanel.io"}}
    )
    assert list(found) == ["mixpanel.io"]
    assert found["mixpanel.io"].evidence == ("package.json homepage https://cdn.mixpanel.io",)


def test_a_root_name_proposes_its_domain(tmp_path: Path) -> None:
    found = _proposals(tmp_path, {"package.json": {"name": "acmemail"}})
    assert list(found) == ["acmemail.com"]
    assert found["acmemail.com"].patterns == ("*.acmemail.com",)
