"""A novice claim on a platform where most makers are novices: the prior alone earns no warning.

A novice claim warns buyers away. Where most makers are novices the platform prior argues for that claim by itself, so
a genuine newcomer (three verified five-stars from buyers with aged accounts, then two hostile one-stars) was labelled
a novice (model 2.19; issue 8 allows that for at most 5% of newcomers, and one bench world had 4 of 20). A novice claim
now must also hold against the prior moved up, where needed, until it alone makes "novice" no more likely than not
(claims.NOVICE_PRIOR_CHANCE, the mirror of claims.RECENT_PRIOR_CHANCE); a maker whose own reviews are low keeps it.
"""
from __future__ import annotations

import numpy as np
import pytest

from bench.scoring.simulate import NOW, SimConfig, simulate
from craftreview.scoring import ModelOptions, fit_model
from craftreview.scoring.claims import NOVICE_PRIOR_CHANCE, WITHHELD_BASE_RATE, generous_prior
from craftreview.scoring.types import NOVICE_LINE, OVERALL_WEIGHTS
from tests.unit.test_scoring_lenient import review

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(scope="module")
def harsh():
    """600 makers, three in five of them novices (latent 2.8): the platform prior favours "novice"."""
    return simulate(21, SimConfig(n_makers=600, class_p=(0.1, 0.3, 0.6), class_mean=(4.6, 3.7, 2.8)))


@pytest.fixture(scope="module")
def harsh_model(harsh):
    return fit_model(harsh.signals, now=NOW, crafts=harsh.crafts)


@pytest.fixture(scope="module")
def platform_prior(harsh):
    """Model 2.19: novice claims read against the platform prior as it is."""
    return fit_model(harsh.signals, now=NOW, crafts=harsh.crafts, options=ModelOptions(novice_prior_chance=None))


def newcomer(spacing: float) -> list:
    """Three verified five-stars from buyers of a few weeks' standing, then two verified one-stars from accounts
    almost a year old, `spacing` days apart."""
    return ([review((5, 5, 5), f"b{j}", 10.0 + 15.0 * j, account_days=60.0) for j in range(3)]
            + [review((1, 1, 1), f"h{j}", 5.0 + spacing * j, account_days=300.0) for j in range(2)])


def test_the_fixture_prior_makes_novice_likely_on_its_own(harsh_model, harsh):
    """What the change is about: on this platform the prior alone argues for "novice"."""
    assert np.mean(harsh.overall < NOVICE_LINE) > 0.5
    prior = harsh_model.score_maker([], now=NOW).explanation["prior"]["mean"]
    overall = float(np.dot(OVERALL_WEIGHTS, [prior["craftsmanship"], prior["consistency"], prior["delivery"]]))
    assert overall < NOVICE_LINE


@pytest.mark.parametrize("spacing", [0.0, 14.0])
def test_a_newcomer_with_three_five_stars_and_two_hostile_one_stars_is_not_labelled_novice(harsh_model,
                                                                                         platform_prior, spacing):
    """Score page: 'this maker's own reviews do not show that it is one, so no novice tier is shown'. Read against
    the platform prior, the newcomer was a novice."""
    assert platform_prior.score_maker(newcomer(spacing), now=NOW).tier == "novice"
    score = harsh_model.score_maker(newcomer(spacing), now=NOW)
    assert score.tier == "unproven" and score.explanation["claim_withheld"] == WITHHELD_BASE_RATE
    assert score.unproven_reason == "mixed_evidence"


@pytest.mark.parametrize(("stars", "k"), [((2, 2, 3), 3), ((3, 2, 2), 4), ((2, 3, 2), 6), ((3, 3, 2), 10)])
def test_a_maker_whose_own_reviews_are_low_keeps_its_novice_claim(harsh_model, stars, k):
    score = harsh_model.score_maker([review(stars, f"r{j}", 10.0 + 30.0 * j) for j in range(k)], now=NOW)
    assert score.tier == "novice" and score.explanation["claim_withheld"] is None


def test_at_even_odds_a_low_prior_moves_up_to_the_novice_line_and_a_high_one_stays():
    mean = np.array([[2.9, 3.0, 2.4, 0.5], [4.2, 4.0, 4.4, 0.2]])
    moved = generous_prior(mean, np.array([0.5, 0.5]), NOVICE_PRIOR_CHANCE)
    assert moved[0, :3] @ np.array(OVERALL_WEIGHTS) == pytest.approx(NOVICE_LINE)
    assert np.array_equal(moved[1], mean[1])
