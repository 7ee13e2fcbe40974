"""Human-readable, JSON-serialisable explanations of a maker's score."""
from __future__ import annotations

from typing import Any

import numpy as np

from .types import DIMENSIONS, MASTER_LINE, NOVICE_LINE, SKILLED_LINE


def tier_targets(mean: np.ndarray) -> list[str]:
    """Per maker: the tier its current overall mean points at."""
    return np.select([mean >= MASTER_LINE, mean >= SKILLED_LINE, mean < NOVICE_LINE],
                     ["master", "skilled", "novice"], "developing").tolist()


def per_dim(values: Any) -> dict[str, float]:
    """{dimension: float} from a length-3 sequence."""
    return {d: float(v) for d, v in zip(DIMENSIONS, values, strict=True)}


# The surge factor discounts reviews arriving faster than the maker's own pace, either way, and recent praise above
# the maker's older level beyond what that pace predicts (for a new maker, above the site's usual rating): a new
# maker's one recent five-star review is no run, and the note had called it one. It names both.
SURGE_NOTE = ("recent and not yet borne out: part of a run faster than the maker's usual pace, or praise above its "
              "earlier reviews (for a new maker, above this site's usual rating)")
# Where no reason above explains a partly counted review, the smaller discounts that add up to it, in milder words.
_MILD = (("age_factor", "older review, down-weighted a little for its age"),
         ("outlier_factor", "a little out of line with the maker's other buyers"))
_MILD_BELOW = 0.95
FULL_WEIGHT = 0.9  # a review weighted at least this "counts fully" on the page; under it, the page says why
# A lead for moderators, never said in public: naming which reviews a detector singled out tells a ring which of
# its accounts to retire. The public page says in general words which kinds of evidence weigh less.
RING_NOTE = "reported in a moderator's ring signal"
MODERATOR_NOTES = frozenset({RING_NOTE})
_NOTES = ("new account that has reviewed no other maker", "part of a burst of new-account reviews",
          "older review, down-weighted for its age", "account new when it redeemed the order",
          "one of several reviews by the same account", SURGE_NOTE,
          "far from what the maker's other buyers said", "written before the maker's quality changed",
          RING_NOTE)
_OLD = 0.75  # mention recency only once it has cut a review's weight by a quarter

LEGEND: dict[str, str] = {
    "prior.effective_prior_reviews": "how many verified, recent reviews the prior is worth",
    "evidence.effective_reviews": "sum of review weights after the drift discount",
    "evidence.prior_share": "share of the estimate that still comes from the prior (0-1)",
    "evidence.quality_dropped_days_ago": "age of a detected drop in quality (older reviews then count little)",
    "evidence.quality_rose_days_ago": "age of a rise in quality that has held for months (older reviews then count little)",
    "review_factors": "columns, one entry per review (see review_table): id, weight and its factors",
    "review_factors.weight": "product of the factors; 1 = a fresh verified order from an established account",
    "review_factors.reviewer_bias_stars": "the reviewer's usual offset from other buyers (negative = harsh)",
    "delivery_record": "promised vs delivered dates of this maker's orders",
}
COLUMNS = ("weight", "verified", "provenance_factor", "new_account_factor", "burst_factor", "voice_factor",
           "surge_factor", "outlier_factor", "change_factor", "ring_flagged", "age_days", "age_factor",
           "reviewer_bias_stars")


def why(entry: dict[str, Any]) -> list[str]:
    """Plain-words reasons for one review's weight."""
    verified = entry["verified"]
    hits = (entry["new_account_factor"] < 1.0 and not verified, entry["burst_factor"] < 1.0,
            entry["age_factor"] < _OLD, entry["new_account_factor"] < 1.0 and verified,
            entry["voice_factor"] < 1.0, entry["surge_factor"] < 0.95, entry["outlier_factor"] < 0.7,
            entry["change_factor"] < 1.0, entry["ring_flagged"])
    notes = [n for n, h in zip(_NOTES, hits, strict=True) if h]
    if not notes and (verified or entry["provenance_factor"] >= 1.0) and entry["weight"] < FULL_WEIGHT:
        notes = [words for key, words in _MILD if entry[key] < _MILD_BELOW] or ["several small discounts together"]
    return ["verified order" if verified else "unverified review"] + notes


def public_why(reasons: list[str]) -> list[str]:
    """The reasons for a review's weight that anyone may read (moderators' leads left out)."""
    return [reason for reason in reasons if reason not in MODERATOR_NOTES]


def review_table(explanation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """{review id: {column: value, ..., "why": [...]}} from an explanation's compact review_factors."""
    cols = explanation.get("review_factors") or {}
    ids = cols.get("id", [])
    out = {}
    for i, key in enumerate(ids):
        entry = {c: cols[c][i] for c in COLUMNS}
        entry["why"] = why(entry)
        out[key] = entry
    return out
