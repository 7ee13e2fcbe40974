"""Run the family of worlds and write its section of RESULTS.md (medians and worst cases)."""
from __future__ import annotations

import secrets
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from .calibration import calibrated_in_band, precise_worlds
from .properties import measure
from .run import MODEL

# (label, getter, target, direction): "max" = worst is the largest value, "min" = the smallest.
PROPERTIES = [
    ("bomb on established skilled maker: median percentile drop", lambda r: r["bombing"]["drop"], 10.0, "max"),
    ("  same, raw mean (baseline)", lambda r: r["bombing"]["drop_raw"], None, "max"),
    ("bomb: share losing skilled-or-better claim", lambda r: r["bombing"]["lost_claim"], 0.20, "max"),
    ("  same with five two-star reviews (beyond issue 8's one-stars)", lambda r: r["bombing"].get("mild_lost_claim", np.nan),
     0.20, "max"),
    ("5 verified shills on a novice: share promoted to skilled+", lambda r: r["shilling"]["promoted5"], 0.10, "max"),
    ("3 verified shills: median percentile rise", lambda r: r["shilling"]["rise3"], 15.0, "max"),
    ("  same, raw mean (baseline)", lambda r: r["shilling"]["rise3_raw"], None, "max"),
    ("  8 verified shills one a month (beyond issue 8): share promoted to skilled+",
     lambda r: r.get("patient", {}).get("promoted", np.nan), None, "max"),
    ("  same: median percentile rise", lambda r: r.get("patient", {}).get("rise", np.nan), None, "max"),
    ("  5 verified shills one every 30-120 days (issue 8: any spacing): share promoted to skilled+",
     lambda r: r.get("slow_drip", {}).get("promoted", np.nan), 0.10, "max"),
    ("  same: median percentile rise", lambda r: r.get("slow_drip", {}).get("rise", np.nan), None, "max"),
    ("5 makers x 10 fakes: share of other makers whose tier changed", lambda r: r["spillover"]["changed"], 0.01, "max"),
    ("newcomer (3 verified 5s + 2 hostile 1s): share labelled novice", lambda r: r["stories"]["newcomer_novice"],
     0.05, "max"),
    ("drop 4.6→3.0, 12 reviews since: median error (stars)", lambda r: r["stories"]["drop_error"], 0.5, "max"),
    ("drop, 12 since: 90% interval covers truth", lambda r: r["stories"]["drop_coverage"], 0.50, "min"),
    ("drop, 6 since: share still claiming skilled+", lambda r: r["stories"]["drop6_skilled"], 0.0, "max"),
    ("  rise 3.0→4.6, 12 reviews since (beyond issue 8): median error (stars)",
     lambda r: r.get("improvement", {}).get("error", np.nan), None, "max"),
    ("  same: 90% interval covers truth", lambda r: r.get("improvement", {}).get("coverage", np.nan), None, "min"),
    ("  same: share claiming skilled+ (truth 4.6)", lambda r: r.get("improvement", {}).get("skilled", np.nan), None, "min"),
    ("delivery: 30-days-late dates lower the estimate (share of makers)", lambda r: r["delivery"]["late_lowers"],
     1.0, "min"),
    ("delivery: on-time dates raise the estimate (share of makers)", lambda r: r["delivery"]["ontime_raises"],
     0.0, "max"),
    ("delivery: on-time dates lower the estimate (share of makers; since model 2.30)",
     lambda r: r["delivery"].get("ontime_lowers", np.nan), 0.0, "max"),
    ("'k more verified reviews at about this level would make it T' came true", lambda r: r["promises"]["kept"],
     0.80, "min"),
    ("  share of makers given such a promise", lambda r: r["promises"]["made"], None, "min"),
    ("tier precision, all claims", lambda r: r["standard"]["tiers"]["all claims correct"], 0.95, "min"),
    ("tier precision, skilled+master", lambda r: r["standard"]["tiers"]["skilled+master -> truly >=4.0"], 0.95, "min"),
    ("share of makers with a tier", lambda r: r["standard"]["tiers"]["share of makers with a tier"], None, "min"),
]
BANDS = ("all", "1-2", "3-5", "6-10", "11+")


def run_family(n_worlds: int, workers: int = 2) -> tuple[list[dict], list[int]]:
    """Measure n worlds with seeds drawn at random for this run (printed in RESULTS.md for replay)."""
    seeds = [secrets.randbelow(1 << 31) for _ in range(n_worlds)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(measure, seeds)), seeds


def _ok(value: float, target: float | None, direction: str) -> str:
    if target is None:
        return ""
    good = value <= target + 1e-12 if direction == "max" else value >= target - 1e-12
    return "met" if good else "**missed**"


def _fmt(v: float) -> str:
    return f"{v:.3f}" if abs(v) < 2 else f"{v:.1f}"


def property_table(reps: list[dict], properties: list | None = None) -> str:
    """Median and worst world per property (PROPERTIES unless given), with the target and whether the worst case
    meets it."""
    rows = ["| property | target | median | worst tenth | worst world | median meets | worst meets | worlds meeting |",
            "|---|---|---|---|---|---|---|---|"]
    for label, get, target, direction in PROPERTIES if properties is None else properties:
        vals = np.array([get(r) for r in reps], dtype=float)
        worst = np.nanmax(vals) if direction == "max" else np.nanmin(vals)
        tenth = np.nanpercentile(vals, 90 if direction == "max" else 10)  # 9 worlds in 10 do at least as well
        med = float(np.nanmedian(vals))
        tgt = "" if target is None else ("≤ " if direction == "max" else "≥ ") + _fmt(target)
        meeting = "" if target is None else f"{sum(_ok(v, target, direction) == 'met' for v in vals if v == v)} of {len(vals)}"
        rows.append(f"| {label} | {tgt} | {_fmt(med)} | {_fmt(tenth)} | {_fmt(worst)} | {_ok(med, target, direction)} | "
                    f"{_ok(worst, target, direction)} | {meeting} |")
    return "\n".join(rows)


# Tier precision rows: (label, share right, number of claims) per world.
PRECISION = [("all claims", "all claims correct", "number of makers with a tier (of all simulated)"),
             ("skilled+master", "skilled+master -> truly >=4.0", "number of skilled+master claims")]


def precision_note(reps: list[dict], target: float = 0.95) -> str:
    """Tier precision pooled over the worlds' claims, beside how many worlds a model right on every claim at exactly
    that rate would bring to the target through binomial noise on each world's claims alone, and the rate that
    would bring nine worlds in ten there."""
    parts = []
    for label, share_key, count_key in PRECISION:
        tiers = [r["standard"]["tiers"] for r in reps]
        if any(count_key not in t for t in tiers):
            continue
        n = np.array([t[count_key] for t in tiers])
        right = np.array([0.0 if c == 0 else t[share_key] * c for t, c in zip(tiers, n, strict=True)])
        pooled = right.sum() / max(n.sum(), 1)
        met = int(np.sum((n > 0) & (right >= target * n - 1e-9)))
        grid = np.arange(target, 0.9951, 0.0025)
        needed = next((q for q in grid if precise_worlds(n, q, target) >= 0.9 * len(reps)), None)
        parts.append(f"{label}, {pooled:.3f} pooled over {int(n.sum()):,} claims (median {np.median(n):.0f} a world) "
                     f"and {met} worlds at {target} or better, where claims right at exactly {pooled:.3f} would put "
                     f"{precise_worlds(n, pooled, target):.0f} by binomial noise alone; nine worlds in ten need "
                     + (f"claims right {needed:.1%} of the time" if needed is not None else "more than 99.5%"))
    return "Tier precision against binomial noise: " + "; ".join(parts) + "." if parts else ""


def standard_table(reps: list[dict]) -> str:
    """AUC per band and τ: the model against the best baseline of the same world (median and worst margin)."""
    rows = ["| metric | model median | worst margin over best baseline | worlds where the model wins (ties, losses) |",
            "|---|---|---|---|"]
    for band in BANDS:
        rows.append(_margin_row(f"AUC {band}", reps, lambda st, m, b=band: st["auc"][m][b]))
    rows.append(_margin_row("Kendall τ overall", reps, lambda st, m: st["tau"][m]))
    for band in BANDS:
        cov = np.array([r["standard"]["coverage"][band][0] for r in reps])
        sizes = np.array([r["standard"]["cover_counts"][band][0] for r in reps])
        rows.append(f"| 90% coverage {band} (target 0.88–0.92) | {np.nanmedian(cov):.3f} | "
                    f"min {np.nanmin(cov):.3f} / max {np.nanmax(cov):.3f} | "
                    f"{int(np.sum((cov >= 0.88) & (cov <= 0.92)))} of {len(cov)} in band (a model covering exactly "
                    f"90% would put {calibrated_in_band(sizes):.0f} there: binomial noise on each world's makers) |")
    return "\n".join(rows)


def _margin_row(label: str, reps: list[dict], get) -> str:
    model, margins = [], []
    for r in reps:
        st = r["standard"]
        mine = get(st, MODEL)
        best = max(get(st, m) for m in st["tau"] if m != MODEL)
        model.append(mine)
        margins.append(mine - best)
    margins = np.array(margins)
    # A tie is reported apart: with 11 reviews or more, the model and a baseline often both rank every skilled
    # maker above every novice (AUC 1.0), which is no loss but no win either.
    ties = int(np.sum(np.abs(margins) <= 1e-12))
    return (f"| {label} | {np.nanmedian(model):.3f} | {np.nanmin(margins):+.3f} | "
            f"{int(np.sum(margins > 1e-12))} of {len(margins)} ({ties} tied, {int(np.sum(margins < -1e-12))} lost) |")


def shape_table(reps: list[dict]) -> str:
    """Pooled over worlds: bomb claim losses and shill promotions by attacker shape."""
    buckets: dict = defaultdict(list)
    for r in reps:
        for label, hit in r["bombing"]["per_target"] + r["shilling"]["per_target"]:
            kind, _age, spacing, verified, _cam = label.split(", ")
            buckets[(kind, verified, _spacing_bucket(spacing))].append(hit)
    rows = ["| attack | provenance | spacing | targets | share that worked |", "|---|---|---|---|---|"]
    for (kind, verified, spacing), hits in sorted(buckets.items()):
        rows.append(f"| {kind} | {verified} | {spacing} | {len(hits)} | {np.mean(hits):.3f} |")
    return "\n".join(rows)


def rise_table(reps: list[dict]) -> str:
    """Pooled over worlds: the 3-shill percentile rise by the attacker's spacing (median and worst tenth)."""
    buckets: dict = defaultdict(list)
    for r in reps:
        for label, rise in r["shilling"].get("rise3_per_target", []):
            buckets[_spacing_bucket(label.split(", ")[2])].append(rise)
    rows = ["| spacing | targets | median rise | worst tenth | share above 15 |", "|---|---|---|---|---|"]
    for spacing in SPACINGS:
        rises = buckets.get(spacing)
        if not rises:
            continue
        rows.append(f"| {spacing} | {len(rises)} | {np.median(rises):.1f} | {np.percentile(rises, 90):.1f} | "
                    f"{np.mean(np.array(rises) > 15.0):.3f} |")
    return "\n".join(rows) if buckets else ""


# Platform ages (years) and a target's record age (days) the young-platform table splits by.
PLATFORM_YEARS = ((1.0, 2.0), (2.0, 4.0), (4.0, 8.01))
RECORD_DAYS = (("record under 120 days", 0.0, 120.0), ("120 days to a year", 120.0, 365.0),
               ("over a year", 365.0, np.inf))


def age_table(reps: list[dict]) -> str:
    """The 3-shill rise and 90% coverage by the platform's age (worlds), and the rise by the target's record age
    (targets pooled over worlds): a young platform's makers are young, and a young maker's record is thin."""
    if any("horizon_days" not in r["world"] for r in reps):
        return ""
    rows = ["| platform age | worlds | 3-shill rise: median (worlds ≤ 15) | coverage all: median (worlds in 0.88–0.92) "
            "| tier precision all: median (worlds ≥ 0.95) |", "|---|---|---|---|---|"]
    for lo, hi in PLATFORM_YEARS:
        sel = [r for r in reps if lo * 365 <= r["world"]["horizon_days"] < hi * 365]
        if not sel:
            continue
        rise = np.array([r["shilling"]["rise3"] for r in sel])
        cov = np.array([r["standard"]["coverage"]["all"][0] for r in sel])
        prec = np.array([r["standard"]["tiers"]["all claims correct"] for r in sel], dtype=float)
        rows.append(f"| {lo:.0f}–{min(hi, 8):.0f} years | {len(sel)} | {np.median(rise):.1f} ({np.sum(rise <= 15)}) | "
                    f"{np.median(cov):.3f} ({np.sum((cov >= 0.88) & (cov <= 0.92))}) | "
                    f"{np.nanmedian(prec):.3f} ({np.sum(prec >= 0.95)}) |")
    pairs = [(d, x) for r in reps for d, (_label, x) in zip(r["shilling"].get("rise3_record_days", []),
                                                             r["shilling"]["rise3_per_target"], strict=False)]
    if pairs:
        rows += ["", "| target's record | targets | median rise | worst tenth | share above 15 |", "|---|---|---|---|---|"]
        days, rises = np.array(pairs).T
        for label, lo, hi in RECORD_DAYS:
            x = rises[(days >= lo) & (days < hi)]
            if len(x):
                rows.append(f"| {label} | {len(x)} | {np.median(x):.1f} | {np.percentile(x, 90):.1f} | "
                            f"{np.mean(x > 15.0):.3f} |")
    return "\n".join(rows)


SPACINGS = ("all at once", "within days", "slow drip (2-14 d)", "monthly drip (14-35 d)")


def _spacing_bucket(text: str) -> str:
    days = float(text.split()[1])
    return SPACINGS[0] if days < 0.01 else SPACINGS[1] if days <= 2 else SPACINGS[2] if days <= 14 else SPACINGS[3]


def section(reps: list[dict], seeds: list[int]) -> str:
    """The whole family section."""
    sig = int(np.mean([r["n_signals"] for r in reps]))
    return "\n\n".join([
        f"{len(reps)} worlds, each drawn at random for this run (seeds {', '.join(map(str, seeds))}); "
        f"about {sig:,} reviews per world. Medians are over worlds; the worst world is the one furthest "
        "from the target, the worst tenth the value nine worlds in ten do at least as well as.",
        "### Properties of issue 8\n\n" + property_table(reps) + "\n\n" + precision_note(reps),
        "### Everything the model already won, per world\n\n" + standard_table(reps),
        "### Which attacks work (pooled over worlds, one attacker shape drawn per target)\n\n" + shape_table(reps),
        "### Three verified shills: percentile rise by spacing (pooled over worlds' targets)\n\n" + rise_table(reps),
        "### By the platform's age, and by the attacked maker's record\n\n" + age_table(reps),
    ])
