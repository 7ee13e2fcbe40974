"""Helpers shared by the search tests."""
from __future__ import annotations

from craftreview import search
from craftreview.search.query import request_from_args
from craftreview.web.context import session_factory


def run(app, q: str = "", **args):
    """One search page, as the view would run it."""
    req = request_from_args({"q": q, **{k: str(v) for k, v in args.items()}}, per_page=10)
    with session_factory(app)() as session:
        return search.search(session, req, app)


def vocabulary(counts: dict[str, int]):
    """known_words and similar_words over a fixed vocabulary (word -> documents), as a backend answers them."""
    def known(words):
        return {w: counts[w] for w in words if w in counts}

    def similar(word, _edits):
        return {w: n for w, n in counts.items() if w[0] == word[0]}
    return known, similar


def names(page) -> list[str]:
    """Maker names of the result rows, in order."""
    return [item.maker.name for item in page.items]


def review_titles(page) -> list[str]:
    """Review titles of the result rows, in order."""
    return [item.review.title for item in page.items]
