"""Every page's title says which page it is, in words: tabs, history and screen readers tell them apart (audit F13)."""
from __future__ import annotations

import html
import re

from tests.conftest import login


def title_of(response) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", response.get_data(as_text=True), re.S).group(1))


def test_error_pages_are_titled_in_words(client):
    """They read "404 · craftreview" and "405 · craftreview"."""
    assert title_of(client.get("/makers/no-such-maker")) == "Page not found · craftreview"
    assert title_of(client.get("/logout")) == "Nothing to show at this address · craftreview"


def test_the_two_search_tabs_name_themselves_and_the_query(client):
    assert title_of(client.get("/search?q=walnut")) == "Makers matching “walnut” – search · craftreview"
    assert title_of(client.get("/search?q=walnut&tab=reviews")) == "Reviews matching “walnut” – search · craftreview"
    assert title_of(client.get("/search")) == "Search · craftreview"


def test_a_moderated_review_s_page_names_the_review(client, make_user, make_maker, make_review):
    review = make_review(make_user("buyer"), make_maker(), title="Cracked <glaze> bowl")
    login(client, make_user("mod", moderator=True))
    response = client.get(f"/moderation/reviews/{review.id}")
    assert title_of(response) == f"Moderate review #{review.id}: Cracked <glaze> bowl · craftreview"
    assert "<title>" + f"Moderate review #{review.id}: Cracked &lt;glaze&gt; bowl" in response.get_data(as_text=True)


def test_the_reply_form_says_edit_and_save_once_a_reply_exists(client, make_user, make_maker, make_review):
    """Editing a reply, the page was titled "Reply to a review" and its button read "Publish reply"."""
    owner = make_user("owner")
    review = make_review(make_user("buyer"), make_maker(owner))
    login(client, owner)
    first = client.get(f"/reviews/{review.id}/reply")
    assert title_of(first) == "Reply to a review · craftreview"
    assert 'value="Publish reply"' in first.get_data(as_text=True)
    client.post(f"/reviews/{review.id}/reply", data={"body": "Thank you for the kind words."})
    editing = client.get(f"/reviews/{review.id}/reply")
    page = editing.get_data(as_text=True)
    assert title_of(editing) == "Edit your reply · craftreview" and "<h1>Edit your reply</h1>" in page
    assert 'value="Save reply"' in page and "Publish reply" not in page
    refused = client.post(f"/reviews/{review.id}/reply", data={"body": "x"})  # too short: the edit form again
    assert refused.status_code == 400 and title_of(refused) == "Edit your reply · craftreview"
    assert 'value="Save reply"' in refused.get_data(as_text=True)


def heading_of(response) -> str:
    return html.unescape(re.search(r"<h1>(.*?)</h1>", response.get_data(as_text=True), re.S).group(1))


def test_a_mailed_link_that_no_longer_works_is_not_called_a_page_not_found(client, make_user):
    """A reader who opened the link in their mail read "Page not found" over "This link has already been used": the
    page was found; the link is what no longer works."""
    for path in ("/reset-password/spent-token", "/confirm-email/spent-token", "/confirm-email-change/spent-token",
                 "/invite/spent-token"):
        response = client.get(path)
        assert response.status_code == 404
        assert title_of(response) == "This link does not work · craftreview", path
        assert heading_of(response) == "This link does not work", path
    login(client, make_user("buyer"))
    assert heading_of(client.get("/invite/spent-token")) == "This link does not work"
    assert heading_of(client.get("/makers/no-such-maker")) == "Page not found"
