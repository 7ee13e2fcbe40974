"""What the detectors read and what they report: plain values, no database objects."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

DAY = 86400.0


@dataclass(frozen=True)
class ReviewFact:
    """One public review with the facts about its author that matter for rings."""

    review_id: int
    maker_id: int
    author_id: int
    created_at: datetime
    stars: float            # mean of the three ratings
    body: str
    author_joined: datetime
    order_id: int | None = None

    @property
    def author_age_days(self) -> float:
        """How old the author's account was when the review was written."""
        return (self.created_at - self.author_joined).total_seconds() / DAY


@dataclass(frozen=True)
class OrderFact:
    """An order a maker recorded, and the account (if any) holding the buyer's address."""

    order_id: int
    maker_id: int
    created_at: datetime
    buyer_id: int | None = None
    buyer_joined: datetime | None = None


@dataclass(frozen=True)
class MakerFact:
    maker_id: int
    created_at: datetime


@dataclass
class Facts:
    """Everything one detection run sees. `author_makers` (distinct makers each author reviewed,
    site-wide) is derived from `reviews` when the run sees the whole site."""

    now: datetime
    makers: dict[int, MakerFact] = field(default_factory=dict)
    reviews: list[ReviewFact] = field(default_factory=list)
    orders: list[OrderFact] = field(default_factory=list)
    author_makers: dict[int, int] | None = None
    # Whole-history review counts when `reviews` holds only each maker's latest ones (after a write).
    review_counts: dict[int, int] = field(default_factory=dict)

    def makers_per_author(self) -> dict[int, int]:
        """Distinct makers each author reviewed."""
        if self.author_makers is not None:
            return self.author_makers
        seen: dict[int, set[int]] = defaultdict(set)
        for review in self.reviews:
            seen[review.author_id].add(review.maker_id)
        return {author: len(makers) for author, makers in seen.items()}


@dataclass
class Finding:
    """One ring signal: what was seen, how strongly, and the reviews and accounts involved."""

    kind: str
    maker_id: int | None
    strength: float
    summary: str
    review_ids: tuple[int, ...]
    user_ids: tuple[int, ...]
    evidence: list[tuple[str, str]]


def by_maker(items: Iterable) -> dict[int, list]:
    """Group facts that carry a maker_id."""
    groups: dict[int, list] = defaultdict(list)
    for item in items:
        groups[item.maker_id].append(item)
    return groups


def ids(values: Iterable[int]) -> tuple[int, ...]:
    """Sorted distinct ids."""
    return tuple(sorted(set(values)))
