"""The second simulator's truth (bench/scoring/foreign.py): what the foreign worlds measure the model against."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from bench.scoring.foreign import A, foreign_truth, latent_for, sample_foreign


def test_truth_rises_with_the_level_and_stays_on_the_star_scale():
    rng = np.random.default_rng(5)
    for _ in range(5):
        cfg = sample_foreign(rng)
        lat = np.repeat(np.linspace(0.5, 6.0, 40)[:, None], 3, axis=1)
        truth = foreign_truth(cfg, lat)
        assert np.all((truth >= 1.0) & (truth <= 5.0))
        assert np.all(np.diff(truth, axis=0) > 0)


def test_grade_inflation_raises_the_truth_of_the_same_level():
    cfg = sample_foreign(np.random.default_rng(9))
    strict, lenient = (replace(cfg, lenient=x) for x in (0.0, 0.8))
    lat = np.full((1, 3), 3.5)
    assert foreign_truth(lenient, lat)[0] @ A > foreign_truth(strict, lat)[0] @ A + 0.3


def test_latent_for_finds_the_level_of_a_given_true_overall():
    cfg = sample_foreign(np.random.default_rng(11))
    for target in (2.0, 3.0, 4.6):
        lat = latent_for(cfg, target, np.array([0.0, 0.1, -0.1]))
        assert abs(float(foreign_truth(cfg, lat[None, :])[0] @ A) - target) < 1e-3
