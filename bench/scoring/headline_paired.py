"""The headline's model figures under a variant, paired with the production model on the same replications.

`python -m bench.scoring.headline_paired [--variant key=value,...] [SEED ...]` (seeds 1-20, the headline's, by
default) simulates each standard platform (`simulate.SimConfig()`), scores it with the default `ModelOptions` and
with the variant (the syntax of `paired.py`), and prints per dimension the 90% coverage and mean width by review-count
band, the coverage of drifting makers, and the AUC by band and Kendall τ-b beside the best baseline's. Steady and
drifting makers with 11+ reviews are shown apart: the band's coverage mixes the two, and the drifting ones by how
they changed (a step up or down, by how long ago, or a steady slide): a step a few weeks old has one or two reviews
since, or none, so no interval drawn from the reviews can follow it. The attack columns of the headline are not rerun
here (`python -m bench.scoring` does). About 3 s for twenty seeds on two cores.
"""
from __future__ import annotations

import argparse
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from .metrics import auc_by_band, coverage, tau
from .paired import options_for, parse_variant
from .run import MODEL, all_scores, model_outputs
from .simulate import SimConfig, simulate

DIMENSIONS = ("craftsmanship", "consistency", "delivery", "overall")
LONG = 11  # reviews: the headline's last band
STEP_AGES = (0.0, 120.0, 365.0, np.inf)  # days since a step, for the drifting makers' rows


def change_kinds(drift: np.ndarray, step_age: np.ndarray) -> dict[str, np.ndarray]:
    """Masks of the drifting makers by how they changed: a step down or up by its age (STEP_AGES), or a slide."""
    out = {}
    for name, sign in (("down", 1.0), ("up", -1.0)):  # drift > 0: the maker used to be better (simulate.py)
        for lo, hi in zip(STEP_AGES[:-1], STEP_AGES[1:], strict=True):
            label = f"{lo:.0f}+ days" if np.isinf(hi) else f"{lo:.0f}-{hi:.0f} days"
            out[f"step {name}, {label} ago"] = (np.sign(drift) == sign) & (step_age >= lo) & (step_age < hi)
    out["steady slide, up or down"] = (drift != 0) & np.isnan(step_age)
    return out


def _share_inside(inside: np.ndarray, mask: np.ndarray) -> tuple[float, int]:
    return (float(inside[mask].mean()) if mask.any() else float("nan")), int(mask.sum())


def _figures(model: dict, truth4: np.ndarray, count: np.ndarray, drifting: np.ndarray, kinds: dict) -> dict:
    low, high, mean = model["low"], model["high"], model["mean"]
    inside = (truth4[:, 3] >= low[:, 3]) & (truth4[:, 3] <= high[:, 3])
    long = count >= LONG
    return {"cover": [coverage(low[:, j], high[:, j], truth4[:, j], count) for j in range(4)],
            "drifting": float(inside[drifting].mean()),
            "long": (float(inside[long & ~drifting].mean()), float(inside[long & drifting].mean())),
            "kinds": {name: _share_inside(inside, long & mask) for name, mask in kinds.items()},
            "auc": auc_by_band(mean[:, 3], truth4[:, 3], count),
            "tau": [tau(mean[:, j], truth4[:, j]) for j in range(4)]}


def replication(args: tuple[int, dict]) -> dict:
    """Default and variant figures on one standard platform, with the baselines' AUC and τ."""
    seed, variant = args
    cfg = SimConfig()
    data = simulate(seed, cfg)
    truth4 = np.column_stack([data.truth, data.overall])
    scores, default = all_scores(data.signals, data.crafts, cfg.n_makers)
    changed = model_outputs(data.signals, data.crafts, cfg.n_makers, options_for(variant)) if variant else default
    baselines = {name: sc for name, sc in scores.items() if name != MODEL}
    kinds = change_kinds(data.extra["drift"], data.extra["step_age"])
    return {"default": _figures(default, truth4, data.count, data.drifting, kinds),
            "variant": _figures(changed, truth4, data.count, data.drifting, kinds),
            "auc": {name: auc_by_band(sc[:, 3], data.overall, data.count) for name, sc in baselines.items()},
            "tau": {name: [tau(sc[:, j], truth4[:, j]) for j in range(4)] for name, sc in baselines.items()}}


def _best(reps: list[dict], key: str, pick) -> float:
    """The best baseline's mean over replications (as the headline picks it: mean first, then the best)."""
    return max(np.mean([pick(r[key][name]) for r in reps]) for name in reps[0][key])


def _pooled(reps: list[dict], side: str, kind: str) -> tuple[float, int]:
    """(share covered, makers) of one kind of change, pooled over replications (a few makers in each)."""
    pairs = [r[side]["kinds"][kind] for r in reps]
    n = sum(k for _, k in pairs)
    return (sum(share * k for share, k in pairs if k) / n if n else float("nan")), n


def report(reps: list[dict]) -> list[str]:
    """Markdown lines: default -> variant per figure."""
    bands = list(reps[0]["default"]["auc"])
    lines = ["| figure | default | variant |", "|---|---|---|"]

    def row(label: str, get, fmt: str = "{:.3f}") -> None:
        cells = (fmt.format(*np.mean([np.atleast_1d(get(r[side])) for r in reps], axis=0))
                 for side in ("default", "variant"))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    for j, dim in enumerate(DIMENSIONS):
        for band in reps[0]["default"]["cover"][j]:
            row(f"coverage {dim} {band}", lambda f, j=j, band=band: f["cover"][j][band], "{:.3f} (w {:.2f})")
    row("coverage overall, drifting makers", lambda f: f["drifting"])
    row(f"coverage overall {LONG}+, steady makers", lambda f: f["long"][0])
    row(f"coverage overall {LONG}+, drifting makers", lambda f: f["long"][1])
    for kind in reps[0]["default"]["kinds"]:
        pooled = [_pooled(reps, side, kind) for side in ("default", "variant")]
        lines.append(f"| coverage overall {LONG}+, {kind} (n {pooled[0][1]}, pooled) | {pooled[0][0]:.3f} | "
                     f"{pooled[1][0]:.3f} |")
    for band in bands:
        best = _best(reps, "auc", lambda a, band=band: a[band])
        row(f"AUC {band} (best baseline {best:.4f})", lambda f, band=band: f["auc"][band], "{:.4f}")
    for j, dim in enumerate(DIMENSIONS):
        best = _best(reps, "tau", lambda t, j=j: t[j])
        row(f"τ-b {dim} (best baseline {best:.4f})", lambda f, j=j: f["tau"][j], "{:.4f}")
    return lines


def main() -> None:
    """Print the paired table for the given seeds."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--variant", default="")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("seeds", nargs="*", type=int, default=list(range(1, 21)))
    args = ap.parse_args()
    variant = parse_variant(args.variant)
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        reps = list(pool.map(replication, [(s, variant) for s in args.seeds]))
    print("\n".join(report(reps)))


if __name__ == "__main__":
    main()
