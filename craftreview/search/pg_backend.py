"""PostgreSQL full-text backend: weighted tsvector + GIN, websearch_to_tsquery, ts_rank (the reading
SQL is in pg_sql.py; this module holds the tables, the writer lock and writing)."""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import (
    DDL,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Engine,
    Float,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    event,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR

from . import pg_sql
from .base import LockTimeout, RawResults
from .documents import Doc
from .facets import sample_hash
from .folding import CYRILLIC_APOSTROPHE, FULL_WIDTH_KANA, HALF_WIDTH_KANA, VOWEL_MARKS
from .locks import RETRY_SECONDS
from .pg_sql import FIELD_WEIGHTS
from .query import Filters, ParsedQuery, word_forms
from .spelling import doc_vocabulary

METADATA = MetaData()
KINDS = ("maker", "review")
# (kind, column) of the partial btree indexes on search_documents (migration 0020): the filters a
# buyer picks most, per kind, and the maker of each review document.
BTREE_INDEXED = (*((kind, column) for kind in KINDS for column in ("craft", "city", "country")),
                 ("review", "maker_id"))
# (kind, column) of the partial GIN indexes: each kind's text, and review documents' maker names
# (migration 0024).
GIN_INDEXED = (*((kind, "tsv") for kind in KINDS), ("review", "maker_tsv"))
TOAST_TUPLE_TARGET = 8160  # PostgreSQL's largest: a row is compressed or moved out only past ~a page
DOCUMENTS = Table(
    "search_documents", METADATA,
    Column("key", String(24), primary_key=True), Column("kind", String(10), nullable=False),
    Column("entity_id", Integer, nullable=False), Column("maker_id", Integer, nullable=False),
    Column("craft", String(20), nullable=False), Column("city", Text, nullable=False),
    Column("country", Text, nullable=False), Column("tier", String(20), nullable=False),
    Column("accepts_custom", Boolean, nullable=False), Column("verified", Boolean, nullable=False),
    Column("score_bucket", String(4), nullable=False), Column("craftsmanship", SmallInteger),
    Column("consistency", SmallInteger), Column("delivery", SmallInteger),
    Column("stars", Float), Column("review_count", Integer, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    # facets.sample_hash of the creation second (migration 0017): a broad match's facet sample.
    Column("sample_key", BigInteger, nullable=False),
    Column("fp", String(32), nullable=False), Column("tsv", TSVECTOR, nullable=False),
    # A review document's maker's name (migration 0024), apart from its own text: ranked below every
    # field of it (tsvector weights are four labels, all taken) and out of reach of field clauses.
    # Empty on maker documents (their title is the name), and by default (writers before 0024).
    Column("maker_tsv", TSVECTOR, nullable=False, server_default=text("''")),
    # One GIN index per kind (migration 0012): a search names its kind, and a maker search then
    # reads only maker documents' entries. No index on kind alone: the planner took it for a word
    # matching most makers and then tested (decompressed) every maker's tsvector.
    *(Index(f"ix_search_documents_{kind}_{column}", column, postgresql_using="gin",
            postgresql_where=text(f"kind = '{kind}'")) for kind, column in GIN_INDEXED),
    # BTREE_INDEXED: with a broad word the GIN index finds tens of thousands of matches, and the heap
    # scan dropped nearly all for their craft or place ('craft:candles order' verified, 1-2 stars for
    # delivery: 53,424 of 53,613 reviews read and dropped, 18 ms; with the craft index, 6 ms); a maker
    # result's snippet reads its review documents by maker. Partial, as the GIN indexes are, so that
    # no index serves as one on kind alone (see above).
    *(Index(f"ix_search_documents_{kind}_{column}", column, postgresql_where=text(f"kind = '{kind}'"))
      for kind, column in BTREE_INDEXED),
    # Rows up to ~8 kB keep their tsvector inline and uncompressed (migration 0015): out of line, every
    # maker document a broad word matched was fetched from the TOAST table to be ranked.
    postgresql_with={"toast_tuple_target": TOAST_TUPLE_TARGET},
)
event.listen(DOCUMENTS, "after_create", DDL("ALTER TABLE search_documents ALTER COLUMN tsv SET STORAGE MAIN"))
# Accent folding for the tsvector: unaccent() is only STABLE (its dictionary could change), so an
# IMMUTABLE wrapper naming the dictionary explicitly is what an index expression may use.
# fuzzystrmatch: levenshtein() for spelling suggestions. Migration 0011 runs the same statements.
# The wrapper also removes the vowel marks folding.fold removes (Hebrew points, Arabic harakat), which unaccent keeps,
# and reads a final ς as σ, as folding.fold does (migration 0031 replaces 0011's wrapper with this one).
# It also drops a Ukrainian apostrophe between Cyrillic letters and reads half-width katakana as full-width ones, as
# folding.fold does (migration 0033); only text holding a half-width kana is composed (NFC), which documents already are.
_JOINED = f"regexp_replace($1, '{CYRILLIC_APOSTROPHE.pattern.replace(chr(39), chr(39) * 2)}', '', 'g')"
UNACCENT_SQL = ("CREATE OR REPLACE FUNCTION craftreview_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE "
                "PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, "
                f"CASE WHEN $1 ~ '[{HALF_WIDTH_KANA}]' "
                f"THEN normalize(translate({_JOINED}, 'ς{HALF_WIDTH_KANA}{VOWEL_MARKS}', 'σ{FULL_WIDTH_KANA}'), NFC) "
                f"ELSE translate({_JOINED}, 'ς{VOWEL_MARKS}', 'σ') END) $$")
EXTENSIONS_DDL = (
    "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public",  # the wrapper below names public.unaccent
    # public too: created under another schema's search_path (a bench's), it landed there, and a test database's
    # search found no levenshtein() once that schema was dropped from the path ("IF NOT EXISTS" then created nothing)
    "CREATE EXTENSION IF NOT EXISTS fuzzystrmatch SCHEMA public",
    UNACCENT_SQL,
)
for _ddl in EXTENSIONS_DDL:
    event.listen(DOCUMENTS, "before_create", DDL(_ddl))
# A maker document's spelling words, so search_words can count documents exactly on every change.
# Their own table (migration 0019): in the document row they were 30% of a maker row's 2.6 kB, read
# by every search of the makers tab for nothing.
VOCABULARIES = Table("search_vocab", METADATA, Column("key", String(24), primary_key=True),
                     Column("words", Text, nullable=False))
WORDS = Table("search_words", METADATA, Column("word", Text, primary_key=True),
              Column("ndoc", Integer, nullable=False))
# How many documents of each kind hold each lexeme (any field), kept with every write (migration
# 0018): a clause's weight needs its document count, and counting a common word read every matching
# row (18 ms for "gift" on reviews at 100,000 reviews). The empty lexeme counts the kind's documents.
LEXEMES = Table("search_lexemes", METADATA, Column("kind", String(10), primary_key=True),
                Column("lexeme", Text, primary_key=True), Column("ndoc", Integer, nullable=False))
EVERY_DOCUMENT = ""  # the lexeme row holding the number of documents of a kind
LOCK_KEY = 0x63726576  # pg_advisory_lock key of the single index writer
_COLUMNS = [c.name for c in DOCUMENTS.columns if c.name not in ("tsv", "maker_tsv")]


# Each field after the first starts this many positions after the previous one ends: `||` would
# put a field's first word right after the previous field's last, so a phrase matched across
# fields ("vase glass": a review titled "Lovely vase" of a glass maker), which Whoosh's separate
# fields never do. Stop words advance the position and leave no lexeme.
FIELD_GAP = "the " * 8


def _field_vector(name: str, weight: str, first: bool) -> str:
    """One field's weighted tsvector, after FIELD_GAP unless it is the first. Hyphens are read as spaces,
    as Whoosh's tokenizer reads them: PostgreSQL's parser gives a hyphenated word a position of its own
    before its parts ("ready-made": 'ready-mad' 2, 'readi' 3, 'made' 4), so the phrase "belt ready-made"
    did not match "belt ready-made" here and did on Whoosh."""
    pad = "" if first else f"'{FIELD_GAP}' || "
    return f"setweight(to_tsvector('english', {pad}translate(craftreview_unaccent(:t_{name}), '-', ' ')), '{weight}')"


def _insert_sql(table: str):
    """Upsert of one document; the tsvectors are computed by PostgreSQL from the four weighted fields
    and from the maker's name."""
    return text(
        f"INSERT INTO {table} ({', '.join(_COLUMNS)}, tsv, maker_tsv) VALUES "
        f"({', '.join(':' + c for c in _COLUMNS)}, "
        + " || ".join(_field_vector(name, weight, i == 0) for i, (name, weight) in enumerate(FIELD_WEIGHTS.items()))
        + ", to_tsvector('english', translate(craftreview_unaccent(:t_maker), '-', ' ')))"
        " ON CONFLICT (key) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in [*_COLUMNS[1:], "tsv", "maker_tsv"]))


_INSERT = _insert_sql("search_documents")
_INSERT_BUILD = _insert_sql("search_documents_build")
# Swapped in by rebuild: built without indexes, indexed in bulk, then renamed over the live table.
_BUILD_DDL = (
    "DROP TABLE IF EXISTS search_documents_build",
    "CREATE TABLE search_documents_build (LIKE search_documents INCLUDING DEFAULTS INCLUDING CONSTRAINTS "
    f"INCLUDING STORAGE) WITH (toast_tuple_target = {TOAST_TUPLE_TARGET})",
    "ALTER TABLE search_documents_build ADD CONSTRAINT search_documents_build_pkey PRIMARY KEY (key)",
    "DROP TABLE IF EXISTS search_vocab_build",
    "CREATE TABLE search_vocab_build (LIKE search_vocab INCLUDING DEFAULTS INCLUDING CONSTRAINTS)",
    "ALTER TABLE search_vocab_build ADD CONSTRAINT search_vocab_build_pkey PRIMARY KEY (key)",
)
# One row per (kind, lexeme) of a set of documents (its text or its maker's name), the empty lexeme
# once per document.
_LEXEME_ROWS = ("SELECT d.kind, l.lexeme FROM {table} d "
                "CROSS JOIN LATERAL unnest(tsvector_to_array(d.tsv || d.maker_tsv) || ARRAY[''::text]) AS l(lexeme)")
# Rows are rewritten in kind order first (CLUSTER, on an index dropped after): the documents a
# search reads (one kind) then share pages, instead of each maker's sitting among its reviews'.
# Then the GIN indexes, and the lexeme counts of the new documents.
_BUILD_INDEXES = (
    "CREATE INDEX ix_search_documents_build_kind ON search_documents_build (kind)",
    "CLUSTER search_documents_build USING ix_search_documents_build_kind",
    "DROP INDEX ix_search_documents_build_kind",
    *(f"CREATE INDEX ix_search_documents_build_{kind}_{column} ON search_documents_build USING gin ({column}) "
      f"WHERE kind = '{kind}'" for kind, column in GIN_INDEXED),
    *(f"CREATE INDEX ix_search_documents_build_{kind}_{column} ON search_documents_build ({column}) "
      f"WHERE kind = '{kind}'" for kind, column in BTREE_INDEXED),
    "DROP TABLE IF EXISTS search_lexemes_build",
    "CREATE TABLE search_lexemes_build (LIKE search_lexemes INCLUDING DEFAULTS INCLUDING CONSTRAINTS)",
    "INSERT INTO search_lexemes_build (kind, lexeme, ndoc) SELECT kind, lexeme, count(*) FROM ("
    + _LEXEME_ROWS.format(table="search_documents_build") + ") x GROUP BY kind, lexeme",
    "ALTER TABLE search_lexemes_build ADD CONSTRAINT search_lexemes_build_pkey PRIMARY KEY (kind, lexeme)",
)
_SWAP = (
    "DROP TABLE search_documents",
    "ALTER TABLE search_documents_build RENAME TO search_documents",
    "ALTER INDEX search_documents_build_pkey RENAME TO search_documents_pkey",
    *(f"ALTER INDEX ix_search_documents_build_{kind}_{part} RENAME TO ix_search_documents_{kind}_{part}"
      for kind, part in [*GIN_INDEXED, *BTREE_INDEXED]),
    "DROP TABLE search_vocab",
    "ALTER TABLE search_vocab_build RENAME TO search_vocab",
    "ALTER INDEX search_vocab_build_pkey RENAME TO search_vocab_pkey",
    "DROP TABLE search_lexemes",
    "ALTER TABLE search_lexemes_build RENAME TO search_lexemes",
    "ALTER INDEX search_lexemes_build_pkey RENAME TO search_lexemes_pkey",
    "DELETE FROM search_words",
)
_UPSERT_VOCAB = text("INSERT INTO search_vocab (key, words) VALUES (:key, :words) "
                     "ON CONFLICT (key) DO UPDATE SET words = excluded.words")
_INSERT_VOCAB_BUILD = text("INSERT INTO search_vocab_build (key, words) VALUES (:key, :words)")
_ADD_WORDS = text("INSERT INTO search_words (word, ndoc) SELECT w, n FROM unnest(CAST(:words AS text[]), "
                  "CAST(:counts AS int[])) AS t(w, n) ON CONFLICT (word) DO UPDATE SET ndoc = search_words.ndoc + excluded.ndoc")
# Adds sign x the lexemes of the documents with these keys (their rows as stored now).
_LEXEME_DELTA = text(
    "INSERT INTO search_lexemes (kind, lexeme, ndoc) SELECT kind, lexeme, CAST(:sign AS int) * count(*) FROM ("
    + _LEXEME_ROWS.format(table="search_documents") + " WHERE d.key = ANY(CAST(:keys AS text[]))) x "
    "GROUP BY kind, lexeme ON CONFLICT (kind, lexeme) DO UPDATE SET ndoc = search_lexemes.ndoc + excluded.ndoc")
# The stored count of each word that is one lexeme (NULL otherwise: "free-blown" is three, a stop word none).
# Never below 0: a document an older writer indexed without counting, then rewritten, is subtracted
# once too often (a rolling deploy across migration 0018), and a clause weight divides by 1 + count.
_STORED_COUNTS = text(
    "SELECT u.i, CASE WHEN cardinality(a.lexemes) = 1 OR u.t = '' THEN GREATEST(COALESCE(l.ndoc, 0), 0) END AS ndoc "
    "FROM unnest(CAST(:words AS text[])) WITH ORDINALITY AS u(t, i) "
    "CROSS JOIN LATERAL (SELECT tsvector_to_array(to_tsvector('english', u.t)) AS lexemes) a "
    "LEFT JOIN search_lexemes l ON l.kind = :kind "
    "AND l.lexeme = CASE WHEN u.t = '' THEN '' WHEN cardinality(a.lexemes) = 1 THEN a.lexemes[1] END")
_DROP_WORDS = text("DELETE FROM search_words WHERE ndoc <= 0 AND word = ANY(CAST(:words AS text[]))")


class PostgresBackend:
    """Search backend on tables in the application's PostgreSQL database."""

    # Queries run on the server: a second one in a thread overlaps with the first.
    parallel_reads = True
    name = "postgres"

    def __init__(self, engine: Engine):
        self.engine = engine

    def _reading(self):
        """A pooled connection for single-statement reads, in autocommit: no BEGIN and ROLLBACK
        round trips around each (under READ COMMITTED every statement had its own snapshot anyway)."""
        return self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")

    def create_schema(self) -> None:
        """Create the search tables (tests; deployments use migration 0002)."""
        METADATA.create_all(self.engine)

    # -- reading

    def warm(self) -> None:
        """Nothing to load: PostgreSQL keeps no per-process index state (its pool connects on first use)."""

    def search(self, query: ParsedQuery, filters: Filters, kind: str, sort: str,
               limit: int, facets: bool = True) -> RawResults:
        """Top hits, total and facet counts (see SearchBackend)."""
        where, rel, cov, params = pg_sql.condition(query, filters.for_kind(kind), kind)
        params["limit"] = limit
        with self._reading() as conn:
            if facets:
                return pg_sql.hits_and_facets(conn, where, rel, cov, params, kind, sort,
                                              pg_sql.ranked_from(query, filters.for_kind(kind), kind, sort, limit))
            hits = pg_sql.hits_only(conn, where, rel, cov, params, kind, sort) if limit else []
            return RawResults(pg_sql.count(conn, where, params), hits)

    def count(self, query: ParsedQuery, filters: Filters, kind: str) -> int:
        """Number of matching documents of `kind`: the stored count when search_lexemes keeps it (no
        filter; every document, or one plain word), else counted. Counting a broad word on the other
        tab ('set': 26,197 reviews) read every one of its rows beside the page's own statement."""
        filters = filters.for_kind(kind)
        if not filters.active:
            stored = self.stored_counts([query], kind)[0]
            if stored is not None:
                return stored
        where, _rel, _cov, params = pg_sql.condition(query, filters, kind)
        with self._reading() as conn:
            return pg_sql.count(conn, where, params)

    def snippet_texts(self, maker_ids: set[int], query: ParsedQuery, per_maker: int) -> list[tuple] | None:
        """(maker_id, title, body, reply) of the reviews each maker's snippet is picked from, the
        reviews matching most of the query's clauses first, then the oldest (pg_sql.snippet_texts_sql)."""
        sql, params = pg_sql.snippet_texts_sql(query, per_maker)
        with self._reading() as conn:
            return [tuple(r) for r in conn.execute(text(sql), {**params, "maker_ids": sorted(maker_ids)})]

    def stored_counts(self, queries: list[ParsedQuery], kind: str) -> list[int | None]:
        """Counts of the empty query and of one-lexeme words from search_lexemes, in one round trip;
        None for anything else (phrases, fields, exclusions, spelling variants, several lexemes)."""
        words = [_stored_word(q) for q in queries]
        asked = [w for w in words if w is not None]
        if not asked:
            return [None] * len(queries)
        with self._reading() as conn:
            found = dict(conn.execute(_STORED_COUNTS, {"words": asked, "kind": kind}).all())
        counts, i = [], 0
        for w in words:
            if w is not None:
                i += 1
            counts.append(found.get(i) if w is not None else None)
        return counts

    def known_words(self, words: set[str]) -> dict[str, int]:
        """Frequencies of the given words in the vocabulary table."""
        sql = text("SELECT word, ndoc FROM search_words WHERE word = ANY(CAST(:w AS text[]))")
        with self._reading() as conn:
            return {r.word: r.ndoc for r in conn.execute(sql, {"w": sorted(words)})}

    def similar_words(self, word: str, max_edits: int) -> dict[str, int]:
        """Vocabulary words within max_edits of `word` sharing its first letter, with frequencies."""
        # Levenshtein counts a swap as two edits: fetch one edit wider; spelling.distance decides.
        sql = text("SELECT word, ndoc FROM search_words WHERE left(word, 1) = left(:w, 1) "
                   "AND length(word) BETWEEN :lo AND :hi AND levenshtein_less_equal(word, :w, :m) <= :m")
        params = {"w": word, "lo": len(word) - max_edits, "hi": len(word) + max_edits, "m": max_edits + 1}
        with self._reading() as conn:
            return {r.word: r.ndoc for r in conn.execute(sql, params)}

    def fingerprints(self, keys: list[str] | None = None) -> dict[str, str]:
        """Key -> fingerprint of the given live documents (all when keys is None)."""
        sql = "SELECT key, fp FROM search_documents"
        with self._reading() as conn:
            if keys is None:
                return {k: fp for k, fp in conn.execute(text(sql))}
            return {k: fp for k, fp in conn.execute(text(sql + " WHERE key = ANY(CAST(:k AS text[]))"), {"k": keys})}

    # -- writing (caller holds writer_lock)

    @contextmanager
    def writer_lock(self, timeout: float):
        """A session-level advisory lock: one writer across every host sharing the database."""
        with self.engine.connect() as conn:
            deadline = time.monotonic() + timeout
            while not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LOCK_KEY}).scalar_one():
                conn.rollback()
                if time.monotonic() >= deadline:
                    raise LockTimeout(f"search writer advisory lock busy for {timeout}s")
                time.sleep(RETRY_SECONDS)
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
                conn.commit()

    def apply(self, upserts: list[Doc], deletes: Iterable[str]) -> None:
        """Upsert and delete documents in one transaction."""
        deletes = list(deletes)
        with self.engine.begin() as conn:
            # Words of the maker documents replaced or deleted stop counting; the new ones start.
            old = _vocabularies(conn, [d.key for d in upserts if d.kind == "maker"] + deletes)
            written = [d.key for d in upserts]
            conn.execute(_LEXEME_DELTA, {"sign": -1, "keys": written + deletes})
            for table in ("search_documents", "search_vocab"):
                conn.execute(text(f"DELETE FROM {table} WHERE key = ANY(CAST(:k AS text[]))"), {"k": deletes})
            _insert(conn, upserts, old)
            conn.execute(_LEXEME_DELTA, {"sign": 1, "keys": written})

    def rebuild(self, docs: Iterator[Doc], progress=None, expected=None) -> int:
        """Load a shadow table, index it in bulk, then swap it in with one short transaction."""
        count, words = 0, Counter()
        with self.engine.begin() as conn:
            for ddl in _BUILD_DDL:
                conn.execute(text(ddl))
            for batch in _batches(docs, 1000):
                conn.execute(_INSERT_BUILD, [_row(d) for d in batch])
                vocabularies = _vocabulary_rows(batch)
                if vocabularies:
                    conn.execute(_INSERT_VOCAB_BUILD, vocabularies)
                words.update(w for row in vocabularies for w in row["words"].split())
                count += len(batch)
                if progress:
                    progress(len(batch))
            for ddl in _BUILD_INDEXES:
                conn.execute(text(ddl))
        with self.engine.begin() as conn:
            # Readers see the old table until this commits, then the new one; no dead rows remain.
            for ddl in _SWAP:
                conn.execute(text(ddl))
            if words:  # an empty site has none (an empty parameter list is refused)
                conn.execute(WORDS.insert(), [{"word": w, "ndoc": n} for w, n in words.items()])
        return count

    def after_rebuild(self) -> None:
        """VACUUM the new documents table once the rebuild's reading snapshot has closed: only then
        are its rows visible to every transaction, so VACUUM can mark its pages all-visible (a scan
        then skips each row's visibility check) and set the rows' hint bits. Run inside the snapshot,
        it marked no page (relallvisible 0 of 9,198 at the bench corpus), and a count(*) of a broad
        word ('set', 26,197 reviews) took 35 ms there, 15 ms after a VACUUM outside it."""
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM (ANALYZE) search_documents"))


def _stored_word(query: ParsedQuery) -> str | None:
    """The word whose stored count answers `query` ('' for every document), or None."""
    if not query.clauses:
        return EVERY_DOCUMENT
    clause = query.clauses[0]
    if (len(query.clauses) > 1 or query.any_of or clause.negate or clause.field or clause.is_phrase or clause.expanded
            or len(word_forms(clause.words[0])) > 1):
        return None
    return clause.words[0]


def _vocabularies(conn, keys: list[str]) -> dict[str, set[str]]:
    rows = conn.execute(text("SELECT key, words FROM search_vocab WHERE key = ANY(CAST(:k AS text[]))"), {"k": keys})
    return {key: set(words.split()) for key, words in rows}


def _vocabulary_rows(docs: list[Doc]) -> list[dict]:
    """search_vocab rows of the maker documents among `docs` (review documents keep none)."""
    return [{"key": d.key, "words": " ".join(sorted(doc_vocabulary(d)))} for d in docs if d.kind == "maker"]


def _insert(conn, docs: list[Doc], old: dict[str, set[str]]) -> None:
    if docs:
        conn.execute(_INSERT, [_row(d) for d in docs])
    vocabularies = _vocabulary_rows(docs)
    if vocabularies:
        conn.execute(_UPSERT_VOCAB, vocabularies)
    delta: Counter = Counter()
    for words in old.values():
        delta.subtract(words)
    for row in vocabularies:
        delta.update(row["words"].split())
    changed = sorted(w for w, n in delta.items() if n)
    if changed:
        conn.execute(_ADD_WORDS, {"words": changed, "counts": [delta[w] for w in changed]})
        conn.execute(_DROP_WORDS, {"words": changed})


# PostgreSQL refuses a tsvector over 1 MB ("string is too long for tsvector"), and a refused document held back every
# index change queued after it (an audit: 180 reviews of 5,000 characters on one maker, and nothing was indexed again
# until they went; `search rebuild` failed the same way). A body longer than this, in UTF-8 bytes, is indexed from its
# start (the bio, the first reviews) and its end (the newest), cut between words. A tsvector takes up to about 1.3
# bytes a byte of text (made-up 12-letter words: 1.24; CJK words between ideographic commas: 1.26): 400,000 bytes
# take about half the limit. Past 16,383 words positions are not kept anyway, and a phrase the cut leaves out is
# still found through the review documents (pg_sql._or_in_its_reviews); a lone word only in the cut middle is found
# on the reviews tab only.
BODY_HEAD_BYTES, BODY_TAIL_BYTES = 100_000, 300_000


def indexed_body(body: str) -> str:
    """The part of a document's body PostgreSQL indexes: all of it, up to BODY_HEAD_BYTES + BODY_TAIL_BYTES."""
    data = body.encode()
    if len(data) <= BODY_HEAD_BYTES + BODY_TAIL_BYTES:
        return body
    head = data[:BODY_HEAD_BYTES].decode(errors="ignore")  # a character cut in two is dropped
    tail = data[-BODY_TAIL_BYTES:].decode(errors="ignore")
    return f"{_before_last_space(head)}\n{_after_first_space(tail)}"


def _before_last_space(text: str) -> str:
    parts = text.rsplit(None, 1)
    return parts[0] if len(parts) == 2 else text


def _after_first_space(text: str) -> str:
    parts = text.split(None, 1)
    return parts[1] if len(parts) == 2 else text


def _row(d: Doc) -> dict:
    return dict(key=d.key, kind=d.kind, entity_id=d.entity_id, maker_id=d.maker_id, craft=d.craft,
                city=d.city, country=d.country, tier=d.tier, accepts_custom=d.accepts_custom,
                verified=d.verified, score_bucket=d.score_bucket, craftsmanship=d.craftsmanship,
                consistency=d.consistency, delivery=d.delivery, stars=d.stars,
                review_count=d.review_count, created=d.created, sample_key=sample_hash(int(d.created.timestamp())),
                fp=d.fingerprint(), t_title=d.title, t_craft=d.craft_text, t_location=d.location,
                t_body=indexed_body(d.body), t_maker=d.maker_name)


def _batches(docs: Iterator[Doc], size: int) -> Iterator[list[Doc]]:
    batch: list[Doc] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
