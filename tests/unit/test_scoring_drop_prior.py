"""A maker whose work dropped is measured against a prior widened by a step (model.prior_after_drop, model 2.22).

The platform prior describes its makers as they are. Held to it, the reviews since a detected drop were pulled back
toward the platform's typical maker: on a lenient platform a maker fallen from 4.6 to 3.0 read well above 3 twelve
reviews later. Once DROP_PRIOR_EVIDENCE trusted reviews since show the new level, the prior's variance grows by the
platform's step variance; nothing changes for makers without a detected drop or with fewer reviews since.
"""
from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from bench.scoring.simulate import NOW
from craftreview.scoring.model import prior_after_drop
from craftreview.scoring.robust import DROP_PRIOR_EVIDENCE, evidence_since
from tests.unit.test_scoring_lenient import review

pytestmark = pytest.mark.filterwarnings("error")

BEFORE = [(5, 5, 4), (5, 4, 5), (4, 5, 5), (5, 5, 5), (5, 4, 4)]  # about 4.6
AFTER = [(3, 3, 3), (3, 2, 3), (3, 3, 4), (2, 3, 3), (4, 3, 3), (3, 3, 2)]  # about 3.0


def fallen(n_since: int) -> list:
    """Twenty reviews at about 4.6 stars 200-676 days ago, then n_since at about 3.0 in the last 180 days."""
    older = [review(BEFORE[i % 5], f"old{i}", 200 + 25 * i) for i in range(20)]
    return older + [review(AFTER[i % 6], f"new{i}", 5 + 170 * i / max(n_since - 1, 1)) for i in range(n_since)]


@pytest.fixture(scope="module")
def held(lenient_model):
    """The same fit with the prior left as it is after a drop (model 2.21)."""
    return replace(lenient_model, options=replace(lenient_model.options, drop_prior=False))


def test_the_platform_has_steps_and_a_prior_well_above_the_fallen_level(lenient_model):
    assert lenient_model.params.step_var > 0.1
    assert lenient_model.params.mu[0] > 4.2


def test_twelve_reviews_since_a_drop_are_read_with_less_pull_toward_the_platform(lenient_model, held):
    widened, plain = lenient_model.score_maker(fallen(12), now=NOW), held.score_maker(fallen(12), now=NOW)
    assert widened.explanation["evidence"]["quality_dropped_days_ago"] is not None
    for name in ("craftsmanship", "consistency", "delivery"):
        assert widened.explanation["prior"]["sd"][name] > plain.explanation["prior"]["sd"][name] + 0.1
        assert widened.explanation["evidence"]["prior_share"][name] < plain.explanation["evidence"]["prior_share"][name]
    # nearer the level of the reviews since (about 3.0), not the platform's typical maker (about 4.4)
    assert widened.overall.mean < plain.overall.mean - 0.05
    assert abs(widened.overall.mean - 3.0) < abs(plain.overall.mean - 3.0)


def test_only_makers_with_enough_trusted_reviews_since_a_drop_get_the_wider_prior():
    """Four makers: a drop with 3.2 and with 2.4 reviews' worth of weight since, a drop with nothing since, none."""
    maker = np.array([0] * 6 + [1] * 6 + [2] * 3 + [3] * 4)
    age = np.array([300, 250, 200, 50, 30, 10] * 2 + [300, 200, 100] + [300, 200, 100, 10], dtype=float)
    weight = np.array([1, 1, 1, 1.2, 1.0, 1.0] + [1, 1, 1, 0.8, 0.8, 0.8] + [1, 1, 1] + [1, 1, 1, 1.0])
    change_age = np.array([90.0, 90.0, 60.0, np.nan])
    since = evidence_since(weight, age, maker, 4, change_age)
    assert since.tolist() == pytest.approx([3.2, 2.4, 0.0, 0.0])
    batch = SimpleNamespace(change_age=change_age, weights=SimpleNamespace(weight=weight, age_days=age),
                            arr=SimpleNamespace(maker=maker, n_makers=4))
    tau2 = np.full((4, 4), 0.2)
    out = prior_after_drop(batch, tau2, 0.5)
    assert out[0].tolist() == pytest.approx([0.7, 0.7, 0.7, 0.2])  # the three stars, not lateness
    assert np.array_equal(out[1:], tau2[1:]) and tau2[0, 0] == 0.2  # the others as they were; the input untouched
    assert np.array_equal(prior_after_drop(batch, tau2, 0.0), tau2)  # no step variance fitted: nothing widens
    assert DROP_PRIOR_EVIDENCE == pytest.approx(3.0)


def test_a_steady_record_is_scored_as_before(lenient_model, held):
    steady = [review(BEFORE[i % 5], f"s{i}", 5 + 30 * i) for i in range(25)]
    widened, plain = lenient_model.score_maker(steady, now=NOW), held.score_maker(steady, now=NOW)
    assert widened.explanation["evidence"]["quality_dropped_days_ago"] is None
    assert (widened.overall.mean, widened.overall.low, widened.overall.high, widened.tier) == (
        plain.overall.mean, plain.overall.low, plain.overall.high, plain.tier)
