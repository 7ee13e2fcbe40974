"""The confirmation resend's limits: what they count, what they say, and an address confirmed meanwhile."""
from __future__ import annotations

import pytest

from craftreview.config import load_config
from craftreview.models import User, utcnow
from tests.conftest import fresh, login
from tests.web.test_abuse_limits import assert_retry_later, limited_app

CONFIRMED = "Your email address is already confirmed."


@pytest.fixture
def app(database_url, tmp_path):
    """Limits on: the account's confirmation-mail budget is 2 an hour (SMALL_LIMITS), the client address's resends
    5 an hour (the default)."""
    app = limited_app(database_url, tmp_path)
    yield app
    app.extensions["craftreview.engine"].dispose()


def _resend(client):
    return client.post("/account/confirm/resend", follow_redirects=True)


def _confirm(db, user: User) -> None:
    """The address gets confirmed elsewhere (its link opened on the phone, say)."""
    fresh(db)
    db.get(User, user.id).email_confirmed_at = utcnow()
    db.commit()


def test_an_address_confirmed_after_the_account_budget_ran_out_is_told_so(app, db, make_user):
    user, client = make_user("hasty"), app.test_client()
    login(client, user)
    assert [_resend(client).status_code for _ in range(2)] == [200, 200]
    assert_retry_later(client.post("/account/confirm/resend"))
    _confirm(db, user)
    page = _resend(client).get_data(as_text=True)
    assert CONFIRMED in page and "Please try again in" not in page


def test_an_address_confirmed_after_the_client_address_budget_ran_out_is_told_so(app, db, make_user):
    """Five resends an hour from one client address (three accounts behind it here), then a confirmed account."""
    senders = [make_user(f"sender{n}") for n in range(3)]
    for user, times in zip(senders, (2, 2, 1), strict=True):
        client = app.test_client()
        login(client, user)
        assert [_resend(client).status_code for _ in range(times)] == [200] * times
    assert_retry_later(client.post("/account/confirm/resend"))  # the third account has budget; the address has not
    settled, client = make_user("settled"), app.test_client()
    _confirm(db, settled)
    login(client, settled)
    page = _resend(client).get_data(as_text=True)
    assert CONFIRMED in page and "Please try again in" not in page


def test_the_client_address_resend_limit_is_a_named_setting_and_its_page_says_what_ran_out(database_url, tmp_path,
                                                                                          make_user):
    app = limited_app(database_url, tmp_path, RATELIMIT_CONFIRMATION_RESEND="3 per hour")
    try:
        for n in range(3):  # three accounts behind one address, one resend each: the accounts keep budget
            client = app.test_client()
            login(client, make_user(f"sender{n}"))
            assert _resend(client).status_code == 200
        client = app.test_client()
        login(client, make_user("fourth"))
        assert_retry_later(client.post("/account/confirm/resend"), "minutes",
                           "Your network address has asked for as many confirmation links as it may for now.")
    finally:
        app.extensions["craftreview.engine"].dispose()


def test_the_resend_limit_defaults_to_five_an_hour_and_the_environment_overrides_it(monkeypatch):
    monkeypatch.setenv("CRAFTREVIEW_ENV", "test")
    assert load_config()["RATELIMIT_CONFIRMATION_RESEND"] == "5 per hour"
    monkeypatch.setenv("RATELIMIT_CONFIRMATION_RESEND", "2 per hour")
    assert load_config()["RATELIMIT_CONFIRMATION_RESEND"] == "2 per hour"
