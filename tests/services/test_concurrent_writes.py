"""Writes sent at the same moment (a double click, several tabs, a script) that check a rule before they write.

An audit on PostgreSQL sent them in parallel: an account deleted four times over (two "keep my reviews" answered
"kept" while the reviews were gone), one order recorded four times and reviewed three times as verified, and two
makers named alike. SQLite runs one write transaction at a time (BEGIN IMMEDIATE); PostgreSQL's READ COMMITTED let
every request check before any had written. Here the first request is held inside its write, past the point where
it takes its lock, while the second starts: the second must wait and then read what the first wrote."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from craftreview.errors import Conflict, InvalidInput, NotFound
from craftreview.models import AuditEntry, Maker, Order, OutgoingMail, Review, User, utcnow
from craftreview.services import account_data, email_change, orders, password_reset
from craftreview.services import makers as maker_service
from craftreview.services.mail import OutboxMailBackend
from craftreview.services.passwords import verify_password
from craftreview.services.tokens import issue_token
from tests.concurrency import race
from tests.conftest import PASSWORD, fresh


def test_an_account_deleted_twice_at_once_is_deleted_once_with_the_first_choice(app, db, make_user, make_maker,
                                                                                 make_review, monkeypatch):
    author = make_user("author")
    for n in range(3):
        make_review(author, make_maker(name=f"Studio {n}"))
    uid = author.id

    def delete(choice):
        return lambda s: account_data.delete_account(s, s.get(User, uid), password=PASSWORD, reviews=choice)
    first, second = race(app, monkeypatch, account_data, "_drop_votes", delete("keep"), delete("remove"))
    assert isinstance(first, account_data.Deletion) and first.choice == "keep"
    assert isinstance(second, Conflict) and "already deleted" in second.message
    fresh(db)
    assert db.scalar(select(func.count(Review.id)).where(Review.author_id == uid)) == 3  # kept, as answered
    assert db.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "delete_account")) == 1


def test_one_order_recorded_twice_at_once_is_one_order(app, db, make_user, make_maker, monkeypatch):
    owner = make_user("owner")
    maker_id, owner_id = make_maker(owner).id, owner.id
    data = orders.OrderInput(buyer_email="racer@example.com", item="Race bowl", order_type="stock",
                             price_band="25-100", ordered_on=utcnow().date() - timedelta(days=3))

    def record(s):
        return orders.record_order(s, s.get(User, owner_id), s.get(Maker, maker_id), data, OutboxMailBackend(),
                                   invite_url=lambda t: f"http://localhost/invite/{t}")
    first, second = race(app, monkeypatch, orders, "_reusable_order", record, record)
    assert isinstance(first, tuple) and isinstance(second, tuple), (first, second)
    fresh(db)
    assert db.scalar(select(func.count(Order.id))) == 1  # the second is the same order, given a fresh link
    assert db.scalar(select(Order.token_hash)) == orders.hash_token(second[1])


@pytest.mark.parametrize("second_name", ["twin name studio", "TWIN  NAME STUDIO"])
def test_two_profiles_named_alike_at_once_are_not_both_made(app, db, make_user, monkeypatch, second_name):
    one, two = make_user("one").id, make_user("two").id

    def create(uid, name, slug):
        return lambda s: maker_service.create_maker(s, s.get(User, uid), maker_service.MakerInput(
            name=name, slug=slug, craft="ceramics"))
    first, second = race(app, monkeypatch, maker_service, "maker_owned_by", create(one, "Twin Name Studio", "twin-a"),
                         create(two, second_name, "twin-b"))
    assert isinstance(first, Maker)
    assert isinstance(second, InvalidInput) and "already on craftreview" in second.message
    fresh(db)
    assert db.scalars(select(Maker.name)).all() == ["Twin Name Studio"]


def test_a_second_tab_s_profile_made_meanwhile_is_named_as_such(app, db, make_user, monkeypatch):
    uid = make_user("owner").id

    def create(slug):
        return lambda s: maker_service.create_maker(s, s.get(User, uid), maker_service.MakerInput(
            name=f"Studio {slug}", slug=slug, craft="wood"))
    first, second = race(app, monkeypatch, maker_service, "maker_owned_by", create("first-tab"), create("second-tab"))
    assert isinstance(first, Maker)
    assert isinstance(second, Conflict) and second.message == "You already have a maker profile."


def test_one_email_change_link_sent_twice_at_once_changes_the_address_once(app, db, make_user, monkeypatch):
    """An audit sent one link from eight tabs: three changed the address, and two mailed the new address that it had
    been changed from itself."""
    user = make_user("mover")
    user.email_confirmed_at = utcnow()
    token = issue_token(db, user, email_change.PURPOSE, utcnow(), email="moved@example.com")
    db.commit()
    old, uid = user.email, user.id

    def confirm(s):
        return email_change.confirm_email_change(s, token)
    first, second = race(app, monkeypatch, email_change, "drop_unsent_link_mail", confirm, confirm)
    assert isinstance(first, User) and isinstance(second, NotFound), (first, second)
    fresh(db)
    assert db.get(User, uid).email == "moved@example.com"
    assert list(db.scalars(select(OutgoingMail.to_email))) == [old]  # one notice, to the address it left


def test_one_reset_link_sent_twice_at_once_sets_one_password(app, db, make_user, monkeypatch):
    """Several tabs sending one reset link with different passwords were each told their password was set; only
    the last written worked."""
    user = make_user("forgetful")
    token = issue_token(db, user, password_reset.PURPOSE, utcnow())
    db.commit()
    uid = user.id

    def reset(password):
        return lambda s: password_reset.reset_password(s, token, password)
    first, second = race(app, monkeypatch, password_reset, "send_password_notice", reset("first-pass-phrase-2026"),
                         reset("second-pass-phrase-2026"))
    assert isinstance(first, User) and isinstance(second, NotFound), (first, second)
    fresh(db)
    assert verify_password(db.get(User, uid).password_hash, "first-pass-phrase-2026")
    assert db.scalar(select(func.count(OutgoingMail.id))) == 1  # one "your password was changed"
