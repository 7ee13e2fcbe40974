"""Model 2.29's change, counted: reviews whose new-account discount it changes in the bench's worlds.

`python -m bench.scoring.single_maker [N_WORLDS [N_FOREIGN]]`. Before 2.29 a new account's unverified review was "single" only if
the account had written one review in all; since, if every review it wrote is of this maker. The two differ only for a
new, unverified account with two or more reviews, all of one maker. This counts such reviews in the headline seeds
1-20 (each with its three attacked copies, k = 1, 3, 10) and in family worlds 7001.. (natural reviews; the family's
planted and fake reviews come from accounts that review a maker once, bench/scoring/family.fake_reviews and genuine),
and in the second simulator's worlds 6001.. (bench/scoring/foreign.py, whose reviewers come from a shared pool; each
world is scored once as it is built, a minute or so each).
"""
from __future__ import annotations

import sys

import numpy as np

from craftreview.scoring.arrays import to_arrays
from craftreview.scoring.weights import WeightParams, _pair_counts

from .family import sample_world
from .foreign import ForeignWorld
from .simulate import attack, simulate


def changed(signals) -> int:
    """Reviews whose single-maker reading differs between the two rules."""
    arr = to_arrays(signals)
    counts = np.bincount(arr.reviewer, minlength=len(arr.reviewer_ids))[arr.reviewer]
    is_new = np.nan_to_num(arr.t - arr.joined, nan=np.inf) < WeightParams().new_account_days
    return int(np.sum(is_new & ~arr.verified & (counts > 1) & (counts <= _pair_counts(arr))))


def main(n_worlds: int = 48, n_foreign: int = 12) -> None:
    headline = 0
    for seed in range(1, 21):
        data = simulate(seed)
        headline += changed(data.signals) + sum(changed(attack(data, k, seed)[0]) for k in (1, 3, 10))
    family = 0
    for seed in range(7001, 7001 + n_worlds):
        rng = np.random.default_rng(seed)
        cfg = sample_world(rng)
        family += changed(simulate(int(rng.integers(1 << 30)), cfg).signals)
    foreign = [ForeignWorld(seed).signals for seed in range(6001, 6001 + n_foreign)]
    print(f"headline seeds 1-20 with attacked copies: {headline} reviews changed; "
          f"family worlds 7001-{7000 + n_worlds}: {family}; second simulator's worlds 6001-{6000 + n_foreign}: "
          f"{sum(changed(s) for s in foreign)} of {sum(len(s) for s in foreign)} reviews")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
