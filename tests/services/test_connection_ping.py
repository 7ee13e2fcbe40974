"""Pooled PostgreSQL connections are pinged before use only when they sat idle (db.ping_idle_connections)."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from craftreview import db
from craftreview.config import postgres_test_url


@pytest.fixture
def engine():
    url = postgres_test_url()
    if not url:
        pytest.skip("CRAFTREVIEW_TEST_POSTGRES_URL is not set")
    engine = db.make_engine(url)
    yield engine
    engine.dispose()


def _backend_pid(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT pg_backend_pid()")).scalar_one()


def _terminate(engine, pid: int) -> None:
    """Close one server backend, as a restart or an idle timeout would."""
    other = db.make_engine(engine.url.render_as_string(hide_password=False))
    try:
        with other.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        other.dispose()


def test_a_connection_idle_too_long_is_pinged_and_replaced_when_dead(engine, monkeypatch):
    pid = _backend_pid(engine)
    _terminate(engine, pid)
    monkeypatch.setattr(db, "PING_IDLE_SECONDS", -1.0)  # every pooled connection counts as idle
    assert _backend_pid(engine) != pid  # a new, working connection; no error reached the caller


def test_without_the_ping_the_dead_connection_reaches_the_caller(engine, monkeypatch):
    pid = _backend_pid(engine)
    _terminate(engine, pid)
    monkeypatch.setattr(db, "PING_IDLE_SECONDS", 3600.0)  # used moments ago: not pinged
    with pytest.raises(Exception):  # noqa: B017, PT011 - the driver's error for a closed connection
        _backend_pid(engine)


def test_a_connection_used_moments_ago_is_not_pinged(engine, monkeypatch):
    pings = []
    monkeypatch.setattr(db, "_alive", lambda conn: pings.append(conn) or True)
    _backend_pid(engine)
    _backend_pid(engine)
    assert pings == []
    monkeypatch.setattr(db, "PING_IDLE_SECONDS", -1.0)
    _backend_pid(engine)
    assert len(pings) == 1


def test_statements_run_many_times_are_never_prepared_on_the_server(engine):
    # A prepared statement's generic plan re-parsed a search's words for every row it ranked
    # (db._plan_every_statement): each execution is planned for its own parameters instead.
    with engine.connect() as conn:
        for word in ["set", "gift", "mug", "bowl", "vase", "ring", "scarf", "belt"]:
            conn.execute(text("SELECT count(*) FROM (SELECT 1) x WHERE to_tsvector('english', :w) @@ "
                              "websearch_to_tsquery('english', :w)"), {"w": word})
        assert conn.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalar_one() == 0
