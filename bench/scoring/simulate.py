"""Synthetic platform with known truth, for benchmarking maker scores.

Truth for a maker and dimension is the *expected star rating a neutral buyer
(reviewer bias 0) would give for an order placed now*: ratings are
round-and-clip of a latent value plus noise, so the truth is computed
analytically as E[clip(round(mu + e))] = 1 + sum_k Phi((mu - k - 0.5) / s).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from scipy.special import expit, ndtr
from scipy.stats import poisson

from craftreview.scoring import ReviewSignal

NOW = datetime(2026, 6, 1, 12, 0, 0)
CRAFTS = ("ceramics", "textiles", "jewellery", "woodwork", "leather")
_SLIPS = np.arange(1, 41)  # days late considered when integrating the truth


@dataclass(frozen=True)
class SimConfig:
    """Every knob of the simulation (reported verbatim in RESULTS.md)."""

    n_makers: int = 2000
    horizon_days: float = 1095.0  # reviews span the last three years
    class_p: tuple = (0.40, 0.25, 0.35)  # skilled / middling / novice populations
    class_mean: tuple = (4.45, 3.75, 3.0)  # latent craftsmanship level per population
    class_sd: tuple = (0.30, 0.20, 0.35)
    craft_offset: tuple = (0.15, 0.0, -0.10, 0.05, -0.15)  # per-craft shift of all latents
    dim_sd: float = 0.30  # consistency / delivery latent = craftsmanship latent + N(0, dim_sd)
    p_drift: float = 0.25  # share of makers whose quality changed over the horizon
    drift_range: tuple = (0.5, 1.5)  # total change, random sign
    p_step: float = 0.5  # share of drifting makers whose change was a sudden step, not linear
    reviewer_noise: float = 0.6  # total per-star noise SD of one review...
    halo_sd: float = 0.35  # ...of which this part is shared by the three stars of a review (mood/halo)
    reviewer_bias_sd: float = 0.4
    regulars_per_maker: float = 0.2  # pool size of repeat reviewers relative to makers
    p_regular: float = 0.3  # share of real reviews written by repeat reviewers
    p_verified: float = 0.7
    p_new_account: float = 0.3  # one-off real buyers who signed up within a week of reviewing
    count_mu: float = 0.8  # review count = 1 + floor(exp(N(count_mu, count_sigma)))
    count_sigma: float = 1.0
    max_count: int = 150
    n_attacked: int = 100
    count_quality: float = 0.0  # log review count rises by this per star of craftsmanship latent (0: independent)
    p_custom: float = 0.0  # share of verified orders that are commissions (custom); the rest are stock
    custom_late_shift: float = 0.7  # custom orders are this much likelier (logit) to ship late


@dataclass
class SimData:
    """Signals plus ground truth arrays indexed by maker id (0..n-1)."""

    signals: list[ReviewSignal]
    crafts: dict[int, str]
    truth: np.ndarray  # (n, 3) expected neutral rating now
    overall: np.ndarray  # (n,)
    count: np.ndarray  # real reviews per maker
    drifting: np.ndarray  # bool
    reviewer_count: int
    extra: dict = field(default_factory=dict)


def expected_rating(mu: np.ndarray, sd: float | np.ndarray) -> np.ndarray:
    """E[clip(round(mu + e), 1, 5)] for e ~ N(0, sd^2)."""
    k = np.arange(1, 5)
    return 1.0 + ndtr((np.asarray(mu)[..., None] - k - 0.5) / np.asarray(sd)[..., None]).sum(axis=-1)


def order_sd(q_cons: np.ndarray) -> np.ndarray:
    """Per-order spread of craftsmanship: inconsistent makers vary more between orders."""
    return 0.1 + 0.25 * np.maximum(0.0, 4.8 - q_cons)


def late_prob(q_del: np.ndarray, shift: float | np.ndarray = 0.0) -> np.ndarray:
    """Chance an order ships late, falling with delivery quality (shift: extra logit, e.g. for commissions)."""
    return expit(2.0 * (3.5 - q_del) + shift)


def slip_rate(q_del: np.ndarray) -> np.ndarray:
    """Mean extra days late (beyond 1) when late."""
    return 1.0 + 2.0 * np.maximum(0.0, 4.0 - q_del)


def delivery_shift(late: np.ndarray, slip: np.ndarray) -> np.ndarray:
    """How the buyer's delivery experience moves the delivery star."""
    return np.where(late, -0.3 - 0.4 * np.log1p(slip), 0.2)


def truth_now(lat: np.ndarray, cfg: SimConfig) -> np.ndarray:
    """(n, 3) expected neutral ratings for latent (n, 3) [craft, consistency, delivery]."""
    s = cfg.reviewer_noise
    craft = expected_rating(lat[:, 0], np.sqrt(order_sd(lat[:, 1]) ** 2 + s * s))
    cons = expected_rating(lat[:, 1], s)
    q = lat[:, 2]
    pmf = poisson.pmf(_SLIPS[None, :] - 1, slip_rate(q)[:, None])
    late_val = expected_rating(q[:, None] + delivery_shift(True, _SLIPS[None, :]), s)
    late_mean = (pmf * late_val).sum(axis=1) / pmf.sum(axis=1)
    p = (1 - cfg.p_custom) * late_prob(q) + cfg.p_custom * late_prob(q, cfg.custom_late_shift)
    deliv = (1 - p) * expected_rating(q + 0.2, s) + p * late_mean
    return np.column_stack([craft, cons, deliv])


def _makers(rng: np.random.Generator, cfg: SimConfig) -> tuple:
    n = cfg.n_makers
    cls = rng.choice(3, size=n, p=cfg.class_p)
    craft = rng.integers(len(CRAFTS), size=n)
    base = np.take(cfg.class_mean, cls) + rng.normal(0, 1, n) * np.take(cfg.class_sd, cls)
    base += np.take(cfg.craft_offset, craft)
    lat = np.column_stack([base, base + rng.normal(0, cfg.dim_sd, n) - 0.05,
                           base + rng.normal(0, cfg.dim_sd * 1.3, n) - 0.1])
    drifting = rng.random(n) < cfg.p_drift
    drift = np.where(drifting, rng.uniform(*cfg.drift_range, n) * rng.choice([-1, 1], n), 0.0)
    log_count = rng.normal(cfg.count_mu, cfg.count_sigma, n) + cfg.count_quality * (base - 3.75)
    count = np.minimum(1 + np.floor(np.exp(log_count)), cfg.max_count)
    step = drifting & (rng.random(n) < cfg.p_step)
    return lat, craft, drifting, drift, count.astype(int), step


def simulate(seed: int, cfg: SimConfig = SimConfig()) -> SimData:
    """One synthetic platform (deterministic given seed)."""
    rng = np.random.default_rng(seed)
    lat, craft, drifting, drift, count, step = _makers(rng, cfg)
    n = cfg.n_makers
    maker = np.repeat(np.arange(n), count)
    m = len(maker)
    active_days = rng.uniform(30, cfg.horizon_days, n)
    age = rng.uniform(0, 1, m) * active_days[maker]
    # drift > 0: the maker used to be better and slipped. Linear drifters: latent then = now + drift * age /
    # horizon. Step drifters changed all at once, at a random point of their active period.
    change_age = rng.uniform(0, 1, n) * active_days
    shift = np.where(step[maker], drift[maker] * (age > change_age[maker]), drift[maker] * age / cfg.horizon_days)
    lat_t = lat[maker] + shift[:, None]
    n_reg = max(1, int(cfg.regulars_per_maker * n))
    regular = rng.random(m) < cfg.p_regular
    reviewer = np.where(regular, rng.integers(n_reg, size=m), n_reg + np.arange(m))
    bias_pool = rng.normal(0, cfg.reviewer_bias_sd, n_reg + m)
    own_sd = np.sqrt(cfg.reviewer_noise**2 - cfg.halo_sd**2)
    noise = rng.normal(0, own_sd, (m, 3)) + rng.normal(0, cfg.halo_sd, (m, 1))
    b = bias_pool[reviewer][:, None]
    # Drawn only when commissions exist, so the default world's random stream is unchanged.
    custom = rng.random(m) < cfg.p_custom if cfg.p_custom > 0 else np.zeros(m, dtype=bool)
    late = rng.random(m) < late_prob(lat_t[:, 2], np.where(custom, cfg.custom_late_shift, 0.0))
    slip = np.where(late, 1 + rng.poisson(slip_rate(lat_t[:, 2])), 0)
    order_dev = rng.normal(0, 1, m) * order_sd(lat_t[:, 1])
    mu = lat_t + b + np.column_stack([order_dev, np.zeros(m), delivery_shift(late, slip)])
    stars = np.clip(np.round(mu + noise), 1, 5).astype(int)
    verified = rng.random(m) < cfg.p_verified
    new_acct = rng.random(m) < cfg.p_new_account
    join_lag = np.where(regular, cfg.horizon_days + rng.uniform(0, 365, m),
                        np.where(new_acct, rng.uniform(0, 7, m), rng.uniform(30, 1000, m)))
    delivered_lag = rng.uniform(1, 10, m)
    early = rng.uniform(0, 3, m)
    signals = _to_signals(maker, reviewer, stars, age, join_lag, verified, delivered_lag, slip, early,
                          custom if cfg.p_custom > 0 else None)
    truth = truth_now(lat, cfg)
    return SimData(signals=signals, crafts={i: CRAFTS[c] for i, c in enumerate(craft)}, truth=truth,
                   overall=truth @ np.array([0.5, 0.25, 0.25]), count=count, drifting=drifting,
                   reviewer_count=n_reg + m,
                   extra={"reviewer_bias": bias_pool, "latent": lat, "drift": drift,
                          "step_age": np.where(step, change_age, np.nan)})


def _to_signals(maker, reviewer, stars, age, join_lag, verified, delivered_lag, slip, early, custom=None) -> list:
    out = []
    for i in range(len(maker)):
        created = NOW - timedelta(days=float(age[i]))
        promised = delivered = None
        if verified[i]:  # order dates exist only for orders placed through the platform
            d = created - timedelta(days=float(delivered_lag[i]))
            delivered = d.date()
            promised = (d - timedelta(days=int(slip[i])) if slip[i] else d + timedelta(days=float(early[i]))).date()
        out.append(ReviewSignal(
            maker_id=int(maker[i]), reviewer_id=int(reviewer[i]), craftsmanship=int(stars[i, 0]),
            consistency=int(stars[i, 1]), delivery=int(stars[i, 2]), created_at=created,
            verified=bool(verified[i]), reviewer_joined_at=created - timedelta(days=float(join_lag[i])),
            promised_on=promised, delivered_on=delivered, review_id=i,
            order_type=_order_type(custom, i, verified[i])))
    return out


def _order_type(custom, i: int, verified: bool) -> str | None:
    """'custom'/'stock' for orders placed through the platform in worlds that model commissions."""
    if custom is None or not verified:
        return None
    return "custom" if custom[i] else "stock"


def attack(data: SimData, k: int, seed: int, cfg: SimConfig = SimConfig()) -> tuple[list[ReviewSignal], np.ndarray]:
    """Add k fake 5/5/5 reviews (fresh unverified accounts, one 2-day burst) to random true novices."""
    rng = np.random.default_rng(seed)
    novices = np.flatnonzero(data.overall < 3.5)
    targets = rng.choice(novices, size=min(cfg.n_attacked, len(novices)), replace=False)
    fake, rid = [], len(data.signals)
    for j, mk in enumerate(targets):
        burst_start = NOW - timedelta(days=float(rng.uniform(3, 30)))
        for s in range(k):
            created = burst_start + timedelta(days=float(rng.uniform(0, 2)))
            fake.append(ReviewSignal(
                maker_id=int(mk), reviewer_id=f"shill-{j}-{s}", craftsmanship=5, consistency=5, delivery=5,
                created_at=created, verified=False,
                reviewer_joined_at=created - timedelta(days=float(rng.uniform(0, 2))), review_id=rid))
            rid += 1
    return data.signals + fake, targets
