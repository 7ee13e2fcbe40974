"""The rebuild: parallel segment workers give the same index as one writer; failures keep the old
index; outbox rows the rebuild's snapshot covered are not replayed."""
from __future__ import annotations

import os

import pytest
from sqlalchemy import text
from whoosh import index

from craftreview import search
from craftreview.search import documents, outbox, whoosh_build
from craftreview.search.outbox import enqueue, pending_count
from craftreview.search.pg_backend import DOCUMENTS
from craftreview.search.whoosh_backend import KINDS, SCHEMA
from craftreview.web.context import session_factory

from .helpers import names, review_titles, run

whoosh_only = pytest.mark.parametrize("search_app", ["whoosh"], indirect=True)
postgres_only = pytest.mark.parametrize("search_app", [pytest.param("postgres", marks=pytest.mark.postgres)],
                                        indirect=True)
QUERIES = [("", {}), ("raku", {}), ("walnut", {}), ("late", {"tab": "reviews"}),
           ("", {"tab": "reviews"}), ("", {"sort": "newest"}), ("", {"tab": "reviews", "sort": "score"})]


def _index_state(app) -> dict:
    """Per kind: stored keys in document-number order and the number of segments."""
    backend = search.get_backend(app)
    state = {}
    for kind in KINDS:
        with backend._searcher(kind) as s:
            reader = s.reader()
            keys = [reader.stored_fields(n)["key"] for n in reader.all_doc_ids()]
            state[kind] = (keys, len(backend._index(kind)._segments()))
    return state


def _answers(app) -> list:
    pages = [(run(app, q, **args), args.get("tab")) for q, args in QUERIES]
    return [(review_titles(page) if tab == "reviews" else names(page), page.totals) for page, tab in pages]


@whoosh_only
def test_segments_written_in_parallel_match_one_writer(corpus, search_app, monkeypatch):
    search.rebuild(search_app)
    single, answers = _index_state(search_app), _answers(search_app)
    assert all(segments == 1 for _keys, segments in single.values())

    # Every kind split into as many parts as there are documents to spread over them.
    monkeypatch.setattr(whoosh_build, "PARTS", {"maker": 3, "review": 2})
    monkeypatch.setattr(whoosh_build, "MIN_PART_DOCS", 1)
    search.rebuild(search_app)
    parallel = _index_state(search_app)

    assert parallel["maker"][1] == 3 and parallel["review"][1] == 2
    assert {k: keys for k, (keys, _n) in parallel.items()} == {k: keys for k, (keys, _n) in single.items()}
    assert _answers(search_app) == answers
    assert search.check(search_app).ok


def test_part_count_follows_the_expected_size(monkeypatch):
    monkeypatch.setattr(whoosh_build, "PARTS", {"review": 2})
    monkeypatch.setattr(whoosh_build, "MIN_PART_DOCS", 100)
    assert whoosh_build.part_count("review", 0) == 1
    assert whoosh_build.part_count("review", 199) == 1
    assert whoosh_build.part_count("review", 200) == 2
    assert whoosh_build.part_count("review", 10**6) == 2
    assert whoosh_build.part_count("maker", 10**6) == 1


@whoosh_only
def test_a_wrong_size_hint_still_indexes_every_document(corpus, search_app, monkeypatch):
    monkeypatch.setattr(whoosh_build, "PARTS", {"maker": 2, "review": 2})
    monkeypatch.setattr(whoosh_build, "MIN_PART_DOCS", 1)
    monkeypatch.setattr(search, "count_docs", lambda conn: {"maker": 2, "review": 2})  # far too few
    assert search.rebuild(search_app) == 11
    assert search.check(search_app).ok


@whoosh_only
def test_a_failing_worker_fails_the_rebuild_and_keeps_the_old_index(corpus, search_app, monkeypatch):
    before = names(run(search_app, "walnut"))
    directory = search_app.config["SEARCH_INDEX_DIR"]
    generations = sorted(n for n in os.listdir(directory) if n.startswith("gen-"))
    real_fields = whoosh_build.doc_fields
    # A field the schema does not have: the worker that receives it fails inside Whoosh.
    monkeypatch.setattr(whoosh_build, "doc_fields", lambda doc: {**real_fields(doc), "nonsense": "x"})

    with pytest.raises(RuntimeError, match="index worker failed"):
        search.rebuild(search_app)

    assert sorted(n for n in os.listdir(directory) if n.startswith("gen-")) == generations
    assert names(run(search_app, "walnut")) == before == ["Oakhaven Woodworks"]


def test_rebuild_does_not_replay_outbox_rows_its_snapshot_covered(corpus, search_app, monkeypatch):
    with session_factory(search_app)() as session:
        for maker_id in (corpus["oak"], corpus["fern"]):
            enqueue(session, "maker", maker_id)
        session.commit()
    replayed = []
    real_docs = outbox.docs_for_makers
    monkeypatch.setattr(outbox, "docs_for_makers", lambda conn, ids: replayed.append(set(ids)) or real_docs(conn, ids))

    search.rebuild(search_app)

    assert pending_count(search_app.extensions["craftreview.engine"]) == 0
    assert replayed == []  # dropped, not re-read: the new index already held those makers' documents
    assert search.check(search_app).ok


@postgres_only
def test_a_rebuilt_postgres_index_has_every_page_marked_visible_to_all(corpus, search_app):
    """The rebuild VACUUMs the new documents table after its reading snapshot closes, so every page
    is marked all-visible (scans skip each row's visibility check). Vacuumed inside the snapshot,
    whose transaction began before the new rows were written, no page was marked."""
    search.rebuild(search_app)
    engine = search_app.extensions["craftreview.engine"]
    with engine.connect() as conn:
        visible, pages = conn.execute(text(
            "SELECT relallvisible, relpages FROM pg_class WHERE oid = 'search_documents'::regclass")).one()
    assert pages > 0
    assert visible == pages


@postgres_only
def test_a_rebuilt_postgres_index_has_the_indexes_the_schema_declares(corpus, search_app):
    """The swapped-in table carries every index of pg_backend.DOCUMENTS, under the same names."""
    search.rebuild(search_app)
    engine = search_app.extensions["craftreview.engine"]
    with engine.connect() as conn:
        found = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'search_documents'")).scalars())
    assert found == {i.name for i in DOCUMENTS.indexes} | {"search_documents_pkey"}


def test_rebuild_reports_progress_for_every_document(corpus, search_app):
    seen = []
    count = search.rebuild(search_app, progress=seen.append)
    assert count == 11 and sum(seen) == 11


def _postings(directory: str) -> dict:
    """Every posting of an index: (field, term) -> [(docnum, weight, value bytes)], plus lengths."""
    with index.open_dir(directory).searcher() as s:
        reader = s.reader()
        found = {}
        for fieldname, term in reader.all_terms():
            matcher = reader.postings(fieldname, term)
            items = []
            while matcher.is_active():
                items.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            found[(fieldname, term)] = items
        lengths = {(n, f): reader.doc_field_length(n, f) for n in reader.all_doc_ids()
                   for f in ("title", "craft", "location", "body")}
        return {"postings": found, "lengths": lengths, "stored": list(reader.all_stored_fields())}


@whoosh_only
def test_worker_segments_hold_exactly_what_a_plain_whoosh_writer_writes(corpus, search_app, tmp_path, monkeypatch):
    monkeypatch.setattr(whoosh_build, "PARTS", {"maker": 2, "review": 3})
    monkeypatch.setattr(whoosh_build, "MIN_PART_DOCS", 1)
    engine = search_app.extensions["craftreview.engine"]
    with engine.connect() as conn:
        docs = list(documents.iter_all_docs(conn))
        expected = documents.count_docs(conn)
    for name in ("plain", "workers"):
        for kind in KINDS:
            os.makedirs(tmp_path / name / kind)
            index.create_in(str(tmp_path / name / kind), SCHEMA)
    for kind in KINDS:
        with index.open_dir(str(tmp_path / "plain" / kind)).writer() as writer:
            for doc in docs:
                if doc.kind == kind:
                    writer.add_document(**whoosh_build.doc_fields(doc))

    assert whoosh_build.build_indexes(str(tmp_path / "workers"), KINDS, iter(docs), expected=expected) == 11

    for kind in KINDS:
        assert _postings(str(tmp_path / "workers" / kind)) == _postings(str(tmp_path / "plain" / kind))
