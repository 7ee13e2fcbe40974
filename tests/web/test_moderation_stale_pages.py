"""Moderators acting from a page another moderator has overtaken: refused with the reason, nothing changes."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from craftreview.models import AuditEntry, Notification, Review, User
from craftreview.services.accounts import set_suspended
from craftreview.services.engagement import flag_review
from craftreview.services.moderation import dismiss_flags, hide_review
from tests.conftest import fresh, login


def _counts(db) -> tuple[int, int]:
    fresh(db)
    return (db.scalar(select(func.count(AuditEntry.id))) or 0, db.scalar(select(func.count(Notification.id))) or 0)


def test_hiding_an_already_hidden_review_is_refused_and_keeps_the_first_reason(client, db, make_user, make_maker,
                                                                                make_review):
    first, second = make_user("mod1", moderator=True), make_user("mod2", moderator=True)
    review = make_review(make_user("author"), make_maker(), title="Buy my course at example.com")
    hide_review(db, first, review, "spam", "An advert.")
    before = _counts(db)
    hidden_at = db.get(Review, review.id).hidden_at
    login(client, second)
    response = client.post(f"/moderation/reviews/{review.id}/hide", data={"hide-reason": "abusive"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "This review is already hidden" in page
    assert _counts(db) == before  # no second audit entry, no second "your review was hidden" notice
    stored = db.get(Review, review.id)
    assert (stored.hidden_reason, stored.hidden_at) == ("spam", hidden_at)


def test_refused_restore_and_dismiss_say_why_on_the_page(client, db, make_user, make_maker, make_review):
    moderator = make_user("mod", moderator=True)
    review = make_review(make_user("author"), make_maker())
    flag_review(db, make_user("reader"), review, "spam", "An advert?")
    dismiss_flags(db, make_user("other mod", moderator=True), review, "Not an advert.")
    before = _counts(db)
    login(client, moderator)
    restore = client.post(f"/moderation/reviews/{review.id}/restore", data={"restore-note": "fine", "restore-confirm": "y"})
    assert restore.status_code == 400 and "This review is not hidden." in restore.get_data(as_text=True)
    dismiss = client.post(f"/moderation/reviews/{review.id}/dismiss", data={"dismiss-note": "fine"})
    assert dismiss.status_code == 400 and "There are no open flags on this review." in dismiss.get_data(as_text=True)
    assert _counts(db) == before


@pytest.mark.parametrize("action", ["suspend", "reinstate"])
def test_suspending_or_reinstating_again_from_an_older_page_is_refused_with_the_reason(client, db, make_user,
                                                                                      make_maker, make_review, action):
    first, second = make_user("mod1", moderator=True), make_user("mod2", moderator=True)
    author = make_user("author")
    review = make_review(author, make_maker())
    set_suspended(db, first, author.id, True, "Ring account.")
    if action == "reinstate":
        set_suspended(db, first, author.id, False, "Cleared.")  # the second moderator's page still says suspended
    before = _counts(db)
    login(client, second)
    response = client.post(f"/moderation/users/{author.id}/suspend", follow_redirects=True,
                           data={"action": action, "back": f"/moderation/reviews/{review.id}",
                                 "suspend-note": "Ring account.", "suspend-confirm": "y"})  # as the older page sends it
    page = response.get_data(as_text=True)
    assert "Nothing was changed" in page and f"author is {action}ed." not in page
    assert ("already suspended" if action == "suspend" else "not suspended") in page
    assert _counts(db) == before  # no second audit entry
    assert db.get(User, author.id).is_suspended is (action == "suspend")
