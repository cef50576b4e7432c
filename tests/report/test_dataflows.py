"""The data-flow section (issue 17 item 4): per data category, what leaves, to where, through
which files, with each flow's steps; and the categories each processor of appendix F receives."""

from __future__ import annotations

import json
from dataclasses import replace

from auditkit.core.model import Category
from auditkit.report import Report
from auditkit.report.dataflows import FlowStepRef, data_flows
from auditkit.report.deserialize import report_from_dict
from auditkit.report.html import render_html
from auditkit.report.json_render import render_json
from auditkit.report.markdown import render_markdown
from auditkit.report.processors import processors
from auditkit.report.serialize import report_to_dict

from .fixture import HOSTILE_PATH

ANALYTICS = "services/feed/feed/analytics.py"


def _ids(report: Report) -> dict[str, str]:
    """Finding id by rule id of the fixture's data-egress findings."""
    return {f.rule_id: f.id for f in report.findings if f.category is Category.DATA_EGRESS}


def test_one_section_per_category_with_destinations_files_and_steps(report: Report) -> None:
    ids = _ids(report)
    (phone,) = data_flows(report)
    assert (phone.category, phone.open) == ("phone_number", 2)
    rows = [(d.kind, d.target, d.jurisdiction, d.vendor, d.findings) for d in phone.destinations]
    assert rows == [
        ("endpoint", "analytics.cn-beijing.aliyuncs.com", "CN", "Alibaba Cloud",
         (ids["data-egress.endpoint"],)),
        ("log", "logger.info", None, None, (ids["data-egress.log"],)),
    ]  # fmt: skip
    assert phone.files == tuple(sorted((HOSTILE_PATH, ANALYTICS)))
    sent = next(x for x in phone.flows if x.kind == "endpoint")
    assert (sent.sink, sent.path, sent.line, sent.severity) == (
        "requests.post",
        ANALYTICS,
        41,
        "critical",
    )
    assert sent.steps == (
        FlowStepRef(ANALYTICS, 37, "phone = user.phone_number"),
        FlowStepRef(ANALYTICS, 39, 'payload = {"msisdn": phone}'),
        FlowStepRef(ANALYTICS, 41, "sent by requests.post"),
    )


def test_processors_name_the_categories_they_receive(report: Report) -> None:
    found = {p.name: p.categories for p in processors(report)}
    assert found == {"<b>Evil</b> | Vendor": (), "Alibaba Cloud": ("phone_number",), "AWS": ()}
    d = report_to_dict(report)
    assert [p["categories"] for p in d["processors"]] == [[], ["phone_number"], []]


def test_section_is_in_report_json_and_derived_again_on_reading(report: Report) -> None:
    d = report_to_dict(report)
    assert [c["category"] for c in d["data_flows"]] == ["phone_number"]
    steps = d["data_flows"][0]["flows"][0]["steps"]
    assert steps[0] == {"path": ANALYTICS, "line": 37, "note": "phone = user.phone_number"}
    # a stored section that disagrees with the findings is not believed
    d["data_flows"] = [{"category": "forged", "flows": []}]
    again = report_from_dict(json.loads(json.dumps(d)))
    assert again == report
    assert [c.category for c in data_flows(again)] == ["phone_number"]


def test_an_old_report_without_the_section_still_reads(report: Report) -> None:
    d = report_to_dict(report)
    del d["data_flows"]
    for p in d["processors"]:
        del p["categories"]
    again = report_from_dict(json.loads(json.dumps(d)))
    assert again == report
    assert report_to_dict(again) == report_to_dict(report)


def test_malformed_steps_are_left_out_and_the_sink_kind_falls_back_to_the_rule(
    report: Report,
) -> None:
    egress = next(f for f in report.findings if f.rule_id == "data-egress.log")
    ev = dict(egress.evidence)
    ev["flow"] = ["x", {"line": "7"}, {"line": 3, "note": 4}]
    del ev["sink_kind"]
    broken = replace(egress, evidence=tuple(ev.items()))
    (phone,) = data_flows(
        replace(report, findings=tuple(broken if f is egress else f for f in report.findings))
    )
    logged = next(x for x in phone.flows if x.finding == egress.id)
    assert logged.kind == "log"
    assert logged.steps == (FlowStepRef(HOSTILE_PATH, 3, ""),)


def test_no_egress_findings_no_section(report: Report) -> None:
    kept = tuple(f for f in report.findings if f.category is not Category.DATA_EGRESS)
    assert data_flows(replace(report, findings=kept)) == ()


def test_markdown_section(report: Report) -> None:
    text = render_markdown(report).decode()
    section = text[text.index("## 6. Personal data flows") : text.index("## Appendix A.")]
    assert "6. [Personal data flows](#6-personal-data-flows)" in text
    assert "### `phone_number`: 2 flows (2 open)" in section
    assert (
        "| `analytics.cn-beijing.aliyuncs.com` | Endpoint | CN | Alibaba Cloud | AK-010 |"
        in section
    )
    assert "| `logger.info` | Log | — | — | AK-011 |" in section
    assert (
        "1. AK-010 (Critical, Open): to `analytics.cn-beijing.aliyuncs.com` by `requests.post` "
        f"at `{ANALYTICS}:41`\n    1. `{ANALYTICS}:37` `phone = user.phone_number`\n"
    ) in section
    # the hostile note stays one code span (longer fence), unescaped | outside a table
    assert "``phone = u['phone'] | `x` <script>alert(3)</script>``" in section


def test_markdown_without_egress_says_so(report: Report) -> None:
    kept = tuple(f for f in report.findings if f.category is not Category.DATA_EGRESS)
    text = render_markdown(replace(report, findings=kept)).decode()
    assert "No value of a policy data category reaches an endpoint" in text


def test_html_section_links_findings_and_escapes_markup(report: Report) -> None:
    html = render_html(report).decode()
    section = html[html.index('<section id="data-flows"') : html.index('<section id="coverage"')]
    assert '<li><a href="#data-flows">6. Personal data flows</a></li>' in html
    assert (
        '<h3 id="flows-1-phone-number"><span class="mono">phone_number</span>: 2 flows' in section
    )
    assert '<a href="#ak-010">AK-010</a> (Critical, Open): to <span class="mono wrap">' in section
    assert f'<span class="mono wrap">{ANALYTICS}:37</span>' in section
    assert "<script>" not in section and "<img" not in section
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in section
    # each linked finding exists in the report
    for i in ("ak-010", "ak-011"):
        assert f'id="{i}"' in html
    # appendix F: the categories column
    assert '<td class="wrap"><span class="mono">phone_number</span></td>' in html


def test_renderings_are_reproducible(report: Report) -> None:
    again = report_from_dict(json.loads(render_json(report)))
    assert render_html(again) == render_html(report)
    assert render_markdown(again) == render_markdown(report)
