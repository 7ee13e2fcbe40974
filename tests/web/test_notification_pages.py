"""The notifications page, the unread count in the header, mail preferences and one-click unsubscribe."""
from __future__ import annotations

import html
import re

from itsdangerous import URLSafeSerializer
from sqlalchemy import select

from craftreview.models import MAKER_NOTIFICATION_KINDS, NOTIFICATION_KINDS, MailOptOut, Notification
from craftreview.services import notifications
from craftreview.services.moderation import hide_review, restore_review
from craftreview.services.reviews import set_withdrawn
from craftreview.web.mailing import UNSUBSCRIBE_SALT
from tests.conftest import PASSWORD, fresh, login
from tests.mail_helpers import link_in, mails_to


def _unread_badge(html: str) -> str | None:
    match = re.search(r'class="badge unread-count">(\d+)<', html)
    return match.group(1) if match else None


def test_header_shows_the_unread_count_and_the_list_shows_the_notification(client, db, make_user, make_maker,
                                                                           make_review):
    owner = make_user("owner")
    maker = make_maker(owner)
    make_review(make_user("buyer"), maker, title="Fine dovetails")
    login(client, owner)
    assert _unread_badge(client.get("/").get_data(as_text=True)) == "1"
    page = client.get("/notifications").get_data(as_text=True)
    assert "Fine dovetails" in page and "Mark all as read" in page


def test_marking_read_clears_the_count(client, db, make_user, make_maker, make_review):
    owner = make_user("owner")
    maker = make_maker(owner)
    make_review(make_user("a"), maker)
    make_review(make_user("b"), maker)
    login(client, owner)
    first = db.scalar(select(Notification.id).where(Notification.user_id == owner.id).order_by(Notification.id))
    client.post(f"/notifications/{first}/read")
    assert _unread_badge(client.get("/").get_data(as_text=True)) == "1"
    client.post("/notifications/read")
    assert _unread_badge(client.get("/").get_data(as_text=True)) is None


def test_nobody_can_mark_someone_elses_notification(client, db, make_user, make_maker, make_review):
    owner, stranger = make_user("owner"), make_user("stranger")
    make_review(make_user("a"), make_maker(owner))
    note = db.scalar(select(Notification.id).where(Notification.user_id == owner.id))
    login(client, stranger)
    assert client.post(f"/notifications/{note}/read").status_code == 404
    fresh(db)
    assert db.get(Notification, note).read_at is None


def _busy_reader(client, db, make_user):
    """A logged-in user with 25 notifications (two pages of 20), numbered 00 (oldest) to 24."""
    user = make_user("busy")
    for n in range(25):
        notifications.notify(db, user.id, "review_new", f"Notification number {n:02d}")
    db.commit()
    login(client, user)
    return user


def test_the_list_is_paginated(client, db, make_user):
    _busy_reader(client, db, make_user)
    first = client.get("/notifications").get_data(as_text=True)
    second = client.get("/notifications?page=2").get_data(as_text=True)
    assert "Notification number 24" in first and "Notification number 04" not in first
    assert "Notification number 04" in second and "Page 2 of 2" in second


def test_marking_one_read_on_a_later_page_comes_back_to_that_page(client, db, make_user):
    user = _busy_reader(client, db, make_user)
    second = client.get("/notifications?page=2").get_data(as_text=True)
    oldest = db.scalar(select(Notification.id).where(Notification.user_id == user.id).order_by(Notification.id))
    assert f'action="/notifications/{oldest}/read?page=2"' in second  # the button on page 2 carries its page
    done = client.post(f"/notifications/{oldest}/read?page=2")
    assert done.status_code == 302 and done.headers["Location"].endswith("/notifications?page=2")
    fresh(db)
    assert db.get(Notification, oldest).read_at is not None
    first_page_item = db.scalar(select(Notification.id).where(Notification.user_id == user.id)
                                .order_by(Notification.id.desc()))
    assert client.post(f"/notifications/{first_page_item}/read").headers["Location"].endswith("/notifications")
    first = client.get("/notifications").get_data(as_text=True)
    assert f'action="/notifications/{first_page_item}/read"' not in first  # read: its button is gone
    assert re.search(r'action="/notifications/\d+/read"', first)  # the others' buttons carry no page on page 1


def test_pages_past_the_last_say_so_instead_of_saying_there_is_nothing(client, db, make_user, make_maker,
                                                                         make_review):
    owner = make_user("owner")
    make_review(owner, make_maker(make_user("maker")), title="My only review")
    notifications.notify(db, owner.id, "review_new", "The only notification")
    db.commit()
    login(client, owner)
    for path, noun, empty in (("/notifications", "notifications", "No notifications yet"),
                              ("/me/reviews", "reviews", "You haven't written any reviews yet")):
        page = client.get(f"{path}?page=4").get_data(as_text=True)
        assert f"No more {noun}: this page is past the last one." in page and empty not in page
        assert f'<a href="{path}?page=1">Back to page 1</a>' in page


def test_previous_on_a_page_past_the_last_leads_to_the_last_page_with_something(client, db, make_user, make_maker,
                                                                              make_review):
    author = make_user("author")
    for i in range(12):  # two pages of ten
        make_review(author, make_maker(make_user(f"maker{i}")), title=f"Review {i}")
    login(client, author)
    page = client.get("/me/reviews?page=9").get_data(as_text=True)
    assert "this page is past the last one" in page
    assert re.search(r'<a href="/me/reviews\?page=2" rel="prev">', page), "previous should open page 2 of 2"
    second = client.get("/me/reviews?page=2").get_data(as_text=True)
    assert re.search(r'<a href="/me/reviews\?page=1" rel="prev">', second)  # within the list: the page before


def test_lists_paged_without_a_count_offer_no_previous_past_their_end(client, make_user):
    """The moderation queue, log and ring signals know only whether a next page exists: past the end, the page says
    so and links to page 1, and offers no 'previous' that would be empty too."""
    login(client, make_user("mod", moderator=True))
    for path in ("/moderation?page=99", "/moderation/log?page=99", "/moderation/signals?page=99"):
        page = client.get(path).get_data(as_text=True)
        assert "this page is past the last one" in page and "page=98" not in page, path


def test_account_page_saves_mail_preferences(client, db, make_user, make_maker):
    user = make_user("picky")
    make_maker(user)
    login(client, user)
    page = client.get("/account").get_data(as_text=True)
    for label in NOTIFICATION_KINDS.values():
        assert label in page
    client.post("/account/mail-preferences", data={"mail-reply": "y", "mail-review_hidden": "y"})
    fresh(db)
    assert notifications.mail_kinds(db, user.id) == {"reply", "review_hidden"}
    page = client.get("/account").get_data(as_text=True)
    assert _ticked(page, "mail-reply") and _ticked(page, "mail-review_hidden")
    assert not _ticked(page, "mail-review_new")


def test_a_buyer_is_offered_only_the_kinds_a_buyer_gets_and_saving_leaves_the_others(client, db, make_user):
    buyer = make_user("buyer-only")
    login(client, buyer)
    page = client.get("/account").get_data(as_text=True)
    for kind, label in NOTIFICATION_KINDS.items():
        assert (label in page) == (kind not in MAKER_NOTIFICATION_KINDS), kind
    notifications.set_mail_kinds(db, buyer, set(NOTIFICATION_KINDS) - {"review_new"})  # e.g. an unsubscribe link
    client.post("/account/mail-preferences", data={"mail-reply": "y"})
    fresh(db)
    # the boxes the page showed are saved; review_edited and flag_outcome stay on, review_new stays off
    assert notifications.mail_kinds(db, buyer.id) == {"reply", "review_edited", "flag_outcome"}


def _ticked(page: str, name: str) -> bool:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group(0)
    return " checked" in tag


def test_unsubscribe_link_works_logged_out_and_get_never_writes(app, client, db, make_user, make_maker, make_review):
    owner = make_user("owner")
    maker = make_maker(owner)
    make_review(make_user("buyer"), maker)
    path = link_in(mails_to(db, owner.email)[0], "/unsubscribe/")
    anonymous = app.test_client()
    page = anonymous.get(path)
    assert page.status_code == 200 and "Unsubscribe" in page.get_data(as_text=True)
    fresh(db)
    assert db.scalars(select(MailOptOut)).all() == []
    done = anonymous.post(path)
    assert done.status_code == 200 and "no longer get mails" in done.get_data(as_text=True)
    fresh(db)
    assert notifications.mail_kinds(db, owner.id) == set(NOTIFICATION_KINDS) - {"review_new"}
    make_review(make_user("buyer2"), maker)
    assert len(mails_to(db, owner.email)) == 1
    again = anonymous.get(path).get_data(as_text=True)  # opened again: it says so instead of asking once more
    assert "Already done: you will no longer get mails" in again and "<button" not in again.split("<main", 1)[1]


def test_the_mail_promises_no_single_click_the_unsubscribe_page_does_not_give(app, db, make_user, make_maker,
                                                                             make_review):
    """The link opens a page with a button (a mail scanner's GET must change nothing); the text mail said "with one
    click"."""
    owner = make_user("owner")
    make_review(make_user("buyer"), make_maker(owner))
    mail = mails_to(db, owner.email)[0]
    path = link_in(mail, "/unsubscribe/")
    offer = next(line for line in mail.body.splitlines() if line.endswith(path))
    assert re.fullmatch(r"Stop these mails \(no login needed\): https?://\S+", offer)
    assert "<button" in app.test_client().get(path).get_data(as_text=True).split("<main", 1)[1]


def test_a_tampered_unsubscribe_link_is_refused(app, client, db, make_user, make_maker, make_review):
    owner = make_user("owner")
    make_review(make_user("buyer"), make_maker(owner))
    path = link_in(mails_to(db, owner.email)[0], "/unsubscribe/")
    assert client.get(path[:-3] + "xyz").status_code == 404
    assert client.post(path[:-3] + "xyz").status_code == 404
    assert client.get("/unsubscribe/WzEsICJyZXBseSJd").status_code == 404  # unsigned [1, "reply"]


def test_an_old_unsubscribe_link_for_a_kind_no_longer_mailed_says_so_and_writes_nothing(app, db, make_user):
    """Invitation notices were mailed beside the invitation itself until they became site-only: links in those mails
    still arrive, and must neither 404 as if forged nor offer a switch that does nothing."""
    buyer = make_user("buyer")
    with app.app_context():
        path = "/unsubscribe/" + URLSafeSerializer(app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT).dumps(
            [buyer.id, "invitation"])
    anonymous = app.test_client()
    for response in (anonymous.get(path), anonymous.post(path)):
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and "no longer mails notices" in page, page
        assert "<button" not in page.split("<main", 1)[1] and "switch it back on" not in page
    fresh(db)
    assert db.scalars(select(MailOptOut)).all() == []


def test_the_unsubscribe_link_of_a_deleted_account_is_refused_before_its_button_is_offered(
        app, client, db, make_user, make_maker, make_review):
    owner = make_user("owner")
    make_review(make_user("buyer"), make_maker(owner))
    path = link_in(mails_to(db, owner.email)[0], "/unsubscribe/")
    login(client, owner)
    client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD})
    page = app.test_client().get(path)
    assert page.status_code == 404 and "This unsubscribe link is not valid." in page.get_data(as_text=True)


def test_moderators_see_the_mail_outbox_and_nobody_else_does(client, db, make_user, make_maker, make_review):
    owner = make_user("owner")
    make_review(make_user("buyer"), make_maker(owner), title="Crisp <b>edges</b>")
    login(client, make_user("plain"))
    assert client.get("/moderation/mail").status_code == 403
    login(client, make_user("mod", moderator=True))
    page = client.get("/moderation/mail").get_data(as_text=True)
    assert owner.email in page and "Crisp &lt;b&gt;edges&lt;/b&gt;" in page and "<b>edges</b>" not in page
    assert "HTML version" in page


def test_an_id_beyond_any_database_integer_is_a_404(client, make_user):
    login(client, make_user("fuzzer"))
    assert client.post("/notifications/99999999999999999999/read").status_code == 404


def test_a_review_withdrawn_or_hidden_since_is_not_quoted_on_its_makers_notifications_page(client, db, make_user,
                                                                                          make_maker, make_review):
    """The maker's notice of a new review kept quoting it after its author withdrew it ("Only you can see it") or a
    moderator hid it (a phone number, an insult): the text stayed readable there. It reads again once public."""
    owner = make_user("owner")
    maker = make_maker(owner)
    author = make_user("buyer")
    withdrawn = make_review(author, maker, title="Regret this one", body="Call me on 555 0101 about the broken lid.")
    hidden = make_review(make_user("other"), maker, title="Insulting title", body="An insulting body of text here.")
    kept = make_review(make_user("third"), maker, title="Fine dovetails", body="Tight joints and an even finish.")
    set_withdrawn(db, author, withdrawn, True)
    moderator = make_user("mod", moderator=True)
    hide_review(db, moderator, hidden, "abusive", "Insults.")
    login(client, owner)
    page = html.unescape(client.get("/notifications").get_data(as_text=True))
    for gone in ("Regret this one", "555 0101", "Insulting title", "insulting body"):
        assert gone not in page, gone
    assert page.count("A new review of your work, no longer public") == 2
    assert "Fine dovetails" in page and "Tight joints" in page and f'href="/reviews/{kept.id}"' in page
    restore_review(db, moderator, hidden, "Reconsidered.")
    page = html.unescape(client.get("/notifications").get_data(as_text=True))
    assert "Insulting title" in page and "Regret this one" not in page
