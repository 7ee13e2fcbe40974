"""The review spread (robust.fit_scale) under contamination: the trusted_scale variant (ModelOptions)."""
from __future__ import annotations

import numpy as np
import pytest

from craftreview.scoring.robust import fit_scale, outlier_factor, review_overall

pytestmark = pytest.mark.filterwarnings("error")

MAKERS, HONEST, SD = 200, 25, 0.6


def platform(rng: np.random.Generator, bombed: int = 0, camouflage: int = 0):
    """Honest reviews (stars, maker, verified); bombed makers get 5 one-stars, camouflage adds unverified
    ratings that sit exactly on other makers' level (far quieter than honest buyers)."""
    level = rng.uniform(3.2, 4.6, MAKERS)
    maker = np.repeat(np.arange(MAKERS), HONEST)
    stars = np.clip(np.round(level[maker, None] + rng.normal(0, SD, (len(maker), 3))), 1, 5)
    verified = rng.random(len(maker)) < 0.6
    extra_m = np.concatenate([np.repeat(np.arange(bombed), 5), rng.integers(0, MAKERS, camouflage)])
    extra_s = np.concatenate([np.ones((5 * bombed, 3)), np.repeat(np.round(level[extra_m[5 * bombed:]])[:, None], 3, 1)])
    extra_v = np.concatenate([np.ones(5 * bombed, dtype=bool), np.zeros(camouflage, dtype=bool)])
    return (np.concatenate([stars, extra_s]), np.concatenate([maker, extra_m]),
            np.concatenate([verified, extra_v]))


def spread(y, maker, verified, trusted: bool) -> float:
    w = np.ones(len(maker))
    raw = fit_scale(y, w, maker, MAKERS, verified if trusted else None)
    if not trusted:
        return raw[0]
    consensus = w * outlier_factor(review_overall(y), w, maker, MAKERS, *raw)[0]
    return fit_scale(y, w, maker, MAKERS, verified, consensus)[0]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_ring_on_many_makers_inflates_the_trusted_spread_less(seed):
    clean = platform(np.random.default_rng(seed))
    bombed = platform(np.random.default_rng(seed), bombed=MAKERS // 10)
    plain = spread(*bombed, trusted=False) / spread(*clean, trusted=False)
    trusted = spread(*bombed, trusted=True) / spread(*clean, trusted=True)
    assert plain > 1.06  # the plain mean is dragged toward the ring, so every honest review looks farther off
    assert trusted - 1.0 < 0.65 * (plain - 1.0)  # what is left is the ring's own (verified) residuals


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_quiet_unverified_camouflage_does_not_shrink_the_trusted_spread(seed):
    clean = platform(np.random.default_rng(seed))
    camo = platform(np.random.default_rng(seed), camouflage=MAKERS * HONEST // 2)
    assert spread(*camo, trusted=False) / spread(*clean, trusted=False) < 0.9
    assert abs(spread(*camo, trusted=True) / spread(*clean, trusted=True) - 1.0) < 0.04
