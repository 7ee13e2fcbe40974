"""A maker result's snippet comes from the reviews that hold the query's words, however many other
reviews the maker has (only service.TEXTS_PER_MAKER texts per maker are read)."""
from __future__ import annotations

from craftreview.search import service
from craftreview.search.query import parse_query

from .helpers import run


def _one_telling_review(world, name: str, craft: str, extra: int, *review, **reply) -> None:
    """A maker with more plain reviews than the snippet reads (TEXTS_PER_MAKER + extra), then one telling review."""
    maker = world.maker(name, craft)
    for i in range(service.TEXTS_PER_MAKER + extra):
        world.review(maker, f"Order {i}", "Arrived well packed and exactly as described.")
    world.review(maker, *review, **reply)
    world.drain()


def test_the_one_review_holding_the_word_gives_the_snippet_among_many_that_do_not(world, search_app):
    _one_telling_review(world, "Hollow Oak Workshop", "wood", 8, "Chair", "The walnut seat is beautifully shaped.",
                        reply="Thank you!")
    page = run(search_app, "walnut")
    assert "<mark>walnut</mark>" in str(page.items[0].snippet)


def test_a_word_only_the_makers_reply_holds_gives_the_snippet(world, search_app):
    # The maker document holds its replies' words, so the maker matched; the texts for the snippet
    # were picked by their title and body alone, and a maker with many reviews showed none at all.
    _one_telling_review(world, "Clay Hollow Studio", "ceramics", 4, "Late plates", "They came weeks after the date.",
                        reply="Sorry: the kiln was fully booked.")
    page = run(search_app, "kiln")
    assert "<mark>kiln</mark> was fully booked" in str(page.items[0].snippet)


def test_a_stemmed_form_in_the_text_is_found_too(world, search_app):
    _one_telling_review(world, "Clay Path Studio", "ceramics", 4, "Mugs", "Both mugs were thrown by hand, you can tell.")
    page = run(search_app, "throwing")
    assert "<mark>thrown</mark>" in str(page.items[0].snippet)


def test_snippet_words_are_the_typed_words_their_forms_and_stems_without_stop_words():
    # "throwing" arrives as its irregular forms (query.word_forms); "throw" is in "throwing" too; "pots" with what a
    # maker may call one (query.related_forms), which a text found through them shows marked.
    assert service.snippet_words(parse_query("the throwing of pots")) == [
        "flowerpot", "planter", "pot", "pots", "threw", "throw", "thrown"]
