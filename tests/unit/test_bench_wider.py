"""The wider ranking check (bench/scoring/wider.py): paired margins against the baseline with the best mean."""
from __future__ import annotations

import numpy as np
import pytest

from bench.scoring.wider import margins, wider_table, wider_targets


def _world(model_auc: float, a_auc: float, b_auc: float) -> dict:
    taus = [0.5, 0.5, 0.5, 0.5]
    return {"default": {"auc": {"6-10": model_auc}, "tau": taus},
            "auc": {"A": {"6-10": a_auc}, "B": {"6-10": b_auc}},
            "tau": {"A": [0.4] * 4, "B": [0.6, 0.4, 0.4, 0.4]}}


def test_margins_pair_each_world_with_the_baseline_best_on_average():
    # B has the better mean (0.93 against 0.92) though A wins the first world: B is the one compared.
    reps = [_world(0.95, 0.96, 0.90), _world(0.90, 0.88, 0.94), _world(0.97, 0.92, 0.95)]
    auc = margins(reps)[0]
    assert auc["best"] == "B"
    diffs = np.array([0.05, -0.04, 0.02])
    assert auc["diff"] == pytest.approx(diffs.mean())
    assert auc["se"] == pytest.approx(diffs.std(ddof=1) / np.sqrt(3))
    assert (auc["won"], auc["lost"], auc["worst"]) == (2, 1, pytest.approx(-0.04))
    craft = margins(reps)[1]
    assert craft["label"] == "τ-b craftsmanship" and craft["best"] == "B" and craft["diff"] == pytest.approx(-0.1)


def test_a_check_is_met_only_when_the_model_is_ahead_on_average():
    rows = margins([_world(0.95, 0.90, 0.90), _world(0.95, 0.90, 0.90)])
    met = dict((name, ok) for name, ok, _ in wider_targets(rows))
    assert met["AUC 6-10 beats every baseline on 2 further worlds"] is True
    assert met["τ-b craftsmanship beats every baseline on 2 further worlds"] is False  # 0.5 against B's 0.6
    assert met["τ-b consistency beats every baseline on 2 further worlds"] is True  # 0.5 against 0.4
    assert "| AUC 6-10 | 0.9500 | A 0.9000 | +0.0500 ± 0.0000 | 2 (0) |" in wider_table(rows)


def test_a_variant_is_read_from_its_own_side_of_each_world():
    worlds = [_world(0.90, 0.92, 0.91), _world(0.90, 0.92, 0.91)]
    for world in worlds:
        world["variant"] = {"auc": {"6-10": 0.95}, "tau": [0.7] * 4}
    assert margins(worlds)[0]["diff"] == pytest.approx(-0.02)
    assert margins(worlds, "variant")[0]["diff"] == pytest.approx(0.03)
    assert margins(worlds, "variant")[1]["diff"] == pytest.approx(0.1)
