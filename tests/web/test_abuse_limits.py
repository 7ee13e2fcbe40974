"""Abuse limits: per account as well as per address, Retry-After and a page saying when to retry."""
from __future__ import annotations

import json
import logging

import pytest

from craftreview import create_app
from tests.conftest import PASSWORD, login


@pytest.fixture
def app(database_url, tmp_path):
    """Rate limits on (fresh memory storage), one proxy trusted for client addresses.

    It replaces the shared `app` fixture: the limiter is one object, and a second app
    created with limits off would switch them off for this one too.
    """
    app = create_app({
        "ENV_NAME": "test", "TESTING": True, "DATABASE_URL": database_url, "INSTANCE_PATH": str(tmp_path / "i"),
        "SEARCH_INDEX_DIR": str(tmp_path / "index"), "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": True,
        "PROXY_COUNT": 1, "RATELIMIT_LOGIN_ADDRESS": "10 per minute", "RATELIMIT_LOGIN_ACCOUNT": "5 per 15 minutes",
        "RATELIMIT_SEARCH": "5 per minute", "RATELIMIT_FLAG": "2 per day",
    })
    yield app
    app.extensions["craftreview.engine"].dispose()


def _login(client, email, password, address):
    return client.post("/login", data={"email": email, "password": password},
                       headers={"X-Forwarded-For": address})


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_rotating_addresses_gets_no_more_guesses_but_the_real_user_still_logs_in(app, db, make_user):
    victim = make_user("victim")
    real = app.test_client()
    assert _login(real, victim.email, PASSWORD, "10.0.0.1").status_code == 302  # the user's own browser
    attacker = app.test_client()
    statuses = [_login(attacker, victim.email, f"guess {n}", f"203.0.113.{n}").status_code for n in range(8)]
    assert statuses[:5] == [200] * 5 and statuses[5:] == [429] * 3
    blocked = _login(attacker, victim.email, PASSWORD, "203.0.113.99")
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    assert "Please try again in" in blocked.get_data(as_text=True)
    assert _login(real, victim.email, PASSWORD, "198.51.100.7").status_code == 302


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_flags_are_limited_per_account_per_day_and_logged(app, db, make_user, make_maker, make_review, caplog):
    maker = make_maker()
    reviews = [make_review(make_user(), maker) for _ in range(3)]
    flagger = make_user("flagger")
    client = app.test_client()
    login(client, flagger)
    with caplog.at_level(logging.INFO, logger="craftreview.security"):
        codes = [client.post(f"/reviews/{r.id}/flag", data={"reason": "spam"}).status_code for r in reviews]
    assert codes == [302, 302, 429]
    events = [json.loads(r.getMessage()) for r in caplog.records if r.name == "craftreview.security"]
    assert events[-1]["event"] == "rate_limited" and events[-1]["user_id"] == flagger.id


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_forwarded_for_is_honoured_only_behind_the_configured_proxies(app):
    client = app.test_client()
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
