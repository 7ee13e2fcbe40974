"""A sure claim's range and its line: the panel's note (score_words.range_past_claim) says that only the ranges'
allowances for a change in the maker's work and for the platform's reviewers carry a 90% range past the line of a
claim that leaves under 5% beyond it, and that the tier's chance does not count them. Both halves are checked here on
simulated platforms: without those allowances no such range crosses its line, and with them the tiers and their
chances are the same."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from bench.scoring.simulate import NOW, SimConfig, simulate
from craftreview.scoring import ModelOptions, fit_model
from craftreview.services.scores import tier_confidence
from craftreview.web.score_words import range_past_claim

pytestmark = pytest.mark.filterwarnings("error")

WITHOUT_ALLOWANCES = ModelOptions(change_interval=False, step_interval=False, slope_interval=False,
                                  buyer_gap_interval=False)


def _as_row(result) -> SimpleNamespace:
    """A model result as the stored score row the page reads."""
    return SimpleNamespace(tier=result.tier, tier_confidence=tier_confidence(result), overall_low=result.overall.low,
                           overall_high=result.overall.high)


def _fits(seed: int):
    platform = simulate(seed, SimConfig(n_makers=800, p_drift=0.4))
    return tuple(fit_model(platform.signals, now=NOW, crafts=platform.crafts, options=options).score_fitted(
        platform.crafts) for options in (ModelOptions(), WITHOUT_ALLOWANCES))


@pytest.fixture(scope="module")
def fits():
    return [_fits(seed) for seed in (3, 7, 11)]


def test_without_the_allowances_no_sure_claim_s_range_reaches_past_its_line(fits):
    claims = [r for _production, bare in fits for r in bare.values() if tier_confidence(r) is not None]
    assert sum(tier_confidence(r) >= 0.95 for r in claims) > 100
    assert [r for r in claims if range_past_claim(_as_row(r))] == []


def test_the_allowances_carry_some_ranges_past_the_line_and_leave_every_tier_and_chance_as_it_was(fits):
    crossing = 0
    for production, bare in fits:
        for key, result in production.items():
            other = bare[key]
            assert (result.tier, result.p_skilled, result.p_master, result.p_novice) == (
                other.tier, other.p_skilled, other.p_master, other.p_novice)
            assert result.overall.mean == other.overall.mean
            crossing += bool(range_past_claim(_as_row(result)))
    assert crossing > 0  # the note the panel shows does happen on platforms like these
