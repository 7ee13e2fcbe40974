"""PostgreSQL full-text backend: weighted tsvector + GIN, websearch_to_tsquery, ts_rank."""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import (
    DDL,
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

from . import facets as sampling  # read at call time: the sample bounds
from .base import FACETS, LockTimeout, RawHit, RawResults, score_buckets_from
from .documents import Doc
from .facets import HASH_MULTIPLIER, HASH_RANGE
from .locks import RETRY_SECONDS
from .query import Clause, Filters, ParsedQuery, word_forms
from .spelling import doc_vocabulary
from .standing import UNSCORED_RANK

METADATA = MetaData()
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
    Column("fp", String(32), nullable=False), Column("tsv", TSVECTOR, nullable=False),
    # A maker document's spelling words, so search_words can count documents exactly on every change.
    Column("vocab", Text, nullable=False, server_default=""),
    # One GIN index per kind (migration 0012): a search names its kind, and a maker search then
    # reads only maker documents' entries. No index on kind alone: the planner took it for a word
    # matching most makers and then tested (decompressed) every maker's tsvector.
    *(Index(f"ix_search_documents_{kind}_tsv", "tsv", postgresql_using="gin",
            postgresql_where=text(f"kind = '{kind}'")) for kind in ("maker", "review")),
)
# Accent folding for the tsvector: unaccent() is only STABLE (its dictionary could change), so an
# IMMUTABLE wrapper naming the dictionary explicitly is what an index expression may use.
# fuzzystrmatch: levenshtein() for spelling suggestions. Migration 0011 runs the same statements.
EXTENSIONS_DDL = (
    "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public",  # the wrapper below names public.unaccent
    "CREATE EXTENSION IF NOT EXISTS fuzzystrmatch",
    "CREATE OR REPLACE FUNCTION craftreview_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$",
)
for _ddl in EXTENSIONS_DDL:
    event.listen(DOCUMENTS, "before_create", DDL(_ddl))
WORDS = Table("search_words", METADATA, Column("word", Text, primary_key=True),
              Column("ndoc", Integer, nullable=False))
# Field -> tsvector weight; ts_rank weights {D, C, B, A} mirror the Whoosh field boosts (1:2:3:4).
FIELD_WEIGHTS = {"title": "A", "craft": "B", "location": "C", "body": "D"}
RANK_WEIGHTS = "{0.25, 0.5, 0.75, 1.0}"
# No length normalisation: a maker document holds all its reviews' text, so dividing by its length
# sank a maker named for the query below one merely labelled with it. Unnormalised, each word counts
# about its best field's weight (more occurrences add little), like BM25F's per-field saturation.
RANK_NORMALIZATION = 0
# Sort keys; makers' scores are joined from maker_scores (s), never copied into documents.
SORT_COLUMNS = {"maker": {"score": "s.rank_score", "reviews": "d.review_count", "newest": "d.created"},
                "review": {"score": "d.stars", "reviews": "s.review_count", "newest": "d.created"}}
_FROM = "search_documents d"
_FROM_SCORES = "search_documents d LEFT JOIN maker_scores s ON s.maker_id = d.maker_id"
LOCK_KEY = 0x63726576  # pg_advisory_lock key of the single index writer
_COLUMNS = [c.name for c in DOCUMENTS.columns if c.name != "tsv"]


def _insert_sql(table: str):
    """Upsert of one document; the tsvector is computed by PostgreSQL from the four weighted fields."""
    return text(
        f"INSERT INTO {table} ({', '.join(_COLUMNS)}, tsv) VALUES "
        f"({', '.join(':' + c for c in _COLUMNS)}, "
        + " || ".join(f"setweight(to_tsvector('english', craftreview_unaccent(:t_{name})), '{weight}')"
                      for name, weight in FIELD_WEIGHTS.items()) + ")"
        " ON CONFLICT (key) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in [*_COLUMNS[1:], "tsv"]))


_INSERT = _insert_sql("search_documents")
_INSERT_BUILD = _insert_sql("search_documents_build")
# Swapped in by rebuild: built without indexes, indexed in bulk, then renamed over the live table.
_BUILD_DDL = (
    "DROP TABLE IF EXISTS search_documents_build",
    "CREATE TABLE search_documents_build (LIKE search_documents INCLUDING DEFAULTS INCLUDING CONSTRAINTS)",
    "ALTER TABLE search_documents_build ADD CONSTRAINT search_documents_build_pkey PRIMARY KEY (key)",
)
# Rows are rewritten in kind order first (CLUSTER, on an index dropped after): the documents a
# search reads (one kind) then share pages, instead of each maker's sitting among its reviews'.
_BUILD_INDEXES = (
    "CREATE INDEX ix_search_documents_build_kind ON search_documents_build (kind)",
    "CLUSTER search_documents_build USING ix_search_documents_build_kind",
    "DROP INDEX ix_search_documents_build_kind",
    *(f"CREATE INDEX ix_search_documents_build_{kind}_tsv ON search_documents_build USING gin (tsv) "
      f"WHERE kind = '{kind}'" for kind in ("maker", "review")),
)
_SWAP = (
    "DROP TABLE search_documents",
    "ALTER TABLE search_documents_build RENAME TO search_documents",
    "ALTER INDEX search_documents_build_pkey RENAME TO search_documents_pkey",
    *(f"ALTER INDEX ix_search_documents_build_{kind}_tsv RENAME TO ix_search_documents_{kind}_tsv"
      for kind in ("maker", "review")),
    "DELETE FROM search_words",
)
_ADD_WORDS = text("INSERT INTO search_words (word, ndoc) SELECT w, n FROM unnest(CAST(:words AS text[]), "
                  "CAST(:counts AS int[])) AS t(w, n) ON CONFLICT (word) DO UPDATE SET ndoc = search_words.ndoc + excluded.ndoc")
_DROP_WORDS = text("DELETE FROM search_words WHERE ndoc <= 0 AND word = ANY(CAST(:words AS text[]))")


class PostgresBackend:
    """Search backend on tables in the application's PostgreSQL database."""

    # Queries run on the server: a second one in a thread overlaps with the first.
    parallel_reads = True
    name = "postgres"

    def __init__(self, engine: Engine):
        self.engine = engine

    def create_schema(self) -> None:
        """Create the search tables (tests; deployments use migration 0002)."""
        METADATA.create_all(self.engine)

    # -- reading

    def search(self, query: ParsedQuery, filters: Filters, kind: str, sort: str,
               limit: int, facets: bool = True) -> RawResults:
        """Top hits, total and facet counts (see SearchBackend)."""
        where, rel, cov, params = _where(query, filters.for_kind(kind), kind)
        params["limit"] = limit
        with self.engine.connect() as conn:
            if facets:
                return _hits_and_facets(conn, where, rel, cov, params, kind, sort)
            hits = _hits_only(conn, where, rel, cov, params, kind, sort) if limit else []
            return RawResults(_count(conn, where, params), hits)

    def count(self, query: ParsedQuery, filters: Filters, kind: str) -> int:
        """Number of matching documents of `kind`."""
        where, _rel, _cov, params = _where(query, filters.for_kind(kind), kind)
        with self.engine.connect() as conn:
            return _count(conn, where, params)

    def known_words(self, words: set[str]) -> dict[str, int]:
        """Frequencies of the given words in the vocabulary table."""
        sql = text("SELECT word, ndoc FROM search_words WHERE word = ANY(CAST(:w AS text[]))")
        with self.engine.connect() as conn:
            return {r.word: r.ndoc for r in conn.execute(sql, {"w": sorted(words)})}

    def similar_words(self, word: str, max_edits: int) -> dict[str, int]:
        """Vocabulary words within max_edits of `word` sharing its first letter, with frequencies."""
        # Levenshtein counts a swap as two edits: fetch one edit wider; spelling.distance decides.
        sql = text("SELECT word, ndoc FROM search_words WHERE left(word, 1) = left(:w, 1) "
                   "AND length(word) BETWEEN :lo AND :hi AND levenshtein_less_equal(word, :w, :m) <= :m")
        params = {"w": word, "lo": len(word) - max_edits, "hi": len(word) + max_edits, "m": max_edits + 1}
        with self.engine.connect() as conn:
            return {r.word: r.ndoc for r in conn.execute(sql, params)}

    def fingerprints(self, keys: list[str] | None = None) -> dict[str, str]:
        """Key -> fingerprint of the given live documents (all when keys is None)."""
        sql = "SELECT key, fp FROM search_documents"
        with self.engine.connect() as conn:
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
            conn.execute(text("DELETE FROM search_documents WHERE key = ANY(CAST(:k AS text[]))"), {"k": deletes})
            _insert(conn, upserts, old)

    def rebuild(self, docs: Iterator[Doc], progress=None, expected=None) -> int:
        """Load a shadow table, index it in bulk, then swap it in with one short transaction."""
        count, words = 0, Counter()
        with self.engine.begin() as conn:
            for ddl in _BUILD_DDL:
                conn.execute(text(ddl))
            for batch in _batches(docs, 1000):
                conn.execute(_INSERT_BUILD, [_row(d) for d in batch])
                words.update(w for d in batch for w in doc_vocabulary(d))
                count += len(batch)
                if progress:
                    progress(len(batch))
            for ddl in _BUILD_INDEXES:
                conn.execute(text(ddl))
        with self.engine.begin() as conn:
            # Readers see the old table until this commits, then the new one; no dead rows remain.
            for ddl in _SWAP:
                conn.execute(text(ddl))
            conn.execute(WORDS.insert(), [{"word": w, "ndoc": n} for w, n in words.items()])
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE search_documents"))
        return count


FACET_SQL = {"craft": "d.craft", "city": "d.city", "country": "d.country", "tier": "d.tier",
             "accepts_custom": "CASE WHEN d.accepts_custom THEN '1' ELSE '0' END",
             "verified": "CASE WHEN d.verified THEN '1' ELSE '0' END", "score_bucket": "d.score_bucket",
             "craftsmanship": "d.craftsmanship::text", "consistency": "d.consistency::text",
             "delivery": "d.delivery::text"}
# The kind is written into the SQL (from this fixed table, never from input): a prepared statement's
# generic plan could not know a parameter's value, and so could not use the kind's partial index.
KIND_CONDITION = {"maker": "d.kind = 'maker'", "review": "d.kind = 'review'"}
# Relaxed queries rank by coverage first: the summed weights of the clauses a document matches.
COVERAGE_NONE = "0.0::float8"


def _where(query: ParsedQuery, filters: Filters, kind: str) -> tuple[str, str, str, dict]:
    """SQL condition, relevance and coverage expressions, parameters; user words only travel as parameters."""
    params: dict = {}
    exprs = [(c, _clause_tsquery(c, f"c{i}", params)) for i, c in enumerate(query.clauses)]
    tsq = _tsquery(query, exprs)
    conditions = [KIND_CONDITION[kind], *_filter_conditions(filters, kind, params)]
    if tsq is None:
        return " AND ".join(conditions), "0.0", COVERAGE_NONE, params
    conditions.append(f"d.tsv @@ ({tsq})")
    return " AND ".join(conditions), _relevance(exprs), _coverage(query, exprs), params


def _relevance(exprs: list[tuple[Clause, str]]) -> str:
    """ts_rank of the positive clauses ORed, whatever the match: ts_rank of an AND query rewards
    the words' proximity, which favoured a passing mention of both words in one review over a
    maker named for one and describing the other (BM25F, on Whoosh, weighs each word by field)."""
    positives = [e for c, e in exprs if not c.negate]
    if not positives:
        return "0.0"
    return f"ts_rank('{RANK_WEIGHTS}', d.tsv, ({' || '.join(positives)}), {RANK_NORMALIZATION})"


def _tsquery(query: ParsedQuery, exprs: list[tuple[Clause, str]]) -> str | None:
    positives = [e for c, e in exprs if not c.negate]
    negatives = [e for c, e in exprs if c.negate]
    if query.any_of:  # common words only add coverage; the rarer ones pick the candidates
        positives = [e for e, seed in zip(positives, query.seeded(), strict=True) if seed]
    expr = f"({(' || ' if query.any_of else ' && ').join(positives)})" if positives else None
    if negatives:
        excluded = f"!!({' || '.join(negatives)})"
        expr = f"{expr} && {excluded}" if expr else excluded
    return expr


def _coverage(query: ParsedQuery, exprs: list[tuple[Clause, str]]) -> str:
    if not query.any_of:
        return COVERAGE_NONE
    positives = [e for c, e in exprs if not c.negate]
    terms = [f"CASE WHEN d.tsv @@ ({e}) THEN {int(w)} ELSE 0 END" for e, w in zip(positives, query.weights, strict=True)]
    return f"({' + '.join(terms)})::float8"


def _clause_tsquery(clause: Clause, name: str, params: dict) -> str:
    forms = word_forms(clause.words[0])
    if clause.field is None:
        # websearch syntax for a word or a quoted phrase; words are letters/digits only.
        phrase = f'"{" ".join(clause.words)}"'
        params[name] = phrase if clause.is_phrase else " or ".join(forms)
        return f"websearch_to_tsquery('english', :{name})"
    weight = FIELD_WEIGHTS[clause.field]
    if clause.is_phrase:
        params[name] = " <-> ".join(f"{w}:{weight}" for w in clause.words)
    else:
        params[name] = " | ".join(f"{w}:{weight}" for w in forms)
    return f"to_tsquery('english', :{name})"


_JOINED_FILTER = "d.maker_id IN (SELECT maker_id FROM maker_scores WHERE {})"


def _filter_conditions(filters: Filters, kind: str, params: dict) -> list[str]:
    conditions = []
    if filters.craft:
        params["craft"] = filters.craft
        conditions.append("d.craft = :craft")
    if filters.location:
        params["location"] = filters.location
        conditions.append("(d.city = :location OR d.country = :location)")
    conditions += _score_conditions(filters, kind, params)
    conditions += [f"d.{f}" for f, on in (("accepts_custom", filters.accepts_custom),
                                         ("verified", filters.verified)) if on]
    for dim, lo, hi in filters.stars:
        params[f"{dim}_lo"], params[f"{dim}_hi"] = lo, hi
        conditions.append(f"d.{dim} BETWEEN :{dim}_lo AND :{dim}_hi")
    return conditions


def _score_conditions(filters: Filters, kind: str, params: dict) -> list[str]:
    """Tier and minimum score: maker documents hold them; reviews join their maker's score row."""
    if filters.tier:
        params["tier"] = filters.tier
    if filters.min_score is not None:
        params["buckets"] = score_buckets_from(filters.min_score)
    if kind == "maker":
        return ([f for f, on in (("d.tier = :tier", filters.tier),
                                 ("d.score_bucket = ANY(CAST(:buckets AS text[]))", "buckets" in params)) if on])
    parts = [f for f, on in (("tier = :tier", filters.tier),
                             ("overall >= :min_score", filters.min_score is not None)) if on]
    if filters.min_score is not None:
        params["min_score"] = filters.min_score
    return [_JOINED_FILTER.format(" AND ".join(parts))] if parts else []


def _sort(kind: str, sort: str) -> tuple[str | None, str]:
    """The sort key column (None: by relevance) and the FROM clause it needs."""
    column = SORT_COLUMNS[kind].get(sort)
    joined = column is not None and column.startswith("s.")
    return (f"COALESCE({column}, {UNSCORED_RANK})" if joined else column), (_FROM_SCORES if joined else _FROM)


def _order(column: str | None) -> str:
    return "sortkey DESC NULLS LAST, entity_id" if column else "cov DESC, rel DESC, entity_id"


def _select_hits(where: str, rel: str, cov: str, kind: str, sort: str, extra: str = "") -> str:
    column, source = _sort(kind, sort)
    return (f"SELECT d.entity_id, d.maker_id, ({rel})::float8 AS rel, {cov} AS cov, "
            f"{column or 'NULL::float8'} AS sortkey{extra} FROM {source} WHERE {where}")


def _count(conn, where: str, params: dict) -> int:
    return conn.execute(text(f"SELECT count(*) FROM {_FROM} WHERE {where}"), params).scalar_one()


def _hits_only(conn, where: str, rel: str, cov: str, params: dict, kind: str, sort: str) -> list[RawHit]:
    column, _source = _sort(kind, sort)
    sql = f"SELECT * FROM ({_select_hits(where, rel, cov, kind, sort)}) h ORDER BY {_order(column)} LIMIT :limit"
    return [RawHit(kind, r.entity_id, r.maker_id, float(r.rel), float(r.cov)) for r in conn.execute(text(sql), params)]


def _hits_and_facets(conn, where: str, rel: str, cov: str, params: dict, kind: str, sort: str) -> RawResults:
    """Top hits, the total and every facet's counts from one index scan: the matches are
    materialised once, then read three times (the top hits; their count; one GROUPING SETS pass
    for all facet counts, over the sample of makers facets.sample_threshold picks)."""
    names = FACETS[kind]
    column, _source = _sort(kind, sort)
    order = _order(column)
    cte = _select_hits(where, rel, cov, kind, sort, "".join(f", {FACET_SQL[n]} AS {n}" for n in names))
    # Numbered after the LIMIT: a window ordered over every match sorted all of them (26,000 rows
    # for "set" on reviews) where ORDER BY ... LIMIT keeps only the top ones (a top-N heap sort).
    top = (f"(SELECT 'hit', NULL::text, row_number() OVER (), entity_id, maker_id, rel, cov "
           f"FROM (SELECT * FROM hits ORDER BY {order} LIMIT :limit) top)")
    matched = f"SELECT '{MATCHED}', NULL::text, total, NULL::int, NULL::int, NULL::float8, NULL::float8 FROM matched"
    sql = (f"WITH hits AS MATERIALIZED ({cte}), matched AS (SELECT count(*) AS total FROM hits), "
           f"sample AS ({SAMPLE_SQL}) {top} UNION ALL {_facet_groups(names)} UNION ALL {matched}")
    params = {**params, "sample_above": sampling.SAMPLE_ABOVE, "sample_size": sampling.SAMPLE_SIZE}
    hits, counts, total, sampled = [], {n: {} for n in names}, 0, 0
    for facet, value, n, entity_id, maker_id, relevance, coverage in conn.execute(text(sql), params):
        if facet == "hit":
            hits.append((n, RawHit(kind, entity_id, maker_id, float(relevance), float(coverage))))
        elif facet == MATCHED:
            total = n
        elif facet == TOTAL:
            sampled = n
        elif value not in (None, ""):
            counts[facet][value] = n
    ranked = [hit for _n, hit in sorted(hits, key=lambda pair: pair[0])]
    return RawResults(total, ranked, counts, sampled if sampled < total else None)


# The matches whose maker's hash (facets.maker_hash) is below facets.sample_threshold(total): the
# same integers as the Python there (bigint arithmetic, integer division).
SAMPLE_SQL = (f"SELECT hits.* FROM hits, matched WHERE hits.maker_id::bigint * {HASH_MULTIPLIER} % {HASH_RANGE} < "
              f"CASE WHEN matched.total <= CAST(:sample_above AS bigint) THEN {HASH_RANGE} "
              f"ELSE {HASH_RANGE} * CAST(:sample_size AS bigint) / matched.total END")
MATCHED = "*"  # the facet name of the row holding every match's count
TOTAL = ""  # the facet name of the grouping set () : every document of the sample


def _facet_groups(names: tuple[str, ...]) -> str:
    """Rows (facet, value, count, NULL x 4) for the total and each facet's values, in one pass over
    `hits`: GROUPING() tells which set a row belongs to (a 0 bit marks the column grouped by)."""
    every = (1 << len(names)) - 1
    grouping = f"GROUPING({', '.join(names)})"
    cases = [(every ^ (1 << (len(names) - 1 - i)), n) for i, n in enumerate(names)]
    facet = f"CASE {grouping} " + " ".join(f"WHEN {m} THEN '{n}'" for m, n in cases) + f" ELSE '{TOTAL}' END"
    value = f"CASE {grouping} " + " ".join(f"WHEN {m} THEN {n}::text" for m, n in cases) + " END"
    sets = ", ".join(["()", *(f"({n})" for n in names)])
    return (f"SELECT {facet}, {value}, count(*), NULL::int, NULL::int, NULL::float8, NULL::float8 "
            f"FROM sample GROUP BY GROUPING SETS ({sets})")


def _vocabularies(conn, keys: list[str]) -> dict[str, set[str]]:
    rows = conn.execute(text("SELECT key, vocab FROM search_documents WHERE kind = 'maker' "
                             "AND key = ANY(CAST(:k AS text[]))"), {"k": keys})
    return {key: set(vocab.split()) for key, vocab in rows}


def _insert(conn, docs: list[Doc], old: dict[str, set[str]]) -> None:
    if docs:
        conn.execute(_INSERT, [_row(d) for d in docs])
    delta: Counter = Counter()
    for words in old.values():
        delta.subtract(words)
    for d in docs:
        delta.update(doc_vocabulary(d))
    changed = sorted(w for w, n in delta.items() if n)
    if changed:
        conn.execute(_ADD_WORDS, {"words": changed, "counts": [delta[w] for w in changed]})
        conn.execute(_DROP_WORDS, {"words": changed})


def _row(d: Doc) -> dict:
    return dict(key=d.key, kind=d.kind, entity_id=d.entity_id, maker_id=d.maker_id, craft=d.craft,
                city=d.city, country=d.country, tier=d.tier, accepts_custom=d.accepts_custom,
                verified=d.verified, score_bucket=d.score_bucket, craftsmanship=d.craftsmanship,
                consistency=d.consistency, delivery=d.delivery, stars=d.stars,
                review_count=d.review_count, created=d.created, fp=d.fingerprint(),
                vocab=" ".join(sorted(doc_vocabulary(d))), t_title=d.title, t_craft=d.craft_text, t_location=d.location, t_body=d.body)


def _batches(docs: Iterator[Doc], size: int) -> Iterator[list[Doc]]:
    batch: list[Doc] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
