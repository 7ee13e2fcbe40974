"""Model variants against the production model on the same worlds (paired by seed).

`python -m bench.scoring.paired [--variant key=value,...; w_key=value sets a WeightParams field] [--cache DIR] [--foreign] SEED [SEED ...]` measures every
property of issue 8 (`properties.measure`) on each world with the default `ModelOptions` and with the
variant, two workers, caching each world's result in DIR (so a default run is reused across variants),
and prints default -> variant per property: median / worst world / mean, worlds better / worse, and for
coverage also the pooled share and the worlds in 0.88-0.92.
"""
from __future__ import annotations

import argparse
import json
import os
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from craftreview.scoring import ModelOptions
from craftreview.scoring.model import MODEL_VERSION
from craftreview.scoring.weights import WeightParams

from .family_report import BANDS, PROPERTIES
from .foreign import measure_foreign
from .properties import measure
from .run import MODEL


def parse_variant(text: str) -> dict:
    """'a=True,b=0.5,c=1|2,d=None,e=()' -> {'a': True, 'b': 0.5, 'c': (1.0, 2.0), 'd': None, 'e': ()} (booleans,
    None, numbers, tuples, the empty tuple, else strings)."""
    out = {}
    for part in filter(None, text.split(",")):
        key, value = part.split("=")
        if "|" in value:  # a tuple of numbers: 'splits=90|365'
            out[key] = tuple(float(x) for x in value.split("|"))
            continue
        # Case-insensitive: 'false' read as the string "false" is truthy and silently left an option on.
        out[key] = {"true": True, "false": False, "none": None, "()": ()}.get(value.lower(), value)
        if isinstance(out[key], str):
            try:
                out[key] = float(value)
            except ValueError:
                pass
    return out


def options_for(variant: dict) -> ModelOptions:
    """ModelOptions from a parsed variant; keys 'w_<field>' set fields of its WeightParams."""
    weights = {k[2:]: v for k, v in variant.items() if k.startswith("w_")}
    rest = {k: v for k, v in variant.items() if not k.startswith("w_")}
    return ModelOptions(**rest, weights=WeightParams(**weights)) if weights else ModelOptions(**rest)


def _cached(args: tuple) -> dict:
    seed, variant, cache, foreign = args
    name = "default" if not variant else "_".join(f"{k}-{v}" for k, v in sorted(variant.items())).replace(" ", "")
    # The model version is in the name: "default" means another model after a change of defaults.
    path = os.path.join(cache, f"{MODEL_VERSION}_{'foreign_' if foreign else ''}{name}_{seed}.json")
    if os.path.exists(path):
        with open(path) as fh:
            return json.load(fh)
    res = (measure_foreign if foreign else measure)(seed, options_for(variant) if variant else None)
    with open(path, "w") as fh:
        json.dump(res, fh, default=float)
    return res


def run(seeds: list[int], variant: dict, cache: str, workers: int = 2, foreign: bool = False) -> list[dict]:
    """Per-world results for the variant (cached); foreign: worlds of foreign.py instead of the family's."""
    os.makedirs(cache, exist_ok=True)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_cached, [(s, variant, cache, foreign) for s in seeds]))


def _stats(vals: np.ndarray, direction: str) -> str:
    worst = np.nanmax(vals) if direction == "max" else np.nanmin(vals)
    return f"{np.nanmedian(vals):.3f} / {worst:.3f} / {np.nanmean(vals):.3f}"


def property_rows(base: list[dict], var: list[dict]) -> list[str]:
    """One row per issue-8 property: median / worst / mean, default -> variant, worlds better / worse."""
    rows = []
    for label, get, _target, direction in PROPERTIES:
        a, b = (np.array([get(r) for r in rs], dtype=float) for rs in (base, var))
        sign = 1.0 if direction == "min" else -1.0
        better, worse = int(np.sum(sign * (b - a) > 1e-9)), int(np.sum(sign * (b - a) < -1e-9))
        rows.append(f"| {label.strip()} | {_stats(a, direction)} → {_stats(b, direction)} | {better} / {worse} |")
    return rows


def _margins(reps: list[dict], get) -> np.ndarray:
    out = []
    for r in reps:
        st = r["standard"]
        out.append(get(st, MODEL) - max(get(st, m) for m in st["tau"] if m != MODEL))
    return np.array(out)


def standard_rows(base: list[dict], var: list[dict]) -> list[str]:
    """AUC / τ margins over the best baseline, and coverage per band (median, in band, pooled, steady/drifting)."""
    rows = []
    getters = [(f"AUC margin {b}", lambda st, m, b=b: st["auc"][m][b]) for b in BANDS]
    getters.append(("τ margin", lambda st, m: st["tau"][m]))
    for label, get in getters:
        a, b = _margins(base, get), _margins(var, get)
        rows.append(f"| {label} (median / worst, won) | {np.nanmedian(a):+.4f} / {np.nanmin(a):+.4f} ({int(np.sum(a > 0))})"
                    f" → {np.nanmedian(b):+.4f} / {np.nanmin(b):+.4f} ({int(np.sum(b > 0))}) | |")
    for band in BANDS:
        rows.append(f"| coverage {band}: median, in band, pooled, steady / drifting | {_cover(base, band)} → "
                    f"{_cover(var, band)} | |")
    return rows


def _cover(reps: list[dict], band: str) -> str:
    counts = np.array([r["standard"]["cover_counts"][band] for r in reps], dtype=float)
    share = np.where(counts[:, 0] > 0, counts[:, 1] / np.maximum(counts[:, 0], 1), np.nan)
    in_band = int(np.sum((share >= 0.88) & (share <= 0.92)))
    n, hit, dn, dhit = counts.sum(axis=0)
    return (f"{np.nanmedian(share):.3f}, {in_band}, {hit / n:.3f}, "
            f"{(hit - dhit) / max(n - dn, 1):.3f} / {dhit / max(dn, 1):.3f}")


def main() -> None:
    """Print default -> variant on the given worlds."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--variant", default="")
    ap.add_argument("--cache", default="/tmp/craftreview-paired")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--foreign", action="store_true", help="worlds of foreign.py (another rating process)")
    ap.add_argument("seeds", nargs="+", type=int)
    args = ap.parse_args()
    base = run(args.seeds, {}, args.cache, args.workers, args.foreign)
    var = run(args.seeds, parse_variant(args.variant), args.cache, args.workers, args.foreign)
    print(f"| property | default → {args.variant or 'default'} (median / worst / mean) | worlds better / worse |")
    print("|---|---|---|")
    print("\n".join(property_rows(base, var) + standard_rows(base, var)))


if __name__ == "__main__":
    main()
