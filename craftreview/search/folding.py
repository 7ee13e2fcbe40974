"""Accent and case folding, the same on both backends (Whoosh filter here, `unaccent` on PostgreSQL)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import Filter

from ..text import mark_ranges

FINAL_SIGMA = "ς"
# Letters that carry no decomposable accent, folded as PostgreSQL's unaccent.rules folds them
# (tests/search/test_folding.py compares every letter of Latin-1 and Latin Extended-A with it).
_LETTERS = {"æ": "ae", "Æ": "AE", "ð": "d", "Ð": "D", "ø": "o", "Ø": "O", "þ": "th", "Þ": "TH",
            "ß": "ss", "ẞ": "SS", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i", "ĸ": "q", "ł": "l",
            "Ł": "L", "Ŀ": "L", "ŀ": "l", "ŉ": "'n", "ŋ": "n", "Ŋ": "N", "œ": "oe", "Œ": "OE", "ŧ": "t", "Ŧ": "T",
            # Greek's final sigma is σ (PostgreSQL lower-cases ΟΔΟΣ to οδοσ, Python to οδος): one letter on both
            FINAL_SIGMA: "σ"}
_TABLE = str.maketrans(_LETTERS)


# Hebrew points and cantillation, Arabic vowel signs (harakat) and Quranic marks: most text leaves them out, so a word
# written with them is found by the word without (שלום finds שָׁלוֹם, كتاب finds كِتَابٌ). PostgreSQL's craftreview_unaccent
# removes the same characters (pg_backend.UNACCENT_SQL, migration 0031) before unaccent, which keeps them.
_VOWEL_MARK_RANGES = ((0x0591, 0x05BD), (0x05BF, 0x05BF), (0x05C1, 0x05C2), (0x05C4, 0x05C5), (0x05C7, 0x05C7),  # Hebrew
                      (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06DC), (0x06DF, 0x06E4),  # Arabic
                      (0x06E7, 0x06E8), (0x06EA, 0x06ED))
VOWEL_MARKS = "".join(chr(code) for first, last in _VOWEL_MARK_RANGES for code in range(first, last + 1))


# Ukrainian writes an apostrophe inside words (м'ясо, сімʼя), as U+02BC (a letter to Python, so one word), ’ or '
# (word breaks to every tokenizer; PostgreSQL's unaccent turns the other two into it): each form found only some of
# the others on each backend. Between two Cyrillic letters it is dropped (мʼясо, м'ясо, м’ясо are all мясо), here and
# in craftreview_unaccent (pg_backend.UNACCENT_SQL, migration 0033); the tokenizers keep such a word whole.
CYRILLIC = "\u0400-\u04ff"
APOSTROPHES = "'\u2019\u02bc"
CYRILLIC_APOSTROPHE = re.compile(f"(?<=[{CYRILLIC}])[{APOSTROPHES}](?=[{CYRILLIC}])")
# Half-width katakana (ｶﾞﾗｽ) are read as the full-width ones (ガラス), a voiced mark joined to its kana, as NFKC reads
# them (unaccent keeps both forms apart): each half-width letter translated to its full-width one, the marks to the
# combining ones (U+3099, U+309A), then composed (NFC), here and in craftreview_unaccent.
HALF_WIDTH_KANA = "".join(chr(code) for code in range(0xFF66, 0xFFA0))
FULL_WIDTH_KANA = "".join(unicodedata.normalize("NFKC", c) for c in HALF_WIDTH_KANA)
_KANA = str.maketrans(HALF_WIDTH_KANA, FULL_WIDTH_KANA)
_HALF_WIDTH = re.compile(f"[{HALF_WIDTH_KANA}]")


def fold(text: str) -> str:
    """The text without accents ('Malmö' -> 'Malmo', 'Øresund' -> 'Oresund'); ASCII is returned as is."""
    if text.isascii():
        return text
    text = CYRILLIC_APOSTROPHE.sub("", text)
    if _HALF_WIDTH.search(text):
        text = unicodedata.normalize("NFC", text.translate(_KANA))
    # Folding leaves ASCII alone and never joins across it, so only the non-ASCII runs are folded:
    # snippets fold whole review texts that a dash or a curly quote makes non-ASCII.
    return _NON_ASCII.sub(_fold_match, text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_match(match: re.Match) -> str:
    return _fold_run(match.group())


@lru_cache(maxsize=20_000)
def _fold_run(run: str) -> str:
    return "".join(_fold_char(c) for c in run.translate(_TABLE))


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """One character folded as PostgreSQL's unaccent folds it: a Latin or Greek letter loses its accents and a
    compatibility form (full-width, ligature) becomes its plain letters; Cyrillic ё is е; a combining diacritical
    mark standing alone goes. Other scripts are left whole: decomposed, a Hangul syllable falls into its jamo, ボ
    becomes ホ and й becomes и, words unaccent keeps, so a query folded so found nothing on PostgreSQL."""
    if _LONE_DIACRITICS.fullmatch(char):
        return ""
    form = "NFD" if unicodedata.decomposition(char).startswith(_KEPT_FORMS) else "NFKD"
    plain = "".join(c for c in unicodedata.normalize(form, char) if not unicodedata.combining(c))
    if plain != char and _LATIN_OR_GREEK.fullmatch(plain):
        return plain
    letter = _MARKED_LATIN.fullmatch(unicodedata.name(char, ""))  # a stroke or hook no decomposition removes
    if letter:
        return letter[2] if letter[1] == "CAPITAL" else letter[2].lower()
    return _CYRILLIC.get(char, char)


_LONE_DIACRITICS = re.compile(f"[\u0300-\u0362\u20dd-\u20e0\u20e2-\u20e4{VOWEL_MARKS}]")
# Printable ASCII, Latin-1, Latin Extended-A and -B, Greek, Latin Extended Additional and Greek Extended.
_LATIN_OR_GREEK = re.compile("[!-\u024f\u0370-\u03ff\u1e00-\u1fff]+")
_CYRILLIC = {"ё": "е", "Ё": "Е"}
# Compatibility forms unaccent leaves as they are (a superscript, a circled digit, a fraction, a letter in a
# mathematical font, an Arabic letter's joining form): only their canonical accents go.
_KEPT_FORMS = ("<super>", "<sub>", "<circle>", "<fraction>", "<font>", "<isolated>", "<initial>", "<medial>",
               "<final>", "<noBreak>")
_MARKED_LATIN = re.compile(r"LATIN (SMALL|CAPITAL) LETTER ([A-Z]) WITH (?:STROKE|HOOK|BAR|TOPBAR|CURL|TAIL)"
                           r"(?: AND [A-Z ]+)?")


# A word: a letter or digit, then letters, digits and the combining marks on them (every mark, spacing ones too).
# Split at its marks, a Hindi or Thai word was pieces on Whoosh and in a query, and PostgreSQL, which keeps it whole,
# found it for no query at all.
# A Ukrainian apostrophe between Cyrillic letters joins them into one word (fold then drops it).
_MARKS = mark_ranges(("Mn", "Mc", "Me"))
_LETTERS_MARKED = f"[^\\W_]+(?:[{_MARKS}]+[^\\W_]*)*"
WORD = re.compile(f"{_LETTERS_MARKED}(?:{CYRILLIC_APOSTROPHE.pattern}{_LETTERS_MARKED})*")
# Whoosh's tokenizer: its default pattern (a word, or words joined by single dots), its words holding their marks.
_MARKED_WORD = f"\\w+(?:[{_MARKS}]+\\w*)*"
TOKEN_PATTERN = f"{_MARKED_WORD}(?:(?:\\.|{CYRILLIC_APOSTROPHE.pattern})?{_MARKED_WORD})*"


def composed(text: str) -> str:
    """The text in Unicode NFC: an accent typed apart ('e' + U+0301) joined to its letter ('é'). A
    tokenizer ends a word at a combining mark (it is no word character), so 'décoré' typed with its
    accents apart was the words 'de' and 'core' in Whoosh's index and in snippets; composed, one word."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# Tokens repeat endlessly while indexing: remember the folded form of the non-ASCII ones.
_fold_token = lru_cache(maxsize=20_000)(fold)


class FoldFilter(Filter):
    """Whoosh analyzer filter: fold each token's accents (after lower-casing, before stemming)."""

    def __eq__(self, other):
        return isinstance(other, FoldFilter)

    def __call__(self, tokens):
        for token in tokens:
            if not token.text.isascii():
                token.text = _fold_token(token.text)
            yield token
