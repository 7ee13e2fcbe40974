"""A long maker's phrases are found on the makers tab as on the reviews tab. PostgreSQL keeps a tsvector's word
positions only up to 16,383 and at most 256 of each word; a maker document holds all its reviews' text, so a phrase in
a long maker's later reviews, or beside a word it uses hundreds of times, had no positions left to match there (an
audit at 100,000 reviews: "cobalt thistle teapot" found the review and no maker). Whoosh has no such limits: both
backends must agree."""
from __future__ import annotations

import random
import string
from itertools import islice, product

import pytest

from craftreview.search.pg_backend import BODY_HEAD_BYTES, BODY_TAIL_BYTES, indexed_body

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


def _flood_words(rng: random.Random, script: str, count: int) -> str:
    """Made-up words: 12 Latin letters apart, or 4 CJK ideographs between ideographic commas (3 bytes a character)."""
    if script == "latin":
        return " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(12)) for _ in range(count))
    return "、".join("".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(4)) for _ in range(count))


@pytest.mark.parametrize("script, words, reviews", [("latin", 380, 180), ("cjk", 1000, 120)])
def test_a_maker_with_a_megabyte_of_review_text_does_not_hold_back_the_index(world, search_app, script, words,
                                                                             reviews):
    """An audit gave one maker 180 reviews of 5,000 characters of made-up 12-letter words: PostgreSQL refused the
    maker document's tsvector (over 1 MB), the whole batch rolled back, and no later change was indexed. A cap in
    characters still let 90 reviews of CJK words through (3 bytes a character): it is in bytes."""
    rng = random.Random(8)
    flood = world.maker("Slow Lark Stoneware", "ceramics", bio="Stoneware by the kiln, fired slowly.")
    for n in range(reviews):
        world.review(flood, f"Flood {n}", _flood_words(rng, script, words))
    world.review(flood, "Last", "A cobalt thistle teapot.")
    world.drain()
    other = world.maker("Quiet Fern Pottery", "ceramics")
    world.review(other, "Later", "A wombatware jug, written afterwards.")
    world.drain()
    assert names(run(search_app, "wombatware")) == ["Quiet Fern Pottery"]
    assert names(run(search_app, "kiln fired")) == ["Slow Lark Stoneware"]  # its bio, at the start
    assert names(run(search_app, '"cobalt thistle teapot"')) == ["Slow Lark Stoneware"]  # its newest review
    assert run(search_app, "flood", tab="reviews").totals["review"] == reviews


@pytest.mark.parametrize("piece", ["walnut bowl ", "陶器の茶碗、", "🏺🪵 ", "é" * 7 + " "])
def test_the_indexed_body_keeps_its_start_and_end_within_the_byte_budget(piece):
    body = "START " + piece * (2_000_000 // len(piece.encode())) + " END"
    kept = indexed_body(body)
    assert len(kept.encode()) <= BODY_HEAD_BYTES + BODY_TAIL_BYTES + 1
    assert kept.startswith("START") and kept.endswith("END") and "\ufffd" not in kept
    assert indexed_body("short text") == "short text"
