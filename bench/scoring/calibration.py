"""Where the family's 90% intervals miss: coverage per review-count band with its sampling noise.

`python -m bench.scoring.calibration SEED [SEED ...]` scores each world's own makers (no planted stories,
no attacks: the same makers `properties.standard` measures) and prints, per band, the median / worst
coverage, the worlds in 0.88-0.92, how many worlds a *perfectly calibrated* model would put in that band
given the band's size (binomial), the coverage pooled over worlds, and steady versus drifting makers.
"""
from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from .family import sample_world
from .metrics import BANDS, band_masks
from .run import model_outputs
from .simulate import simulate

LOW, HIGH, LEVEL = 0.88, 0.92, 0.90


def world_cover(seed: int) -> dict:
    """Per band: makers, makers covered, and the same for drifting makers, on one world of the family."""
    rng = np.random.default_rng(seed)
    cfg = sample_world(rng)
    data = simulate(int(rng.integers(1 << 30)), cfg)  # the same draws as properties.World
    out = model_outputs(data.signals, data.crafts, cfg.n_makers)
    inside = (data.overall >= out["low"][:, 3]) & (data.overall <= out["high"][:, 3])
    bands = band_masks(data.count)
    return {name: (int(m.sum()), int(inside[m].sum()), int((m & data.drifting).sum()),
                   int((inside & m & data.drifting).sum())) for name, m in bands.items()}


def calibrated_in_band(sizes: np.ndarray, draws: int = 4000, seed: int = 0) -> float:
    """Expected number of worlds in LOW-HIGH for a model whose intervals cover exactly LEVEL."""
    rng = np.random.default_rng(seed)
    n = np.maximum(sizes, 1)
    share = rng.binomial(n, LEVEL, (draws, len(n))) / n
    return float(np.mean(np.sum((share >= LOW) & (share <= HIGH) & (sizes > 0), axis=1)))


def precise_worlds(claims: np.ndarray, rate: float, target: float, draws: int = 4000, seed: int = 0) -> float:
    """Expected number of worlds whose share of right claims is at least target, for a model right on every claim
    with probability rate (claims: the number of claims per world; a world without claims meets nothing)."""
    rng = np.random.default_rng(seed)
    n = np.maximum(claims.astype(int), 1)
    share = rng.binomial(n, rate, (draws, len(n))) / n
    return float(np.mean(np.sum((share >= target - 1e-12) & (claims > 0), axis=1)))


def report(worlds: list[dict]) -> str:
    """One markdown row per band."""
    rows = ["| band | makers per world (median, min) | coverage median | worst | worlds in 0.88–0.92 | "
            "a calibrated model | pooled | steady / drifting (pooled) |", "|---|---|---|---|---|---|---|---|"]
    for band in ("all", *(b[0] for b in BANDS)):
        n, hit, dn, dhit = (np.array([w[band][i] for w in worlds]) for i in range(4))
        cov = np.where(n > 0, hit / np.maximum(n, 1), np.nan)
        in_band = int(np.sum((cov >= LOW) & (cov <= HIGH)))
        steady = (hit.sum() - dhit.sum()) / max(n.sum() - dn.sum(), 1)
        rows.append(f"| {band} | {int(np.median(n))}, {n.min()} | {np.nanmedian(cov):.3f} | {np.nanmin(cov):.3f} | "
                    f"{in_band} of {len(worlds)} | {calibrated_in_band(n):.1f} | {hit.sum() / n.sum():.3f} | "
                    f"{steady:.3f} / {dhit.sum() / max(dn.sum(), 1):.3f} |")
    return "\n".join(rows)


def main(seeds: list[int], workers: int = 2) -> None:
    """Print the table for the given worlds."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        print(report(list(pool.map(world_cover, seeds))))


if __name__ == "__main__":
    main([int(s) for s in sys.argv[1:]])
