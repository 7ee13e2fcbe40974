"""One search page: query, fallbacks (spelling, any-word), blended ranking, rows and snippets."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import Session, lazyload

from ..models import Maker, Reply, Review
from . import spelling
from .base import RawHit, SearchBackend
from .facets import FacetGroup, build_facets
from .highlight import best_snippet, highlight_inline, stems_of
from .query import Filters, ParsedQuery, SearchRequest, parse_query
from .ranking import blend

CANDIDATES = 200  # relevance order is blended over this many top text matches
FEW_RESULTS = 3   # fewer results than this and we look for a spelling correction
# The other tab's count runs beside the main query: on PostgreSQL the two overlap on the server.
_COUNTS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="search-count")


@dataclass
class Item:
    """One result row, loaded from the database (never from the index) so it cannot be stale."""

    kind: str
    maker: Maker
    review: Review | None
    title: Markup
    snippet: Markup | None


@dataclass
class SearchPage:
    """Everything the search template shows."""

    request: SearchRequest
    query: ParsedQuery
    totals: dict[str, int] = field(default_factory=lambda: {"maker": 0, "review": 0})
    items: list[Item] = field(default_factory=list)
    facets: list[FacetGroup] = field(default_factory=list)
    searched_for: str | None = None   # we searched a corrected query instead of the typed one
    suggestion: str | None = None     # 'did you mean'
    relaxed: bool = False             # no result had every word; showing results with some
    unfiltered_total: int | None = None
    blank: bool = False

    @property
    def total(self) -> int:
        return self.totals[self.request.kind]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.per_page))


@dataclass
class _Outcome:
    query: ParsedQuery
    totals: dict[str, int]
    hits: list[RawHit]
    facet_counts: dict[str, dict[str, int]]


def run_search(session: Session, backend: SearchBackend, req: SearchRequest) -> SearchPage:
    """Search, falling back to a spelling correction or any-word matching when little is found."""
    parsed = parse_query(req.q)
    if parsed.is_empty and not req.filters.active:
        return SearchPage(req, parsed, blank=True)
    page = SearchPage(req, parsed)
    outcome = _execute(backend, parsed, req)
    if sum(outcome.totals.values()) < FEW_RESULTS and parsed.positives:
        outcome = _try_spelling(backend, parsed, req, outcome, page)
    if sum(outcome.totals.values()) == 0 and len(parsed.positives) > 1 and not parsed.any_of:
        relaxed = _execute(backend, parsed.relaxed(), req)
        if sum(relaxed.totals.values()):
            outcome, page.relaxed = relaxed, True
    if outcome.totals[req.kind] == 0 and req.filters.active:
        page.unfiltered_total = backend.count(outcome.query, Filters(), req.kind)
    page.totals, page.facets = outcome.totals, build_facets(req, outcome.facet_counts)
    page.items = load_items(session, outcome.hits, outcome.query)
    return page


def _try_spelling(backend, parsed, req, outcome: _Outcome, page: SearchPage) -> _Outcome:
    corrected = spelling.correct(parsed, backend.known_words)
    if corrected is None:
        return outcome
    alternative = _execute(backend, corrected, req)
    if sum(alternative.totals.values()) <= sum(outcome.totals.values()):
        return outcome
    if sum(outcome.totals.values()) == 0:
        page.searched_for = corrected.render()
        return alternative
    page.suggestion = corrected.render()
    return outcome


def _execute(backend: SearchBackend, query: ParsedQuery, req: SearchRequest) -> _Outcome:
    offset = (req.page - 1) * req.per_page
    end = offset + req.per_page
    by_relevance = req.sort == "relevance"
    other = "review" if req.kind == "maker" else "maker"
    other_total = _other_count(backend, query, req.filters, other)
    try:
        raw = backend.search(query, req.filters, req.kind, req.sort, max(CANDIDATES, end) if by_relevance else end)
    except BaseException:
        _settle(other_total)  # never leave the count thread holding a pooled connection
        raise
    hits = rank_hits(raw.hits) if by_relevance else raw.hits
    totals = {req.kind: raw.total, other: other_total()}
    return _Outcome(query, totals, hits[offset:end], raw.facets)


def _settle(result) -> None:
    """Wait for a background count whose value is no longer needed, ignoring its outcome."""
    try:
        result()
    except Exception:  # noqa: BLE001 - the caller is already failing with the error that matters
        pass


def _other_count(backend: SearchBackend, query: ParsedQuery, filters: Filters, kind: str):
    """A callable for the other tab's count, started now in a thread when the backend gains from it."""
    if not backend.parallel_reads:
        return lambda: backend.count(query, filters, kind)
    return _COUNTS.submit(backend.count, query, filters, kind).result


def rank_hits(hits: list[RawHit]) -> list[RawHit]:
    """Order candidates by text relevance blended with the maker's standing (ranking.blend)."""
    return sorted(hits, key=lambda h: (-blend(h.relevance, h.quality), h.entity_id))


def load_items(session: Session, hits: list[RawHit], query: ParsedQuery) -> list[Item]:
    """Rows for the hits, in hit order, dropping anything no longer visible."""
    stems = stems_of(query.words())
    makers = _makers(session, {h.maker_id for h in hits})
    reviews = _reviews(session, {h.entity_id for h in hits if h.kind == "review"})
    texts = _maker_texts(session, {h.entity_id for h in hits if h.kind == "maker"})
    items = []
    for hit in hits:
        maker = makers.get(hit.maker_id)
        if maker is None:
            continue
        if hit.kind == "maker":
            items.append(Item("maker", maker, None, highlight_inline(maker.name, stems),
                              best_snippet([maker.bio or "", *texts.get(maker.id, [])], stems)))
            continue
        review = reviews.get(hit.entity_id)
        if review is not None and review.is_visible:  # defence in depth: the index may lag
            reply = review.reply.body if review.reply else ""
            items.append(Item("review", maker, review, highlight_inline(review.title, stems),
                              best_snippet([review.body, reply], stems)))
    return items


def _makers(session: Session, ids: set[int]) -> dict[int, Maker]:
    # The result card needs the score, not the owner: skip that eager join.
    query = select(Maker).where(Maker.id.in_(ids)).options(lazyload(Maker.owner))
    return {m.id: m for m in session.scalars(query).unique()} if ids else {}


def _reviews(session: Session, ids: set[int]) -> dict[int, Review]:
    # The maker rows are loaded once by _makers; the author stays joined: the verified mark needs its
    # confirmed address (Review.verified), and a lazy load would cost a query per verified hit.
    query = select(Review).where(Review.id.in_(ids)).options(lazyload(Review.maker))
    return {r.id: r for r in session.scalars(query).unique()} if ids else {}


def _maker_texts(session: Session, maker_ids: set[int]) -> dict[int, list[str]]:
    if not maker_ids:
        return {}
    rows = session.execute(
        select(Review.maker_id, Review.title, Review.body, Reply.body)
        .outerjoin(Reply, Reply.review_id == Review.id)
        .where(Review.maker_id.in_(maker_ids), Review.withdrawn_at.is_(None), Review.hidden_at.is_(None))
        .order_by(Review.id)).all()
    texts: dict[int, list[str]] = {}
    for maker_id, title, body, reply in rows:
        texts.setdefault(maker_id, []).append("\n".join(t for t in (title, body, reply) if t))
    return texts


def with_query(req: SearchRequest, text: str) -> SearchRequest:
    """The same request for a different query text (suggestion links)."""
    return replace(req, q=text, page=1)
