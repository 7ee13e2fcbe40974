"""'Did you mean': one-edit corrections checked against the index's own vocabulary."""
from __future__ import annotations

import string
from collections.abc import Callable, Iterable
from dataclasses import replace

from .documents import Doc
from .query import Clause, ParsedQuery, words_of

MIN_TYPO_LENGTH = 5  # shorter words have too many one-edit neighbours to guess well
MAX_TYPO_LENGTH = 24  # longer "words" are not typos of real words, and have huge neighbourhoods
_LETTERS = string.ascii_lowercase + string.digits
KnownWords = Callable[[set[str]], dict[str, int]]


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | transposes | replaces | inserts) - {word}


def correct(query: ParsedQuery, known_words: KnownWords) -> ParsedQuery | None:
    """The query with unknown longer words replaced by their most frequent one-edit neighbour."""
    words = {w for c in query.positives for w in c.words if MIN_TYPO_LENGTH <= len(w) <= MAX_TYPO_LENGTH}
    if not words:
        return None
    present = known_words(words)
    fixes = {w: _best_neighbour(w, known_words) for w in words if not present.get(w)}
    fixes = {w: f for w, f in fixes.items() if f}
    if not fixes:
        return None
    clauses = tuple(_fix_clause(c, fixes) for c in query.clauses)
    return replace(query, clauses=clauses, notes=())


def _best_neighbour(word: str, known_words: KnownWords) -> str | None:
    found = known_words(edits1(word))
    if not found:
        return None
    return max(sorted(found), key=lambda w: found[w])


def _fix_clause(clause: Clause, fixes: dict[str, str]) -> Clause:
    if clause.negate:
        return clause
    return replace(clause, words=tuple(fixes.get(w, w) for w in clause.words))


def doc_vocabulary(doc: Doc) -> set[str]:
    """The words a document offers as corrections. Only maker documents offer any: they already
    hold every visible review's words."""
    if doc.kind != "maker":
        return set()
    return vocabulary_words((doc.title, doc.craft_text, doc.location, doc.body))


def vocabulary_words(texts: Iterable[str]) -> set[str]:
    """Words worth offering as corrections: lower-case, 3+ characters, not pure digits."""
    return {w for t in texts for w in words_of(t) if len(w) >= 3 and not w.isdigit()}
