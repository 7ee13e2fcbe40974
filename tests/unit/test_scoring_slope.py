"""The slide-stretched interval (ModelOptions.slope_interval, model 2.24): what it stretches and what it leaves."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest

from bench.scoring.simulate import NOW
from craftreview.scoring import ModelOptions, ReviewSignal, fit_model
from craftreview.scoring.slope import MIN_REVIEWS, maker_slopes, slope_bounds

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(scope="module")
def models(model):
    """The production model (conftest's, fitted on the shared platform) and the same fit scoring without the slide."""
    return {True: model, False: replace(model, options=replace(model.options, slope_interval=False))}


def history(start: float, end: float, n: int = 24, years: float = 3.0):
    """n reviews spread evenly over the last `years`, each by a different established buyer, whose stars slide
    linearly from `start` (the oldest) to `end` (the newest), alternating rounding so the slide survives it."""
    out = []
    for i in range(n):
        frac = i / (n - 1)
        level = start + (end - start) * frac
        stars = int(np.clip(np.floor(level + (0.5 if i % 2 else 0.0) + 0.25), 1, 5))
        created = NOW - timedelta(days=(1.0 - frac) * years * 365.25 + 3.0)
        out.append(ReviewSignal("m", f"b{i}", stars, stars, stars, created_at=created, verified=True,
                                reviewer_joined_at=created - timedelta(days=400), review_id=i))
    return out


def test_the_mixture_is_fitted_only_when_switched_on(platform, model):
    assert 0.0 < model.params.slope_share < 1.0 and model.params.slope_var > 0.0
    plain = fit_model(platform.signals, now=NOW, crafts=platform.crafts, options=ModelOptions(slope_interval=False))
    assert plain.params.slope_share == 0.0


def test_a_slide_stretches_the_end_it_heads_for_and_changes_nothing_else(models):
    # A maker sliding from five stars to three over three years: the estimate (weighted toward recent reviews, but
    # one level for all of them) sits above where the maker is now, so the low end must reach further down.
    sigs = history(5.0, 3.0)
    off, on = (models[k].score_maker(sigs, now=NOW) for k in (False, True))
    assert on.overall.low < off.overall.low - 0.1
    assert on.overall.high == pytest.approx(off.overall.high, abs=1e-9)
    for dim in ("craftsmanship", "consistency", "delivery", "overall"):
        assert getattr(on, dim).mean == getattr(off, dim).mean
        assert getattr(on, dim).low <= getattr(off, dim).low and getattr(on, dim).high >= getattr(off, dim).high
    assert (on.tier, on.p_skilled, on.p_master, on.p_novice) == (off.tier, off.p_skilled, off.p_master, off.p_novice)


def test_a_rise_stretches_the_high_end(models):
    sigs = history(3.0, 5.0)
    off, on = (models[k].score_maker(sigs, now=NOW) for k in (False, True))
    assert on.overall.high > off.overall.high + 0.1
    assert on.overall.low == pytest.approx(off.overall.low, abs=1e-9)


def test_a_level_history_is_stretched_little(models):
    sigs = history(4.0, 4.0)
    off, on = (models[k].score_maker(sigs, now=NOW) for k in (False, True))
    width = off.overall.high - off.overall.low
    assert on.overall.high - on.overall.low < 1.05 * width


def test_a_short_or_thin_history_reads_no_slope(models):
    for sigs in (history(5.0, 3.0, n=MIN_REVIEWS - 1), history(5.0, 3.0, years=0.2)):
        off, on = (models[k].score_maker(sigs, now=NOW) for k in (False, True))
        assert (on.overall.low, on.overall.high) == (off.overall.low, off.overall.high)


def test_maker_slopes_recovers_a_planted_slope_and_its_lever():
    age = np.linspace(0.0, 3.0, 40)  # years
    y = np.repeat((4.0 - 0.5 * age)[:, None], 3, axis=1)  # 0.5 stars a year better now than before
    b, s2, lever = maker_slopes(y, np.ones(40), np.ones(40), age, np.zeros(40, dtype=int), 1, 0.3)
    assert b[0] == pytest.approx(0.5) and np.isfinite(s2[0])
    assert lever[0] == pytest.approx(1.5)  # equal weights: the evidence's mean age is half the span
    # a review weighed to nothing does not count toward MIN_REVIEWS
    w = np.r_[np.ones(MIN_REVIEWS - 1), np.zeros(35)]
    assert np.isinf(maker_slopes(y, w, np.ones(40), age, np.zeros(40, dtype=int), 1, 0.3)[1][0])


def test_slope_bounds_never_narrow_and_follow_the_slope_sign():
    mean, sd = np.full((3, 4), 4.0), np.full((3, 4), 0.2)
    low, high = mean - 1.645 * sd, mean + 1.645 * sd
    levels = (np.full((3, 4), 0.05), np.full((3, 4), 0.95))
    b, s2, lever = np.array([0.5, -0.5, 0.0]), np.array([0.01, 0.01, np.inf]), np.ones(3)
    lo, hi = slope_bounds(b, s2, lever, 0.2, 0.1, mean, sd, low, high, levels)
    assert (lo <= low + 1e-12).all() and (hi >= high - 1e-12).all()
    assert hi[0, 3] > high[0, 3] + 0.1 and lo[0, 3] == pytest.approx(low[0, 3], abs=1e-3)
    assert lo[1, 3] < low[1, 3] - 0.1 and hi[1, 3] == pytest.approx(high[1, 3], abs=1e-3)
    assert (lo[2] == low[2]).all() and (hi[2] == high[2]).all()  # no slope read: the posterior's own


def test_the_explanation_says_the_range_allows_for_a_change_when_only_the_slide_is_allowed_for(model):
    slide_only = replace(model, options=replace(model.options, step_interval=False))
    neither = replace(model, options=replace(model.options, step_interval=False, slope_interval=False))
    assert slide_only.score_maker(history(5.0, 3.0), now=NOW).explanation["range_allows_for_change"] is True
    assert neither.score_maker(history(5.0, 3.0), now=NOW).explanation["range_allows_for_change"] is False
