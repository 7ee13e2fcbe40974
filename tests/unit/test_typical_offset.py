"""bias.typical_offset (ModelOptions.typical_buyer, off): the gap between the average and the typical reviewer."""
from __future__ import annotations

import numpy as np

from craftreview.scoring.bias import BiasFit, typical_offset


def fit_of(offsets: np.ndarray, reviews_each: float = 4.0) -> BiasFit:
    n = len(offsets)
    weights = np.full(n, reviews_each)
    return BiasFit(offsets, np.zeros(0), offsets * weights, weights, np.zeros(0), np.zeros(0), np.zeros(0), 1.0, 0.1)


def test_a_harsh_minority_puts_the_average_reviewer_below_the_typical_one():
    rng = np.random.default_rng(1)
    offsets = np.where(rng.random(2000) < 0.2, rng.uniform(-2.0, -0.8, 2000), rng.normal(0.0, 0.3, 2000))
    gap = typical_offset(fit_of(offsets), np.full(2000, 5), np.ones(2000))
    raw = offsets.mean() - np.median(offsets)
    assert raw < -0.15
    assert raw < gap < 0.0  # shrunk toward 0 by two standard errors, never past it


def test_symmetric_offsets_and_too_few_reviewers_give_nothing():
    rng = np.random.default_rng(2)
    assert typical_offset(fit_of(rng.normal(0.0, 0.4, 2000)), np.full(2000, 5), np.ones(2000)) == 0.0
    harsh = np.r_[np.full(20, -1.5), np.zeros(5)]
    assert typical_offset(fit_of(harsh), np.full(25, 5), np.ones(25)) == 0.0  # under TYPICAL_MIN_REVIEWERS


def test_reviewers_of_one_or_two_makers_and_untrusted_ones_do_not_count():
    rng = np.random.default_rng(3)
    offsets = np.where(rng.random(2000) < 0.2, -1.5, rng.normal(0.0, 0.3, 2000))
    harsh = offsets < -1.0
    assert typical_offset(fit_of(offsets), np.where(harsh, 2, 5), np.ones(2000)) == 0.0
    assert typical_offset(fit_of(offsets), np.full(2000, 5), np.where(harsh, 0.0, 1.0)) == 0.0
    everyone = typical_offset(fit_of(offsets), np.full(2000, 5), np.ones(2000))
    assert offsets.mean() - np.median(offsets) < everyone < -0.1
