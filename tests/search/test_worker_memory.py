"""A web worker's search memory is bounded: the decoded-array cache by bytes, merges by segment size."""
from __future__ import annotations

import numpy as np
import pytest

from craftreview import search
from craftreview.search import whoosh_write
from craftreview.search.whoosh_eval import SegmentArrays

from .helpers import review_titles, run


def test_segment_cache_never_holds_more_than_its_budget_and_drops_the_oldest_first():
    cache = SegmentArrays(budget=100_000)
    loads = []

    def array(n):
        loads.append(n)
        return np.zeros(n, dtype=np.int64)

    for i in range(40):  # 40 entries of ~8 KB: about three times the budget
        cache.get(("seg", "c", i), lambda i=i: array(1000))
        assert cache.used <= cache.budget
    assert 0 < len(cache.items) < 40
    assert ("seg", "c", 0) not in cache.items and ("seg", "c", 39) in cache.items
    assert cache.used == sum(cost for cost, _value in cache.items.values())
    cache.get(("seg", "c", 39), lambda: array(1))  # a hit loads nothing
    assert loads[-1] == 1000


def test_an_entry_larger_than_the_budget_is_returned_but_not_kept():
    cache = SegmentArrays(budget=10_000)
    value = cache.get(("seg", "p", "body", "mug"), lambda: (np.zeros(5000, np.int32), np.zeros(5000, np.float32)))
    assert len(value[0]) == 5000
    assert not cache.items and cache.used == 0


def test_forgetting_a_segment_drops_only_its_entries():
    cache = SegmentArrays(budget=1_000_000)
    for segment in ("old", "live"):
        for field in ("maker", "stars"):
            cache.get((segment, "c", field), lambda: np.zeros(100))
    cache.forget({"old"})
    assert {key[0] for key in cache.items} == {"live"}
    assert cache.used == sum(cost for cost, _value in cache.items.values())


def _segments(app, kind: str) -> list:
    return search.get_backend(app)._index(kind)._segments()


@pytest.mark.parametrize("search_app", ["whoosh"], indirect=True)
def test_drains_never_merge_a_big_segment_and_optimize_merges_everything(world, search_app, monkeypatch):
    maker = world.maker("Tide Pottery", "ceramics", "Whitby, UK", "Mugs.")
    for i in range(12):
        world.review(maker, f"Bowl {i}", f"glaze{i} bowl")
    search.rebuild(search_app)  # one segment per kind: 12 reviews, 1 maker
    big = {s.segment_id() for s in _segments(search_app, "review")}
    assert [s.doc_count_all() for s in _segments(search_app, "review")] == [12]
    monkeypatch.setattr(whoosh_write, "DRAIN_MERGE_MAX_DOCS", 4)  # "big" is anything over 4 documents here

    for i in range(30):  # one drain commit (a new small segment per kind) per review
        world.review(maker, f"Cup {i}", f"uniquecup{i} cup")
        world.drain()
        segments = _segments(search_app, "review")
        assert big <= {s.segment_id() for s in segments}, "a drain merged the big segment"
        small = [s for s in segments if s.doc_count_all() <= 4]
        assert len(small) <= 5, "small segments are merged among themselves"
    assert run(search_app, "cup", tab="reviews").totals["review"] == 30
    assert run(search_app, "bowl", tab="reviews").totals["review"] == 12

    merged = search.optimize(search_app)
    assert merged > 0
    assert [len(_segments(search_app, kind)) for kind in ("maker", "review")] == [1, 1]
    assert run(search_app, "cup", tab="reviews").totals["review"] == 30
    assert "Cup 7" in review_titles(run(search_app, "uniquecup7", tab="reviews"))
    assert search.check(search_app).ok
    assert search.optimize(search_app) == 0  # nothing left to merge


def test_optimize_keeps_every_document_findable(world, search_app):
    maker = world.maker("Tide Pottery", "ceramics", "Whitby, UK", "Mugs.")
    for i in range(3):
        world.review(maker, f"Cup {i}", f"uniquecup{i} cup")
        world.drain()
    merged = search.optimize(search_app)
    assert merged == (0 if search_app.config["SEARCH_BACKEND"] == "postgres" else merged) and merged >= 0
    assert run(search_app, "cup", tab="reviews").totals["review"] == 3
    assert search.check(search_app).ok


def test_terms_read_from_postings_files_are_kept_within_their_budget_newest_first(tmp_path):
    from whoosh import index as whoosh_index
    from whoosh.fields import TEXT, Schema

    from craftreview.search import whoosh_postings

    ix = whoosh_index.create_in(str(tmp_path), Schema(body=TEXT))
    with ix.writer() as writer:
        for n in range(300):
            writer.add_document(body=f"common word{n % 40} other{n % 7}")
    (segment,) = ix._segments()
    file = whoosh_postings.PostingsFile(whoosh_postings.write(str(tmp_path), ix.schema, segment))
    reads = []
    real = file.postings
    file.postings = lambda field, btext: reads.append(btext) or real(field, btext)
    files = whoosh_postings.PostingsFiles(slice_budget=8_000)
    for n in range(40):
        ids, _weights = files.postings(file, "seg", "body", f"word{n}".encode())
        assert ids.tolist() == real("body", f"word{n}".encode())[0].tolist()
        assert files.slice_bytes <= files.slice_budget
    assert len(reads) == 40 and 0 < len(files._slices) < 40
    files.postings(file, "seg", "body", b"word39")  # kept: not read again
    files.postings(file, "seg", "body", b"word0")  # dropped first: read again
    assert reads[40:] == [b"word0"]
    files.postings(file, "seg", "body", b"common")  # 300 postings: over an eighth of the budget, never kept
    assert ("seg", "body", b"common") not in files._slices
    files.forget({"seg"})
    assert not files._slices and files.slice_bytes == 0
