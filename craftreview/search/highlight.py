"""Snippets with matched words in <mark>: this module picks the words, craftreview.text escapes and marks them."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from markupsafe import Markup

from ..text import render_marked
from .folding import WORD, composed, fold
from .stemming import stem
from .stopwords import STOP_WORDS

_TOKEN = WORD
WINDOW_WORDS = 28
# Marks that join two letters into one word ("I'm", "wheel-thrown"; zero-width joiners in Indic and
# Persian script): a snippet never starts or ends between the parts of such a word.
_JOINERS = frozenset("'\u2019\u02bc-\u2010\u2011\u00ad\u200c\u200d")


@lru_cache(maxsize=100_000)
def token_stem(token: str) -> str:
    """The stem a text token is matched by: lower-cased and accent-folded first, like the index
    (cached by the token as written: snippets stem every word of the texts they look at)."""
    return stem(fold(token.lower()))


def stems_of(words: Iterable[str]) -> set[str]:
    """Stemmed forms of query words, so 'throwing' highlights 'thrown' and 'throws'; stop words
    ('a', 'for', 'the') are never searched, so never marked."""
    return {token_stem(w) for w in words if w.lower() not in STOP_WORDS}


def best_snippet(texts: Iterable[str], stems: set[str]) -> Markup | None:
    """The window, across several texts, that contains the most distinct matched words; between windows holding as
    many, the one whose words fewer of the texts hold ("late delivery" shows the review that says "late", not one of
    many that say "Delivery was on time")."""
    prefixes = [_stem_prefix(s) for s in stems]
    windows = []  # (words in its best window, words anywhere in it, text, start, end) of each text
    for text in (composed(t or "") for t in texts):
        # Each searched stem this text can hold shows its first letters in it (see _stem_prefix): a text with none
        # holds no match and is not stemmed.
        folded = fold(text.lower())
        if not any(p in folded for p in prefixes):
            continue
        tokens = list(_TOKEN.finditer(text))
        hits = [(i, s) for i, s in ((i, token_stem(t.group())) for i, t in enumerate(tokens)) if s in stems]
        if not hits:
            continue
        start = _best_start(hits)
        end = min(len(tokens), start + WINDOW_WORDS)
        found = frozenset(s for i, s in hits if start <= i < end)
        if len(found) == len(stems):
            return render_marked(_window(text, tokens, start, end, stems))  # every word in one window: none beats it
        windows.append((found, {s for _i, s in hits}, text, start, end))
    if not windows:
        return None
    spread = {s: sum(s in held for _f, held, *_ in windows) for s in stems}
    _found, _held, text, start, end = max(windows, key=lambda w: (len(w[0]), -sum(spread[s] for s in w[0])))
    return render_marked(_window(text, list(_TOKEN.finditer(text)), start, end, stems))


def _window(text: str, tokens: list, start: int, end: int, stems: set[str]) -> list[tuple[str, bool]]:
    """Tokens start..end widened to whole words ("I'm", not "m"), with an ellipsis where the text
    goes on; the punctuation before the first word and after the last is kept."""
    begin, finish = _word_start(text, tokens[start].start()), _word_end(text, tokens[end - 1].end())
    cut_before, cut_after = bool(_TOKEN.search(text, 0, begin)), bool(_TOKEN.search(text, finish))
    begin, finish = begin if cut_before else 0, finish if cut_after else len(text)
    return [("\u2026 " if cut_before else "", False), *_pieces(text, tokens, begin, finish, stems),
            (" \u2026" if cut_after else "", False)]


def _letter(ch: str) -> bool:
    """A letter or digit, or a combining mark (part of the letter before it: decomposed accents,
    Indic vowel signs), which the token pattern does not count as a word character."""
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def _in_word(text: str, i: int) -> bool:
    """Whether text[i] belongs to a word: a letter, or a joiner between two letters ("I'm")."""
    if _letter(text[i]):
        return True
    return (text[i] in _JOINERS and 0 < i < len(text) - 1
            and _letter(text[i - 1]) and _letter(text[i + 1]))


def _word_start(text: str, at: int) -> int:
    """The start of the word holding text[at]: a snippet starting there splits no word."""
    while at > 0 and _in_word(text, at - 1):
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    """The end of the word that ends or continues at `at` (exclusive)."""
    while at < len(text) and _in_word(text, at):
        at += 1
    return at


def _stem_prefix(stem_text: str) -> str:
    """Letters every word with this stem contains: the Porter stemmer only rewrites a word's last
    few letters (y -> i, -bility -> -ble, ...), so a stem without its last three is in the word."""
    return stem_text[:max(1, len(stem_text) - 3)]


def _best_start(hits: list[tuple[int, str]]) -> int:
    """The first token of the window (starting a few words before a match) holding the most
    distinct matched stems; `hits` are (token position, stem) in text order."""
    best_start, best_count = max(0, hits[0][0] - 4), 0
    for h, _stem in hits:
        start = max(0, h - 4)
        window = {s for i, s in hits if start <= i < start + WINDOW_WORDS}
        if len(window) > best_count:
            best_start, best_count = start, len(window)
    return best_start


def _pieces(text: str, tokens: list, begin: int, finish: int, stems: set[str]) -> list[tuple[str, bool]]:
    """text[begin:finish] in pieces: each token in it, marked when it matches, and the text between."""
    pieces = []
    cursor = begin
    for tok in tokens:
        if tok.start() < begin or tok.end() > finish:
            continue
        pieces.append((text[cursor:tok.start()], False))
        pieces.append((tok.group(), token_stem(tok.group()) in stems))
        cursor = tok.end()
    pieces.append((text[cursor:finish], False))
    return pieces


def highlight_inline(text: str, stems: set[str]) -> Markup:
    """A short one-line string (name, title) with matches marked; everything else escaped."""
    text = composed(text or "")
    return render_marked(_pieces(text, list(_TOKEN.finditer(text)), 0, len(text), stems))


def marked_inline(text: str, stems: set[str]) -> Markup | None:
    """highlight_inline(text), or None when no word of it matches."""
    text = composed(text or "")
    tokens = list(_TOKEN.finditer(text))
    if not any(token_stem(t.group()) in stems for t in tokens):
        return None
    return render_marked(_pieces(text, tokens, 0, len(text), stems))
