"""'Did you mean': corrections within one or two edits, checked against the index's own vocabulary.

A word is never 'corrected' when it is in the index or is a correctly spelled English word
(dictionary.py): `maker` stays `maker` even where only `make` is indexed. Compounds are corrected
too: written apart ('tea pot', 'stone-ware') they are offered joined when the joined word is in the
index ('teapot'); an unknown word the index holds as two words is offered split ('dinnerset' ->
"dinner set"). Like any correction, these replace the query only when the words as typed found nothing.
"""
from __future__ import annotations

import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from .dictionary import is_english
from .documents import Doc
from .query import Clause, ParsedQuery, names_marked, words_of
from .stemming import stem
from .stopwords import STOP_WORDS

MIN_TYPO_LENGTH = 5  # shorter words have too many one-edit neighbours to guess well
SHORT_TYPO_LENGTH = 4  # ... unless the query's other words confirm one of them (short_corrections)
TWO_EDITS_FROM = 7   # words this long may be corrected by two edits (porselin -> porcelain)
SUGGEST_RATIO = 3     # an indexed word is questioned only for a neighbour this many times as frequent
MAX_TYPO_LENGTH = 24  # longer "words" are not typos of real words, and have huge neighbourhoods
MAX_CANDIDATES = 3    # neighbours of one misspelled word weighed against the rest of the query
MAX_COMBINATIONS = 6  # corrected queries weighed (search.service.best_fit counts each on both tabs)
_LETTERS = string.ascii_lowercase + string.digits
# First letters a buyer may write for one another because they sound alike (English spelling).
SOUNDS_ALIKE = {"c": "ksq", "k": "cq", "q": "ck", "s": "cz", "z": "s", "f": "pv", "v": "fw", "w": "v",
                "g": "j", "j": "g", "i": "ey", "y": "i", "e": "ia", "a": "eo", "o": "au", "u": "o"}
KnownWords = Callable[[set[str]], dict[str, int]]
SimilarWords = Callable[[str, int], dict[str, int]]


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | transposes | replaces | inserts) - {word}


def distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) that turn a into b."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def max_edits(word: str) -> int:
    """How many typos a word of this length may be corrected for."""
    return 2 if len(word) >= TWO_EDITS_FROM else 1


def correct(query: ParsedQuery, known_words: KnownWords, similar_words: SimilarWords,
            indexed_too: bool = False) -> ParsedQuery | None:
    """The query with each misspelled longer word replaced by its closest, then most frequent,
    neighbour in the index vocabulary (same first letter, within max_edits). English words are
    never replaced; words in the index only with `indexed_too` (a suggestion, never a rewrite),
    and only by a neighbour SUGGEST_RATIO times as frequent ('vaze' in one review, 'vase' in many)."""
    options = corrections(query, known_words, similar_words, indexed_too)
    return options[0].query if options else None


@dataclass(frozen=True)
class Correction:
    """One corrected query, with the edits its replaced words took and their rank among their words' neighbours."""

    query: ParsedQuery
    edits: int
    rank: int  # summed position of each chosen neighbour in its word's (closest, then most frequent) order
    stop: bool = False  # a word was replaced by a stop word, which is searched as nothing
    # What a review must hold to confirm a short_corrections() one: its clauses but those of words no document holds,
    # which confirm nothing and which a best-partial-match page leaves aside ("fell" in "mug handel fell off").
    probe: ParsedQuery | None = None
    # The words it put in place of English words ('handle' for 'handel'): a review holding one beside the other words
    # confirms it only if the word is far likelier there than anywhere (service.best_fit), as 'small' is not beside
    # 'candle good' (a buyer's "does the candle smell good").
    for_english: frozenset[str] = frozenset()


def corrections(query: ParsedQuery, known_words: KnownWords, similar_words: SimilarWords,
                indexed_too: bool = False) -> list[Correction]:
    """Up to MAX_COMBINATIONS corrected queries, correct()'s first: each misspelled word's neighbours
    within max_edits (up to MAX_CANDIDATES each, closest then most frequent) combined, the fewest edits
    and best-ranked neighbours first. Which combination fits the rest of the query is for the caller
    to tell (search.service: 'poter kyoto' is 'potter kyoto', though 'poker' is more frequent)."""
    words = {w for c in query.positives for w in c.words
             if MIN_TYPO_LENGTH <= len(w) <= MAX_TYPO_LENGTH and not w.isdigit()}
    joinable = _joinable(query.clauses)
    if not words and not joinable:
        return []
    present = known_words(words | set(joinable))
    options = {w: _neighbours(w, similar_words, known_words, SUGGEST_RATIO * present.get(w, 0)) for w in sorted(words)
               if (indexed_too or not present.get(w)) and not is_english(w)}
    options = {w: [((f,), d) for f, d in found] for w, found in options.items() if found}
    splits = _splits([w for w in sorted(words) if w not in options and not present.get(w) and not is_english(w)],
                     known_words)
    options |= {w: [(pair, 0)] for w, pair in splits.items()}
    joins = _joins({w: at for w, at in joinable.items() if present.get(w)}, present)
    if not options and not joins:
        return []
    clauses = _joined(query.clauses, joins)
    out = []
    for fixes, edits, rank in _combinations(options):
        fixed = replace(query, clauses=names_marked(tuple(dict.fromkeys(_fix_clause(c, fixes) for c in clauses))), notes=())
        out.append(Correction(fixed, edits, rank, any(f in STOP_WORDS for fix in fixes.values() for f in fix)))
    return out


def short_corrections(query: ParsedQuery, known_words: KnownWords, similar_words: SimilarWords) -> list[Correction]:
    """Corrected queries for the words only the other words can tell a neighbour for, combined as corrections() does:
    unknown, non-English words of SHORT_TYPO_LENGTH letters ('chopping bord'), and English words of MIN_TYPO_LENGTH+
    letters that no document holds, one edit from an indexed word ('mug handel': Handel is in the word list, and so
    is 'bowel' of 'walnut bowel'), which may also stay as typed. Such a word is no sure typo, or has too many
    neighbours to guess from the word alone: the caller keeps one only where the other words confirm it
    (search.service: a review holds them all), so a query of one word has none."""
    if len(query.positives) < 2:
        return []
    words = {w for c in query.positives for w in c.words
             if SHORT_TYPO_LENGTH <= len(w) <= MAX_TYPO_LENGTH and not w.isdigit()}
    present = known_words(words) if words else {}
    unknown = {w for w in words if not present.get(w)}
    english = {w for w in unknown if is_english(w)}
    # A stop word is searched as nothing: every review holding the other words would 'confirm' it ('sope' -> 'some').
    options = {w: _neighbours(w, similar_words, known_words, stop_words=False, limit=1 if w in english else None)
               for w in sorted(unknown) if len(w) == SHORT_TYPO_LENGTH and w not in english
               or len(w) >= MIN_TYPO_LENGTH and w in english}
    options = {w: [((w,), 0)] * (w in english) + [((f,), d) for f, d in found]
               for w, found in options.items() if found}
    if not options:
        return []
    out = []
    for fixes, edits, rank in _combinations(options):
        if not edits:
            continue  # every word as typed: what found nothing
        fixed = replace(query, clauses=names_marked(tuple(dict.fromkeys(_fix_clause(c, fixes) for c in query.clauses))), notes=())
        held = tuple(c for c in fixed.clauses if c.negate or not unknown.intersection(c.words))
        probe = replace(fixed, clauses=held) if sum(not (c.negate or set(c.words) <= STOP_WORDS) for c in held) >= 2 \
            else fixed
        put = frozenset(f for w, fix in fixes.items() if w in english for f in fix if f != w)
        out.append(Correction(fixed, edits, rank, probe=probe, for_english=put))
    return out


def _combinations(options: dict[str, list[tuple[tuple[str, ...], int]]]):
    """(word -> replacement, edits, rank) for the best MAX_COMBINATIONS choices of one option per word,
    fewest edits then best ranks first (a beam: bounded however many words are misspelt)."""
    beam: list[tuple[int, int, dict[str, tuple[str, ...]]]] = [(0, 0, {})]
    for word, found in options.items():
        grown = [(edits + d, rank + i, {**fixes, word: f}) for edits, rank, fixes in beam
                 for i, (f, d) in enumerate(found[:MAX_CANDIDATES])]
        beam = sorted(grown, key=lambda b: (b[0], b[1]))[:MAX_COMBINATIONS]
    return [(fixes, edits, rank) for edits, rank, fixes in beam]


def _splits(words: list[str], known_words: KnownWords) -> dict[str, tuple[str, str]]:
    """Compounds a buyer wrote together that the index holds apart ('dinnerset' -> 'dinner set'):
    each unknown word split where both parts (3+ letters) are indexed, the most frequent pair."""
    options = {w: [(w[:i], w[i:]) for i in range(3, len(w) - 2)] for w in words}
    parts = {p for pairs in options.values() for pair in pairs for p in pair}
    present = known_words(parts) if parts else {}
    found = {}
    for word, pairs in options.items():
        scored = [(min(present.get(a, 0), present.get(b, 0)), (a, b)) for a, b in pairs]
        best = max(scored, default=(0, None))
        if best[0] > 0:
            found[word] = best[1]
    return found


def _joinable(clauses: tuple[Clause, ...]) -> dict[str, tuple[int, ...]]:
    """Compounds a buyer may have written apart: word -> the clauses it would replace. Two adjacent
    words ('tea pot') or a two-word phrase, as a hyphen makes one ('stone-ware')."""
    def plain(c: Clause | None) -> bool:
        return c is not None and not c.negate and c.field is None
    found: dict[str, tuple[int, ...]] = {}
    for i, clause in enumerate(clauses):
        after = clauses[i + 1] if i + 1 < len(clauses) else None
        if plain(clause) and len(clause.words) == 2:
            found.setdefault("".join(clause.words), (i,))
        if plain(clause) and plain(after) and len(clause.words) == len(after.words) == 1:
            found.setdefault(clause.words[0] + after.words[0], (i, i + 1))
    return {w: at for w, at in found.items() if MIN_TYPO_LENGTH <= len(w) <= MAX_TYPO_LENGTH and not w.isdigit()}


def _joins(indexed: dict[str, tuple[int, ...]], frequency: dict[str, int]) -> dict[int, tuple[str, tuple[int, ...]]]:
    """Non-overlapping compounds in the index, most frequent first: first clause -> (word, clauses)."""
    taken: set[int] = set()
    out = {}
    for word, at in sorted(indexed.items(), key=lambda pair: (-frequency[pair[0]], pair[0])):
        if taken.isdisjoint(at):
            taken.update(at)
            out[at[0]] = (word, at)
    return out


def _joined(clauses: tuple[Clause, ...], joins: dict[int, tuple[str, tuple[int, ...]]]) -> tuple[Clause, ...]:
    replaced = {i for _w, at in joins.values() for i in at}
    return tuple(Clause((joins[i][0],)) if i in joins else c for i, c in enumerate(clauses)
                 if i in joins or i not in replaced)


def _neighbours(word: str, similar_words: SimilarWords, known_words: KnownWords,
                min_frequency: int = 0, stop_words: bool = True, limit: int | None = None) -> list[tuple[str, int]]:
    """(word, edits) of the indexed words within max_edits (the backends offer those sharing the first letter) or one
    slip at the front ('seramic' -> 'ceramic'): the closest first, stop words after the other words as close (a stop
    word is searched as nothing: 'gaain' is 'grain' rather than 'again', 'agian' still 'again'), then the most
    frequent; no stop words unless `stop_words`; within `limit` edits, when given, rather than max_edits."""
    limit = max_edits(word) if limit is None else limit
    found = similar_words(word, limit) | known_words(first_letter_slips(word))
    root = stem(word)
    found = {w: n for w, n in found.items() if w != word and n >= min_frequency and (stop_words or w not in STOP_WORDS)}
    scored = sorted((_closeness(word, root, w, limit), w in STOP_WORDS, -n, w) for w, n in found.items())
    return [(w, d) for d, _stop, _n, w in scored if d <= limit]


def _closeness(word: str, root: str, other: str, limit: int) -> int:
    """Edits from word to other; when more than `limit`, one more than from the word's stem to other's, if that is one:
    a misspelt inflected word may be further from every indexed form than its stem is ('scraches' is three edits from
    'scratch', the only form indexed; 'scrach' one), and ranks behind a neighbour one edit from the word as typed
    ('beatiful' is 'beautiful', not 'beautifully'). The backends offer neighbours one edit further than `limit`."""
    edits = distance(word, other)
    if edits <= limit or root == word:
        return edits
    return 2 if distance(root, stem(other)) <= 1 else edits


def first_letter_slips(word: str) -> set[str]:
    """Strings one slip away at the front, which a neighbour search sharing the first letter never
    offers: the first letter swapped for one that sounds alike ('kandle', 'seramic'), dropped,
    swapped with the second, or a letter typed before it; looked up as exact words. Any other first
    letter is not tried: 'kandles' is one edit from 'handles' too, and the first letter is the one
    buyers get right unless it sounds like another."""
    rest = word[1:]
    slips = {c + rest for c in SOUNDS_ALIKE.get(word[0], "")} | {c + word for c in _LETTERS} | {rest}
    if len(word) > 1:
        slips.add(word[1] + word[0] + word[2:])
    return slips - {word}


def unknown_words(query: ParsedQuery, known_words: KnownWords) -> list[str]:
    """Positive words that are neither in the index nor English words: the ones worth re-checking."""
    words = {w for c in query.positives for w in c.words if len(w) >= 3 and not w.isdigit()}
    present = known_words(words) if words else {}
    return sorted(w for w in words if not present.get(w) and not is_english(w))


def _fix_clause(clause: Clause, fixes: dict[str, tuple[str, ...]]) -> Clause:
    if clause.negate:
        return clause
    words = tuple(f for w in clause.words for f in fixes.get(w, (w,)))
    # Corrected words name something else: their other names are looked up again (query.names_marked).
    return clause if words == clause.words else replace(clause, words=words, related_names=())


def doc_vocabulary(doc: Doc) -> set[str]:
    """The words a document offers as corrections. Only maker documents offer any: they already
    hold every visible review's words."""
    if doc.kind != "maker":
        return set()
    return vocabulary_words((doc.title, doc.craft_text, doc.location, doc.body))


def vocabulary_words(texts: Iterable[str]) -> set[str]:
    """Words worth offering as corrections: lower-case, accent-folded, 3+ characters, not pure digits."""
    return {w for t in texts for w in words_of(t) if len(w) >= 3 and not w.isdigit()}
