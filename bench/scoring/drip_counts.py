"""How many slow shills it takes: k verified five-stars spaced 30-120 days apart (one spacing per target, as the
slow-drip row) on 20 novices, for k = 4..7, under model 2.13's claims (`favourites_set_aside=0`) and production.

`python -m bench.scoring.drip_counts SEED [SEED ...]` prints the share promoted to skilled or better per k. Each k draws
its own novices and shapes from the world's generator, so rows are noisy; the family row is the measurement for five.
"""
from __future__ import annotations

import sys

from craftreview.scoring import ModelOptions

from .properties import SLOW_SPACING_DAYS, World, drip

COUNTS = (4, 5, 6, 7)


def promoted(seed: int, options: ModelOptions | None) -> list[float]:
    """Share of novices promoted, per number of shills in COUNTS."""
    w = World(seed, options)
    return [drip(w, k, lambda rng: rng.uniform(*SLOW_SPACING_DAYS))["promoted"] for k in COUNTS]


if __name__ == "__main__":
    for seed in (int(s) for s in sys.argv[1:]):
        print(seed, "2.13", promoted(seed, ModelOptions(favourites_set_aside=0)), "now", promoted(seed, None), flush=True)
