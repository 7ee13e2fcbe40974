"""`flask search check` finds every disagreement; `flask search rebuild` swaps in a fresh index."""
from __future__ import annotations

import threading
import time
from dataclasses import replace

from sqlalchemy import update

from craftreview import search
from craftreview.db import write_transaction
from craftreview.models import Maker
from craftreview.search import documents
from craftreview.web.context import session_factory

from .helpers import names, run


def _check(app):
    result = app.test_cli_runner().invoke(args=["search", "check"])
    return result.exit_code, result.output


def test_check_passes_when_index_matches_database(corpus, search_app):
    code, output = _check(search_app)
    assert code == 0 and "Index matches the database" in output


def test_check_reports_a_missing_document_and_exits_non_zero(corpus, search_app):
    search.get_backend(search_app).apply([], [f"m:{corpus['oak']}"])
    code, output = _check(search_app)
    assert code == 1 and f"missing: 1 (m:{corpus['oak']})" in output


def test_check_reports_a_stale_document(corpus, search_app):
    with session_factory(search_app)() as session, write_transaction(session):
        # A write that forgot its outbox row: exactly what check exists to catch.
        session.execute(update(Maker).where(Maker.id == corpus["oak"]).values(name="Renamed Woodworks"))
    code, output = _check(search_app)
    # The maker's document and its visible review's (which holds the maker's name).
    assert code == 1 and f"stale: 2 (m:{corpus['oak']}, r:{corpus['r_table']})" in output


def test_check_reports_an_extra_document(corpus, search_app):
    backend = search.get_backend(search_app)
    with session_factory(search_app)() as session:
        doc = documents.docs_for_makers(session.connection(), [corpus["oak"]])[0]
    backend.apply([replace(doc, entity_id=999)], [])
    code, output = _check(search_app)
    assert code == 1 and "extra: 1 (m:999)" in output


def test_rebuild_repairs_every_disagreement(corpus, search_app):
    search.get_backend(search_app).apply([], [f"m:{corpus['oak']}", f"r:{corpus['r_table']}"])
    result = search_app.test_cli_runner().invoke(args=["search", "rebuild"])
    assert result.exit_code == 0 and "Indexed 11 documents" in result.output
    assert _check(search_app)[0] == 0
    assert names(run(search_app, "walnut")) == ["Oakhaven Woodworks"]


def test_searches_keep_working_during_a_rebuild(corpus, search_app, monkeypatch):
    original = documents.iter_all_docs

    def slow_docs(conn):
        for doc in original(conn):
            time.sleep(0.02)
            yield doc
    monkeypatch.setattr(search, "iter_all_docs", slow_docs)
    worker = threading.Thread(target=search.rebuild, args=(search_app,))
    worker.start()
    seen = []
    while worker.is_alive():
        seen.append(names(run(search_app, "walnut")))
    worker.join()
    assert len(seen) > 3 and all(s == ["Oakhaven Woodworks"] for s in seen)
    assert search.check(search_app).ok


def test_changes_committed_during_a_rebuild_reach_the_new_index(corpus, world, search_app, monkeypatch):
    original = documents.iter_all_docs

    def docs_then_write(conn):
        yield from original(conn)
        # Committed after the rebuild's snapshot: only the outbox can carry it into the new index.
        world.review(corpus["oak"], "Late arrival", "snorkelwood chair", days=9)
    monkeypatch.setattr(search, "iter_all_docs", docs_then_write)
    search.rebuild(search_app)
    assert run(search_app, "snorkelwood", tab="reviews").totals["review"] == 1
