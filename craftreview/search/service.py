"""One search page: query, fallbacks (spelling, any-word), blended ranking, rows and snippets."""
from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from markupsafe import Markup
from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session, joinedload, lazyload

from ..models import CRAFTS, Maker, Reply, Review
from ..text import render_marked
from . import spelling
from .base import RawHit, RawResults, SearchBackend
from .facets import FacetGroup, about, build_facets, scale_counts
from .highlight import best_snippet, highlight_inline, marked_inline, stems_of, token_stem
from .query import MAX_PAGE, Filters, ParsedQuery, SearchRequest, as_typed, craft_clause, parse_query
from .ranking import blend
from .standing import UNSCORED, MakerStanding, load_standings
from .stopwords import STOP_WORDS

CANDIDATES = 200  # relevance order is blended over this many top text matches
TEXTS_PER_MAKER = 12  # review texts a maker result's snippet is picked from (most query words first)
FEW_RESULTS = 3   # fewer results than this and we look for a spelling correction
FIT_HITS = 200  # maker documents a spelling correction's coverage search reads (best_fit, when none holds it whole)
TITLE_SEPARATOR = "—"  # between a review's title and body in a maker's snippet
RELAX_BELOW = 10  # fewer strict matches than a page on a tab: that tab ranks by best partial match
WEIGHT_SCALE = 10.0  # clause weights are integers: idf x 10
# A best-partial-match tab of a short query (at most SHORT_QUERY clauses: every word one the buyer
# chose) ranks documents by how many of its clauses they match first, then by how rare those clauses
# are: each matched clause adds CLAUSE_MATCHED plus its idf weight, and CLAUSE_MATCHED is above any sum
# of idf weights (each below 10 ln(1 + N): 208 for a billion documents). So two rare words alone no
# longer outrank three of four words. A longer query (a pasted message) ranks by the idf sum alone:
# there, matching more of its incidental words ("present", "spring") says little.
CLAUSE_MATCHED = 10_000
REAL_WORD_LIFT = 3  # how much likelier beside the other words a correction of an English word must be (best_fit)
SHORT_QUERY = 6
# A clause found in more than this share of a tab's documents (and in more than COMMON_MIN_DOCS) only
# scores a relaxed query's candidates: the rarer clauses pick them, so a broad word ("set", "gift")
# does not make every page rank tens of thousands of documents; the total is then an estimate.
COMMON_SHARE = 0.05
COMMON_MIN_DOCS = 500
MIN_CANDIDATES = 200  # common clauses pick candidates too until the rarer ones pick this many documents
WEIGHT_TTL_SECONDS = 600.0
WEIGHT_CACHE_SIZE = 4096
_WEIGHT_COUNTS: OrderedDict[tuple, tuple[float, int]] = OrderedDict()
_WEIGHT_LOCK = threading.Lock()
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
    relaxed: bool = False             # this tab had few results with every word: best partial matches
    full_matches: int = 0             # relaxed: how many results, from the first, hold every word
    estimated: set[str] = field(default_factory=set)  # kinds whose total is an estimate ("about N")
    facets_estimated: bool = False    # facet counts scaled up from a sample of a broad match
    unknown: tuple[str, ...] = ()     # words neither in the index nor English (only on an empty tab)
    unfiltered_total: int | None = None
    blank: bool = False
    # A relaxed tab estimates how many documents hold some of the words ("about 1,800"), but ranks only the
    # candidates its rarer words pick: the results its pages can show, when fewer than the total.
    browsable: int | None = None

    @property
    def total(self) -> int:
        return self.totals[self.request.kind]

    @property
    def shown_total(self) -> int:
        """How many results the pages hold: the total, or the candidates of a relaxed tab's estimate."""
        return self.total if self.browsable is None else min(self.total, self.browsable)

    @property
    def partial_from(self) -> int | None:
        """On a relaxed tab, where (counting from the first result) the results holding only some of the words begin;
        None when the page is not relaxed, or sorted in an order that mixes the two (newest first, say)."""
        if not self.relaxed or (self.query.any_asked and not self.full_matches):
            return None  # words joined by OR, none holding all of them: some of them is what was asked
        return self.full_matches if self.full_matches == 0 or self.request.sort == "relevance" else None

    @property
    def pages(self) -> int:
        """Pages to browse: up to MAX_PAGE (a deeper page is not served, so the pager never offers one)."""
        return max(1, min(MAX_PAGE, -(-self.shown_total // self.request.per_page)))

    @property
    def capped(self) -> bool:
        """Whether more results match than the pages served hold."""
        return self.shown_total > MAX_PAGE * self.request.per_page


@dataclass
class _Outcome:
    query: ParsedQuery
    totals: dict[str, int]
    hits: list[RawHit]  # every candidate of the shown tab, not yet blended or sliced to the page
    raw: RawResults     # the shown tab's backend answer (its facet counts, maybe over a sample)


def run_search(session: Session, backend: SearchBackend, req: SearchRequest) -> SearchPage:
    """Search; little found on a tab brings a spelling correction or best-partial-match ranking."""
    parsed, req = _craft_named(parse_query(req.q), req)
    if parsed.is_empty and not req.filters.active:
        return SearchPage(req, parsed, blank=True)
    page = SearchPage(req, parsed)
    outcome = _execute(backend, parsed, req)
    if outcome.totals[req.kind] < FEW_RESULTS and parsed.positives:
        outcome = _try_spelling(backend, parsed, req, outcome, page)
    if not any(outcome.totals.values()):
        outcome = _try_words_of_phrases(backend, outcome, req, page)
    outcome = _relax_tabs(backend, outcome, req, page)
    if page.searched_for and not any(outcome.totals.values()):
        page.searched_for = None  # the words searched instead found nothing either: no "showing results for" them
    if outcome.totals[req.kind] == 0:
        if req.filters.active:
            page.unfiltered_total = backend.count(outcome.query, Filters(), req.kind)
        page.unknown = as_typed(spelling.unknown_words(outcome.query, backend.known_words), req.q)
    page.totals, page.facets = outcome.totals, build_facets(req, _facet_counts(outcome.raw), outcome.totals[req.kind])
    page.facets_estimated = outcome.raw.facet_sample is not None
    hits = outcome.hits
    if req.sort == "relevance":
        standings = outcome.raw.standings
        if standings is None:
            standings = load_standings(session.connection(), {h.maker_id for h in hits})
        hits = rank_hits(hits, standings)
    offset = (req.page - 1) * req.per_page
    shown = hits[offset:offset + req.per_page] if req.page <= MAX_PAGE else []  # past the deepest page served
    page.items = load_items(session, shown, outcome.query, backend)
    return page


def _craft_named(parsed: ParsedQuery, req: SearchRequest) -> tuple[ParsedQuery, SearchRequest]:
    """`craft:glass` typed in the box is the Craft filter, set as if chosen beside the results (the
    query keeps its other words). As text it matched the craft's label, and "Other", all stop words,
    matched nothing, so `craft:other set` searched every craft. Typed last, it replaces a craft
    chosen before (the search form sends the chosen filters with the box)."""
    named, key = craft_clause(parsed, CRAFTS)
    if key is None:
        return parsed, req
    return named, replace(req, q=named.render(), filters=replace(req.filters, craft=key))


def _try_spelling(backend, parsed, req, outcome: _Outcome, page: SearchPage) -> _Outcome:
    found_some = sum(outcome.totals.values()) > 0
    # Words in the index are only ever questioned when the query as typed found something.
    corrected = _corrected(backend, parsed, req.filters, found_some)
    if corrected is None:
        return outcome
    if not found_some:
        # The correction replaces the typed words when it finds something on either tab (so both tabs
        # search the same words), or when it will rank best partial matches holding more of the words: it leaves
        # no word unknown (those of the words as typed silently dropped the misspelt one), or fewer ("wallnut bols":
        # "bols", too short to correct, is in no text, and the words as typed matched nothing at all).
        still_unknown = len(spelling.unknown_words(corrected, backend.known_words))
        partial = still_unknown == 0 or still_unknown < len(spelling.unknown_words(parsed, backend.known_words))
        found = _instead(backend, corrected, req, page, outcome, partial)
        apart = corrected.unphrased()
        if found is outcome and apart is not corrected:
            # A word split into the two the index holds ("candlemaker" -> "candle maker") is a phrase no text may hold:
            # its words apart, as a hyphenated word's are ("glass-blower").
            found = _instead(backend, apart, req, page, outcome, partial)
        return found
    alternative = _execute(backend, corrected, req)
    if alternative.totals[req.kind] <= outcome.totals[req.kind]:
        return outcome
    page.suggestion = corrected.render()  # the words as typed found something: only suggest
    return outcome


def _corrected(backend: SearchBackend, parsed: ParsedQuery, filters: Filters, found_some: bool) -> ParsedQuery | None:
    """The corrected query that best fits (best_fit), then its unknown four-letter words corrected where a review
    holds the correction with every other word ('chopping bord' -> 'chopping board'); None when nothing changed."""
    options = spelling.corrections(parsed, backend.known_words, backend.similar_words, indexed_too=found_some)
    corrected = best_fit(backend, parsed, options, filters) if options else None
    if not found_some:  # short words are only ever corrected in place of words as typed that found nothing
        base = corrected or parsed
        shorts = spelling.short_corrections(base, backend.known_words, backend.similar_words)
        corrected = (best_fit(backend, base, shorts, filters, confirmed=True) if shorts else None) or corrected
    return corrected


def best_fit(backend: SearchBackend, typed: ParsedQuery, options: list[spelling.Correction],
             filters: Filters, confirmed: bool = False) -> ParsedQuery | None:
    """The corrected query whose words best go together. Those that some maker document holds whole come first, and
    among them those without a stop word put in, the fewest edits, then the most reviews holding every word, then the most makers; when none is held
    whole, the most of its clauses one document holds beside a changed word decides first. Ties go to the closest,
    then most frequent, neighbours (spelling's order). 'poter kyoto': 'poker' is the more frequent neighbour, but
    only 'potter' shares a document with 'kyoto'. Two counts a combination (spelling.MAX_COMBINATIONS), a search more
    when no combination is held whole; only when there is a choice and other words to weigh it by, or when only a
    `confirmed` correction will do: one that a review holds with every other word (else None)."""
    if not confirmed and (len(options) == 1 or len(typed.positives) < 2):
        return options[0].query
    kinds = ("review",) if confirmed else ("review", "maker")
    counts = _concurrently(backend, [lambda o=o: tuple(backend.count(o.probe or o.query, filters, k) for k in kinds)
                                     for o in options])
    order = [(-o.edits, -o.rank, -i) for i, o in enumerate(options)]
    if confirmed or any(n[1] for n in counts):
        held = [i for i, n in enumerate(counts) if n[-1] and (not options[i].for_english or _likelier_beside(
            backend, options[i], n[0], filters))]
        if not held:
            return None
        # A stop word is searched as nothing, so its query is held wherever the other words are: it comes last.
        return options[max(held, key=lambda i: (not options[i].stop, order[i][0], *counts[i], *order[i][1:]))].query
    cover = _concurrently(backend, [lambda o=o: _coverage(backend, typed, o.query, filters) for o in options])
    return options[max(range(len(options)), key=lambda i: (cover[i][0], order[i][0], cover[i][1], *order[i][1:]))].query


def _likelier_beside(backend: SearchBackend, option: spelling.Correction, held: int, filters: Filters) -> bool:
    """Whether the words `option` put in place of English words are REAL_WORD_LIFT times likelier in the reviews holding
    its other words than in all reviews: 'handle' beside 'mug' (ten times, in the demo world), not 'small' beside
    'candle good' (a third), which a typo of 'smell' it is not. `held`: the reviews holding them all (with `filters`,
    the other counts without: a filter only makes it harder)."""
    probe = option.probe or option.query
    put = tuple(c for c in probe.positives if option.for_english.intersection(c.words))
    others = replace(probe, clauses=tuple(c for c in probe.clauses if c not in put))
    around = _cached_count(backend, others, "review") if others.positives else 0
    alone = _cached_count(backend, replace(probe, clauses=put), "review")
    documents = _cached_count(backend, ParsedQuery(), "review")
    return around > 0 and alone > 0 and held * documents >= REAL_WORD_LIFT * alone * around


def _concurrently(backend: SearchBackend, works: list) -> list:
    """Each work's result, run in threads where the backend gains from concurrent reads."""
    pending = [_in_background(backend, work) for work in works]
    try:
        return [result() for result in pending]
    except BaseException:
        for result in pending:
            _settle(result)  # never leave a count thread holding a pooled connection
        raise


def _coverage(backend: SearchBackend, typed: ParsedQuery, corrected: ParsedQuery, filters: Filters) -> tuple[int, int]:
    """(the most of `corrected`'s clauses one maker document holds beside a clause the correction changed, how many
    of the first FIT_HITS such documents hold that many): a relaxed search, the changed clauses picking candidates."""
    changed = tuple(c not in typed.clauses for c in corrected.positives)
    relaxed = replace(corrected.relaxed(), seeds=changed if any(changed) and not all(changed) else ())
    raw = backend.search(relaxed, filters.for_kind("maker"), "maker", "relevance", FIT_HITS, facets=False)
    top = max((round(h.coverage) for h in raw.hits), default=0)
    return top, sum(round(h.coverage) == top for h in raw.hits)


def _try_words_of_phrases(backend, outcome: _Outcome, req: SearchRequest, page: SearchPage) -> _Outcome:
    """A hyphenated word that no text holds as typed ("walnut-bowl" is searched as a phrase) found nothing on either
    tab: its words, apart, are searched instead when they find something or will rank best partial matches (the page
    says so). A phrase typed in quotes is left as asked."""
    words = outcome.query.unphrased()
    return outcome if words is outcome.query else _instead(backend, words, req, page, outcome, partial=True)


def _instead(backend, query: ParsedQuery, req: SearchRequest, page: SearchPage, outcome: _Outcome,
             partial: bool) -> _Outcome:
    """`query` searched in place of one that found nothing on either tab, when it finds something on
    either tab, or (partial) when it will rank best partial matches; the page says which was searched."""
    alternative = _execute(backend, query, req)
    if not any(alternative.totals.values()) and not (partial and _relaxable(query, req, 0)):
        return outcome
    page.searched_for = query.render()
    return alternative


def _relaxable(query: ParsedQuery, req: SearchRequest, total: int) -> bool:
    """A tab with few strict matches ranks by best partial match (only when ranking by relevance,
    or when nothing at all matches: a partial match sorted by date would hide what matched). A query
    that scopes a word to a field (location:kyoto, title:mug) asked for exactly that: it is never
    loosened into matching the other words alone (a potter in Leeds for "potter location:kyoto"). Words joined by OR
    are always searched so: any of them was asked for."""
    if len(query.positives) < 2 or query.any_of:
        return False
    if query.any_asked:
        return True  # "mug OR vase": any of the words was asked for, in whatever order the page is sorted
    if any(c.field for c in query.positives):
        return False
    return total == 0 or (req.sort == "relevance" and total < RELAX_BELOW)


def _relax_tabs(backend: SearchBackend, outcome: _Outcome, req: SearchRequest, page: SearchPage) -> _Outcome:
    """Each tab decides on its own whether to show strict or best-partial matches."""
    other = _other(req.kind)
    totals = dict(outcome.totals)
    relax_other = _relaxable(outcome.query, req, totals[other])
    relax_shown = _relaxable(outcome.query, req, totals[req.kind])
    if not (relax_other or relax_shown):
        return outcome
    _prefetch_clause_counts(backend, outcome.query, [k for k, on in ((other, relax_other), (req.kind, relax_shown)) if on])
    if relax_other:  # beside the shown tab's relaxed search, on a backend that gains from it
        other_count = _in_background(backend, lambda: _partial(
            backend, outcome.query, other, lambda q: backend.count(q, req.filters, other), int))
    try:
        result = _relax_shown(backend, outcome, req, page, totals) if relax_shown else None
    except BaseException:
        if relax_other:
            _settle(other_count)  # never leave the count thread holding a pooled connection
        raise
    if relax_other:
        _q, scale, found = other_count()
        if _about(found, scale) > totals[other]:
            totals[other] = _about(found, scale)
            _mark_estimate(page, other, scale)
    return replace(result, totals=totals) if result else replace(outcome, totals=totals)


def _relax_shown(backend: SearchBackend, outcome: _Outcome, req: SearchRequest, page: SearchPage,
                 totals: dict[str, int]) -> _Outcome | None:
    relaxed, scale, raw = _partial(backend, outcome.query, req.kind, lambda q: backend.search(
        q, req.filters, req.kind, req.sort, _limit(req)), lambda r: r.total)
    if raw.total <= totals[req.kind]:
        return None
    page.relaxed = True
    # The strict count is of the results holding every word; they cover the most of the query, so they come first.
    page.full_matches = totals[req.kind]
    totals[req.kind] = _about(raw.total, scale)
    _mark_estimate(page, req.kind, scale)
    if scale > 1.0:
        page.browsable = raw.total
    return _Outcome(relaxed, totals, raw.hits, raw)


def _in_background(backend: SearchBackend, work):
    """A callable for work's result, started now in a thread when the backend gains from it."""
    if not backend.parallel_reads:
        return work
    return _COUNTS.submit(work).result


def _partial(backend: SearchBackend, query: ParsedQuery, kind: str, run, size):
    """(relaxed query, estimate scale, run(relaxed)); when filters leave none of the candidates the
    rarer clauses picked, every clause picks them again (exact, and as costly as before)."""
    relaxed, scale = relaxed_plan(backend, query, kind)
    result = run(relaxed)
    if scale > 1.0 and size(result) == 0:
        relaxed, scale = replace(relaxed, seeds=()), 1.0
        result = run(relaxed)
    return relaxed, scale, result


def relaxed_plan(backend: SearchBackend, query: ParsedQuery, kind: str) -> tuple[ParsedQuery, float]:
    """The best-partial-match query for `kind`, and how many times more documents match some clause
    than its candidates (1.0 when every clause picks candidates, so its total is exact)."""
    documents = _cached_count(backend, ParsedQuery(), kind)
    counts = [_cached_count(backend, ParsedQuery((clause,)), kind) for clause in query.positives]
    short = len(query.positives) <= SHORT_QUERY
    relaxed = replace(query.relaxed(tuple(_weight(documents, n, short) for n in counts)), counts=tuple(counts),
                      documents=documents)
    seeds = _seeds(counts, documents)
    if all(seeds):
        return relaxed, 1.0
    picked = _union([n for n, seed in zip(counts, seeds, strict=True) if seed], documents)
    return replace(relaxed, seeds=seeds), max(1.0, _union(counts, documents) / max(1.0, picked))


def _seeds(counts: list[int], documents: int) -> tuple[bool, ...]:
    """Rarest first, a clause picks candidates unless it is common and the rarer ones already pick
    MIN_CANDIDATES documents (so a page never shrinks to a handful because one word is rare)."""
    common, seeds, picked = max(COMMON_MIN_DOCS, COMMON_SHARE * documents), [False] * len(counts), []
    for i in sorted(range(len(counts)), key=counts.__getitem__):
        if counts[i] <= common or round(_union(picked, documents)) < MIN_CANDIDATES:
            seeds[i] = True
            picked.append(counts[i])
    return tuple(seeds)


def clause_weights(backend: SearchBackend, query: ParsedQuery, kind: str) -> tuple[int, ...]:
    """One weight per positive clause, rarer clauses weighing more (an idf over `kind` documents)."""
    return relaxed_plan(backend, query, kind)[0].weights


def _weight(documents: int, matching: int, short: bool) -> int:
    idf = max(1, round(WEIGHT_SCALE * math.log(1.0 + documents / (1.0 + matching))))
    return CLAUSE_MATCHED + idf if short else idf


def _union(counts: list[int], documents: int) -> float:
    """Documents matching any of the clauses, as if clauses occurred independently."""
    if documents <= 0:
        return float(sum(counts))
    missing = math.prod(1.0 - min(n, documents) / documents for n in counts)
    return documents * (1.0 - missing)


def _about(count: int, scale: float) -> int:
    """An exact count, or (scale > 1) the candidates' count scaled up (facets.about)."""
    return count if scale <= 1.0 or count == 0 else about(count * scale, count)


def _mark_estimate(page: SearchPage, kind: str, scale: float) -> None:
    if scale > 1.0:
        page.estimated.add(kind)


def _cached_count(backend: SearchBackend, query: ParsedQuery, kind: str) -> int:
    """Document counts for clause weights change slowly: cached for a while, in bounded memory."""
    found = _cache_get((id(backend), kind, query.clauses))
    return found if found is not None else _cache_put(backend, query, kind, backend.count(query, Filters(), kind))


def _prefetch_clause_counts(backend: SearchBackend, query: ParsedQuery, kinds: list[str]) -> None:
    """Count the clauses (and documents) relaxed_plan will weigh, at once where the backend gains
    from concurrent reads (PostgreSQL: one server query each, overlapping); others count on demand."""
    if not backend.parallel_reads:
        return
    wanted = [(q, kind) for kind in kinds for q in (ParsedQuery(), *(ParsedQuery((c,)) for c in query.positives))]
    missing = list({(q.clauses, kind): (q, kind) for q, kind in wanted
                    if _cache_get((id(backend), kind, q.clauses)) is None}.values())
    missing = _stored_counts(backend, missing)
    # Only this (request) thread submits: a pooled task never waits on another pooled task.
    futures = [(q, kind, _COUNTS.submit(backend.count, q, Filters(), kind)) for q, kind in missing]
    for q, kind, future in futures:
        _cache_put(backend, q, kind, future.result())


def _stored_counts(backend: SearchBackend, wanted: list[tuple[ParsedQuery, str]]) -> list[tuple[ParsedQuery, str]]:
    """Caches the counts the index keeps (backend.stored_counts, one call per kind); returns the rest."""
    rest = []
    for kind in dict.fromkeys(k for _q, k in wanted):
        queries = [q for q, k in wanted if k == kind]
        for q, count in zip(queries, backend.stored_counts(queries, kind), strict=True):
            if count is None:
                rest.append((q, kind))
            else:
                _cache_put(backend, q, kind, count)
    return rest


def _cache_get(key: tuple) -> int | None:
    with _WEIGHT_LOCK:
        found = _WEIGHT_COUNTS.get(key)
        if found is not None and time.monotonic() - found[0] < WEIGHT_TTL_SECONDS:
            return found[1]
    return None


def _cache_put(backend: SearchBackend, query: ParsedQuery, kind: str, count: int) -> int:
    with _WEIGHT_LOCK:
        key = (id(backend), kind, query.clauses)
        _WEIGHT_COUNTS[key] = (time.monotonic(), count)
        _WEIGHT_COUNTS.move_to_end(key)
        while len(_WEIGHT_COUNTS) > WEIGHT_CACHE_SIZE:
            _WEIGHT_COUNTS.popitem(last=False)
    return count


def _other(kind: str) -> str:
    return "review" if kind == "maker" else "maker"


def _limit(req: SearchRequest) -> int:
    """Hits to fetch for the page: to its end, or by relevance to the end of its block (rank_hits); none deeper than
    the deepest page served."""
    end = min(req.page, MAX_PAGE) * req.per_page
    return CANDIDATES * -(-end // CANDIDATES) if req.sort == "relevance" else end


def _execute(backend: SearchBackend, query: ParsedQuery, req: SearchRequest) -> _Outcome:
    other = _other(req.kind)
    other_total = _other_count(backend, query, req.filters, other)
    try:
        raw = backend.search(query, req.filters, req.kind, req.sort, _limit(req))
    except BaseException:
        _settle(other_total)  # never leave the count thread holding a pooled connection
        raise
    return _Outcome(query, {req.kind: raw.total, other: other_total()}, raw.hits, raw)


def _facet_counts(raw: RawResults) -> dict[str, dict[str, int]]:
    """The backend's facet counts, scaled to estimates when it counted a sample of a broad match."""
    if raw.facet_sample is None:
        return raw.facets
    return scale_counts(raw.facets, raw.total, raw.facet_sample)


def _settle(result) -> None:
    """Wait for a background count whose value is no longer needed, ignoring its outcome."""
    try:
        result()
    except Exception:  # noqa: BLE001 - the caller is already failing with the error that matters
        pass


def _other_count(backend: SearchBackend, query: ParsedQuery, filters: Filters, kind: str):
    """A callable for the other tab's count, started now in a thread when the backend gains from it."""
    return _in_background(backend, lambda: backend.count(query, filters, kind))


def rank_hits(hits: list[RawHit], standings: dict[int, MakerStanding]) -> list[RawHit]:
    """Order candidates by coverage of the query (relaxed queries), then text relevance blended
    with the maker's standing (ranking.blend), joined at query time: within each block of CANDIDATES
    hits in the backend's text order, so every hit has one place whatever page is asked for. (Blended
    over all the hits fetched, every page past the first block was the lowest-ranked of a slightly
    larger set: pages 21-40 of a common word showed 16 reviews between them.)"""
    def key(h: RawHit):
        return (-h.coverage, -blend(h.relevance, standings.get(h.maker_id, UNSCORED).standing), h.entity_id)
    return [h for start in range(0, len(hits), CANDIDATES) for h in sorted(hits[start:start + CANDIDATES], key=key)]


def load_items(session: Session, hits: list[RawHit], query: ParsedQuery, backend: SearchBackend) -> list[Item]:
    """Rows for the hits, in hit order, dropping anything no longer visible. On a backend reading a
    server database (parallel_reads), the makers' review texts load on a connection of their own
    while the session loads the rows: one round trip less on the page's critical path."""
    stems = stems_of(query.words())
    maker_ids = {h.entity_id for h in hits if h.kind == "maker"}
    texts = _texts_loader(session, backend, maker_ids, query)
    try:
        reviews = _reviews(session, {h.entity_id for h in hits if h.kind == "review"})
        # A review arrives with its maker: only makers no loaded review brought are queried.
        makers = {r.maker_id: r.maker for r in reviews.values()}
        makers.update(_makers(session, {h.maker_id for h in hits} - makers.keys()))
    except BaseException:
        _settle(texts)  # never leave the loading thread holding a pooled connection
        raise
    texts = texts()
    items = []
    for hit in hits:
        maker = makers.get(hit.maker_id)
        if maker is None:
            continue
        if hit.kind == "maker":
            snippet = best_snippet([maker.bio or "", *texts.get(maker.id, [])], stems)
            items.append(Item("maker", maker, None, highlight_inline(maker.name, stems),
                              snippet or matched_fields(maker, stems, "")))
            continue
        review = reviews.get(hit.entity_id)
        if review is not None and review.is_visible:  # defence in depth: the index may lag
            reply = review.reply.body if review.reply else ""
            snippet = best_snippet([review.body, reply], stems)
            items.append(Item("review", maker, review, highlight_inline(review.title, stems),
                              snippet or matched_fields(maker, stems, "maker's ", maker.name)))
    return items


def matched_fields(maker: Maker, stems: set[str], whose: str, name: str = "") -> Markup | None:
    """Why a result whose texts hold none of the words matched: the maker's `name` (a review's
    document holds it), craft or location, marked ("Matched the maker's location: <mark>Leeds</mark>,
    UK"); else None. A document holds these beside its texts, and the card did not show them marked,
    or (a review) at all."""
    label = maker.craft_label
    craft = marked_inline(label, stems)
    if craft is None and token_stem(maker.craft) in stems:  # the key matched ('wood': 'Woodworking')
        craft = render_marked([(label, True)])
    shown = (("name", marked_inline(name, stems)), ("craft", craft),
             ("location", marked_inline(maker.location or "", stems)))
    for what, marked in shown:
        if marked is not None:
            return render_marked([(f"Matched the {whose}{what}: ", False)]) + marked
    return None


def _makers(session: Session, ids: set[int]) -> dict[int, Maker]:
    if not ids:
        return {}
    # The result card needs the score, not the owner: skip that eager join.
    query = select(Maker).where(Maker.id.in_(ids)).options(lazyload(Maker.owner))
    return {m.id: m for m in session.scalars(query).unique()}


def _reviews(session: Session, ids: set[int]) -> dict[int, Review]:
    # Joined: the maker (with its score, for the card; not its owner), the author (the verified mark
    # needs its confirmed address, Review.verified) and the reply: one round trip for the whole page.
    if not ids:
        return {}
    query = select(Review).where(Review.id.in_(ids)).options(
        joinedload(Review.maker).lazyload(Maker.owner), joinedload(Review.reply))
    return {r.id: r for r in session.scalars(query).unique()}


def _texts_loader(session: Session, backend: SearchBackend, maker_ids: set[int], query: ParsedQuery):
    """A callable for the makers' review texts: started now in a thread when the backend reads in
    parallel (any database read on an autocommit connection of its own), else read when called."""
    if not maker_ids:
        return dict
    words = snippet_words(query)
    if not backend.parallel_reads:
        return lambda: _snippet_texts(backend, lambda: _texts_holding_words(session.connection(), maker_ids, words),
                                      maker_ids, query)
    engine = session.get_bind()

    def by_words() -> list[tuple]:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            return _texts_holding_words(conn, maker_ids, words)
    return _COUNTS.submit(_snippet_texts, backend, by_words, maker_ids, query).result


def _snippet_texts(backend: SearchBackend, by_words, maker_ids: set[int], query: ParsedQuery) -> dict[int, list[str]]:
    """Each maker's snippet texts: the backend's choice, or (None) by_words(): the texts holding the most query words."""
    rows = backend.snippet_texts(maker_ids, query, TEXTS_PER_MAKER)
    if rows is None:
        rows = by_words()
    texts: dict[int, list[str]] = {}
    for maker_id, title, body, reply_body in rows:
        # The title stays visibly apart from the body it would otherwise run into.
        texts.setdefault(maker_id, []).extend(t for t in (f"{title} {TITLE_SEPARATOR} {body}", reply_body) if t)
    return texts


def _texts_holding_words(conn, maker_ids: set[int], words: list[str]) -> list[tuple]:
    """(maker_id, title, body, reply) of up to TEXTS_PER_MAKER reviews per maker for its snippet, the
    reviews whose title, body and reply hold the most query words first, then the oldest. The makers a broad word ranks on
    top have 100+ reviews each: loading all of them (1,400 texts, 250 kB for a page of ten at 10,000
    makers) cost more than the search itself."""
    # Each text lower-cased once, not once per word: OFFSET 0 keeps the database from folding the
    # subquery into the one using it (lower() of every review of ten makers with 100+ reviews was
    # most of this statement, and a query of three words and stems ran it three times).
    # The reply counts too: the maker document holds its words, so a maker may match by them alone.
    own_reply = select(Reply.body).where(Reply.review_id == Review.id).correlate(Review).scalar_subquery()
    haystack = func.lower(Review.title + " " + Review.body + " " + func.coalesce(own_reply, ""))
    visible = (select(Review.id, Review.maker_id, Review.title, Review.body, haystack.label("haystack"))
               .where(Review.maker_id.in_(maker_ids), Review.withdrawn_at.is_(None), Review.hidden_at.is_(None))
               .offset(0).subquery())
    held = sum((case((visible.c.haystack.contains(w, autoescape=True), 1), else_=0) for w in words), literal(0))
    order = func.row_number().over(partition_by=visible.c.maker_id, order_by=(held.desc(), visible.c.id))
    ranked = select(visible.c.id, visible.c.maker_id, visible.c.title, visible.c.body, order.label("n")).subquery()
    # Each chosen text's reply, looked up by its index (a join let the planner read every reply).
    reply = select(Reply.body).where(Reply.review_id == ranked.c.id).scalar_subquery()
    return conn.execute(select(ranked.c.maker_id, ranked.c.title, ranked.c.body, reply)
                        .where(ranked.c.n <= TEXTS_PER_MAKER).order_by(ranked.c.maker_id, ranked.c.n)).all()


def snippet_words(query: ParsedQuery) -> list[str]:
    """Lower-case strings a text holding a query word contains: each word as typed (accent-folded)
    with its irregular forms and spelling variants, and its stem ("throw", the stem of "throwing",
    is in "throws"; "happy", whose stem is "happi", is in "happy" itself)."""
    words = {w for w in query.words() if w not in STOP_WORDS}
    return sorted(words | {token_stem(w) for w in words})


def with_query(req: SearchRequest, text: str) -> SearchRequest:
    """The same request for a different query text (suggestion links)."""
    return replace(req, q=text, page=1)
