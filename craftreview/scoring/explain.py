"""Human-readable, JSON-serialisable explanations of a maker's score."""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import numpy as np
from scipy.special import ndtr

from .posterior import Z_TIER
from .types import DIMENSIONS, MASTER_LINE, NOVICE_LINE, SKILLED_LINE, TIER_CONFIDENCE

_MAX_EXTRA = 1000  # beyond this many reviews the claim is "not reachable at the current mean"


def _developing_sd(mean: np.ndarray) -> np.ndarray:
    """Largest SD at which P(3.5 <= overall < 4.0) reaches the tier confidence (bisection)."""
    lo, hi = np.zeros_like(mean), np.ones_like(mean)
    for _ in range(40):
        mid = (lo + hi) / 2
        p = ndtr((SKILLED_LINE - mean) / mid) - ndtr((NOVICE_LINE - mean) / mid)
        ok = p >= TIER_CONFIDENCE
        lo, hi = np.where(ok, mid, lo), np.where(ok, hi, mid)
    return lo


def tier_targets(mean: np.ndarray) -> tuple[list[str], list[float]]:
    """Per maker: the tier its current overall mean points at, and the SD needed to claim it."""
    target = np.select([mean >= MASTER_LINE, mean >= SKILLED_LINE, mean < NOVICE_LINE],
                       ["master", "skilled", "novice"], "developing")
    sd = np.select([mean >= MASTER_LINE, mean >= SKILLED_LINE, mean < NOVICE_LINE],
                   [(mean - MASTER_LINE) / Z_TIER, (mean - SKILLED_LINE) / Z_TIER, (NOVICE_LINE - mean) / Z_TIER],
                   0.0)
    developing = target == "developing"
    sd[developing] = _developing_sd(mean[developing])
    return target.tolist(), sd.tolist()


def tier_outlook(mean: float, var: float, review_var: float, tier: str,
                 target: str, needed_sd: float) -> dict[str, Any]:
    """How many more verified reviews at the current mean would settle the tier the mean points at."""
    if tier == target:
        return {"target_tier": target, "extra_verified_reviews_needed": 0,
                "sentence": f"The {tier} claim holds with at least {TIER_CONFIDENCE:.0%} confidence"
                            + _holds_while(tier, math.sqrt(var)) + "."}
    extra = None
    if needed_sd > 1e-9:
        extra = max(1, math.ceil(review_var * (1.0 / needed_sd**2 - 1.0 / var)))
    if extra is None or extra > _MAX_EXTRA:
        return {"target_tier": target, "extra_verified_reviews_needed": None,
                "sentence": f"The mean ({mean:.2f}) sits too close to a tier line for more reviews at "
                            f"this level to settle it; the tier will move only if ratings move."}
    return {"target_tier": target, "extra_verified_reviews_needed": extra,
            "sentence": f"About {extra} more verified review(s) averaging {mean:.2f} overall would make "
                        f"'{target}' a {TIER_CONFIDENCE:.0%}-confidence claim."}


def _holds_while(tier: str, sd: float) -> str:
    """Where the overall mean could move, at today's certainty, before the claim lapses."""
    if tier in ("master", "skilled"):
        line = MASTER_LINE if tier == "master" else SKILLED_LINE
        return f" while the overall mean stays above {line + Z_TIER * sd:.2f}"
    if tier == "novice":
        return f" while the overall mean stays below {NOVICE_LINE - Z_TIER * sd:.2f}"
    return ""


def per_dim(values: Any) -> dict[str, float]:
    """{dimension: float} from a length-3 sequence."""
    return {d: float(v) for d, v in zip(DIMENSIONS, values, strict=True)}


_NOTES = ("brand-new single-review account", "part of a burst of new-account reviews",
          "older review, down-weighted for recency")
_OLD = 0.75  # mention recency only once it has cut a review's weight by a quarter

LEGEND: dict[str, str] = {
    "prior.effective_prior_reviews": "how many verified, recent reviews the prior is worth",
    "evidence.effective_reviews": "sum of review weights after the drift discount",
    "evidence.prior_share": "share of the estimate that still comes from the prior (0-1)",
    "reviews.<id>.weight": "provenance x new-account x burst x age factors; 1 = a fresh verified order",
    "reviews.<id>.reviewer_bias_stars": "the reviewer's usual offset from other buyers (negative = harsh)",
    "reviews.<id>.adjusted_ratings": "stars minus that offset, as used by the model",
    "delivery_record": "promised vs delivered dates of this maker's orders",
    "what_would_move_tier": "the tier the current mean points at and how much evidence would settle it",
}
_KEYS = ("weight", "verified", "provenance_factor", "new_account_factor", "burst_factor", "age_days",
         "age_factor", "reviewer_bias_stars", "adjusted_ratings")


@lru_cache(maxsize=16)
def _why_cached(verified: bool, new_account: bool, burst: bool, old: bool) -> tuple[str, ...]:
    notes = ("verified order" if verified else "unverified review",)
    return notes + tuple(n for n, hit in zip(_NOTES, (new_account, burst, old), strict=True) if hit)


def _why(verified: bool, new_account: float, burst: float, age: float) -> list[str]:
    """Plain-words reasons for a review's weight (a fresh list each time: callers may mutate it)."""
    return list(_why_cached(verified, new_account < 1.0, burst < 1.0, age < _OLD))


def review_entries(cols: dict[str, list]) -> list[dict[str, Any]]:
    """Per-review weight breakdown, one dict per signal (cols hold plain lists)."""
    columns = [cols[k] for k in ("weight", "verified", "provenance", "new_account", "burst", "age_days", "age",
                                 "bias", "adjusted")]
    out = []
    for values in zip(*columns, strict=True):
        entry = dict(zip(_KEYS, values, strict=True))
        entry["why"] = _why(values[1], values[3], values[4], values[6])
        out.append(entry)
    return out
