"""Random search for the property test's shape: does raising one star ever lower the score beyond a sliver?

`python -m bench.scoring.monotone [--cases N] [--seed S] [--variant key=value,...]` draws makers of 1-8 reviews
(random stars, 20 days apart, verified or not), raises one star of one review, rescores both with a model fitted
on a simulated platform and counts the dips beyond SLIVER, skipping the two exceptions the property test states
(a raised older rating that makes a drop significant; a review far off the consensus, outlier factor < 0.5).
The property test (tests/unit/test_scoring_behaviour.py) runs a fixed set of such cases; this counts the rate.
"""
from __future__ import annotations

import argparse
from datetime import timedelta

import numpy as np

from craftreview.scoring import FittedModel, ModelOptions, ReviewSignal, fit_model
from craftreview.scoring.types import DIMENSIONS

from .simulate import NOW, SimConfig, simulate

SLIVER = 0.02


def _maker(rows: np.ndarray, verified: bool) -> list[ReviewSignal]:
    out = []
    for i, r in enumerate(rows):
        created = NOW - timedelta(days=20.0 * i)
        out.append(ReviewSignal("new", f"b{i}", *(int(x) for x in r), created_at=created, verified=verified,
                                reviewer_joined_at=created - timedelta(days=300.0)))
    return out


def _dip(model: FittedModel, rows: np.ndarray, which: int, dim: int, verified: bool) -> float | None:
    """How far raising rows[which][dim] lowers the score (None: one of the stated exceptions)."""
    raised = rows.copy()
    raised[which, dim] += 1
    low, high = (model.score_maker(_maker(r, verified), now=NOW) for r in (rows, raised))
    drop_low, drop_high = (s.explanation["evidence"]["quality_dropped_days_ago"] for s in (low, high))
    if drop_high is not None and drop_high != drop_low:
        return None
    if min(low.explanation["review_factors"]["outlier_factor"] + high.explanation["review_factors"]["outlier_factor"]) < 0.5:
        return None
    name = DIMENSIONS[dim]
    return max(low.overall.mean - high.overall.mean, getattr(low, name).mean - getattr(high, name).mean,
               low.p_skilled - high.p_skilled)


def search(cases: int, seed: int = 7, options: ModelOptions | None = None) -> dict:
    """Counts over `cases` random draws: checked (not an exception), dips beyond SLIVER, the worst dip."""
    platform = simulate(7, SimConfig(n_makers=600))
    model = fit_model(platform.signals, now=NOW, crafts=platform.crafts, options=options)
    rng = np.random.default_rng(seed)
    dips, checked = [], 0
    for _ in range(cases):
        k = int(rng.integers(1, 9))
        rows = rng.integers(1, 6, (k, 3))
        which, dim, verified = int(rng.integers(0, k)), int(rng.integers(0, 3)), bool(rng.random() < 0.5)
        if rows[which, dim] == 5:
            continue
        dip = _dip(model, rows, which, dim, verified)
        if dip is None:
            continue
        checked += 1
        dips.append(dip)
    dips = np.array(dips) if dips else np.zeros(1)
    return {"cases": cases, "checked": checked, "beyond": int(np.sum(dips > SLIVER)), "worst": float(dips.max())}


def sentence(res: dict) -> str:
    """One line for RESULTS.md."""
    return (f"{res['cases']:,} random draws, {res['checked']:,} checked (the rest are the test's stated exceptions "
            f"or a star already at 5): {res['beyond']} dips beyond {SLIVER} stars "
            f"({res['beyond'] / max(res['checked'], 1):.2%}), the worst {res['worst']:.3f}.")


def main() -> None:
    """Print the counts for the production model or a variant."""
    from .paired import options_for, parse_variant
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--variant", default="")
    args = ap.parse_args()
    options = options_for(parse_variant(args.variant)) if args.variant else None
    print(sentence(search(args.cases, args.seed, options)))


if __name__ == "__main__":
    main()
