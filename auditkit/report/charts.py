"""Geometry of the report's inline SVG bar charts; the HTML template only draws it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from auditkit.report.model import Counts

WIDTH = 440
LABEL_WIDTH = 150
ROW = 26
BAR = 16
_MAX_ROWS = 10
_OTHERS = "others"


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    y: int
    width: int
    colour: str
    text_y: int
    value_x: int


@dataclass(frozen=True, slots=True)
class Chart:
    id: str
    title: str
    width: int
    height: int
    label_width: int
    bars: tuple[Bar, ...]
    description: str  # every value, for screen readers
    empty: bool


def bar_chart(
    chart_id: str,
    title: str,
    counts: Counts,
    colours: Mapping[str, str],
    default_colour: str,
    labels: Mapping[str, str] | None = None,
) -> Chart:
    """A horizontal bar chart: one row per key, at most ten rows (the rest become "others")."""
    rows = list(counts)
    if len(rows) > _MAX_ROWS:
        rest = sum(n for _, n in rows[_MAX_ROWS - 1 :])
        rows = [*rows[: _MAX_ROWS - 1], (_OTHERS, rest)]
    peak = max((n for _, n in rows), default=0)
    span = WIDTH - LABEL_WIDTH - 48
    bars = []
    for i, (key, value) in enumerate(rows):
        width = 0 if peak == 0 else max(2 if value else 0, round(span * value / peak))
        y = 8 + i * ROW
        bars.append(
            Bar(
                label=(labels or {}).get(key, key),
                value=value,
                y=y,
                width=width,
                colour=colours.get(key, default_colour),
                text_y=y + BAR - 4,
                value_x=LABEL_WIDTH + width + 6,
            )
        )
    description = "; ".join(f"{b.label}: {b.value}" for b in bars) or "no findings"
    return Chart(
        id=chart_id,
        title=title,
        width=WIDTH,
        height=16 + max(1, len(bars)) * ROW,
        label_width=LABEL_WIDTH,
        bars=tuple(bars),
        description=f"{title}. {description}.",
        empty=peak == 0,
    )
