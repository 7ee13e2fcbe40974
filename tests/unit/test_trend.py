"""The stored monthly trend: month ends, no points before the first review, the last point is today's score."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bench.scoring.simulate import NOW as SIM_NOW
from bench.scoring.simulate import SimConfig, simulate
from craftreview import scoring
from craftreview.scoring.trend import month_ends, monthly_trends, tier_probabilities

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def signal(maker, reviewer, days_ago, stars=4):
    return scoring.ReviewSignal(maker_id=maker, reviewer_id=reviewer, craftsmanship=stars, consistency=stars,
                                delivery=stars, created_at=NOW - timedelta(days=days_ago), verified=True)


@pytest.fixture(scope="module")
def world():
    signals = [signal(m, 100 * m + k, 20 + 35 * k, stars=2 + (m + k) % 4) for m in range(6) for k in range(8)]
    signals.append(signal(9, 999, 10, stars=5))  # a maker whose only review is this month
    return signals, scoring.fit_model(signals, now=NOW)


def test_month_ends_are_the_last_instants_of_the_24_months_ending_now():
    ends = month_ends(NOW)
    assert len(ends) == 24 and ends[-1] == NOW
    assert ends[-2] == datetime(2026, 10, 31, 23, 59, 59, 999999, tzinfo=UTC)
    assert ends[0] == datetime(2024, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)


def test_last_point_is_the_score_the_model_gives_now(world):
    signals, model = world
    trends = monthly_trends(model, signals, now=NOW)
    for maker in (0, 3, 9):
        now_score = model.score_maker([s for s in signals if s.maker_id == maker], now=NOW)
        point = trends[maker]["points"][-1]
        for dim in ("overall", "craftsmanship", "consistency", "delivery"):
            estimate = getattr(now_score, dim)
            assert point[dim] == pytest.approx([estimate.mean, estimate.low, estimate.high], abs=1e-3)
        assert trends[maker]["tiers"] == tier_probabilities(now_score)


def test_a_past_point_is_the_score_from_the_reviews_written_by_that_month_end(world):
    signals, model = world
    trends = monthly_trends(model, signals, now=NOW)
    end = month_ends(NOW)[-7]
    then = model.score_maker([s for s in signals if s.maker_id == 2 and s.created_at <= end], now=end)
    assert trends[2]["points"][-7]["craftsmanship"] == pytest.approx(
        [then.craftsmanship.mean, then.craftsmanship.low, then.craftsmanship.high], abs=1e-3)


def test_months_before_the_first_review_have_no_point(world):
    signals, model = world
    points = monthly_trends(model, signals, now=NOW)[9]["points"]
    assert points[:-1] == [None] * 23 and points[-1] is not None


def test_tier_probabilities_sum_to_one(world):
    signals, model = world
    for maker in range(6):
        shares = tier_probabilities(model.score_maker([s for s in signals if s.maker_id == maker], now=NOW))
        assert sum(shares.values()) == pytest.approx(1.0, abs=2e-3)
        assert list(shares) == ["novice", "developing", "skilled", "master"]


def test_tier_chances_are_the_bands_the_maker_page_names(world):
    """'The chance that the maker's true overall rating lies in each tier's range: master 4.5 and above, skilled
    4.0-4.5, developing 3.5-4.0, novice below 3.5' (p_skilled is overall 4.0 or better, master included)."""
    signals, model = world
    for maker in range(6):
        score = model.score_maker([s for s in signals if s.maker_id == maker], now=NOW)
        shares = tier_probabilities(score)
        assert shares["master"] == pytest.approx(score.p_master, abs=1e-4)
        assert shares["skilled"] == pytest.approx(score.p_skilled - score.p_master, abs=1e-4)
        assert shares["novice"] == pytest.approx(score.p_novice, abs=1e-4)
        assert shares["developing"] == pytest.approx(1.0 - score.p_skilled - score.p_novice, abs=1e-4)


def test_known_finished_months_are_kept_and_the_current_month_is_always_rescored(world):
    signals, model = world
    mine = [s for s in signals if s.maker_id == 1]
    full = monthly_trends(model, mine, now=NOW)[1]
    marker = {"overall": [9.0, 9.0, 9.0]}
    again = monthly_trends(model, mine, now=NOW, known=dict.fromkeys(full["months"], marker))[1]
    assert again["points"][:-1] == [None if p is None else marker for p in full["points"][:-1]]
    assert again["points"][-1] == full["points"][-1]


def test_last_point_has_the_range_the_model_gives_now_where_a_step_stretches_it():
    data = simulate(3, SimConfig(n_makers=300, p_drift=0.5, p_step=1.0))
    model = scoring.fit_model(data.signals, now=SIM_NOW)
    assert model.params.step_share > 0
    plain = replace(model, options=replace(model.options, step_interval=False))
    trends = monthly_trends(model, data.signals, now=SIM_NOW)
    stretched = 0
    for maker in range(0, 300, 5):
        mine = [s for s in data.signals if s.maker_id == maker]
        now_score, symmetric = model.score_maker(mine, now=SIM_NOW), plain.score_maker(mine, now=SIM_NOW)
        stretched += now_score.overall.high > symmetric.overall.high + 0.01
        point = trends[maker]["points"][-1]
        for dim in ("overall", "craftsmanship", "consistency", "delivery"):
            estimate = getattr(now_score, dim)
            assert point[dim] == pytest.approx([estimate.mean, estimate.low, estimate.high], abs=1e-3)
    assert stretched >= 3  # the check above covers ranges the steps moved
