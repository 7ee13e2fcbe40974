"""craftreview.scoring.special replaces scipy.special in the site: same values, to double precision."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from scipy import special as sp

from craftreview.scoring.special import (
    binomial_at_least,
    ndtr,
    ndtri,
    poisson_at_least,
    table_coordinates,
    tabulated_ndtr,
    tabulated_ndtr_at,
)


def test_normal_cdf_and_its_inverse_match_scipy():
    x = np.linspace(-9, 9, 721)
    assert np.allclose(ndtr(x), sp.ndtr(x), rtol=1e-12, atol=1e-300)
    p = np.concatenate([np.linspace(1e-9, 1 - 1e-9, 501), [0.05, 0.1, 0.8, 0.9, 0.95]])
    assert np.allclose(ndtri(p), sp.ndtri(p), rtol=1e-9, atol=1e-12)
    assert isinstance(ndtr(0.3), float) and ndtr(0.0) == 0.5


def test_the_tabulated_cdf_is_within_3e_8_everywhere_and_its_coordinates_standardise():
    x = np.concatenate([np.linspace(-12, 12, 480_001), [-np.inf, np.inf, 8.0, -8.0, 0.0]])
    got = tabulated_ndtr(x)
    assert np.abs(got - sp.ndtr(x)).max() < 3e-8
    assert got[np.isinf(x)].tolist() == [pytest.approx(0.0, abs=1e-15), pytest.approx(1.0, abs=1e-15)]
    assert np.all(np.diff(tabulated_ndtr(np.linspace(-9, 9, 10_001))) >= 0.0)  # a bisection relies on order
    mu, sd = np.array([3.0, 4.5, 1.0]), np.array([0.5, 0.1, 2.0])
    a, b = table_coordinates(mu, sd)
    point = np.array([3.4, 4.2, 5.0])
    assert tabulated_ndtr_at(point * a + b) == pytest.approx(sp.ndtr((point - mu) / sd), abs=3e-8)


def test_the_inverse_is_the_standard_librarys_value_for_value_and_refuses_p_outside_0_1():
    from statistics import NormalDist
    p = np.concatenate([np.linspace(1e-12, 1 - 1e-12, 997), [0.05, 0.5, 0.95]])
    assert ndtri(p).tolist() == [NormalDist().inv_cdf(x) for x in p]
    assert isinstance(ndtri(0.95), float)
    for bad in (0.0, 1.0, -0.2, 1.5, [0.5, 1.0]):
        with pytest.raises(ValueError, match="0 < p < 1"):
            ndtri(bad)


@pytest.mark.parametrize("mean", [0.0, 1e-4, 0.05, 0.7, 3.0, 12.5, 60.0, 400.0])
def test_poisson_upper_tail_matches_scipy_in_both_tails(mean):
    k = np.arange(0, 80)
    ours = poisson_at_least(k, np.full(len(k), mean))
    theirs = sp.pdtrc(k - 1, mean)
    theirs[k == 0] = 1.0
    big = theirs > 1e-250
    assert np.allclose(ours[big], theirs[big], rtol=1e-9, atol=1e-15)
    assert np.all(ours[~big] < 1e-240)


@pytest.mark.parametrize(("n", "p"), [(1, 0.5), (10, 0.01), (40, 0.3), (300, 0.02), (2000, 0.6)])
def test_binomial_upper_tail_matches_scipy(n, p):
    for k in sorted({0, 1, 2, n // 3, n // 2, n - 1, n, n + 1}):
        expected = 1.0 if k <= 0 else (0.0 if k > n else float(sp.bdtrc(k - 1, n, p)))
        assert binomial_at_least(k, n, p) == pytest.approx(expected, rel=1e-9, abs=1e-15)


def test_the_web_app_does_not_import_scipy():
    code = ("import sys\nfrom craftreview import create_app\napp = create_app({'TESTING': True, "
            "'DATABASE_URL': 'sqlite://', 'SECRET_KEY': 'x'})\nprint('scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
