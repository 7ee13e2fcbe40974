"""A suspend (or reinstate) whose note is over the limit comes back as the page it was sent from, with the note as
typed and the limit said beside it; nothing changes. Refusals about the account itself stay a redirect with the reason
flashed (tests/web/test_moderation_stale_pages.py)."""
from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import func, select

from craftreview.models import AuditEntry, User
from craftreview.services.accounts import set_suspended
from tests.conftest import fresh, login

LIMIT = "The note can be at most 1,000 characters."
NOTE = "Ring account: the same five buyers reviewed each other's makers within the hour. " * 13  # 1,066 characters


def _suspend_form_fields(page: str) -> dict:
    """The hidden fields of the page's account form, as the browser sends them."""
    form = re.search(r'<form method="post" action="(/moderation/users/\d+/suspend)".*?</form>', page, re.S)
    assert form, "the page has no account form"
    hidden = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*type="hidden"[^>]*value="([^"]*)"', form.group(0)))
    hidden.update(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form.group(0)))
    return {"action_url": form.group(1), **hidden}


@pytest.fixture
def moderated(client, make_user, make_maker, make_review):
    author, moderator = make_user("author"), make_user("mod", moderator=True)
    review = make_review(author, make_maker())
    login(client, moderator)
    return author, moderator, review


def _audit_count(db) -> int:
    return db.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.target_type == "user"))


@pytest.mark.parametrize("action", ["suspend", "reinstate"])
def test_a_note_over_the_limit_comes_back_as_typed_with_the_limit_and_changes_nothing(client, db, moderated, action):
    author, moderator, review = moderated
    if action == "reinstate":
        set_suspended(db, moderator, author.id, True, "Ring account.")
    before = _audit_count(db)
    fields = _suspend_form_fields(client.get(f"/moderation/reviews/{review.id}").get_data(as_text=True))
    assert fields["action"] == action
    response = client.post(fields.pop("action_url"), data={**fields, "suspend-note": NOTE})
    assert response.status_code == 400  # was: an error page without the form or the note
    page = html.unescape(response.get_data(as_text=True))
    assert page.count(LIMIT) == 1
    assert f">\r\n{NOTE}</textarea>" in page or f">{NOTE}</textarea>" in page  # the note as typed, in its field
    assert ("Reinstate account" if action == "reinstate" else "Suspend account") in page
    assert f"Moderate review #{review.id}" in page
    fresh(db)
    assert db.get(User, author.id).is_suspended is (action == "reinstate")
    assert _audit_count(db) == before


def test_the_note_shortened_on_the_page_that_came_back_is_accepted_and_leads_back_to_the_review(client, db, moderated):
    author, _moderator, review = moderated
    fields = _suspend_form_fields(client.get(f"/moderation/reviews/{review.id}").get_data(as_text=True))
    refused = client.post(fields.pop("action_url"), data={**fields, "suspend-note": NOTE})
    fields = _suspend_form_fields(refused.get_data(as_text=True))  # the form as it came back
    done = client.post(fields.pop("action_url"), data={**fields, "suspend-note": NOTE[:1000], "suspend-confirm": "y"})
    assert done.status_code == 302 and done.headers["Location"] == f"/moderation/reviews/{review.id}"
    fresh(db)
    assert db.get(User, author.id).is_suspended


@pytest.mark.parametrize("review_field", [None, "", "abc", "99999999999999999999", "0"])
def test_a_long_note_sent_from_no_review_page_is_refused_with_the_limit_not_a_500(client, db, moderated, review_field):
    author, _moderator, _review = moderated
    data = {"action": "suspend", "suspend-note": NOTE}
    if review_field is not None:
        data["review"] = review_field
    response = client.post(f"/moderation/users/{author.id}/suspend", data=data)
    assert response.status_code == 400 and LIMIT in html.unescape(response.get_data(as_text=True))
    fresh(db)
    assert not db.get(User, author.id).is_suspended


def test_a_long_note_sent_with_a_review_of_another_author_does_not_show_that_review(client, db, moderated,
                                                                                    make_user, make_maker,
                                                                                    make_review):
    author, _moderator, _review = moderated
    other = make_review(make_user("other"), make_maker())
    response = client.post(f"/moderation/users/{author.id}/suspend",
                           data={"action": "suspend", "suspend-note": NOTE, "review": str(other.id)})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400 and LIMIT in page and f"Moderate review #{other.id}" not in page


def test_a_suspension_with_no_reason_comes_back_asking_for_one_and_changes_nothing(client, db, moderated):
    """The reason is the confirmation: a stray click on the red button used to log the author out everywhere."""
    author, _moderator, review = moderated
    before = _audit_count(db)
    page = client.get(f"/moderation/reviews/{review.id}").get_data(as_text=True)
    assert "Suspending needs a reason above." in page  # said before the button is pressed
    fields = _suspend_form_fields(page)
    response = client.post(fields.pop("action_url"), data={**fields, "suspend-note": "  "})
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert "Write why you are suspending this account" in page and f"Moderate review #{review.id}" in page
    fresh(db)
    assert not db.get(User, author.id).is_suspended and _audit_count(db) == before


def test_a_reinstatement_needs_a_reason_but_no_ticked_box(client, db, moderated):
    """Undoing a suspension is a decision the audit log explains, as undoing a hide is."""
    author, moderator, review = moderated
    set_suspended(db, moderator, author.id, True, "Ring account.")
    page = client.get(f"/moderation/reviews/{review.id}").get_data(as_text=True)
    assert "Reinstating needs a reason above." in page
    fields = _suspend_form_fields(page)
    before = _audit_count(db)
    response = client.post(fields["action_url"], data={**fields, "suspend-note": " \u2800 "})
    assert response.status_code == 400
    assert "Write why you are reinstating this account" in html.unescape(response.get_data(as_text=True))
    fresh(db)
    assert db.get(User, author.id).is_suspended and _audit_count(db) == before
    assert client.post(fields.pop("action_url"), data={**fields, "suspend-note": "Appeal upheld."}).status_code == 302
    fresh(db)
    assert not db.get(User, author.id).is_suspended


def _account_page(client, author) -> str:
    return client.get(f"/moderation/accounts/{author.id}").get_data(as_text=True)


def test_the_account_page_suspends_with_a_reason_and_a_ticked_confirmation(client, db, moderated):
    """The moderator's page of one account has the suspend form (it had none: suspending took a review of theirs)."""
    author, _moderator, _review = moderated
    page = _account_page(client, author)
    assert "Suspend account" in page and "Yes, suspend this account" in page
    fields = _suspend_form_fields(page)
    assert fields["back"] == f"/moderation/accounts/{author.id}" and "review" not in fields
    done = client.post(fields.pop("action_url"), data={**fields, "suspend-note": "Ring account.",
                                                       "suspend-confirm": "y"})
    assert done.status_code == 302 and done.headers["Location"] == f"/moderation/accounts/{author.id}"
    fresh(db)
    assert db.get(User, author.id).is_suspended
    assert "Reinstate account" in _account_page(client, author)


@pytest.mark.parametrize("note", ["", "Ring account."])
def test_an_unconfirmed_suspension_from_the_account_page_comes_back_there_and_changes_nothing(client, db, moderated,
                                                                                            note):
    """A stray click (box not ticked) logs nobody out: the account page again, the note as typed, what is missing
    said beside each field."""
    author, _moderator, _review = moderated
    before = _audit_count(db)
    fields = _suspend_form_fields(_account_page(client, author))
    response = client.post(fields.pop("action_url"), data={**fields, "suspend-note": note})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400 and f"Account: {author.display_name}" in page
    assert "Tick the box to confirm the suspension" in page
    assert ("Write why you are suspending this account" in page) == (not note)
    assert f">{note}</textarea>" in page or f">\r\n{note}</textarea>" in page
    fresh(db)
    assert not db.get(User, author.id).is_suspended and _audit_count(db) == before


def test_the_account_page_offers_no_suspend_form_for_ones_own_account(client, db, moderated):
    _author, moderator, _review = moderated
    assert "Suspend account" not in _account_page(client, moderator)


@pytest.mark.parametrize("action", [None, "", "bogus", "delete", "Suspend"])
def test_an_unknown_or_missing_action_is_refused_and_suspends_no_one(client, db, moderated, action):
    """The form always says suspend or reinstate; anything else used to be read as suspend."""
    author, _moderator, _review = moderated
    before = _audit_count(db)
    data = {"suspend-note": "ring account", "suspend-confirm": "y"}
    if action is not None:
        data["action"] = action
    response = client.post(f"/moderation/users/{author.id}/suspend", data=data)
    assert response.status_code == 400 and "action=suspend or action=reinstate" in response.get_data(as_text=True)
    fresh(db)
    assert not db.get(User, author.id).is_suspended and _audit_count(db) == before
