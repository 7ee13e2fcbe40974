"""A password may not be the account's email address or display name, which anyone who sees a review or a mail knows."""
from __future__ import annotations

import html

import pytest

from craftreview.services.passwords import PERSONAL_MESSAGE, password_problem
from tests.conftest import PASSWORD, login
from tests.mail_helpers import link_in, mails_to


@pytest.mark.parametrize(("password", "personal", "refused"), [
    ("maria.lopez@example.com", ("maria.lopez@example.com", "Maria"), True),
    ("MARIA.LOPEZ@EXAMPLE.COM", ("maria.lopez@example.com", "Maria"), True),
    ("maria.lopez.studio", ("maria.lopez.studio@example.com", "Maria"), True),  # the part before the @
    ("Hollow Oak Woodworker", ("someone@example.com", "hollow oak woodworker"), True),
    ("hollowoakwoodworker", ("someone@example.com", "Hollow Oak Woodworker"), True),
    ("maria.lopez@example.com is my secret", ("maria.lopez@example.com", "Maria"), False),
    ("a long enough passphrase", ("maria.lopez@example.com", "Maria"), False),
])
def test_the_address_and_display_name_are_refused_as_passwords(password, personal, refused):
    assert (password_problem(password, personal) == PERSONAL_MESSAGE) == refused


def test_registration_refuses_the_address_as_the_password(client):
    email = "maria.lopez@example.com"
    response = client.post("/register", data={"email": email, "display_name": "Maria", "password": email,
                                              "confirm": email})
    assert response.status_code == 400 and PERSONAL_MESSAGE in html.unescape(response.get_data(as_text=True))


def test_changing_and_resetting_the_password_refuse_the_address(client, db, make_user):
    user = make_user("maria")
    login(client, user)
    response = client.post("/account/password", data={"pw-current_password": PASSWORD, "pw-new_password": user.email,
                                                      "pw-confirm": user.email})
    assert PERSONAL_MESSAGE in html.unescape(response.get_data(as_text=True))
    client.post("/logout")
    client.post("/reset-password", data={"email": user.email})
    link = link_in(mails_to(db, user.email)[-1], "/reset-password/")
    response = client.post(link, data={"password": user.email, "confirm": user.email})
    assert PERSONAL_MESSAGE in html.unescape(response.get_data(as_text=True))
    assert client.post(link, data={"password": "a long enough passphrase", "confirm": "a long enough passphrase"}
                       ).status_code == 302  # the refusal left the link usable
