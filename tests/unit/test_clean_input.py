"""clean_input: invisible format characters (Unicode Cf) never count as text, but keep their meaning inside words."""
from __future__ import annotations

import sys
import unicodedata

import pytest

from craftreview.text import clean_input, render_user_text

# Cf, but drawn: number signs written before digits (Arabic, Syriac, Kaithi …).
PREPENDED_MARKS = {0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2,
                   0x110BD, 0x110CD}
INVISIBLE = [chr(c) for c in range(sys.maxunicode + 1)
             if unicodedata.category(chr(c)) == "Cf" and c not in PREPENDED_MARKS]


def test_every_invisible_format_character_alone_or_repeated_cleans_to_nothing():
    """Covers this Python's whole Unicode table, so a new Cf character fails here until text.py knows it."""
    kept = [f"U+{ord(ch):04X}" for ch in INVISIBLE
            if clean_input(ch) or clean_input(ch * 20) or clean_input(f" {ch} \n {ch}{ch} ")]
    assert kept == []


@pytest.mark.parametrize("value", ["\u200b" * 20, "\u200d" * 20, "\ufeff\u2060\u200b\u200c\u200d\u200e\u200f",
                                   "\u00ad" * 10, " \u200b \u200b ", "\U000e0067\U000e0062\U000e007f"])
def test_text_of_only_invisible_characters_is_empty(value):
    assert clean_input(value) == ""
    assert render_user_text(value) == ""


def test_zero_width_spaces_do_not_pad_a_word():
    assert clean_input("gre\u200ba\u200b\u200bt\u2060 bowl\ufeff") == "great bowl"


def test_a_run_of_joiners_inside_a_word_shrinks_to_one():
    assert clean_input("so\u200d\u200d\u200d\u200dlid") == "so\u200dlid"


@pytest.mark.parametrize("value", [
    "Love it 👩\u200d💻👨\u200d👩\u200d👧",              # emoji ZWJ sequences
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: ZWNJ inside a word
    "\u0915\u094d\u200d\u0937",                          # Devanagari half form
    "Ta\u00adble",                                       # soft hyphen: a place to break the word
    "Go \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f!",  # the flag of Scotland
    "\u0600\u0661\u0662",                                # Arabic number sign before digits (visible)
])
def test_format_characters_with_a_meaning_stay(value):
    assert clean_input(value) == value


def test_stray_tag_characters_and_bidi_overrides_go():
    assert clean_input("\U000e0067ab\U000e007fc \u202eevil\u202c") == "abc evil"


@pytest.mark.parametrize("value", ["\u2800" * 5, "\u3164\u3164\u3164", "\u115f\u1160", "\uffa0 \uffa0", "\u034f",
                                   " \u034f\u034f ", "\u2800\u034f\u3164"])
def test_text_that_only_looks_blank_is_empty(value):
    """Hangul fillers and the blank braille pattern are letters drawn as nothing: a review title or a moderator's
    reason made of them passed every "write something" check and was stored as an empty-looking text."""
    assert clean_input(value) == ""


def test_blank_looking_letters_inside_text_are_spaces_and_the_joiner_stays_inside_a_word():
    assert clean_input("fine\u2800\u2800work\u3164") == "fine  work"
    assert clean_input("a\u034fb") == "a\u034fb"


@pytest.mark.parametrize("value", ["\ufe0f\ufe0f\ufe0f", "\U000e0100" * 3, "\u0301\u0301", "\u180b\u180c",
                                   " \u20dd\u0301 ", "\u200b\u0301\u0302", "\u3164\ufe0f",
                                   # a joiner between stray marks: it joins nothing, and leaves them stranded
                                   "\ufe0f\u200d\ufe0f", "\u0301\u200d\u0301", "\U000e0100\u200c\U000e0100",
                                   "\u0301\u00ad\u0301\u200e\u0301",
                                   "\x80\x81\x9f", "\x9b\u0301"])  # C1 controls
def test_marks_with_nothing_to_sit_on_are_empty(value):
    """Variation selectors and combining marks count as characters but draw nothing without a letter under them: a
    display name, title, reply or order item made of them passed every length check and showed blank."""
    assert clean_input(value) == ""


@pytest.mark.parametrize("value, cleaned", [
    ("caf\u0065\u0301 \u2764\ufe0f", "caf\u0065\u0301 \u2764\ufe0f"),  # an accent on its letter, an emoji's selector
    ("\u2764\ufe0f\u200d\U0001f525", "\u2764\ufe0f\u200d\U0001f525"),  # heart on fire: a joiner after a selector
    ("a\u0301\u200d\u0301", "a\u0301\u0301"), ("Line\x85two", "Line\ntwo"),
    ("\u0915\u093f\u0924\u093e\u092c", "\u0915\u093f\u0924\u093e\u092c"),  # Devanagari vowel signs
    ("\u0301Fine work", "Fine work"), ("Fine \u0301\u0301work", "Fine work"), ("Fine\n\ufe0fwork", "Fine\nwork"),
])
def test_marks_on_a_letter_stay_and_stranded_ones_go(value, cleaned):
    assert clean_input(value) == cleaned
