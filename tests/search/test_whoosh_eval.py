"""The numpy evaluation of Whoosh queries finds, scores and orders exactly what Whoosh's own
matchers and TopCollector do (whoosh_eval replaces them for speed, not for different answers)."""
from __future__ import annotations

import numpy as np
import pytest
from whoosh import collectors

from craftreview import search
from craftreview.search.query import Filters, parse_query
from craftreview.search.whoosh_backend import KINDS, _query
from craftreview.search.whoosh_eval import Evaluator, top_by_score

whoosh_only = pytest.mark.parametrize("search_app", ["whoosh"], indirect=True)
QUERIES = ["walnut", "dinner set", '"dinner set"', "wheel-thrown", "late -leather", "raku tea bowls",
           "jewellery", "title:journal", "bag arrived", "oakhaven table", "zzznothing", ""]


def _whoosh_hits(searcher, q) -> list[tuple[int, float]]:
    collector = collectors.TopCollector(1000, usequality=False)
    collector.replace = 0
    searcher.search_with_collector(q, collector)
    return [(hit.docnum, hit.score) for hit in collector.results()]


def _numpy_hits(searcher, backend, q) -> list[tuple[int, float]]:
    parts = [(Evaluator(searcher, sub, backend._arrays).run(q), offset) for sub, offset in searcher.leaf_searchers()]
    ids = np.concatenate([m.ids + offset for m, offset in parts])
    scores = np.concatenate([m.scores for m, _offset in parts])
    return [(int(ids[i]), float(scores[i])) for i in top_by_score(ids, scores, 1000)]


@whoosh_only
@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("relaxed", [False, True])
def test_numpy_evaluation_equals_whoosh_search(corpus, search_app, text, relaxed):
    parsed = parse_query(text)
    if relaxed:
        parsed = parsed.relaxed(tuple(range(3, 3 + len(parsed.positives))))
    backend = search.get_backend(search_app)
    for kind in KINDS:
        with backend._searcher(kind) as s:
            q = _query(parsed, Filters(), kind, s.schema)
            expected, found = _whoosh_hits(s, q), _numpy_hits(s, backend, q)
        assert [d for d, _s in found] == [d for d, _s in expected], (kind, text)
        assert [sc for _d, sc in found] == pytest.approx([sc for _d, sc in expected], rel=1e-12), (kind, text)


@whoosh_only
def test_numpy_evaluation_on_postings_files_equals_whoosh_search(corpus, search_app):
    """After a rebuild every segment has its postings file (whoosh_postings), read instead of Whoosh's
    blocks: Whoosh's own search of the same index still agrees, query for query."""
    search.rebuild(search_app)
    backend = search.get_backend(search_app)
    for kind in KINDS:
        with backend._searcher(kind) as s:
            assert all(backend._arrays.files.get(sub.reader()) for sub, _offset in s.leaf_searchers())
            for text in QUERIES:
                for relaxed in (False, True):
                    parsed = parse_query(text)
                    if relaxed:
                        parsed = parsed.relaxed(tuple(range(3, 3 + len(parsed.positives))))
                    q = _query(parsed, Filters(), kind, s.schema)
                    expected, found = _whoosh_hits(s, q), _numpy_hits(s, backend, q)
                    assert [d for d, _s in found] == [d for d, _s in expected], (kind, text)
                    assert [sc for _d, sc in found] == pytest.approx([sc for _d, sc in expected], rel=1e-12)


def test_phrase_positions_are_read_only_from_blocks_holding_candidates(tmp_path):
    """Postings of several blocks: the blocks without a candidate are skipped, the phrase found
    exactly where the words follow each other (checked against the texts themselves)."""
    from whoosh import index as whoosh_index
    from whoosh.fields import TEXT, Schema
    from whoosh.query import Phrase

    from craftreview.search.whoosh_eval import _phrase_docs

    ix = whoosh_index.create_in(str(tmp_path), Schema(body=TEXT(phrase=True)))
    texts = [f"alpha {'beta' if n % 397 == 0 else 'gamma'} delta {'beta alpha' if n in (128, 384) else ''}"
             for n in range(1000)]
    with ix.writer() as writer:
        for text in texts:
            writer.add_document(body=text)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        both = np.array([n for n, t in enumerate(texts) if "beta" in t], dtype=np.int64)
        found = _phrase_docs(reader, Phrase("body", ["alpha", "beta"]), both)
        assert found.tolist() == [n for n, t in enumerate(texts) if "alpha beta" in t]
        assert _phrase_docs(reader, Phrase("body", ["beta", "alpha"]), both).tolist() == [
            n for n, t in enumerate(texts) if "beta alpha" in t]


@whoosh_only
def test_filtered_phrases_equal_whoosh_search_and_leave_the_unfiltered_phrase_whole(world, search_app):
    """A filter is evaluated first and a phrase then reads positions for the filtered candidates
    only: the answer is Whoosh's own, and the same phrase without the filter afterwards still finds
    every document (the narrowed answer is not kept as the phrase's)."""
    for n, city in enumerate(["Leeds, UK", "York, UK", "Leeds, UK", "Porto, Portugal"]):
        maker = world.maker(f"Clayworks {n}", "ceramics", city, "Stoneware dinner set and mugs.")
        world.review(maker, "Dinner set", "Our dinner set came well packed, the set arrived late.", (4, 4, 4),
                     verified=n % 2 == 0, days=n + 1)
    world.drain()  # one segment holds them all
    backend = search.get_backend(search_app)
    cases = [('"dinner set"', Filters(location="Leeds")), ('"arrived late"', Filters(location="Portugal")),
             ('"dinner set" -packed', Filters(verified=True)), ('"set arrived" packed', Filters(location="York"))]
    for text, filters in cases:
        for kind in KINDS:
            with backend._searcher(kind) as s:
                for f in (filters.for_kind(kind), Filters()):
                    q = _query(parse_query(text), f, kind, s.schema)
                    expected, found = _whoosh_hits(s, q), _numpy_hits(s, backend, q)
                    assert [d for d, _s in found] == [d for d, _s in expected], (kind, text, f)
                    assert [sc for _d, sc in found] == pytest.approx([sc for _d, sc in expected], rel=1e-12)
                    assert found or text.endswith("-packed"), (kind, text, f)  # not vacuous


def _related_world(world) -> None:
    for n, city in enumerate(["Leeds, UK", "Porto, Portugal", "Leeds, UK"]):
        maker = world.maker(f"Bowl House {n}", "ceramics", city, "Stoneware serving bowls and salad bowls.")
        world.review(maker, "Salad bowl", "A speckled stoneware salad bowl, the serving set arrived late.", (4, 4, 4),
                     verified=n % 2 == 0, days=n + 1)
        world.review(maker, "Serving bowl", "Our stoneware serving bowl and a photo book came well packed.", (5, 4, 4), days=n + 2)
    world.drain()


@whoosh_only
def test_related_names_filters_and_relaxed_queries_equal_whoosh_search(world, search_app):
    """Related names (a clause's other names scored below it), filters and relaxed pages nest Requires whose inner
    parts are evaluated within the required documents only: the answer is still Whoosh's own."""
    _related_world(world)
    backend = search.get_backend(search_app)
    texts = ["speckled serving bowl", "stoneware photo album", "serving bowl -late", '"salad bowl" stoneware']
    for text in texts:
        for relaxed in (False, True):
            parsed = parse_query(text)
            if relaxed:
                parsed = parsed.relaxed(tuple(range(3, 3 + len(parsed.positives))))
            for kind in KINDS:
                with backend._searcher(kind) as s:
                    for f in (Filters(location="Leeds").for_kind(kind), Filters(verified=True).for_kind(kind),
                              Filters()):
                        q = _query(parsed, f, kind, s.schema)
                        expected, found = _whoosh_hits(s, q), _numpy_hits(s, backend, q)
                        assert [d for d, _s in found] == [d for d, _s in expected], (kind, text, relaxed, f)
                        assert [sc for _d, sc in found] == pytest.approx([sc for _d, sc in expected], rel=1e-12)
                        assert found or f != Filters() or "-" in text, (kind, text, relaxed)  # not vacuous


@whoosh_only
def test_words_under_a_filter_are_scored_for_the_filtered_documents_only(world, search_app, monkeypatch):
    """A filter (a Require's required part, evaluated first) bounds the work on the words: each word is scored for
    the documents the filter keeps, not for every document holding it; its phrase still reads every candidate once
    (kept for the unfiltered query), and a query's clauses met twice are evaluated once."""
    _related_world(world)
    for n in range(12):  # the same words in many reviews of makers elsewhere
        maker = world.maker(f"Elsewhere {n}", "ceramics", "Lyon, France", "Bowls.")
        world.review(maker, "Serving bowl", "A stoneware serving bowl, speckled.", (4, 4, 4), days=n + 1)
    world.drain()
    backend = search.get_backend(search_app)
    scored: list[int] = []
    real_bm25 = Evaluator._bm25
    monkeypatch.setattr(Evaluator, "_bm25", lambda self, q, ids, tf: scored.append((q.text, len(ids))) or real_bm25(self, q, ids,
                                                                                                            tf))
    with backend._searcher("review") as s:
        q = _query(parse_query("speckled stoneware serving bowl"), Filters(location="Leeds").for_kind("review"), "review",
                   s.schema)
        found = _numpy_hits(s, backend, q)
    assert len(found) == 2  # the two Leeds makers' speckled reviews, of the 15 holding every word
    # The Leeds reviews (of 15 holding each typed word); the related phrase "salad bowl" reads its words in full.
    typed = [n for w, n in scored if w in ("speckl", "stonewar", "serv")]
    assert len(typed) >= 3 and max(typed) <= 4, scored
