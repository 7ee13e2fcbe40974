"""A review's stars are an image with a label ("4 of 5"): aria-label on a plain span is not announced (axe's
aria-prohibited-attr), so every labelled star run carries role="img"."""
from __future__ import annotations

import re

import pytest

from craftreview import search

LABELLED_STARS = re.compile(r'<span class="stars"[^>]*aria-label="[1-5] of 5"[^>]*>')


@pytest.mark.parametrize("page", ["home", "maker", "review", "search"])
def test_every_labelled_star_run_is_an_image(app, client, make_user, make_maker, make_review, page):
    maker = make_maker(name="Hollow Oak Woodworks")
    review = make_review(make_user("Ann"), maker, title="A walnut bowl that was worth the wait")
    url = {"home": "/", "maker": f"/makers/{maker.slug}", "review": f"/reviews/{review.id}",
           "search": "/search?q=walnut&tab=reviews"}[page]
    search.drain(app, lock_timeout=30)  # the search index is written after the request, from its queue
    html = client.get(url).get_data(as_text=True)
    runs = LABELLED_STARS.findall(html)
    assert len(runs) >= 3, url  # craftsmanship, consistency and delivery of the one review
    assert all('role="img"' in run for run in runs), runs
