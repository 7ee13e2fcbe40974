"""Rate-limit storage down (Redis unreachable): a logged warning and per-process limits, never a 500."""
from __future__ import annotations

import logging

import pytest

from craftreview import create_app
from craftreview.web.security import limiter


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
