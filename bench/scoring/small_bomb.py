"""One or two hostile one-stars on small makers: how often a skilled-or-better claim is lost, with and without the
favourable-voices check of model 2.14 (not a family row: the issue's bomb property is about established makers).

`python -m bench.scoring.small_bomb SEED [SEED ...]` takes the natural makers of each family world that hold a skilled
or better claim, by review count (2-5, 6-10, 11-19), gives each one or two verified one-stars from accounts 60-400
days old a few days apart, rescores the world and prints, per band, "makers: share losing the claim" under
`favourites_set_aside=0` (model 2.13's claims) -> the production model.
"""
from __future__ import annotations

import sys

import numpy as np

from craftreview.scoring import ModelOptions

from .family import Attacker, fake_reviews
from .properties import UP, World, _scores

BANDS = ((2, 5), (6, 10), (11, 19))


def lost_claims(seed: int, bombs: int, options: ModelOptions | None) -> dict[tuple[int, int], tuple[int, float]]:
    """Per review-count band: (makers holding a claim, share of them losing it after `bombs` one-stars each)."""
    w = World(seed, options)
    held = [m for m in range(w.n_natural) if w.base["tier"][m] in UP]
    out = {}
    for lo, hi in BANDS:
        targets = [m for m in held if lo <= w.count[m] <= hi]
        fakes = []
        for t in targets:
            hostile = Attacker(1, float(w.rng.uniform(60, 400)), 3.0, True, 0)
            fakes += fake_reviews(w.rng, hostile, w.ids, int(t), bombs, {})
        after = _scores(w.signals + fakes, w.crafts, w.n, options)
        lost = [after["tier"][t] not in UP for t in targets]
        out[(lo, hi)] = (len(targets), float(np.mean(lost)) if targets else float("nan"))
    return out


def main(seeds: list[int]) -> None:
    """Print one line per seed and number of one-stars."""
    for seed in seeds:
        for bombs in (1, 2):
            before = lost_claims(seed, bombs, ModelOptions(favourites_set_aside=0))
            now = lost_claims(seed, bombs, None)
            cells = [f"{lo}-{hi}: {before[(lo, hi)][0]}: {before[(lo, hi)][1]:.2f} -> {now[(lo, hi)][0]}: "
                     f"{now[(lo, hi)][1]:.2f}" for lo, hi in BANDS]
            print(seed, bombs, " | ".join(cells), flush=True)


if __name__ == "__main__":
    main([int(s) for s in sys.argv[1:]])
