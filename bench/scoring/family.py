"""A family of simulated worlds and attackers drawn from wide ranges (never one tuned world).

`sample_world(rng)` draws a SimConfig; `plant(...)` adds makers whose story is known
(established skilled makers, makers whose quality dropped, genuine newcomers under attack);
`fake_reviews(...)` writes one attacker's reviews of one maker with a randomly drawn shape.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

import numpy as np

from craftreview.scoring import ReviewSignal

from .simulate import NOW, SimConfig, delivery_shift, late_prob, order_sd, slip_rate


def sample_world(rng: np.random.Generator) -> SimConfig:
    """One world's configuration, every knob drawn from a wide range."""
    return replace(
        SimConfig(),
        n_makers=int(rng.integers(500, 1000)),
        class_p=tuple(rng.dirichlet([2.0, 2.0, 2.0])),
        class_mean=(rng.uniform(4.3, 4.7), rng.uniform(3.6, 3.9), rng.uniform(2.6, 3.2)),
        dim_sd=rng.uniform(0.15, 0.45), p_drift=rng.uniform(0.05, 0.4), p_step=rng.uniform(0.2, 0.8),
        reviewer_noise=rng.uniform(0.45, 0.8), halo_sd=rng.uniform(0.15, 0.4),
        reviewer_bias_sd=rng.uniform(0.1, 0.7), p_regular=rng.uniform(0.1, 0.5),
        p_verified=rng.uniform(0.3, 0.95), p_new_account=rng.uniform(0.1, 0.5),
        count_mu=rng.uniform(0.3, 1.5), count_sigma=rng.uniform(0.6, 1.2),
        count_quality=float(rng.choice([0.0, rng.uniform(0.2, 1.0)])),  # better makers get more reviews
        p_custom=rng.uniform(0.0, 0.8),
        # the platform's age, which every review's age is drawn within: 1 to 8 years (log-uniform; 3 before)
        horizon_days=float(np.exp(rng.uniform(np.log(365.0), np.log(2920.0)))),
    )


@dataclass(frozen=True)
class Attacker:
    """The shape of one attack: who writes, when, and how they hide."""

    stars: int  # 1 = bomb, 5 = shill
    account_age_days: float  # account age at its first fake review
    spacing_days: float  # days between consecutive fake reviews of one maker (0 = all at once)
    verified: bool  # redeemed through the maker's own invitations (dated, on-time orders)
    camouflage: int  # other makers each account also rates, near their usual level

    def label(self) -> str:
        """Short description for the worst-case tables."""
        return (f"{'bomb' if self.stars < 3 else 'shill'}, age {self.account_age_days:.0f} d, every "
                f"{self.spacing_days:.1f} d, {'verified' if self.verified else 'unverified'}, camouflage {self.camouflage}")


def sample_attacker(rng: np.random.Generator, stars: int, verified: bool | None = None) -> Attacker:
    """Account age 0-400 days, spacing from all at once to one a month, camouflage on 0-5 makers.

    The issue asks for spacings up to one a fortnight; a drip of one every 14-35 days (five reviews over up to
    five months, past the model's 120-day recent window) is drawn as often as each of the other shapes."""
    spacing = float(rng.choice([0.0, rng.uniform(0.0, 2.0), rng.uniform(2.0, 14.0), 14.0, rng.uniform(14.0, 35.0)]))
    return Attacker(stars=stars, account_age_days=float(rng.uniform(0, 400)), spacing_days=spacing,
                    verified=bool(rng.random() < 0.5) if verified is None else verified,
                    camouflage=int(rng.integers(0, 6)))


class IdSource:
    """Fresh review and reviewer ids for added signals."""

    def __init__(self, start: int):
        """Review ids continue after start."""
        self.next_review = start
        self.next_account = 0

    def review(self) -> int:
        """A new review id."""
        self.next_review += 1
        return self.next_review

    def account(self, tag: str) -> str:
        """A new reviewer id."""
        self.next_account += 1
        return f"{tag}-{self.next_account}"


def _signal(ids: IdSource, maker, reviewer, stars, created, joined, verified, slip=None, custom=None):
    promised = delivered = None
    if verified:
        delivered = (created - timedelta(days=3)).date()
        promised = delivered - timedelta(days=int(slip)) if slip else delivered + timedelta(days=2)
    return ReviewSignal(maker_id=maker, reviewer_id=reviewer, craftsmanship=int(stars[0]), consistency=int(stars[1]),
                        delivery=int(stars[2]), created_at=created, verified=bool(verified),
                        reviewer_joined_at=joined, promised_on=promised, delivered_on=delivered,
                        review_id=ids.review(),
                        order_type=None if not verified else ("custom" if custom else "stock"))


def genuine(rng, cfg: SimConfig, ids: IdSource, maker, lat: np.ndarray, ages: np.ndarray) -> list[ReviewSignal]:
    """Honest reviews of one maker: lat (k, 3) latent levels at each review, ages in days."""
    k = len(ages)
    bias = rng.normal(0, cfg.reviewer_bias_sd, k)[:, None]
    own = np.sqrt(max(cfg.reviewer_noise**2 - cfg.halo_sd**2, 1e-6))
    noise = rng.normal(0, own, (k, 3)) + rng.normal(0, cfg.halo_sd, (k, 1))
    custom = rng.random(k) < cfg.p_custom
    late = rng.random(k) < late_prob(lat[:, 2], np.where(custom, cfg.custom_late_shift, 0.0))
    slip = np.where(late, 1 + rng.poisson(slip_rate(lat[:, 2])), 0)
    dev = rng.normal(0, 1, k) * order_sd(lat[:, 1])
    mu = lat + bias + np.column_stack([dev, np.zeros(k), delivery_shift(late, slip)])
    stars = np.clip(np.round(mu + noise), 1, 5).astype(int)
    verified = rng.random(k) < cfg.p_verified
    out = []
    for i in range(k):
        created = NOW - timedelta(days=float(ages[i]))
        joined = created - timedelta(days=float(rng.uniform(30, 1000)))
        out.append(_signal(ids, maker, ids.account("buyer"), stars[i], created, joined, verified[i], slip[i], custom[i]))
    return out


def fake_reviews(rng, att: Attacker, ids: IdSource, maker, k: int, levels: dict, end_days_ago: float = None
                 ) -> list[ReviewSignal]:
    """k fake reviews of one maker by k accounts, each also rating `camouflage` other makers near their level."""
    end = float(rng.uniform(1, 20)) if end_days_ago is None else end_days_ago
    others = [m for m in levels if m != maker]
    out = []
    for j in range(k):
        created = NOW - timedelta(days=end + att.spacing_days * (k - 1 - j) + float(rng.uniform(0, 0.5)))
        joined = created - timedelta(days=att.account_age_days)
        account = ids.account(f"fake{att.stars}")
        out.append(_signal(ids, maker, account, [att.stars] * 3, created, joined, att.verified))
        for other in rng.choice(len(others), size=min(att.camouflage, len(others)), replace=False):
            level = levels[others[other]]
            stars = np.clip(np.round(level + rng.normal(0, 0.4, 3)), 1, 5)
            when = created - timedelta(days=float(rng.uniform(1, 60)))
            out.append(_signal(ids, others[other], account, stars, when, joined, False))
    return out


def spread_ages(rng, k: int, oldest: float, newest: float = 0.0) -> np.ndarray:
    """k review ages (days) spread uniformly between newest and oldest."""
    return np.sort(rng.uniform(newest, oldest, k))[::-1]


def levels3(level: float | np.ndarray, rng, k: int = 1, sd: float = 0.15) -> np.ndarray:
    """(k, 3) latent levels: the three dimensions near one level."""
    return np.asarray(level, dtype=float).reshape(-1, 1) + np.zeros((k, 3)) + rng.normal(0, sd, (1, 3))
