"""A long maker's phrases are found on the makers tab as on the reviews tab. PostgreSQL keeps a tsvector's word
positions only up to 16,383 and at most 256 of each word; a maker document holds all its reviews' text, so a phrase in
a long maker's later reviews, or beside a word it uses hundreds of times, had no positions left to match there (an
audit at 100,000 reviews: "cobalt thistle teapot" found the review and no maker). Whoosh has no such limits: both
backends must agree."""
from __future__ import annotations

from itertools import islice, product

from .helpers import names, review_titles, run

SYLLABLES = ["".join(p) for p in product("bdfgklmnprstvz", "aeiou")]


def _words(count: int) -> list[str]:
    """`count` distinct made-up words (no stop words, none repeated): positions without the 256-a-word limit."""
    return ["".join(p) for p in islice(product(SYLLABLES, SYLLABLES, SYLLABLES), count)]


def test_a_phrase_past_sixteen_thousand_words_of_one_maker_is_found(world, search_app):
    long = world.maker("Long Lark Stoneware", "ceramics")
    words = _words(24 * 700)
    for n in range(24):  # each under the 5,000 characters a review may have: 16,800 words in all
        world.review(long, f"Visit {n}", " ".join(words[n * 700:(n + 1) * 700]))
    world.review(long, "Last one", "The final piece was a cobalt thistle teapot, lovely.")
    other = world.maker("Short Fern Pottery", "ceramics")
    world.review(other, "Teapot", "A thistle teapot in cobalt glaze.")  # the words, not the phrase
    world.drain()
    assert review_titles(run(search_app, '"cobalt thistle teapot"', tab="reviews")) == ["Last one"]
    assert names(run(search_app, '"cobalt thistle teapot"')) == ["Long Lark Stoneware"]
    assert set(names(run(search_app, "cobalt thistle teapot"))) == {"Long Lark Stoneware", "Short Fern Pottery"}
    # Words the query excludes still exclude the maker, wherever in its text they are.
    assert names(run(search_app, f'"cobalt thistle teapot" -{words[5]}')) == []
    assert names(run(search_app, '"cobalt thistle teapot" -zeppelin')) == ["Long Lark Stoneware"]


def test_a_phrase_beside_a_word_used_hundreds_of_times_is_found(world, search_app):
    busy = world.maker("Busy Wren Ceramics", "ceramics")
    for n in range(30):
        world.review(busy, f"Set {n}", "Ordered a set, then another set. " * 5)  # "set": 300 times
    world.review(busy, "Greenish", "The quillwort set arrived safely.")
    world.drain()
    assert names(run(search_app, '"quillwort set"')) == ["Busy Wren Ceramics"]
    assert run(search_app, '"set quillwort"').totals == {"maker": 0, "review": 0}
