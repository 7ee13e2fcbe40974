"""Contract: a Ukrainian word written with any of its apostrophes (U+02BC, ', U+2019) finds the others, and half-width
katakana find full-width ones and back, on every backend alike."""
from __future__ import annotations

import pytest

from craftreview.search.folding import fold
from craftreview.search.query import words_of

from .helpers import review_titles, run


@pytest.fixture
def ukrainian_and_japanese(world):
    maker = world.maker("Kyiv Kitchen", "other", "Kyiv, Ukraine")
    world.review(maker, "Мʼясо", "Дошка для мʼяса, добре зроблена.", days=1)  # U+02BC, the standard apostrophe
    world.review(maker, "П'ять", "П'ять тарілок для м'яса.", days=2)  # the ASCII one
    world.review(maker, "Сімʼя", "Подарунок для сім’ї.", days=3)  # U+2019
    shop = world.maker("Tokyo Glass", "glass", "Tokyo, Japan")
    world.review(shop, "ｶﾞﾗｽ ｺｯﾌﾟ", "ﾋﾞｰﾙ ｸﾞﾗｽ", days=4)  # half-width
    world.review(shop, "ガラス 花瓶", "ワイン グラス", days=5)  # full-width
    world.drain()


@pytest.mark.parametrize("query, titles", [
    ("мʼяса", {"Мʼясо", "П'ять"}), ("м'яса", {"Мʼясо", "П'ять"}), ("м’яса", {"Мʼясо", "П'ять"}),
    ("пʼять", {"П'ять"}), ("сім'ї", {"Сімʼя"}), ("сімʼї", {"Сімʼя"}),
    ("ガラス", {"ｶﾞﾗｽ ｺｯﾌﾟ", "ガラス 花瓶"}), ("ｶﾞﾗｽ", {"ｶﾞﾗｽ ｺｯﾌﾟ", "ガラス 花瓶"}), ("グラス", {"ｶﾞﾗｽ ｺｯﾌﾟ", "ガラス 花瓶"}),
    ("ﾜｲﾝ", {"ガラス 花瓶"}), ("コップ", {"ｶﾞﾗｽ ｺｯﾌﾟ"}), ("ビール", {"ｶﾞﾗｽ ｺｯﾌﾟ"})])
def test_apostrophes_and_half_width_kana_find_every_form(ukrainian_and_japanese, search_app, query, titles):
    # A Ukrainian word with U+02BC was one word on Whoosh and two on PostgreSQL (whose unaccent made it an ASCII
    # apostrophe); half-width katakana found only themselves on either backend.
    assert set(review_titles(run(search_app, query, tab="reviews"))) == titles


@pytest.mark.parametrize("word, folded", [("мʼясо", "мясо"), ("м'ясо", "мясо"), ("м’ясо", "мясо"),
                                          ("ｶﾞﾗｽ", "ガラス"), ("ﾋﾞｰﾙ", "ビール"), ("ｺｯﾌﾟ", "コップ"),
                                          ("maker's", "maker's"), ("Malmö’s", "Malmo’s")])
def test_folding_joins_ukrainian_apostrophes_and_widens_half_width_kana(word, folded):
    assert fold(word) == folded


def test_a_ukrainian_word_with_an_apostrophe_is_one_word():
    assert words_of("Мʼясо, м'ясо і м’ясо") == ("мясо", "мясо", "і", "мясо")
