"""A platform where most makers are skilled: a tier is earned by the maker's own reviews, not by the base rate.

Where most stars are fives and most makers skilled, the platform prior alone makes "skilled" likely. Once a maker's
most favourable reviews are set aside (claims.FAVOURITES_SET_ASIDE), what is left must still make the tier plausible;
read against that prior, an empty or one-review rest did, so five invited five-stars beside one honest three-star
claimed "skilled" (model 2.17). The rest is now read against a prior moved down to make "skilled" at most
claims.FAVOURITES_PRIOR_CHANCE likely on its own (claims.sceptical_prior).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest

from bench.scoring.simulate import NOW
from craftreview.scoring import ModelOptions, ReviewSignal, fit_model, score_makers, tier_outlooks
from craftreview.scoring.claims import FAVOURITES_PRIOR_CHANCE, sceptical_prior
from craftreview.scoring.outlook import scattered_reviews
from craftreview.scoring.special import ndtr
from craftreview.scoring.types import SKILLED_LINE

pytestmark = pytest.mark.filterwarnings("error")

UP = {"skilled", "master"}


@pytest.fixture(scope="module")
def model(lenient_model):
    return lenient_model


@pytest.fixture(scope="module")
def base_rate(lenient):
    """Model 2.17's favourites check: the rest of the record read against the platform prior as it is."""
    return fit_model(lenient.signals, now=NOW, crafts=lenient.crafts,
                     options=ModelOptions(favourites_prior_chance=None))


def review(stars, reviewer, days_ago, *, verified=True, account_days=400.0):
    created = NOW - timedelta(days=days_ago)
    return ReviewSignal("m", reviewer, *stars, created_at=created, verified=verified,
                        reviewer_joined_at=created - timedelta(days=account_days), review_id=reviewer)


def drip(spacing: float, honest: list) -> list:
    """Five verified five-stars `spacing` days apart through the maker's own invitations, beside a few honest reviews
    from established unverified accounts."""
    return ([review((5, 5, 5), f"s{i}", 5.0 + spacing * i) for i in range(5)]
            + [review(stars, f"h{j}", 20.0 + 40.0 * j, verified=False, account_days=200.0)
               for j, stars in enumerate(honest)])


def test_most_makers_of_the_fixture_are_skilled(lenient):
    assert np.mean(lenient.overall >= SKILLED_LINE) > 0.8


@pytest.mark.parametrize("honest", [[], [(3, 3, 3)], [(4, 4, 4)]], ids=["alone", "one three-star", "one four-star"])
@pytest.mark.parametrize("spacing", [30.0, 60.0, 120.0])
def test_five_invited_raves_do_not_earn_a_tier_from_the_base_rate(model, base_rate, honest, spacing):
    """Score page: 'A handful of the most favourable reviews cannot carry such a tier, on their own or against the
    rest of the record.' Read against the platform prior, the five raves (and at most one honest review) claimed
    skilled or master; against the sceptical prior the claim waits, as resting on a few voices."""
    sigs = drip(spacing, honest)
    assert base_rate.score_maker(sigs, now=NOW).tier in UP
    score = model.score_maker(sigs, now=NOW)
    assert score.explanation["probabilities"]["skilled"] >= 0.8
    assert score.tier == "unproven" and score.explanation["claim_withheld"] == "few_voices"


@pytest.mark.parametrize("n", [7, 9, 12])
def test_a_maker_with_more_praise_than_a_handful_keeps_its_tier(model, n):
    """Past the handful, praise from buyers the maker could not all have invited earns the tier."""
    sigs = [review((5, 5, 5) if i % 2 else (5, 4, 5), f"g{i}", 5.0 + 40.0 * i) for i in range(n)]
    score = model.score_maker(sigs, now=NOW)
    assert score.tier in UP and score.explanation["claim_withheld"] is None


def test_claims_stay_correct_on_the_lenient_platform(lenient):
    """Fewer claims, not wrong ones: the skilled and master claims made on the fixture's own makers are right at least
    95% of the time."""
    scores = score_makers(lenient.signals, now=NOW, crafts=lenient.crafts)
    up = np.array([scores[m].tier in UP for m in range(len(lenient.overall))])
    assert up.sum() > 20
    assert np.mean(lenient.overall[up] >= SKILLED_LINE) >= 0.95


def test_the_sceptical_prior_moves_a_high_prior_down_to_the_chance_and_leaves_a_low_one():
    mean = np.array([[4.6, 4.4, 4.5, 0.2], [3.2, 3.0, 3.4, 0.5]])
    sd = np.array([0.5, 0.5])
    moved = sceptical_prior(mean, sd, FAVOURITES_PRIOR_CHANCE)
    overall = moved[:, :3] @ np.array([0.5, 0.25, 0.25])
    assert 1.0 - ndtr((SKILLED_LINE - overall[0]) / sd[0]) == pytest.approx(FAVOURITES_PRIOR_CHANCE)
    assert np.allclose(moved[0, :3] - mean[0, :3], moved[0, 0] - mean[0, 0])  # the three stars move together
    assert moved[0, 3] == mean[0, 3]  # lateness is not a star
    assert np.array_equal(moved[1], mean[1])


def test_stand_ins_for_a_promise_average_the_level_and_scatter_as_reviews_do():
    level = np.array([[4.2, 4.0, 4.1], [3.0, 3.0, 3.0], [4.0, 4.0, 4.0]])
    k = np.array([5, 4, 1])
    rows = scattered_reviews(level, k, 0.6)
    first, second, single = rows[:5], rows[5:9], rows[9:]
    assert np.allclose(first.mean(axis=0), level[0]) and np.allclose(second.mean(axis=0), level[1])
    assert np.allclose(single, level[2])  # one review: at the level
    assert first[:, 0].std() == pytest.approx(0.6, rel=0.25)  # about one review's spread
    assert first[0, 0] > level[0, 0] > first[1, 0]  # highs and lows take turns in time
    assert np.allclose(first - first[:, :1], level[0] - level[0, 0])  # the three stars move together


def test_a_promise_counts_on_reviews_that_scatter_so_a_favourites_check_cannot_break_it(model):
    """'What would change the tier': five four-and-a-half-star reviews wait as a handful of favourites. Stand-ins all
    at the level are each a favourite and agree perfectly, so model 2.17 promised the tier after five more; real
    reviews averaging that level scatter, the check sets the highest aside, and the rest is lower. Scattered
    stand-ins promise it later (the bench checks that such promises come true: bench/scoring/RESULTS.md)."""
    sigs = [review((5, 4, 4), f"g{i}", 5.0 + 40.0 * i) for i in range(5)]
    score = model.score_maker(sigs, now=NOW)
    assert score.tier == "unproven" and score.explanation["claim_withheld"] == "few_voices"
    flat = replace(model, options=replace(model.options, outlook_scatter=False))
    k_flat = tier_outlooks(flat, sigs, {"m": score}, now=NOW)["m"]["extra_verified_reviews_needed"]
    k = tier_outlooks(model, sigs, {"m": score}, now=NOW)["m"]["extra_verified_reviews_needed"]
    assert k_flat is not None and (k is None or k > k_flat)
