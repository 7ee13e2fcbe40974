"""Ranges that allow for a harsh (or kind) minority of reviewers (ModelOptions.buyer_gap_interval, model 2.25).

Every estimate is read from the platform's average reviewer. Where a minority of reviewers rate far below (above)
the typical one, the average sits below (above) it, and so does every maker's estimate, prior included. The 90%
range then reaches as far again toward where the typical reviewer would put the maker; nothing else moves.
"""
from __future__ import annotations

import math
from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest

from bench.scoring.simulate import NOW
from craftreview.scoring import ModelOptions, ReviewSignal, fit_model, score_makers
from craftreview.scoring.posterior import Ranges, allow_for_buyer_gap

pytestmark = pytest.mark.filterwarnings("error")

DIMS = ("craftsmanship", "consistency", "delivery", "overall")


NOISE = 0.5  # each star's own noise, stars


def levels(rng: np.random.Generator, n_makers: int) -> np.ndarray:
    """The makers' levels: platform()'s first draw from its generator."""
    return rng.normal(3.6, 0.5, n_makers)


def neutral_star(level: float) -> float:
    """What a typical reviewer (offset 0) gives on average: E[clip(round(level + noise), 1, 5)]."""
    return 1.0 + sum(0.5 * (1.0 + math.erf((level - k - 0.5) / (NOISE * math.sqrt(2.0)))) for k in range(1, 5))


def platform(minority: float, offset: float, seed: int = 1, n_makers: int = 300, n_reviewers: int = 500,
             each: int = 6) -> list[ReviewSignal]:
    """Makers around 3.6 stars, each reviewer rating `each` of them; a `minority` share of reviewers is offset by
    `offset` stars from everyone else (Gaussian offsets, sd 0.2, around 0)."""
    rng = np.random.default_rng(seed)
    level = levels(rng, n_makers)
    bias = np.where(rng.random(n_reviewers) < minority, offset, rng.normal(0.0, 0.2, n_reviewers))
    out = []
    for r in range(n_reviewers):
        for m in rng.choice(n_makers, each, replace=False):
            created = NOW - timedelta(days=float(rng.uniform(5, 700)))
            stars = [int(np.clip(np.rint(level[m] + bias[r] + rng.normal(0, NOISE)), 1, 5)) for _ in range(3)]
            out.append(ReviewSignal(f"m{m}", f"r{r}", *stars, created_at=created, verified=True,
                                    reviewer_joined_at=NOW - timedelta(days=900), review_id=len(out)))
    return out


@pytest.fixture(scope="module")
def harsh():
    return platform(0.2, -1.5)


@pytest.fixture(scope="module")
def harsh_scores(harsh):
    return {on: score_makers(harsh, now=NOW, options=ModelOptions(buyer_gap_interval=on)) for on in (True, False)}


def test_a_harsh_minority_raises_every_high_end_by_the_gap_and_moves_nothing_else(harsh, harsh_scores):
    gap = fit_model(harsh, now=NOW).params.buyer_gap
    assert gap < -0.05
    on, off = harsh_scores[True], harsh_scores[False]
    raised = 0
    for maker, a in on.items():
        b = off[maker]
        assert (a.tier, a.p_skilled, a.p_master, a.p_novice) == (b.tier, b.p_skilled, b.p_master, b.p_novice)
        for dim in DIMS:
            x, y = getattr(a, dim), getattr(b, dim)
            assert x.mean == y.mean and x.low == y.low
            assert x.high == pytest.approx(min(y.high - gap, 5.0), abs=1e-9)  # ranges are clipped to the scale
        raised += a.overall.high > b.overall.high
        assert a.explanation["range_allows_for_reviewers"] == "harsher"
        assert b.explanation["range_allows_for_reviewers"] is None
    assert raised > 0.9 * len(on)


def test_the_typical_reviewers_truth_is_covered_more_often(harsh_scores):
    # The truth the ranges aim at is what the typical reviewer (offset 0) would give: read from the average reviewer,
    # dragged down by the critics, the ranges without the allowance fall short above.
    truth = {f"m{m}": neutral_star(level) for m, level in enumerate(levels(np.random.default_rng(1), 300))}

    def covered(scores):
        return np.mean([s.overall.low <= truth[m] <= s.overall.high for m, s in scores.items()])

    assert covered(harsh_scores[True]) > covered(harsh_scores[False]) + 0.02


def test_a_kind_minority_lowers_the_low_end():
    signals = platform(0.15, 1.2, seed=3)
    model = fit_model(signals, now=NOW)
    assert model.params.buyer_gap > 0.0
    plain = replace(model, options=replace(model.options, buyer_gap_interval=False))
    mine = [s for s in signals if s.maker_id == "m7"]
    a, b = model.score_maker(mine, now=NOW), plain.score_maker(mine, now=NOW)
    assert a.overall.low == pytest.approx(max(b.overall.low - model.params.buyer_gap, 1.0), abs=1e-9)
    assert a.overall.high == b.overall.high and a.overall.mean == b.overall.mean
    assert a.explanation["range_allows_for_reviewers"] == "kinder"


def test_symmetric_reviewers_change_nothing():
    signals = platform(0.0, 0.0, seed=2)
    assert fit_model(signals, now=NOW).params.buyer_gap == 0.0
    on, off = (score_makers(signals, now=NOW, options=ModelOptions(buyer_gap_interval=k)) for k in (True, False))
    for maker, a in on.items():
        assert (a.overall.low, a.overall.high) == (off[maker].overall.low, off[maker].overall.high)
        assert a.explanation["range_allows_for_reviewers"] is None


def test_when_the_estimates_follow_the_typical_reviewer_the_ranges_allow_for_nothing(harsh):
    assert fit_model(harsh, now=NOW, options=ModelOptions(typical_buyer=True)).params.buyer_gap == 0.0
    assert fit_model(harsh, now=NOW, options=ModelOptions(reviewer_bias=False)).params.buyer_gap == 0.0


def test_rescoring_one_maker_keeps_the_platforms_allowance(harsh, harsh_scores):
    model = fit_model(harsh, now=NOW)
    one = model.score_maker([s for s in harsh if s.maker_id == "m11"], now=NOW)
    assert one.overall.high == pytest.approx(harsh_scores[True]["m11"].overall.high, abs=1e-9)
    assert one.explanation["range_allows_for_reviewers"] == "harsher"


def test_allow_for_buyer_gap_moves_one_end():
    low, high = np.array([[2.0, 2.0, 2.0, 2.0]]), np.array([[3.0, 3.0, 3.0, 3.0]])
    ranges = Ranges(low, high, np.zeros(1, dtype=bool))
    assert allow_for_buyer_gap(ranges, 0.0) is ranges
    up = allow_for_buyer_gap(ranges, -0.1)
    assert np.allclose(up.high, 3.1) and np.array_equal(up.low, low) and up.buyer_gap == -0.1
    down = allow_for_buyer_gap(ranges, 0.2)
    assert np.allclose(down.low, 1.8) and np.array_equal(down.high, high) and down.buyer_gap == 0.2
