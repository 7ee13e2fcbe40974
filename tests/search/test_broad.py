"""Contract: a tab matching more than facets.BROAD_ABOVE documents shows its count as an estimate
("about N") on every backend. PostgreSQL estimates it, and the facets, from a fixed sixteenth of the
documents (pg_sql.SLICE_PREDICATE) instead of reading every match; smaller matches stay exact."""
from __future__ import annotations

import pytest

from craftreview.search import facets
from craftreview.search.pg_sql import SLICE_SCALE

from .helpers import run

RUN = 30  # consecutive ids always hold one of the slice's (its gaps are at most 21 ids)


def in_slice(entity_id: int) -> bool:
    """pg_sql.SLICE_PREDICATE in Python."""
    return entity_id * 2654435761 % 2**32 < 2**32 // SLICE_SCALE


@pytest.fixture
def broad_above_three(monkeypatch):
    monkeypatch.setattr(facets, "BROAD_ABOVE", 3)


@pytest.fixture
def teapots(world) -> list[int]:
    """RUN reviews of teapots (one of them, and only it, says 'lid'), from two makers."""
    makers = [world.maker("Spout & Co", "ceramics", "Leeds, UK"), world.maker("Pour House", "ceramics", "Paris, France")]
    ids = [world.review(makers[i % 2], f"Teapot {i}", "A fine teapot." + (" The lid fits." if i == 0 else ""))
           for i in range(RUN)]
    world.drain()
    return ids


def test_a_match_above_the_bound_is_shown_as_an_estimate_on_every_backend(corpus, search_app, broad_above_three):
    page = run(search_app, "-zeppelin")  # all 7 makers, and every review on the other tab
    assert page.broad == {"maker", "review"} and page.totals["maker"] == 7
    html = search_app.test_client().get("/search", query_string={"q": "-zeppelin"}).text
    assert '<span class="badge">about 7</span>' in html and "About 7 makers" in html
    assert "Counts marked “about” are estimates" in html


def test_a_match_within_the_bound_stays_exact(corpus, search_app, broad_above_three):
    page = run(search_app, "walnut")
    assert "maker" not in page.broad and page.totals["maker"] == 1
    html = search_app.test_client().get("/search", query_string={"q": "walnut"}).text
    assert '<span class="badge">1</span>' in html


@pytest.mark.parametrize("search_app", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_postgres_counts_a_broad_match_and_its_facets_from_the_slice(teapots, search_app, broad_above_three):
    sliced = [i for i in teapots if in_slice(i)]
    assert 0 < len(sliced) < RUN  # so the estimate differs from the exact count
    page = run(search_app, "teapot", tab="reviews")
    total = len(sliced) * SLICE_SCALE
    assert page.totals["review"] == facets.about(total, 0) != RUN
    assert "review" in page.broad and page.facets_estimated
    countries: dict[str, int] = {}
    for review_id in sliced:  # the makers take turns: even reviews from Leeds, odd ones from Paris
        country = "UK" if teapots.index(review_id) % 2 == 0 else "France"
        countries[country] = countries.get(country, 0) + 1
    shown = {o.label: o.count for g in page.facets if g.name == "country" for o in g.options}
    assert shown == facets.scale_counts({"country": countries}, total, len(sliced))["country"]


@pytest.mark.parametrize("search_app", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_postgres_estimates_the_other_tabs_broad_count_too(teapots, search_app, broad_above_three):
    sliced = [i for i in teapots if in_slice(i)]
    page = run(search_app, "teapot")  # the makers tab: 2 makers, exact; the reviews tab estimated
    assert page.totals["maker"] == 2 and "maker" not in page.broad
    assert page.totals["review"] == facets.about(len(sliced) * SLICE_SCALE, 0) and "review" in page.broad


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_a_broad_match_shows_the_same_hits_as_an_exact_one(teapots, search_app, monkeypatch, sort):
    exact = run(search_app, "teapot", tab="reviews", sort=sort)
    monkeypatch.setattr(facets, "BROAD_ABOVE", 3)
    broad = run(search_app, "teapot", tab="reviews", sort=sort)
    assert "review" in broad.broad and "review" not in exact.broad
    assert [i.review.id for i in broad.items] == [i.review.id for i in exact.items]
    assert len(broad.items) == 10
