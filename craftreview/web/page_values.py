"""What a stored maker page draws of its maker's score row and trend, in the form the page draws it.

`flask rescore` refits on all data and rewrites every score, but most pages still draw exactly what
they drew (an hour of time decay moves a few in a hundred past a rounding step). Rescore compares these
values before and after and marks only the pages that would draw differently, so the renderer redraws
those instead of every page. The values are taken through the same filters and chart geometry the
templates use (`_score_panel.html`, `_charts_section.html`, the profile's tier badge);
tests/web/test_page_values.py renders the page from nudged scores and fails if the page shows
anything these values do not cover.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

from flask import Flask

from .charts import shown_bands, trend_chart
from .filters import bar_position
from .score_words import TRUSTED_MIN, trusted_evidence_line, unproven_words

DIMENSIONS = ("overall", "craftsmanship", "consistency", "delivery")
CHART_DIMENSIONS = ("craftsmanship", "consistency", "delivery")
TIER_KEYS = ("master", "skilled", "developing", "novice")
TIER_BAR_WIDTH = 120  # the tier chart's bar length (makers/_charts.html)

ShownValues = Callable[[Mapping, dict], tuple]


def _one_decimal(value: float | None) -> str | None:
    return None if value is None else f"{value:.1f}"


def _estimate(row: Mapping, dimension: str) -> tuple:
    values = (row[dimension], row[f"{dimension}_low"], row[f"{dimension}_high"])
    return tuple((_one_decimal(v), None if v is None else bar_position(v)) for v in values)


def shown_values(app: Flask) -> ShownValues:
    """A function of (score row values, decoded trend) that is equal for two scores exactly when the
    maker page draws them alike (given the same maker and reviews)."""
    filters = app.jinja_env.filters
    sure, chance, rounded = filters["sure"], filters["chance"], filters["round"]

    # The panel's delivery line is drawn from the reviews (review_facts), not from the score row.
    def panel(row: Mapping) -> tuple:
        trusted = row["trusted_reviews"]
        return (row["tier"], row["review_count"], row["verified_count"], row["unproven_reason"],
                sure(row["tier_confidence"]), chance(row["p_skilled"]),
                trusted is not None and trusted < TRUSTED_MIN,
                trusted_evidence_line(row["tier"], row["unproven_reason"], row["review_count"], trusted),
                unproven_words(row["unproven_reason"], trusted)["detail"] if row["tier"] == "unproven" else None,
                tuple(_estimate(row, d) for d in DIMENSIONS))

    def charts(trend: dict) -> tuple:
        tiers = shown_bands(trend.get("tiers") or {})
        bars = tuple((rounded(tiers.get(k, 0) * TIER_BAR_WIDTH, 1), chance(tiers.get(k, 0))) for k in TIER_KEYS)
        return bool(tiers), bars, tuple(repr(trend_chart(trend, d)) for d in CHART_DIMENSIONS)

    def shown(row: Mapping | None, trend: dict) -> tuple:
        return (None if row is None else panel(row)), charts(trend)

    return shown
