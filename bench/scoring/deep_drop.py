"""How deep a fall the model follows: issue 8's drop story at other depths, on family and foreign worlds.

Issue 8 plants makers whose quality fell from 4.6 to 3.0 six months ago. A fall is not always that size: a maker
can slip to 3.5 or collapse to 2.0. A model that follows a fall should follow a deeper one at least as well. Here
each world gets, per depth, 20 makers whose latent level fell from 4.6 to the given level six months ago with 12
reviews since (the family's `World.stepped`, or the foreign world's own rating process), planted in a copy of the
world and scored with it. Per depth: the share of those makers where a drop was detected, the median error of the
overall estimate, the share of 90% intervals covering the truth, and the share still claimed skilled or better.

`python -m bench.scoring.deep_drop [--foreign] [--variant=key=value,...] SEED [SEED ...]` prints, per depth, the median over worlds and the
worst world of each figure.
"""
from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from craftreview.scoring import MASTER_LINE, SKILLED_LINE, score_makers

from .family import levels3
from .foreign import ForeignWorld
from .paired import options_for, parse_variant
from .properties import N_PLANTED, UP, World
from .simulate import NOW

BEFORE = 4.6
AFTER = (3.5, 3.0, 2.5, 2.0, 1.5)  # latent level after the fall
N_SINCE = 12


def depth(w: World, after: float) -> dict:
    """The four figures for N_PLANTED makers that fell from BEFORE to `after` (latent) in a copy of the world."""
    sigs, mids, truth, crafts = [], [], [], dict(w.crafts)
    for j in range(N_PLANTED):
        before = levels3(BEFORE, w.rng)
        mid = w.n + j
        crafts[mid], now = w.maker_like(before[0] + after - BEFORE)
        truth.append(now)
        sigs += w.stepped(mid, before, before + after - BEFORE, N_SINCE)
        mids.append(mid)
    scores = score_makers(w.signals + sigs, now=NOW, crafts=crafts, options=w.options)
    got = [scores[m] for m in mids]
    return {"detected": float(np.mean([s.explanation["evidence"]["quality_dropped_days_ago"] is not None for s in got])),
            "error": float(np.median([abs(s.overall.mean - t) for s, t in zip(got, truth, strict=True)])),
            "coverage": float(np.mean([s.overall.low <= t <= s.overall.high for s, t in zip(got, truth, strict=True)])),
            "skilled": float(np.mean([_above_truth(s.tier, t) for s, t in zip(got, truth, strict=True)])),
            "truth": float(np.mean(truth))}


def _above_truth(tier: str, truth: float) -> bool:
    """A claim the truth does not bear out: skilled or better below the skilled line, master below the master line
    (in a world of grade inflation a fall to a low latent level can leave the truth above either)."""
    return tier in UP and (truth < SKILLED_LINE or (tier == "master" and truth < MASTER_LINE))


def measure_depths(args: tuple[int, bool, str]) -> dict:
    """Every depth on one world (family, or foreign when the flag is set), with a model variant (paired's syntax)."""
    seed, foreign, variant = args
    options = options_for(parse_variant(variant)) if variant else None
    w = ForeignWorld(seed, options) if foreign else World(seed, options)
    return {after: depth(w, after) for after in AFTER}


def main(argv: list[str]) -> None:
    """Median and worst world per depth."""
    foreign = "--foreign" in argv
    variant = next((a.split("=", 1)[1] for a in argv if a.startswith("--variant=")), "")
    seeds = [int(s) for s in argv if not s.startswith("--")]
    with ProcessPoolExecutor(max_workers=2) as pool:
        reps = list(pool.map(measure_depths, [(s, foreign, variant) for s in seeds]))
    print(f"{'foreign' if foreign else 'family'} worlds, model {variant or 'as shipped'}, seeds {' '.join(map(str, seeds))}")
    print("| latent level after the fall | true overall (mean) | drop detected: median / worst | median error: median / "
          "worst | 90% interval covers: median / worst | claim above the truth: median / worst |")
    print("|---|---|---|---|---|---|")
    for after in AFTER:
        col = {k: np.array([r[after][k] for r in reps]) for k in reps[0][after]}
        print(f"| {after} | {col['truth'].mean():.2f} | {np.median(col['detected']):.2f} / {col['detected'].min():.2f} | "
              f"{np.median(col['error']):.2f} / {col['error'].max():.2f} | {np.median(col['coverage']):.2f} / "
              f"{col['coverage'].min():.2f} | {np.median(col['skilled']):.2f} / {col['skilled'].max():.2f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
