"""Ablations: the model with one component switched off or changed, on fresh seeds."""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

import numpy as np

from craftreview.scoring import ModelOptions, WeightParams, score_makers

from .metrics import attack_effect, auc_by_band, coverage, tau
from .report import _table, ms
from .simulate import NOW, attack, simulate

_NO_PROVENANCE = WeightParams(unverified=1.0, new_single=1.0, burst_min=10**9)
VARIANTS: dict[str, ModelOptions] = {
    "full model": ModelOptions(),
    "no reviewer bias": ModelOptions(reviewer_bias=False),
    "no provenance weights": ModelOptions(weights=_NO_PROVENANCE),
    "no age decay": ModelOptions(weights=WeightParams(half_life_days=float("inf"))),
    "decay half-life 365 d, floor 0.25": ModelOptions(weights=WeightParams(half_life_days=365.0, age_floor=0.25)),
    "decay half-life 730 d, floor 0.5": ModelOptions(weights=WeightParams(half_life_days=730.0, age_floor=0.5)),
    "no spread covariate": ModelOptions(spread_covariate=False),
    "no lateness dimension": ModelOptions(lateness=False),
    "age as relevance only (Kish n + drift variance)": ModelOptions(age_as_precision=False),
    "per-maker linear trend (random slope) instead of drift variance": ModelOptions(trend=True),
    "interval widened for a possible recent change (change.py)": ModelOptions(change_interval=True),
    "unverified 0.5, new-account 0.25 (first choice)": ModelOptions(weights=WeightParams(unverified=0.5,
                                                                                        new_single=0.25)),
}


def _scores(signals: list, crafts: dict, n: int, options: ModelOptions) -> np.ndarray:
    """(n, 4, 3) array: [dims + overall] x [mean, low, high]."""
    out = np.zeros((n, 4, 3))
    for mid, s in score_makers(signals, now=NOW, crafts=crafts, options=options).items():
        for j, e in enumerate((s.craftsmanship, s.consistency, s.delivery, s.overall)):
            out[mid, j] = (e.mean, e.low, e.high)
    return out


def _one(seed: int) -> dict:
    data = simulate(seed)
    n = len(data.overall)
    truth = np.column_stack([data.truth, data.overall])
    attacked, targets = attack(data, 3, seed * 1000 + 3)
    res = {}
    for name, opt in VARIANTS.items():
        sc = _scores(data.signals, data.crafts, n, opt)
        after = _scores(attacked, data.crafts, n, opt)
        auc = auc_by_band(sc[:, 3, 0], data.overall, data.count)
        res[name] = {
            "auc": auc["all"], "auc12": auc["1-2"],
            "tau": [tau(sc[:, j, 0], truth[:, j]) for j in range(4)],
            "tau_drift": tau(sc[data.drifting, 3, 0], data.overall[data.drifting]),
            "cov": coverage(sc[:, 3, 1], sc[:, 3, 2], truth[:, 3], data.count)["all"][0],
            "cov11": coverage(sc[:, 3, 1], sc[:, 3, 2], truth[:, 3], data.count)["11+"][0],
            "attack3": attack_effect(sc[:, 3, 0], after[:, 3, 0], targets)[0],
        }
    return res


def run_ablations(seeds: list[int], workers: int = 2) -> list[dict]:
    """Ablation metrics per seed."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_one, seeds))


def ablation_table(reps: list[dict]) -> str:
    """Markdown table of ablation metrics (mean ± sd)."""
    rows = []
    for name in VARIANTS:
        r = [x[name] for x in reps]
        rows.append([name, ms([x["auc"] for x in r]), ms([x["auc12"] for x in r]),
                     ms([x["tau"][3] for x in r]), ms([x["tau"][1] for x in r]), ms([x["tau"][2] for x in r]),
                     ms([x["tau_drift"] for x in r]), ms([x["cov"] for x in r]), ms([x["cov11"] for x in r]),
                     ms([x["attack3"] for x in r], 1)])
    header = ["variant", "AUC all", "AUC 1-2", "τ overall", "τ consistency", "τ delivery", "τ drifting",
              "coverage overall", "coverage 11+", "k=3 shift"]
    return _table(header, rows)
