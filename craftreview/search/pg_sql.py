"""PostgreSQL search SQL: a parsed query and filters as a condition, relevance and coverage
expressions; the top hits, their count and the facet counts in one statement."""
from __future__ import annotations

from sqlalchemy import text

from . import facets as sampling  # read at call time: the sample bounds
from .base import FACETS, RawHit, RawResults, score_buckets_from
from .facets import HASH_RANGE
from .query import MIN_WORD_CHARS, Clause, Filters, ParsedQuery, phrase_forms, related_forms, word_forms
from .standing import UNSCORED_RANK, standing_from
from .stopwords import STOP_WORDS
from .variants import RELATED_WEIGHT

# Field -> tsvector weight; ts_rank weights {D, C, B, A} mirror the Whoosh field boosts (1:2:3:4).
FIELD_WEIGHTS = {"title": "A", "craft": "B", "location": "C", "body": "D"}
RANK_WEIGHTS = "{0.25, 0.5, 0.75, 1.0}"
# A review document's maker's name (its own tsvector, maker_tsv) ranks at a quarter of the body's
# weight, as on Whoosh: a review that says the words comes before one that only belongs to the maker.
MAKER_NAME_WEIGHTS = "{0.0625, 0.0625, 0.0625, 0.0625}"
# No length normalisation: a maker document holds all its reviews' text, so dividing by its length
# sank a maker named for the query below one merely labelled with it. Unnormalised, each word counts
# about its best field's weight (more occurrences add little), like BM25F's per-field saturation.
RANK_NORMALIZATION = 0
# Sort keys; makers' scores are joined from maker_scores (s), never copied into documents.
SORT_COLUMNS = {"maker": {"score": "s.rank_score", "reviews": "d.review_count", "newest": "d.created"},
                "review": {"score": "d.stars", "reviews": "s.review_count", "newest": "d.created"}}
_FROM = "search_documents d"
_FROM_SCORES = "search_documents d LEFT JOIN maker_scores s ON s.maker_id = d.maker_id"
# A facet's value as text, from its raw column in `hits`: converted only in the grouping pass, which
# reads the sample (about 2,000 rows), not in the materialised matches (26,000 rows for "set" on
# reviews, where the per-row conversions were about 5% of the statement).
FACET_TEXT = {"accepts_custom": "CASE WHEN accepts_custom THEN '1' ELSE '0' END",
              "verified": "CASE WHEN verified THEN '1' ELSE '0' END"}
# The kind is written into the SQL (from this fixed table, never from input): a prepared statement's
# generic plan could not know a parameter's value, and so could not use the kind's partial index.
KIND_CONDITION = {"maker": "d.kind = 'maker'", "review": "d.kind = 'review'"}
# Relaxed queries rank by coverage first: the summed weights of the clauses a document matches.
COVERAGE_NONE = "0.0::float8"
# How clauses combine: as one tsquery against the document's text (maker documents), or as SQL
# conditions, one per clause (review documents: a clause may match the text or the maker's name).
TSQUERY_OPS = {"and": " && ", "or": " || ", "not": "!!"}
SQL_OPS = {"and": " AND ", "or": " OR ", "not": "NOT "}


def condition(query: ParsedQuery, filters: Filters, kind: str) -> tuple[str, str, str, dict]:
    """SQL condition, relevance and coverage expressions, parameters; user words only travel as parameters."""
    if query.positives and all(_only_stop_words(c) for c in query.positives):
        # Every word to look for is one the index leaves out ("out -glass"): nothing can match, as on
        # Whoosh. PostgreSQL would drop the empty tsquery and return every document without "glass".
        return "FALSE", "0.0", COVERAGE_NONE, {}
    params: dict = {}
    exprs = [(c, _clause_tsquery(c, f"c{i}", params)) for i, c in enumerate(query.clauses)]
    # A word with related names (query.related_forms) is ranked by its own forms too, so that they count more.
    own = [(c, _clause_tsquery(c, f"o{i}", params, own_forms=True) if _has_related(c) else e)
           for i, (c, e) in enumerate(exprs)]
    matched = _text_match(query, exprs, kind)
    conditions = [KIND_CONDITION[kind], *_filter_conditions(filters, kind, params)]
    if matched is None:
        return " AND ".join(conditions), "0.0", COVERAGE_NONE, params
    conditions.append(matched)
    return " AND ".join(conditions), _relevance(exprs, kind, own), _coverage(query, exprs, kind, own), params


def _only_stop_words(clause: Clause) -> bool:
    """Whether every word of the clause is one the index leaves out."""
    return set(clause.words) <= STOP_WORDS


def _has_related(clause: Clause) -> bool:
    return not clause.negate and (clause.expanded or (not clause.is_phrase and bool(related_forms(clause.words[0]))))


def _relevance(exprs: list[tuple[Clause, str]], kind: str, own: list[tuple[Clause, str]] | None = None) -> str:
    """ts_rank of the positive clauses ORed, whatever the match: ts_rank of an AND query rewards
    the words' proximity, which favoured a passing mention of both words in one review over a
    maker named for one and describing the other (BM25F, on Whoosh, weighs each word by field).
    A review document's maker's name adds its own, lighter rank (clauses without a field only).
    When a word has related names (query.related_forms), the rank of the words' own forms comes first and that of
    every form is added at variants.RELATED_WEIGHT: a text saying "bag" ranks below one saying the "handbag" typed."""
    positives = [e for c, e in exprs if not c.negate]
    if not positives:
        return "0.0"
    rank = f"ts_rank('{RANK_WEIGHTS}', d.tsv, ({' || '.join(positives)}), {RANK_NORMALIZATION})"
    owned = [e for c, e in (own or []) if not c.negate]
    if owned != positives and owned:
        rank = (f"(ts_rank('{RANK_WEIGHTS}', d.tsv, ({' || '.join(owned)}), {RANK_NORMALIZATION})"
                f" + {RELATED_WEIGHT} * {rank})")
    named = [e for c, e in exprs if not c.negate and _reaches_maker_name(c, kind)]
    if named:
        rank += f" + ts_rank('{MAKER_NAME_WEIGHTS}', d.maker_tsv, ({' || '.join(named)}), {RANK_NORMALIZATION})"
    return rank


def _reaches_maker_name(clause: Clause, kind: str) -> bool:
    """Whether the clause may match a review document's maker's name (a field prefix keeps to its field)."""
    return kind == "review" and clause.field is None


def _clause_match(clause: Clause, expr: str, kind: str) -> str | None:
    """SQL condition: the document matches one clause (tsquery `expr`); None for a clause of stop
    words only, whose empty tsquery matches nothing alone and is left out of a tsquery it is part of."""
    if _only_stop_words(clause):
        return None
    if _reaches_maker_name(clause, kind):
        return f"(d.tsv @@ ({expr}) OR d.maker_tsv @@ ({expr}))"
    return f"d.tsv @@ ({expr})"


def _text_match(query: ParsedQuery, exprs: list[tuple[Clause, str]], kind: str) -> str | None:
    """SQL condition: the document matches the query's clauses (None: the query has none). Maker
    documents test one tsquery of them all (one GIN scan); review documents test each clause
    against their text or their maker's name (their indexes' bitmaps combined)."""
    if kind == "maker":
        tsq = _combine(query, exprs, TSQUERY_OPS)
        return None if tsq is None else _or_in_its_reviews(query, exprs, f"d.tsv @@ ({tsq})")
    return _combine(query, [(c, _clause_match(c, e, kind)) for c, e in exprs], SQL_OPS)


def _or_in_its_reviews(query: ParsedQuery, exprs: list[tuple[Clause, str]], matched: str) -> str:
    """A phrase query's maker match, widened to the makers of the review documents that hold the phrase.

    A maker document holds all its reviews' text in one tsvector, and PostgreSQL keeps word positions only up to
    16,383 and at most 256 of each word: in a long maker's later reviews, or beside its commonest words, a phrase has
    no positions left to match, where Whoosh (and each review's own tsvector) finds it. Only clauses without a field
    are widened so (a review document's title field is the review's, not the maker's name); the words the query
    excludes are still read from the maker's document."""
    positives = [(c, e) for c, e in exprs if not c.negate]
    if not any(c.is_phrase for c, _ in positives) or any(c.field for c, _ in positives):
        return matched
    wanted = _combine(query, positives, TSQUERY_OPS)
    widened = f"d.maker_id IN (SELECT r.maker_id FROM search_documents r WHERE r.kind = 'review' AND r.tsv @@ ({wanted}))"
    negatives = [e for c, e in exprs if c.negate]
    if negatives:
        widened += f" AND d.tsv @@ ({TSQUERY_OPS['not']}({TSQUERY_OPS['or'].join(negatives)}))"
    return f"({matched} OR ({widened}))"


def _combine(query: ParsedQuery, parts: list[tuple[Clause, str | None]], ops: dict[str, str]) -> str | None:
    """The clauses' parts joined with `ops` (TSQUERY_OPS or SQL_OPS): every positive one (any of the
    seeds, when relaxed) and none of the negative ones. Parts that are None (SQL_OPS only: clauses of
    stop words) are left out, as an empty tsquery is from a tsquery; if every one is, nothing matches."""
    positives = [p for c, p in parts if not c.negate]
    negatives = [p for c, p in parts if c.negate and p is not None]
    seeds = query.seeded() if query.any_of else (True,) * len(positives)
    # Common words only add coverage to a relaxed query; the rarer ones pick the candidates.
    chosen = [p for p, seed in zip(positives, seeds, strict=True) if seed]
    kept = [p for p in chosen if p is not None]
    expr = f"({(ops['or'] if query.any_of else ops['and']).join(kept)})" if kept else ("FALSE" if chosen else None)
    if negatives:
        excluded = f"{ops['not']}({ops['or'].join(negatives)})"
        expr = f"{expr}{ops['and']}{excluded}" if expr else excluded
    return expr


def _coverage(query: ParsedQuery, exprs: list[tuple[Clause, str]], kind: str,
              own: list[tuple[Clause, str]] | None = None) -> str:
    """The summed weights of the clauses a document matches by the words as typed (and their own forms), as on
    Whoosh; the weights of those with related words (query.related_forms) again when it holds every clause. A strict
    query's (not any_of): how many clauses with related words it holds by their own forms (0 without such clauses)."""
    if not query.any_of:
        # Every match holds each clause, by its own forms or a related word: those holding more by their own forms
        # come first, as on Whoosh.
        held = [f"CASE WHEN {_clause_match(c, o, kind)} THEN 1 ELSE 0 END" for (c, e), (_c, o) in
                zip(exprs, own or exprs, strict=True) if not c.negate and o != e and _clause_match(c, o, kind)]
        return f"({' + '.join(held)})::float8" if held else COVERAGE_NONE
    pairs = [(c, e, o) for (c, e), (_c, o) in zip(exprs, own or exprs, strict=True) if not c.negate]
    positives = [(_clause_match(c, e, kind), _clause_match(c, o, kind), w)
                 for (c, e, o), w in zip(pairs, query.weights, strict=True)]
    terms = [f"CASE WHEN {o} THEN {int(w)} ELSE 0 END" for m, o, w in positives if m is not None]
    related = sum(int(w) for m, o, w in positives if m is not None and o != m)
    if related:
        held = " AND ".join(m for m, _o, _w in positives if m is not None)
        terms.append(f"CASE WHEN {held} THEN {related} ELSE 0 END")
    return f"({' + '.join(terms) or '0'})::float8"


def _expanded_websearch(clause: Clause, typed: str, own_forms: bool) -> list[str]:
    """The clause's words (websearch syntax `typed`) with its other names and a negated predicate's meaning, as on
    Whoosh: `own_forms` leaves out the other names, and for a negated predicate (query.Clause.meant) the words typed,
    which then rank at RELATED_WEIGHT only (_relevance adds the rank of every form at that weight)."""
    def websearch(words: tuple[str, ...]) -> str:
        if len(words) > 1:
            return " or ".join(f'"{" ".join(p)}"' for p in phrase_forms(words))
        return " or ".join(f for f in word_forms(words[0]) if f not in related_forms(words[0]))
    named = () if own_forms else clause.related_names
    return [*([] if clause.meant and own_forms else [typed]), *(websearch(p) for p in (*clause.meant, *named))]


# Whoosh indexes no one-letter word and PostgreSQL every one: in a phrase such a word stands for
# any word, as a stop word does on both ('"stoneware i'm"' found no maker here and 1,314 on Whoosh).
ANY_WORD = "a"


def _clause_tsquery(clause: Clause, name: str, params: dict, own_forms: bool = False) -> str:
    forms = word_forms(clause.words[0])
    if own_forms:
        forms = tuple(f for f in forms if f not in related_forms(clause.words[0]))
    phrases = [[w if len(w) >= MIN_WORD_CHARS else ANY_WORD for w in p]
               for p in (phrase_forms(clause.words) if clause.is_phrase else ())]
    if clause.field is None:
        # websearch syntax for a word or quoted phrases; words are letters/digits only.
        params[name] = " or ".join(f'"{" ".join(p)}"' for p in phrases) if phrases else " or ".join(forms)
        if clause.expanded:
            params[name] = " or ".join(_expanded_websearch(clause, params[name], own_forms))
        return f"websearch_to_tsquery('english', :{name})"
    weight = FIELD_WEIGHTS[clause.field]
    if clause.is_phrase:
        params[name] = " | ".join("(" + " <-> ".join(f"{w}:{weight}" for w in p) + ")" for p in phrases)
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
    if column:
        # Sorted by a column, relevance orders nothing (the service blends it only when ranking by
        # relevance): ts_rank over every match was about half the cost of scanning a broad word's matches.
        rel, cov = "0.0", COVERAGE_NONE
    return (f"SELECT d.entity_id, d.maker_id, ({rel})::float8 AS rel, {cov} AS cov, "
            f"{column or 'NULL::float8'} AS sortkey{extra} FROM {source} WHERE {where}")


def full_coverage(query: ParsedQuery, kind: str, sort: str) -> float | None:
    """The most coverage a match of a strict query ranked by relevance can have: every clause with related names
    (query.related_forms) held by its own forms (_coverage). None when there is no such clause, the query is relaxed
    (its coverages are weights: which are reached depends on the data) or sorted by a column."""
    if query.any_of or _sort(kind, sort)[0] is not None:
        return None
    held = sum(1 for c in query.clauses if not c.negate and _has_related(c) and not _only_stop_words(c))
    return float(held) if held else None


# A relaxed query's matches are ranked in the scan only when their coverage is at least the one which, were clauses
# independent, this many times :limit candidates reach (likely_floor). Words of one craft come together, so more
# matches cover much of the query than independence expects and the estimate is mostly below the :limit-th best
# coverage: over 48 bench queries (bench/search/RESULTS.md, s684) 1.0 ranked 76,000 of 241,000 matches and re-read
# 269 rows, 2.0 ranked 86,000, 0.5 ranked 66,000 and re-read 376.
FLOOR_MARGIN = 1.0
NEGLIGIBLE = 0.01  # expected documents below which likely_floor forgets a combination of clauses


def ranked_from(query: ParsedQuery, filters: Filters, kind: str, sort: str, limit: int) -> float | None:
    """The coverage from which hits_and_facets ranks matches in the scan (the others only when they can make the
    top hits): full_coverage for a strict query, likely_floor for a relaxed one; None: every match is ranked."""
    return likely_floor(query, filters, kind, sort, limit) if query.any_of else full_coverage(query, kind, sort)


def likely_floor(query: ParsedQuery, filters: Filters, kind: str, sort: str, limit: int) -> float | None:
    """An estimate of the :limit-th best coverage of a relaxed query ranked by relevance (_coverage), from the
    clauses' document counts (query.counts, as if clauses occurred independently): the highest coverage at least
    FLOOR_MARGIN x limit candidates are expected to reach. None when it would leave no candidate unranked, or it is
    not known (no counts, sorted by a column, filtered: a filter keeps an unknown share of each coverage). The hits
    are exact whatever it is: _best_hits ranks from their rows the matches below it that can make the top hits."""
    positives = query.positives
    if (not query.any_of or len(query.counts) != len(positives) or query.documents <= 0 or filters.active
            or _sort(kind, sort)[0] is not None):
        return None
    # (coverage, whether a clause picking candidates is held) -> expected share of the documents
    shares: dict[tuple[int, bool], float] = {(0, False): 1.0}
    for clause, weight, n, seed in zip(positives, query.weights, query.counts, query.seeded(), strict=True):
        if _only_stop_words(clause):
            continue
        p = min(1.0, n / query.documents)
        grown: dict[tuple[int, bool], float] = {}
        for (cov, picked), share in shares.items():
            for key, part in (((cov, picked), share * (1.0 - p)), ((cov + int(weight), picked or seed), share * p)):
                if part * query.documents >= NEGLIGIBLE:  # a long query's thousands of coverages stay a few
                    grown[key] = grown.get(key, 0.0) + part
        shares = grown
    candidates: dict[int, float] = {}  # coverage -> expected share of the documents, of the candidates only
    for (cov, picked), share in shares.items():
        if picked:
            candidates[cov] = candidates.get(cov, 0.0) + share
    levels = sorted(candidates, reverse=True)
    reaching = 0.0
    for cov in levels:
        reaching += query.documents * candidates[cov]
        if reaching >= FLOOR_MARGIN * limit:
            return float(cov) if cov != levels[-1] else None
    return None


def _hits_ranked_when_full(where: str, rel: str, cov: str, full: float, extra: str) -> str:
    """The matches (as _select_hits) with a relevance only for those covering at least `full` (ranked_from), and every
    match's row address.
    A related name widens a clause by every document saying only the related name ('bracelet' finds every review
    saying "jewelry"): ranking each of them was most of such a page's statement, and when the page's top hits all
    hold the words typed none of them is needed (_best_hits)."""
    return (f"SELECT d.entity_id, d.maker_id, CASE WHEN c.cov >= {full} THEN ({rel})::float8 END AS rel, c.cov, "
            f"NULL::float8 AS sortkey{extra}, d.ctid AS tid FROM {_FROM} "
            f"CROSS JOIN LATERAL (SELECT {cov} AS cov OFFSET 0) c WHERE {where}")


# The coverage of the :limit-th best match (-Infinity when there are fewer): a match covering less is behind at
# least :limit others whatever its relevance.
COVERAGE_FLOOR = ("floor AS (SELECT COALESCE((SELECT c.cov FROM hits c ORDER BY c.cov DESC "
                  "OFFSET CAST(:limit AS bigint) - 1 LIMIT 1), '-Infinity'::float8) AS cov)")


def _best_hits(rel: str) -> str:
    """The top :limit of _hits_ranked_when_full's matches: those covering at least COVERAGE_FLOOR, the ones left
    unranked ranked now from their row, read again by its address. Order, relevances and coverages are those of
    ranking every match (_order)."""
    return ("SELECT h.entity_id, h.maker_id, h.rel, h.cov FROM hits h, floor f WHERE h.rel IS NOT NULL "
            "AND h.cov >= f.cov UNION ALL "
            f"SELECT d.entity_id, d.maker_id, ({rel})::float8, h.cov FROM hits h JOIN floor f ON h.cov >= f.cov "
            f"JOIN {_FROM} ON d.ctid = h.tid WHERE h.rel IS NULL ORDER BY {_order(None)} LIMIT :limit")


def count(conn, where: str, params: dict) -> int:
    return conn.execute(text(f"SELECT count(*) FROM {_FROM} WHERE {where}"), params).scalar_one()


def hits_only(conn, where: str, rel: str, cov: str, params: dict, kind: str, sort: str) -> list[RawHit]:
    column, _source = _sort(kind, sort)
    sql = f"SELECT * FROM ({_select_hits(where, rel, cov, kind, sort)}) h ORDER BY {_order(column)} LIMIT :limit"
    return [RawHit(kind, r.entity_id, r.maker_id, float(r.rel), float(r.cov)) for r in conn.execute(text(sql), params)]


def hits_and_facets(conn, where: str, rel: str, cov: str, params: dict, kind: str, sort: str,
                    full: float | None = None) -> RawResults:
    """Top hits, the total and every facet's counts from one index scan: the matches are
    materialised once, then read three times (the top hits; their count; one GROUPING SETS pass
    for all facet counts, over the sample of documents facets.sample_threshold picks). With `full`
    (ranked_from), only the matches that can make the top hits are ranked (_best_hits)."""
    names = FACETS[kind]
    column, _source = _sort(kind, sort)
    columns = "".join(f", d.{n}" for n in names) + ", d.sample_key"
    if full is not None and cov != COVERAGE_NONE:
        ctes = f"hits AS MATERIALIZED ({_hits_ranked_when_full(where, rel, cov, full, columns)}), {COVERAGE_FLOOR}"
        best = _best_hits(rel)
    else:
        ctes = f"hits AS MATERIALIZED ({_select_hits(where, rel, cov, kind, sort, columns)})"
        best = f"SELECT * FROM hits ORDER BY {_order(column)} LIMIT :limit"
    # Numbered after the LIMIT: a window ordered over every match sorted all of them (26,000 rows
    # for "set" on reviews) where ORDER BY ... LIMIT keeps only the top ones (a top-N heap sort).
    # The hits' makers' standings (for the relevance blend) joined here: one round trip fewer a page.
    top = (f"(SELECT 'hit' AS facet, NULL::text AS value, top.n, top.entity_id, top.maker_id, top.rel, top.cov, {_STANDING} "
           f"FROM (SELECT *, row_number() OVER () AS n FROM ({best}) t) top "
           f"LEFT JOIN maker_scores s ON s.maker_id = top.maker_id)")
    matched = f"SELECT '{MATCHED}', NULL::text, total, {_NO_HIT} FROM matched"
    sql = (f"WITH {ctes}, matched AS (SELECT count(*) AS total FROM hits), "
           f"sample AS ({SAMPLE_SQL}) {top} UNION ALL {_facet_groups(names)} UNION ALL {matched}")
    params = {**params, "sample_above": sampling.SAMPLE_ABOVE, "sample_size": sampling.SAMPLE_SIZE}
    hits, counts, total, sampled, standings = [], {n: {} for n in names}, 0, 0, {}
    # Rows fetched at once and unpacked by position, each maker's standing made once: up to 200 hit
    # rows a page, whose one-by-one fetches, named-attribute reads and standings were about 2 ms of Python.
    for facet, value, n, entity_id, maker_id, rel, cov, scored, *score in conn.execute(text(sql), params).all():
        if facet == "hit":
            hits.append((n, RawHit(kind, entity_id, maker_id, float(rel), float(cov))))
            if scored and maker_id not in standings:
                standings[maker_id] = standing_from(*score)
        elif facet == MATCHED:
            total = n
        elif facet == TOTAL:
            sampled = n
        elif value not in (None, ""):
            counts[facet][value] = n
    ranked = [hit for _n, hit in sorted(hits, key=lambda pair: pair[0])]
    return RawResults(total, ranked, counts, sampled if sampled < total else None, standings)


# A hit row's standing columns: whether it has a score row, then standing.standing_from's arguments in
# order; other rows fill them with NULLs.
_STANDING = ("s.maker_id IS NOT NULL AS scored, s.rank_score, s.p_skilled, s.tier::text AS tier, s.overall, "
             "s.review_count")
_NO_HIT = ("NULL::int AS entity_id, NULL::int AS maker_id, NULL::float8 AS rel, NULL::float8 AS cov, "
           "NULL::boolean, NULL::float8, NULL::float8, NULL::text, NULL::float8, NULL::int")


# The matches whose sample key (facets.sample_hash of the creation second, stored with the document)
# is below facets.sample_threshold(total), in the same integer arithmetic. Every match when there are
# few (OR stops at its first true operand).
SAMPLE_SQL = ("SELECT hits.* FROM hits, matched WHERE matched.total <= CAST(:sample_above AS bigint) OR "
              f"hits.sample_key < {HASH_RANGE} * CAST(:sample_size AS bigint) / matched.total")
MATCHED = "*"  # the facet name of the row holding every match's count
TOTAL = ""  # the facet name of the grouping set () : every document of the sample


def _facet_groups(names: tuple[str, ...]) -> str:
    """Rows (facet, value, count, NULLs) for the total and each facet's values, in one pass over
    `hits`: GROUPING() tells which set a row belongs to (a 0 bit marks the column grouped by)."""
    every = (1 << len(names)) - 1
    grouping = f"GROUPING({', '.join(names)})"
    cases = [(every ^ (1 << (len(names) - 1 - i)), n) for i, n in enumerate(names)]
    facet = f"CASE {grouping} " + " ".join(f"WHEN {m} THEN '{n}'" for m, n in cases) + f" ELSE '{TOTAL}' END"
    value = f"CASE {grouping} " + " ".join(f"WHEN {m} THEN {FACET_TEXT.get(n, n + '::text')}" for m, n in cases) + " END"
    sets = ", ".join(["()", *(f"({n})" for n in names)])
    return (f"SELECT {facet}, {value}, count(*), {_NO_HIT} "
            f"FROM sample GROUP BY GROUPING SETS ({sets})")


def snippet_texts_sql(query: ParsedQuery, per_maker: int) -> tuple[str, dict]:
    """Up to `per_maker` review texts (title, body, reply) per maker among :maker_ids for its snippet:
    the reviews whose documents match most of the query's positive clauses first (as the search
    matched them), then the oldest. Read through the review documents' maker index: lower-casing and
    scanning every review's text for the words (the database-neutral way, service._texts_holding_words) cost
    7 ms a page of makers with 100+ reviews each, this 3 ms. Each clause's tsquery is built once."""
    params: dict = {"per_maker": per_maker}
    searched = [c for c in query.positives if not _only_stop_words(c)]
    clauses = [(f"q{i}", _clause_tsquery(c, f"c{i}", params)) for i, c in enumerate(searched)]
    held = " + ".join(f"(d.tsv @@ q.{name})::int" for name, _e in clauses) or "0"
    queries = f"(SELECT {', '.join(f'{e} AS {name}' for name, e in clauses)}) q" if clauses else "(SELECT 1) q"
    sql = ("SELECT c.maker_id, r.title, r.body, (SELECT p.body FROM replies p WHERE p.review_id = r.id) AS reply "
           f"FROM (SELECT d.entity_id, d.maker_id, row_number() OVER (PARTITION BY d.maker_id ORDER BY {held} DESC, "
           f"d.entity_id) AS n FROM search_documents d CROSS JOIN {queries} "
           "WHERE d.kind = 'review' AND d.maker_id = ANY(CAST(:maker_ids AS int[]))) c "
           "JOIN reviews r ON r.id = c.entity_id "
           "WHERE c.n <= :per_maker AND r.withdrawn_at IS NULL AND r.hidden_at IS NULL ORDER BY c.maker_id, c.n")
    return sql, params
