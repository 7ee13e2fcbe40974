"""The maker page and /compare run a fixed number of SQL queries, however many reviews or makers."""
from __future__ import annotations

import contextlib

import pytest
from sqlalchemy import event

from craftreview.web.stored_pages import render_stale
from tests.conftest import DATABASES, login
from tests.web.maker_world import many_reviews, rescore

pytestmark = pytest.mark.parametrize("database_url", DATABASES, indirect=True)


@contextlib.contextmanager
def counted(app):
    """Count the statements the app's engine executes inside the block."""
    engine, statements = app.extensions["craftreview.engine"], []

    def listener(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", listener)


def queries_for(app, client, url: str) -> int:
    client.get(url)  # warm-up: first-request work (e.g. SQLite pragmas) is not the page's
    with counted(app) as statements:
        assert client.get(url).status_code == 200
    return len(statements)


def _maker_with(db, make_maker, make_user, count: int):
    maker = make_maker(name=f"Maker with {count}")
    many_reviews(db, maker, make_user, count)
    return maker


@pytest.mark.parametrize("logged_in", [False, True])
def test_maker_page_queries_do_not_grow_with_reviews(app, client, db, make_maker, make_user, logged_in):
    small, large = (_maker_with(db, make_maker, make_user, n) for n in (3, 60))
    rescore(db)
    if logged_in:
        login(client, make_user("reader"))
    counts = [queries_for(app, client, f"/makers/{m.slug}?sort=helpful") for m in (small, large)]
    filtered = queries_for(app, client, f"/makers/{large.slug}?order=custom&price=300-1000&page=2")
    assert counts[0] == counts[1] == filtered
    # BEGIN, maker+score+trend, review summary, page of reviews with their replies
    # (+ user, own review, votes, the header's unread-notification count)
    assert counts[0] <= (8 if logged_in else 4)


def test_stored_maker_page_is_one_statement_whatever_the_reviews(app, db, make_maker, make_user):
    small, large = (_maker_with(db, make_maker, make_user, n) for n in (3, 60))
    rescore(db)
    render_stale(app)
    visitor = app.test_client()  # no session, no cookies: the visitor the stored page is for
    counts = [queries_for(app, visitor, f"/makers/{m.slug}") for m in (small, large)]
    assert counts[0] == counts[1] <= 2  # (BEGIN on SQLite) the stored page of the current revision


def test_compare_queries_do_not_grow_with_makers(app, client, db, make_maker, make_user):
    makers = [_maker_with(db, make_maker, make_user, n) for n in (3, 9, 20, 40)]
    rescore(db)
    two = queries_for(app, client, "/compare?makers=" + ",".join(m.slug for m in makers[:2]))
    four = queries_for(app, client, "/compare?makers=" + ",".join(m.slug for m in makers))
    assert two == four <= 4
