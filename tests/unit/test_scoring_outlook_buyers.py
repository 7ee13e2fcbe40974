"""The outlook's stand-ins are the platform's own buyers: its share of new accounts, its scatter (outlook.Buyers).

On the second simulator's worlds (bench.scoring.foreign_promises) the stand-ins, established accounts scattered as a
normal of the model's noise, were kinder than the real buyers: where two in five buyers redeem their order with a
fresh account, their reviews weigh half and a novice claim promised after two more reviews lacked the evidence; where
a few harsh critics sit among gushing buyers, one critic among the promised reviews made the favourites check hold
the claim back.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bench.scoring.simulate import NOW, SimConfig, simulate
from craftreview.scoring import fit_model, tier_outlooks
from craftreview.scoring.arrays import to_arrays
from craftreview.scoring.outlook import Buyers, new_accounts, platform_buyers, turn_offsets
from tests.unit.test_scoring_claims import review, steady

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture(scope="module")
def fresh_platform_model():
    """A platform where three in five one-off buyers sign up to redeem their order (two in five verified reviews)."""
    platform = simulate(21, SimConfig(n_makers=600, p_new_account=0.6))
    return fit_model(platform.signals, now=NOW, crafts=platform.crafts)


@pytest.mark.parametrize("order", [((2, 2, 2), (3, 3, 3)), ((3, 3, 3), (2, 2, 2))])
def test_a_promise_holds_when_the_promised_buyers_are_as_often_new_accounts_as_the_platform_s(fresh_platform_model,
                                                                                              order):
    """A maker whose one review (one star) came from a fresh account redeeming its order: the promised further reviews
    at about the current level (2.5), every other one from a fresh account as on this platform, make the novice
    claim. Stand-ins from established accounts only promised it after two, whose evidence (one and a half fully
    trusted reviews with the first) falls short of the two a claim rests on."""
    model = fresh_platform_model
    assert 0.3 < model.outlook_buyers.new_share < 0.6
    sigs = [review((1, 1, 1), "only", account_days=2.0)]
    score = model.score_maker(sigs, now=NOW)
    outlook = tier_outlooks(model, sigs, {"m": score}, now=NOW)["m"]
    assert score.tier == "unproven" and outlook["target_tier"] == "novice"
    assert round(score.overall.mean, 1) == 2.5
    k = outlook["extra_verified_reviews_needed"]
    assert isinstance(k, int) and 0 < k <= 20
    more = [review(order[j % 2], f"more{j}", 1.0 + 20.0 * j, account_days=2.0 if j % 2 == 0 else 400.0)
            for j in range(k)]
    assert model.score_maker(sigs + more, now=NOW).tier == "novice"


def test_the_platform_s_buyers_are_read_from_its_reviews():
    """One review in ten two stars below its maker's others (a harsh critic) among buyers who otherwise agree closely,
    two in five verified reviews from fresh accounts: the spread is that of the reviews, critics included (over 0.5
    stars, where the tamed noise of the model reads the close agreement), and the share is two in five."""
    sigs = []
    for m in range(60):
        for j in range(10):
            stars = (3, 3, 3) if j == 3 else (4, 5, 5) if j in (1, 6) else (5, 5, 5)
            sigs.append(replace(review(stars, f"r{m}-{j}", 5.0 + 30.0 * j, account_days=2.0 if j % 3 == 0 else 400.0,
                                       rid=f"{m}-{j}"), maker_id=m))
    arr = to_arrays(sigs)
    buyers = platform_buyers(arr.ratings, arr, 30.0)
    assert 0.5 < buyers.spread < 0.8
    assert buyers.new_share == pytest.approx(0.4)
    assert platform_buyers(arr.ratings[:0], to_arrays([]), 30.0) == Buyers()
    assert platform_buyers(arr.ratings[:50], to_arrays(sigs[:50]), 30.0).spread is None  # too few reviews to tell


def test_new_accounts_spread_over_a_stand_in_s_reviews():
    """round(share x k) of a stand-in's k reviews stand for new accounts, taken from the top to the bottom of its k
    rather than the most or least favourable: they cut the evidence without moving the level."""
    k = np.array([1, 2, 5, 8, 20])
    offsets = turn_offsets(k)
    bounds = np.r_[0, np.cumsum(k)]
    fresh = new_accounts(k, 0.4, np.ones(len(k), dtype=bool))
    assert [int(fresh[a:b].sum()) for a, b in zip(bounds[:-1], bounds[1:], strict=True)] == [0, 1, 2, 3, 8]
    part, chosen = offsets[bounds[4]:], fresh[bounds[4]:]
    ranks = np.argsort(np.argsort(-part, kind="stable"), kind="stable")[chosen]
    assert ranks.min() <= 2 and ranks.max() >= 17 and abs(part[chosen].mean()) < 0.2


def test_without_buyers_the_stand_ins_are_the_model_2_28_ones(model):
    """outlook_buyers=False (and a fit stored before the platform's buyers were kept: Buyers()) gives model 2.28's
    outlook: established accounts, a normal scatter of the model's noise."""
    sigs = steady(3, (5, 5, 5))
    score = model.score_maker(sigs, now=NOW)
    off = replace(model, options=replace(model.options, outlook_buyers=False))
    stored_before = replace(model, outlook_buyers=Buyers())
    assert (tier_outlooks(off, sigs, {"m": score}, now=NOW) == tier_outlooks(stored_before, sigs, {"m": score}, now=NOW))
