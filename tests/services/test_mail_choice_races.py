"""Mail choices saved twice at once (a double click on the account page's Save, an unsubscribe link opened in two tabs).

Each write deletes and inserts mail_opt_outs rows keyed (user, kind). PostgreSQL's READ COMMITTED let the second
request delete nothing (the first one's rows were not committed yet) and then insert the same key: it waited for the
first to commit and failed on the primary key, a 500. Here the first request is held inside its write, rows flushed,
while the second starts."""
from __future__ import annotations

import threading
from contextlib import contextmanager

import pytest
from sqlalchemy import select

from craftreview.db import write_transaction
from craftreview.models import MailOptOut, User
from craftreview.services import notifications
from tests.concurrency import run_pair
from tests.conftest import fresh


def race(app, monkeypatch, first, second):
    """Run first(session) to the end of its write (rows flushed, not committed), then second(session) alongside."""
    reached, release, holder = threading.Event(), threading.Event(), []

    @contextmanager
    def held_write(session):
        with write_transaction(session):
            yield session
            if not holder:
                holder.append(threading.get_ident())
                session.flush()
                reached.set()
                release.wait(10)
    monkeypatch.setattr(notifications, "write_transaction", held_write)
    return run_pair(app, first, second, reached, release)


def _opted_out(db, user_id):
    fresh(db)
    return sorted(db.scalars(select(MailOptOut.kind).where(MailOptOut.user_id == user_id)))


@pytest.mark.parametrize("kinds", [set(), {"reply"}])
def test_mail_choices_saved_twice_at_once_are_saved_once(app, db, make_user, monkeypatch, kinds):
    uid = make_user("chooser").id

    def save(s):
        notifications.set_mail_kinds(s, s.get(User, uid), set(kinds))
    first, second = race(app, monkeypatch, save, save)
    assert first is None and second is None, (first, second)
    assert _opted_out(db, uid) == sorted(set(notifications.NOTIFICATION_KINDS) - kinds)


def test_one_unsubscribe_link_sent_twice_at_once_opts_out_once(app, db, make_user, monkeypatch):
    uid = make_user("leaving").id

    def unsubscribe(s):
        return notifications.unsubscribe(s, uid, "reply")
    first, second = race(app, monkeypatch, unsubscribe, unsubscribe)
    assert not isinstance(first, Exception) and not isinstance(second, Exception), (first, second)
    assert _opted_out(db, uid) == ["reply"]
