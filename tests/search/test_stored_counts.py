"""Counts the index keeps with every write. PostgreSQL's search_lexemes: best-partial-match ranking
weighs each word by how many documents of a tab hold it, and the stored counts must equal what
counting the matches gives, after edits, hides and rebuilds (Whoosh keeps none). search_words (from
search_vocab): how many maker documents offer a word as a spelling correction."""
from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from craftreview import search
from craftreview.db import read_snapshot
from craftreview.search import get_backend, pg_sql, service
from craftreview.search.documents import iter_all_docs
from craftreview.search.query import Filters, ParsedQuery, parse_query
from craftreview.search.spelling import doc_vocabulary

from .helpers import review_titles, run

# Plain words are answered from the stored counts; the rest (a hyphenated word is three lexemes, a
# word with a UK/US variant, an irregular plural or a buyer's other name for it, "teacup" finding "cup", is two
# words) are counted. A query of stop words only
# never reaches the backend: parse_query leaves no clause and says why (tests/search/test_page.py).
STORED = ("porcelain", "mug", "thin", "glass", "saucer", "lovely", "bell", "teapot")
COUNTED = ("free-blown", "jewellery", "scarf")
KINDS = ("maker", "review")


def _word(word: str) -> ParsedQuery:
    query = parse_query(word)
    return ParsedQuery(query.clauses[:1])


def _queries() -> list[ParsedQuery]:
    return [ParsedQuery(), *(_word(w) for w in STORED + COUNTED)]


def _check(app) -> dict[str, list[int | None]]:
    """Every stored count equals the counted one; returns the stored counts per kind."""
    backend = get_backend(app)
    found = {}
    for kind in KINDS:
        queries = _queries()
        stored = backend.stored_counts(queries, kind)
        for query, count in zip(queries, stored, strict=True):
            if count is not None:
                assert count == _counted(app, query, Filters(), kind), (kind, query.render())
        found[kind] = stored
    return found


def _counted(app, query: ParsedQuery, filters: Filters, kind: str) -> int:
    """The PostgreSQL matches counted row by row (PostgresBackend.count answers from the stored counts
    when it can)."""
    where, _rel, _cov, params = pg_sql.condition(query, filters, kind)
    with app.extensions["craftreview.engine"].connect() as conn:
        return pg_sql.count(conn, where, params)


def _is_postgres(app) -> bool:
    return app.config["SEARCH_BACKEND"] == "postgres"


def test_stored_counts_equal_counted_ones_after_every_kind_of_write(world, search_app):
    a = world.maker("Malmo Glass", "glass", "Malmö, Sweden", bio="Free-blown glass and a thin glass bell.")
    b = world.maker("Bell Pottery", "ceramics", "Leeds, UK", bio="Porcelain mugs and teapots.")
    first = world.review(a, "Lovely glass", "A thin, lovely glass; rings like a bell.")
    second = world.review(b, "Porcelain mug", "Thin porcelain mug, lovely glaze.")
    world.review(b, "Teapot", "The teapot pours well.")
    world.drain()
    before = _check(search_app)

    world.change_review(first, title="A saucer?", body="Ordered a glass, got a saucer.")
    world.hide(second)
    world.drain()
    after = _check(search_app)

    search.rebuild(search_app)
    rebuilt = _check(search_app)

    if not _is_postgres(search_app):
        assert all(n is None for counts in (before, after, rebuilt) for kind in KINDS for n in counts[kind])
        return
    index = {w: i + 1 for i, w in enumerate(STORED + COUNTED)}
    for counts in (before, after, rebuilt):
        for kind in KINDS:
            assert all(counts[kind][i] is not None for i in [0, *(index[w] for w in STORED)]), kind
            assert all(counts[kind][index[w]] is None for w in COUNTED), kind
    # The writes moved the counts: one review fewer (hidden), "saucer" now in a review, "mug" in none.
    assert (before["review"][0], after["review"][0]) == (3, 2)
    assert (before["review"][index["saucer"]], after["review"][index["saucer"]]) == (0, 1)
    assert (before["review"][index["mug"]], after["review"][index["mug"]]) == (1, 0)
    assert after == rebuilt


@pytest.fixture
def pottery(world, search_app):
    """One maker with one review, indexed, on PostgreSQL (Whoosh keeps no stored counts)."""
    if not _is_postgres(search_app):
        pytest.skip("Whoosh keeps no stored counts")
    maker = world.maker("Bell Pottery", "ceramics", "Leeds, UK", bio="Porcelain mugs.")
    world.review(maker, "Porcelain mug", "Thin porcelain mug.")
    world.drain()
    return maker


def test_a_failed_write_leaves_the_stored_counts_as_they_were(pottery, search_app):
    before = _check(search_app)
    backend = get_backend(search_app)
    with read_snapshot(search_app.extensions["craftreview.engine"]) as conn:
        doc = next(d for d in iter_all_docs(conn) if d.kind == "maker")
    # The maker's old words are subtracted first; then its row is refused (craft is 20 characters at most).
    with backend.writer_lock(5), pytest.raises(DBAPIError):
        backend.apply([replace(doc, body="Teapots now.", craft="x" * 40)], [])
    assert _check(search_app) == before


def _spelling_counts(app, words) -> dict[str, int]:
    """How many maker documents offer each word as a correction, recounted from the documents."""
    with read_snapshot(app.extensions["craftreview.engine"]) as conn:
        vocabularies = [doc_vocabulary(d) for d in iter_all_docs(conn) if d.kind == "maker"]
    return {w: n for w in words if (n := sum(w in v for v in vocabularies))}


def test_spelling_word_counts_follow_every_write(world, search_app):
    if not _is_postgres(search_app):
        pytest.skip("Whoosh's term statistics count deleted documents until segments merge")
    words = {"porcelain", "teapot", "teacup", "glass", "bell", "lovely", "malmo", "leeds"}
    backend = get_backend(search_app)
    a = world.maker("Malmo Glass", "glass", "Malmö, Sweden", bio="Glass and a glass bell.")
    b = world.maker("Bell Pottery", "ceramics", "Leeds, UK", bio="Porcelain teapots.")
    first = world.review(a, "Lovely glass", "A lovely glass bell.")
    world.review(b, "Teapot", "A porcelain teapot.")
    world.drain()
    assert backend.known_words(words) == _spelling_counts(search_app, words)
    assert backend.known_words({"lovely"}) == {"lovely": 1}
    world.change_review(first, title="A teacup", body="Ordered glass, got a teacup.")
    world.drain()
    assert backend.known_words(words) == _spelling_counts(search_app, words)
    assert "lovely" not in backend.known_words(words) and backend.known_words({"teacup"}) == {"teacup": 1}
    search.rebuild(search_app)
    assert backend.known_words(words) == _spelling_counts(search_app, words)


def test_a_count_driven_below_zero_reads_as_none_found(pottery, search_app):
    # A document an older writer indexed without counting, rewritten by a new one, is subtracted once
    # too often (a rolling deploy across migration 0018): the count must not go below nothing found.
    with search_app.extensions["craftreview.engine"].begin() as conn:
        conn.execute(text("UPDATE search_lexemes SET ndoc = -3 WHERE kind = 'review' AND lexeme = 'mug'"))
    assert get_backend(search_app).stored_counts([_word("mug")], "review") == [0]
    service._WEIGHT_COUNTS.clear()  # weigh the words afresh, from the stored counts
    page = run(search_app, "mug teapot", tab="reviews")  # no review holds both: a best-partial-match tab
    assert page.relaxed and review_titles(page) == ["Porcelain mug"]


def test_the_other_tabs_count_of_a_plain_word_is_the_stored_one_unless_filtered(pottery, search_app):
    # Counting a broad word's matches on the other tab read every one of their rows beside the page's
    # own statement; the stored count answers it. A filter's count is not stored: that one is counted.
    if not _is_postgres(search_app):
        pytest.skip("Whoosh keeps no stored counts")
    assert run(search_app, "mug", tab="reviews").totals["maker"] == _counted(search_app, _word("mug"), Filters(), "maker")
    with search_app.extensions["craftreview.engine"].begin() as conn:
        conn.execute(text("UPDATE search_lexemes SET ndoc = 41 WHERE kind = 'maker' AND lexeme = 'mug'"))
    assert run(search_app, "mug", tab="reviews").totals["maker"] == 41
    ceramics = Filters(craft="ceramics")
    assert run(search_app, "mug", tab="reviews", craft="ceramics").totals["maker"] == _counted(
        search_app, _word("mug"), ceramics, "maker") != 41
