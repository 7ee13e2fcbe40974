"""Contract: on large indexes, very common words only score a best-partial-match page; the rarer words
pick its candidates, and its counts are then shown as estimates ("about N")."""
from __future__ import annotations

import pytest

from craftreview.search import service

from .helpers import review_titles, run
from .test_buyers import shop  # noqa: F401 - the shared fixture


@pytest.fixture
def common_at_a_third(monkeypatch):
    """Treat a word in more than a third of a tab's documents as common, however small the index."""
    monkeypatch.setattr(service, "COMMON_SHARE", 0.3)
    monkeypatch.setattr(service, "COMMON_MIN_DOCS", 0)
    monkeypatch.setattr(service, "MIN_CANDIDATES", 1)
    service._WEIGHT_COUNTS.clear()
    yield
    service._WEIGHT_COUNTS.clear()


def test_small_indexes_keep_exact_partial_match_counts(shop, search_app):  # noqa: F811
    page = run(search_app, "lovely porcelain bell", tab="reviews")
    assert page.relaxed and page.totals["review"] == 3 and not page.estimated


def test_documents_with_only_common_words_are_left_out_and_the_count_is_an_estimate(
        shop, search_app, common_at_a_third):  # noqa: F811
    # "lovely" is in 2 of 6 reviews (common here); "porcelain" and "bell" in one each.
    page = run(search_app, "lovely porcelain bell", tab="reviews")
    assert review_titles(page) == ["Porcelain mug"]
    assert page.relaxed and "review" in page.estimated and page.totals["review"] == 2


def test_the_page_says_which_counts_are_estimates(shop, search_app, common_at_a_third):  # noqa: F811
    html = search_app.test_client().get("/search", query_string={"q": "lovely porcelain bell", "tab": "reviews"}).text
    assert "about 2" in html and "Counts marked “about” are estimates" in html


def test_when_every_word_is_common_the_rarest_one_picks_the_candidates(
        shop, search_app, monkeypatch, common_at_a_third):  # noqa: F811
    monkeypatch.setattr(service, "COMMON_SHARE", 0.0)
    page = run(search_app, "lovely porcelain", tab="reviews")
    assert review_titles(page) == ["Porcelain mug"] and "review" in page.estimated


def test_the_pager_offers_only_pages_the_candidates_fill(shop, search_app, common_at_a_third):  # noqa: F811
    # "About 1,800 makers · page 1 of 180" ran out of results at page 72, and pages 73-180 said "No makers found".
    from craftreview import search
    from craftreview.search.query import request_from_args
    from craftreview.web.context import session_factory

    def page_of(number: int):
        req = request_from_args({"q": "lovely porcelain bell", "tab": "reviews", "page": str(number)}, per_page=1)
        with session_factory(search_app)() as session:
            return search.search(session, req, search_app)

    first = page_of(1)
    assert first.totals["review"] == 2 and "review" in first.estimated  # about 2 hold some of the words
    assert review_titles(first) == ["Porcelain mug"] and first.pages == 1  # one of them is a candidate
    second = page_of(2)
    assert second.items == [] and second.request.page > second.pages  # said to be past the last page, not "none found"
