"""Paging by relevance past the first block of candidates: every result on exactly one page, and no page past the
deepest one served offered or shown as another. An audit at 100,000 reviews found pages 21-40 of "set" holding 16
reviews between them: each deeper page showed the lowest-ranked ten of a slightly larger set."""
from __future__ import annotations

import pytest

from craftreview.search.query import MAX_PAGE, parse_query, request_from_args
from craftreview.search.service import SearchPage

from .conftest import Score
from .helpers import run

REVIEWS_PER_MAKER = 25


def test_every_review_is_on_exactly_one_page_of_a_relevance_ranked_search(world, search_app):
    # Makers of every standing and reviews that say the word once to three times: the blend reorders the text order.
    for m in range(10):
        maker = world.maker(f"Maker {m}", "ceramics", score=Score("skilled" if m % 2 else "unproven", 0.5 + m / 25,
                                                                    3.0 + m / 5, REVIEWS_PER_MAKER))
        for n in range(REVIEWS_PER_MAKER):
            world.review(maker, f"Review {m}-{n}", "A dinner set. " * (1 + (m + n) % 3) + f"Order {m} {n}.")
    world.drain()
    total = 10 * REVIEWS_PER_MAKER
    seen = []
    for number in range(1, total // 10 + 2):
        page = run(search_app, "set", tab="reviews", page=number)
        assert page.total == total
        seen.extend(item.review.id for item in page.items)
    assert len(seen) == total and len(set(seen)) == total


def test_a_page_deeper_than_the_deepest_served_is_past_the_last_and_the_pager_stops_there():
    assert request_from_args({"q": "set", "page": "5000"}).page == MAX_PAGE + 1
    assert request_from_args({"q": "set", "page": str(MAX_PAGE)}).page == MAX_PAGE
    assert request_from_args({"q": "set", "page": "-3"}).page == 1 and request_from_args({"page": "x"}).page == 1
    req = request_from_args({"q": "set", "tab": "reviews"}, per_page=10)
    page = SearchPage(req, parse_query("set"), totals={"maker": 0, "review": 26_215})
    assert page.pages == MAX_PAGE and page.capped
    assert not SearchPage(req, parse_query("set"), totals={"maker": 0, "review": 10_000}).capped


@pytest.mark.parametrize("number", [MAX_PAGE + 1, 5000])
def test_asking_for_a_page_past_the_deepest_served_says_so(world, search_app, number):
    world.review(world.maker("Fern Pottery", "ceramics"), "Set", "A dinner set.")
    world.drain()
    page = run(search_app, "set", tab="reviews", page=number)
    assert page.items == [] and page.request.page > page.pages


def test_a_page_past_the_deepest_served_is_empty_however_many_match(world, search_app, monkeypatch):
    """With more results than the served pages hold, page MAX_PAGE + 1 showed results 10,001-10,010 under "page 1001
    of 1000" (here, with the deepest page served made 3)."""
    monkeypatch.setattr("craftreview.search.query.MAX_PAGE", 3)
    monkeypatch.setattr("craftreview.search.service.MAX_PAGE", 3)
    maker = world.maker("Fern Pottery", "ceramics")
    for n in range(45):
        world.review(maker, f"Set {n}", "A dinner set.")
    world.drain()
    last = run(search_app, "set", tab="reviews", page=3)
    assert len(last.items) == 10 and last.pages == 3 and last.capped
    for number in (4, 99):
        past = run(search_app, "set", tab="reviews", page=number)
        assert past.items == [] and past.request.page > past.pages and past.total == 45
