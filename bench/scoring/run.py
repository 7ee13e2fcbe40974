"""Run the scoring benchmark: replications over simulated platforms, per method."""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

import numpy as np

from craftreview.scoring import score_makers
from craftreview.scoring.arrays import to_arrays, to_days

from .baselines import BASELINES
from .metrics import attack_effect, auc_by_band, band_masks, coverage, tau, tau_a, tier_precision
from .simulate import NOW, SimConfig, attack, simulate

MODEL = "craftreview model"
ATTACK_KS = (1, 3, 10)
A = np.array([0.5, 0.25, 0.25])


def model_outputs(signals: list, crafts: dict, n: int, options=None) -> dict[str, np.ndarray]:
    """Model scores as arrays indexed by maker id (options: a ModelOptions variant, None = production)."""
    scores = score_makers(signals, now=NOW, crafts=crafts, options=options)
    dims = np.zeros((n, 4, 3))  # maker, [craft, cons, deliv, overall], [mean, low, high]
    tier = np.empty(n, dtype=object)
    for mid, s in scores.items():
        for j, e in enumerate((s.craftsmanship, s.consistency, s.delivery, s.overall)):
            dims[mid, j] = (e.mean, e.low, e.high)
        tier[mid] = s.tier
    return {"mean": dims[:, :, 0], "low": dims[:, :, 1], "high": dims[:, :, 2], "tier": tier}


def all_scores(signals: list, crafts: dict, n: int, options=None) -> tuple[dict[str, np.ndarray], dict]:
    """(method -> (n, 4) means [3 dims + overall], model outputs)."""
    arr = to_arrays(signals)
    ids = np.array(arr.maker_ids)
    out = {}
    for name, fn in BASELINES.items():
        vals = np.zeros((n, 3))
        vals[ids] = fn(arr, to_days(NOW))
        out[name] = np.column_stack([vals, vals @ A])
    model = model_outputs(signals, crafts, n, options)
    out[MODEL] = model["mean"]
    return out, model


def replication(seed: int, cfg: SimConfig = SimConfig()) -> dict:
    """All metrics for one simulated platform."""
    data = simulate(seed, cfg)
    n = cfg.n_makers
    truth4 = np.column_stack([data.truth, data.overall])
    scores, model = all_scores(data.signals, data.crafts, n)
    res: dict = {"methods": {}}
    for name, sc in scores.items():
        res["methods"][name] = {
            "auc": auc_by_band(sc[:, 3], data.overall, data.count),
            "tau": [tau(sc[:, j], truth4[:, j]) for j in range(4)],
            "tau_a": [tau_a(sc[:, j], truth4[:, j]) for j in range(4)],
            "tau_drift": tau(sc[data.drifting, 3], data.overall[data.drifting]),
            "attack": {},
        }
    res["coverage"] = {j: coverage(model["low"][:, j], model["high"][:, j], truth4[:, j], data.count) for j in range(4)}
    res["coverage_drift"] = coverage(model["low"][data.drifting, 3], model["high"][data.drifting, 3],
                                     data.overall[data.drifting], data.count[data.drifting])["all"]
    res["tiers"] = tier_precision(model["tier"], data.overall, data.count)
    res["band_share"] = {b: float(m.mean()) for b, m in band_masks(data.count).items()}
    for k in ATTACK_KS:
        signals, targets = attack(data, k, seed * 1000 + k, cfg)
        after, _ = all_scores(signals, data.crafts, n)
        for name in scores:
            res["methods"][name]["attack"][k] = attack_effect(scores[name][:, 3], after[name][:, 3], targets)
    res["n_signals"] = len(data.signals)
    return res


def run_all(seeds: list[int], workers: int = 2) -> list[dict]:
    """Replications in parallel (each is deterministic given its seed)."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(replication, seeds))
