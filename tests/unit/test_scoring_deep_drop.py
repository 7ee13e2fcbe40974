"""ModelOptions.change_old_by_size (measured, not yet the default): the hedge against a false drop shrinks as the drop
grows, so a deep fall is followed more closely and a shallow one exactly as before."""
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
    assert np.allclose(flat[deep | shallow], CHANGE_OLD_FACTOR)  # as shipped: one factor whatever the size
    assert np.all(sized[deep | shallow] <= CHANGE_OLD_FACTOR + 1e-12)  # never more than that
    assert np.median(sized[deep]) < np.median(sized[shallow]) < CHANGE_OLD_FACTOR


def test_the_drop_size_is_reported_in_standard_errors_beyond_the_threshold(deep_and_shallow):
    y, maker, age = deep_and_shallow
    v = y @ np.array([0.5, 0.25, 0.25])
    found, size = change_points(v, np.ones(len(v)), age, maker, MAKERS, 0.5)
    assert np.array_equal(np.isfinite(found), np.isfinite(size))
    assert np.all(size[np.isfinite(size)] > CHANGE_Z)
    assert np.median(size[:MAKERS // 2]) > np.median(size[MAKERS // 2:][np.isfinite(size[MAKERS // 2:])])
