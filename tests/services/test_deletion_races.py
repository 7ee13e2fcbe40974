"""Writes that meet an account deletion: a maker recording an order while its account is deleted in another tab, a
reply to a review its author's deletion removes, a vote by an account being deleted, a verified review of a maker who
leaves meanwhile.

Each request read what it acts on before the deletion committed. Under its write lock it must see what the deletion
did and refuse with the reason (errors.Gone, an error page), writing nothing: not crash on a foreign key (500), not
answer a misleading "already reviewed" (409), and not store a row for an account or profile that is gone. The first
tests run the write after the deletion committed (SQLite runs one write transaction at a time, so that is all it can
see); the races at the end hold one request inside its write while the other starts (PostgreSQL)."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from craftreview.errors import Gone, NotFound, PermissionDenied
from craftreview.models import (
    AccountToken,
    AuditEntry,
    Flag,
    HelpfulVote,
    MailOptOut,
    Maker,
    Order,
    OutgoingMail,
    Reply,
    Review,
    User,
    utcnow,
)
from craftreview.permissions import MAKER_LEFT
from craftreview.services import (
    account_data,
    accounts,
    email_change,
    engagement,
    moderation,
    notifications,
    orders,
    replies,
)
from craftreview.services import makers as maker_service
from craftreview.services.mail import OutboxMailBackend
from craftreview.services.reviews import edit_review, set_withdrawn, submit_review
from craftreview.services.still_there import ACCOUNT_GONE, ACCOUNT_SUSPENDED, MAKER_GONE, REVIEW_GONE
from craftreview.services.tokens import CONFIRM_EMAIL
from tests.concurrency import race
from tests.conftest import PASSWORD, fresh, review_input

BUYER = "racer@example.com"


def delete_elsewhere(app, user_id: int, reviews: str = "keep") -> None:
    """The account deleted by another request (another tab), committed before the write under test takes its lock."""
    session = app.extensions["craftreview.sessions"]()
    try:
        account_data.delete_account(session, session.get(User, user_id), password=PASSWORD, reviews=reviews)
    finally:
        session.close()


def deleting(user_id: int, reviews: str = "keep"):
    return lambda s: account_data.delete_account(s, s.get(User, user_id), password=PASSWORD, reviews=reviews)


def order_input(item: str = "Race bowl") -> orders.OrderInput:
    return orders.OrderInput(buyer_email=BUYER, item=item, order_type="stock", price_band="25-100",
                             ordered_on=utcnow().date() - timedelta(days=3))


def record(session, owner: User, maker: Maker, item: str = "Race bowl"):
    return orders.record_order(session, owner, maker, order_input(item), OutboxMailBackend(),
                               invite_url=lambda t: f"http://localhost/invite/{t}")


def verified_input():
    """A review of the order recorded three days ago, delivered today."""
    return review_input(promised_by=None, delivered_on=date.today())


def count(db, model, *where) -> int:
    return db.scalar(select(func.count()).select_from(model).where(*where))


def mail_to_buyer(db) -> int:
    return count(db, OutgoingMail, OutgoingMail.to_email == BUYER)


# -- the write comes after the deletion committed ------------------------------------------------------------------


@pytest.mark.parametrize("reviewed", [False, True], ids=["profile-deleted", "profile-anonymised"])
def test_an_order_recorded_after_the_makers_account_went_is_refused_and_writes_nothing(
        app, db, make_user, make_maker, make_review, reviewed):
    """Lead 1: the dashboard read before the account was deleted in another tab. Without reviews the profile went
    with it (the order's foreign key failed: a 500); with reviews it stayed as "Former maker" (the order was stored and
    its invitation mailed in a deleted account's name)."""
    owner = make_user("owner")
    maker = make_maker(owner)
    if reviewed:
        make_review(make_user("buyer"), maker)
    delete_elsewhere(app, owner.id)
    with pytest.raises(Gone, match=re.escape(ACCOUNT_GONE)):
        record(db, owner, maker)
    fresh(db)
    assert count(db, Order) == 0 and mail_to_buyer(db) == 0


@pytest.mark.parametrize("reviewed", [False, True], ids=["profile-deleted", "profile-anonymised"])
def test_a_new_invitation_link_after_the_makers_account_went_is_refused(app, db, make_user, make_maker, make_review,
                                                                        reviewed):
    owner = make_user("owner")
    maker = make_maker(owner)
    if reviewed:
        make_review(make_user("buyer"), maker)
    order, _token = record(db, owner, maker)
    delete_elsewhere(app, owner.id)
    # a profile deleted took its orders: the order is not found before the lock; an anonymised one's is, and is refused
    with pytest.raises(NotFound, match=re.escape(ACCOUNT_GONE if reviewed else orders.NOT_THE_MAKERS_ORDER)):
        orders.renew_invitation(db, owner, maker, order.id, OutboxMailBackend(), lambda t: f"http://localhost/i/{t}")
    fresh(db)
    assert mail_to_buyer(db) == 0  # the deletion withdrew the first invitation; nothing was queued after it


def test_a_review_of_a_maker_whose_account_went_meanwhile_is_refused_as_left(app, db, make_user, make_maker,
                                                                             make_review):
    """The profile stayed for its reviews ("Former maker"), which takes no new ones; the form was read before."""
    owner = make_user("owner")
    maker = make_maker(owner)
    make_review(make_user("first"), maker)
    late = make_user("late")
    delete_elsewhere(app, owner.id)
    with pytest.raises(Gone, match=re.escape(MAKER_LEFT)):
        submit_review(db, late, maker, review_input())
    fresh(db)
    assert count(db, Review, Review.author_id == late.id) == 0


@pytest.mark.parametrize("action", ["vote", "flag", "reply", "hide", "dismiss", "edit", "withdraw"])
def test_a_write_on_a_review_removed_with_its_author_s_account_is_refused(app, db, make_user, make_maker, make_review,
                                                                          action):
    """Removed with "remove my reviews": reviewed state was re-read under the lock from a row no longer there (a 500),
    a reply's insert failed on its foreign key and was told "This review already has a reply" (a 409), and a
    dismissal counted the flags (gone with the review) and said "There are no open flags on this review." (a 400)."""
    owner, author = make_user("owner"), make_user("author")
    maker = make_maker(owner)
    review = make_review(author, maker)
    reader, moderator = make_user("reader"), make_user("mod", moderator=True)
    engagement.flag_review(db, make_user("flagger"), review, "spam")
    write = {"vote": lambda: engagement.toggle_helpful(db, reader, review),
             "flag": lambda: engagement.flag_review(db, reader, review, "spam"),
             "reply": lambda: replies.save_reply(db, owner, review, "Thank you for the kind words."),
             "hide": lambda: moderation.hide_review(db, moderator, review, "spam"),
             "dismiss": lambda: moderation.dismiss_flags(db, moderator, review, "Not spam: a real order."),
             "edit": lambda: edit_review(db, author, review, review_input(title="A changed title")),
             "withdraw": lambda: set_withdrawn(db, author, review, True)}[action]
    delete_elsewhere(app, author.id, "remove")
    audit_before = count(db, AuditEntry)
    # the reader's and moderator's: "removed"; the author's own (edit, withdraw) may say either
    with pytest.raises(Gone, match=None if action in ("edit", "withdraw") else re.escape(REVIEW_GONE)):
        write()
    fresh(db)
    assert count(db, Review) == count(db, HelpfulVote) == count(db, Flag) == count(db, Reply) == 0
    assert count(db, AuditEntry) == audit_before


def _reply(db, owner, review):
    return replies.save_reply(db, owner, review, "Thank you for the kind words.")


WRITES = ["vote", "flag", "review", "reply", "mail preferences", "email change", "maker profile", "hide"]


def _cast_and_write(db, make_user, make_maker, make_review, action):
    """(the acting account, the review written about, the write) for one of WRITES."""
    owner = make_user("owner")
    maker = make_maker(owner)
    review = make_review(make_user("author"), maker)
    actor = owner if action == "reply" else make_user("actor", moderator=action == "hide")
    write = {"vote": lambda: engagement.toggle_helpful(db, actor, review),
             "flag": lambda: engagement.flag_review(db, actor, review, "spam"),
             "review": lambda: submit_review(db, actor, maker, review_input()),
             "reply": lambda: _reply(db, actor, review),
             "mail preferences": lambda: notifications.set_mail_kinds(db, actor, set()),
             "email change": lambda: email_change.request_email_change(db, actor, new_email="moved@example.com",
                                                                       password=PASSWORD),
             "maker profile": lambda: maker_service.create_maker(db, actor, maker_service.MakerInput(
                 name="Late Studio", slug="late-studio", craft="wood")),
             "hide": lambda: moderation.hide_review(db, actor, review, "spam")}[action]
    return actor, review, write


def _nothing_stored_for(db, actor, review, owns_maker: bool) -> None:
    fresh(db)
    assert count(db, HelpfulVote) == count(db, Flag) == count(db, Reply) == 0
    assert count(db, Review, Review.author_id == actor.id) == 0
    assert count(db, MailOptOut, MailOptOut.user_id == actor.id) == 0
    assert count(db, AccountToken, AccountToken.user_id == actor.id, AccountToken.purpose != CONFIRM_EMAIL) == 0
    assert count(db, Maker, Maker.owner_id == actor.id) == (1 if owns_maker else 0)
    assert db.get(Review, review.id).hidden_at is None


@pytest.mark.parametrize("action", WRITES)
def test_a_write_by_an_account_deleted_meanwhile_is_refused_and_stores_nothing_for_it(
        app, db, make_user, make_maker, make_review, action):
    """The account was deleted in another tab after this page was read: the vote, report, review or reply was stored
    under "Former member" after the deletion had answered that it removed everything the account wrote; the mail
    preferences and the pending address change (a link mailed in its name) stayed as rows of a deleted account."""
    actor, review, write = _cast_and_write(db, make_user, make_maker, make_review, action)
    delete_elsewhere(app, actor.id, "remove")
    mail_before = count(db, OutgoingMail)
    with pytest.raises(Gone, match=re.escape(ACCOUNT_GONE)):
        write()
    _nothing_stored_for(db, actor, review, owns_maker=action == "reply")
    assert count(db, AccountToken, AccountToken.user_id == actor.id) == 0
    assert count(db, OutgoingMail) == mail_before


@pytest.mark.parametrize("action", WRITES)
def test_a_write_by_an_account_suspended_meanwhile_is_refused_and_stores_nothing(
        app, db, make_user, make_maker, make_review, action):
    """A moderator suspended the account after its page passed the permission check (the request read the account
    as it was): the write went through for an account that can no longer log in."""
    actor, review, write = _cast_and_write(db, make_user, make_maker, make_review, action)
    moderator_id = make_user("suspender", moderator=True).id
    session = app.extensions["craftreview.sessions"]()
    try:
        accounts.set_suspended(session, session.get(User, moderator_id), actor.id, True, "Ring member.")
    finally:
        session.close()
    mail_before = count(db, OutgoingMail)
    with pytest.raises(PermissionDenied, match=re.escape(ACCOUNT_SUSPENDED)):
        write()
    _nothing_stored_for(db, actor, review, owns_maker=action == "reply")
    assert count(db, OutgoingMail) == mail_before


# -- one request held inside its write while the other starts ------------------------------------------------------


def test_a_verified_review_racing_the_makers_deletion_is_told_the_maker_left(app, db, make_user, make_maker,
                                                                             monkeypatch):
    """Lead 2: on PostgreSQL the review's foreign key waited for the deletion, then failed, and the buyer was told
    "This order has already been reviewed." (409)."""
    owner, buyer = make_user("owner"), make_user("buyer")
    buyer.email, buyer.email_confirmed_at = BUYER, utcnow()
    db.commit()
    maker = make_maker(owner)
    _order, token = record(db, owner, maker)
    buyer_id = buyer.id

    def review(s):
        return orders.submit_verified_review(s, s.get(User, buyer_id), token, verified_input())
    first, second = race(app, monkeypatch, account_data, "_erase_personal_rows", deleting(owner.id), review)
    assert isinstance(first, account_data.Deletion), first
    assert isinstance(second, Gone) and second.message == MAKER_GONE, second
    fresh(db)
    assert count(db, Review) == 0 and count(db, Maker) == 0
    with pytest.raises(NotFound):  # sent again: its order went with the profile, as any unknown link
        orders.submit_verified_review(db, db.get(User, buyer_id), token, verified_input())


def test_an_order_racing_its_makers_deletion_is_refused(app, db, make_user, make_maker, monkeypatch):
    owner = make_user("owner")
    maker_id, owner_id = make_maker(owner).id, owner.id

    def order(s):
        return record(s, s.get(User, owner_id), s.get(Maker, maker_id))
    first, second = race(app, monkeypatch, account_data, "_erase_personal_rows", deleting(owner_id), order)
    assert isinstance(first, account_data.Deletion), first
    assert isinstance(second, Gone) and second.message == ACCOUNT_GONE, second
    fresh(db)
    assert count(db, Order) == 0 and mail_to_buyer(db) == 0


def test_a_deletion_racing_an_order_being_recorded_takes_the_order_with_the_profile(app, db, make_user, make_maker,
                                                                                    monkeypatch):
    """The other way round: the order is recorded first; the deletion waits for it, then removes it with the profile
    and withdraws its invitation (nothing left behind, no foreign-key failure)."""
    owner = make_user("owner")
    maker_id, owner_id = make_maker(owner).id, owner.id

    def order(s):
        return record(s, s.get(User, owner_id), s.get(Maker, maker_id))
    first, second = race(app, monkeypatch, orders, "_reusable_order", order, deleting(owner_id))
    assert isinstance(first, tuple), first
    assert isinstance(second, account_data.Deletion), second
    fresh(db)
    assert count(db, Maker) == count(db, Order) == mail_to_buyer(db) == 0


@pytest.mark.parametrize("action", ["vote", "reply edit", "dismiss flags"])
def test_a_write_racing_the_removal_of_its_review_is_refused(app, db, make_user, make_maker, make_review, monkeypatch,
                                                            action):
    """The author deletes their account with their reviews while a reader votes, the maker edits its reply or a
    moderator dismisses the review's flags ("There are no open flags on this review." before: they went with it)."""
    owner, author, reader = make_user("owner"), make_user("author"), make_user("reader", moderator=True)
    review = make_review(author, make_maker(owner))
    _reply(db, owner, review)
    engagement.flag_review(db, make_user("flagger"), review, "spam")
    review_id, owner_id, reader_id = review.id, owner.id, reader.id

    def write(s):
        review, reader = s.get(Review, review_id), s.get(User, reader_id)
        if action == "vote":
            return engagement.toggle_helpful(s, reader, review)
        if action == "dismiss flags":
            return moderation.dismiss_flags(s, reader, review, "Not spam: a real order.")
        return replies.save_reply(s, s.get(User, owner_id), review, "An edited answer to the review.")
    first, second = race(app, monkeypatch, account_data, "_erase_personal_rows", deleting(author.id, "remove"), write)
    assert isinstance(first, account_data.Deletion), first
    assert isinstance(second, Gone) and second.message == REVIEW_GONE, second
    fresh(db)
    assert count(db, Review) == count(db, Reply) == count(db, HelpfulVote) == count(db, Flag) == 0
    assert count(db, AuditEntry, AuditEntry.action == "dismiss_flags") == 0


def test_a_vote_by_an_account_being_deleted_is_refused(app, db, make_user, make_maker, make_review, monkeypatch):
    """The deletion dropped the account's votes before this one was stored: it would have outlived the account."""
    voter = make_user("voter")
    review = make_review(make_user("author"), make_maker())
    review_id, voter_id = review.id, voter.id

    def vote(s):
        return engagement.toggle_helpful(s, s.get(User, voter_id), s.get(Review, review_id))
    first, second = race(app, monkeypatch, account_data, "_erase_personal_rows", deleting(voter_id), vote)
    assert isinstance(first, account_data.Deletion), first
    assert isinstance(second, Gone) and second.message == ACCOUNT_GONE, second
    fresh(db)
    assert count(db, HelpfulVote) == 0 and db.get(Review, review_id).helpful_count == 0
