"""Contract: words buyers type that name what they want in other words than the texts do: a country's makers by
its adjective, a word misspelt into another English word, a compound the texts write apart. On every backend."""
from __future__ import annotations

import pytest

from craftreview.search.dictionary import is_english

from .helpers import names, review_titles, run


@pytest.fixture
def glassmakers(world):
    """A glassmaker in Italy, and one in Leeds whose texts say 'glass' far more often."""
    leeds = world.maker("Glass House", "glass", "Leeds, UK", "Glass, glass and more glass: blown glass vases.")
    world.review(leeds, "Glass vase", "A blown glass vase, thick glass, finished like old glass.", days=1)
    world.review(leeds, "Bench", "A bench finished with danish oil.", days=2)
    murano = world.maker("Fornace Nove", "glass", "Murano, Italy", "Lampwork beads.")
    world.review(murano, "Beads", "Lovely beads, well packed.", days=3)
    world.drain()


@pytest.mark.parametrize("tab", ["makers", "reviews"])
def test_a_country_adjective_finds_the_makers_of_that_country(glassmakers, search_app, tab):
    # "italian" is in no text, so "italian glass" ranked every glassmaker by the word glass alone: Leeds first.
    page = run(search_app, "italian glass", tab=tab)
    assert (names(page) if tab == "makers" else review_titles(page))[0] == ("Fornace Nove" if tab == "makers"
                                                                             else "Beads")
    assert page.full_matches if page.relaxed else page.total == 1


def test_a_country_adjective_is_still_a_word_of_the_texts(glassmakers, search_app):
    # Not a place alias searched in locations alone: "danish oil" is a finish any maker may use.
    assert review_titles(run(search_app, "danish oil", tab="reviews")) == ["Bench"]


@pytest.fixture
def mugs(world):
    """A mug whose handle came off, and mugs without a word about a handle."""
    maker = world.maker("Harbour Mugs", "ceramics", "Leeds, UK", "Stoneware mugs.")
    world.review(maker, "Broken handle", "The handle came off the mug in a week.", days=1)
    for day in range(2, 5):
        world.review(world.maker(f"Potter {day}", "ceramics", "York, UK"), "Sturdy mug", "A sturdy mug.", days=day)
    for day in range(5, 10):
        world.review(world.maker(f"Chandler {day}", "candles", "York, UK"), "Candle", "A good candle, small and neat.",
                     days=day)
        world.review(world.maker(f"Joiner {day}", "wood", "York, UK"), "Stool", "A small stool.", days=day + 5)
    world.drain()


@pytest.mark.parametrize("tab", ["makers", "reviews"])
def test_a_word_misspelt_into_another_english_word_is_corrected_where_the_other_words_confirm_it(mugs, search_app,
                                                                                                 tab):
    # 'handel' is in the English word list (Handel), so it was never corrected: "mug handel" listed every mug.
    assert is_english("handel")
    page = run(search_app, "mug handel", tab=tab)
    assert page.searched_for == "mug handle"
    assert (names(page) if tab == "makers" else review_titles(page))[0] == ("Harbour Mugs" if tab == "makers"
                                                                             else "Broken handle")
    # Words no text holds ("fell") neither confirm nor block it: the page ranks by the words held.
    page = run(search_app, "mug handel fell off", tab=tab)
    assert page.searched_for == "mug handle fell off"
    assert (names(page) if tab == "makers" else review_titles(page))[0] == ("Harbour Mugs" if tab == "makers"
                                                                             else "Broken handle")
    # Alone, or beside words no review holds with its neighbour, an English word is left as typed.
    assert run(search_app, "handel", tab=tab).searched_for is None
    assert run(search_app, "glaze handel", tab=tab).searched_for is None
    # Nor is a word a review holds beside the other words no more often than anywhere: 'small' of 'candle smell good'
    # is in every candle review here, and in as many others.
    assert run(search_app, "candle smell good", tab=tab).searched_for is None


@pytest.fixture
def candles(world):
    """'candle' and 'maker' in the texts, never side by side."""
    maker = world.maker("Wick Studio", "candles", "Leeds, UK", "Poured by hand in small batches.")
    world.review(maker, "Tea lights", "The candle burned evenly; a careful maker.", days=1)
    world.review(world.maker("Oak Row", "wood", "York, UK", "A maker of stools."), "Stool", "A fine stool.", days=2)
    world.drain()


@pytest.mark.parametrize("tab", ["makers", "reviews"])
def test_a_compound_split_into_indexed_words_finds_them_apart(candles, search_app, tab):
    # "candlemaker" was split into the phrase "candle maker", which no text holds: the page found nothing.
    page = run(search_app, "candlemaker", tab=tab)
    assert page.searched_for == "candle maker"
    assert (names(page) if tab == "makers" else review_titles(page))[0] == ("Wick Studio" if tab == "makers"
                                                                             else "Tea lights")
    assert page.total == 1 or page.full_matches == 1


@pytest.mark.parametrize("tab", ["makers", "reviews"])
def test_a_misspelt_plural_is_corrected_to_the_word_its_stem_is_near(world, search_app, tab):
    # 'scraches' is three edits from 'scratch', the only form indexed, and one from it once both are stemmed: the
    # page found nothing and said only that the spelling was unknown.
    maker = world.maker("Lid Works", "wood", "Leeds, UK", "Boxes.")
    world.review(maker, "Scratched lid", "A deep scratch across the lid.", days=1)
    world.review(world.maker("Oak Row", "wood", "York, UK", "Stools."), "Stool", "A fine stool.", days=2)
    world.drain()
    for typed, corrected in (("scraches", "scratch"), ("scraches lid", "scratch lid")):
        page = run(search_app, typed, tab=tab)
        assert page.searched_for == corrected
        assert (names(page) if tab == "makers" else review_titles(page)) == (["Lid Works"] if tab == "makers"
                                                                              else ["Scratched lid"])


@pytest.fixture
def wallets(world):
    """A leather wallet review that names both words twice, and one that only mentions a review beside them."""
    maker = world.maker("Hide & Seek", "leather", "Leeds, UK", "Wallets.")
    world.review(maker, "Leather wallet", "A leather wallet of thick leather; the wallet will last.", days=1)
    other = world.maker("Strap Works", "leather", "York, UK", "Straps.")
    world.review(other, "Fine", "Bought a leather wallet after reading a review of it.", days=2)
    world.drain()


@pytest.mark.parametrize("tab", ["makers", "reviews"])
def test_words_about_ratings_and_reviews_are_not_required_of_the_text(wallets, search_app, tab):
    # "reviews" was a word the results had to hold: the review that happened to say "review" came first, and a rating
    # typed as words ("5 star") matched nothing, so every page fell back to partial matches.
    page = run(search_app, "leather wallet reviews", tab=tab)
    assert (names(page) if tab == "makers" else review_titles(page))[0] == ("Hide & Seek" if tab == "makers"
                                                                             else "Leather wallet")
    assert not page.relaxed and page.total == 2 and any("“reviews”" in n for n in page.query.notes)
    page = run(search_app, "5 star leather wallet", tab=tab)
    assert not page.relaxed and page.total == 2 and any("“5 star”" in n for n in page.query.notes)
    # Alone, or in quotes, they are searched as typed.
    assert run(search_app, "review", tab=tab).total == 1
    assert "star" in run(search_app, '"5 star" wallet', tab=tab).query.render()


def test_a_low_rating_typed_as_words_points_to_the_star_filters_not_to_the_best_rated(wallets, search_app):
    """"1 star leather wallet" asks for the unhappy reviews: sorting by highest score, as a "5 star" query is told,
    would show it the opposite."""
    for typed in ("1 star leather wallet", "two-star leather wallet", "3 stars leather wallet", "2.5 star leather wallet"):
        [note] = [n for n in run(search_app, typed, tab="reviews").query.notes if "not searched for as words" in n]
        assert "star filters" in note and "best-rated" not in note, (typed, note)
    for typed in ("5 star leather wallet", "four star leather wallet", "4.5 stars leather wallet", "3.5 star leather wallet"):
        [note] = [n for n in run(search_app, typed, tab="reviews").query.notes if "not searched for as words" in n]
        assert "best-rated" in note and "star filters" not in note, (typed, note)
