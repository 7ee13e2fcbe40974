"""Contract: a two-word name of a thing finds the texts that name it with another name ("cutting board" finds a
"chopping board", "keyring" a "key fob"), below the texts saying the name typed; and a negated query ("didn't arrive
on time", "not as described") ranks the reviews stating the negative above those stating the positive. On every
backend."""
from __future__ import annotations

import pytest

from craftreview.search import variants
from craftreview.search.query import parse_query

from .helpers import names, review_titles, run


@pytest.fixture
def goods(world):
    """Makers whose reviews name their goods as makers do, with a decoy for each query's other words."""
    oak = world.maker("Oak Shed", "wood", "Leeds, UK", "Kitchen things in oak.")
    world.review(oak, "Chopping board", "A thick chopping board, oiled and smooth.", days=1)
    iron = world.maker("Iron House", "textiles", "York, UK", "Covers and cloths.")
    world.review(iron, "Ironing board cover", "The cover fits my board well.", days=2)
    linen = world.maker("Linen Loft", "textiles", "York, UK", "Linen for the kitchen.")
    world.review(linen, "Dish towels", "Two linen dish towels, very absorbent.", days=3)
    mugs = world.maker("Mug House", "ceramics", "Bristol, UK", "Stoneware.")
    world.review(mugs, "Big mug", "A big mug, glazed in blue.", days=4)
    tea = world.maker("Tea Room Pots", "ceramics", "Bath, UK", "Teapots.")
    world.review(tea, "Teapot", "Pours well; the tea stays hot.", days=5)
    wool = world.maker("Knit Nook", "textiles", "York, UK", "Chunky knits.")
    world.review(wool, "Sofa blanket", "A chunky wool blanket for the sofa.", days=6)
    hide = world.maker("Fob Shop", "leather", "Leeds, UK", "Small leather goods.")
    world.review(hide, "Key fob", "A leather key fob, neatly stitched.", days=7)
    ring = world.maker("Ring Smith", "jewelry", "Leeds, UK", "Silver rings.")
    world.review(ring, "Ring", "A silver ring that fits.", days=8)
    world.drain()


NAMES = [  # typed, the review first on the reviews tab, its maker first on the makers tab
    ("cutting board", "Chopping board", "Oak Shed"),
    ("cutting boards", "Chopping board", "Oak Shed"),
    ("tea towel", "Dish towels", "Linen Loft"),
    ("coffee mug", "Big mug", "Mug House"),
    ("throw blanket", "Sofa blanket", "Knit Nook"),
    ("key ring", "Key fob", "Fob Shop"),
    ("keyring", "Key fob", "Fob Shop"),
]


@pytest.mark.parametrize("tab", ["makers", "reviews"])
@pytest.mark.parametrize(("typed", "review", "maker"), NAMES)
def test_a_two_word_name_finds_the_texts_naming_the_thing_otherwise(goods, search_app, tab, typed, review, maker):
    # Each ranked a text holding one of its words first ("board" of the ironing board, "tea" of the teapot, "ring").
    page = run(search_app, typed, tab=tab)
    first = (review_titles(page) if tab == "reviews" else names(page))[0]
    assert first == (review if tab == "reviews" else maker)
    assert (page.full_matches if page.relaxed else page.total) >= 1


@pytest.mark.parametrize("tab", ["makers", "reviews"])
def test_the_name_typed_ranks_above_another_name_of_the_thing(world, search_app, tab):
    cut = world.maker("Cut Co", "wood", "Leeds, UK", "Boards.")
    world.review(cut, "Cutting board", "A walnut cutting board.", days=1)
    chop = world.maker("Chop Co", "wood", "York, UK", "Boards.")
    world.review(chop, "Chopping board", "A walnut chopping board, a chopping board for life.", days=2)
    world.drain()
    found = names(run(search_app, "cutting board", tab=tab))
    assert found[:2] == ["Cut Co", "Chop Co"]
    assert names(run(search_app, "chopping board", tab=tab))[:2] == ["Chop Co", "Cut Co"]


def test_names_are_one_way_where_one_is_narrower():
    # A coffee mug is a mug: "coffee mug" finds the texts saying "mug", "mug" does not want only coffee mugs.
    assert ("mug",) in variants.related_names(("coffee", "mug"))
    assert ("coffee", "mug") not in variants.related_names(("mug",))
    assert ("chopping", "board") in variants.related_names(("cutting", "boards"))
    assert ("cutting", "board") in variants.related_names(("chopping", "board"))
    # Only words typed plainly side by side make a name: not a phrase in quotes, nor words apart.
    assert parse_query('"cutting board"').clauses[0].related_names == ()
    assert all(not c.related_names for c in parse_query("cutting oak board").clauses)


@pytest.fixture
def deliveries(world):
    """Reviews saying a thing went well, and reviews saying it did not, in other words."""
    good = world.maker("Prompt Pots", "ceramics", "Leeds, UK", "Mugs and jugs.")
    world.review(good, "On time", "Arrived on time and well packed.", days=1)
    world.review(good, "Lovely vase", "Exactly as described, a lovely vase.", days=2)
    world.review(good, "Glaze", "Very happy with the glaze, a deep blue.", days=3)
    world.review(good, "Safe and sound", "It arrived safely, well wrapped.", days=4)
    slow = world.maker("Slow Pots", "ceramics", "York, UK", "Vases.")
    world.review(slow, "Late", "It turned up three weeks late, with no word from the maker.", days=5)
    world.review(slow, "Nothing like it", "The vase looked nothing like the photos.", days=6)
    world.review(slow, "Crazed", "I was disappointed with the glaze, it crazed within a week.", days=7)
    world.review(slow, "Still waiting", "Six weeks on and no parcel; it was lost in the post.", days=8)
    world.drain()


NEGATED = [  # typed, the reviews stating the negative, the review stating the positive
    ("didn't arrive on time", {"Late", "Still waiting"}, "On time"),
    ("did not arrive on time", {"Late", "Still waiting"}, "On time"),
    ("not as described", {"Nothing like it"}, "Lovely vase"),
    ("wasn't happy with the glaze", {"Crazed"}, "Glaze"),
    ("never arrived", {"Still waiting"}, "Safe and sound"),
]


@pytest.mark.parametrize(("typed", "negative", "positive"), NEGATED)
def test_a_negated_query_ranks_the_negative_above_the_positive(deliveries, search_app, typed, negative, positive):
    # Each put first the review saying the opposite ("arrived on time", "exactly as described", "happy with the glaze").
    titles = review_titles(run(search_app, typed, tab="reviews"))
    assert titles[0] in negative
    assert positive not in titles or titles.index(positive) > max(titles.index(t) for t in negative if t in titles)
    assert names(run(search_app, typed, tab="makers"))[0] == "Slow Pots"


def test_not_inside_a_quoted_phrase_is_searched_as_typed(deliveries, world, search_app):
    maker = world.maker("Quoted", "ceramics", "Leeds, UK", "Jugs.")
    world.review(maker, "Would not order again", "The jug leaked.", days=9)
    world.drain()
    assert review_titles(run(search_app, '"would not order again"', tab="reviews")) == ["Would not order again"]
    assert parse_query('"not as described"').clauses[0].meant == ()


@pytest.mark.parametrize(("typed", "read", "said"), [
    ("didn't arrive on time", "arrive on time", "“late”, “delayed” or “delay”"),
    ("never arrived", "arrived", "“never arrived”, “never came” or “never received”"),
    ("leather bag not late", "late", "“prompt”, “promptly” or “quick”"),
])
def test_the_page_says_when_it_read_a_negation_and_what_it_matched_it_as(deliveries, search_app, typed, read, said):
    """A negated query is searched by what a review says when the thing did not happen; the page says so, on both
    tabs, instead of leaving the buyer to wonder why reviews without their words come first."""
    for tab, lead in (("reviews", "Reviews that say"), ("makers", "Makers whose reviews say")):
        html = search_app.test_client().get("/search", query_string={"q": typed, "tab": tab}).text
        text = " ".join(html.split())
        assert f"Read as negated: “{read}”. {lead} {said} come first" in text, (tab, typed)


@pytest.mark.parametrize("typed", ["arrived on time", '"would not order again"', "vase NOT late", "not teapot"])
def test_no_negation_note_where_nothing_was_read_as_negated(deliveries, search_app, typed):
    html = search_app.test_client().get("/search", query_string={"q": typed, "tab": "reviews"}).text
    assert "Read as negated" not in html


def test_a_negation_note_names_each_negated_predicate_once():
    assert parse_query("didn't arrive on time").denials == (("arrive on time", ("late", "delayed", "delay")),)
    assert [typed for typed, _ in parse_query("not as described and never arrived").denials] == ["described", "arrived"]
    assert parse_query("blue mug").denials == ()
