"""Postings files (whoosh_postings): the same postings and positions as Whoosh's own blocks, written by
rebuild and optimize, removed with their segment, and never needed for a right answer."""
from __future__ import annotations

import os

import numpy as np
import pytest
from whoosh import index as whoosh_index
from whoosh.fields import TEXT, Schema
from whoosh.query import Phrase

from craftreview import search
from craftreview.search import whoosh_postings
from craftreview.search.whoosh_eval import _phrase_docs, _phrase_docs_from
from craftreview.search.whoosh_postings import SKIPPED_FIELDS, PostingsFile, path_of, read_blocks

from .helpers import review_titles, run

whoosh_only = pytest.mark.parametrize("search_app", ["whoosh"], indirect=True)


def _segments(app, kind: str) -> list:
    return search.get_backend(app)._index(kind)._segments()


def _directory(app, kind: str) -> str:
    return search.get_backend(app)._index(kind).storage.folder


def _positions_by_whoosh(reader, field: str, btext: bytes) -> list[tuple[int, int]]:
    matcher = reader._terms.matcher(field, btext, reader.schema[field].format)
    found = []
    while matcher.is_active():
        found.extend((matcher.id(), p) for p in matcher.value_as("positions"))
        matcher.next()
    return found


@whoosh_only
def test_a_rebuild_writes_every_term_postings_and_positions_as_whoosh_has_them(corpus, search_app):
    search.rebuild(search_app)
    backend = search.get_backend(search_app)
    checked = 0
    for kind in ("maker", "review"):
        with backend._searcher(kind) as s:
            for sub, _offset in s.leaf_searchers():
                reader = sub.reader()
                file = PostingsFile(path_of(_directory(search_app, kind), reader.segment()))
                assert file.docs == reader.doc_count_all()
                for field in set(reader.indexed_field_names()) - set(SKIPPED_FIELDS):
                    for btext in reader.lexicon(field):
                        ids, weights = file.postings(field, btext)
                        expected_ids, expected_weights = read_blocks(reader, field, btext.decode())
                        assert ids.tolist() == expected_ids.tolist(), (field, btext)
                        assert weights.tolist() == expected_weights.tolist(), (field, btext)
                        if reader.schema[field].format.supports("positions"):
                            keys = file.positions(field, btext, ids.astype(np.int64))
                            assert [(int(k >> 32), int(k & 0xFFFFFFFF)) for k in keys] == \
                                _positions_by_whoosh(reader, field, btext), (field, btext)
                        checked += 1
                assert file.postings("body", b"zzzabsent")[0].size == 0
                stored = [reader.stored_fields(n) for n in range(reader.doc_count_all())]
                assert file.entities.tolist() == [int(f["key"].split(":")[1]) for f in stored]
                assert file.makers.tolist() == [f["maker_id"] for f in stored]
    assert checked > 100  # not vacuous


@whoosh_only
def test_searches_answer_the_same_from_postings_files_as_from_whooshs_blocks(corpus, search_app):
    queries = [("walnut", "makers"), ('"dinner set"', "reviews"), ("bag arrived late", "reviews"),
               ("wheel-thrown", "makers"), ("late -leather", "reviews"), ("raku tea bowls", "makers")]
    before = [run(search_app, q, tab=tab) for q, tab in queries]  # drained segments: no postings files
    assert not any(f.endswith(whoosh_postings.SUFFIX) for k in ("maker", "review")
                   for f in os.listdir(_directory(search_app, k)))
    search.rebuild(search_app)
    backend = search.get_backend(search_app)
    after = [run(search_app, q, tab=tab) for q, tab in queries]
    with backend._searcher("review") as s:
        assert all(backend._arrays.files.get(sub.reader()) is not None for sub, _o in s.leaf_searchers())
    for (q, _tab), old, new in zip(queries, before, after, strict=True):
        assert new.totals == old.totals, q
        assert [(i.kind, i.maker.id, i.review and i.review.id) for i in new.items] == \
            [(i.kind, i.maker.id, i.review and i.review.id) for i in old.items], q
    assert review_titles(after[1]) == ["Dinner set matches perfectly"]


@whoosh_only
def test_optimize_gives_the_merged_segment_its_file_and_whoosh_deletes_the_retired_ones(world, search_app):
    maker = world.maker("Tide Pottery", "ceramics", "Whitby, UK", "Mugs.")
    for i in range(3):
        world.review(maker, f"Cup {i}", f"uniquecup{i} cup")
    search.rebuild(search_app)
    directory = _directory(search_app, "review")
    rebuilt = [path_of(directory, s) for s in _segments(search_app, "review")]
    assert rebuilt and all(os.path.exists(p) for p in rebuilt)
    world.review(maker, "Cup 3", "uniquecup3 cup")
    world.drain()  # a drain's segment: no file, read from Whoosh's blocks
    assert not os.path.exists(path_of(directory, _segments(search_app, "review")[-1]))
    assert run(search_app, "cup", tab="reviews").totals["review"] == 4
    search.optimize(search_app)
    (merged,) = _segments(search_app, "review")
    assert os.path.exists(path_of(directory, merged))
    assert not any(os.path.exists(p) for p in rebuilt)  # retired with their segments
    assert run(search_app, "cup", tab="reviews").totals["review"] == 4
    assert "Cup 3" in review_titles(run(search_app, "uniquecup3", tab="reviews"))
    assert search.check(search_app).ok


def test_phrases_from_a_postings_file_equal_phrases_from_whooshs_blocks(tmp_path):
    ix = whoosh_index.create_in(str(tmp_path), Schema(body=TEXT(phrase=True)))
    texts = [f"alpha {'beta' if n % 397 == 0 else 'gamma'} delta {'beta alpha' if n in (128, 384) else ''} "
             f"{'alpha x beta' if n % 5 == 0 else ''}" for n in range(1000)]
    with ix.writer() as writer:
        for text in texts:
            writer.add_document(body=text)
    (segment,) = ix._segments()
    file = PostingsFile(whoosh_postings.write(str(tmp_path), ix.schema, segment))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        both = np.array([n for n, t in enumerate(texts) if "beta" in t], dtype=np.int64)
        for words, slop in ((["alpha", "beta"], 1), (["beta", "alpha"], 1), (["alpha", "beta"], 2),
                            (["alpha", "delta"], 1), (["alpha", "gamma", "delta"], 1)):
            q = Phrase("body", words, slop=slop)
            expected = _phrase_docs(reader, q, both).tolist()
            assert _phrase_docs_from(file, [w.encode() for w in words], q, both).tolist() == expected, (words, slop)
        q = Phrase("body", ["alpha", "beta"], slop=2)
        assert _phrase_docs_from(file, [b"alpha", b"beta"], q, both).tolist() == [
            n for n, t in enumerate(texts) if "alpha beta" in t or "alpha x beta" in t]


@whoosh_only
def test_a_warmed_worker_has_its_searchers_files_columns_standings_and_word_list_loaded(corpus, search_app,
                                                                                        monkeypatch):
    from craftreview.search import dictionary
    from craftreview.search.whoosh_backend import WARM_COLUMNS

    search.rebuild(search_app)
    backend = search.get_backend(search_app)
    dictionary.english_hashes.cache_clear()
    reloads = []
    monkeypatch.setattr(backend.standings, "_signature", None)
    real_get = type(backend.standings).get
    monkeypatch.setattr(type(backend.standings), "get", lambda self: reloads.append(1) or real_get(self))
    search.warm(search_app)
    assert dictionary.english_hashes.cache_info().currsize == 1
    assert reloads and backend.standings._signature is not None
    for kind in ("maker", "review"):
        with backend._searcher(kind) as s:
            for sub, _offset in s.leaf_searchers():
                segment = sub.reader().segment().segment_id()
                assert backend._arrays.files._files[segment][0] is not None
                kept = {key[1:] for key in backend._arrays.items if key[0] == segment}
                assert {("c", f) for f in WARM_COLUMNS[kind]} <= kept
                assert {("l", f) for f in ("title", "craft", "location", "body")} <= kept


@whoosh_only
def test_postings_files_are_read_not_mapped_so_searched_words_stay_out_of_a_workers_memory(corpus, search_app):
    """Mapped, every page of a postings file a search had touched stayed resident in each worker (~10 MB a
    worker after the web bench's searches, issue #12); read, a term's slice lives as long as its query."""
    search.rebuild(search_app)
    for q, tab in (("walnut", "makers"), ('"dinner set"', "reviews"), ("bag arrived late", "reviews")):
        assert run(search_app, q, tab=tab).totals
    backend = search.get_backend(search_app)
    with backend._searcher("review") as s:
        assert all(backend._arrays.files.get(sub.reader()) is not None for sub, _o in s.leaf_searchers())
    with open("/proc/self/maps") as maps:
        assert not [line for line in maps if whoosh_postings.SUFFIX in line]
