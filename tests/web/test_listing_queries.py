"""Listings run a fixed number of SQL queries whatever the data size, and never load score explanations."""
from __future__ import annotations

import pytest
from sqlalchemy import event

from .test_browse import add_maker

PAGES = ["/", "/makers", "/makers?craft=wood&place=United+Kingdom&tier=skilled&custom=1&max_lead=30&sort=on_time",
         "/makers?sort=reviews", "/makers?sort=newest"]


def _statements(app, client, path: str) -> list[str]:
    """Every SQL statement one cold request to `path` runs (the listing caches emptied first)."""
    for cache in ("craftreview.browse_counts", "craftreview.home_cache"):
        app.extensions.pop(cache, None)
    seen: list[str] = []
    engine = app.extensions["craftreview.engine"]

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


def _grow(db, make_user, count: int) -> None:
    for k in range(count):
        add_maker(db, make_user, craft="wood" if k % 2 else "glass", custom=True, lead=20,
                  tier="skilled" if k % 3 else None)


@pytest.mark.parametrize("path", PAGES)
def test_listing_runs_the_same_queries_at_two_data_sizes(app, client, db, make_user, path):
    _grow(db, make_user, 3)
    small = _statements(app, client, path)
    _grow(db, make_user, 60)
    large = _statements(app, client, path)
    # Browse: 2 BEGIN, the listing stamp, the rows, the cards' on-time counts and 4 filter counts.
    assert len(small) == len(large) <= 9, (len(small), len(large))
    assert not any("detail_json" in s for s in large)


def test_filter_counts_are_reused_for_the_same_filters(app, client, db, make_user):
    _grow(db, make_user, 5)
    cold = _statements(app, client, "/makers?craft=wood")
    client.get("/makers?craft=wood")
    engine = app.extensions["craftreview.engine"]
    warm: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: warm.append(a[2]))
    client.get("/makers?craft=wood&sort=newest")
    assert len(warm) < len(cold)


def test_home_is_served_from_a_recent_copy(app, client, db, make_user):
    _grow(db, make_user, 5)
    cold = _statements(app, client, "/")
    engine = app.extensions["craftreview.engine"]
    warm: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: warm.append(a[2]))
    assert "Browse 5 makers" in client.get("/").get_data(as_text=True)
    assert len([s for s in cold if s.startswith("SELECT")]) == 3
    assert not [s for s in warm if s.startswith("SELECT")]
