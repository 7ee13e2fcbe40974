"""Relevance blended with the scoring model: the one place that defines search order."""
from __future__ import annotations

import math

# How far a maker's standing may move a result either way. Text relevance comes first: a result
# that matches the query clearly better (by more than about a fifth) always stays ahead.
STANDING_SHARE = 0.1
EVIDENCE_SCALE = 10.0  # reviews at which evidence counts as ~63% complete


def standing(p_skilled: float | None, review_count: int | None) -> float:
    """A maker's standing in -1..1, weighted by how sure the model is: the probability of being
    skilled moved away from a coin toss, shrunk towards 0 while evidence is thin. An unscored or
    undecided maker (thin or mixed evidence) is near 0: neither helped nor held back much."""
    if p_skilled is None:
        return 0.0
    evidence = 1.0 - math.exp(-max(review_count or 0, 0) / EVIDENCE_SCALE)
    return (2.0 * max(0.0, min(1.0, p_skilled)) - 1.0) * evidence


def blend(relevance: float, maker_standing: float) -> float:
    """Final relevance-sort key: text relevance scaled by at most ±STANDING_SHARE for standing."""
    return relevance * (1.0 + STANDING_SHARE * maker_standing)
