"""Shared fixtures of the scoring tests: one simulated platform and the model fitted on it (a module may define
its own `platform` or `model`, which then takes precedence)."""
from __future__ import annotations

import pytest

from bench.scoring.simulate import NOW, SimConfig, simulate
from craftreview.scoring import fit_model


@pytest.fixture(scope="module")
def platform():
    """A deterministic simulated platform of 600 makers (seed 21)."""
    return simulate(21, SimConfig(n_makers=600))


@pytest.fixture(scope="module")
def model(platform):
    """The production model fitted on `platform`."""
    return fit_model(platform.signals, now=NOW, crafts=platform.crafts)


@pytest.fixture(scope="module")
def lenient():
    """600 makers, four in five of them skilled (latent 4.7), a few novices: the platform prior favours "skilled"."""
    return simulate(21, SimConfig(n_makers=600, class_p=(0.8, 0.15, 0.05), class_mean=(4.7, 4.2, 3.0)))


@pytest.fixture(scope="module")
def lenient_model(lenient):
    """The production model fitted on `lenient`."""
    return fit_model(lenient.signals, now=NOW, crafts=lenient.crafts)
