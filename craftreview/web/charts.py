"""Geometry for the server-drawn SVG charts (no script, no inline style: coordinates and classes only)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from flask import Flask

from ..durations import span_words
from ..services.review_facts import SORTS

# Trend chart viewBox and plot area (the SVG scales to its container's width).
TREND_W, TREND_H = 320, 150
LEFT, RIGHT, TOP, BOTTOM = 30, 294, 10, 124
SKILLED_LINE = 4.0
MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def init_app(app: Flask) -> None:
    """Template globals the chart partials use."""
    app.add_template_global(histogram_bars, "histogram_bars")
    app.add_template_global(trend_chart, "trend_chart")
    app.add_template_global(month_label, "month_label")
    app.add_template_global(lateness_words, "lateness_words")
    app.add_template_global(day_words, "day_words")
    app.add_template_global(duration_words, "duration_words")
    app.add_template_filter(chance, "chance")
    app.add_template_filter(shown_bands, "shown_bands")
    app.jinja_env.globals["REVIEW_SORTS"] = SORTS


@dataclass
class Bar:
    """One horizontal bar: its label, value, and length in viewBox units."""

    label: str
    value: float
    y: float
    width: float


def histogram_bars(counts: list[int], width: float = 150.0, row: float = 16.0) -> list[Bar]:
    """Bars for 5 stars down to 1 star, longest = `width`."""
    top = max(max(counts, default=0), 1)
    return [Bar(label=f"{stars}★", value=counts[stars - 1], y=(5 - stars) * row,
                width=round(counts[stars - 1] / top * width, 1)) for stars in range(5, 0, -1)]


def month_label(key: str, short: bool = False) -> str:
    """'2026-03' -> 'Mar 2026' (or "Mar '26")."""
    year, month = key.split("-")
    name = MONTH_NAMES[int(month) - 1]
    return f"{name} ’{year[2:]}" if short else f"{name} {year}"


@dataclass
class TrendChart:
    """Paths and ticks of one dimension's 24-month trend with its 90% band."""

    line: str
    band: str
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    skilled_y: float | None
    last: tuple[float, float] | None
    rows: list[tuple[str, str, str]]  # (month, estimate, 90% range) newest first, for the text table
    now: list[float]  # [mean, low, high] at the last month end
    first: tuple[str, float]  # the first month with a point, and its estimate
    left: float = LEFT
    right: float = RIGHT
    bottom: float = BOTTOM


def _range(points: list[list[float]]) -> tuple[float, float]:
    """The y range: half-star steps around the band, at least one star tall, within 1-5."""
    low = max(1.0, math.floor(min(p[1] for p in points) * 2) / 2)
    high = min(5.0, math.ceil(max(p[2] for p in points) * 2) / 2)
    if high - low < 1.0:
        low, high = (low, low + 1.0) if low + 1.0 <= 5.0 else (high - 1.0, high)
    return low, high


def trend_chart(trend: dict, dimension: str) -> TrendChart | None:
    """Line and band coordinates for `dimension`, or None when there is nothing to draw."""
    months, points = trend.get("months", []), trend.get("points", [])
    present = [(i, p[dimension]) for i, p in enumerate(points) if p and dimension in p]
    if not present:
        return None
    # One scale for every dimension of the maker, so that the three charts side by side compare honestly.
    low, high = _range([p[d] for p in points if p for d in p])
    step = (RIGHT - LEFT) / max(len(months) - 1, 1)

    def x(index: int) -> float:
        return round(LEFT + index * step, 1)

    def y(value: float) -> float:
        return round(BOTTOM - (value - low) / (high - low) * (BOTTOM - TOP), 1)

    ticks = [v / 2 for v in range(int(low * 2), int(high * 2) + 1)]
    if len(ticks) > 5:  # a tall range is labelled at whole stars only (3.0, 4.0, 5.0), never 2.5, 3.5, 4.5
        ticks = [v for v in ticks if v.is_integer()]
    band = [(x(i), y(p[2])) for i, p in present] + [(x(i), y(p[1])) for i, p in reversed(present)]
    return TrendChart(
        line="M" + " L".join(f"{x(i)},{y(p[0])}" for i, p in present),
        band="M" + " L".join(f"{a},{b}" for a, b in band) + " Z",
        y_ticks=[(y(v), f"{v:.1f}") for v in ticks],
        x_ticks=[(x(i), month_label(months[i], short=True)) for i in range(len(months) - 1, -1, -6)],
        skilled_y=y(SKILLED_LINE) if low < SKILLED_LINE < high else None,
        last=(x(present[-1][0]), y(present[-1][1][0])),
        rows=[(month_label(months[i]), f"{p[0]:.2f}", f"{p[1]:.2f}–{p[2]:.2f}") for i, p in reversed(present)],
        now=present[-1][1], first=(month_label(months[present[0][0]]), present[0][1][0]))


def day_words(days: float) -> str:
    """'1 day', '12 days'; a median between two whole days (an even count of orders) as the two: '4–5 days', never
    '4.5 days', a lateness no order had."""
    whole = math.floor(days)
    if days - whole == 0.5:
        return f"{whole}–{whole + 1} days"
    text = f"{round(days)}"
    return f"{text} day" if text == "1" else f"{text} days"


def lateness_words(days: float) -> str:
    """'1 day late', '17–18 days late'."""
    return f"{day_words(days)} late"


def duration_words(hours: float | None) -> str:
    """A reply delay in words: 'under an hour', '5 hours', '3 days'."""
    if hours is None:
        return "—"
    return "under an hour" if hours < 1 else span_words(hours * 3600)


def _percent_down(p: float) -> int:
    return math.floor(p * 100 + 1e-9)  # the epsilon: 0.29 * 100 is 28.999999999999996


def shown_bands(bands: dict[str, float]) -> dict[str, float]:
    """The tier bands (master, skilled but not master, developing, novice) as the tier chart and the score page's
    table show them: each is rounded down by `chance`, except skilled, which is shown as the rounded skilled-or-better
    claim less the rounded master band, so the two bars add up to the claim's own figure (master 2.9% and skilled
    68.9% read 2% and 68% beside a claim of 71%, one point lost to rounding twice; now 2% and 69%)."""
    if not bands:
        return {}
    master = bands.get("master", 0.0)
    skilled = _percent_down(master + bands.get("skilled", 0.0)) - _percent_down(master)
    return {**bands, "skilled": max(skilled, 0) / 100}


def chance(p: float | None) -> str:
    """A probability as a whole percentage, rounded down, that never claims certainty: '<1%', '37%', '>99%'.

    Rounded down everywhere, as "N% sure" is (score_words.sure), so one claim reads the same figure in the panel, the
    explanation's table and the compare page (0.968 read "97%" in the table beside "96% sure" above it)."""
    if p is None:
        return "—"
    if p < 0.01:
        return "<1%"
    if p > 0.99:
        return ">99%"
    return f"{_percent_down(p)}%"
