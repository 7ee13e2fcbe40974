"""The recent-reviews check on a platform where most makers are skilled: the prior alone holds no claim up.

A skilled or master claim is withheld while a maker's recent reviews alone make "below skilled" a confident claim
(claims.withhold_contradicted). The recent reviews were read against the platform prior; where most makers are
skilled, that prior argued for the claim by itself, so four verified three-star reviews after a long record of fives
left a master claim standing (model 2.18). They are now read against the prior moved down, where needed, until it
alone makes "skilled" no more likely than not (claims.RECENT_PRIOR_CHANCE). No lower: two mildly lower reviews do not
take a long record's tier.
"""
from __future__ import annotations

import numpy as np
import pytest

from bench.scoring.simulate import NOW
from craftreview.scoring import ModelOptions, fit_model
from craftreview.scoring.claims import RECENT_PRIOR_CHANCE, WITHHELD_LOWER, sceptical_prior
from craftreview.scoring.types import OVERALL_WEIGHTS, SKILLED_LINE
from tests.unit.test_scoring_lenient import review

pytestmark = pytest.mark.filterwarnings("error")

UP = {"skilled", "master"}


@pytest.fixture(scope="module")
def platform_prior(lenient):
    """Model 2.18's recent-reviews check: the recent reviews read against the platform prior as it is."""
    return fit_model(lenient.signals, now=NOW, crafts=lenient.crafts, options=ModelOptions(recent_prior_chance=None))


def record(n_old: int, recent: tuple, k: int, *, verified: bool = True) -> list:
    """n_old verified reviews of fives (a four here and there) over the years before, then k reviews at `recent` spread
    over the last five months."""
    older = [review((5, 5, 5) if i % 3 else (5, 4, 5), f"o{i}", 200.0 + 25.0 * i) for i in range(n_old)]
    return older + [review(recent, f"n{j}", 10.0 + 150.0 / k * j, verified=verified) for j in range(k)]


def test_the_fixture_prior_makes_skilled_likely_on_its_own(lenient_model, lenient):
    """What the change is about: on this platform the prior alone argues for "skilled"."""
    assert np.mean(lenient.overall >= SKILLED_LINE) > 0.8
    prior = lenient_model.score_maker([], now=NOW).explanation["prior"]["mean"]
    overall = float(np.dot(OVERALL_WEIGHTS, [prior["craftsmanship"], prior["consistency"], prior["delivery"]]))
    assert overall > SKILLED_LINE


def test_four_verified_three_star_reviews_after_a_record_of_fives_withhold_the_claim(lenient_model, platform_prior):
    """Score page: 'Such a tier waits while the recent reviews on their own point clearly lower'. Read against the
    platform prior, four verified three-stars in five months after twenty fives left the master claim standing."""
    sigs = record(20, (3, 3, 3), 4)
    assert platform_prior.score_maker(sigs, now=NOW).tier in UP
    score = lenient_model.score_maker(sigs, now=NOW)
    assert score.tier == "unproven" and score.explanation["claim_withheld"] == WITHHELD_LOWER


@pytest.mark.parametrize(("n_old", "k", "verified"), [(12, 2, True), (20, 2, True), (12, 3, False), (20, 3, False)])
def test_two_or_three_mildly_lower_reviews_leave_a_long_record_its_claim(lenient_model, n_old, k, verified):
    """The prior is moved only to even odds: a prior that argued against the claim by itself (a quarter, tried) let
    two verified or three unverified reviews of four, three and four stars take the tier of a record of fives."""
    score = lenient_model.score_maker(record(n_old, (4, 3, 4), k, verified=verified), now=NOW)
    assert score.tier in UP and score.explanation["claim_withheld"] is None


def test_at_even_odds_a_high_prior_moves_to_the_skilled_line_and_a_low_one_stays():
    mean = np.array([[4.6, 4.4, 4.5, 0.2], [3.2, 3.0, 3.4, 0.5]])
    moved = sceptical_prior(mean, np.array([0.5, 0.5]), RECENT_PRIOR_CHANCE)
    assert moved[0, :3] @ np.array(OVERALL_WEIGHTS) == pytest.approx(SKILLED_LINE)
    assert np.array_equal(moved[1], mean[1])
