"""Accent and case folding, the same on both backends (Whoosh filter here, `unaccent` on PostgreSQL)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import Filter

# Letters that carry no decomposable accent, folded as PostgreSQL's unaccent.rules folds them
# (tests/search/test_folding.py compares every letter of Latin-1 and Latin Extended-A with it).
_LETTERS = {"æ": "ae", "Æ": "AE", "ð": "d", "Ð": "D", "ø": "o", "Ø": "O", "þ": "th", "Þ": "TH",
            "ß": "ss", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i", "ĸ": "q", "ł": "l",
            "Ł": "L", "Ŀ": "L", "ŀ": "l", "ŉ": "'n", "ŋ": "n", "Ŋ": "N", "œ": "oe", "Œ": "OE", "ŧ": "t", "Ŧ": "T"}
_TABLE = str.maketrans(_LETTERS)


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
    decomposed = unicodedata.normalize("NFKD", run.translate(_TABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
