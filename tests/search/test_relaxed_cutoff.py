"""PostgreSQL ranks only the matches of a relaxed query that can make the top hits.

A relaxed (best-partial-match) page ranks by coverage first (the summed weights of the clauses a review holds), then
by relevance; a match covering less than the limit-th best one can never make the top hits. The statement ranks in the
scan only the matches covering at least an estimate of that coverage (pg_sql.likely_floor, from the clauses' document
counts), and ranks from their rows those below the estimate that still can (_best_hits). Whatever the estimate, the
hits, their relevances and coverages, the total, the facets and every page are those of ranking every match."""
from __future__ import annotations

import pytest

from craftreview import search
from craftreview.search import get_backend, pg_sql, service
from craftreview.search.query import Filters, parse_query, request_from_args
from craftreview.web.context import session_factory

QUERY = "walnut bowl oil"
# No review holds all three words, so the reviews tab is relaxed; each pair and each word alone is held by a different
# number of reviews (walnut 7, bowl 5, oil 4), so the coverages are six levels.
REVIEWS = ((2, "Walnut bowl", "A walnut bowl, smooth inside."), (1, "Finish", "Walnut with a good oil finish."),
           (1, "Salad", "The bowl came with a bottle of oil."), (4, "Table", "A walnut table, well made."),
           (2, "Pottery", "A deep bowl for soup."), (2, "Care", "Rub it with oil once a month."))
PAGES = sum(n for n, _t, _b in REVIEWS)


@pytest.fixture
def bowls(search_app, world, monkeypatch):
    if search_app.config["SEARCH_BACKEND"] != "postgres":
        pytest.skip("PostgreSQL's ranking statement")
    maker = world.maker("Hana Kim", "woodworking", "Oslo, Norway", "Carving and turning.")
    days = 0
    for n, title, body in REVIEWS:
        for _ in range(n):
            world.review(maker, title, body, days=days)
            days += 1
    world.drain()
    monkeypatch.setattr(service, "CANDIDATES", 2)  # two hits fetched a page of one: the cut-off crosses the matches
    return search_app


def _relaxed(app):
    query, _scale = service.relaxed_plan(get_backend(app), parse_query(QUERY), "review")
    assert query.any_of and query.counts == (7, 5, 4)
    return query


def _both(app, limit: int):
    """The backend's answer for the relaxed query, and the answer of ranking every match."""
    query = _relaxed(app)
    cut = get_backend(app).search(query, Filters(), "review", "relevance", limit)
    where, rel, cov, params = pg_sql.condition(query, Filters(), "review")
    with app.extensions["craftreview.engine"].connect() as conn:
        every = pg_sql.hits_and_facets(conn, where, rel, cov, {**params, "limit": limit}, "review", "relevance")
    return cut, every


def _pages(app) -> list[tuple]:
    shown = []
    for number in range(1, PAGES + 2):
        req = request_from_args({"q": QUERY, "tab": "reviews", "page": str(number)}, per_page=1)
        with session_factory(app)() as session:
            page = search.search(session, req, app)
        assert page.relaxed
        shown.append((page.totals["review"], page.full_matches,
                       [(i.review.id, str(i.snippet)) for i in page.items], page.facets))
    return shown


def _levels(app) -> list[float]:
    """Every coverage a match has, highest first."""
    cut, _every = _both(app, PAGES)
    return sorted({h.coverage for h in cut.hits}, reverse=True)


def test_the_estimate_leaves_matches_unranked_and_every_page_is_the_same_as_ranking_every_match(bowls, monkeypatch):
    estimates = []

    def spied(*args):
        estimates.append(found := likely_floor(*args))
        return found
    likely_floor = pg_sql.likely_floor
    monkeypatch.setattr(pg_sql, "likely_floor", spied)
    cut = _pages(bowls)
    assert any(e is not None and e > min(_levels(bowls)) for e in estimates)  # the path under test is taken
    monkeypatch.setattr(pg_sql, "ranked_from", lambda *_args: None)
    assert cut == _pages(bowls)
    assert sum(len(items) for _total, _full, items, _facets in cut) == PAGES


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 8, PAGES])
def test_whatever_the_estimate_the_hits_are_those_of_ranking_every_match(bowls, monkeypatch, limit):
    levels = _levels(bowls)
    assert len(levels) == 6
    # Each coverage as the estimate, and above the best: the limit-th best match's coverage is below some of them
    # (the matches between are ranked from their rows), above others (ranked in the scan, then left out).
    for estimate in (levels[0] + 1, *levels, (levels[1] + levels[2]) / 2):
        monkeypatch.setattr(pg_sql, "likely_floor", lambda *_args, e=estimate: e)
        cut, every = _both(bowls, limit)
        assert cut == every, (estimate, limit)
        assert len(cut.hits) == limit and cut.total == PAGES
