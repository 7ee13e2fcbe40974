"""Relevance judgements by rule over the documents' text, independent of the engine's scoring,
stemmer and spelling map; and the metrics (MRR, nDCG@5, recall@10)."""
from __future__ import annotations

import math
import re
import unicodedata

from craftreview.models import CRAFTS

_TOKEN = re.compile(r"[a-z0-9]+")
_SUFFIXES = ("ing", "ed", "es", "s", "ly")


def _fold(text: str) -> str:
    text = text.replace("ø", "o").replace("Ø", "O").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def _root(token: str) -> str:
    """A crude suffix-stripper of the judge's own (not the engine's Porter stemmer)."""
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


class Text:
    """A document's text as the judge sees it: roots, folded words in order, and its craft."""

    def __init__(self, parts: list[str], craft: str):
        folded = _fold(" ".join(p for p in parts if p))
        self.words = _TOKEN.findall(folded)
        self.roots = {_root(w) for w in self.words}
        self.joined = " " + " ".join(self.words) + " "
        self.craft = craft

    def has(self, concept: tuple[str, ...]) -> bool:
        """A form is a word (matched by root), '@craft', or several words (matched in order)."""
        return any(self._has_form(form) for form in concept)

    def _has_form(self, form: str) -> bool:
        if form.startswith("@"):
            return form[1:] == self.craft
        words = _TOKEN.findall(_fold(form))
        if len(words) > 1:
            return self.has_phrase(words)
        return bool(words) and _root(words[0]) in self.roots

    def has_phrase(self, words: list[str]) -> bool:
        return f" {' '.join(words)} " in self.joined


def grade(query, own: Text, more: Text | None = None) -> int:
    """2: every concept in the document's own text (a phrase: in order); 1: in its wider text
    (a maker's reviews), or all but one concept of a 3+ concept query; 0: not relevant."""
    concepts = query.concepts
    found = sum(own.has(c) for c in concepts)
    if found == len(concepts):
        if query.family == "phrase" and not own.has_phrase(query.text.strip('"').split()):
            return 1
        return 2
    if more is not None and all(own.has(c) or more.has(c) for c in concepts):
        return 1
    return 1 if len(concepts) >= 3 and found == len(concepts) - 1 else 0


def craft_label(craft: str) -> str:
    return CRAFTS.get(craft, craft)


def metrics(ranked: list, grades: dict) -> dict[str, float] | None:
    """MRR, nDCG@5 and recall@10 of a ranked id list against graded judgements (None: nothing relevant)."""
    relevant = {k: g for k, g in grades.items() if g > 0}
    if not relevant:
        return None
    first = next((i for i, k in enumerate(ranked, 1) if grades.get(k, 0) > 0), None)
    dcg = sum((2 ** grades.get(k, 0) - 1) / math.log2(i + 1) for i, k in enumerate(ranked[:5], 1))
    ideal = sorted(relevant.values(), reverse=True)[:5]
    idcg = sum((2 ** g - 1) / math.log2(i + 1) for i, g in enumerate(ideal, 1))
    best = {k for k, g in relevant.items() if g == max(relevant.values())}
    recall = len(best & set(ranked[:10])) / min(10, len(best))
    return {"mrr": 1.0 / first if first else 0.0, "ndcg5": dcg / idcg, "recall10": recall}
