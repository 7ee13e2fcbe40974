"""Metrics comparing scores with simulated truth."""
from __future__ import annotations

import numpy as np
from scipy.stats import kendalltau, rankdata

BANDS: tuple[tuple[str, int, int], ...] = (("1-2", 1, 2), ("3-5", 3, 5), ("6-10", 6, 10), ("11+", 11, 10**9))


def auc(score: np.ndarray, positive: np.ndarray, negative: np.ndarray) -> float:
    """P(score of a random positive > random negative), ties count half (Mann-Whitney)."""
    pos, neg = score[positive], score[negative]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    ranks = rankdata(np.concatenate([pos, neg]))
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def band_masks(count: np.ndarray) -> dict[str, np.ndarray]:
    """Boolean mask per review-count band, plus 'all'."""
    out = {name: (count >= lo) & (count <= hi) for name, lo, hi in BANDS}
    out["all"] = np.ones(len(count), dtype=bool)
    return out


def auc_by_band(score: np.ndarray, overall: np.ndarray, count: np.ndarray) -> dict[str, float]:
    """Skilled (truth >= 4.0) vs novice (truth < 3.5) AUC per review-count band."""
    return {b: auc(score, m & (overall >= 4.0), m & (overall < 3.5)) for b, m in band_masks(count).items()}


def tau(score: np.ndarray, truth: np.ndarray) -> float:
    """Kendall tau-b (scipy's default)."""
    return float(kendalltau(score, truth).statistic)


def tau_a(score: np.ndarray, truth: np.ndarray) -> float:
    """Kendall tau-a: (concordant - discordant) / all pairs, so tied scores earn no credit.

    tau-b divides by sqrt((N - ties_in_score) * N) when the truth has no ties, which
    rewards a scorer for *tying* makers (e.g. the raw mean of one integer review).
    """
    n = len(score)
    pairs = n * (n - 1) / 2
    _, counts = np.unique(score, return_counts=True)
    tied = float(np.sum(counts * (counts - 1) / 2))
    return tau(score, truth) * np.sqrt((pairs - tied) * pairs) / pairs


def coverage(low: np.ndarray, high: np.ndarray, truth: np.ndarray, count: np.ndarray) -> dict[str, tuple[float, float]]:
    """(coverage, mean width) of intervals per review-count band."""
    out = {}
    for b, m in band_masks(count).items():
        inside = (truth[m] >= low[m]) & (truth[m] <= high[m])
        out[b] = (float(inside.mean()), float((high[m] - low[m]).mean()))
    return out


def percentile_rank(score: np.ndarray) -> np.ndarray:
    """0-100 percentile rank (ties averaged)."""
    return (rankdata(score) - 0.5) / len(score) * 100.0


def attack_effect(before: np.ndarray, after: np.ndarray, targets: np.ndarray) -> tuple[float, float]:
    """(mean percentile shift of targets, share of targets not in the top quarter pushed into it)."""
    pb, pa = percentile_rank(before)[targets], percentile_rank(after)[targets]
    below = pb < 75.0
    share = float((pa[below] >= 75.0).mean()) if below.any() else 0.0
    return float((pa - pb).mean()), share


def tier_precision(tier: np.ndarray, overall: np.ndarray, count: np.ndarray) -> dict[str, float]:
    """Precision of each claim, and how many makers hold a non-unproven tier (also for 1-2 reviews)."""
    up = np.isin(tier, ["master", "skilled"])
    few = count <= 2
    out = {
        "skilled+master -> truly >=4.0": _share(overall[up] >= 4.0),
        "master -> truly >=4.5": _share(overall[tier == "master"] >= 4.5),
        "novice -> truly <3.5": _share(overall[tier == "novice"] < 3.5),
        "developing -> truly in [3.5,4.0)": _share((overall[tier == "developing"] >= 3.5)
                                                   & (overall[tier == "developing"] < 4.0)),
        "all claims correct": _share(_claim_ok(tier, overall)[tier != "unproven"]),
        "share of makers with a tier": float((tier != "unproven").mean()),
        "number of makers with a tier (of all simulated)": float((tier != "unproven").sum()),
        "number of skilled+master claims": float(up.sum()),
        "all claims correct, makers with 1-2 reviews": _share(_claim_ok(tier, overall)[few & (tier != "unproven")]),
        "share of makers with 1-2 reviews that get a tier": float((tier[few] != "unproven").mean()),
    }
    return out


def _claim_ok(tier: np.ndarray, o: np.ndarray) -> np.ndarray:
    return np.select([tier == "master", tier == "skilled", tier == "novice", tier == "developing"],
                     [o >= 4.5, o >= 4.0, o < 3.5, (o >= 3.5) & (o < 4.0)], False)


def _share(mask: np.ndarray) -> float:
    return float(mask.mean()) if mask.size else float("nan")
