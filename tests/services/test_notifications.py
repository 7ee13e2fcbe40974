"""Notifications: every kind reaches the right person on site and by mail, as their preferences say."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from craftreview.models import NOTIFICATION_KINDS, Notification, utcnow
from craftreview.services import engagement, moderation, notifications, orders, replies
from craftreview.services.mail import OutboxMailBackend
from craftreview.services.reviews import edit_review, set_withdrawn
from tests.conftest import fresh, review_input
from tests.mail_helpers import mails_to


@pytest.fixture
def cast(db, make_user, make_maker):
    """A maker (owned by `owner`), a buyer, a flagger and a moderator."""
    owner, buyer = make_user("owner"), make_user("buyer")
    buyer.email_confirmed_at = utcnow()  # invitations for its address are its own
    db.commit()
    return {"owner": owner, "buyer": buyer, "flagger": make_user("flagger"),
            "moderator": make_user("mod", moderator=True), "maker": make_maker(owner, name="Hollow Oak")}


def _kinds(db, user) -> list[str]:
    fresh(db)
    return [n.kind for n in db.scalars(select(Notification).where(Notification.user_id == user.id)
                                       .order_by(Notification.id))]


def _last(db, user) -> Notification:
    fresh(db)
    return db.scalars(select(Notification).where(Notification.user_id == user.id).order_by(Notification.id.desc())).first()


def test_maker_hears_of_a_new_review_on_site_and_by_mail(db, cast, make_review):
    review = make_review(cast["buyer"], cast["maker"], title="Wobbly legs")
    assert _kinds(db, cast["owner"]) == ["review_new"]
    note = _last(db, cast["owner"])
    assert "Wobbly legs" in note.title and note.link == f"/reviews/{review.id}"
    [mail] = mails_to(db, cast["owner"].email)
    assert "Wobbly legs" in mail.subject and "/unsubscribe/" in mail.body and "/unsubscribe/" in mail.html_body
    assert _kinds(db, cast["buyer"]) == []  # the author is not told of their own review


def test_the_mail_s_preferences_link_opens_the_account_page_at_its_mail_preferences(db, cast, make_review):
    """The fragment is a fragment: the map's URL builder made `_anchor` a query argument ('/account?_anchor=...'),
    which opened the account page at its top."""
    make_review(cast["buyer"], cast["maker"])
    [mail] = mails_to(db, cast["owner"].email)
    for body in (mail.body, mail.html_body):
        assert "/account#mail-preferences" in body and "_anchor" not in body


def test_maker_hears_of_an_edited_review(db, cast, make_review):
    review = make_review(cast["buyer"], cast["maker"])
    edit_review(db, cast["buyer"], review, review_input(title="Changed my mind"))
    assert _kinds(db, cast["owner"]) == ["review_new", "review_edited"]
    assert "Changed my mind" in mails_to(db, cast["owner"].email)[-1].subject


@pytest.mark.parametrize("out_of_view", ["hidden", "withdrawn"])
def test_maker_hears_nothing_of_an_edit_to_a_review_that_is_not_public(db, cast, make_review, out_of_view):
    """A review a moderator hid (or its author withdrew) is public to nobody, the maker included: an edit to it is not
    quoted to the maker on site or by mail. The maker was mailed each edit's title and text, with a link that then
    showed them nothing, so the author of a review hidden as abusive could go on writing to the maker through it."""
    review = make_review(cast["buyer"], cast["maker"])
    if out_of_view == "hidden":
        moderation.hide_review(db, cast["moderator"], review, "abusive")
    else:
        set_withdrawn(db, cast["buyer"], review, True)
    mails_before = len(mails_to(db, cast["owner"].email))
    edit_review(db, cast["buyer"], review, review_input(title="Still here, still angry"))
    assert _kinds(db, cast["owner"]) == ["review_new"]
    assert len(mails_to(db, cast["owner"].email)) == mails_before
    assert not any("Still here" in mail.subject for mail in mails_to(db, cast["owner"].email))


def test_maker_hears_of_a_verified_review(db, cast):
    buyer = cast["buyer"]
    buyer.email_confirmed_at = utcnow()  # invitations are redeemable only by their confirmed buyer
    db.commit()
    order, token = _record(db, cast, buyer.email)
    orders.submit_verified_review(db, cast["buyer"], token, review_input(title="Verified joy"))
    assert _kinds(db, cast["owner"]) == ["review_new"]


def test_buyer_hears_of_the_makers_reply(db, cast, make_review):
    review = make_review(cast["buyer"], cast["maker"])
    replies.save_reply(db, cast["owner"], review, "Thank you, glad you like the bowl.")
    assert _kinds(db, cast["buyer"]) == ["reply"]
    assert "glad you like the bowl" in mails_to(db, cast["buyer"].email)[-1].body


def test_buyer_hears_of_a_hidden_review_with_the_reason_and_of_its_restoration(db, cast, make_review):
    review = make_review(cast["buyer"], cast["maker"], title="Harsh words")
    moderation.hide_review(db, cast["moderator"], review, "abusive", "private moderator note")
    note = _last(db, cast["buyer"])
    assert note.kind == "review_hidden" and "Abusive, hateful or harassing language" in note.body
    assert "private moderator note" not in note.body
    assert "Abusive, hateful or harassing language" in mails_to(db, cast["buyer"].email)[-1].body
    moderation.restore_review(db, cast["moderator"], review, "Hidden by mistake.")
    assert _kinds(db, cast["buyer"]) == ["review_hidden", "review_restored"]


def test_maker_hears_the_outcome_of_flags_on_a_review_of_their_work(db, cast, make_review):
    kept = make_review(cast["buyer"], cast["maker"])
    engagement.flag_review(db, cast["flagger"], kept, "spam", "")
    moderation.dismiss_flags(db, cast["moderator"], kept, "Within the rules.")
    assert "dismissed 1 flag" in _last(db, cast["owner"]).title
    other = make_review(cast["flagger"], cast["maker"], title="Spammy review")
    engagement.flag_review(db, cast["owner"], other, "spam", "")
    moderation.hide_review(db, cast["moderator"], other, "spam")
    assert "was hidden after 1 flag" in _last(db, cast["owner"]).title
    assert _kinds(db, cast["owner"]).count("flag_outcome") == 2


def test_hiding_a_review_nobody_flagged_sends_no_flag_outcome(db, cast, make_review):
    review = make_review(cast["buyer"], cast["maker"])
    moderation.hide_review(db, cast["moderator"], review, "spam")
    assert "flag_outcome" not in _kinds(db, cast["owner"])


def _record(db, cast, email):
    data = orders.OrderInput(buyer_email=email, item="Walnut desk", order_type="custom", price_band="300-1000",
                             ordered_on=date.today() - timedelta(days=40))
    return orders.record_order(db, cast["owner"], cast["maker"], data, OutboxMailBackend(),
                               invite_url=lambda t: f"http://localhost/invite/{t}")


def test_buyer_with_an_account_hears_of_a_waiting_invitation_on_site_and_gets_one_mail_the_invitation(db, cast):
    """The invitation is the mail: a notice mail beside it ("… recorded your order") told the buyer a second time."""
    _record(db, cast, cast["buyer"].email.upper())
    note = _last(db, cast["buyer"])
    assert note.kind == "invitation" and "Walnut desk" in note.title
    [mail] = mails_to(db, cast["buyer"].email)
    assert mail.subject == "Review your order from Hollow Oak" and "/invite/" in mail.body


def test_an_account_that_never_confirmed_the_buyers_address_hears_nothing_of_the_order(db, cast, make_user):
    """Anyone can open an account under someone else's address: the notice named the maker and the item that the
    invitation page keeps from every account but the confirmed buyer."""
    squatter = make_user("squatter")
    _record(db, cast, squatter.email)
    fresh(db)
    assert db.scalar(select(Notification.id).where(Notification.kind == "invitation")) is None


def test_an_invitation_for_an_address_without_account_notifies_nobody(db, cast):
    _record(db, cast, "stranger@example.com")
    fresh(db)
    assert db.scalar(select(Notification.id).where(Notification.kind == "invitation")) is None


@pytest.mark.parametrize("kind", sorted(NOTIFICATION_KINDS))
def test_opting_out_of_a_kind_stops_its_mail_but_not_the_notification(db, cast, make_review, kind):
    for person in ("owner", "buyer"):
        notifications.set_mail_kinds(db, cast[person], set(NOTIFICATION_KINDS) - {kind})
    before = {p: len(mails_to(db, cast[p].email)) for p in ("owner", "buyer")}
    _trigger(db, cast, make_review, kind)
    told = [p for p in ("owner", "buyer") if kind in _kinds(db, cast[p])]
    assert told, f"nobody received {kind}"
    for person in told:
        mailed = [m.subject for m in mails_to(db, cast[person].email)[before[person]:]]
        assert _last_of_kind(db, cast[person], kind).title not in mailed


def _last_of_kind(db, user, kind):
    return db.scalars(select(Notification).where(Notification.user_id == user.id, Notification.kind == kind)
                      .order_by(Notification.id.desc())).first()


def _trigger(db, cast, make_review, kind):
    """Cause one notification of `kind`."""
    review = make_review(cast["buyer"], cast["maker"])
    if kind == "review_edited":
        edit_review(db, cast["buyer"], review, review_input(title="Edited for the test"))
    elif kind == "reply":
        replies.save_reply(db, cast["owner"], review, "Thanks for the review!")
    elif kind in ("review_hidden", "review_restored", "flag_outcome"):
        engagement.flag_review(db, cast["flagger"], review, "spam", "")
        moderation.hide_review(db, cast["moderator"], review, "spam")
        if kind == "review_restored":
            moderation.restore_review(db, cast["moderator"], review, "Hidden by mistake.")


def test_mail_preferences_default_to_every_kind(db, cast):
    assert notifications.mail_kinds(db, cast["buyer"].id) == set(NOTIFICATION_KINDS)


def test_the_invitation_mail_has_text_and_html_with_the_link(db, cast):
    _order, token = _record(db, cast, "stranger@example.com")
    [mail] = mails_to(db, "stranger@example.com")
    assert f"/invite/{token}" in mail.body and f'href="http://localhost/invite/{token}"' in mail.html_body
    assert "Walnut desk" in mail.body and "Walnut desk" in mail.html_body
    for body in (mail.body, mail.html_body):  # a stranger mailed by mistake (or by a maker's typo) knows what to do
        assert "Did you not order from Hollow Oak? Then ignore this mail" in " ".join(body.split())


def _cut_between_words(shown: str, limit: int, words: set[str]) -> None:
    assert len(shown) <= limit and shown.endswith("…"), shown  # was cut mid-word ('…with dr') and unmarked
    assert shown[-2] != " " and shown[:-1].split()[-1] in words


def test_a_title_too_long_for_the_list_is_cut_between_words_with_an_ellipsis(db, cast):
    cast["maker"].name = "Hollow Oak " * 9  # 99 characters: with a 200-character item the title runs past 300
    db.commit()
    data = orders.OrderInput(buyer_email=cast["buyer"].email, item="Walnut desk with drawers " * 8,
                             order_type="custom", price_band="300-1000", ordered_on=date.today() - timedelta(days=40))
    orders.record_order(db, cast["owner"], cast["maker"], data, OutboxMailBackend(),
                        invite_url=lambda t: f"http://localhost/invite/{t}")
    _cut_between_words(_last(db, cast["buyer"]).title, 300, {"Walnut", "desk", "with", "drawers"})


def test_a_subject_too_long_for_a_mail_is_cut_between_words_with_an_ellipsis(db, cast, make_review):
    cast["maker"].name = "Hollow Oak " * 9  # 99 characters: with a 120-character review title the subject runs past 200
    db.commit()
    make_review(cast["buyer"], cast["maker"], title=("Walnut desk with drawers " * 5)[:120].strip())
    [mail] = mails_to(db, cast["owner"].email)
    _cut_between_words(mail.subject, 200, {"Walnut", "desk", "with", "drawers"})
