"""Spelling neighbours in a Whoosh segment's vocabulary (the `spell` field), found with numpy.

Whoosh's `terms_within` builds a Levenshtein automaton per word in pure Python and converts it to a DFA:
25-50 ms for a word of 7+ letters at distance 3 (the spelling search fetches one edit wider than it
corrects), paid on every search with few results that has an indexed but non-English word in it
("gothenburg handwoven") as well as on typos. Here each segment's vocabulary is kept as a matrix of
code points (loaded once per segment and process) and the words sharing the first letter, of a
length within reach, get their edit distance computed all at once, one numpy step per letter of the
word. The answer is the same set of words: Whoosh's automaton is plain Levenshtein (insert, delete,
substitute) with the first letter fixed, and with equal first letters the distance of the words is the
distance of their rests.
"""
from __future__ import annotations

import numpy as np

FIELD = "spell"


def load(reader, longest: int) -> tuple[np.ndarray, np.ndarray]:
    """A segment's vocabulary words of at most `longest` letters: (code points, one row per word, zero
    padded; lengths). Narrow code points (uint8) when every word is Latin-1, as folded words are."""
    words = [w for w in (b.decode("utf-8") for b in reader.lexicon(FIELD)) if len(w) <= longest]
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    width = int(lengths.max()) if len(words) else 1
    points = [ord(c) for w in words for c in w]
    dtype = np.uint8 if not points or max(points) < 256 else np.uint32
    codes = np.zeros((len(words), width), dtype=dtype)
    rows = np.repeat(np.arange(len(words)), lengths)
    columns = np.arange(len(points)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    codes[rows, columns] = points
    return codes, lengths.astype(np.uint8 if width < 256 else np.int64)


def neighbours(vocabulary: tuple[np.ndarray, np.ndarray], word: str, max_edits: int) -> list[str]:
    """Vocabulary words sharing `word`'s first letter within `max_edits` Levenshtein edits of it."""
    codes, lengths = vocabulary
    if not word or not len(codes) or ord(word[0]) > np.iinfo(codes.dtype).max:
        return []
    reach = np.abs(lengths.astype(np.int64) - len(word)) <= max_edits
    rows = np.flatnonzero(reach & (codes[:, 0] == ord(word[0])))
    if not len(rows):
        return []
    found = rows[_distances(codes[rows], word)[np.arange(len(rows)), lengths[rows].astype(np.int64)] <= max_edits]
    return ["".join(map(chr, codes[r, :lengths[r]])) for r in found]


def _distances(candidates: np.ndarray, word: str) -> np.ndarray:
    """Levenshtein distance from `word` to every prefix of every candidate row: (rows, width + 1).

    Row by row of the classic table, each row whole: substitution and deletion from the row above,
    then insertions as a running minimum of (cost - column) + column."""
    count, width = candidates.shape
    columns = np.arange(width + 1)
    previous = np.broadcast_to(columns, (count, width + 1)).copy()
    for i, letter in enumerate(word, 1):
        current = np.empty_like(previous)
        current[:, 0] = i
        substituted = previous[:, :-1] + (candidates != ord(letter))
        current[:, 1:] = np.minimum(previous[:, 1:] + 1, substituted)
        previous = np.minimum.accumulate(current - columns, axis=1) + columns
    return previous
