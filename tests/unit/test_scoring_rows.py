"""craftreview.scoring.rows: the products scoring takes over many rows equal numpy's matrix products."""
from __future__ import annotations

import numpy as np
import pytest

from craftreview.scoring.rows import times, weighted_gram, weighted_lstsq


@pytest.fixture
def rng():
    return np.random.default_rng(20261206)


def test_times_equals_the_matrix_product_for_vectors_matrices_and_slices(rng):
    rows = rng.normal(size=(257, 4))
    assert np.allclose(times(rows, [0.5, 0.25, 0.25, 0.0]), rows @ np.array([0.5, 0.25, 0.25, 0.0]), atol=1e-14)
    other = rng.normal(size=(4, 4))
    assert np.allclose(times(rows, other.T), rows @ other.T, atol=1e-13)
    assert np.allclose(times(rows[:, :3], other[:3, 1]), rows[:, :3] @ other[:3, 1], atol=1e-14)
    assert times(rows[:0], other).shape == (0, 4)


def test_weighted_gram_equals_the_weighted_cross_product(rng):
    x, y, w = rng.normal(size=(300, 3)), rng.normal(size=(300, 2)), rng.random(300)
    assert np.allclose(weighted_gram(x, w), (x * w[:, None]).T @ x, atol=1e-12)
    assert np.allclose(weighted_gram(x, w, y), (x * w[:, None]).T @ y, atol=1e-12)


def test_weighted_lstsq_recovers_exact_coefficients_and_matches_lstsq(rng):
    level = rng.uniform(1, 5, 200)
    x = np.column_stack([np.ones_like(level), level, level ** 2])
    w = rng.integers(0, 5, 200).astype(float)
    assert np.allclose(weighted_lstsq(x, x @ np.array([0.3, -0.2, 0.05]), w), [0.3, -0.2, 0.05], atol=1e-7)
    y = rng.normal(size=200)
    root = np.sqrt(w)
    expected = np.linalg.lstsq(x * root[:, None], y * root, rcond=None)[0]
    assert np.allclose(weighted_lstsq(x, y, w), expected, atol=1e-7)
