"""Does the bench flatter the model? Three checks on family worlds (properties.World), the model unchanged.

1. One target at a time. The family plants three verified shills on each of twenty novices and refits the world
   once; in production one maker is attacked at a time, and the global statistics (noise, priors, spread) barely
   notice it. The median percentile rise with all twenty in one fit, and with each target alone in its own fit.
2. The planted stories. Eighty story makers (established, drops, newcomers) sit in every world the attacks are
   measured in. The same three-shill rise (properties.shilling, same draws) with them and with them taken out.
3. Where the spillover goes. properties.spillover's attack (ten fakes on each of five makers) moves the other makers
   only through the platform's fitted statistics: the shift of each (pooled noise of the stars, between-maker
   variance, prior mean, robust spread) as fitted, and again with the five attacked makers left out of both fits
   (what the attackers' camouflage ratings alone move).

`python -m bench.scoring.validity SEED [SEED ...]` prints one line per world, then the median and the worst world of
each figure.
"""
from __future__ import annotations

import sys
import time

import numpy as np

from craftreview.scoring import fit_model

from .properties import N_PLANTED, World, _novices, _pct, _scores, shilling
from .simulate import NOW

A = np.array([0.5, 0.25, 0.25])
FIGURES = ("rise_together", "rise_alone", "rise_gap", "rise_stories", "rise_no_stories", "spill",
           "noise", "tau2", "mu", "scale", "noise_apart", "tau2_apart", "mu_apart", "scale_apart")


def isolation(w: World) -> tuple[float, float, float]:
    """3-shill percentile rise of N_PLANTED novices: the median with all attacked in one fit, the median with each
    alone in its own, and the largest difference between the two for one target."""
    targets = _novices(w, N_PLANTED)
    fakes = {int(t): w.draw_fakes([t], 3, lambda t: 5)[0] for t in targets}
    base = _pct(w.base)
    together = _pct(_scores(w.signals + [s for f in fakes.values() for s in f], w.crafts, w.n, w.options))
    alone = np.array([_pct(_scores(w.signals + f, w.crafts, w.n, w.options))[t] - base[t] for t, f in fakes.items()])
    rise = together[targets] - base[targets]
    return float(np.median(rise)), float(np.median(alone)), float(np.max(np.abs(rise - alone)))


def without_stories(w: World) -> World:
    """The world with its planted story makers taken out (scored again; the random generator is left as it was)."""
    w.signals = [s for s in w.signals if s.maker_id < w.n_natural]
    w.n, w.truth = w.n_natural, w.truth[: w.n_natural]
    w.base = _scores(w.signals, w.crafts, w.n, w.options)
    w.levels = {m: float(w.base["raw"][m]) for m in range(w.n)}
    return w


def _globals(w: World, signals: list) -> np.ndarray:
    """Fitted global statistics: pooled noise and between-maker variance of the stars (means over the three), the
    prior mean of the overall star, the robust spread."""
    fit = fit_model(signals, now=NOW, crafts=w.crafts, options=w.options)
    p = fit.params
    return np.array([np.diag(p.noise)[:3].mean(), p.tau2[:3].mean(), float(A @ p.mu[:3]), fit.robust_scale])


def _shift(before: np.ndarray, after: np.ndarray) -> list[float]:
    """Relative shifts of noise, variance and spread; the prior mean's shift in stars."""
    rel = after / before - 1.0
    return [float(rel[0]), float(rel[1]), float(after[2] - before[2]), float(rel[3])]


def spill_channels(w: World) -> list[float]:
    """Share of the other makers whose tier changed under ten fakes on five makers, then the global statistics'
    shifts as fitted and with the attacked makers left out of both fits."""
    targets = w.rng.choice(w.n_natural, size=5, replace=False)
    kinds = {int(t): int(w.rng.choice([1, 5])) for t in targets}
    fakes, _ = w.draw_fakes(targets, 10, lambda t: kinds[int(t)])
    touched = {s.maker_id for s in fakes}
    after = _scores(w.signals + fakes, w.crafts, w.n, w.options)
    others = np.array([m for m in range(w.n) if m not in touched])
    changed = float((after["tier"][others] != w.base["tier"][others]).mean())
    hit = set(kinds)
    apart = [s for s in w.signals if s.maker_id not in hit]
    apart_fakes = [s for s in fakes if s.maker_id not in hit]
    return ([changed] + _shift(_globals(w, w.signals), _globals(w, w.signals + fakes))
            + _shift(_globals(w, apart), _globals(w, apart + apart_fakes)))


def check(seed: int) -> dict[str, float]:
    """Every figure of FIGURES on the world drawn from seed."""
    together, alone, gap = isolation(World(seed))
    with_stories = shilling(World(seed))["rise3"]
    no_stories = shilling(without_stories(World(seed)))["rise3"]
    return dict(zip(FIGURES, [together, alone, gap, with_stories, no_stories] + spill_channels(World(seed)), strict=True))


def table(results: list[dict[str, float]]) -> str:
    """Median and the world furthest from zero, per figure."""
    lines = [f"{'figure':<18} {'median':>9} {'worst':>9}"]
    for key in FIGURES:
        v = np.array([r[key] for r in results])
        lines.append(f"{key:<18} {np.median(v):9.4f} {v[np.argmax(np.abs(v))]:9.4f}")
    return "\n".join(lines)


def main(seeds: list[int]) -> None:
    """One line per world, then the table."""
    start, results = time.time(), []
    for seed in seeds:
        results.append(check(seed))
        print(seed, " ".join(f"{k}={v:.4f}" for k, v in results[-1].items()), flush=True)
    print(table(results))
    print(f"seeds {' '.join(map(str, seeds))}; {time.time() - start:.0f} s")


if __name__ == "__main__":
    main([int(s) for s in sys.argv[1:]])
