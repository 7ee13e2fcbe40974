"""What rescore compares before re-rendering a stored maker page (web/page_values.py) covers everything the
page draws of the score row and the trend: a nudged score that leaves those values equal renders the very
same page, so a page rescore leaves alone is never stale."""
from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from sqlalchemy import update

from craftreview.db import write_transaction
from craftreview.models import MakerScoreRow, MakerTrendRow, Review, utcnow
from craftreview.services import scores
from craftreview.web import page_values
from tests.conftest import DATABASES

pytestmark = pytest.mark.parametrize("database_url", DATABASES, indirect=True)

FLOATS = ("overall", "overall_low", "overall_high", "craftsmanship", "craftsmanship_low", "craftsmanship_high",
          "consistency", "consistency_low", "consistency_high", "delivery", "delivery_low", "delivery_high",
          "p_skilled", "tier_confidence", "on_time_rate", "typical_slip_days", "trusted_reviews")
STEPS = (1e-7, 1e-3, 0.004, 0.02, 0.06, 0.3)
NONCE = re.compile(r'nonce="[^"]*"')


@pytest.fixture
def scored(db, make_maker, make_user, make_review):
    """A maker with a year of dated reviews, rescored: a full score panel and trend charts."""
    maker = make_maker(name="Nudge Pottery")
    today = utcnow()
    for n in range(9):
        review = make_review(make_user(), maker, craftsmanship=2 + n % 4, consistency=3 + n % 3, delivery=1 + n % 5,
                             delivered_on=(today - timedelta(days=13 - n)).date())
        with write_transaction(db):
            db.execute(update(Review).where(Review.id == review.id).values(created_at=today - timedelta(days=40 * n)))
    with write_transaction(db):
        scores.rescore_all(db, now=today)
    return maker


def _state(app, db, maker) -> tuple[tuple, str]:
    """(what rescore compares, the live page as an anonymous reader sees it) for the stored score."""
    db.expire_all()
    shown = scores.pages_drawn(db, page_values.shown_values(app))[maker.id]
    client = app.test_client()
    client.set_cookie("returning", "1")  # any cookie: the page is rendered live, never the stored copy
    html = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    return shown, NONCE.sub("", html)


def _set(db, maker, row: dict, trend: dict) -> None:
    with write_transaction(db):
        db.execute(update(MakerScoreRow).where(MakerScoreRow.maker_id == maker.id).values(**row))
        db.execute(update(MakerTrendRow).where(MakerTrendRow.maker_id == maker.id)
                   .values(trend_json=json.dumps(trend)))


def _nudged_points(trend: dict, step: float, last_only: bool) -> dict:
    points = [dict(p) if p else p for p in trend["points"]]
    for index, point in enumerate(points):
        if point and (index == len(points) - 1 or not last_only):
            for dimension, values in point.items():
                point[dimension] = [v + step for v in values]
    return trend | {"points": points}


def _variants(row: dict, trend: dict):
    """(name, row, trend) nudges of every value the page could draw."""
    for key in FLOATS:
        if row[key] is not None:
            for step in STEPS:
                yield f"{key}+{step}", row | {key: row[key] + step}, trend
    for key, values in (("tier", ("master", "skilled", "developing", "novice", "unproven")),
                        ("unproven_reason", (None, "too_few_reviews", "mixed_evidence")),
                        ("review_count", (row["review_count"], row["review_count"] + 1)),
                        ("verified_count", (row["verified_count"], row["verified_count"] + 1))):
        for value in values:
            yield f"{key}={value}", row | {key: value}, trend
    for step in STEPS:
        for last_only in (True, False):
            yield f"points+{step} last_only={last_only}", row, _nudged_points(trend, step, last_only)
        for tier in trend["tiers"]:
            yield f"tiers.{tier}+{step}", row, trend | {"tiers": trend["tiers"] | {tier: trend["tiers"][tier] + step}}


def _bases(row: dict) -> list[dict]:
    """The scored row, and the same row with a claim (or without one) in its place: both panels get nudged."""
    if row["tier"] == "unproven":
        return [row, row | {"tier": "skilled", "tier_confidence": 0.8731, "unproven_reason": None}]
    return [row, row | {"tier": "unproven", "tier_confidence": None, "unproven_reason": "mixed_evidence"}]


def test_a_nudge_that_leaves_the_compared_values_equal_draws_the_same_page(app, db, scored):
    scored_row = {key: getattr(db.get(MakerScoreRow, scored.id), key) for key in (*FLOATS, "tier", "unproven_reason",
                                                                              "review_count", "verified_count")}
    base_trend = json.loads(db.get(MakerTrendRow, scored.id).trend_json)
    assert len([p for p in base_trend["points"] if p]) >= 6 and scored_row["on_time_rate"] is not None
    same = redrawn = 0
    for base_row in _bases(scored_row):
        _set(db, scored, base_row, base_trend)
        shown, html = _state(app, db, scored)
        assert _state(app, db, scored) == (shown, html)  # the page itself is deterministic
        for name, row, trend in _variants(base_row, base_trend):
            _set(db, scored, row, trend)
            nudged_shown, nudged_html = _state(app, db, scored)
            if nudged_shown == shown:
                same += 1
                assert nudged_html == html, f"{name}: the page changed but the values rescore compares did not"
            elif nudged_html != html:
                redrawn += 1
    # Both kinds occurred: the check above was made, and the values do follow what the page draws.
    assert same >= 10 and redrawn >= 10, (same, redrawn)
