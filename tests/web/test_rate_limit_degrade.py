"""Rate-limit storage down (Redis unreachable): a logged warning and per-process limits, never a 500."""
from __future__ import annotations

import io
import logging

import pytest

from craftreview import create_app
from craftreview.models import User
from craftreview.services.passwords import hash_password
from craftreview.web.security import LIMITER_LOGGER, limiter
from tests.conftest import PASSWORD, login


@pytest.fixture
def unreachable_redis_app(database_url, tmp_path):
    app = create_app({
        "ENV_NAME": "test", "TESTING": True, "DATABASE_URL": database_url, "INSTANCE_PATH": str(tmp_path),
        "SEARCH_INDEX_DIR": str(tmp_path / "index"), "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:1/0",  # nothing listens on port 1
    })
    yield app
    limiter._storage_dead = False  # the limiter is process-global; later apps start healthy
    app.extensions["craftreview.engine"].dispose()


def test_logins_work_with_a_warning_when_redis_is_down(unreachable_redis_app, caplog):
    client = unreachable_redis_app.test_client()
    with caplog.at_level(logging.WARNING, logger="flask-limiter"):
        statuses = [client.post("/login", data={"email": "x@example.com", "password": "wrong password"}).status_code
                    for _ in range(3)]
    assert statuses == [400, 400, 400]
    assert "Rate limit storage unreachable" in caplog.text
    page = client.get("/login")
    assert page.status_code == 200 and b"Log in" in page.data


def test_other_pages_never_fail_when_redis_is_down(unreachable_redis_app):
    client = unreachable_redis_app.test_client()
    for path in ("/", "/makers", "/search?q=walnut", "/register", "/healthz"):
        assert client.get(path).status_code == 200, path


def test_the_fallback_reaches_the_server_log_not_only_pytest(unreachable_redis_app):
    """flask-limiter logs to a NullHandler, which caplog (reading the root logger) does not show: in production the
    fallback to per-process limits was logged nowhere."""
    handlers = [h for h in logging.getLogger(LIMITER_LOGGER).handlers if isinstance(h, logging.StreamHandler)]
    assert len(handlers) == 1
    stream = io.StringIO()
    previous = handlers[0].setStream(stream)
    try:
        unreachable_redis_app.test_client().post("/login", data={"email": "x@example.com", "password": "wrong"})
    finally:
        handlers[0].setStream(previous)
    assert "WARNING flask-limiter: Rate limit storage unreachable - falling back to in-memory storage" in stream.getvalue()


def test_with_redis_down_a_limited_form_does_not_wait_on_it_for_its_hold(unreachable_redis_app, monkeypatch):
    """The one-request-at-a-time hold (limits.hold_budgets) lives in the limiter's storage: with Redis known to be
    down, asking it again would cost each limited form the connection timeout, for a hold the per-process budgets
    no longer need. (The user is made on this app's own session: the shared fixtures would make another app, and
    the limiter is one object.)"""
    with unreachable_redis_app.extensions["craftreview.sessions"]() as session:
        user = User(email="mover@example.com", display_name="Mover", password_hash=hash_password(PASSWORD))
        session.add(user)
        session.commit()
        session.refresh(user)
    client = unreachable_redis_app.test_client()
    client.post("/login", data={"email": "x@example.com", "password": "wrong"})  # the limiter finds Redis down
    assert limiter._storage_dead
    login(client, user)
    asked: list[str] = []
    monkeypatch.setattr(limiter.storage, "incr", lambda key, *args, **kwargs: asked.append(key) or 1)
    response = client.post("/account/email", data={"em-email": "moved@example.net", "em-password": PASSWORD})
    assert response.status_code == 302 and asked == []
