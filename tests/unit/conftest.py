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
