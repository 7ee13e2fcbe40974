"""English words spelling correction must never 'correct': Debian's word list when installed, else
the one shipped here.

`data/english-words.txt.gz` was generated from Debian's `wamerican` 2020.12.07-2 package (SCOWL
word list, American English, size 50): every entry without an apostrophe, accent-folded and
lower-cased, letters only. British spellings count as words through `variants`.
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from .variants import variants

SYSTEM_WORDS = Path("/usr/share/dict/words")
SHIPPED_WORDS = Path(__file__).resolve().parent / "data" / "english-words.txt.gz"


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case, accent-folded English words (about 75,000: ~5 MB, loaded once per process)."""
    from .query import words_of  # query imports variants; keep this module importable from both
    words = set(SHIPPED_WORDS.exists() and gzip.decompress(SHIPPED_WORDS.read_bytes()).decode().split() or ())
    if SYSTEM_WORDS.exists():
        words.update(w for line in SYSTEM_WORDS.read_text(errors="ignore").splitlines()
                     if "'" not in line for w in words_of(line))
    return frozenset(words)


def is_english(word: str) -> bool:
    """Whether a (lower-case, folded) word is spelled right: in the list, or a variant of a word in it."""
    words = english_words()
    return word in words or any(v in words for v in variants(word))
