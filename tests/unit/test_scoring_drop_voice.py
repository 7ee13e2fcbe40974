"""The drop test's shared voice (robust.drop_test_voice): honest reviews at a new level are a drop, a ring is not,
and the decision does not flip on a few percent of spread."""
from __future__ import annotations

import numpy as np
import pytest

from craftreview.scoring.robust import DROP_GROUP, GROUP_Z, drop_test_voice, robustness, shared_voice

pytestmark = pytest.mark.filterwarnings("error")


def one_maker(z: float, k: int = 6) -> np.ndarray:
    return drop_test_voice(np.full(k, z), np.zeros(k, dtype=int), 1)


def test_membership_grows_across_the_band():
    lo, hi = DROP_GROUP
    assert lo < GROUP_Z < hi
    assert np.all(one_maker(-0.99 * lo) == 1.0)  # below the band: no group at all
    assert one_maker(-hi) == pytest.approx(np.full(6, 1 / 6))  # a full group of six: one voice
    assert one_maker(-10.0) == pytest.approx(np.full(6, 1 / 6))
    assert one_maker(-(lo + hi) / 2) == pytest.approx(np.full(6, 0.5))  # six half members: a group of 3, 1/(1 + 0.5 x 2)
    factors = [one_maker(-z)[0] for z in np.linspace(lo, hi, 11)]
    assert all(a >= b for a, b in zip(factors, factors[1:], strict=False))


def test_no_cliff_just_beyond_group_z():
    z, maker, none = np.full(6, -1.01 * GROUP_Z), np.zeros(6, dtype=int), np.zeros(6, dtype=bool)
    assert shared_voice(z, maker, 1, none)[0] == pytest.approx(1 / 6)  # the consensus' grouping: a cliff
    assert drop_test_voice(z, maker, 1)[0] > 0.4  # the drop test's: partly a group
    nearer = np.full(6, -0.99 * GROUP_Z)
    assert shared_voice(nearer, maker, 1, none)[0] == 1.0
    assert drop_test_voice(nearer, maker, 1)[0] == pytest.approx(drop_test_voice(z, maker, 1)[0], abs=0.05)


def _change_age(scale: float, soft: bool, new_level: float, n_new: int) -> float:
    """Twenty old reviews at 4.6, then n_new recent ones at new_level; one maker, every weight 1."""
    y = np.vstack([np.full((20, 3), 4.6), np.full((n_new, 3), new_level)])
    age = np.concatenate([np.linspace(200.0, 900.0, 20), np.linspace(5.0, 170.0, n_new)])
    return robustness(y, np.ones(len(y)), age, np.zeros(len(y), dtype=int), 1, scale, 3.8, None, soft).change_age[0]


def test_six_reviews_at_a_new_level_are_a_drop_whatever_the_spread():
    scales = np.linspace(0.45, 0.75, 13)
    assert all(np.isfinite(_change_age(s, True, 3.0, 6)) for s in scales)
    # The cliff this replaces: a few percent of spread decided between "drop" and "ring".
    assert not all(np.isfinite(_change_age(s, False, 3.0, 6)) for s in scales)


@pytest.mark.parametrize("n_bombs", [3, 5])
def test_one_star_bombs_are_not_a_drop(n_bombs):
    assert all(np.isnan(_change_age(s, True, 1.0, n_bombs)) for s in np.linspace(0.4, 0.8, 9))
