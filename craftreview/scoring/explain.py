"""Human-readable, JSON-serialisable explanations of a maker's score."""
from __future__ import annotations

import math
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
                "sentence": f"The {tier} claim already holds with at least {TIER_CONFIDENCE:.0%} confidence."}
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


def per_dim(values: Any) -> dict[str, float]:
    """{dimension: float} from a length-3 sequence."""
    return {d: float(v) for d, v in zip(DIMENSIONS, values)}


def review_entries(cols: dict[str, list]) -> list[dict[str, Any]]:
    """Per-review weight breakdown, one dict per signal (cols hold plain lists)."""
    out = []
    for i in range(len(cols["weight"])):
        notes = ["verified order" if cols["verified"][i] else "unverified review"]
        if cols["new_account"][i] < 1.0:
            notes.append("brand-new single-review account")
        if cols["burst"][i] < 1.0:
            notes.append("part of a burst of new-account reviews")
        if cols["age"][i] < 1.0:
            notes.append("older review, down-weighted for recency")
        out.append({
            "weight": cols["weight"][i], "verified": cols["verified"][i],
            "provenance_factor": cols["provenance"][i],
            "new_account_factor": cols["new_account"][i], "burst_factor": cols["burst"][i],
            "age_days": cols["age_days"][i], "age_factor": cols["age"][i],
            "reviewer_bias_stars": cols["bias"][i],
            "adjusted_ratings": cols["adjusted"][i], "why": notes,
        })
    return out
