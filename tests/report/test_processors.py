"""Appendix F (processors and clouds), appendix G (unverified endpoints by host) and the
first-party domains proposed for allow_hosts."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from pathlib import Path

from auditkit.core.model import Category, Finding, Location, Severity, Suppression
from auditkit.firstparty import first_party_domains, registrable_domain
from auditkit.report import Report
from auditkit.report.deserialize import report_from_dict
from auditkit.report.markdown import render_markdown
from auditkit.report.processors import host_inventory, processors
from auditkit.report.serialize import report_to_dict


def test_processors_are_every_vendor_and_cloud_named_with_operator_and_files(
    report: Report,
) -> None:
    found = {p.name: p for p in processors(report)}
    assert list(found) == ["<b>Evil</b> | Vendor", "Alibaba Cloud", "AWS"]
    alibaba = found["Alibaba Cloud"]
    assert (alibaba.operator, alibaba.operator_jurisdiction) == (
        "Alibaba Group Holding Limited",
        "CN",
    )
    assert [(x.jurisdiction, x.region, x.hosts) for x in alibaba.places] == [
        ("CN", "cn-beijing", ("analytics.cn-beijing.aliyuncs.com",))
    ]
    assert alibaba.files == ("services/feed/feed/analytics.py",)
    assert (alibaba.findings, alibaba.open) == (("AK-001",), 1)
    assert found["<b>Evil</b> | Vendor"].eu_alternative == "`eu.evil.example`|x"


def test_appendices_are_in_report_json_and_derived_again_on_reading(report: Report) -> None:
    d = report_to_dict(report)
    assert [p["name"] for p in d["processors"]] == ["<b>Evil</b> | Vendor", "Alibaba Cloud", "AWS"]
    assert d["unverified_hosts"] == [
        {
            "host": "metrics.example.com",
            "vendor": None,
            "operator": None,
            "places": 1,
            "files": ["services/feed/feed/settings.py"],
            "findings": [d["unverified_hosts"][0]["findings"][0]],
        }
    ]
    assert d["first_party"] == []
    # a stored appendix that disagrees with the findings is not believed
    d["processors"] = [{"name": "forged"}]
    again = report_from_dict(json.loads(json.dumps(d)))
    assert again == report
    assert [p.name for p in processors(again)][1:] == ["Alibaba Cloud", "AWS"]


def test_markdown_appendices(report: Report) -> None:
    text = render_markdown(report).decode()
    assert "## Appendix F. Processors and clouds" in text
    assert (
        "| Alibaba Cloud | **CN** cn-beijing: `analytics.cn-beijing.aliyuncs.com` "
        "| Alibaba Group Holding Limited (CN) | `services/feed/feed/analytics.py` "
        "| `phone_number` | — "
        "| 1 (1 open): AK-001 |"
    ) in text
    assert "## Appendix G. Unverified endpoints by host" in text


def _unverified(host: str, path: str, line: int = 1, vendor: str | None = None) -> Finding:
    return Finding(
        rule_id="endpoint.unverified",
        category=Category.UNVERIFIED_ENDPOINT,
        severity=Severity.INFO,
        message="External endpoint whose jurisdiction cannot be determined",
        location=Location(path, line, 1, line, 10),
        snippet="",
        engine="semgrep",
        evidence=(("endpoint", f"https://{host}"), ("host", host), ("vendor", vendor)),
    )


def _project(root: Path) -> list[Finding]:
    (root / "package.json").write_text(
        json.dumps({"name": "@acme/web", "homepage": "https://www.acme.io/product"})
    )
    (root / "services" / "billing").mkdir(parents=True)
    (root / "services" / "billing" / "pom.xml").write_text(
        '<project xmlns="http://maven.apache.org/POM/4.0.0"><groupId>com.acmecorp</groupId>'
        "<artifactId>billing</artifactId><url>https://github.com/acmecorp/billing</url>"
        "</project>"
    )
    # a dependency's manifest names someone else's domain: never evidence
    (root / "node_modules" / "left-pad").mkdir(parents=True)
    (root / "node_modules" / "left-pad" / "package.json").write_text(
        json.dumps({"name": "partner", "homepage": "https://partner.example.net"})
    )
    return [
        _unverified("api.acme.io", "web/client.ts", 1),
        _unverified("api.acme.io", "web/client.ts", 9),
        _unverified("acme.io", "web/links.ts"),
        _unverified("status.acmecorp.com", "services/billing/Status.java"),
        _unverified("partner.example.net", "web/partner.ts"),
        _unverified("cdn.thirdparty.dev", "web/a.ts"),
        _unverified("cdn.thirdparty.dev", "web/b.ts"),
        _unverified("o1.ingest.sentry.io", "web/sentry.ts", vendor="Sentry"),
    ]


def test_first_party_domains_from_metadata_and_names(tmp_path: Path) -> None:
    found = first_party_domains(tmp_path, _project(tmp_path))
    assert [(d.domain, d.patterns, d.endpoints, d.files) for d in found] == [
        ("acme.io", ("acme.io", "*.acme.io"), 3, 2),
        ("acmecorp.com", ("*.acmecorp.com",), 1, 1),
    ]
    assert found[0].evidence == (
        "package.json homepage https://www.acme.io/product",
        "package.json name acme",
    )
    assert found[1].evidence == ("services/billing/pom.xml name acmecorp",)


def test_first_party_from_the_git_remote_without_its_credentials(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(
        ["git", "-C", str(tmp_path), "remote", "add", "origin",
         "https://bot:s3cret@git.acme.io/platform/acme-app.git"],
        check=True,
    )  # fmt: skip
    found = first_party_domains(tmp_path, [_unverified("api.acme.io", "a.py")])
    assert found[0].evidence == ("git remote origin https://git.acme.io/platform/acme-app.git",)
    assert "s3cret" not in json.dumps([d.evidence for d in found])


def test_nothing_is_proposed_without_evidence_nor_for_suppressed_or_vendor_hosts(
    tmp_path: Path,
) -> None:
    suppressed = replace(
        _unverified("api.acme.io", "a.py"), suppression=Suppression("inline", "our own")
    )
    assert first_party_domains(tmp_path, [_unverified("api.acme.io", "a.py")]) == ()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "acme"\n')
    assert first_party_domains(tmp_path, [suppressed]) == ()
    assert (
        first_party_domains(tmp_path, [_unverified("acme.sentry.io", "a", vendor="Sentry")]) == ()
    )
    assert registrable_domain("api.eu.acme.co.uk") == "acme.co.uk"
    assert registrable_domain("co.uk") is None


def test_host_inventory_groups_live_unverified_endpoints(report: Report) -> None:
    assert [(e.host, e.places) for e in host_inventory(report)] == [("metrics.example.com", 1)]


def test_terminal_summary_groups_by_host_and_proposes_without_applying(tmp_path: Path) -> None:
    import io

    from rich.console import Console

    from auditkit.core.model import Coverage, ScanResult
    from auditkit.text_output import render_text

    found = _project(tmp_path)
    result = ScanResult(target="acme", findings=tuple(found), coverage=Coverage((), ()))
    buffer = io.StringIO()
    render_text(result, Console(file=buffer, width=200, no_color=True), tmp_path)
    text = buffer.getvalue()
    assert "unverified endpoints by host (8 places, 6 hosts)" in text
    assert "│ api.acme.io         │      2 │     1 │ -      │ web/client.ts" in text
    assert "Suggestion (not applied)" in text
    assert "add them to [jurisdiction] allow_hosts" in text
    assert '"acme.io", "*.acme.io"  3 places in 2 files' in text
