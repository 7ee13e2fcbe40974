"""A form refused on its own POST-only address (the account page's password form, a moderator's hide form) draws its
page there with the errors; opening that address again by GET (the address bar, a reload the browser turns into a GET,
history) goes to the page the form is on, instead of a 405 "Nothing to show at this address"."""
from __future__ import annotations

import pytest

from tests.conftest import login


@pytest.mark.parametrize(("path", "page"), [
    ("/account/password", "/account"),
    ("/account/email", "/account"),
    ("/account/name", "/account"),
])
def test_opening_an_account_form_s_address_goes_to_the_account_page(client, make_user, path, page):
    login(client, make_user())
    refused = client.post(path, data={})
    assert refused.status_code == 400 and "Your account" in refused.get_data(as_text=True)  # drawn at `path`
    response = client.get(path)
    assert response.status_code == 303 and response.headers["Location"] == page
    assert "Your account" in client.get(page).get_data(as_text=True)


def test_opening_a_moderation_form_s_address_goes_to_the_review_s_moderation_page(client, make_user, make_maker,
                                                                                   make_review):
    review = make_review(make_user("buyer"), make_maker())
    login(client, make_user("mod", moderator=True))
    assert client.post(f"/moderation/reviews/{review.id}/hide", data={}).status_code == 400
    response = client.get(f"/moderation/reviews/{review.id}/hide?x=1")
    assert response.status_code == 303 and response.headers["Location"] == f"/moderation/reviews/{review.id}"


def test_a_form_only_address_at_the_top_of_the_site_still_says_it_has_no_page(client):
    response = client.get("/logout")  # no page above it but the home page, which is no form's page
    assert response.status_code == 405
    assert "it has no page to show" in response.get_data(as_text=True)
