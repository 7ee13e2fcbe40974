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
from functools import lru_cache

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


# How people mistype (a slip of the hand rather than not knowing the word): a doubled letter typed once or twice
# ('glases', 'untill') or two neighbours swapped ('recieved') costs SLIP; one vowel for another ('pillew') or a key
# beside the right one, struck instead of it or as well ('plares', 'bowkl'), costs NEAR; any other edit 1. Two slips
# still cost more than one arbitrary edit. These rank the neighbours the backends offer (max_edits plain edits away
# decides which may be offered at all); between equally likely edits the more frequent neighbour comes first.
SLIP = 0.55
NEAR = 0.8
VOWELS = frozenset("aeiou")
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")  # each row starts half a key to the right of the one above


def _key_neighbours() -> dict[str, frozenset[str]]:
    """Each letter's neighbouring keys on a QWERTY keyboard: beside it, and the two above and below it."""
    place = {c: (row, column + row / 2) for row, keys in enumerate(_KEY_ROWS) for column, c in enumerate(keys)}
    return {a: frozenset(b for b, (row2, x2) in place.items() if b != a and (
                row == row2 and abs(x - x2) == 1 or abs(row - row2) == 1 and abs(x - x2) <= 0.5))
            for a, (row, x) in place.items()}


KEY_NEIGHBOURS = _key_neighbours()


@lru_cache(maxsize=8192)
def _replace_cost(typed: str, meant: str) -> float:
    if typed == meant:
        return 0.0
    if typed in VOWELS and meant in VOWELS or meant in KEY_NEIGHBOURS.get(typed, ()):
        return NEAR
    return 1.0


def _extra_cost(word: str, i: int) -> float:
    """The cost of word[i] typed where it does not belong: a letter typed twice, a key beside its neighbour's, other."""
    around = word[i - 1:i] + word[i + 1:i + 2]
    if word[i] in around:
        return SLIP
    return NEAR if any(c in KEY_NEIGHBOURS.get(word[i], ()) for c in around) else 1.0


def typo_cost(typed: str, meant: str) -> float:
    """How unlikely a slip turns `meant` into `typed`: a Damerau (optimal string alignment) edit distance whose edits
    cost as people mistype (SLIP, NEAR, else 1), so 'glases' is nearer 'glasses' (a doubled letter typed once) than
    'glass' (a vowel typed for nothing), and 'recieved' nearer 'received' (a swap) than 'relieved'."""
    missed = [_missed_cost(meant, j) for j in range(len(meant))]
    previous2: list[float] | None = None
    previous = [0.0]
    for cost in missed:
        previous.append(previous[-1] + cost)
    for i, ca in enumerate(typed, 1):
        extra = _extra_cost(typed, i - 1)
        current = [previous[0] + extra]
        for j, cb in enumerate(meant, 1):
            cost = min(previous[j] + extra, current[j - 1] + missed[j - 1], previous[j - 1] + _replace_cost(ca, cb))
            if previous2 is not None and j > 1 and ca == meant[j - 2] and typed[i - 2] == cb and ca != cb:
                cost = min(cost, previous2[j - 2] + SLIP)
            current.append(cost)
        previous2, previous = previous, current
    return round(previous[-1], 6)


def _missed_cost(word: str, j: int) -> float:
    """The cost of word[j] left out: one of a doubled letter costs SLIP, any other 1."""
    return SLIP if word[j] in word[j - 1:j] + word[j + 1:j + 2] else 1.0


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
    edits: float  # the replaced words' summed typo_cost
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


def _combinations(options: dict[str, list[tuple[tuple[str, ...], float]]]):
    """(word -> replacement, edits, rank) for the best MAX_COMBINATIONS choices of one option per word,
    fewest edits then best ranks first (a beam: bounded however many words are misspelt)."""
    beam: list[tuple[float, int, dict[str, tuple[str, ...]]]] = [(0.0, 0, {})]
    for word, found in options.items():
        grown = [(round(edits + d, 6), rank + i, {**fixes, word: f}) for edits, rank, fixes in beam
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
                min_frequency: int = 0, stop_words: bool = True, limit: int | None = None) -> list[tuple[str, float]]:
    """(word, typo_cost) of the indexed words within max_edits (the backends offer those sharing the first letter) or one
    slip at the front ('seramic' -> 'ceramic'): the closest first, stop words after the other words as close (a stop
    word is searched as nothing: 'gaain' is 'grain' rather than 'again', 'agian' still 'again'), then the most
    frequent; no stop words unless `stop_words`; within `limit` edits, when given, rather than max_edits. A word no
    document holds with no such neighbour is looked up in its stem's other forms too (inflected_neighbours)."""
    default = limit is None
    limit = max_edits(word) if limit is None else limit
    found = similar_words(word, limit) | known_words(first_letter_slips(word))
    root = stem(word)
    ranked = _ranked(word, root, found, limit, min_frequency, stop_words)
    if not ranked and default and not min_frequency and len(word) >= MIN_TYPO_LENGTH:
        ranked = _ranked(word, root, inflected_neighbours(word, root, similar_words), limit, min_frequency, stop_words)
    return ranked


def _ranked(word: str, root: str, found: dict[str, int], limit: int, min_frequency: int,
            stop_words: bool) -> list[tuple[str, float]]:
    found = {w: n for w, n in found.items() if w != word and n >= min_frequency and (stop_words or w not in STOP_WORDS)}
    # A stop word takes no discount for a likely slip: it is searched as nothing, so it would fit any query.
    scored = sorted((cost if w not in STOP_WORDS else float(edits), edits, w in STOP_WORDS, -n, w)
                    for w, n in found.items() for cost, edits in [_closeness(word, root, w, limit)])
    return [(w, cost) for cost, edits, _stop, _n, w in scored if edits <= limit]


INFLECTIONS = ("e", "s", "es", "ed", "ing", "er", "ly")


def inflected_neighbours(word: str, root: str, similar_words: SimilarWords) -> dict[str, int]:
    """Indexed words near the other forms of a misspelt word's stem: a text may hold the word only in a form more edits
    away than a typo is corrected across ('recieved' where the texts say only 'receiving', 'stiched' only
    'stitching'); _closeness then takes those whose stem is one edit from the word's. A backend look-up a form, so
    only for a word no document holds that has no neighbour of its own."""
    found: dict[str, int] = {}
    for form in dict.fromkeys(root + ending for ending in ("", *INFLECTIONS)):
        if form != word and MIN_TYPO_LENGTH <= len(form) <= MAX_TYPO_LENGTH:
            found |= similar_words(form, max_edits(form))
    return found


def _closeness(word: str, root: str, other: str, limit: int) -> tuple[float, int]:
    """(typo_cost, edits) from word to other; when more edits than `limit`, two (and the stems' typo_cost and a SLIP),
    if the word's stem is one edit from other's: a misspelt inflected word may be further from every indexed form than its stem is ('scraches' is three
    edits from 'scratch', the only form indexed; 'scrach' one), and ranks behind a neighbour one edit from the word as
    typed ('beatiful' is 'beautiful', not 'beautifully'). The backends offer neighbours one edit further than `limit`."""
    edits = distance(word, other)
    if edits <= limit or root == word:
        return typo_cost(word, other), edits
    other_root = stem(other)
    if distance(root, other_root) > 1:
        return float(edits), edits
    # The slip in the stem, and a SLIP for the ending: another form of the word, which finds the same documents.
    return typo_cost(root, other_root) + SLIP, 2


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
