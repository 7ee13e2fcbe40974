"""'About k more verified reviews averaging about X overall would very likely make this T', on the second simulator.

`python -m bench.scoring.foreign_promises 6001 6002 ...` (seeds of `bench.scoring.foreign` worlds; 60 promised makers a
world, and 60 of those promised the nearer skilled claim from past the master line, `outlook._FALLBACK`).

The family bench (`properties.promises`) draws the new reviews from buyers whose *typical* rating is the named level,
which is their average too there (Gaussian buyer offsets). The second simulator has harsh critics and gushers, so the
average buyer rates off the typical one: buyers drawn that way average below the named level in a critic-heavy world,
and the promise's condition ("averaging about X") does not hold. Here the new reviews come from the world's own
buyers, critics included, at the latent level whose average overall rating is the named one (interpolated on a grid
of levels measured once a world), so the check asks what the sentence promises.
"""
from __future__ import annotations

import sys

import numpy as np

from craftreview.scoring import fit_model, score_makers, tier_outlooks
from craftreview.scoring.arrays import to_arrays
from craftreview.scoring.outlook import own_pace, reaches
from craftreview.scoring.types import MASTER_LINE, OVERALL_WEIGHTS

from .foreign import ForeignWorld, honest
from .simulate import NOW

SAMPLED = 60  # promised makers checked a world, and as many of the nearer-claim ones
_GRID = np.linspace(0.0, 7.0, 71)  # latent levels at which the world's buyers' average rating is measured
_PER_LEVEL = 2000  # reviews drawn a level


def average_curve(w: ForeignWorld, rng: np.random.Generator) -> np.ndarray:
    """The plain average overall rating the world's buyers give a maker at each latent level of _GRID."""
    weights = np.array(OVERALL_WEIGHTS)
    out = []
    for level in _GRID:
        sigs = honest(rng, w.cfg, w.ids, w.people, -1, np.full((_PER_LEVEL, 3), level), np.full(_PER_LEVEL, 5.0), 1.0)
        out.append(float(np.mean([[s.craftsmanship, s.consistency, s.delivery] for s in sigs], axis=0) @ weights))
    return np.maximum.accumulate(np.array(out))  # monotone, for the inverse


def latent_averaging(curve: np.ndarray, level: float) -> float:
    """The latent level at which the world's buyers average `level` overall."""
    return float(np.interp(level, curve, _GRID))


def check_world(seed: int) -> dict[str, list[bool]]:
    """Whether each sampled promise came true: {"all": [...], "nearer": [...]}."""
    w = ForeignWorld(seed)
    rng = np.random.default_rng(seed)
    nat = [s for s in w.signals if s.maker_id < w.n_natural]
    model = fit_model(nat, now=NOW, crafts=w.crafts)
    scores = score_makers(nat, now=NOW, crafts=w.crafts)
    outlook = tier_outlooks(model, nat, scores, now=NOW, crafts=w.crafts)
    made = sorted(m for m, o in outlook.items() if o["extra_verified_reviews_needed"])
    nearer = [m for m in made if outlook[m]["target_tier"] == "skilled" and scores[m].overall.mean >= MASTER_LINE]
    sample = set(rng.choice(made, size=min(SAMPLED, len(made)), replace=False).tolist()) if made else set()
    near_sample = set(rng.choice(nearer, size=min(SAMPLED, len(nearer)), replace=False).tolist()) if nearer else set()
    curve = average_curve(w, rng)
    by_maker: dict = {}
    for s in nat:
        by_maker.setdefault(s.maker_id, []).append(s)
    kept: dict[str, list[bool]] = {"all": [], "nearer": []}
    for m in sorted(sample | near_sample):
        k, target = outlook[m]["extra_verified_reviews_needed"], outlook[m]["target_tier"]
        lat = latent_averaging(curve, scores[m].overall.mean) + rng.normal(0, 0.15, 3)
        mine = to_arrays(by_maker[m])
        ages = 1.0 + own_pace(mine.t, mine.maker, 1)[0] * np.arange(k)  # at the maker's own pace, as promised
        new = honest(rng, w.cfg, w.ids, w.people, int(m), np.repeat(lat[None, :], k, 0), ages, 1.0)
        ok = reaches(model.score_maker(by_maker[m] + new, now=NOW, craft=w.crafts[m]).tier, target)
        if m in sample:
            kept["all"].append(ok)
        if m in near_sample:
            kept["nearer"].append(ok)
    return kept


def main(argv: list[str]) -> None:
    totals = {"all": [0, 0], "nearer": [0, 0]}
    for seed in map(int, argv):
        kept = check_world(seed)
        parts = []
        for key, values in kept.items():
            totals[key][0] += sum(values)
            totals[key][1] += len(values)
            parts.append(f"{key} {sum(values)}/{len(values)}")
        print(seed, "kept:", ", ".join(parts), flush=True)
    print("pooled:", ", ".join(f"{k} {a}/{b} = {a / max(b, 1):.3f}" for k, (a, b) in totals.items()))


if __name__ == "__main__":
    main(sys.argv[1:])
