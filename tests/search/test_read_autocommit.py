"""A search page reads in autocommit on PostgreSQL (no BEGIN/ROLLBACK round trips); a write later in
the same session is still one transaction."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from craftreview import search as search_api
from craftreview.db import is_sqlite, write_transaction
from craftreview.models import User
from craftreview.web.context import session_factory


def _search(session, app, q: str):
    return search_api.search(session, search_api.request_from_args({"q": q}), app)


def _autocommit(session) -> bool:
    """Whether the session's current connection runs each statement on its own (the driver's view)."""
    driver = session.connection().connection.driver_connection
    return bool(getattr(driver, "autocommit", False)) and not is_sqlite(session)


def test_a_search_reads_in_autocommit_on_a_server_database_only(world, search_app):
    world.maker("Oak Hollow Woodworks", "wood")
    world.drain()
    with session_factory(search_app)() as session:
        assert [item.maker.name for item in _search(session, search_app, "oak").items] == ["Oak Hollow Woodworks"]
        assert _autocommit(session) is not is_sqlite(session)


def test_a_write_after_a_search_in_the_same_session_is_still_atomic(world, search_app):
    world.maker("Oak Hollow Woodworks", "wood")
    world.drain()
    with session_factory(search_app)() as session:
        _search(session, search_app, "oak")
        with pytest.raises(RuntimeError), write_transaction(session):
            session.add(User(email="half@example.com", display_name="Half", password_hash="x"))
            session.flush()  # sent to the database inside the write's transaction...
            raise RuntimeError("the write fails after its first statement")
        assert not _autocommit(session)  # a real transaction again
    with session_factory(search_app)() as other:  # ...and rolled back with it
        assert other.scalar(select(func.count()).select_from(User).where(User.email == "half@example.com")) == 0
