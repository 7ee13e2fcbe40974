"""Whoosh backend: a file index under instance/, swapped atomically by generation on rebuild."""
from __future__ import annotations

import os
import shutil
import threading
import time
import weakref
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager

import numpy as np
from whoosh import index
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.lang.porter2 import stem as snowball_english
from whoosh.query import And, AndNot, ConstantScoreQuery, Every, Or, Phrase, Query, Require, Term

from . import whoosh_vocabulary, whoosh_write
from .base import FACETS, RawHit, RawResults, score_buckets_from
from .documents import Doc
from .facets import HASH_INPUT, HASH_MULTIPLIER, HASH_RANGE, sample_threshold
from .folding import TOKEN_PATTERN, FoldFilter
from .locks import file_lock
from .query import TEXT_FIELDS, Clause, Filters, ParsedQuery, phrase_forms, related_forms, word_forms
from .standing import UNSCORED, MakerStanding, StandingTable
from .stopwords import STOP_WORDS
from .variants import RELATED_WEIGHT
from .whoosh_build import DEFAULT_WORKER_MB, build_indexes
from .whoosh_eval import CACHE_BYTES, Evaluator, SegmentArrays, facet_counts, top_by_key, top_by_score

# StemmingAnalyzer's chain with accents folded before stop words and stemming ('café' is 'cafe'),
# and PostgreSQL's English stop words and stemmer (stemming.py), so both backends index the same
# words. The stemmer is named by its Whoosh module, not ours: the index stores its schema.
# A skipped word keeps its position, as in a PostgreSQL tsvector: renumbered (Whoosh's default), the
# phrase "leather belt" matched "... North Barn Leather. The belt ..." on Whoosh only.
TEXT_ANALYZER = (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | FoldFilter() | StopFilter(STOP_WORDS, renumber=False)
                 | StemFilter(stemfn=snowball_english, cachesize=50_000))
# Field weights: a maker named or categorised for the query beats a passing mention.
SCHEMA = Schema(
    key=ID(unique=True, stored=True), maker_id=STORED, fp=STORED,
    title=TEXT(TEXT_ANALYZER, field_boost=4.0), craft=TEXT(TEXT_ANALYZER, field_boost=3.0),
    location=TEXT(TEXT_ANALYZER, field_boost=2.0), body=TEXT(TEXT_ANALYZER),
    # A review's maker's name (review documents only), a quarter of the body's weight: a review that
    # says the words comes before one that only belongs to a maker so named (BM25F's idf is per
    # field, and a name is short: at half the body's weight a rare name could outweigh the body).
    maker_name=TEXT(TEXT_ANALYZER, field_boost=0.25),
    # The words "did you mean" may offer, each once per maker document (see doc_fields); no lengths.
    spell=KEYWORD(scorable=False),
    craft_key=ID(sortable=True), city=ID(sortable=True), country=ID(sortable=True),
    tier=ID(sortable=True), accepts_custom=ID(sortable=True), verified=ID(sortable=True),
    score_bucket=ID(sortable=True), craftsmanship=ID(sortable=True),
    consistency=ID(sortable=True), delivery=ID(sortable=True),
    # Sort keys are columns only: indexing them as numeric terms cost a dozen postings per value.
    # The maker of every document: its score is looked up by this at query time, never copied in.
    maker=COLUMN(NumericColumn("i", default=0)), stars=COLUMN(NumericColumn("d", default=-1.0)),
    review_count=COLUMN(NumericColumn("q", default=0)), created=COLUMN(NumericColumn("q", default=0)),
)
# The fields a clause without a field prefix searches, per kind (see _searched_fields).
SEARCHED_FIELDS = {"maker": TEXT_FIELDS, "review": (*TEXT_FIELDS, "maker_name")}
FACET_FIELDS = {"craft": "craft_key"}  # facet name -> index field, where they differ
SORT_FIELDS = {"maker": {"reviews": "review_count", "newest": "created"},
               "review": {"score": "stars", "newest": "created"}}
# Sorts by a value of the document's maker, looked up in the standing table (see _collector).
JOINED_SORTS = {"maker": {"score": "rank"}, "review": {"reviews": "review_count"}}
# Columns a page reads: facets, joined filters and sorts, the facet sample's hash (see warm).
WARM_COLUMNS = {kind: ("maker", "created", *{FACET_FIELDS.get(f, f) for f in FACETS[kind]}, *SORT_FIELDS[kind].values())
                for kind in ("maker", "review")}
VOCABULARY_LONGEST = 32  # spelling corrects words of at most 24 letters (spelling.MAX_TYPO_LENGTH), 3 edits wide
POINTER = "CURRENT"
KINDS = ("maker", "review")  # one Whoosh index per kind: no kind filter to intersect on every query
SORT_SCALE = 1_000_000
COVERAGE_UNIT = 1.0e6  # above any BM25 sum of a 12-clause query: see _text_query


class WhooshBackend:
    """Search backend on a Whoosh index directory (one writer, many readers)."""

    # Pure Python under the GIL: a second query in a thread only adds contention.
    parallel_reads = False
    name = "whoosh"

    def __init__(self, directory: str, rebuild_worker_mb: int = DEFAULT_WORKER_MB,
                 standings: StandingTable | None = None, cache_bytes: int = CACHE_BYTES):
        self.directory = directory
        self.standings = standings
        self.rebuild_worker_mb = rebuild_worker_mb
        os.makedirs(directory, exist_ok=True)
        self._local = threading.local()
        self._open_lock = threading.Lock()
        self._arrays = SegmentArrays(cache_bytes)
        # Every searcher kept open, whatever thread opened it: closed when replaced, or all at once
        # when the backend goes away (their segment files are open files, not mappings).
        self._kept: set = set()
        weakref.finalize(self, _close_all, self._kept)
        self._allowed: tuple = (None, None, None)  # (table id and filters, makers passing them, table)
        if self._current_generation() is None:
            self._publish(self._new_generation())

    # -- generations: rebuild writes a new directory and flips the pointer file atomically

    def _current_generation(self) -> str | None:
        try:
            with open(os.path.join(self.directory, POINTER)) as fh:
                return fh.read().strip() or None
        except FileNotFoundError:
            return None

    def _new_generation(self) -> str:
        name = f"gen-{time.time_ns()}"
        for kind in KINDS:
            os.makedirs(os.path.join(self.directory, name, kind))
            index.create_in(os.path.join(self.directory, name, kind), SCHEMA)
        return name

    def _publish(self, generation: str) -> None:
        tmp = os.path.join(self.directory, f"{POINTER}.{os.getpid()}.tmp")
        with open(tmp, "w") as fh:
            fh.write(generation)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, os.path.join(self.directory, POINTER))

    def _index(self, kind: str):
        generation = self._current_generation()
        cached = getattr(self._local, "indexes", None)
        if cached is None or cached[0] != generation:
            with self._open_lock:
                opened = {k: whoosh_write.open_index(os.path.join(self.directory, generation, k)) for k in KINDS}
            cached = self._local.indexes = (generation, opened)
            self._close_searchers()
        return cached[1][kind]

    def _close_searchers(self) -> None:
        """Close this thread's searchers of a generation that was replaced; forget their cached arrays."""
        for searcher in getattr(self._local, "searchers", {}).values():
            self._arrays.forget(_segment_ids(searcher))
            self._close(searcher)
        self._local.searchers = {}

    def _close(self, searcher) -> None:
        self._kept.discard(searcher)
        searcher.close()

    @contextmanager
    def _searcher(self, kind: str):
        ix = self._index(kind)
        searcher = self._local.searchers.get(kind)
        if searcher is None or not searcher.up_to_date():
            # Not searcher.refresh(): it crashes when the old reader was an empty index's.
            old = _segment_ids(searcher) if searcher is not None else set()
            if searcher is not None:
                self._close(searcher)
            searcher = self._local.searchers[kind] = ix.searcher()
            self._kept.add(searcher)
            self._arrays.forget(old - _segment_ids(searcher))  # merged away: never read again
        yield searcher

    # -- reading

    def warm(self) -> None:
        """What a worker's first searches would otherwise pay, once, before it takes requests: open each
        kind's searcher, map its segments' postings files, read the facet, sort and filter columns and
        the text fields' lengths, and load makers' standings."""
        for kind in KINDS:
            with self._searcher(kind) as s:
                for sub, _offset in s.leaf_searchers():
                    reader = sub.reader()
                    if not reader.doc_count_all():
                        continue
                    self._arrays.files.get(reader)
                    for field in WARM_COLUMNS[kind]:
                        self._arrays.column(reader, field)
                    for field in _searched_fields(kind, s.schema):
                        self._arrays.lengths(reader, field, np.empty(0, dtype=np.int64))
                    if kind == "maker":
                        self._vocabulary(reader)
        if self.standings is not None:
            self.standings.get()

    def search(self, query: ParsedQuery, filters: Filters, kind: str, sort: str,
               limit: int, facets: bool = True) -> RawResults:
        """Top hits, total and facet counts (see SearchBackend)."""
        filters = filters.for_kind(kind)
        table = self.standings.get() if self._needs_standings(kind, sort, filters) else {}
        with self._searcher(kind) as s:
            found = self._matches(s, _query(query, filters, kind, s.schema), filters, kind, table)
            total = sum(len(m.ids) for _r, _o, m in found)
            counted = self._facet_sample(found, sample_threshold(total)) if facets else []
            groups = {f: _clean_counts(self._facet_counts(counted, FACET_FIELDS.get(f, f))) for f in FACETS[kind]}
            hits = self._top(found, kind, sort, limit, table) if limit else []
            sampled = sum(len(m.ids) for _r, _o, m in counted)
            return RawResults(total, hits, groups if facets else {}, sampled if facets and sampled < total else None)

    def count(self, query: ParsedQuery, filters: Filters, kind: str) -> int:
        """Number of matching documents of `kind` (no ranking, no facets)."""
        filters = filters.for_kind(kind)
        table = self.standings.get() if _joined_filter(filters, kind) else {}
        with self._searcher(kind) as s:
            return sum(len(m.ids) for _r, _o, m in self._matches(s, _query(query, filters, kind, s.schema), filters, kind, table))

    def _matches(self, s, q: Query, filters: Filters, kind: str, table) -> list[tuple]:
        """(segment reader, docnum offset, Matches) per segment; filters on makers' scores joined."""
        found, allowed = [], self._allowed_makers(table, filters) if _joined_filter(filters, kind) else None
        for sub, offset in s.leaf_searchers():
            if not sub.reader().doc_count_all():
                continue  # an empty index's reader has no segment (and nothing to find)
            matches = Evaluator(s, sub, self._arrays).run(q)
            if allowed is not None:
                matches = matches.keep(np.isin(self._arrays.column(sub.reader(), "maker")[matches.ids], allowed))
            found.append((sub.reader(), offset, matches))
        return found

    def _allowed_makers(self, table: dict[int, MakerStanding], filters: Filters) -> np.ndarray:
        """Makers passing the tier / minimum score filters (kept while the standing table is the same)."""
        key = (id(table), filters.tier, filters.min_score)  # the table is held below: its id stays its own
        if self._allowed[0] != key:
            buckets = set(score_buckets_from(filters.min_score)) if filters.min_score is not None else None
            passing = [m for m, st in table.items() if (not filters.tier or st.tier == filters.tier)
                       and (buckets is None or st.bucket in buckets)]
            self._allowed = (key, np.array(passing, dtype=np.float64), table)
        return self._allowed[1]

    def _facet_sample(self, found: list[tuple], threshold: int) -> list[tuple]:
        """The matches facets are counted over: those whose creation second hashes below the
        threshold (facets.sample_hash, on the `created` column)."""
        if threshold >= HASH_RANGE:
            return found
        sampled = []
        for reader, offset, matches in found:
            seconds = self._arrays.column(reader, "created")[matches.ids].astype(np.uint64)
            hashes = seconds % np.uint64(HASH_INPUT) * np.uint64(HASH_MULTIPLIER) % np.uint64(HASH_RANGE)
            sampled.append((reader, offset, matches.keep(hashes < threshold)))
        return sampled

    def _facet_counts(self, found: list[tuple], field: str) -> Counter:
        counts: Counter = Counter()
        for reader, _offset, matches in found:
            counts.update(facet_counts(self._arrays.column(reader, field), matches.ids))
        return counts

    def _top(self, found: list[tuple], kind: str, sort: str, limit: int, table) -> list[RawHit]:
        """The first `limit` hits in the requested order (ties in document order, as Whoosh's collectors)."""
        if not found:
            return []
        ids = np.concatenate([m.ids + offset for _r, offset, m in found])
        stored = self._stored_fields(found)
        if sort in JOINED_SORTS[kind] or sort in SORT_FIELDS[kind]:
            keys = np.concatenate([self._sort_keys(reader, m.ids, kind, sort, table) for reader, _o, m in found])
            return [_raw_hit(kind, stored(int(ids[i])), 0.0) for i in top_by_key(ids, keys, limit)]
        scores = np.concatenate([m.scores for _r, _o, m in found])
        return [_raw_hit(kind, stored(int(ids[i])), float(scores[i])) for i in top_by_score(ids, scores, limit)]

    def _stored_fields(self, found: list[tuple]):
        """(entity id, maker id) by searcher-wide document number (SegmentArrays.stored)."""
        offsets = [offset for _r, offset, _m in found]

        def stored(docnum: int) -> tuple[int, int]:
            i = bisect_right(offsets, docnum) - 1
            return self._arrays.stored(found[i][0], docnum - offsets[i])
        return stored

    def _sort_keys(self, reader, ids: np.ndarray, kind: str, sort: str, table) -> np.ndarray:
        """Ascending sort keys: the column (or the maker's joined value) negated, largest first."""
        joined = JOINED_SORTS[kind].get(sort)
        if not joined:
            return -self._arrays.column(reader, SORT_FIELDS[kind][sort])[ids]
        makers, where = np.unique(self._arrays.column(reader, "maker")[ids], return_inverse=True)
        values = np.array([-getattr(table.get(int(m), UNSCORED), joined) for m in makers], dtype=np.float64)
        return values[where] if len(ids) else np.empty(0)

    def _needs_standings(self, kind: str, sort: str, filters: Filters) -> bool:
        wanted = sort in JOINED_SORTS[kind] or _joined_filter(filters, kind)
        if wanted and self.standings is None:
            raise RuntimeError("this search needs makers' scores: give WhooshBackend a StandingTable")
        return wanted

    def stored_counts(self, queries: list[ParsedQuery], kind: str) -> list[int | None]:
        """None for each: Whoosh keeps a word's document frequency per field, and a word searched
        in every field matches the union (counting it reads the postings, as `count` does)."""
        return [None] * len(queries)

    def known_words(self, words: set[str]) -> dict[str, int]:
        """Document frequency of each word in the unstemmed vocabulary field (maker documents)."""
        with self._searcher("maker") as s:
            reader = s.reader()
            found = {w: reader.doc_frequency("spell", w) for w in words}
        return {w: n for w, n in found.items() if n}

    def similar_words(self, word: str, max_edits: int) -> dict[str, int]:
        """Vocabulary words within max_edits of `word` sharing its first letter, with frequencies."""
        # Levenshtein counts a swap as two edits: fetch one edit wider (as on PostgreSQL);
        # spelling.distance decides.
        reach = max_edits + 1
        with self._searcher("maker") as s:
            reader = s.reader()
            if len(word) + reach > VOCABULARY_LONGEST:  # (longer than any typo spelling corrects)
                return {w: reader.doc_frequency("spell", w) for w in reader.terms_within("spell", word, reach, prefix=1)}
            near = {w for sub, _offset in s.leaf_searchers() if sub.reader().doc_count_all()
                    for w in whoosh_vocabulary.neighbours(self._vocabulary(sub.reader()), word, reach)}
            return {w: reader.doc_frequency("spell", w) for w in near}

    def _vocabulary(self, reader):
        """A maker segment's spelling vocabulary as arrays (whoosh_vocabulary), kept with its arrays."""
        return self._arrays.get((reader.segment().segment_id(), "v"),
                                lambda: whoosh_vocabulary.load(reader, VOCABULARY_LONGEST))

    def fingerprints(self, keys: list[str] | None = None) -> dict[str, str]:
        """Key -> fingerprint of the given live documents (all when keys is None)."""
        found: dict[str, str] = {}
        for kind in KINDS:
            # A searcher of its own, closed after: the drain thread (and `search check`) calls this,
            # and a searcher kept per thread would pin old segments' readers between drains.
            with self._index(kind).searcher() as s:
                if keys is None:
                    stored = s.reader().all_stored_fields()
                else:
                    stored = filter(None, (s.document(key=k) for k in keys if k[0] == kind[0]))
                found.update((f["key"], f["fp"]) for f in stored)
        return found

    # -- writing (caller holds writer_lock)

    def writer_lock(self, timeout: float):
        """The one-writer flock next to the index."""
        return file_lock(os.path.join(self.directory, "writer.lock"), timeout)

    def apply(self, upserts: list[Doc], deletes: Iterable[str]) -> None:
        """Replace and delete documents: one Whoosh commit per kind (replays are idempotent)."""
        deletes = list(deletes)
        for kind in KINDS:
            mine = [d for d in upserts if d.kind == kind]
            gone = [k for k in deletes if k[0] == kind[0]]
            if mine or gone:
                whoosh_write.write(self._index(kind), mine, gone, SCHEMA)

    def snippet_texts(self, maker_ids: set[int], query: ParsedQuery, per_maker: int) -> None:
        """None: the service picks a maker's snippet texts by the words they contain."""
        return None

    def after_rebuild(self) -> None:
        """Nothing to do: the new generation is complete when rebuild publishes it."""

    def optimize(self) -> int:
        """Merge each kind's segments into one (a command's work, never a web worker's); returns
        how many segments were merged away. Caller holds writer_lock."""
        return sum(whoosh_write.optimize(self._index(kind)) for kind in KINDS)

    def rebuild(self, docs: Iterator[Doc], progress=None, expected: Mapping[str, int] | None = None) -> int:
        """Write a fresh generation, then point readers at it; old readers finish undisturbed."""
        generation = self._new_generation()
        path = os.path.join(self.directory, generation)
        try:
            # Written by parallel worker processes, one contiguous segment each (see whoosh_build).
            count = build_indexes(path, KINDS, docs, progress, expected, self.rebuild_worker_mb)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        previous = self._current_generation()
        self._publish(generation)
        self._remove_generations(keep={generation, previous})
        return count

    def _remove_generations(self, keep: set[str | None]) -> None:
        # The previous generation stays: searchers opened before the flip may still read it.
        for name in os.listdir(self.directory):
            if name.startswith("gen-") and name not in keep:
                shutil.rmtree(os.path.join(self.directory, name), ignore_errors=True)


def _close_all(searchers: set) -> None:
    for searcher in list(searchers):
        searcher.close()
    searchers.clear()


def _segment_ids(searcher) -> set:
    return {sub.reader().segment().segment_id() for sub, _offset in searcher.leaf_searchers()
            if sub.reader().doc_count_all()}


def _joined_filter(filters: Filters, kind: str) -> bool:
    """Review documents carry no maker score: tier and minimum score filters join it."""
    return kind == "review" and (filters.tier is not None or filters.min_score is not None)


def _searched_fields(kind: str, schema) -> tuple[str, ...]:
    """The kind's searched fields that this index has: one written before a field was added (until
    `flask search rebuild` or a drain's writer adds it) answers without it."""
    return tuple(f for f in SEARCHED_FIELDS[kind] if f in schema)


def _query(query: ParsedQuery, filters: Filters, kind: str, schema) -> Query:
    text_query, filter_query = _text_query(query, _searched_fields(kind, schema)), _filter_query(filters, kind)
    return text_query if filter_query is None else Require(text_query, filter_query)


def _raw_hit(kind: str, stored: tuple[int, int], score: float) -> RawHit:
    entity_id, maker_id = stored
    coverage, relevance = divmod(score, COVERAGE_UNIT)
    return RawHit(kind, entity_id, maker_id, relevance, coverage)


def _clean_counts(groups: dict) -> dict[str, int]:
    return {str(k): v for k, v in groups.items() if k not in (None, "", b"")}


def _text_query(query: ParsedQuery, fields: tuple[str, ...]) -> Query:
    weighted = [(q, w, s) for q, w, s in zip((_clause_query(c, fields) for c in query.positives), query.weights or
                                             [1] * len(query.positives), query.seeded(), strict=True) if q is not None]
    positives = [q for q, _w, _s in weighted]
    negatives = [q for q in (_clause_query(c, fields) for c in query.negatives) if q is not None]
    if positives and query.any_of:
        # Coverage first: each clause a document matches adds its weight in units far above any
        # BM25 score; the BM25 of the words it matches then orders documents of equal coverage.
        # Among partial matches a clause counts for the words as typed (and their own forms) only, not for a related
        # word (query.related_forms): a document holding every clause, related words included, still comes first.
        owned = [o for c in query.positives if (o := _clause_query(c, fields, own=True)) is not None]
        coverage = [ConstantScoreQuery(o, w * COVERAGE_UNIT) for (_q, w, _s), o in zip(weighted, owned, strict=True)]
        related = sum(w for (q, w, _s), o in zip(weighted, owned, strict=True) if o != q)
        if related:
            coverage.append(ConstantScoreQuery(And(positives), related * COVERAGE_UNIT))
        base: Query = Or([*coverage, Or(positives)])
        seeds = [q for q, _w, s in weighted if s]
        if seeds and len(seeds) < len(positives):
            base = Require(base, Or(seeds))  # common words only score; rarer ones pick the candidates
    elif positives:
        base = And(positives)
        # A clause with related words (query.related_forms) holds every match, by its own forms or by a related
        # word: the documents holding more clauses by their own forms come first, as a relaxed query's coverage.
        owned = [o for c in query.positives if (o := _clause_query(c, fields, own=True)) is not None]
        own = [ConstantScoreQuery(o, COVERAGE_UNIT) for q, o in zip(positives, owned, strict=True) if o != q]
        if own:
            base = Require(Or([*own, Or(positives)]), base)
    elif query.positives:
        return Or([])  # only stop words were searched: nothing can match
    else:
        base = Every()
    return AndNot(base, Or(negatives)) if negatives else base


def _clause_query(clause: Clause, fields: tuple[str, ...], own: bool = False) -> Query | None:
    """The clause in its field, or in each of `fields` (a field prefix never reaches the maker's name); `own`: without
    the words' related names (query.related_forms)."""
    parts = [q for q in (_expanded_query(f, clause, own) for f in ((clause.field,) if clause.field else fields))
             if q is not None]
    return Or(parts) if parts else None


def _expanded_query(field: str, clause: Clause, own: bool = False) -> Query | None:
    """The clause's words in `field`, with its other names (ranked below them, left out when `own`) and a negated
    predicate's meaning (ranked as the words typed, which then rank below it: query.Clause.meant)."""
    typed = _field_query(field, clause.words, own and not clause.meant)
    if not clause.expanded:
        return typed
    meant = [_field_query(field, p) for p in clause.meant]
    if clause.meant:
        typed = None if own else _weaker(typed)
    named = [] if own else [_weaker(_field_query(field, p)) for p in clause.related_names]
    parts = [q for q in (typed, *meant, *named) if q is not None]
    return (parts[0] if len(parts) == 1 else Or(parts)) if parts else None


def _weaker(q: Query | None) -> Query | None:
    """`q` scored at variants.RELATED_WEIGHT (a boosted copy; whoosh_eval scales an Or's and a Phrase's scores)."""
    if q is None:
        return None
    q = q.copy()
    q.boost = q.boost * RELATED_WEIGHT
    return q


def _field_query(field: str, words: tuple[str, ...], own: bool = False) -> Query | None:
    if len(words) > 1:
        phrases = [q for q in (_phrase_query(field, p) for p in phrase_forms(words)) if q is not None]
        return (Or(phrases) if len(phrases) > 1 else phrases[0]) if phrases else None
    # The analyzer reuses one token object, so copy out text and position.
    tokens = [t.text for t in TEXT_ANALYZER(words[0])]
    if not tokens:
        return None
    related = related_forms(words[0])
    own_forms = {t.text for f in word_forms(words[0]) if f not in related for t in TEXT_ANALYZER(f)}
    forms = own_forms if own else own_forms | {t.text for f in related for t in TEXT_ANALYZER(f)}
    if len(forms) == 1:
        return Term(field, tokens[0])
    # What the word names in other words ranks below the word itself (variants.RELATED_WEIGHT).
    return Or([Term(field, f) if f in own_forms else Term(field, f, boost=RELATED_WEIGHT) for f in sorted(forms)])


def _phrase_query(field: str, words: tuple[str, ...]) -> Query | None:
    tokens = [(t.text, t.pos) for t in TEXT_ANALYZER(" ".join(words), positions=True)]
    if not tokens:
        return None
    if len(tokens) == 1:
        return Term(field, tokens[0][0])
    # Stop words removed from a phrase leave gaps: allow exactly those gaps.
    slop = 1 + max(b[1] - a[1] - 1 for a, b in zip(tokens, tokens[1:], strict=False))
    return Phrase(field, [t[0] for t in tokens], slop=slop)


def _filter_query(filters: Filters, kind: str) -> Query | None:
    parts: list[Query] = []
    if filters.craft:
        parts.append(Term("craft_key", filters.craft))
    if filters.location:
        parts.append(Or([Term("city", filters.location), Term("country", filters.location)]))
    if filters.tier and kind == "maker":
        parts.append(Term("tier", filters.tier))
    if filters.min_score is not None and kind == "maker":
        # Half-star bucket terms, not a numeric range: a float range was 16 terms per document (a
        # quarter of a review's postings) and coarser ranges made these searches 2-4 times slower.
        parts.append(Or([Term("score_bucket", b) for b in score_buckets_from(filters.min_score)]))
    if filters.accepts_custom:
        parts.append(Term("accepts_custom", "1"))
    if filters.verified:
        parts.append(Term("verified", "1"))
    for dim, lo, hi in filters.stars:
        parts.append(Or([Term(dim, str(s)) for s in range(lo, hi + 1)]))
    return And(parts) if parts else None
