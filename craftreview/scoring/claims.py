"""Claims that need time: recent reviews can confirm a skilled or master claim, not make one on their own.

A maker's newest reviews are the cheapest evidence to fake: shills redeeming the maker's own invitations,
at any spacing, from accounts of any age, all land in the recent past. So an upward claim must also hold
when the recent evidence is capped at the older evidence plus a little slack (as one group, so more recent
reviews add nothing beyond the cap). A genuine newcomer waits a few months for its claim; the estimate
itself still uses every review.
"""
from __future__ import annotations

import numpy as np

SEASON_DAYS = 180.0  # reviews younger than this are "recent"
SEASON_SLACK = 1.0  # recent evidence may exceed the older evidence by this many fully trusted reviews
UP = ("skilled", "master")


def seasoned_factor(w: np.ndarray, age_days: np.ndarray, maker: np.ndarray, n_m: int) -> np.ndarray | None:
    """Per review: the factor capping its maker's recent evidence (None when no maker's cap bites)."""
    recent = age_days < SEASON_DAYS
    w_recent = np.bincount(maker, np.where(recent, w, 0.0), n_m)
    w_old = np.bincount(maker, np.where(recent, 0.0, w), n_m)
    cap = np.minimum(1.0, (w_old + SEASON_SLACK) / np.maximum(w_recent, 1e-12))
    if np.all(cap >= 1.0):
        return None
    return np.where(recent, cap[maker], 1.0)


def restrict_up_claims(tier: np.ndarray, seasoned_tier: np.ndarray) -> np.ndarray:
    """A skilled or master claim stands only as far as the seasoned evidence supports it."""
    out = tier.copy()
    out[np.isin(tier, UP) & ~np.isin(seasoned_tier, UP)] = "unproven"
    out[(tier == "master") & (seasoned_tier == "skilled")] = "skilled"
    return out
