"""Spelling neighbours found with numpy (whoosh_vocabulary) are exactly the words Whoosh's own
Levenshtein automaton finds (`terms_within` with the first letter fixed)."""
from __future__ import annotations

import random

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import KEYWORD, Schema

from craftreview import search
from craftreview.search import whoosh_vocabulary

WORDS = ["porcelain", "porcelains", "porch", "pottery", "potter", "stoneware", "stone", "stoneware",
         "stonewear", "walnut", "walnuts", "wallet", "handwoven", "handwaxed", "gothenburg", "göteborg",
         "malmö", "malmo", "ceramic", "ceramics", "seramic", "kiln", "kilns", "leather", "leathers",
         "бусы", "бисер", "łódź", "lodz", "a", "ab", "abc", "borosilicate", "borosilicat"]


def _typos(rng: random.Random, word: str) -> list[str]:
    out = []
    for _ in range(3):
        letters = list(word)
        at = rng.randrange(len(letters))
        op = rng.choice("sdi")
        if op == "s":
            letters[at] = rng.choice("aeiourstnlé")
        elif op == "d" and len(letters) > 1:
            del letters[at]
        else:
            letters.insert(at, rng.choice("aeiourstnlé"))
        out.append("".join(letters))
    return out


def test_neighbours_equal_whooshs_terms_within_for_words_and_typos(tmp_path):
    ix = whoosh_index.create_in(str(tmp_path), Schema(spell=KEYWORD(scorable=False)))
    with ix.writer() as writer:
        for n in range(0, len(WORDS), 3):
            writer.add_document(spell=" ".join(WORDS[n:n + 3]))
    rng = random.Random(5)
    queries = sorted({*WORDS, *(t for w in WORDS for t in _typos(rng, w)), "zzz", "ő", "x"})
    with ix.searcher() as searcher:
        reader = searcher.reader()
        vocabulary = whoosh_vocabulary.load(reader, 32)
        compared = 0
        for word in queries:
            for edits in (1, 2, 3):
                expected = set(reader.terms_within("spell", word, edits, prefix=1))
                assert set(whoosh_vocabulary.neighbours(vocabulary, word, edits)) == expected, (word, edits)
                compared += bool(expected)
    assert compared > 100  # not vacuous


@pytest.mark.parametrize("search_app", ["whoosh"], indirect=True)
def test_the_backend_offers_the_same_neighbours_and_frequencies_as_before(corpus, search_app):
    backend = search.get_backend(search_app)
    with backend._searcher("maker") as s:
        reader = s.reader()
        for word, edits in (("stonewear", 2), ("walnutt", 1), ("porcelian", 2), ("leathr", 1), ("bagz", 1)):
            expected = {w: reader.doc_frequency("spell", w) for w in reader.terms_within("spell", word, edits + 1, prefix=1)}
            assert backend.similar_words(word, edits) == expected, word
        assert backend.similar_words("stonewear", 2)  # not vacuous
