"""A browser whose login was ended from another device says so on the login page.

Walking the account lifecycle with two browsers: after "Log out everywhere" or a password reset in one, the other
opened its account page and got only "Please log in to continue.", the words a visitor who never logged in gets, with
no hint why the login it had a moment ago was gone (was it hacked? did it time out?)."""
from __future__ import annotations

from tests.conftest import PASSWORD
from tests.web.test_auth import _logged_in_clients

ENDED = "Your login on this device has ended"


def test_a_login_ended_by_log_out_everywhere_is_told_why_on_the_next_page(app, make_user):
    here, phone = _logged_in_clients(app, make_user(), 2)
    here.post("/logout-everywhere")
    page = phone.get("/account", follow_redirects=True).get_data(as_text=True)
    assert ENDED in page and "Please log in to continue." not in page


def test_a_login_ended_by_a_new_password_is_told_why(app, make_user):
    here, phone = _logged_in_clients(app, make_user(), 2)
    here.post("/account/password", data={"pw-current_password": PASSWORD, "pw-new_password": "a brand new passphrase",
                                         "pw-confirm": "a brand new passphrase"})
    assert ENDED in phone.get("/account", follow_redirects=True).get_data(as_text=True)


def test_a_visitor_who_never_logged_in_gets_the_plain_words(app):
    page = app.test_client().get("/account", follow_redirects=True).get_data(as_text=True)
    assert "Please log in to continue." in page and ENDED not in page


def test_a_browser_that_logged_out_itself_gets_the_plain_words(app, make_user):
    (here,) = _logged_in_clients(app, make_user(), 1)
    here.post("/logout")
    page = here.get("/account", follow_redirects=True).get_data(as_text=True)
    assert "Please log in to continue." in page and ENDED not in page
