"""Contract: facets of a broad match are counted over the same sample of documents on every backend and
scaled to estimates the page marks "about"; smaller matches keep exact facet counts."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from craftreview.models import Maker
from craftreview.search import facets
from craftreview.web.context import session_factory

from .helpers import run

COUNTRY = {"fern": "UK", "oak": "UK", "saddle": "UK", "glassbrook": "UK", "inkwell": "France",
           "kiln_weak": "UK", "kiln_strong": "UK"}


@pytest.fixture
def sample_above_three(monkeypatch):
    """Sample facets of any match over 3 documents, aiming at 3 documents."""
    monkeypatch.setattr(facets, "SAMPLE_ABOVE", 3)
    monkeypatch.setattr(facets, "SAMPLE_SIZE", 3)


def _groups(page) -> dict[str, dict[str, int]]:
    return {g.name: {o.label: o.count for o in g.options} for g in page.facets}


def test_facets_of_a_match_below_the_bound_are_exact(corpus, search_app):
    page = run(search_app, "-zeppelin")  # every maker
    assert page.totals["maker"] == 7 and not page.facets_estimated
    assert _groups(page)["country"] == {"UK": 6, "France": 1}


def test_facets_of_a_broad_match_are_scaled_from_the_same_sample_on_every_backend(corpus, search_app,
                                                                                   sample_above_three):
    page = run(search_app, "-zeppelin")
    with session_factory(search_app)() as session:
        created = {m.id: m.created_at for m in session.scalars(select(Maker))}
    threshold = facets.sample_threshold(7)
    sampled = [name for name in COUNTRY if facets.sample_hash(_second(created[corpus[name]])) < threshold]
    assert 0 < len(sampled) < 7  # a real sample
    counts = {}
    for name in sampled:
        counts[COUNTRY[name]] = counts.get(COUNTRY[name], 0) + 1
    assert page.facets_estimated and page.totals["maker"] == 7  # the total itself stays exact
    assert _groups(page)["country"] == facets.scale_counts({"country": counts}, 7, len(sampled))["country"]


def _second(moment: datetime) -> int:
    """A document's creation second (SQLite gives naive UTC datetimes back)."""
    return int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp())


def test_the_page_marks_sampled_facet_counts_as_estimates(corpus, search_app, monkeypatch):
    client = search_app.test_client()
    exact = client.get("/search", query_string={"q": "-zeppelin"}).text
    assert "(6)" in exact and "about" not in exact
    monkeypatch.setattr(facets, "SAMPLE_ABOVE", 3)
    monkeypatch.setattr(facets, "SAMPLE_SIZE", 3)
    html = client.get("/search", query_string={"q": "-zeppelin"}).text
    assert "(about " in html and "estimated from a sample of the 7 matches" in html


def test_scaled_counts_are_rounded_to_two_significant_figures():
    assert facets.scale_counts({"c": {"a": 3, "b": 1}}, 100, 7) == {"c": {"a": 43, "b": 14}}
    assert facets.scale_counts({"c": {"a": 123}}, 26_197, 2_001) == {"c": {"a": 1600}}
    assert facets.scale_counts({"c": {"a": 2}}, 9, 9) == {"c": {"a": 2}}


def test_the_sample_bound_follows_the_total():
    assert facets.sample_threshold(facets.SAMPLE_ABOVE) == facets.HASH_RANGE
    assert facets.sample_threshold(facets.SAMPLE_SIZE * 10) == facets.HASH_RANGE // 10
