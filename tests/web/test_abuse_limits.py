"""Abuse limits: per account as well as per address, Retry-After and a page saying when to retry."""
from __future__ import annotations

import json
import logging

import pytest

from craftreview import create_app
from tests.conftest import PASSWORD, login


@pytest.fixture
def limited_app(database_url, tmp_path):
    """An app with rate limits on (fresh memory storage) and one proxy trusted for client addresses."""
    app = create_app({
        "ENV_NAME": "test", "TESTING": True, "DATABASE_URL": database_url, "INSTANCE_PATH": str(tmp_path / "i"),
        "SEARCH_INDEX_DIR": str(tmp_path / "index"), "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": True,
        "PROXY_COUNT": 1, "RATELIMIT_LOGIN_ADDRESS": "10 per minute", "RATELIMIT_LOGIN_ACCOUNT": "5 per 15 minutes",
        "RATELIMIT_SEARCH": "5 per minute", "RATELIMIT_FLAG": "2 per day",
    })
    yield app
    app.extensions["craftreview.engine"].dispose()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_forwarded_for_is_honoured_only_behind_the_configured_proxies(limited_app):
    client = limited_app.test_client()
    codes = [client.get("/search", query_string={"q": "oak"}, headers={"X-Forwarded-For": "192.0.2.1"}).status_code
             for _ in range(6)]
    assert codes[-1] == 429 and codes[:5] == [200] * 5
    assert client.get("/search", query_string={"q": "oak"},
                      headers={"X-Forwarded-For": "192.0.2.2"}).status_code == 200


def test_security_events_are_json_lines_without_secrets(app, client, make_user, caplog):
    user = make_user("logger")
    with caplog.at_level(logging.INFO, logger="craftreview.security"):
        client.post("/login", data={"email": user.email, "password": "wrong horse battery"})
        client.post("/login", data={"email": user.email, "password": PASSWORD})
    lines = [r.getMessage() for r in caplog.records if r.name == "craftreview.security"]
    events = [json.loads(line) for line in lines]
    assert [(e["event"], e["outcome"]) for e in events] == [("login", "failure"), ("login", "success")]
    assert events[1]["user_id"] == user.id and events[0]["time"].endswith("Z") and events[0]["address"]
    assert all(PASSWORD not in line and "wrong horse" not in line and user.email not in line for line in lines)


def test_pages_for_logged_in_users_and_form_pages_are_not_stored(client, make_user):
    assert client.get("/login").headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/makers").headers.get("Cache-Control", "")
    login(client, make_user())
    assert client.get("/makers").headers["Cache-Control"] == "no-store"
