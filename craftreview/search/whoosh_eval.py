"""Whoosh queries evaluated a posting list at a time with numpy, instead of a document at a time.

Whoosh's matchers and collectors make several Python calls per matching document and query node:
a word in 30,000 reviews cost hundreds of milliseconds, for the exact totals and facet counts a page
shows. Here each term's postings are read into arrays (sliced from the segment's postings file,
whoosh_postings, or else decoded block by block), scored with the same BM25F
formula, statistics and field boosts (so results and ties equal Whoosh's own), and combined with set
operations; a phrase keeps the candidates whose positions follow in order. A page then sorts and
counts arrays: top-k by score with ties in document order (as TopCollector), facet counts by
bincount over each segment's column.
"""
from __future__ import annotations

import sys
import threading
from bisect import bisect_left
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from whoosh import columns
from whoosh.codec import whoosh3
from whoosh.query import And, AndNot, ConstantScoreQuery, Every, Or, Phrase, Query, Require, Term
from whoosh.util.numeric import byte_to_length

from .whoosh_postings import PostingsFiles, entity_of, read_blocks

# A document's field length byte -> length, as Whoosh decodes it (a zero byte reads as the scorer's 1).
_LENGTHS = np.array([byte_to_length(b) if b else 1 for b in range(256)], dtype=np.float64)
_EMPTY_IDS = np.empty(0, dtype=np.int64)
_EMPTY_SCORES = np.empty(0, dtype=np.float64)
# A phrase's documents among at most this many filtered candidates, and this share of all its
# candidates, are found without the cache; otherwise for every candidate once and kept (a filter that
# narrows little would only lose the cache: "pair of mittens" in textiles took as long every time).
SCOPED_PHRASE_LIMIT = 2000
SCOPED_PHRASE_SHARE = 0.25
CACHE_BYTES = 32 * 2**20  # decoded postings, columns and stored fields kept across queries, per process


# The query types whose matches Evaluator.run remembers: those it evaluates itself.
_REMEMBERED = (Term, Or, And, AndNot, Require, ConstantScoreQuery, Phrase)


@dataclass(frozen=True)
class Matches:
    """Matching document numbers of one segment (sorted, unique) and their scores."""

    ids: np.ndarray
    scores: np.ndarray

    @classmethod
    def empty(cls) -> Matches:
        return cls(_EMPTY_IDS, _EMPTY_SCORES)

    def keep(self, mask: np.ndarray) -> Matches:
        return Matches(self.ids[mask], self.scores[mask])


class SegmentArrays:
    """Decoded postings and columns of immutable segments, shared by every thread, bounded in bytes.

    The bound is per process (each web worker has one): `budget` bytes of arrays and stored fields,
    least recently used dropped first. Entries of segments that merged away are dropped as soon as a
    searcher no longer sees them (`forget`), so they do not crowd out the live ones.
    """

    def __init__(self, budget: int = CACHE_BYTES):
        self.budget, self.used, self.lock = budget, 0, threading.Lock()
        self.items: OrderedDict[tuple, tuple[int, object]] = OrderedDict()
        self.files = PostingsFiles()

    def get(self, key: tuple, load):
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
                return found[1]
        value = load()
        cost = _nbytes(value)
        with self.lock:
            if key not in self.items and cost <= self.budget:
                self.items[key] = (cost, value)
                self.used += cost
                while self.used > self.budget:
                    self.used -= self.items.popitem(last=False)[1][0]
        return value

    def peek(self, key: tuple):
        """The value kept under `key`, or None (nothing is loaded)."""
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
            return None if found is None else found[1]

    def forget(self, segment_ids: set) -> None:
        """Drop the entries of these segments (keys start with the segment id)."""
        if not segment_ids:
            return
        self.files.forget(segment_ids)
        with self.lock:
            for key in [k for k in self.items if k[0] in segment_ids]:
                self.used -= self.items.pop(key)[0]

    def postings(self, reader, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """A term's document numbers (int64) and weights (float64) in one segment."""
        file = self.files.get(reader)
        if file is not None:  # a slice of the segment's postings file: nothing to decode
            ids, weights = self.files.postings(file, reader.segment().segment_id(), field,
                                               reader._text_to_bytes(field, text))
            return ids.astype(np.int64), weights.astype(np.float64)
        key = (reader.segment().segment_id(), "p", field, text)
        ids, weights = self.get(key, lambda: read_blocks(reader, field, text))
        # Kept as int32 / float32 (half the memory; weights only when exact), widened for use.
        return ids.astype(np.int64), weights.astype(np.float64)

    def column(self, reader, field: str) -> np.ndarray:
        """A column as an array (numbers), or as codes into `labels(...)` (strings)."""
        return self.get((reader.segment().segment_id(), "c", field), lambda: _read_column(reader, field))

    def lengths(self, reader, field: str, ids: np.ndarray) -> np.ndarray:
        """Field lengths of these documents, as Whoosh's scorer reads them (kept as one byte a document)."""
        return _LENGTHS[self.get((reader.segment().segment_id(), "l", field), lambda: _length_bytes(reader, field))[ids]]

    def stored(self, reader, docnum: int) -> tuple[int, int]:
        """A document's entity id and maker id: from the segment's postings file, else from its stored
        fields through the cache (unpickling a page's 200 candidates cost ~5 ms a page).

        Only these two are kept, as a tuple: a third of the memory of the stored-fields dict."""
        file = self.files.get(reader)
        if file is not None:
            return int(file.entities[docnum]), int(file.makers[docnum])

        def load() -> tuple[int, int]:
            fields = reader.stored_fields(docnum)
            return entity_of(fields["key"]), fields["maker_id"]
        return self.get((reader.segment().segment_id(), "s", docnum), load)


def _nbytes(value) -> int:
    """Memory an entry holds, near enough for a bound: arrays by their buffers, the rest estimated."""
    if isinstance(value, np.ndarray):
        return value.nbytes + 112
    if isinstance(value, tuple):
        return sum(_nbytes(v) for v in value) + 64
    if isinstance(value, str | int):
        return sys.getsizeof(value)
    if isinstance(value, _Coded):
        return value.codes.nbytes + sum(sys.getsizeof(label) for label in value.labels) + 200
    return 64  # None: the segment has no such column


def _read_column(reader, field: str):
    """A segment's column read whole (Whoosh reads one value per call, with a file read each):
    numbers as a float array, strings as codes into their distinct values."""
    if not reader.has_column(field):
        return None
    raw = reader.column_reader(field, translate=False)
    translate = reader.schema[field].from_column_value
    if isinstance(raw, columns.NumericColumn.Reader):
        return _numeric(raw, reader.doc_count_all()).astype(np.float64)
    if isinstance(raw, columns.VarBytesColumn.Reader) and len(raw._lengths):
        data = raw._dbfile.get(raw._basepos, raw._offsets[-1] + raw._lengths[-1])
        values = [data[o:o + n] for o, n in zip(raw._offsets, raw._lengths, strict=True)]
    else:
        values = list(raw)
    positions: dict = {}  # value -> code, in first-seen order
    codes = np.fromiter((positions.setdefault(v, len(positions)) for v in values), dtype=np.int64, count=len(values))
    return _Coded(codes.astype(np.min_scalar_type(max(len(positions) - 1, 0))), [translate(v) for v in positions])


def _numeric(raw, doccount: int) -> np.ndarray:
    """A NumericColumn's values in one read; documents past its end take its default."""
    values = np.frombuffer(raw._dbfile.get(raw._basepos, raw._count * raw._fixedlen), dtype=">" + raw._typecode)
    if len(values) < doccount:
        values = np.concatenate([values, np.full(doccount - len(values), raw._default, dtype=values.dtype)])
    return values


@dataclass(frozen=True)
class _Coded:
    """A string column: per document an index into labels."""

    codes: np.ndarray
    labels: list

    def __len__(self) -> int:
        return len(self.codes)


def _length_bytes(reader, field: str) -> np.ndarray:
    """Each document's encoded field length byte (index into _LENGTHS)."""
    column = reader._perdoc._cached_reader(whoosh3._lenfield(field), whoosh3.LENGTHS_COLUMN)
    if column is None:
        return np.zeros(reader.doc_count_all(), dtype=np.uint8)  # byte 0 reads as length 1, as before
    return _numeric(column, reader.doc_count_all()).astype(np.uint8)


class Evaluator:
    """Evaluates a query on one segment of a searcher (its `sub` searcher and `reader`)."""

    def __init__(self, top, sub, arrays: SegmentArrays):
        self.top, self.sub, self.reader, self.arrays = top, sub, sub.reader(), arrays
        # Documents outside `scope` cannot be in the result (a Require's filter, evaluated first): a term's matches are
        # cut to it (`in_scope`: smaller unions and scores), a phrase reads positions for the documents inside it only.
        self.scope: np.ndarray | None = None
        self.in_scope: np.ndarray | None = None  # scope as a mask over the segment's document numbers
        deleted = self.reader.deleted_docs_set
        self.deleted = np.fromiter(sorted(deleted), dtype=np.int64, count=len(deleted)) if deleted else None
        # What each (sub)query matched, for the ones met again: a query's related names and a relaxed page's coverage
        # repeat the same clauses and words. Keyed by the query and the scope it was evaluated in (its number: 0 for
        # none).
        self._found: dict[tuple, tuple[Query, Matches]] = {}
        self._scopes = 0
        self._scope_key = 0

    def run(self, q: Query) -> Matches:
        """Every live document of this segment matching `q`, scored as Whoosh scores it (within the scope, when one is
        set: documents outside it may be missing)."""
        if not isinstance(q, _REMEMBERED):
            return self._run(q)
        # A term or phrase by value; a compound by identity (hashing one by value hashes its whole subtree, at every
        # level: for simple queries that cost more than it saved), kept alive with its matches so its id stays its own.
        key = (q if isinstance(q, (Term, Phrase)) else id(q), self._scope_key)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = (q, self._run(q))
        return found[1]

    def _run(self, q: Query) -> Matches:
        if isinstance(q, Term):
            return self._term(q)
        if isinstance(q, Or):
            return _scaled(_union([self.run(s) for s in q.subqueries]), q.boost)
        if isinstance(q, And):
            return self._all(q.subqueries)
        if isinstance(q, AndNot):
            base, excluded = self.run(q.a), self.run(q.b)
            return base.keep(~np.isin(base.ids, excluded.ids, assume_unique=True))
        if isinstance(q, Require):
            required = self.run(q.b)
            if not len(required.ids):
                return Matches.empty()
            base = self._within(required.ids, q.a)
            return base.keep(np.isin(base.ids, required.ids, assume_unique=True))
        if isinstance(q, ConstantScoreQuery):
            found = self.run(q.child)
            return Matches(found.ids, np.full(len(found.ids), float(q.score)))
        if isinstance(q, Phrase):
            return self._phrase(q)
        if isinstance(q, Every) and q.fieldname in (None, "", "*"):
            ids = self._live(np.arange(self.reader.doc_count_all(), dtype=np.int64))
            return Matches(ids, np.full(len(ids), float(q.boost)))
        return self._matcher(q)

    def _within(self, ids: np.ndarray | None, q: Query) -> Matches:
        """`q` evaluated knowing that only documents among `ids` will be kept (None: evaluated in full)."""
        outer = self.scope, self.in_scope, self._scope_key
        if ids is None:
            self.scope, self.in_scope, self._scope_key = None, None, 0
        else:
            self.scope = ids if outer[0] is None else np.intersect1d(outer[0], ids, assume_unique=True)
            self.in_scope = np.zeros(self.reader.doc_count_all(), dtype=bool)
            self.in_scope[self.scope] = True
            self._scopes += 1
            self._scope_key = self._scopes
        try:
            return self.run(q)
        finally:
            self.scope, self.in_scope, self._scope_key = outer

    def _all(self, queries) -> Matches:
        """Documents matching every query; stops at the first that matches nothing."""
        parts = []
        for q in queries:
            parts.append(self.run(q))
            if not len(parts[-1].ids):
                return Matches.empty()
        return _intersection(parts)

    def _live(self, ids: np.ndarray) -> np.ndarray:
        return ids if self.deleted is None else ids[~np.isin(ids, self.deleted, assume_unique=True)]

    def _term(self, q: Term) -> Matches:
        ids, weights = self.arrays.postings(self.reader, q.fieldname, q.text)
        if self.in_scope is not None and len(ids):
            keep = self.in_scope[ids]
            ids, weights = ids[keep], weights[keep]
        if self.deleted is not None and len(ids):
            keep = ~np.isin(ids, self.deleted, assume_unique=True)
            ids, weights = ids[keep], weights[keep]
        if not len(ids):
            return Matches.empty()
        return Matches(ids, self._bm25(q, ids, weights) * q.boost if q.boost != 1.0 else self._bm25(q, ids, weights))

    def _bm25(self, q: Term, ids: np.ndarray, tf: np.ndarray) -> np.ndarray:
        """whoosh.scoring.bm25 over arrays, operation for operation (so equal inputs score equal)."""
        weighting = self.top.weighting
        if not self.top.schema[q.fieldname].scorable:
            return tf  # Whoosh scores such fields by weight alone
        B, K1 = weighting._field_B.get(q.fieldname, weighting.B), weighting.K1  # noqa: N806 - BM25's names
        idf, avgfl = self.top.idf(q.fieldname, q.text), self.top.avg_field_length(q.fieldname) or 1
        fl = self.arrays.lengths(self.reader, q.fieldname, ids)
        return idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))

    def _phrase(self, q: Phrase) -> Matches:
        """Whoosh's Phrase: the words' Terms intersected (their scores summed), kept where the words
        occur in order, each within `slop` positions after the previous one (SpanNear2's rule)."""
        if q.boost != 1.0:  # a weaker phrase (query.Clause.related_names): its words' scores scaled, as Whoosh does
            return _scaled(self._phrase(q.copy().with_boost(1.0)), q.boost)
        # Its words in every document (positions are read for them all, and kept, unless the scope is narrow).
        both = self._within(None, And([Term(q.fieldname, w) for w in q.words]))
        if not len(both.ids):
            return both
        key = (self.reader.segment().segment_id(), "phrase", q.fieldname, tuple(q.words), q.slop)
        found = self.arrays.peek(key)
        if found is None and self.scope is not None:
            # A filter narrows the candidates: read their positions only (a cold phrase over every
            # document holding its words cost ~100 ms on 100,000 reviews). Not kept: it depends on
            # the filter.
            scoped = both.keep(np.isin(both.ids, self.scope, assume_unique=True))
            if len(scoped.ids) <= min(SCOPED_PHRASE_LIMIT, SCOPED_PHRASE_SHARE * len(both.ids)):
                return scoped.keep(np.isin(scoped.ids, self._phrase_docs(q, scoped.ids), assume_unique=True))
        if found is None:
            found = self.arrays.get(key, lambda: self._phrase_docs(q, both.ids))
        return both.keep(np.isin(both.ids, found, assume_unique=True))

    def _phrase_docs(self, q: Phrase, candidates: np.ndarray) -> np.ndarray:
        """The candidates holding the phrase: positions from the segment's postings file when it has one."""
        file = self.arrays.files.get(self.reader)
        if file is None:
            return _phrase_docs(self.reader, q, candidates)
        return _phrase_docs_from(file, [self.reader._text_to_bytes(q.fieldname, w) for w in q.words], q, candidates)

    def _matcher(self, q: Query) -> Matches:
        """Anything else (phrases: positions) through Whoosh's own matcher, one document at a time."""
        matcher = q.matcher(self.sub, self.top.context())
        ids, scores = [], []
        while matcher.is_active():
            ids.append(matcher.id())
            scores.append(matcher.score())
            matcher.next()
        return Matches(np.array(ids, dtype=np.int64), np.array(scores, dtype=np.float64))


def _phrase_docs(reader, q: Phrase, candidates: np.ndarray) -> np.ndarray:
    """Which candidate documents hold the phrase (positions read for those documents only)."""
    wanted = set(candidates.tolist())
    ends = _positions(reader, q.fieldname, q.words[0], wanted)
    for word in q.words[1:]:
        following = _positions(reader, q.fieldname, word, set(ends))
        ends = {doc: nxt for doc, nxt in ((doc, [p for p in following.get(doc, ()) if any(
            1 <= p - e <= q.slop for e in ends[doc])]) for doc in ends) if nxt}
    return np.array(sorted(ends), dtype=np.int64)


def _phrase_docs_from(file, words: list[bytes], q: Phrase, candidates: np.ndarray) -> np.ndarray:
    """_phrase_docs on a segment's postings file: occurrences as (document << 32 | position), a word
    kept where the previous one occurs 1..slop positions before it in the same document."""
    ends = file.positions(q.fieldname, words[0], candidates)
    for word in words[1:]:
        if not len(ends):
            break
        following = file.positions(q.fieldname, word, np.unique(ends >> 32))
        keep = np.zeros(len(following), dtype=bool)
        for gap in range(1, q.slop + 1):  # a position below the gap cannot reach the previous document's
            keep |= np.isin(following - gap, ends)
        ends = following[keep]
    return np.unique(ends >> 32)


def _positions(reader, field: str, word: str, docs: set[int]) -> dict[int, list[int]]:
    """Positions of `word` in each of `docs` that contains it."""
    fmt = reader.schema[field].format
    matcher = reader._terms.matcher(field, reader._text_to_bytes(field, word), fmt)
    found: dict[int, list[int]] = {}
    wanted, low = sorted(docs), 0
    while matcher.is_active() and wanted and low <= wanted[-1]:
        # A block holds ids low..maxid (after the previous block's): decoded only if one is wanted.
        high = matcher._maxid
        first = bisect_left(wanted, low)
        if first < len(wanted) and wanted[first] <= high:
            matcher._read_ids()
            hits = [i for i, doc in enumerate(matcher._ids) if doc in docs]
            if hits:
                matcher._read_values()
                for i in hits:
                    found[matcher._ids[i]] = fmt.decode_positions(matcher._values[i])
        low = high + 1
        matcher._next_block()
    return found


def _scaled(found: Matches, boost: float) -> Matches:
    """Scores times a query's boost (1.0: unchanged)."""
    return found if boost == 1.0 or not len(found.ids) else Matches(found.ids, found.scores * boost)


def _union(parts: list[Matches]) -> Matches:
    parts = [p for p in parts if len(p.ids)]
    if not parts:
        return Matches.empty()
    if len(parts) == 1:
        return parts[0]
    ids, where = np.unique(np.concatenate([p.ids for p in parts]), return_inverse=True)
    return Matches(ids, np.bincount(where, weights=np.concatenate([p.scores for p in parts]), minlength=len(ids)))


def _intersection(parts: list[Matches]) -> Matches:
    if not parts:
        return Matches.empty()
    result = parts[0]
    for part in parts[1:]:
        common, mine, theirs = np.intersect1d(result.ids, part.ids, assume_unique=True, return_indices=True)
        result = Matches(common, result.scores[mine] + part.scores[theirs])
    return result


def top_by_score(ids: np.ndarray, scores: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the `limit` best scores, ties in document order (as Whoosh's TopCollector)."""
    if limit < len(scores):
        threshold = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        candidates = np.flatnonzero(scores >= threshold)
    else:
        candidates = np.arange(len(scores))
    order = np.lexsort((ids[candidates], -scores[candidates]))
    return candidates[order[:limit]]


def top_by_key(ids: np.ndarray, keys: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the `limit` smallest keys, ties in document order (as SortingCollector)."""
    return np.lexsort((ids, keys))[:limit]


def facet_counts(column, ids: np.ndarray) -> dict:
    """Documents per column value among `ids` (one segment)."""
    if column is None or not len(ids):
        return {}
    if isinstance(column, _Coded):
        counts = np.bincount(column.codes[ids], minlength=len(column.labels))
        return {column.labels[i]: int(n) for i, n in enumerate(counts) if n}
    values, counts = np.unique(column[ids], return_counts=True)
    return {v.item(): int(n) for v, n in zip(values, counts, strict=True)}
