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

import numpy as np

from .variants import variants

SYSTEM_WORDS = Path("/usr/share/dict/words")
# What a negative contraction leaves once the query drops its one-letter part ("doesn't" is searched
# as "doesn"): the word lists hold these only with the apostrophe, so they looked like typos ("does").
CONTRACTION_PARTS = frozenset("""
ain aren couldn didn doesn hadn hasn haven isn mightn mustn needn oughtn shan shouldn wasn weren won wouldn
""".split())
SHIPPED_WORDS = Path(__file__).resolve().parent / "data" / "english-words.txt.gz"


@lru_cache(maxsize=1)
def english_hashes() -> np.ndarray:
    """Sorted hashes of the lower-case, accent-folded English words (about 75,000; loaded once per process).

    Kept as 64-bit hashes, not as a set of strings: 0.6 MB instead of 8 MB in every web worker. A
    misspelling taken for a word would need a 64-bit collision with one of 75,000 words.
    """
    from .query import words_of  # query imports variants; keep this module importable from both
    words = set(SHIPPED_WORDS.exists() and gzip.decompress(SHIPPED_WORDS.read_bytes()).decode().split() or ())
    if SYSTEM_WORDS.exists():
        words.update(w for line in SYSTEM_WORDS.read_text(errors="ignore").splitlines()
                     if "'" not in line for w in words_of(line))
    return np.unique(np.fromiter((hash(w) for w in words), dtype=np.int64, count=len(words)))


def _known(word: str, hashes: np.ndarray) -> bool:
    at = int(hashes.searchsorted(hash(word)))
    return at < len(hashes) and int(hashes[at]) == hash(word)


def is_english(word: str) -> bool:
    """Whether a (lower-case, folded) word is spelled right: in the list, or a variant of a word in it."""
    if word in CONTRACTION_PARTS:
        return True
    hashes = english_hashes()
    return _known(word, hashes) or any(_known(v, hashes) for v in variants(word))
