"""Read service for the score explanation page: the stored explanation in words, reviews sorted by weight."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Maker, MakerScoreRow, Review, User
from ..permissions import can_moderate
from ..scoring.explain import FULL_WEIGHT, public_why, review_table
from ..scoring.trend import band_chances
from .maker_page import summary_rows
from .makers import get_maker_by_slug
from .review_facts import ReviewFacts, review_facts
from .scores import score_detail

# Coarse words for a review's weight; the public page never shows exact factors or thresholds.
WEIGHT_WORDS = ((FULL_WEIGHT, "counts fully"), (0.35, "counts partly"), (0.0, "counts little"))
FACTOR_LABELS = (("provenance_factor", "provenance"), ("new_account_factor", "new account"),
                 ("burst_factor", "burst"), ("voice_factor", "one voice"), ("surge_factor", "surge"),
                 ("outlier_factor", "out of line"), ("change_factor", "before a change"), ("age_factor", "age"))
WEIGHTS_PER_PAGE = 50  # weighted reviews listed per page (a maker may have thousands)


@dataclass
class WeightedReview:
    """One review as the score page lists it."""

    review_id: int
    reviewer: str
    stars: tuple[int, int, int]
    written: datetime
    weight: float
    weight_words: str
    why: list[str]
    bias_stars: float
    factors: list[tuple[str, float]] = field(default_factory=list)  # moderators only


@dataclass
class ScorePage:
    """Everything the score explanation page shows."""

    maker: Maker
    score: MakerScoreRow | None
    explanation: dict[str, Any]
    reviews: list[WeightedReview]  # this page of them, heaviest first
    page: int
    weighted_count: int  # every weighted review, on all pages
    outlook: dict[str, Any] | None
    moderator: bool
    facts: ReviewFacts  # the delivery record the panel and the page show: counts, custom and stock apart
    # "How sure we are": the four bands, which share out the whole chance as the tier chart's do, and the skilled
    # claim's own figure (skilled or better, master included); None before the first explanation.
    bands: dict[str, float] | None = None
    skilled_or_better: float | None = None


def weight_words(weight: float, discounted: bool = False) -> str:
    """'counts fully' / 'counts partly' / 'counts little'; 'counts nearly fully' where a review over the full-weight
    line still gives a reason it weighs less (discounted), which beside 'counts fully' read as a contradiction."""
    words = next(words for floor, words in WEIGHT_WORDS if weight >= floor)
    return "counts nearly fully" if discounted and weight < 1.0 and words == WEIGHT_WORDS[0][1] else words


def score_page(session: Session, slug: str, viewer: User | None, page: int = 1,
               per_page: int = WEIGHTS_PER_PAGE) -> ScorePage:
    """The maker, its stored score and explanation, one page of its weighted reviews, heaviest first (a page past
    the end is the last), and its reviews' delivery record (a fixed number of queries)."""
    maker = get_maker_by_slug(session, slug)
    explanation = score_detail(maker.score).get("explanation", {})
    moderator = viewer is not None and can_moderate(viewer)
    table = review_table(explanation)
    ranked = sorted((int(key) for key in table if key.isdigit()), key=lambda i: (-table[str(i)]["weight"], -i))
    page = max(1, min(page, -(-len(ranked) // per_page)))
    shown = ranked[(page - 1) * per_page:page * per_page]
    return ScorePage(maker=maker, score=maker.score, explanation=explanation,
                     reviews=_weighted_reviews(session, maker.id, table, shown, moderator),
                     page=page, weighted_count=len(ranked), outlook=explanation.get("what_would_move_tier"),
                     moderator=moderator,
                     facts=review_facts(summary_rows(session, [maker.id]).get(maker.id, [])),
                     **_claim_chances(explanation.get("probabilities")))


def _claim_chances(probabilities: dict[str, float] | None) -> dict[str, Any]:
    if not probabilities:
        return {}
    master, skilled = probabilities.get("master", 0.0), probabilities.get("skilled", 0.0)
    return {"bands": band_chances(master, skilled, probabilities.get("novice", 0.0)), "skilled_or_better": skilled}


def _weighted_reviews(session: Session, maker_id: int, table: dict[str, dict], ids: list[int],
                      moderator: bool) -> list[WeightedReview]:
    if not ids:
        return []
    rows = session.execute(
        select(Review.id, User.display_name, Review.craftsmanship, Review.consistency, Review.delivery,
               Review.created_at)
        .join(User, User.id == Review.author_id)
        .where(Review.maker_id == maker_id, Review.id.in_(ids)))
    out = []
    for row in rows:
        entry = table[str(row.id)]
        why = entry["why"] if moderator else public_why(entry["why"])
        out.append(WeightedReview(
            review_id=row.id, reviewer=row.display_name, stars=(row.craftsmanship, row.consistency, row.delivery),
            written=row.created_at, weight=entry["weight"], weight_words=weight_words(entry["weight"], len(why) > 1),
            why=why, bias_stars=entry["reviewer_bias_stars"],
            factors=[(label, entry[key]) for key, label in FACTOR_LABELS] if moderator else []))
    return sorted(out, key=lambda r: (-r.weight, -r.review_id))
