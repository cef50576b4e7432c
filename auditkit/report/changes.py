"""What the renderers show of a retest: the changes since the previous audit, and the trend.

Pure functions of the report's ``history`` and retest statuses (auditkit.history writes them),
so that every rendering of a stored report.json shows the same changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditkit.report import palette
from auditkit.report.model import (
    CATEGORY_ORDER,
    Counts,
    PreviousReport,
    Report,
    ReportFinding,
    Retest,
)

RETEST_LABELS = {
    Retest.NEW.value: "New",
    Retest.STILL_OPEN.value: "Still open",
    "fixed": "Fixed",
}
RETEST_DEFINITIONS = {
    Retest.NEW.value: "Not in the previous audit.",
    Retest.STILL_OPEN.value: "Also in the previous audit (matched without line numbers, so "
    "moved code is still open).",
    "fixed": "In the previous audit, gone from this one; shown at its last location.",
}
# The chart appears once the history has more than one link (three reports or more).
TREND_MIN_EARLIER = 2

_W, _H = 600, 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 44, 190, 16, 44


@dataclass(frozen=True, slots=True)
class CategoryChange:
    key: str
    new: int
    still_open: int
    fixed: int
    open_now: int


@dataclass(frozen=True, slots=True)
class TrendRow:
    title: str
    date: str
    counts: Counts  # open findings by category
    total: int
    current: bool


@dataclass(frozen=True, slots=True)
class Series:
    key: str
    colour: str
    points: str  # SVG polyline points
    dots: tuple[tuple[int, int, int], ...]  # x, y, value
    legend_y: int


@dataclass(frozen=True, slots=True)
class TrendChart:
    width: int
    height: int
    left: int
    top: int
    bottom: int  # y of the x axis
    right: int  # x of the last point's column end
    y_ticks: tuple[tuple[int, int], ...]  # y, value
    x_labels: tuple[tuple[int, str], ...]  # x, date
    series: tuple[Series, ...]
    legend_x: int
    description: str


@dataclass(frozen=True, slots=True)
class Changes:
    previous: PreviousReport
    new: int
    still_open: int
    fixed: tuple[ReportFinding, ...]
    suppressed_since: tuple[ReportFinding, ...]
    by_category: tuple[CategoryChange, ...]
    trend: tuple[TrendRow, ...]  # every report of the chain, oldest first, this one last
    chart: TrendChart | None


def changes_of(report: Report) -> Changes | None:
    history = report.history
    if history is None:
        return None
    findings = report.findings
    by_id = {f.id: f for f in findings}
    rows = []
    for category in CATEGORY_ORDER:
        mine = [f for f in findings if f.category is category]
        rows.append(
            CategoryChange(
                key=category.value,
                new=sum(1 for f in mine if f.retest is Retest.NEW),
                still_open=sum(1 for f in mine if f.retest is Retest.STILL_OPEN),
                fixed=sum(1 for f in history.fixed if f.category is category),
                open_now=sum(1 for f in mine if f.live),
            )
        )
    trend = [
        TrendRow(t.title, t.date, t.by_category, sum(n for _, n in t.by_category), False)
        for t in history.trend
    ]
    s = report.summary
    trend.append(TrendRow(report.metadata.title, report.metadata.date, s.by_category, s.live, True))
    return Changes(
        previous=history.previous,
        new=sum(1 for f in findings if f.retest is Retest.NEW),
        still_open=sum(1 for f in findings if f.retest is Retest.STILL_OPEN),
        fixed=history.fixed,
        suppressed_since=tuple(by_id[i] for i in history.suppressed_since if i in by_id),
        by_category=tuple(rows),
        trend=tuple(trend),
        chart=trend_chart(trend) if len(history.trend) >= TREND_MIN_EARLIER else None,
    )


def trend_chart(rows: list[TrendRow]) -> TrendChart:
    """A line per category with open findings at some point of the chain, oldest left."""
    keys = [c.value for c in CATEGORY_ORDER]
    values = {k: [dict(r.counts).get(k, 0) for r in rows] for k in keys}
    shown = [k for k in keys if any(values[k])] or keys[:1]
    peak = max(1, *(v for k in shown for v in values[k]))
    bottom, right = _H - _BOTTOM, _W - _RIGHT
    span_x = right - _LEFT - 20
    step = span_x / max(1, len(rows) - 1)

    def x(i: int) -> int:
        return round(_LEFT + 10 + i * step)

    def y(v: int) -> int:
        return round(bottom - (bottom - _TOP) * v / peak)

    series = []
    for n, key in enumerate(shown):
        dots = tuple((x(i), y(v), v) for i, v in enumerate(values[key]))
        series.append(
            Series(
                key=key,
                colour=palette.CATEGORY.get(key, palette.ACCENT),
                points=" ".join(f"{px},{py}" for px, py, _ in dots),
                dots=dots,
                legend_y=_TOP + 8 + n * 20,
            )
        )
    ticks = sorted({0, peak // 2, peak})
    described = "; ".join(
        f"{r.date}: " + ", ".join(f"{k} {values[k][i]}" for k in shown) for i, r in enumerate(rows)
    )
    return TrendChart(
        width=_W,
        height=_H,
        left=_LEFT,
        top=_TOP,
        bottom=bottom,
        right=right,
        y_ticks=tuple((y(v), v) for v in ticks),
        x_labels=tuple((x(i), r.date) for i, r in enumerate(rows)),
        series=tuple(series),
        legend_x=right + 16,
        description=f"Open findings by category across the audit history. {described}.",
    )
