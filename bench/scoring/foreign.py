"""Worlds the model was not built on: a second simulator with a different rating process, measured as the family is.

Issue 8 says the model is judged on held-out worlds that are not in this repository. Every world of the family
(`family.py`, `simulate.py`) shares one rating process: stars are a rounded Gaussian around the maker's level plus a
Gaussian reviewer bias, three classes of maker, log-normal review counts and reviews spread evenly in time. A model
developed on those worlds may lean on any of them. This module draws worlds from a process written apart from that
one, with every knob drawn from a wide range:

- **stars**: an ordered-logit process: a star threshold is crossed when level + bias + mood + logistic noise passes
  it (heavier tails than Gaussian), and the thresholds slide down by 0-0.9 stars (grade inflation: J-shaped
  distributions where most stars are fives);
- **makers**: the craftsmanship level is a stretched Beta (one skewed population, not three classes), the other two
  dimensions scatter around it;
- **reviewers**: besides a Gaussian bias, a share of harsh critics (1-2 stars below everyone) and of gushers (0.6-1.5
  above), and repeat reviewers whose activity follows a power law;
- **review counts**: Pareto-tailed (up to 400 reviews), in some worlds rising with quality;
- **time**: honest bursts: in 5-40% of makers, a third to two thirds of the reviews arrive within a 1-7 day window
  (a fair, a viral post); a step or a linear change of level over the maker's own active period;
- **provenance**: a verified share per maker (some makers never send invitations), verified orders without dates,
  accounts new or years old;
- **delivery**: lateness by a different law (days late exponential), and commissions ship late more often.

The truth is what it is in the family: the expected star of a neutral buyer (bias 0) ordering now, computed from the
process (Gauss-Hermite over the mood). The planted stories (established skilled makers, a drop from 4.6 to 3.0,
newcomers, a rise) are defined in those truth units, and the properties are measured by `properties.py` unchanged:
the same attackers (`family.sample_attacker`), percentiles among all makers, the same thresholds.

`python -m bench.scoring.foreign N` measures N worlds with seeds drawn at random (or `--seeds S ...`) and prints
issue 8's property table and the standard table for them (medians, worst tenth, worst world, worlds meeting).
"""
from __future__ import annotations

import json
import os
import secrets
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import timedelta

import numpy as np
from numpy.polynomial.hermite_e import hermegauss
from scipy.special import expit

from craftreview.scoring import ModelOptions

from .family import IdSource, _signal
from .properties import (
    N_PLANTED,
    A,
    World,
    _scores,
    bombing,
    delivery,
    improvement,
    patient,
    shilling,
    slow_drip,
    spillover,
    standard,
    stories,
)
from .simulate import CRAFTS, NOW

LEVEL_RANGE = (1.8, 5.1)  # the stretched Beta's support, in latent stars
_NODES, _WEIGHTS = hermegauss(24)
_WEIGHTS = _WEIGHTS / _WEIGHTS.sum()
_DAYS = np.arange(1, 121)  # days late integrated over for the delivery truth
HARSH, GUSH = (-2.0, -0.8), (0.6, 1.5)  # bias ranges of harsh critics and of gushers


@dataclass(frozen=True)
class Foreign:
    """One foreign world's knobs (drawn by sample_foreign)."""

    n_makers: int
    beta: tuple  # (a, b) of the craftsmanship level's Beta on LEVEL_RANGE
    dim_sd: float  # consistency and delivery scatter around craftsmanship
    craft_offset: tuple
    lenient: float  # star thresholds slide down by this much (grade inflation)
    noise: float  # logistic scale of each star's own noise
    mood_sd: float  # Gaussian noise shared by a review's three stars
    bias_sd: float
    p_harsh: float
    p_gush: float
    pareto_alpha: float
    count_quality: float  # log review count rises by this per star of level
    p_burst: float  # makers with an honest burst
    p_drift: float
    p_step: float
    verified_mean: float  # mean of the per-maker verified share
    p_no_invites: float  # makers who never send invitations
    p_undated: float  # verified orders without promised/delivered dates
    p_new_account: float
    p_custom: float
    p_regular: float
    horizon_days: float


def sample_foreign(rng: np.random.Generator) -> Foreign:
    """Every knob drawn from a wide range."""
    return Foreign(
        n_makers=int(rng.integers(500, 900)), beta=(rng.uniform(1.5, 5.0), rng.uniform(1.2, 3.0)),
        dim_sd=rng.uniform(0.15, 0.5), craft_offset=tuple(rng.normal(0, 0.15, len(CRAFTS))),
        lenient=rng.uniform(0.0, 0.9), noise=rng.uniform(0.2, 0.45), mood_sd=rng.uniform(0.1, 0.45),
        bias_sd=rng.uniform(0.1, 0.6), p_harsh=rng.uniform(0.0, 0.25), p_gush=rng.uniform(0.0, 0.2),
        pareto_alpha=rng.uniform(0.9, 1.8), count_quality=float(rng.choice([0.0, rng.uniform(0.2, 0.8)])),
        p_burst=rng.uniform(0.05, 0.4), p_drift=rng.uniform(0.05, 0.35), p_step=rng.uniform(0.2, 0.8),
        verified_mean=rng.uniform(0.25, 0.9), p_no_invites=rng.uniform(0.0, 0.3), p_undated=rng.uniform(0.0, 0.3),
        p_new_account=rng.uniform(0.1, 0.6), p_custom=rng.uniform(0.0, 0.6), p_regular=rng.uniform(0.1, 0.5),
        horizon_days=float(np.exp(rng.uniform(np.log(365.0), np.log(2920.0)))))


def _order_sd(cons: np.ndarray) -> np.ndarray:
    return 0.1 + 0.2 * np.maximum(0.0, 4.7 - cons)


def _late_p(q_del: np.ndarray, custom) -> np.ndarray:
    return expit(2.2 * (3.4 - q_del) + 0.8 * np.asarray(custom, dtype=float))


def _mean_late_days(q_del: np.ndarray) -> np.ndarray:
    return 1.5 + 4.0 * np.maximum(0.0, 4.2 - q_del)


def _delivery_shift(late: np.ndarray, days: np.ndarray) -> np.ndarray:
    return np.where(late, -0.25 - 0.35 * np.log1p(days), 0.15)


def _expected(cfg: Foreign, mu: np.ndarray, extra_sd: np.ndarray | float = 0.0) -> np.ndarray:
    """E[star] of a neutral buyer for latent mu: 1 + sum over thresholds of P(crossed), integrating the mood."""
    sd = np.sqrt(cfg.mood_sd ** 2 + np.asarray(extra_sd) ** 2)
    x = np.asarray(mu)[..., None] + np.asarray(sd)[..., None] * _NODES  # (..., nodes)
    k = np.arange(1, 5) + 0.5 - cfg.lenient
    crossed = expit((x[..., None] - k) / cfg.noise).sum(axis=-1)
    return 1.0 + crossed @ _WEIGHTS


def foreign_truth(cfg: Foreign, lat: np.ndarray) -> np.ndarray:
    """(n, 3) expected neutral stars now for latent levels (n, 3) [craft, consistency, delivery]."""
    craft = _expected(cfg, lat[:, 0], _order_sd(lat[:, 1]))
    cons = _expected(cfg, lat[:, 1])
    q = lat[:, 2]
    m = _mean_late_days(q)[:, None]
    pmf = np.exp(-(_DAYS - 1) / m) - np.exp(-_DAYS / m)
    late_val = _expected(cfg, q[:, None] + _delivery_shift(True, _DAYS[None, :]))
    late_mean = (pmf * late_val).sum(axis=1) / pmf.sum(axis=1)
    p = (1 - cfg.p_custom) * _late_p(q, 0) + cfg.p_custom * _late_p(q, 1)
    deliv = (1 - p) * _expected(cfg, q + 0.15) + p * late_mean
    return np.column_stack([craft, cons, deliv])


def latent_for(cfg: Foreign, truth: float, spread: np.ndarray) -> np.ndarray:
    """Latent levels (3,) = L + spread whose true overall is `truth` (bisection on L)."""
    lo, hi = -2.0, 8.0
    for _ in range(40):
        mid = (lo + hi) / 2
        if float(foreign_truth(cfg, (mid + spread)[None, :])[0] @ A) < truth:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2 + spread


class Reviewers:
    """Repeat reviewers (power-law activity) and one-off buyers, each with a bias and a join date."""

    def __init__(self, rng: np.random.Generator, cfg: Foreign, ids: IdSource):
        """A pool of repeat reviewers about a sixth the number of makers."""
        self.rng, self.cfg, self.ids = rng, cfg, ids
        n = max(5, cfg.n_makers // 6)
        self.regular_ids = [ids.account("regular") for _ in range(n)]
        self.regular_bias = self.bias(n)
        w = 1.0 / np.arange(1, n + 1) ** 0.8
        self.weights = w / w.sum()
        self.regular_joined = [NOW - timedelta(days=cfg.horizon_days + float(x)) for x in rng.uniform(1, 365, n)]

    def bias(self, k: int) -> np.ndarray:
        """A typical buyer's Gaussian bias (centred on 0: the truth's neutral buyer is the typical one), or a harsh
        critic's, or a gusher's: the critics pull the plain average of all buyers off the typical buyer."""
        rng, cfg = self.rng, self.cfg
        kind = rng.random(k)
        return np.where(kind < cfg.p_harsh, rng.uniform(*HARSH, k),
                        np.where(kind < cfg.p_harsh + cfg.p_gush, rng.uniform(*GUSH, k), rng.normal(0, cfg.bias_sd, k)))

    def draw(self, created: list) -> tuple[list, np.ndarray, list]:
        """For reviews written at `created`: (reviewer ids, biases, join dates)."""
        rng, cfg, k = self.rng, self.cfg, len(created)
        who, bias, joined = [], self.bias(k), []
        for i, when in enumerate(created):
            if rng.random() < cfg.p_regular:
                r = int(rng.choice(len(self.regular_ids), p=self.weights))
                who.append(self.regular_ids[r])
                bias[i] = self.regular_bias[r]
                joined.append(min(self.regular_joined[r], when))
            else:
                who.append(self.ids.account("buyer"))
                lag = rng.uniform(0, 7) if rng.random() < cfg.p_new_account else rng.uniform(7, 2000)
                joined.append(when - timedelta(days=float(lag)))
        return who, bias, joined


def honest(rng, cfg: Foreign, ids: IdSource, people: Reviewers, maker: int, lat: np.ndarray, ages: np.ndarray,
           verified_share: float) -> list:
    """Honest reviews of one maker: lat (k, 3) latent levels at each review, ages in days."""
    k = len(ages)
    created = [NOW - timedelta(days=float(a)) for a in ages]
    who, bias, joined = people.draw(created)
    custom = rng.random(k) < cfg.p_custom
    late = rng.random(k) < _late_p(lat[:, 2], custom)
    days = np.where(late, np.ceil(rng.exponential(_mean_late_days(lat[:, 2]))), 0).astype(int)
    dev = rng.normal(0, 1, k) * _order_sd(lat[:, 1])
    x = (lat + bias[:, None] + rng.normal(0, cfg.mood_sd, (k, 1)) + rng.logistic(0, cfg.noise, (k, 3))
         + np.column_stack([dev, np.zeros(k), _delivery_shift(late, days)]))
    stars = 1 + (x[:, :, None] > (np.arange(1, 5) + 0.5 - cfg.lenient)).sum(axis=2)
    verified = rng.random(k) < verified_share
    dated = rng.random(k) >= cfg.p_undated
    out = []
    for i in range(k):
        sig = _signal(ids, maker, who[i], stars[i], created[i], joined[i], verified[i], days[i], custom[i])
        if verified[i] and not dated[i]:
            sig = replace(sig, promised_on=None, delivered_on=None)
        out.append(sig)
    return out


def _ages(rng, cfg: Foreign, k: int, active: float) -> np.ndarray:
    """k review ages within the maker's active period; some makers get an honest burst (a fair, a viral post)."""
    ages = rng.uniform(0, active, k)
    if k >= 4 and rng.random() < cfg.p_burst:
        moved = rng.random(k) < rng.uniform(0.33, 0.67)
        start = rng.uniform(0, active)
        ages[moved] = start + rng.uniform(0, rng.uniform(1, 7), int(moved.sum()))
    return np.sort(ages)[::-1]


@dataclass
class ForeignData:
    """What World and properties.standard read of a world's natural makers."""

    crafts: dict
    overall: np.ndarray
    count: np.ndarray
    drifting: np.ndarray


class ForeignWorld(World):
    """properties.World over a foreign world: the same planted stories and attacks, its own rating process."""

    def __init__(self, seed: int, options: ModelOptions | None = None):
        """Draw the world and its makers' honest reviews, plant the stories, score once."""
        self.options = options
        rng = self.rng = np.random.default_rng(seed)
        cfg = self.cfg = sample_foreign(rng)
        self.ids = IdSource(10)
        self.people = Reviewers(rng, cfg, self.ids)
        self.signals, crafts, lat_now, drifting, counts = self._natural()
        truth = foreign_truth(cfg, lat_now) @ A
        self.n_natural = cfg.n_makers
        self.data = ForeignData(crafts, truth, counts, drifting)
        self.crafts, self.truth = dict(crafts), list(truth)
        self.groups = {name: self._plant(name) for name in ("established", "drop12", "drop6", "newcomer")}
        self._finish()

    def _finish(self) -> None:
        self.n = len(self.truth)
        self.truth = np.array(self.truth)
        self.count = np.bincount([s.maker_id for s in self.signals], minlength=self.n)
        self.record_days = np.zeros(self.n)
        for s in self.signals:
            self.record_days[s.maker_id] = max(self.record_days[s.maker_id], (NOW - s.created_at).total_seconds() / 86400)
        self.base = _scores(self.signals, self.crafts, self.n, self.options)
        self.levels = {m: float(self.base["raw"][m]) for m in range(self.n)}

    def _natural(self) -> tuple:
        rng, cfg = self.rng, self.cfg
        n = cfg.n_makers
        craft = rng.integers(len(CRAFTS), size=n)
        base = LEVEL_RANGE[0] + (LEVEL_RANGE[1] - LEVEL_RANGE[0]) * rng.beta(*cfg.beta, n)
        base = base + np.take(cfg.craft_offset, craft)
        lat = np.column_stack([base, base + rng.normal(0, cfg.dim_sd, n), base + rng.normal(0, cfg.dim_sd * 1.4, n)])
        count = np.floor(rng.choice([1.0, 1.0, 2.0], n) * rng.random(n) ** (-1.0 / cfg.pareto_alpha)
                         * np.exp(cfg.count_quality * (base - 3.75)))
        count = np.clip(count, 1, 400).astype(int)
        drifting = rng.random(n) < cfg.p_drift
        drift = np.where(drifting, rng.uniform(0.5, 1.5, n) * rng.choice([-1, 1], n), 0.0)
        step = rng.random(n) < cfg.p_step
        share = np.where(rng.random(n) < cfg.p_no_invites, 0.0,
                         rng.beta(4 * cfg.verified_mean, 4 * (1 - cfg.verified_mean), n))
        signals = []
        for m in range(n):
            active = rng.uniform(30, cfg.horizon_days)
            ages = _ages(rng, cfg, int(count[m]), active)
            changed = rng.uniform(0, active)
            shift = drift[m] * ((ages > changed) if step[m] else ages / active)
            signals += honest(rng, cfg, self.ids, self.people, m, lat[m] + shift[:, None], ages, share[m])
        return signals, {m: CRAFTS[c] for m, c in enumerate(craft)}, lat, drifting, count

    def maker_like(self, latent_now: np.ndarray) -> tuple[str, float]:
        """A planted maker's craft (one of a random natural maker's) and true overall now."""
        craft = self.data.crafts[int(self.rng.integers(self.n_natural))]
        return craft, float(foreign_truth(self.cfg, np.asarray(latent_now)[None, :])[0] @ A)

    def _at(self, truth: float) -> np.ndarray:
        """Latent levels (1, 3) whose true overall is `truth`, dimensions scattered a little."""
        return latent_for(self.cfg, truth, self.rng.normal(0, 0.15, 3))[None, :]

    def _reviews(self, mid: int, lat: np.ndarray, ages: np.ndarray) -> list:
        return honest(self.rng, self.cfg, self.ids, self.people, mid, np.repeat(lat, len(ages), 0), ages,
                      self.cfg.verified_mean)

    def _plant(self, story: str) -> list[int]:
        rng, out = self.rng, []
        for _ in range(N_PLANTED):
            if story == "established":
                lat = self._at(rng.uniform(4.4, 4.8))
                mid = self._new_maker(lat[0])
                ages = np.sort(rng.uniform(5, rng.uniform(300, 1000), int(rng.integers(20, 36))))[::-1]
                self.signals += self._reviews(mid, lat, ages)
            elif story.startswith("drop"):
                before, after = self._at(4.6), self._at(3.0)
                mid = self._new_maker(after[0])
                self.signals += self.stepped(mid, before, after, int(story[4:]))
            else:
                mid = self._new_maker(self._at(4.6)[0])
                self.signals += self._newcomer(mid)
            out.append(mid)
        return out

    def stepped(self, mid: int, before: np.ndarray, after: np.ndarray, n_since: int) -> list:
        """10-25 reviews over the 400-1000 days before a step six months ago, n_since over the 180 days since."""
        rng = self.rng
        old = np.sort(rng.uniform(185, rng.uniform(400, 1000), int(rng.integers(10, 26))))[::-1]
        new = np.sort(rng.uniform(0, 180, n_since))[::-1]
        return self._reviews(mid, before, old) + self._reviews(mid, after, new)


def measure_foreign(seed: int, options: ModelOptions | None = None) -> dict:
    """Issue 8's properties and the standard metrics on one foreign world (deterministic given seed)."""
    w = ForeignWorld(seed, options)
    cfg = w.cfg
    stars = np.array([[s.craftsmanship, s.consistency, s.delivery] for s in w.signals])
    return {"seed": seed, "n_signals": len(w.signals),
            "world": {"makers": w.n, "lenient": cfg.lenient, "p_harsh": cfg.p_harsh, "p_burst": cfg.p_burst,
                      "pareto_alpha": cfg.pareto_alpha, "verified": cfg.verified_mean, "horizon_days": cfg.horizon_days,
                      "share_fives": float((stars == 5).mean())},
            "standard": standard(w), "bombing": bombing(w), "shilling": shilling(w), "spillover": spillover(w),
            "stories": stories(w), "delivery": delivery(w), "promises": {"kept": np.nan, "made": np.nan},
            "improvement": improvement(w), "patient": patient(w), "slow_drip": slow_drip(w)}


def main(argv: list[str]) -> None:
    """`N` worlds with random seeds, or `--seeds S ...`; two worker processes."""
    from .family_report import PROPERTIES, precision_note, property_table, standard_table
    seeds = ([int(s) for s in argv[1:]] if argv and argv[0] == "--seeds"
             else [secrets.randbelow(1 << 31) for _ in range(int(argv[0]) if argv else 16)])
    start = time.time()
    with ProcessPoolExecutor(max_workers=2) as pool:
        reps = list(pool.map(measure_foreign, seeds))
    props = [p for p in PROPERTIES if not p[0].startswith("'k more") and "given such a promise" not in p[0]]
    fives = np.array([r["world"]["share_fives"] for r in reps])
    print(f"{len(reps)} foreign worlds (seeds {' '.join(map(str, seeds))}); about "
          f"{int(np.mean([r['n_signals'] for r in reps])):,} reviews per world; share of five-star ratings "
          f"median {np.median(fives):.2f} (range {fives.min():.2f}-{fives.max():.2f}); {time.time() - start:.0f} s\n")
    print(property_table(reps, props) + "\n\n" + precision_note(reps) + "\n\n" + standard_table(reps))
    if os.environ.get("FOREIGN_DUMP"):  # every world's measurements, for a closer look
        with open(os.environ["FOREIGN_DUMP"], "w", encoding="utf-8") as out:
            json.dump(reps, out, default=str)


if __name__ == "__main__":
    main(sys.argv[1:])
