"""The headline's ranking checks again on a hundred further standard worlds, world by world against the best baseline.

Twenty replications leave each band's AUC a standard error near a thousandth, about the margins some targets are
decided by. `python -m bench.scoring.wider [--variant key=value,...] [FIRST LAST]` (seeds 21-120 by default: worlds
the headline does not use; about 30 s on two cores, twice that with a variant) scores each standard platform (`simulate.SimConfig()`) with the production model and every
baseline and prints, per AUC band and per dimension's Kendall τ-b, the model's mean, the baseline with the best mean,
the paired difference with its standard error, the worlds the model wins and its worst world. The full bench puts the
table under the headline and one check per row in the targets list. With --variant (`paired.py`'s syntax) the model is
scored with those ModelOptions instead, for measuring a change the same way.
"""
from __future__ import annotations

import argparse
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from .headline_paired import DIMENSIONS, replication
from .paired import parse_variant

WIDER_SEEDS = tuple(range(21, 121))


def run_wider(seeds: tuple[int, ...] = WIDER_SEEDS, workers: int = 2, variant: dict | None = None) -> list[dict]:
    """Per world: the production model's (under "default") and the baselines' AUC by band and τ-b per dimension, and
    the variant's under "variant" (the production model's again without one)."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(replication, [(s, variant or {}) for s in seeds]))


def _margin(label: str, mine: np.ndarray, theirs: dict[str, np.ndarray]) -> dict:
    best = max(theirs, key=lambda n: float(np.mean(theirs[n])))
    diff = mine - theirs[best]
    return {"label": label, "model": float(np.mean(mine)), "best": best, "theirs": float(np.mean(theirs[best])),
            "diff": float(np.mean(diff)), "se": float(np.std(diff, ddof=1) / np.sqrt(len(diff))),
            "won": int(np.sum(diff > 0)), "lost": int(np.sum(diff < 0)), "worst": float(np.min(diff)), "n": len(diff)}


def margins(reps: list[dict], side: str = "default") -> list[dict]:
    """One row per AUC band and per dimension's τ-b, for the model on `side` of each world ("default" or "variant")."""
    rows = []
    for band in reps[0][side]["auc"]:
        rows.append(_margin(f"AUC {band}", np.array([r[side]["auc"][band] for r in reps]),
                            {n: np.array([r["auc"][n][band] for r in reps]) for n in reps[0]["auc"]}))
    for j, dim in enumerate(DIMENSIONS):
        rows.append(_margin(f"τ-b {dim}", np.array([r[side]["tau"][j] for r in reps]),
                            {n: np.array([r["tau"][n][j] for r in reps]) for n in reps[0]["tau"]}))
    return rows


def wider_table(rows: list[dict]) -> str:
    """Markdown table of margins()."""
    lines = ["| metric | model | best baseline (mean) | model minus it ± standard error | worlds won (lost) | "
             "worst world |", "|---|---|---|---|---|---|"]
    lines += [f"| {r['label']} | {r['model']:.4f} | {r['best']} {r['theirs']:.4f} | {r['diff']:+.4f} ± {r['se']:.4f} | "
              f"{r['won']} ({r['lost']}) | {r['worst']:+.4f} |" for r in rows]
    return "\n".join(lines)


def wider_targets(rows: list[dict]) -> list[tuple[str, bool, str]]:
    """(target, met?, figure): the model's mean above the best baseline's over the further worlds."""
    return [(f"{r['label']} beats every baseline on {r['n']} further worlds", r["diff"] > 0,
             f"model {r['model']:.4f} vs {r['best']} {r['theirs']:.4f}: {r['diff']:+.4f} ± {r['se']:.4f}, "
             f"won in {r['won']} of {r['n']}") for r in rows]


def main() -> None:
    """Print the table for seeds FIRST..LAST (inclusive)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("first", nargs="?", type=int, default=WIDER_SEEDS[0])
    ap.add_argument("last", nargs="?", type=int, default=WIDER_SEEDS[-1])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--variant", default="", help="ModelOptions to score the model with (paired.py's syntax)")
    args = ap.parse_args()
    variant = parse_variant(args.variant)
    reps = run_wider(tuple(range(args.first, args.last + 1)), args.workers, variant)
    print(wider_table(margins(reps, "variant" if variant else "default")))


if __name__ == "__main__":
    main()
