"""A form sent after the session ended (logged out on another device, say): login first, then back to a page that
shows the form again, never to the form's POST-only address (which answered 405 "That action is not allowed")."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from craftreview.services import accounts
from tests.conftest import PASSWORD, login


def _logged_out_elsewhere(client, db, user) -> None:
    """The client holds a session of `user` that another device's "log out everywhere" has since ended."""
    login(client, user)
    assert client.get("/account").status_code == 200
    accounts.end_sessions(db, user)


def _next_of(response) -> str | None:
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.path == "/login"
    return parse_qs(location.query).get("next", [None])[0]


@pytest.mark.parametrize(("action", "data"), [
    ("/account/name", {"nm-display_name": "Renamed"}),
    ("/account/password", {"pw-current_password": PASSWORD, "pw-new_password": "a new passphrase here",
                           "pw-confirm": "a new passphrase here"}),
    ("/account/confirm/resend", {}),
    ("/notifications/read", {}),
])
def test_a_form_sent_after_the_session_ended_returns_to_its_page_after_login(client, db, make_user, action, data):
    user = make_user()
    _logged_out_elsewhere(client, db, user)
    response = client.post(action, data=data, headers={"Referer": "http://localhost/account"})
    assert _next_of(response) == "/account"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Your session had ended, so that was not done. Log in, then try again." in page
    after = client.post(response.headers["Location"], data={"email": user.email, "password": PASSWORD})
    assert after.status_code == 302 and after.headers["Location"] == "/account"
    assert client.get("/account").status_code == 200


def test_a_logged_out_form_whose_address_also_shows_the_page_returns_there(client, db, make_user):
    user = make_user()
    _logged_out_elsewhere(client, db, user)
    # The deletion page is sent with no Referer at all (its Referrer-Policy is no-referrer).
    response = client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD})
    assert _next_of(response) == "/account/delete"


@pytest.mark.parametrize("referer", [None, "http://evil.example/account", "http://localhost/account/name"])
def test_a_logged_out_form_from_no_usable_page_logs_in_to_the_home_page(client, db, make_user, referer):
    user = make_user()
    _logged_out_elsewhere(client, db, user)
    headers = {"Referer": referer} if referer else {}
    response = client.post("/account/name", data={"nm-display_name": "Renamed"}, headers=headers)
    assert _next_of(response) is None


def test_a_page_opened_logged_out_still_comes_back_after_login(client, make_user):
    response = client.get("/me/reviews?page=2")
    assert _next_of(response) == "/me/reviews?page=2"
    assert "Please log in to continue." in client.get(response.headers["Location"]).get_data(as_text=True)
