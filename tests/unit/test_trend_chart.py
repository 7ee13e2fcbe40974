"""Trend chart geometry: one scale for a maker's three dimensions, ticks a reader can use."""
from __future__ import annotations

from craftreview.web.charts import trend_chart

MONTHS = [f"2026-{m:02d}" for m in range(1, 7)]


def _trend(craft: tuple[float, float, float], delivery: tuple[float, float, float]) -> dict:
    point = {"craftsmanship": list(craft), "consistency": [4.0, 3.8, 4.2], "delivery": list(delivery)}
    return {"months": MONTHS, "points": [point] * len(MONTHS)}


def test_every_dimension_of_a_maker_is_drawn_on_the_same_scale():
    trend = _trend(craft=(3.0, 2.6, 3.4), delivery=(4.7, 4.5, 4.9))
    charts = [trend_chart(trend, d) for d in ("craftsmanship", "consistency", "delivery")]
    assert len({tuple(c.y_ticks) for c in charts}) == 1
    assert charts[0].skilled_y == charts[2].skilled_y is not None


def test_a_tall_range_is_labelled_at_whole_stars_only():
    chart = trend_chart(_trend(craft=(3.0, 2.6, 3.4), delivery=(4.7, 4.5, 4.9)), "delivery")
    assert [label for _y, label in chart.y_ticks] == ["3.0", "4.0", "5.0"]


def test_a_narrow_range_is_labelled_in_half_stars_including_the_skilled_line():
    chart = trend_chart(_trend(craft=(4.1, 3.9, 4.3), delivery=(4.2, 3.9, 4.4)), "delivery")
    assert [label for _y, label in chart.y_ticks] == ["3.5", "4.0", "4.5"]
