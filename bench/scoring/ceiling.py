"""How well could any estimator rank the headline's makers by delivery from their delivery stars and dates alone?

`python -m bench.scoring.ceiling [--offsets none|regulars] [--no-dates] [--steady] [SEED ...]` (the headline's seeds
1-20 by default) simulates each standard platform (`simulate.SimConfig()`, no attack) and scores delivery four ways:
the raw mean (the baseline the headline's delivery τ-b check compares against), the production model, the model with
every review trusted alike (no provenance discount), and the posterior mean of the delivery truth under the
simulator's *own* rules, computed on a grid. That posterior knows what no real model can: the population of true
delivery levels, how a late order moves its star and how its days late are drawn, the share of makers whose level
slid or stepped and by how much, and when that can have happened; each maker's posterior mixes a steady record with
every slide and every step the simulator could have drawn. It reads each maker's delivery stars and order dates only:
not the other two stars of the same reviews (which tell about delivery through the correlation of a maker's levels,
as the model's prior uses), and the reviewers' offsets only with `--offsets regulars` (the true offset of every repeat
reviewer, more than any fit of offsets learns). So it is the best ranking from the delivery evidence alone, not a
bound on every estimator. `--no-dates` reads every order as undated and `--steady` takes every maker as steady: what
the dates and the mixture over changes each add. `--knobs key=value,...` changes fields of the simulated platform
(`SimConfig`, e.g. `reviewer_bias_sd=0.7,p_verified=0.3`), to see whether the comparison holds on other worlds. Prints
τ-b and τ-a per seed and their means; about 50 s a seed on one core.
"""
from __future__ import annotations

import argparse
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

import numpy as np
from scipy.special import logsumexp
from scipy.stats import norm, poisson

from .metrics import tau, tau_a
from .paired import options_for, parse_variant
from .run import MODEL, all_scores, model_outputs
from .simulate import NOW, SimConfig, delivery_shift, late_prob, simulate, slip_rate, truth_now

STEP = 0.025  # stars between grid points
LEVELS = np.arange(0.0, 7.0 + STEP / 2, STEP)  # a maker's current latent delivery level
PAD = 120  # grid points beyond LEVELS each side: a review's level may differ from today's by a change
PAST = (np.arange(len(LEVELS) + 2 * PAD) - PAD) * STEP  # the latent level a review was written at
SLIPS = np.arange(1, 41)  # days late considered for an order without dates (as the simulator's truth does)
DRIFT_SIZES = 6  # sizes of a change per direction, evenly over the simulator's range
CHANGE_AGES = 44  # candidate ages of a step, evenly over the horizon
POPULATION_BANDWIDTH = 0.1  # stars: smoothing of the true levels' histogram into a prior
TRUSTED_ALIKE = "w_unverified=1,w_new_single=1,w_new_verified=1"  # the model with no provenance discount


@dataclass(frozen=True)
class Knows:
    """What the posterior is told beyond the delivery stars."""

    offsets: str = "none"  # "regulars": the true offset of every repeat reviewer
    dates: bool = True  # the orders' promised and delivered dates
    changes: bool = True  # that a maker's level may have slid or stepped (False: every maker steady)


def star_chance(star: int, level: np.ndarray, sd: float) -> np.ndarray:
    """P(a buyer gives `star`) when the rounded and clipped rating is level + N(0, sd)."""
    hi = np.inf if star >= 5 else star + 0.5
    lo = -np.inf if star <= 1 else star - 0.5
    return norm.cdf((hi - level) / sd) - norm.cdf((lo - level) / sd)


def review_loglik(signal, offset: float, sd: float, dates: bool = True) -> np.ndarray:
    """Log-likelihood of one review's delivery star (and dates, if it has them) at every PAST level."""
    p_late, rate, star = late_prob(PAST), slip_rate(PAST), signal.delivery
    on_time = (1 - p_late) * star_chance(star, PAST + offset + delivery_shift(False, 0), sd)
    if dates and signal.delivered_on is not None:
        days = (signal.delivered_on - signal.promised_on).days
        if days <= 0:
            return np.log(on_time + 1e-300)
        late = p_late * poisson.pmf(days - 1, rate) * star_chance(star, PAST + offset + delivery_shift(True, days), sd)
        return np.log(late + 1e-300)
    days_pmf = poisson.pmf(SLIPS[None, :] - 1, rate[:, None])
    late_star = star_chance(star, PAST[:, None] + offset + delivery_shift(True, SLIPS[None, :]), sd)
    return np.log(on_time + p_late * (days_pmf * late_star).sum(axis=1) + 1e-300)


def change_paths(ages: np.ndarray, cfg: SimConfig, changes: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(grid steps between every review's level and today's, hypotheses x reviews; log prior of each hypothesis).

    Steady; a linear slide of each size; a step of each size at each candidate age, as likely as the simulator
    makes a change at that age given when the maker's reviews fall (its active period is uniform in [30, horizon]
    days, its reviews uniform over it, the step uniform within it)."""
    if not changes or cfg.p_drift == 0:
        return np.zeros((1, len(ages)), dtype=int), np.zeros(1)
    horizon = cfg.horizon_days
    sizes = np.linspace(*cfg.drift_range, DRIFT_SIZES)
    sizes = np.concatenate([-sizes, sizes])  # > 0: the maker used to be better
    active = np.linspace(30.0, horizon, 200)
    p_active = np.where(active >= ages.max(), active ** -float(len(ages)), 0.0)
    p_active = p_active / p_active.sum() if p_active.sum() > 0 else np.eye(len(active))[-1]
    change_ages = (np.arange(CHANGE_AGES) + 0.5) * horizon / CHANGE_AGES
    p_change = np.array([(p_active * (c < active) / active).sum() for c in change_ages])
    p_change /= p_change.sum()
    shifts, log_prior = [np.zeros(len(ages))], [np.log(1 - cfg.p_drift)]
    share = cfg.p_drift / len(sizes)
    for size in sizes:
        shifts.append(size * ages / horizon)
        log_prior.append(np.log(share * (1 - cfg.p_step)))
        for age, p in zip(change_ages, p_change, strict=True):
            if p > 0:
                shifts.append(size * (ages > age))
                log_prior.append(np.log(share * cfg.p_step * p))
    return np.rint(np.array(shifts) / STEP).astype(int), np.array(log_prior)


def posterior_mean(loglik: np.ndarray, ages: np.ndarray, log_level_prior: np.ndarray, truth: np.ndarray,
                   cfg: SimConfig, changes: bool = True) -> float:
    """E[delivery truth | one maker's reviews]: loglik is reviews x PAST levels, truth the truth at LEVELS."""
    shifts, log_paths = change_paths(ages, cfg, changes)
    at = PAD + np.arange(len(LEVELS))[None, None, :] + shifts[:, :, None]  # paths x reviews x levels
    per_path = loglik[np.arange(len(ages))[None, :, None], at].sum(axis=1) + log_paths[:, None]
    log_post = logsumexp(per_path, axis=0) + log_level_prior
    w = np.exp(log_post - log_post.max())
    return float(w @ truth / w.sum())


def ceiling_scores(data, cfg: SimConfig, knows: Knows) -> np.ndarray:
    """The simulator's posterior mean of every maker's delivery truth."""
    latent, bias = data.extra["latent"], data.extra["reviewer_bias"]
    n_regular = max(1, int(cfg.regulars_per_maker * cfg.n_makers))
    truth = truth_now(np.repeat(LEVELS[:, None], 3, axis=1), cfg)[:, 2]
    population = np.exp(-0.5 * ((LEVELS[:, None] - latent[None, :, 2]) / POPULATION_BANDWIDTH) ** 2).sum(axis=1)
    log_population = np.log(population / population.sum() + 1e-300)
    rows: dict[int, list] = {}
    for s in data.signals:
        rows.setdefault(s.maker_id, []).append(s)
    out = np.empty(cfg.n_makers)
    for maker in range(cfg.n_makers):
        signals = rows.get(maker, [])
        if not signals:
            w = np.exp(log_population - log_population.max())
            out[maker] = w @ truth / w.sum()
            continue
        loglik = np.array([_review_loglik_for(s, bias, n_regular, knows, cfg) for s in signals])
        ages = np.array([(NOW - s.created_at).total_seconds() / 86400.0 for s in signals])
        out[maker] = posterior_mean(loglik, ages, log_population, truth, cfg, knows.changes)
    return out


def _review_loglik_for(signal, bias: np.ndarray, n_regular: int, knows: Knows, cfg: SimConfig) -> np.ndarray:
    """A review's log-likelihood with its reviewer's true offset where the run is told it, else integrated."""
    if knows.offsets == "regulars" and signal.reviewer_id < n_regular:
        return review_loglik(signal, float(bias[signal.reviewer_id]), cfg.reviewer_noise, knows.dates)
    return review_loglik(signal, 0.0, float(np.hypot(cfg.reviewer_noise, cfg.reviewer_bias_sd)), knows.dates)


def replication(args: tuple[int, Knows, dict]) -> dict[str, tuple[float, float]]:
    """(τ-b, τ-a) on delivery per method for one platform: the standard one with knobs changed."""
    seed, knows, knobs = args
    cfg = replace(SimConfig(), **knobs)
    assert cfg.p_custom == 0, "review_loglik models stock orders only: leave p_custom at 0"
    data = simulate(seed, cfg)
    scores, model = all_scores(data.signals, data.crafts, cfg.n_makers)
    alike = model_outputs(data.signals, data.crafts, cfg.n_makers, options_for(parse_variant(TRUSTED_ALIKE)))
    truth = data.truth[:, 2]
    methods = {"raw mean": scores["raw mean"][:, 2], MODEL: model["mean"][:, 2],
               "model, every review trusted alike": alike["mean"][:, 2],
               "simulator's posterior": ceiling_scores(data, cfg, knows)}
    return {name: (tau(s, truth), tau_a(s, truth)) for name, s in methods.items()}


def main() -> None:
    """Print delivery τ-b and τ-a per method, per seed and on average."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--offsets", choices=("none", "regulars"), default="none")
    ap.add_argument("--no-dates", action="store_true")
    ap.add_argument("--steady", action="store_true")
    ap.add_argument("--knobs", default="")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("seeds", nargs="*", type=int, default=list(range(1, 21)))
    args = ap.parse_args()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        knows = Knows(args.offsets, dates=not args.no_dates, changes=not args.steady)
        knobs = parse_variant(args.knobs)
        reps = list(pool.map(replication, [(s, knows, knobs) for s in args.seeds]))
    names = list(reps[0])
    print("| seed | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for seed, rep in zip(args.seeds, reps, strict=True):
        print(f"| {seed} | " + " | ".join(f"{rep[n][0]:.4f}" for n in names) + " |")
    for j, label in ((0, "mean τ-b"), (1, "mean τ-a")):
        print(f"| {label} | " + " | ".join(f"{np.mean([r[n][j] for r in reps]):.4f}" for n in names) + " |")


if __name__ == "__main__":
    main()
