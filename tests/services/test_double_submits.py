"""A write sent twice at once (a double click, two tabs, two moderators): the later one sees what the first stored.

Each test plays the race without threads. The request under test loaded its objects (`db`) before another
request, in its own session, committed the same action; only then does the first one take the write lock.
Sessions keep loaded objects across commits (expire_on_commit=False), so a service that decides from an object
loaded before the lock decides from stale data.
"""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from craftreview.errors import Conflict, InvalidInput
from craftreview.models import AuditEntry, Notification, Reply, ReplyRevision, Review, ReviewRevision, User, as_utc
from craftreview.services import notifications
from craftreview.services.accounts import set_suspended
from craftreview.services.moderation import hide_review, restore_review
from craftreview.services.replies import save_reply
from craftreview.services.reviews import edit_review, set_withdrawn
from tests.conftest import fresh, review_input


@pytest.fixture
def other(app):
    """The other request's session."""
    session = app.extensions["craftreview.sessions"]()
    yield session
    session.close()


def _count(db, model, *where) -> int:
    fresh(db)
    return db.scalar(select(func.count()).select_from(model).where(*where))


def _notices(db, user: User, kind: str) -> int:
    return _count(db, Notification, Notification.user_id == user.id, Notification.kind == kind)


@pytest.fixture
def reviewed(db, make_user, make_maker, make_review):
    """(author, maker owner, review), all loaded in `db` as the request under test loaded them."""
    author, owner = make_user("author"), make_user("owner")
    review = make_review(author, make_maker(owner))
    return author, owner, review


def test_the_same_edit_sent_twice_at_once_is_saved_once(db, other, reviewed):
    author, owner, review = reviewed
    data = review_input(title="Even glaze after all", craftsmanship=5)
    edit_review(other, other.get(User, author.id), other.get(Review, review.id), data)
    edit_review(db, author, review, data)  # was: IntegrityError on the revision number (a 500)
    assert _count(db, ReviewRevision, ReviewRevision.review_id == review.id) == 1
    assert db.get(Review, review.id).revision_count == 1
    assert _notices(db, owner, "review_edited") == 1


def test_two_different_edits_sent_at_once_both_stay_in_the_history(db, other, reviewed):
    author, _owner, review = reviewed
    edit_review(other, other.get(User, author.id), other.get(Review, review.id), review_input(title="First change"))
    edit_review(db, author, review, review_input(title="Second change"))  # was: IntegrityError (a 500)
    fresh(db)
    stored = db.get(Review, review.id)
    assert (stored.title, stored.revision_count) == ("Second change", 2)
    kept = db.scalars(select(ReviewRevision.title).where(ReviewRevision.review_id == review.id)
                      .order_by(ReviewRevision.number)).all()
    assert kept == ["Lovely bowl, slightly late", "First change"]


def test_the_same_reply_sent_twice_at_once_is_stored_once_with_one_notice(db, other, reviewed, monkeypatch):
    author, owner, review = reviewed
    text = "Thank you, the kiln was late."
    reply_notice = notifications.reply_notice

    def first_request_commits_meanwhile(*args):  # after this request found no reply, before its write lock
        monkeypatch.setattr(notifications, "reply_notice", reply_notice)
        save_reply(other, other.get(User, owner.id), other.get(Review, review.id), text)
        return reply_notice(*args)
    monkeypatch.setattr(notifications, "reply_notice", first_request_commits_meanwhile)
    saved = save_reply(db, owner, review, text)  # was: stored again as an edit (a revision of the same text), a 2nd notice
    assert saved.outcome == "unchanged"  # decided under the lock: this request did not publish it
    assert _count(db, ReplyRevision) == 0
    assert _notices(db, author, "reply") == 1


def test_two_reply_edits_sent_at_once_both_stay_in_the_history(db, other, reviewed):
    _author, owner, review = reviewed
    first = save_reply(db, owner, review, "Thank you.").reply
    assert db.get(Reply, first.id) is first  # the request under test loaded the reply before the other edit
    save_reply(other, other.get(User, owner.id), other.get(Review, review.id), "Thank you, the kiln was late.")
    # was: Conflict "This review already has a reply; edit it instead." (the revision number was taken)
    save_reply(db, owner, review, "Thank you, the kiln was a week late.")
    fresh(db)
    assert db.get(Reply, first.id).body == "Thank you, the kiln was a week late."
    assert db.scalars(select(ReplyRevision.body).order_by(ReplyRevision.number)).all() == [
        "Thank you.", "Thank you, the kiln was late."]


def test_a_review_hidden_by_two_moderators_at_once_is_hidden_once_for_the_first_reason(
        db, other, reviewed, make_user):
    author, _owner, review = reviewed
    first, second = make_user("mod1", moderator=True), make_user("mod2", moderator=True)
    hide_review(other, other.get(User, first.id), other.get(Review, review.id), "spam")
    with pytest.raises(Conflict):  # was: hidden again, for the second reason, with a second audit entry and notice
        hide_review(db, second, review, "off_topic")
    assert db.get(Review, review.id).hidden_reason == "spam"
    assert _count(db, AuditEntry, AuditEntry.action == "hide") == 1
    assert _notices(db, author, "review_hidden") == 1


def test_a_review_restored_by_two_moderators_at_once_is_restored_once(db, other, reviewed, make_user):
    author, _owner, review = reviewed
    first, second = make_user("mod1", moderator=True), make_user("mod2", moderator=True)
    hide_review(db, first, review, "spam")
    restore_review(other, other.get(User, first.id), other.get(Review, review.id), "Hidden by mistake.")
    with pytest.raises(InvalidInput):  # was: a second restore entry in the audit log and a second notice
        restore_review(db, second, review, "Hidden by mistake.")
    assert _count(db, AuditEntry, AuditEntry.action == "restore") == 1
    assert _notices(db, author, "review_restored") == 1


def test_a_withdrawal_sent_twice_at_once_keeps_the_first_date(db, other, reviewed):
    author, _owner, review = reviewed
    withdrawn = set_withdrawn(other, other.get(User, author.id), other.get(Review, review.id), True).withdrawn_at
    set_withdrawn(db, author, review, True)  # was: withdrawn again, under a later date
    fresh(db)
    assert as_utc(db.get(Review, review.id).withdrawn_at) == as_utc(withdrawn)


def test_an_account_suspended_by_two_moderators_at_once_is_suspended_once(db, other, make_user):
    first, second = make_user("mod1", moderator=True), make_user("mod2", moderator=True)
    target = make_user("target")
    assert db.get(User, target.id) is target  # the suspend view loads the account before the service runs
    set_suspended(other, other.get(User, first.id), target.id, True, "first")
    with pytest.raises(Conflict):  # was: suspended again, with a second audit entry
        set_suspended(db, second, target.id, True, "second")
    assert _count(db, AuditEntry, AuditEntry.action == "suspend") == 1


@pytest.fixture
def moderator(db, make_user):
    return make_user("mod", moderator=True)


@pytest.mark.parametrize("change", ["hidden", "withdrawn"])
def test_a_vote_on_a_review_hidden_or_withdrawn_a_moment_before_is_refused(db, other, reviewed, make_user, moderator,
                                                                          change):
    """The voter's page (and the request) loaded the review while it was public; it is gone before the lock is taken."""
    from craftreview.errors import PermissionDenied
    from craftreview.models import HelpfulVote
    from craftreview.services.engagement import toggle_helpful
    author, _owner, review = reviewed
    voter = make_user("voter")
    if change == "hidden":
        hide_review(other, other.get(User, moderator.id), other.get(Review, review.id), "spam")
    else:
        set_withdrawn(other, other.get(User, author.id), other.get(Review, review.id), True)
    with pytest.raises(PermissionDenied):
        toggle_helpful(db, voter, review, True)
    assert _count(db, HelpfulVote, HelpfulVote.review_id == review.id) == 0
    assert db.get(Review, review.id).helpful_count == 0


def test_a_flag_on_a_review_withdrawn_a_moment_before_is_refused(db, other, reviewed, make_user):
    from craftreview.errors import PermissionDenied
    from craftreview.models import Flag
    from craftreview.services.engagement import flag_review
    author, _owner, review = reviewed
    set_withdrawn(other, other.get(User, author.id), other.get(Review, review.id), True)
    with pytest.raises(PermissionDenied):
        flag_review(db, make_user("reporter"), review, "spam")
    assert _count(db, Flag, Flag.review_id == review.id) == 0
