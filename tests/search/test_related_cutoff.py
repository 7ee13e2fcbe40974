"""PostgreSQL ranks only the matches that can make the top hits of a strict query with related names.

'bracelet' also finds every review saying only "jewelry" or "bangle" (variants: related names), and those cover the
query less than the reviews saying "bracelet", so they come after all of them. When the limit's worth of matches say
"bracelet", the others are never ranked (pg_sql.full_coverage, _best_hits); when fewer do, the best of the others are
ranked from their rows. Either way the hits, their relevances and coverages, the total and the facets are those of
ranking every match, and so is every page."""
from __future__ import annotations

import pytest

from craftreview import search
from craftreview.search import get_backend, pg_sql, service
from craftreview.search.query import Filters, parse_query, request_from_args
from craftreview.web.context import session_factory

# Three reviews say the word typed, four only related names of it (one in its title, which ranks it above some).
OWN = (("Silver bracelet", "A bracelet that fits."), ("Gift", "The bracelet arrived fast, a lovely bracelet."),
       ("Thin band", "My bracelet is lovely."))
RELATED = (("Bangle", "A heavy bangle in gray silver."), ("Repair", "They fixed my jewelry quickly."),
           ("Earrings", "Lovely jewellery, well packed."), ("Box", "Jewelry box arrived dented."))


@pytest.fixture
def bracelets(search_app, world):
    if search_app.config["SEARCH_BACKEND"] != "postgres":
        pytest.skip("PostgreSQL's ranking statement")
    maker = world.maker("Hana Kim", "jewelry", "Oslo, Norway", "Silver work.")
    for days, (title, body) in enumerate(OWN + RELATED):
        world.review(maker, title, body, days=days)
    world.drain()
    return search_app


def _both(app, limit: int):
    """The backend's answer for 'bracelet' on reviews, and the answer of ranking every match."""
    query, kind = parse_query("bracelet"), "review"
    assert pg_sql.full_coverage(query, kind, "relevance") == 1.0  # the path under test is taken
    backend = get_backend(app)
    cut = backend.search(query, Filters(), kind, "relevance", limit)
    where, rel, cov, params = pg_sql.condition(query, Filters(), kind)
    with app.extensions["craftreview.engine"].connect() as conn:
        every = pg_sql.hits_and_facets(conn, where, rel, cov, {**params, "limit": limit}, kind, "relevance")
    return cut, every


def _titles(app, hits) -> list[str]:
    from craftreview.models import Review
    with session_factory(app)() as session:
        return [session.get(Review, h.entity_id).title for h in hits]


def test_when_the_limit_is_filled_by_the_word_typed_related_matches_are_left_unranked_and_nothing_changes(bracelets):
    cut, every = _both(bracelets, 2)
    assert cut == every
    assert cut.total == 7 and [h.coverage for h in cut.hits] == [1.0, 1.0]


def test_when_too_few_say_the_word_the_best_related_matches_are_ranked_and_shown(bracelets):
    cut, every = _both(bracelets, 5)
    assert cut == every
    assert [h.coverage for h in cut.hits] == [1.0, 1.0, 1.0, 0.0, 0.0]
    # The two best of the four reviews saying only a related name: ranked from their rows, not dropped.
    assert set(_titles(bracelets, cut.hits[3:])) < {t for t, _b in RELATED}


def test_every_page_is_the_same_as_ranking_every_match(bracelets, monkeypatch):
    monkeypatch.setattr(service, "CANDIDATES", 2)  # two hits fetched a page of one: the cut-off crosses the matches

    def pages() -> list[tuple]:
        shown = []
        for number in range(1, 9):
            req = request_from_args({"q": "bracelet", "tab": "reviews", "page": str(number)}, per_page=1)
            with session_factory(bracelets)() as session:
                page = search.search(session, req, bracelets)
            shown.append((page.totals["review"], [(i.review.id, str(i.snippet)) for i in page.items]))
        return shown

    cut = pages()
    monkeypatch.setattr(pg_sql, "full_coverage", lambda *_args: None)
    assert cut == pages()
    assert sum(len(items) for _total, items in cut) == 7
