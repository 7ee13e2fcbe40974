"""Pure parts of search: query parsing, spelling, snippets, the relevance blend."""
from __future__ import annotations

import html
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from craftreview.search.base import score_bucket, score_buckets_from
from craftreview.search.folding import CYRILLIC_APOSTROPHE, fold
from craftreview.search.highlight import best_snippet, highlight_inline, stems_of
from craftreview.search.query import MAX_CLAUSES, Clause, filters_from_args, parse_query, words_of
from craftreview.search.ranking import blend, standing
from craftreview.search.spelling import correct, distance, edits1

from .helpers import vocabulary


def test_parser_reads_phrases_exclusions_and_fields():
    q = parse_query('"dinner set" -chipped craft:ceramics location:"new york" walnut')
    assert q.clauses == (Clause(("dinner", "set")), Clause(("chipped",), negate=True),
                         Clause(("ceramics",), "craft"), Clause(("new", "york"), "location"),
                         Clause(("walnut",)))
    assert [c.quoted for c in q.clauses] == [True, False, False, True, False]


def test_unknown_field_prefix_is_searched_as_words():
    assert parse_query("colour:blue").clauses == (Clause(("colour", "blue")),)


def test_place_and_maker_prefixes_search_their_fields():
    assert parse_query("place:kyoto maker:oak").clauses == (Clause(("kyoto",), "location"), Clause(("oak",), "title"))


def test_contractions_with_not_are_left_out_and_quoted_ones_kept():
    assert parse_query("clasp won't close").clauses == (Clause(("clasp",)), Clause(("close",)))
    # Not searched as a word; the predicate after it carries what the negation means (negation.py).
    assert [(c.words, bool(c.meant)) for c in parse_query("didn’t fit").clauses] == [(("fit",), True)]
    assert ("didn",) not in [c.words for c in parse_query("it arrived late and didn't.").clauses]
    assert parse_query('"won\'t close"').clauses[0].words == ("won", "t", "close")


def test_ranking_words_are_dropped_only_beside_words_to_look_for():
    assert [c.words for c in parse_query("best potter in kyoto").clauses] == [("potter",), ("in",), ("kyoto",)]
    assert [c.words for c in parse_query("highly recommended").clauses] == [("highly",), ("recommended",)]
    assert [c.words for c in parse_query("best -mug").clauses] == [("best",), ("mug",)]


def test_parser_caps_the_number_of_clauses():
    q = parse_query(" ".join(f"w{i}" for i in range(40)))
    assert len(q.clauses) == MAX_CLAUSES and q.notes


@given(st.text(max_size=400))
def test_parser_never_raises_and_only_passes_letters_and_digits(raw):
    # ... and the combining marks on them, which no query syntax reads
    for clause in parse_query(raw).clauses:
        assert all(w[0].isalnum() and all(c.isalnum() or unicodedata.category(c)[0] == "M" for c in w)
                   for w in clause.words)


def test_filters_ignore_malformed_values():
    f = filters_from_args({"tier": "godlike", "min_score": "nan", "delivery_min": "9", "custom": "yes"})
    assert not f.active


def test_one_edit_neighbours_include_transpositions_and_insertions():
    assert {"stoneware", "stonewares"} <= edits1("stonewrae") | edits1("stoneware")



def test_spelling_prefers_the_closest_then_most_frequent_neighbour():
    fixed = correct(parse_query("walnot table"), *vocabulary({"walnut": 40, "wallnut": 1, "table": 9}))
    assert fixed.render() == "walnut table"
    fixed = correct(parse_query("walnuut"), *vocabulary({"walnut": 1, "walnuts": 40}))
    assert fixed.render() == "walnut"  # one edit beats two, however frequent


def test_longer_words_are_corrected_across_two_edits_shorter_ones_one():
    assert correct(parse_query("porselin"), *vocabulary({"porcelain": 5})).render() == "porcelain"
    assert correct(parse_query("glazd"), *vocabulary({"glazed": 5})).render() == "glazed"
    assert correct(parse_query("gluzd"), *vocabulary({"glazed": 5})) is None


def test_correctly_spelled_english_words_are_never_rewritten():
    # 'maker' is English even where the index only knows 'make'; British spellings count too.
    assert correct(parse_query("maker"), *vocabulary({"make": 50, "makes": 20})) is None
    assert correct(parse_query("colour"), *vocabulary({"color": 50, "colours": 3})) is None


@pytest.mark.parametrize("query", ["teapot lid doesn't fit", "it didn’t arrive", "clasp wouldn't close",
                                   "shouldn't crack"])
def test_the_first_part_of_a_negative_contraction_is_never_rewritten(query):
    # "doesn't" is searched as "doesn" (its one-letter part dropped), which no word list holds:
    # it was 'corrected' to "does", and the page showed results for "teapot lid does fit".
    known = vocabulary({"does": 50, "teapot": 9, "lid": 9, "fit": 9, "did": 40, "arrive": 9,
                        "clasp": 3, "would": 40, "close": 9, "should": 40, "crack": 9})
    assert correct(parse_query(query), *known) is None


def test_short_words_are_not_corrected():
    assert correct(parse_query("bwol"), *vocabulary({"bow": 5, "bowls": 9})) is None


def test_edit_distance_counts_a_swap_as_one_edit():
    assert [distance(a, b) for a, b in (("porcelian", "porcelain"), ("porselin", "porcelain"), ("abc", "abc"))] == [1, 2, 0]


def test_snippet_marks_stemmed_matches_and_escapes_markup():
    snippet = str(best_snippet(["<i>x</i> the bowls were thrown beautifully"], stems_of({"bowl"})))
    assert "<mark>bowls</mark>" in snippet and "<i>" not in snippet and "&lt;/i&gt;" in snippet


def test_snippet_picks_the_text_with_most_distinct_matches():
    snippet = str(best_snippet(["walnut only", "walnut table, solid"], stems_of({"walnut", "table"})))
    assert "<mark>table</mark>" in snippet


def test_snippet_looks_past_texts_that_cannot_beat_the_best_window_so_far():
    # The second text matches as many words as the first (it cannot beat it); the third matches more.
    texts = ["a walnut bowl", "walnut again", "plain words", "walnut table and walnut bowl"]
    snippet = str(best_snippet(texts, stems_of({"walnut", "table", "bowl"})))
    assert snippet.count("<mark>") == 4 and "<mark>table</mark>" in snippet


def test_snippet_ties_keep_the_first_text():
    snippet = str(best_snippet(["first walnut", "second walnut"], stems_of({"walnut"})))
    assert snippet.startswith("first")


def _cut_words(snippet, text: str) -> list[str]:
    """The snippet's first and last words as shown (marks and ellipses removed), and the text's words,
    composed (NFC) as snippets show them: an accent typed apart is shown joined to its letter."""
    shown = html.unescape(re.sub(r"</?mark>", "", str(snippet))).strip("\u2026 ").split()
    return [shown[0], shown[-1]], unicodedata.normalize("NFC", text).split()


@pytest.mark.parametrize("text, query", [
    ("Thanks for the note. I'm sorry the serving bowl arrived late " + "plain " * 40, "bowl"),
    ("Thanks for the note. I’m sorry the serving bowl arrived late " + "plain " * 40, "bowl"),
    ("Orders take weeks, the wheel-thrown set of six bowls " + "plain " * 40, "bowls"),
    ("A gift for my friend in Zu\u0308rich of my fine walnut bowls " + "plain " * 40, "walnut"),
    ("I ordered from them. शिल्पकार हस्तनिर्मित walnut " + "plain " * 40, "walnut"),
    ("walnut " + "plain " * 26 + "I'm late, sorry", "walnut"),
    ("walnut " + "plain " * 26 + "well-made one, truly", "walnut"),
    ("walnut " + "plain " * 26 + "Malmo\u0308 itself", "walnut"),
])
def test_snippets_start_and_end_on_whole_words(text, query):
    # The window was cut at token boundaries, and "I'm" is two tokens: "… m sorry the serving bowl".
    ends, words = _cut_words(best_snippet([text], stems_of({query})), text)
    assert all(end in words for end in ends)


# Words of letters, combining marks (an accent typed apart, a Devanagari vowel sign) and joiners.
_WORDS = st.from_regex(r"[ab\u00e9][ab\u0301\u093f]{0,3}(['’\-\u200d][ab][ab\u0301\u093f]{0,3}){0,2}[,.]?",
                       fullmatch=True)


@given(st.lists(_WORDS, min_size=1, max_size=60), st.integers(0, 59))
def test_snippets_never_split_a_word_whatever_its_letters(words, at):
    words.insert(min(at, len(words)), "walnut")
    text = " ".join(words)
    ends, words = _cut_words(best_snippet([text], stems_of({"walnut"})), text)
    # Punctuation after a word the snippet cuts at may go; no letter, mark or joined part may.
    assert all(end.rstrip(",.") in {w.rstrip(",.") for w in words} for end in ends)


def test_a_cut_snippet_says_so_at_each_end():
    text = "plain " * 10 + "walnut " + "plain " * 40
    assert str(best_snippet([text], stems_of({"walnut"}))).startswith("\u2026 ")
    assert str(best_snippet([text], stems_of({"walnut"}))).endswith(" \u2026")


def test_a_snippet_holding_the_whole_text_keeps_its_punctuation_and_has_no_ellipsis():
    snippet = str(best_snippet(["“Lovely walnut bowl.”"], stems_of({"walnut"})))
    assert snippet == "“Lovely <mark>walnut</mark> bowl.”"


@given(st.text(alphabet=st.sampled_from("ae oZ-—’\u0301\u0308éöØßæœŁﬁ①Ａ한\u1100\u1161ボй\u0939\u094d"), max_size=40))
def test_folding_runs_of_non_ascii_equals_folding_each_character(text):
    # ... once a Ukrainian apostrophe between Cyrillic letters is dropped (й’й is one word, йй)
    assert fold(text) == "".join(fold(c) for c in CYRILLIC_APOSTROPHE.sub("", text))


@pytest.mark.parametrize("word", ["한국", "도자기", "ボウル", "陶器のマグカップ", "чайник", "красивый", "हिन्दी", "सुंदर",
                                  "ถ้วยสวย", "كوب", "שלום"])
def test_folding_leaves_the_letters_of_other_scripts_whole(word):
    # As PostgreSQL's unaccent does: decomposed, 한 is jamo, ボ is ホ, й is и, and the query found nothing there.
    assert fold(word) == word


@pytest.mark.parametrize("word, folded", [("Ελληνικά", "Ελληνικα"), ("ёлка", "елка"), ("Phở", "Pho"),
                                          ("ＡＢＣ", "ABC"), ("ﬁne", "fine"), ("STRAẞE", "STRASSE"),
                                          ("كُوب", "كوب"), ("שָׁלוֹם", "שלום"), ("ΟΔΟΣ οδός", "ΟΔΟΣ οδοσ")])
def test_folding_takes_off_latin_and_greek_accents_cyrillic_yo_and_hebrew_and_arabic_vowels(word, folded):
    assert fold(word) == folded


@pytest.mark.parametrize("text, words", [("सुंदर हिन्दी कप", ("सुंदर", "हिन्दी", "कप")), ("ถ้วยสวย", ("ถ้วยสวย",)),
                                         ("e\u0301te\u0301 bowl", ("ete", "bowl"))])
def test_a_word_keeps_its_combining_marks(text, words):
    assert words_of(text) == words


def test_folding_a_review_text_with_a_dash_and_accents():
    assert fold("Café — Malmö’s “Øresund” naïve e\u0301") == "Cafe — Malmo’s “Oresund” naive e"


def test_inline_highlight_keeps_surrounding_punctuation():
    assert str(highlight_inline("«Oak» & co.", stems_of({"oak"}))) == "«<mark>Oak</mark>» &amp; co."


def test_blend_never_lets_standing_beat_a_much_better_text_match():
    assert blend(1.0, 0.0) > blend(0.5, 1.0)


def test_blend_orders_equal_relevance_by_standing():
    assert blend(1.0, standing(0.95, 40)) > blend(1.0, standing(0.1, 6))


def test_thin_evidence_moves_standing_little_either_way():
    assert 0 < standing(0.95, 2) < standing(0.95, 50)
    assert standing(0.05, 50) < standing(0.05, 2) < 0
    assert standing(None, 0) == 0.0 and abs(standing(0.5, 100)) < 1e-9


def test_an_unproven_specialist_with_clearly_better_text_beats_a_proven_generalist():
    assert blend(1.25, standing(0.5, 3)) > blend(1.0, standing(0.99, 200))


def test_minimum_scores_are_half_stars():
    assert filters_from_args({"min_score": "4.4"}).min_score == 4.0
    assert filters_from_args({"min_score": "3.5"}).min_score == 3.5


def test_half_star_buckets_agree_with_comparing_the_score_itself():
    scores = [1.0, 3.95, 3.9999999, 4.0, 4.0000001, 4.05, 4.3, 4.49, 4.5, 4.7, 5.0] + [i / 97 * 4 + 1 for i in range(98)]
    for halves in range(2, 11):
        minimum = halves / 2
        buckets = set(score_buckets_from(minimum))
        assert [s >= minimum for s in scores] == [score_bucket(s) in buckets for s in scores], minimum


def test_between_texts_matching_as_many_words_the_snippet_shows_the_rarer_word():
    # "late delivery ceramics" showed "Delivery was on time." of a maker whose reviews said late elsewhere.
    texts = ["Lovely plates. Delivery was on time.", "Delivery was quick.", "The bowl arrived three weeks late.",
             "Delivery was on time again."]
    snippet = str(best_snippet(texts, stems_of({"late", "delivery"})))
    assert "<mark>late</mark>" in snippet and "Delivery" not in snippet
