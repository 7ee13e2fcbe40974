"""The change-widened interval (ModelOptions.change_interval, on since model 2.23): what it widens and what it leaves."""
from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from bench.scoring.simulate import NOW, SimConfig, simulate
from craftreview.scoring import ModelOptions, ReviewSignal, fit_model
from craftreview.scoring.change import change_probability, change_variance, fit_change_mixture, recent_gap

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(scope="module")
def platform():
    return simulate(33, SimConfig(n_makers=600, p_drift=0.4))


@pytest.fixture(scope="module")
def models(platform):
    return {on: fit_model(platform.signals, now=NOW, crafts=platform.crafts, options=ModelOptions(change_interval=on, step_interval=False))
            for on in (False, True)}


def history(old_stars, new_stars, n_old=10, n_new=6):
    """n_old reviews 200-560 days ago, then n_new in the last 150 days, each by a different established buyer."""
    out = []
    for i, (stars, days) in enumerate([(old_stars, 200.0 + 40 * k) for k in range(n_old)]
                                      + [(new_stars, 5.0 + 25 * k) for k in range(n_new)]):
        created = NOW - timedelta(days=days)
        out.append(ReviewSignal("m", f"b{i}", *stars, created_at=created, verified=True,
                                reviewer_joined_at=created - timedelta(days=400), review_id=i))
    return out


def width(estimate) -> float:
    return estimate.high - estimate.low


def test_the_mixture_is_fitted_only_when_switched_on(models):
    assert models[False].params.change_share == 0.0
    assert 0.0 < models[True].params.change_share < 1.0 and models[True].params.change_var > 0.0


def test_recent_reviews_that_disagree_widen_the_interval_and_change_nothing_else(models):
    # An improvement: never a change point (only drops are), so the estimate lags and the interval must say so.
    sigs = history((3, 3, 3), (5, 5, 5))
    off, on = (models[k].score_maker(sigs, now=NOW) for k in (False, True))
    assert width(on.overall) > width(off.overall) + 0.1
    for dim in ("craftsmanship", "consistency", "delivery", "overall"):
        assert getattr(on, dim).mean == getattr(off, dim).mean
        assert width(getattr(on, dim)) >= width(getattr(off, dim))
    assert (on.tier, on.p_skilled, on.p_master, on.p_novice) == (off.tier, off.p_skilled, off.p_master, off.p_novice)


def test_recent_reviews_that_agree_leave_the_interval_almost_as_it_was(models):
    # Agreement does not rule out a small change, so the interval may widen a little, never by much.
    sigs = history((4, 4, 4), (4, 4, 4))
    off, on = (models[k].score_maker(sigs, now=NOW) for k in (False, True))
    assert width(off.overall) <= width(on.overall) < 1.06 * width(off.overall)


def test_a_maker_with_only_recent_or_only_older_reviews_is_not_widened(models):
    for sigs in (history((4, 4, 4), (4, 4, 4), n_old=0), history((5, 5, 5), (3, 3, 3), n_new=0)):
        off, on = (models[k].score_maker(sigs, now=NOW) for k in (False, True))
        assert width(on.overall) == width(off.overall)


def test_em_recovers_a_planted_change_mixture():
    rng = np.random.default_rng(5)
    s2 = rng.uniform(0.02, 0.2, 4000)
    changed = rng.random(4000) < 0.25
    d = rng.normal(0.0, np.sqrt(s2 + np.where(changed, 0.5, 0.0)))
    share, var = fit_change_mixture(d, s2)
    assert share == pytest.approx(0.25, abs=0.05)
    assert var == pytest.approx(0.5, rel=0.25)


def test_too_few_makers_to_compare_fit_no_mixture():
    assert fit_change_mixture(np.zeros(5), np.full(5, 0.1)) == (0.0, 0.0)
    assert not change_probability(np.ones(3), np.full(3, 0.1), 0.0, 0.0).any()


def test_change_variance_is_the_older_share_times_the_change_posterior():
    d, s2, older = np.array([1.0]), np.array([0.1]), np.array([0.6])
    share, var = 0.2, 0.4
    p = change_probability(d, s2, share, var)[0]
    shrink = var / (var + s2[0])
    expected = p * 0.6**2 * ((d[0] * shrink) ** 2 + var * s2[0] / (var + s2[0]))
    assert change_variance(d, s2, older, share, var)[0] == pytest.approx(expected)


def test_recent_gap_is_nothing_where_a_side_is_missing():
    y = np.array([[5.0, 5, 5], [3, 3, 3], [4, 4, 4]])
    d, s2, older = recent_gap(y, np.ones(3), np.array([10.0, 400.0, 10.0]), np.array([0, 0, 1]), 2, 0.5, min_side=1)
    assert d[0] == pytest.approx(2.0) and np.isfinite(s2[0]) and older[0] == pytest.approx(0.5)
    assert d[1] == 0.0 and np.isinf(s2[1])


def test_recent_gap_needs_min_side_reviews_on_each_side():
    # Maker 0: two recent fives, one older three; maker 1: two of each. Only maker 1's gap is read at two a side.
    y = np.array([[5.0, 5, 5], [5, 5, 5], [3, 3, 3], [5, 5, 5], [5, 5, 5], [3, 3, 3], [3, 3, 3]])
    age = np.array([10.0, 20.0, 400.0, 10.0, 20.0, 400.0, 500.0])
    maker = np.array([0, 0, 0, 1, 1, 1, 1])
    one = recent_gap(y, np.ones(7), age, maker, 2, 0.5, min_side=1)[1]
    two = recent_gap(y, np.ones(7), age, maker, 2, 0.5)[1]  # the default: change.MIN_SIDE, two a side
    assert np.isfinite(one).all()
    assert np.isinf(two[0]) and two[1] == pytest.approx(one[1])
    # A review weighed to nothing (a hidden or voided one) does not count toward the two.
    w = np.array([1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0])
    assert np.isinf(recent_gap(y, w, age, maker, 2, 0.5)[1][0])


def test_the_production_model_widens_only_past_two_reviews_a_side(platform):
    # Under the default options: one recent five after ten older threes is two buyers apart at most, not a change
    # the interval pays for; three recent fives are.
    model = fit_model(platform.signals, now=NOW)
    assert model.options.change_interval and model.params.change_share > 0.0
    plain = fit_model(platform.signals, now=NOW, options=ModelOptions(change_interval=False))
    one, three = history((3, 3, 3), (5, 5, 5), n_new=1), history((3, 3, 3), (5, 5, 5), n_new=3)
    assert width(model.score_maker(one, now=NOW).overall) == width(plain.score_maker(one, now=NOW).overall)
    assert width(model.score_maker(three, now=NOW).overall) > width(plain.score_maker(three, now=NOW).overall) + 0.05
