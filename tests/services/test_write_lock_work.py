"""Every write service works out the expensive part before it takes the write lock.

Scoring the maker (scores._compute), the ring detectors (rings.detect_for_maker) and rendering mails
(render_mail) must never run while a write transaction is open; what the write then stores must be exactly
what computing it from scratch under the lock would store, including when another write of the same maker
came in between.
"""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from craftreview.db import _WRITING, write_transaction
from craftreview.models import (
    AccountToken,
    MakerScoreRow,
    MakerTrendRow,
    Review,
    RingSignal,
    RingSignalReview,
    User,
    utcnow,
)
from craftreview.services import (
    account_data,
    accounts,
    address_change,
    confirmation,
    email_change,
    engagement,
    mail_render,
    moderation,
    notifications,
    orders,
    password_reset,
    replies,
    review_effects,
    reviews,
    scores,
    signals,
)
from craftreview.services.mail import OutboxMailBackend
from craftreview.services.scores import refresh_maker_score
from craftreview.services.signals import refresh_maker_signals
from craftreview.services.tokens import issue_token
from tests.conftest import PASSWORD, fresh, review_input
from tests.mail_helpers import mails_to

NOW = utcnow()


@pytest.fixture
def world(db, make_user, make_maker, make_review):
    """A maker with two public reviews (one of them flagged), a hidden and a withdrawn one, and its cast."""
    owner, buyer, other = make_user("owner"), make_user("buyer"), make_user("other")
    moderator, newcomer = make_user("mod", moderator=True), make_user("newcomer")
    maker = make_maker(owner)
    review = make_review(buyer, maker, title="Even glaze")
    make_review(other, maker, craftsmanship=2, title="Chipped rim")
    engagement.flag_review(db, other, review, "spam", "")
    hidden = make_review(make_user("hidden"), maker, title="Hidden words")
    moderation.hide_review(db, moderator, hidden, "spam")
    withdrawn = make_review(make_user("withdrawn"), maker, title="Taken back")
    reviews.set_withdrawn(db, withdrawn.author, withdrawn, True)
    return dict(owner=owner, buyer=buyer, moderator=moderator, newcomer=newcomer, maker=maker, review=review,
                hidden=hidden, withdrawn=withdrawn)


def _order(db, w, email: str):
    data = orders.OrderInput(buyer_email=email, item="Walnut desk", order_type="custom", price_band="300-1000",
                             ordered_on=date.today() - timedelta(days=40))
    return orders.record_order(db, w["owner"], w["maker"], data, OutboxMailBackend(),
                               invite_url=lambda t: f"http://localhost/invite/{t}", now=NOW)


def _verified(db, w):
    w["newcomer"].email_confirmed_at = utcnow()
    db.commit()
    _order_row, token = _order(db, w, w["newcomer"].email)
    return lambda: orders.submit_verified_review(db, w["newcomer"], token, review_input(), now=NOW)


def _lapsed_verified_author(db, w, purpose: str, email: str | None = None) -> str:
    """The newcomer's verified review is in, then their confirmation lapsed; a live `purpose` link for them (for
    `email`, if given)."""
    _verified(db, w)()
    with write_transaction(db):
        w["newcomer"].email_confirmed_at = None
        token = issue_token(db, w["newcomer"], purpose, NOW, email=email)
    with write_transaction(db):
        refresh_maker_score(db, w["maker"].id, now=NOW)
    return token


def _confirm_lapsed_authors_change(db, w):
    """An email change confirmed by its link confirms the new address: the lapsed author's review counts again."""
    token = _lapsed_verified_author(db, w, email_change.PURPOSE, email="moved@example.com")
    return lambda: email_change.confirm_email_change(db, token, now=NOW)


def _confirm_confirmed_authors_change(db, w):
    """A confirmed author's change: the old address is told; the verified marks stay."""
    _verified(db, w)()
    with write_transaction(db):
        token = issue_token(db, w["newcomer"], email_change.PURPOSE, NOW, email="moved@example.com")
    return lambda: email_change.confirm_email_change(db, token, now=NOW)


def _confirm_lapsed_author(db, w):
    token = _lapsed_verified_author(db, w, "confirm_email")
    return lambda: confirmation.confirm_email(db, token, now=NOW)


def _reset_confirms_lapsed_author(db, w):
    token = _lapsed_verified_author(db, w, "reset_password")
    return lambda: password_reset.reset_password(db, token, "another long passphrase", now=NOW)


# Each operation: (setup returning the call to time, whether it rescores the maker, whether it mails someone).
OPERATIONS = {
    "submit": (lambda db, w: lambda: reviews.submit_review(db, w["newcomer"], w["maker"], review_input(), now=NOW),
               True, True),
    "verified submit": (_verified, True, True),
    "edit": (lambda db, w: lambda: reviews.edit_review(
        db, w["buyer"], w["review"], review_input(craftsmanship=1, title="Changed my mind"), now=NOW), True, True),
    "withdraw": (lambda db, w: lambda: reviews.set_withdrawn(db, w["buyer"], w["review"], True, now=NOW), True, False),
    "republish": (lambda db, w: lambda: reviews.set_withdrawn(db, w["withdrawn"].author, w["withdrawn"], False,
                                                              now=NOW), True, False),
    "hide": (lambda db, w: lambda: moderation.hide_review(db, w["moderator"], w["review"], "spam", now=NOW),
             True, True),
    "restore": (lambda db, w: lambda: moderation.restore_review(db, w["moderator"], w["hidden"], "Hidden by mistake.", now=NOW), True, True),
    "dismiss flags": (lambda db, w: lambda: moderation.dismiss_flags(db, w["moderator"], w["review"], "Within the rules.", now=NOW),
                      False, True),
    "reply": (lambda db, w: lambda: replies.save_reply(db, w["owner"], w["review"], "Thank you kindly.", now=NOW),
              False, True),
    "record order": (lambda db, w: lambda: _order(db, w, w["newcomer"].email), False, True),
    "register": (lambda db, w: lambda: accounts.register_user(
        db, email="new.buyer@example.com", display_name="New buyer", password=PASSWORD), False, True),
    "resend confirmation": (lambda db, w: lambda: confirmation.resend_confirmation(db, w["newcomer"], now=NOW),
                            False, True),
    "change email": (lambda db, w: lambda: email_change.request_email_change(
        db, w["newcomer"], new_email="moved@example.com", password=PASSWORD), False, True),
    "change email to a taken address": (lambda db, w: lambda: email_change.request_email_change(
        db, w["newcomer"], new_email=w["buyer"].email, password=PASSWORD), False, True),
    "password reset": (lambda db, w: lambda: password_reset.request_password_reset(db, w["newcomer"].email, now=NOW),
                       False, True),
    "confirm email change, lapsed verified author": (_confirm_lapsed_authors_change, True, False),
    "confirm email change, verified author": (_confirm_confirmed_authors_change, False, True),
    "confirm email, verified author": (_confirm_lapsed_author, True, False),
    "reset confirms, verified author": (_reset_confirms_lapsed_author, True, True),  # mails the password notice
    "delete account, reviews removed": (lambda db, w: lambda: account_data.delete_account(
        db, w["buyer"], password=PASSWORD, reviews="remove", now=NOW), True, False),
    "delete account, reviews kept": (lambda db, w: lambda: account_data.delete_account(
        db, w["buyer"], password=PASSWORD, reviews="keep", now=NOW), True, False),
}


def _spy(monkeypatch, db, module, name: str) -> list:
    """Record, for each call of module.name, whether a write transaction was open."""
    calls, real = [], getattr(module, name)
    monkeypatch.setattr(module, name, lambda *a, **k: calls.append(bool(db.info.get(_WRITING))) or real(*a, **k))
    return calls


def _stored(db, maker_id: int) -> tuple:
    """The maker's stored score, trend and cheap ring signals."""
    fresh(db)
    row = db.get(MakerScoreRow, maker_id)
    trend = db.scalar(select(MakerTrendRow.trend_json).where(MakerTrendRow.maker_id == maker_id))
    found = sorted((s.kind, s.strength, s.summary, s.evidence_json, tuple(sorted(db.scalars(
        select(RingSignalReview.review_id).where(RingSignalReview.signal_id == s.id)))))
        for s in db.scalars(select(RingSignal).where(RingSignal.maker_id == maker_id)))
    return json.loads(row.detail_json), row.review_count, trend, found


def _recomputed(db, maker_id: int) -> tuple:
    """What refreshing the maker from scratch, under the lock, stores."""
    with write_transaction(db):
        refresh_maker_score(db, maker_id, now=NOW)
        refresh_maker_signals(db, maker_id, now=NOW)
    return _stored(db, maker_id)


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_scoring_detecting_and_mail_rendering_happen_outside_the_write_lock(db, world, monkeypatch, operation):
    setup, rescores, mails = OPERATIONS[operation]
    call = setup(db, world)
    scored = _spy(monkeypatch, db, scores, "_compute")
    detected = _spy(monkeypatch, db, signals, "detect_for_maker")
    rendered = [call for module in (notifications, orders, mail_render)
                for call in [_spy(monkeypatch, db, module, "render_mail")]]
    call()
    rendered = [flag for calls in rendered for flag in calls]
    assert True not in scored + detected + rendered
    assert bool(scored) == rescores and bool(rendered) == mails


@pytest.mark.parametrize("operation", [name for name, (_s, rescores, _m) in OPERATIONS.items() if rescores])
def test_what_the_write_stores_is_what_a_fresh_computation_stores(db, world, operation):
    OPERATIONS[operation][0](db, world)()
    maker_id = world["maker"].id
    assert _stored(db, maker_id) == _recomputed(db, maker_id)


@pytest.mark.parametrize("operation", ["submit", "edit", "withdraw", "hide", "restore",
                                       "delete account, reviews removed"])
def test_a_review_of_the_same_maker_written_meanwhile_is_counted(db, world, make_user, monkeypatch, operation):
    call = OPERATIONS[operation][0](db, world)
    maker_id, quicker = world["maker"].id, make_user("quicker")
    real_maker, real_score = review_effects.prepare_maker, account_data.prepare_maker_score

    def then_someone_else_writes(real, *args):
        prepared = real(*args)
        monkeypatch.setattr(review_effects, "prepare_maker", real_maker)
        monkeypatch.setattr(account_data, "prepare_maker_score", real_score)
        reviews.submit_review(db, quicker, world["maker"], review_input(craftsmanship=1, title="Cracked"), now=NOW)
        return prepared

    monkeypatch.setattr(review_effects, "prepare_maker", lambda *a: then_someone_else_writes(real_maker, *a))
    monkeypatch.setattr(account_data, "prepare_maker_score", lambda *a: then_someone_else_writes(real_score, *a))
    before = _stored(db, maker_id)[1]
    call()
    stored = _stored(db, maker_id)
    assert db.scalar(select(Review.id).where(Review.author_id == quicker.id)) is not None
    change = {"submit": 2, "edit": 1, "withdraw": 0, "hide": 0, "restore": 2, "delete account, reviews removed": 0}
    assert stored[1] == before + change[operation]
    assert stored == _recomputed(db, maker_id)


def test_the_makers_mail_follows_an_address_changed_meanwhile(db, world, monkeypatch):
    owner, old_address = world["owner"], world["owner"].email
    real = reviews.prepare_insert

    def prepare_then_the_owner_moves(*args, **kwargs):
        pending = real(*args, **kwargs)
        with db.get_bind().begin() as conn:  # another request, committed between the preparation and the lock
            conn.execute(update(User).where(User.id == owner.id).values(email="moved@example.com"))
        return pending

    monkeypatch.setattr(reviews, "prepare_insert", prepare_then_the_owner_moves)
    before = len(mails_to(db, old_address))
    review = reviews.submit_review(db, world["newcomer"], world["maker"], review_input(title="Even glaze"), now=NOW)
    [mail] = mails_to(db, "moved@example.com")
    assert f"/reviews/{review.id}" in mail.body and len(mails_to(db, old_address)) == before


def test_a_flag_raised_meanwhile_is_counted_in_the_makers_notice(db, world, make_user, monkeypatch):
    late = make_user("late flagger")
    real = moderation._open_flags

    def count_then_someone_flags(session, review):
        counted = real(session, review)
        engagement.flag_review(db, late, review, "spam", "")
        return counted

    monkeypatch.setattr(moderation, "_open_flags", count_then_someone_flags)
    moderation.hide_review(db, world["moderator"], world["review"], "spam", now=NOW)
    assert "was hidden after 2 flags" in mails_to(db, world["owner"].email)[-1].subject


def test_a_confirmation_link_follows_an_address_changed_meanwhile(db, world, monkeypatch):
    user = world["newcomer"]
    real = confirmation.prepare_confirmation

    def prepare_then_the_address_changes(*args):
        prepared = real(*args)
        monkeypatch.setattr(confirmation, "prepare_confirmation", real)  # the service prepares again under the lock
        with db.get_bind().begin() as conn:  # another request, committed between the preparation and the lock
            conn.execute(update(User).where(User.id == user.id).values(email="elsewhere@example.com"))
        return prepared

    old_address = user.email
    monkeypatch.setattr(confirmation, "prepare_confirmation", prepare_then_the_address_changes)
    fresh(db)
    confirmation.resend_confirmation(db, db.get(User, user.id), now=NOW)
    assert mails_to(db, old_address) == []
    [mail] = mails_to(db, "elsewhere@example.com")
    token = db.scalar(select(AccountToken).where(AccountToken.user_id == user.id, AccountToken.used_at.is_(None)))
    assert token.email == "elsewhere@example.com" and "/confirm" in mail.body


def test_the_change_notice_goes_to_the_address_the_change_replaced(db, world, monkeypatch):
    """Another change committed between the preparation and the lock: the address this change replaces is that one."""
    user = world["newcomer"]
    user.email_confirmed_at = NOW
    db.commit()
    first, real = user.email, address_change.prepare_change_notice

    def prepare_then_the_address_changes(*args):
        prepared = real(*args)
        with db.get_bind().begin() as conn:
            conn.execute(update(User).where(User.id == user.id).values(email="between@example.com"))
        return prepared

    with write_transaction(db):
        token = issue_token(db, user, email_change.PURPOSE, NOW, email="last@example.com")
    monkeypatch.setattr(email_change, "prepare_change_notice", prepare_then_the_address_changes)
    email_change.confirm_email_change(db, token, now=NOW)
    assert [m.subject for m in mails_to(db, first)] == []
    [notice] = mails_to(db, "between@example.com")
    assert notice.subject == address_change.SUBJECT and "l***@example.com" in notice.body
