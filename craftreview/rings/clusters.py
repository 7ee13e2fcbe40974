"""Detectors over groups of reviews: near-duplicate wording, and one-star or five-star clusters
from accounts that share a ring's traits (brand new, or reviewing only this maker)."""
from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import fmean

from .facts import Facts, Finding, ReviewFact, by_maker, ids
from .minhash import similar_pairs

DUPLICATE_JACCARD = 0.5   # half of all 3-word phrases shared: far beyond chance for free text
STOCK_SPREAD = 10         # a phrase on more makers, in more texts, by more accounts: a stock phrase, not a copy
STOCK_SHARE = 0.005       # ... and, on a large site, by more than this share of its reviewing accounts
EXTREME_MIN = 3
LOW_STARS, HIGH_STARS = 1.5, 4.5
NEW_ACCOUNT_DAYS = 30.0
AGREEMENT = 1.0           # the rest of the maker's reviews within this many stars: the crowd agrees


def detect_near_duplicates(facts: Facts) -> list[Finding]:
    """Groups of reviews whose wording mostly coincides (shingling + MinHash + exact check)."""
    reviews = facts.reviews
    parent = list(range(len(reviews)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    best: dict[int, float] = {}
    authors = [r.author_id for r in reviews]
    pairs = similar_pairs([r.body for r in reviews], DUPLICATE_JACCARD, [r.maker_id for r in reviews],
                          stock_spread(len(set(authors))), authors)
    for i, j, score in pairs:
        a, b = root(i), root(j)
        parent[a] = b
        best[b] = max(best.get(b, 0.0), best.pop(a, 0.0), score)
    groups: dict[int, list[ReviewFact]] = {}
    for index, review in enumerate(reviews):
        groups.setdefault(root(index), []).append(review)
    return [_duplicate_finding(members, best[r]) for r, members in groups.items() if len(members) > 1]


def stock_spread(accounts: int) -> int:
    """How widely a phrase must be used to be a stock phrase (`minhash.without_stock_phrases`) on a site with this
    many reviewing accounts. Ten accounts alone let a farm of eleven hide its copies, varied a word or two each, as
    stock phrases on any site; a share of the accounts keeps the site's own stock phrases out of the comparison as the
    site grows (measured on the demo's template-built worlds of 5,000 to 50,000 reviews: docs/ARCHITECTURE.md, ring signals)."""
    return max(STOCK_SPREAD, math.ceil(STOCK_SHARE * accounts))


def _duplicate_finding(members: Sequence[ReviewFact], similarity: float) -> Finding:
    makers = {r.maker_id for r in members}
    authors = ids(r.author_id for r in members)
    return Finding(
        kind="near_duplicate", maker_id=next(iter(makers)) if len(makers) == 1 else None,
        strength=round(10 * similarity, 2),
        summary=(f"{len(members)} reviews by {len(authors)} account{'s' if len(authors) != 1 else ''} "
                 f"about {len(makers)} maker{'s' if len(makers) != 1 else ''} share most of their wording."),
        review_ids=ids(r.review_id for r in members), user_ids=authors,
        evidence=[("Reviews", str(len(members))), ("Accounts", str(len(authors))), ("Makers", str(len(makers))),
                  ("Highest share of 3-word phrases in common", f"{similarity:.0%}")])


def detect_extreme_clusters(facts: Facts) -> list[Finding]:
    """Per maker: three or more one-star (or five-star) reviews from new or single-maker accounts,
    disagreeing with what everyone else says about the maker."""
    counts = facts.makers_per_author()
    found = []
    for reviews in by_maker(facts.reviews).values():
        for side in ("one-star", "five-star"):
            finding = _extreme_cluster(reviews, side, counts)
            if finding:
                found.append(finding)
    return found


def _extreme(review: ReviewFact, side: str) -> bool:
    return review.stars <= LOW_STARS if side == "one-star" else review.stars >= HIGH_STARS


def _traits(review: ReviewFact, counts: dict[int, int]) -> list[str]:
    traits = []
    if review.author_age_days <= NEW_ACCOUNT_DAYS:
        traits.append("new account")
    if counts.get(review.author_id, 0) <= 1:
        traits.append("reviews only this maker")
    return traits


def _extreme_cluster(reviews: list[ReviewFact], side: str, counts: dict[int, int]) -> Finding | None:
    members = [r for r in reviews if _extreme(r, side) and _traits(r, counts)]
    if len({r.author_id for r in members}) < EXTREME_MIN:
        return None
    chosen = {r.review_id for r in members}
    others = [r.stars for r in reviews if r.review_id not in chosen]
    cluster_mean = fmean(r.stars for r in members)
    if len(others) >= EXTREME_MIN and abs(fmean(others) - cluster_mean) < AGREEMENT:
        return None
    new = sum(1 for r in members if "new account" in _traits(r, counts))
    rest = f"{fmean(others):.1f} stars from {len(others)} other reviews" if others else "no other reviews"
    return Finding(
        kind="extreme_cluster", maker_id=reviews[0].maker_id, strength=float(len(members)),
        summary=(f"{len(members)} {side} reviews from new or single-maker accounts ({rest})."),
        review_ids=ids(chosen), user_ids=ids(r.author_id for r in members),
        evidence=[("Cluster", f"{len(members)} {side} reviews, mean {cluster_mean:.1f} stars"),
                  (f"From accounts under {NEW_ACCOUNT_DAYS:.0f} days old", str(new)),
                  ("From accounts reviewing only this maker",
                   str(sum(1 for r in members if "reviews only this maker" in _traits(r, counts)))),
                  ("The maker's other reviews", rest)])
