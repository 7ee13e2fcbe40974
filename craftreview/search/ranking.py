"""Relevance blended with the scoring model: the one place that defines search order."""
from __future__ import annotations

import math

# How much the scoring model may move a result: text relevance stays the main signal,
# so a maker named for the query always beats one mentioned in passing in a review.
QUALITY_SHARE = 0.25
EVIDENCE_SCALE = 10.0  # reviews at which evidence counts as ~63% complete


def quality(rank_score: float | None, p_skilled: float | None, review_count: int) -> float:
    """A maker's 0..1 standing: probability of being skilled, discounted for thin evidence."""
    if rank_score is None or p_skilled is None:
        return 0.0  # unproven / unscored
    evidence = 1.0 - math.exp(-max(review_count, 0) / EVIDENCE_SCALE)
    return max(0.0, min(1.0, p_skilled)) * (0.5 + 0.5 * evidence)


def blend(relevance: float, standing: float) -> float:
    """Final relevance-sort key: text relevance scaled by at most QUALITY_SHARE for standing."""
    return relevance * (1.0 - QUALITY_SHARE + QUALITY_SHARE * standing)
