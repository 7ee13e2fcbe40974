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
VOWEL_MARKS = "\u0591\u0592\u0593\u0594\u0595\u0596\u0597\u0598\u0599\u059a\u059b\u059c\u059d\u059e\u059f\u05a0\u05a1\u05a2\u05a3\u05a4\u05a5\u05a6\u05a7\u05a8\u05a9\u05aa\u05ab\u05ac\u05ad\u05ae\u05af\u05b0\u05b1\u05b2\u05b3\u05b4\u05b5\u05b6\u05b7\u05b8\u05b9\u05ba\u05bb\u05bc\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3\u06e4\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed"


def fold(text: str) -> str:
    """The text without accents ('Malmö' -> 'Malmo', 'Øresund' -> 'Oresund'); ASCII is returned as is."""
    if text.isascii():
        return text
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
_MARKS = mark_ranges(("Mn", "Mc", "Me"))
WORD = re.compile(f"[^\\W_]+(?:[{_MARKS}]+[^\\W_]*)*")
# Whoosh's tokenizer: its default pattern (a word, or words joined by single dots), its words holding their marks.
_MARKED_WORD = f"\\w+(?:[{_MARKS}]+\\w*)*"
TOKEN_PATTERN = f"{_MARKED_WORD}(?:\\.?{_MARKED_WORD})*"


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
