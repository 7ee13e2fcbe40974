"""Model 2.17: a deeper fall in quality is followed at least as closely as a shallow one (robust.robustness with
old_by_size and unvoiced_min, ModelOptions.change_old_by_size and change_evidence_unvoiced)."""
from __future__ import annotations

import numpy as np
import pytest

from craftreview.scoring.robust import CHANGE_OLD_FACTOR, CHANGE_Z, change_points, robustness

MAKERS = 40


def history(new_level: np.ndarray, rng: np.random.Generator):
    """Per maker 20 reviews at 4.6 stars 200-700 days ago, then 12 at new_level[maker] in the last 180 days."""
    maker = np.repeat(np.arange(MAKERS), 32)
    old = np.tile(np.r_[np.ones(20, bool), np.zeros(12, bool)], MAKERS)
    age = np.where(old, rng.uniform(200, 700, len(maker)), rng.uniform(0, 180, len(maker)))
    level = np.where(old, 4.6, new_level[maker])
    y = np.clip(np.round(level[:, None] + rng.normal(0, 0.5, (len(maker), 3))), 1, 5)
    return y, maker, age


@pytest.fixture
def deep_and_shallow():
    rng = np.random.default_rng(3)
    return history(np.where(np.arange(MAKERS) < MAKERS // 2, 2.5, 3.5), rng)


def older_weight(y, maker, age, by_size: bool) -> np.ndarray:
    rb = robustness(y, np.ones(len(maker)), age, maker, MAKERS, 0.5, 4.0, old_by_size=by_size)
    return np.array([rb.change[(maker == m) & (age > 190)].mean() for m in range(MAKERS)]), rb.change_age


def test_a_deeper_detected_drop_leaves_less_of_the_older_evidence(deep_and_shallow):
    y, maker, age = deep_and_shallow
    flat, found = older_weight(y, maker, age, by_size=False)
    sized, found_sized = older_weight(y, maker, age, by_size=True)
    assert np.array_equal(np.isfinite(found), np.isfinite(found_sized))  # the same drops are found either way
    deep = np.isfinite(found) & (np.arange(MAKERS) < MAKERS // 2)
    shallow = np.isfinite(found) & (np.arange(MAKERS) >= MAKERS // 2)
    assert deep.sum() >= 15 and shallow.sum() >= 5
    assert np.allclose(flat[deep | shallow], CHANGE_OLD_FACTOR)  # model 2.16: one factor whatever the size
    assert np.all(sized[deep | shallow] <= CHANGE_OLD_FACTOR + 1e-12)  # never more than that
    assert np.median(sized[deep]) < np.median(sized[shallow]) < CHANGE_OLD_FACTOR


def test_the_drop_size_is_reported_in_standard_errors_beyond_the_threshold(deep_and_shallow):
    y, maker, age = deep_and_shallow
    v = y @ np.array([0.5, 0.25, 0.25])
    found, size = change_points(v, np.ones(len(v)), age, maker, MAKERS, 0.5)
    assert np.array_equal(np.isfinite(found), np.isfinite(size))
    assert np.all(size[np.isfinite(size)] > CHANGE_Z)
    assert np.median(size[:MAKERS // 2]) > np.median(size[MAKERS // 2:][np.isfinite(size[MAKERS // 2:])])


@pytest.mark.parametrize("level", [1.5, 1.8, 2.3])
def test_every_deep_fall_with_twelve_reviews_since_is_detected(level):
    """Under model 2.16 the shared voice left twelve reviews far below the consensus under the evidence the drop test
    needs: at 1.8 stars only 8 of these 40 makers' falls were found."""
    y, maker, age = history(np.full(MAKERS, level), np.random.default_rng(3))
    old = robustness(y, np.ones(len(maker)), age, maker, MAKERS, 0.5, 4.0)
    new = robustness(y, np.ones(len(maker)), age, maker, MAKERS, 0.5, 4.0, unvoiced_min=True)
    assert np.isfinite(new.change_age).all()
    if level < 2.0:
        assert np.isfinite(old.change_age).sum() < MAKERS  # what model 2.16 missed


def test_five_one_star_bombs_are_still_no_drop():
    """The voice still shapes the test: five one-stars among an established maker's honest reviews are not a fall."""
    rng = np.random.default_rng(4)
    y, maker, age = history(np.full(MAKERS, 4.6), rng)  # no fall at all
    bombs = np.repeat(np.arange(MAKERS), 5)
    y = np.vstack([y, np.ones((len(bombs), 3))])
    age = np.concatenate([age, rng.uniform(1, 60, len(bombs))])
    maker = np.concatenate([maker, bombs])
    found = robustness(y, np.ones(len(maker)), age, maker, MAKERS, 0.5, 4.0, old_by_size=True, unvoiced_min=True)
    assert np.isfinite(found.change_age).sum() == 0
