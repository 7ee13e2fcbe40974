"""A rise in quality that has held for months is followed; praise younger than that never makes a rise."""
from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from bench.scoring.simulate import NOW
from craftreview.scoring import ModelOptions, ReviewSignal, fit_model
from craftreview.scoring.explain import review_table
from craftreview.scoring.robust import RISE_STOOD_DAYS, rise_points

pytestmark = pytest.mark.filterwarnings("error")

STOOD = RISE_STOOD_DAYS


@pytest.fixture(scope="module")
def drops_only(platform):
    """Model 2.12: only drops are followed."""
    return fit_model(platform.signals, now=NOW, crafts=platform.crafts, options=ModelOptions(rise_days=None))


def review(stars, reviewer, days_ago, *, verified=True):
    created = NOW - timedelta(days=days_ago)
    return ReviewSignal("m", reviewer, *stars, created_at=created, verified=verified,
                        reviewer_joined_at=created - timedelta(days=400.0), review_id=reviewer)


def improved_maker(since_days=220.0, n_since=10, before=(3, 3, 3), after=(5, 5, 4)):
    """20 reviews at `before` over the two years before `since_days`, then n_since at `after`, evenly spread."""
    old = [review(before, f"old{i}", since_days + 10.0 + 25.0 * i) for i in range(20)]
    new = [review(after, f"new{i}", 5.0 + (since_days - 10.0) * i / max(n_since - 1, 1)) for i in range(n_since)]
    return old + new


def test_a_rise_that_has_held_for_months_is_followed(model, drops_only):
    sigs = improved_maker()
    score = model.score_maker(sigs, now=NOW)
    table = review_table(score.explanation)
    assert score.explanation["evidence"]["quality_rose_days_ago"] is not None
    assert score.explanation["evidence"]["quality_dropped_days_ago"] is None
    assert table["old0"]["change_factor"] < 0.2 and table["new0"]["change_factor"] == 1.0
    assert "written before the maker's quality changed" in table["old0"]["why"]
    followed = score.overall.mean
    held_back = drops_only.score_maker(sigs, now=NOW).overall.mean
    assert followed > 4.2  # the new level is about 4.75; the old one 3.0
    assert followed > held_back + 0.4  # under model 2.12 the old level still held the estimate back
    assert score.unproven_reason in (None, "mixed_evidence")


@pytest.mark.parametrize("spacing", [0.0, 3.0, 14.0, 25.0, 29.0])
def test_praise_younger_than_four_months_never_makes_a_rise(model, spacing):
    """Five verified five-stars in the last four months, at any spacing, after two years of threes."""
    old = [review((3, 3, 3), f"old{i}", 125.0 + 30.0 * i) for i in range(20)]
    shills = [review((5, 5, 5), f"shill{i}", 2.0 + spacing * i) for i in range(5)]
    assert 2.0 + spacing * 4 < STOOD  # every shill younger than the rise test reads
    score = model.score_maker(old + shills, now=NOW)
    assert score.explanation["evidence"]["quality_rose_days_ago"] is None
    assert min(review_table(score.explanation)[f"old{i}"]["change_factor"] for i in range(20)) == 1.0


def test_a_rise_needs_its_new_level_in_reviews_that_have_stood():
    """Function level: the same gap is a rise once enough of the new level is older than the stood age, not before."""
    def ages(newest_new):
        old = 400.0 + 20.0 * np.arange(10)
        new = newest_new + 15.0 * np.arange(6)
        return np.concatenate([old, new])
    v = np.array([3.0] * 10 + [4.8] * 6)
    w = np.ones(16)
    maker = np.zeros(16, dtype=int)
    young = rise_points(v, w, ages(10.0), maker, 1, 0.8, STOOD)  # the new level spans 10-85 days
    stood = rise_points(v, w, ages(100.0), maker, 1, 0.8, STOOD)  # 100-175 days: four of six past 120
    assert np.isnan(young[0])
    assert STOOD < stood[0] <= 400.0
    lower = rise_points(np.array([3.0] * 10 + [3.3] * 6), w, ages(100.0), maker, 1, 0.8, STOOD)
    assert np.isnan(lower[0])  # a small gap is not a rise
