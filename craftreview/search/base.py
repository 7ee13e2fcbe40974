"""The search backend interface and the result shapes every backend returns."""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from .documents import Doc, score_bucket  # noqa: F401 - re-exported
from .query import Filters, ParsedQuery

if TYPE_CHECKING:
    from .standing import MakerStanding

Progress = Callable[[int], None]
# Facet fields every backend counts, per document kind.
FACETS = {
    "maker": ("craft", "city", "country", "tier", "accepts_custom", "score_bucket"),
    "review": ("craft", "city", "country", "verified", "craftsmanship", "consistency", "delivery"),
}


class LockTimeout(RuntimeError):
    """The single index writer's lock could not be taken in time."""


@dataclass(frozen=True)
class RawHit:
    """One matching document as the backend sees it."""

    kind: str
    entity_id: int
    maker_id: int
    relevance: float
    coverage: float = 0.0  # relaxed queries: summed weights of the query clauses this document matches


@dataclass
class RawResults:
    """A backend's answer: total matches, the requested slice of hits, facet value counts."""

    total: int
    hits: list[RawHit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    # Set when the facet counts were taken over a sample of this many of the `total` documents
    # (facets.sample_threshold); the service scales them to estimates.
    facet_sample: int | None = None
    # The hits' makers' standings, when the backend read them with the hits (PostgreSQL joins them);
    # None: the service loads them (standing.load_standings). Makers without a score row are left out.
    standings: dict[int, MakerStanding] | None = None


class SearchBackend(Protocol):
    """What the app needs from a search index. Implementations: whoosh, postgres."""

    name: str
    parallel_reads: bool  # whether two queries at once finish sooner than one after the other

    def warm(self) -> None:
        """Load what a worker's first searches would otherwise pay for, before it takes requests."""

    def search(self, query: ParsedQuery, filters: Filters, kind: str, sort: str,
               limit: int, facets: bool = True) -> RawResults:
        """Top `limit` hits of `kind` (by raw relevance when sort is 'relevance'), total, facets."""

    def count(self, query: ParsedQuery, filters: Filters, kind: str) -> int:
        """Number of matching documents of `kind`."""

    def stored_counts(self, queries: list[ParsedQuery], kind: str) -> list[int | None]:
        """For each query, its number of `kind` documents when the index keeps it without searching
        (the empty query: every document; one plain word), else None: `count` it instead."""

    def snippet_texts(self, maker_ids: set[int], query: ParsedQuery, per_maker: int) -> list[tuple] | None:
        """(maker_id, title, body, reply) of up to `per_maker` reviews per maker to pick its result
        snippet from, the reviews that match the most of the query's words first, then the oldest; in
        maker order, best first. None: the service picks them itself, by the words the texts contain."""

    def known_words(self, words: set[str]) -> dict[str, int]:
        """Which of these (unstemmed) words occur in the index, with a frequency."""

    def similar_words(self, word: str, max_edits: int) -> dict[str, int]:
        """Vocabulary words sharing the first letter and within about max_edits edits, with frequencies
        (a superset is fine: spelling.distance decides)."""

    def apply(self, upserts: list[Doc], deletes: Iterable[str]) -> None:
        """Add or replace documents and delete keys, as one commit (caller holds the writer lock)."""

    def rebuild(self, docs: Iterator[Doc], progress: Progress | None = None,
                expected: Mapping[str, int] | None = None) -> int:
        """Build a complete new index from `docs` and swap it in atomically (caller holds the lock).

        `expected` is a hint: about how many documents of each kind `docs` will yield."""

    def after_rebuild(self) -> None:
        """Upkeep of a newly swapped-in index that must wait until the rebuild's reading snapshot of
        the database has closed (PostgreSQL: VACUUM; Whoosh: nothing)."""

    def fingerprints(self, keys: list[str] | None = None) -> dict[str, str]:
        """Key -> fingerprint of the given live documents (all when keys is None)."""

    def writer_lock(self, timeout: float) -> AbstractContextManager[None]:
        """The one-writer lock; raises LockTimeout after `timeout` seconds."""


def score_buckets_from(min_score: float) -> list[str]:
    """The buckets of every score >= min_score, for a min_score in half stars: a maker's overall is
    at least m exactly when its (rounded-down) half-star bucket is."""
    return [f"{half / 2:.1f}" for half in range(math.ceil(min_score * 2), 11)]
