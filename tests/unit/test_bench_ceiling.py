"""The delivery ceiling (bench/scoring/ceiling.py): its change prior is a distribution, and its posterior finds the truth."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from bench.scoring.ceiling import Knows, ceiling_scores, change_paths
from bench.scoring.simulate import SimConfig, simulate


def test_the_change_prior_is_steady_first_and_sums_to_one():
    ages = np.array([3.0, 40.0, 200.0, 700.0])
    shifts, log_prior = change_paths(ages, SimConfig())
    assert not shifts[0].any()
    assert abs(np.exp(log_prior[0]) - (1 - SimConfig().p_drift)) < 1e-12
    assert abs(np.exp(log_prior).sum() - 1.0) < 1e-9
    moved = (shifts[1:] != 0).any(axis=1)
    assert moved.sum() > 100  # slides and steps of every size, at ages among the reviews'
    assert (np.abs(shifts[1:]).max(axis=1) <= round(1.5 / 0.025)).all()  # none beyond the simulator's largest change


def test_told_to_take_every_maker_as_steady_it_keeps_one_path():
    shifts, log_prior = change_paths(np.array([5.0, 50.0]), SimConfig(), changes=False)
    assert shifts.shape == (1, 2) and not shifts.any() and log_prior.tolist() == [0.0]


def test_with_many_reviews_the_posterior_ranks_makers_by_their_delivery_truth():
    cfg = replace(SimConfig(), n_makers=24, count_mu=4.6, count_sigma=0.1, p_drift=0.0)
    data = simulate(11, cfg)
    truth = data.truth[:, 2]
    got = ceiling_scores(data, cfg, Knows())
    assert np.abs(got - truth).max() < 0.4
    assert np.corrcoef(got, truth)[0, 1] > 0.97
    raw = np.array([np.mean([s.delivery for s in data.signals if s.maker_id == m]) for m in range(cfg.n_makers)])
    assert np.abs(got - truth).mean() < np.abs(raw - truth).mean()  # closer than the plain average of the stars
