"""End-to-end flows through the web layer, asserting what the pages show."""
from __future__ import annotations

import html
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from craftreview.models import (
    AuditEntry,
    Flag,
    Maker,
    Notification,
    Order,
    OutgoingMail,
    ReplyRevision,
    Review,
    ReviewRevision,
    as_utc,
    utcnow,
)
from craftreview.services.engagement import flag_review
from craftreview.services.moderation import dismiss_flags, hide_review, restore_review
from craftreview.services.orders import hash_token
from craftreview.services.replies import save_reply
from craftreview.services.reviews import set_withdrawn
from tests.conftest import PASSWORD, fresh, login

TODAY = date.today()


def _review_form(**overrides) -> dict:
    data = {"craftsmanship": "5", "consistency": "4", "delivery": "2", "title": "Stunning walnut table",
            "body": "Beautiful joinery.\n\nIt arrived three weeks after the promised date.",
            "order_type": "custom", "price_band": "300-1000", "ordered_on": str(TODAY - timedelta(days=60)),
            "promised_by": str(TODAY - timedelta(days=30)), "delivered_on": str(TODAY - timedelta(days=9))}
    data.update(overrides)
    return data


def test_user_creates_a_maker_profile_and_sees_it(client, make_user):
    login(client, make_user("maker"))
    response = client.post("/makers/new", data={
        "name": "Hollow Oak Woodworks", "slug": "hollow-oak", "craft": "wood", "location": "York, UK",
        "bio": "Walnut and oak furniture, hand-cut joints.", "website": "https://hollowoak.example.com",
        "accepts_custom": "y", "lead_time_days": "45"})
    assert response.headers["Location"] == "/makers/hollow-oak"
    page = client.get("/makers/hollow-oak").data
    assert b"Hollow Oak Woodworks" in page and b"Accepts custom orders" in page and b"No reviews yet" in page


def test_second_maker_profile_is_refused(client, make_user, make_maker):
    owner = make_user()
    make_maker(owner)
    login(client, owner)
    response = client.get("/makers/new")
    assert response.status_code == 302 and "/edit" in response.headers["Location"]


def test_duplicate_slug_gets_a_form_error(client, make_user, make_maker):
    taken = make_maker()
    login(client, make_user())
    response = client.post("/makers/new", data={"name": "Copycat", "slug": taken.slug, "craft": "wood"})
    assert b"That address is taken" in response.data


@pytest.mark.parametrize(("field", "value", "message"), [
    ("name", "Former maker", "what the site shows for deleted profiles"),
    ("name", "former  MEMBER", "what the site shows for deleted profiles"),
    ("slug", "former-maker-1", "kept for deleted profiles"),
    ("slug", "former-maker-1-2", "kept for deleted profiles"),
])
def test_a_maker_profile_cannot_pose_as_a_deleted_one(client, db, make_user, field, value, message):
    login(client, make_user("maker"))
    form = {"name": "Hollow Oak", "slug": "hollow-oak", "craft": "wood", field: value}
    response = client.post("/makers/new", data=form)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert db.scalar(select(func.count(Maker.id))) == 0


@pytest.mark.parametrize("slug", ["dashboard", "New"])
def test_an_address_the_site_uses_itself_is_refused_with_its_own_reason(client, db, make_user, slug):
    """Not the generic pattern message: "dashboard" is made of allowed characters, so that message would puzzle."""
    login(client, make_user("maker"))
    response = client.post("/makers/new", data={"name": "Hollow Oak", "slug": slug, "craft": "wood"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and f"“{slug.lower()}” is an address the site uses for its own pages" in page
    assert db.scalar(select(func.count(Maker.id))) == 0


def test_a_profile_address_cannot_block_another_accounts_deletion(client, db, make_user, make_maker, make_review):
    """Deleting an account moves its profile to former-maker-<id>: another maker holding that address made it a 500."""
    victim = make_user("victim")
    maker = make_maker(victim)
    make_review(make_user("buyer"), maker)  # the profile stays only for its reviews
    squatter = make_user("squatter")
    make_maker(squatter)
    login(client, squatter)
    form = {"name": "Squat Studio", "slug": f"former-maker-{maker.id}", "craft": "wood"}
    assert client.post(f"/makers/{db.scalar(select(Maker.slug).where(Maker.owner_id == squatter.id))}/edit",
                       data=form).status_code == 400
    login(client, victim)
    assert client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD}).status_code == 302
    fresh(db)
    assert db.get(Maker, maker.id).slug == f"former-maker-{maker.id}"


def test_a_legacy_former_maker_address_does_not_block_another_accounts_deletion(client, db, make_user, make_maker,
                                                                                 make_review):
    """A profile that took former-maker-<id> before the form refused it keeps it; the deleted profile moves elsewhere."""
    victim = make_user("victim")
    maker = make_maker(victim)
    make_review(make_user("buyer"), maker)  # the profile stays only for its reviews
    legacy = make_maker(make_user("legacy"), name="Legacy Studio")
    other = make_maker(make_user("other"), name="Other Legacy")
    taken = f"former-maker-{maker.id}"
    # Inserted directly, as the form now refuses them; the first fallback is held too (legacy data may hold any
    # address of this form).
    db.execute(update(Maker).where(Maker.id == legacy.id).values(slug=taken))
    db.execute(update(Maker).where(Maker.id == other.id).values(slug=f"{taken}-2"))
    db.commit()
    login(client, victim)
    assert client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD}).status_code == 302
    fresh(db)
    assert db.get(Maker, legacy.id).slug == taken and db.get(Maker, other.id).slug == f"{taken}-2"
    moved = db.get(Maker, maker.id).slug
    assert moved.startswith("former-maker-") and moved not in (taken, f"{taken}-2")
    page = client.get(f"/makers/{moved}").get_data(as_text=True)
    assert "Former maker" in page and "Legacy Studio" in client.get(f"/makers/{taken}").get_data(as_text=True)


def test_buyer_reviews_and_the_maker_page_shows_it(client, db, make_user, make_maker):
    maker = make_maker()
    login(client, make_user("buyer"))
    response = client.post(f"/makers/{maker.slug}/review", data=_review_form())
    assert response.status_code == 302
    page = client.get(f"/makers/{maker.slug}").data.decode()
    assert "Stunning walnut table" in page
    assert "<p dir=\"auto\">Beautiful joinery.</p><p dir=\"auto\">It arrived three weeks" in page
    assert "Reviews (1)" in page


def test_my_reviews_lists_each_review_under_a_second_level_heading_with_its_edit_link(client, db, make_user,
                                                                                      make_maker, make_review):
    """From "My reviews" the author goes straight to editing (the list's headings follow the page's h1)."""
    author = make_user("author")
    review = make_review(author, make_maker(), title="Walnut bowl, late")
    login(client, author)
    page = client.get("/me/reviews").get_data(as_text=True)
    assert f'<h2><a href="/reviews/{review.id}">Walnut bowl, late</a></h2>' in page
    assert "<h3" not in page.split("<main", 1)[1]
    assert f'href="/reviews/{review.id}/edit"' in page


def test_the_edit_form_saves_changes_and_the_new_review_form_publishes(client, db, make_user, make_maker, make_review):
    """Editing a published review says what the button does to it; a new review is published."""
    author, maker = make_user("author"), make_maker()
    review = make_review(author, maker)
    login(client, author)
    edit = client.get(f"/reviews/{review.id}/edit").get_data(as_text=True)
    assert 'value="Save changes"' in edit and "Publish review" not in edit
    other = make_maker(make_user("another-maker"))
    assert 'value="Publish review"' in client.get(f"/makers/{other.slug}/review").get_data(as_text=True)


def test_review_form_shows_field_errors_and_stores_nothing(client, db, make_user, make_maker):
    maker = make_maker()
    login(client, make_user("buyer"))
    response = client.post(f"/makers/{maker.slug}/review", data=_review_form(
        delivered_on=str(TODAY - timedelta(days=90)), title=""))
    assert response.status_code == 400
    # both at once: the form's own check (title) and the service's rule (dates in order)
    assert b"The title must be 3 to 120 characters." in response.data
    assert b") cannot be before the order date (" in response.data
    assert db.scalar(select(func.count(Review.id))) == 0


def test_review_form_explains_each_dimension(client, make_user, make_maker):
    maker = make_maker()
    login(client, make_user())
    page = client.get(f"/makers/{maker.slug}/review").data
    assert b"Did the piece match the photos" in page and b"Was the promised date kept" in page


def test_verified_review_through_invitation_link(client, app, db, make_user, make_maker):
    owner, buyer = make_user("owner"), make_user("buyer")
    buyer.email_confirmed_at = utcnow()  # invitations are for the buyer's confirmed address
    db.commit()
    maker = make_maker(owner)
    login(client, owner)
    response = client.post("/dashboard", data={
        "buyer_email": buyer.email.upper(), "item": "Walnut dining table", "order_type": "custom",
        "price_band": "over1000", "ordered_on": str(TODAY - timedelta(days=50)),
        "promised_by": str(TODAY - timedelta(days=20))}, follow_redirects=True)
    assert response.request.path == "/dashboard"  # redirected: a reload cannot record it twice
    link = re.search(r'value="(http://localhost/invite/[^"]+)"', response.data.decode()).group(1)
    # One invitation mail carries the link (the buyer's "invitation waiting" notice does not repeat it).
    assert sum("/invite/" in mail.body for mail in db.scalars(select(OutgoingMail))) == 1
    assert b"/invite/" not in client.get("/dashboard").data  # the link is shown only once
    path = link.replace("http://localhost", "")
    client.post("/logout")
    login(client, buyer)
    form = client.get(path).data
    assert b"Walnut dining table" in form and b"Verified order" in form
    done = client.post(path, data={"craftsmanship": "5", "consistency": "5", "delivery": "3",
                                   "title": "Worth the wait", "body": "Solid, beautiful table, a bit late.",
                                   "delivered_on": str(TODAY - timedelta(days=10))})
    assert done.status_code == 302
    fresh(db)
    review = db.scalar(select(Review))
    assert review.verified and review.order_type == "custom" and review.price_band == "over1000"
    assert b"Verified order" in client.get(f"/makers/{maker.slug}").data
    assert client.get(path).status_code == 404  # the link works once
    assert db.scalar(select(Order)).used_at is not None


def test_dashboard_pages_through_every_recorded_order(client, db, make_user, make_maker):
    """A busy maker's oldest orders (and their open invitations) stay reachable: the list pages, it is not cut off."""
    owner = make_user("owner")
    maker = make_maker(owner)
    now = utcnow()
    for n in range(60):
        db.add(Order(maker_id=maker.id, buyer_email=f"buyer{n}@example.com", item=f"Stool number {n:02d}",
                     order_type="stock", price_band="25-100", ordered_on=TODAY - timedelta(days=60 - n),
                     token_hash=f"{n:064d}", expires_at=now + timedelta(days=30), created_at=now - timedelta(hours=60 - n)))
    db.commit()
    login(client, owner)
    first = client.get("/dashboard").get_data(as_text=True)
    assert "Stool number 59" in first and "Stool number 00" not in first
    assert "Page 1 of" in first
    shown = set()
    for page in range(1, 10):
        html = client.get(f"/dashboard?page={page}").get_data(as_text=True)
        shown |= set(re.findall(r"Stool number (\d\d)", html))
    assert len(shown) == 60


def test_dashboard_says_how_many_more_reviews_wait_for_a_reply_and_pages_through_them_all(
        app, client, db, make_user, make_maker, make_review):
    """Past the newest twenty, the dashboard's list says how many more wait and links to all of them."""
    owner = make_user("owner")
    maker = make_maker(owner)
    for n in range(23):
        make_review(make_user(), maker, title=f"Waiting review {n:02d}")
    save_reply(db, owner, make_review(make_user(), maker, title="Answered review"), "Thank you.")
    login(client, owner)
    dashboard = client.get("/dashboard").get_data(as_text=True)
    shown = re.findall(r"<strong>Waiting review (\d\d)", dashboard)
    assert len(shown) == 20 and "22" in shown and "00" not in shown
    assert "and 3 more" in dashboard
    link = re.search(r'<a href="([^"]+)">See all 23 reviews waiting for your reply', dashboard).group(1)
    app.config["PER_PAGE"] = 10
    first = client.get(link).get_data(as_text=True)
    assert "Page 1 of 3" in first and "Answered review" not in first
    listed = set()
    for page in range(1, 4):
        listed |= set(re.findall(r"Waiting review (\d\d)", client.get(f"{link}?page={page}").get_data(as_text=True)))
    assert listed == {f"{n:02d}" for n in range(23)}
    assert "Reply publicly" in first
    # Each link names its review to a screen reader, which lists a page's links out of context.
    named = re.findall(r'Reply publicly<span class="visually-hidden"> to “(Waiting review \d\d)”</span> →', first)
    assert len(named) == 10 and len(set(named)) == 10


def test_dashboard_names_no_more_when_every_waiting_review_is_shown(client, db, make_user, make_maker, make_review):
    owner = make_user("owner")
    maker = make_maker(owner)
    make_review(make_user(), maker, title="Waiting review 00")
    login(client, owner)
    dashboard = client.get("/dashboard").get_data(as_text=True)
    assert "Waiting review 00" in dashboard and "more" not in dashboard.split("waiting for your reply", 1)[1].split("</section>")[0]


def test_waiting_reviews_page_without_a_maker_profile_offers_to_create_one(client, make_user):
    login(client, make_user("buyer"))
    page = client.get("/dashboard/replies")
    assert page.status_code == 200 and "Create your maker profile" in page.get_data(as_text=True)

def test_maker_replies_and_reply_edits_keep_history(client, db, make_user, make_maker, make_review):
    owner = make_user("owner")
    maker = make_maker(owner)
    review = make_review(make_user("buyer"), maker)
    login(client, owner)
    client.post(f"/reviews/{review.id}/reply", data={"body": "Sorry for the delay; the kiln broke."})
    client.post(f"/reviews/{review.id}/reply", data={"body": "Sorry for the delay; the kiln broke in March."})
    page = client.get(f"/reviews/{review.id}").data
    assert b"Reply from" in page and b"the kiln broke in March." in page
    assert b"Earlier versions of the maker" in page and b"Sorry for the delay; the kiln broke.</p>" in page


def test_the_flash_says_whether_a_reply_was_published_updated_or_left_unchanged(client, make_user, make_maker,
                                                                               make_review):
    owner = make_user("owner")
    review = make_review(make_user("buyer"), make_maker(owner))
    login(client, owner)

    def flash_after(body: str) -> str:
        page = client.post(f"/reviews/{review.id}/reply", data={"body": body}, follow_redirects=True)
        assert page.status_code == 200
        return page.get_data(as_text=True)

    first = flash_after("Thank you for the kind words.")
    assert "Your reply is published." in first and "Your reply is updated." not in first
    edited = flash_after("Thank you for the kind words; the glaze is new.")
    assert "Your reply is updated." in edited and "Your reply is published." not in edited  # was: "published"
    same = flash_after("Thank you for the kind words; the glaze is new.")
    assert "Your reply is unchanged" in same and "Your reply is published." not in same


def test_saving_a_reply_unchanged_keeps_no_copy_and_tells_the_buyer_nothing_new(client, db, make_user, make_maker,
                                                                               make_review):
    owner = make_user("owner")
    review = make_review(make_user("buyer"), make_maker(owner))
    login(client, owner)
    for _ in range(2):  # e.g. the maker opens "Edit reply" and presses Publish without changing a word
        assert client.post(f"/reviews/{review.id}/reply", data={"body": "Thank you for the kind words."}).status_code == 302
    fresh(db)
    assert db.scalar(select(func.count(ReplyRevision.id))) == 0
    assert db.scalar(select(func.count(Notification.id)).where(Notification.kind == "reply")) == 1
    page = client.get(f"/reviews/{review.id}").get_data(as_text=True)
    assert "Earlier versions of the maker" not in page and '#reply-history">edited' not in page


def test_saving_a_review_unchanged_keeps_no_copy_and_tells_the_maker_nothing(client, db, make_user, make_maker,
                                                                           make_review):
    author = make_user("buyer")
    review = make_review(author, make_maker())
    login(client, author)
    unchanged = {"craftsmanship": "4", "consistency": "4", "delivery": "3", "title": review.title,
                 "body": review.body.replace("\n", "\r\n"), "order_type": review.order_type,
                 "price_band": review.price_band, "ordered_on": str(review.ordered_on),
                 "promised_by": str(review.promised_by), "delivered_on": str(review.delivered_on)}
    for _ in range(2):  # e.g. the author opens "Edit" and presses Save without changing a thing
        page = client.post(f"/reviews/{review.id}/edit", data=unchanged, follow_redirects=True).get_data(as_text=True)
        # It said "Review updated. The earlier version stays in its history." of a history that got nothing.
        assert "Your review is unchanged: it already said that." in page and "Review updated" not in page
    fresh(db)
    assert review.revision_count == 0 and db.scalar(select(func.count(ReviewRevision.id))) == 0
    assert db.scalar(select(func.count(Notification.id)).where(Notification.kind == "review_edited")) == 0
    page = client.get(f"/reviews/{review.id}").get_data(as_text=True)
    assert "Edit history" not in page and '#history">edited' not in page
    changed = client.post(f"/reviews/{review.id}/edit", data=dict(unchanged, title="Changed my mind"),
                          follow_redirects=True).get_data(as_text=True)
    assert "Review updated. The earlier version stays in its history." in changed


def test_only_the_author_may_withdraw_or_republish_and_the_refusal_names_the_action(client, db, make_user, make_maker,
                                                                                    make_review):
    """A withdrawn review is not found by others at all; a shown one says whose it is to change."""
    author, other = make_user("buyer"), make_user("other")
    review = make_review(author, make_maker())
    login(client, other)
    for action in ("withdraw", "republish"):
        response = client.post(f"/reviews/{review.id}/{action}")
        assert response.status_code == 403
        assert f"Only the author can {action} this review." in response.get_data(as_text=True)
    fresh(db)
    assert review.withdrawn_at is None


def test_republishing_a_review_a_moderator_hid_says_it_stays_hidden(client, db, make_user, make_maker, make_review):
    author = make_user("buyer")
    review = make_review(author, make_maker())
    set_withdrawn(db, author, review, True)
    hide_review(db, make_user("mod", moderator=True), review, "spam")
    login(client, author)
    form = client.get(f"/reviews/{review.id}/edit").get_data(as_text=True)
    assert "it stays hidden until a moderator restores it" in form
    page = client.post(f"/reviews/{review.id}/republish", follow_redirects=True).get_data(as_text=True)
    assert "public again" not in page and "no longer withdrawn, but it stays hidden" in page
    fresh(db)
    assert review.withdrawn_at is None and review.hidden_at is not None and not review.is_visible


def test_withdrawing_from_a_second_tab_keeps_the_first_withdrawal(client, db, make_user, make_maker, make_review):
    author = make_user("buyer")
    review = make_review(author, make_maker())
    set_withdrawn(db, author, review, True, now=utcnow() - timedelta(days=3))
    first = as_utc(review.withdrawn_at)
    login(client, author)
    assert client.post(f"/reviews/{review.id}/withdraw").status_code == 302  # the page still offered "Withdraw"
    fresh(db)
    assert as_utc(review.withdrawn_at) == first


def test_restoring_a_review_its_author_withdrew_does_not_say_it_is_public(client, db, make_user, make_maker,
                                                                         make_review):
    author, moderator = make_user("buyer"), make_user("mod", moderator=True)
    review = make_review(author, make_maker())
    hide_review(db, moderator, review, "spam")
    set_withdrawn(db, author, review, True)  # withdrawn while hidden
    login(client, moderator)
    page = client.post(f"/moderation/reviews/{review.id}/restore", data={"restore-note": "Not spam.", "restore-confirm": "y"},
                       follow_redirects=True).get_data(as_text=True)
    assert "stays out of public view until they republish it" in page
    login(client, author)
    told = client.get("/notifications").get_data(as_text=True)
    assert "is public again" not in told and "is no longer hidden" in told
    assert "stays visible only to you until you republish it" in told
    fresh(db)
    assert review.hidden_at is None and not review.is_visible


def test_helpful_vote_toggles(client, db, make_user, make_maker, make_review):
    review = make_review(make_user("author"), make_maker())
    login(client, make_user("reader"))
    client.post(f"/reviews/{review.id}/helpful")
    fresh(db)
    assert review.helpful_count == 1
    client.post(f"/reviews/{review.id}/helpful")
    fresh(db)
    assert review.helpful_count == 0


def test_a_helpful_button_from_an_older_tab_does_not_undo_the_vote(client, db, make_user, make_maker, make_review):
    review = make_review(make_user("author"), make_maker())
    login(client, make_user("reader"))
    older_tab = client.get(f"/reviews/{review.id}").get_data(as_text=True)
    assert 'name="helpful" value="1"' in older_tab  # the page offers "Helpful"
    for _ in range(2):  # pressed in a newer tab, then again in the older one
        page = client.post(f"/reviews/{review.id}/helpful", data={"helpful": "1"}, follow_redirects=True)
        assert "Marked as helpful." in page.get_data(as_text=True)
    fresh(db)
    assert review.helpful_count == 1
    client.post(f"/reviews/{review.id}/helpful", data={"helpful": "0"})
    client.post(f"/reviews/{review.id}/helpful", data={"helpful": "0"})
    fresh(db)
    assert review.helpful_count == 0


def test_flag_hide_and_author_sees_why(client, app, db, make_user, make_maker, make_review):
    author, moderator = make_user("author"), make_user("mod", moderator=True)
    maker = make_maker()
    review = make_review(author, maker, title="Terrible spam title")
    login(client, make_user("reporter"))
    client.post(f"/reviews/{review.id}/flag", data={"reason": "spam", "note": "advertising"})
    again = client.post(f"/reviews/{review.id}/flag", data={"reason": "spam"})
    assert again.status_code == 409 and b"already reported" in again.data
    login(client, moderator)
    assert b"Terrible spam title" in client.get("/moderation").data
    missing = client.post(f"/moderation/reviews/{review.id}/hide", data={"hide-reason": ""})
    assert missing.status_code == 400 and db.get(Review, review.id).hidden_at is None
    fresh(db)
    # followed: the queue it returns to shows the flash, which names the hidden review for the moderator to undo
    hidden = client.post(f"/moderation/reviews/{review.id}/hide", data={"hide-reason": "spam", "hide-note": "ads"},
                         follow_redirects=True)
    assert b"Review hidden." in hidden.data and b"Terrible spam title" in hidden.data
    assert b"Terrible spam title" not in client.get(f"/makers/{maker.slug}").data
    assert b"Hid the review" in client.get("/moderation/log").data
    fresh(db)
    assert db.scalar(select(AuditEntry)).reason == "spam"
    assert db.scalar(select(Flag)).status == "actioned"
    login(client, author)
    page = client.get(f"/reviews/{review.id}").data
    assert b"hidden by a moderator" in page and b"Spam or advertising" in page


def test_the_author_reads_the_hide_note_with_one_full_stop(client, db, make_user, make_maker, make_review):
    # The notice closes its sentence after the quoted note; a note that ends its own sentence got a second full stop
    # ("… cousin.”.") in the notice the author reads.
    author, moderator = make_user("author"), make_user("mod", moderator=True)
    ended = make_review(author, make_maker(), title="Ends its sentence")
    bare = make_review(author, make_maker(), title="Bare note")
    login(client, moderator)
    client.post(f"/moderation/reviews/{ended.id}/hide",
                data={"hide-reason": "conflict", "hide-note": "The reviewer is the maker's cousin."})
    client.post(f"/moderation/reviews/{bare.id}/hide", data={"hide-reason": "conflict", "hide-note": "cousin"})
    login(client, author)
    notice = re.compile(r"Reason: (.*?)</p>", re.S)
    ended_text = html.unescape(notice.search(client.get(f"/reviews/{ended.id}").get_data(as_text=True)).group(1))
    bare_text = html.unescape(notice.search(client.get(f"/reviews/{bare.id}").get_data(as_text=True)).group(1))
    assert ended_text.endswith("“The reviewer is the maker's cousin.”"), ended_text
    assert bare_text.endswith("“cousin”."), bare_text


def test_a_repeat_report_shows_the_note_just_typed_to_copy_and_writes_nothing(client, db, make_user, make_maker,
                                                                             make_review):
    # Sent from a second tab after the first report went in: the page says it is already reported, and the note typed
    # in the second tab comes back read-only instead of vanishing.
    review = make_review(make_user("author"), make_maker(), title="Suspicious praise")
    login(client, make_user("reporter"))
    client.post(f"/reviews/{review.id}/flag", data={"reason": "spam", "note": "advertising"})
    note = "The same five accounts praise every shop on this page <b>within a day</b>"
    again = client.post(f"/reviews/{review.id}/flag", data={"reason": "fake", "note": f"  {note}  "})
    page = again.get_data(as_text=True)
    assert again.status_code == 409 and "You have already reported this review" in page
    assert "The note you just typed was not sent with it" in page
    assert re.search(r"<textarea[^>]*readonly[^>]*>" + re.escape(html.escape(note, quote=False)) + "</textarea>", page)
    assert db.scalar(select(func.count(Flag.id))) == 1
    plain = client.post(f"/reviews/{review.id}/flag", data={"reason": "spam"}).get_data(as_text=True)
    assert "You have already reported this review" in plain and "<textarea" not in plain  # nothing typed, nothing shown


def test_someone_who_already_reported_a_review_is_told_so_instead_of_the_form(client, db, make_user, make_maker,
                                                                             make_review):
    maker = make_maker()
    review = make_review(make_user("author"), maker, title="Suspicious praise")
    other = make_review(make_user("author2"), maker, title="Honest review")
    reporter = make_user("reporter")
    login(client, reporter)
    assert 'name="reason"' in client.get(f"/reviews/{review.id}/flag").get_data(as_text=True)
    client.post(f"/reviews/{review.id}/flag", data={"reason": "spam", "note": "advertising"})
    for response in (client.get(f"/reviews/{review.id}/flag"),
                     client.post(f"/reviews/{review.id}/flag", data={"reason": "spam"})):
        page = response.get_data(as_text=True)
        assert "You have already reported this review" in page and 'name="reason"' not in page
    assert db.scalar(select(func.count(Flag.id))) == 1
    link = f'href="/reviews/{review.id}/flag"'
    for path in (f"/reviews/{review.id}", f"/makers/{maker.slug}"):  # where the Report link was
        page = client.get(path).get_data(as_text=True)
        assert "You reported this review" in page and link not in page, path
    assert f'href="/reviews/{other.id}/flag"' in client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    dismiss_flags(db, make_user("mod", moderator=True), review, "Within the rules.")  # a closed report: it may be reported again
    assert link in client.get(f"/reviews/{review.id}").get_data(as_text=True)
    client.post(f"/reviews/{review.id}/flag", data={"reason": "spam", "note": "advertising"})
    login(client, make_user("reader"))  # nobody else's page changes
    page = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    assert link in page and "You reported this review" not in page


def test_anonymous_cannot_see_hidden_review(client, db, make_user, make_maker, make_review):
    from craftreview.services.moderation import hide_review
    review = make_review(make_user(), make_maker())
    hide_review(db, make_user(moderator=True), review, "abusive")
    assert client.get(f"/reviews/{review.id}").status_code == 404


def test_moderator_restores_and_dismisses(client, db, make_user, make_maker, make_review):
    from craftreview.services.engagement import flag_review
    from craftreview.services.moderation import hide_review
    moderator = make_user(moderator=True)
    review = make_review(make_user(), make_maker())
    hide_review(db, moderator, review, "abusive")
    login(client, moderator)
    client.post(f"/moderation/reviews/{review.id}/restore", data={"restore-note": "context was fine", "restore-confirm": "y"})
    fresh(db)
    assert db.get(Review, review.id).hidden_at is None
    flag_review(db, make_user(), review, "other", "I just dislike it")
    client.post(f"/moderation/reviews/{review.id}/dismiss", data={"dismiss-note": "A fair, if harsh, review."})
    fresh(db)
    assert db.scalar(select(Flag)).status == "dismissed"
    entries = list(db.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    assert [(e.action, e.note) for e in entries] == [
        ("hide", ""), ("restore", "context was fine"), ("dismiss_flags", "A fair, if harsh, review.")]


def test_restoring_or_dismissing_without_a_reason_is_refused_and_writes_nothing(client, db, make_user, make_maker,
                                                                                 make_review):
    """Undoing a hide, or turning down readers' reports, is a decision the audit log must explain."""
    moderator = make_user(moderator=True)
    hidden, flagged = make_review(make_user(), make_maker()), make_review(make_user(), make_maker())
    hide_review(db, moderator, hidden, "abusive")
    flag_review(db, make_user(), flagged, "other", "I just dislike it")
    login(client, moderator)
    notices = db.scalar(select(func.count(Notification.id)))
    response = client.post(f"/moderation/reviews/{hidden.id}/restore", data={"restore-note": "  \n "})
    page = response.get_data(as_text=True)
    # Both problems in one round: the reason and the unticked box.
    assert response.status_code == 400 and "Write why you are restoring this review" in page
    assert "Tick the box to confirm the restore" in page
    response = client.post(f"/moderation/reviews/{hidden.id}/restore", data={"restore-confirm": "y"})
    assert response.status_code == 400 and "Write why you are restoring this review" in response.get_data(as_text=True)
    response = client.post(f"/moderation/reviews/{flagged.id}/dismiss", data={"dismiss-note": ""})
    assert response.status_code == 400
    assert "Write why you are dismissing the flags" in response.get_data(as_text=True)
    fresh(db)
    assert db.get(Review, hidden.id).hidden_at is not None
    assert db.scalar(select(Flag)).status == "open"
    assert [e.action for e in db.scalars(select(AuditEntry))] == ["hide"]
    assert db.scalar(select(func.count(Notification.id))) == notices


def test_a_stale_tab_without_a_reason_is_told_the_decision_was_made_meanwhile(client, db, make_user, make_maker,
                                                                              make_review):
    """Another moderator restored the review, or dismissed its flags, while this tab was open: the page (which no
    longer shows that form) used to say "Check the field marked below: Why restore it?" about a field it does not
    show, rather than what happened."""
    moderator = make_user(moderator=True)
    hidden, flagged = make_review(make_user(), make_maker()), make_review(make_user(), make_maker())
    hide_review(db, moderator, hidden, "abusive")
    flag_review(db, make_user(), flagged, "other", "I just dislike it")
    login(client, moderator)
    restore_review(db, make_user(moderator=True), hidden, "Appeal upheld.")
    dismiss_flags(db, make_user(moderator=True), flagged, "Within the rules.")
    for data in ({"restore-confirm": "y"}, {}):
        response = client.post(f"/moderation/reviews/{hidden.id}/restore", data=data)
        page = response.get_data(as_text=True)
        assert response.status_code == 400 and "This review is not hidden." in page
        assert "Write why you are restoring" not in page
    response = client.post(f"/moderation/reviews/{flagged.id}/dismiss", data={"dismiss-note": " "})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "There are no open flags on this review." in page
    assert "Write why you are dismissing" not in page
    fresh(db)
    assert [e.action for e in db.scalars(select(AuditEntry))] == ["hide", "restore", "dismiss_flags"]


def test_restoring_a_hidden_review_needs_a_ticked_confirmation_and_writes_nothing_without_it(client, db, make_user,
                                                                                              make_maker, make_review):
    """Restoring republishes what a moderator judged against the rules (private information, say) and tells its
    author: one stray click on the button must not do it."""
    moderator = make_user(moderator=True)
    review = make_review(make_user(), make_maker())
    hide_review(db, moderator, review, "private_info", "Home address")
    login(client, moderator)
    shown = client.get(f"/moderation/reviews/{review.id}").get_data(as_text=True)
    assert 'name="restore-confirm"' in shown and "Yes, make this review public again" in shown
    notices = db.scalar(select(func.count(Notification.id)))
    response = client.post(f"/moderation/reviews/{review.id}/restore", data={"restore-note": "Looks fine"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Tick the box to confirm the restore" in page
    assert "Looks fine" in page  # the note comes back as typed
    fresh(db)
    assert db.get(Review, review.id).hidden_at is not None
    assert [e.action for e in db.scalars(select(AuditEntry))] == ["hide"]
    assert db.scalar(select(func.count(Notification.id))) == notices
    client.post(f"/moderation/reviews/{review.id}/restore", data={"restore-note": "Looks fine", "restore-confirm": "y"})
    fresh(db)
    assert db.get(Review, review.id).hidden_at is None


def test_pagination_keeps_the_page_parameter(client, db, make_user, make_maker, make_review):
    maker = make_maker()
    for i in range(12):
        make_review(make_user(f"b{i}"), maker, title=f"Review number {i:02d}")
    first = client.get(f"/makers/{maker.slug}").data
    second = client.get(f"/makers/{maker.slug}?page=2").data
    assert b"Review number 11" in first and b"Review number 01" not in first
    assert b"Review number 01" in second and b"Page 2 of 2" in second


def test_moderation_pages_past_the_last_say_so_and_link_back_to_page_one(client, db, make_user, make_maker,
                                                                          make_review):
    moderator = make_user("mod", moderator=True)
    review = make_review(make_user("author"), make_maker())
    flag_review(db, make_user("reader"), review, "spam", "An advert.")
    login(client, moderator)
    lists = (("/moderation", "flagged reviews"), ("/moderation/log", "moderation actions"), ("/moderation/mail", "mail"),
             (f"/moderation/accounts/{review.author_id}", "reviews by this account"))
    for path, noun in lists:
        page = client.get(f"{path}?page=3").get_data(as_text=True)
        assert f"No more {noun}: this page is past the last one." in page
        assert f'<a href="{path}?page=1">Back to page 1</a>' in page
    dismiss_flags(db, moderator, review, "Not an advert.")
    assert "The queue is empty" in client.get("/moderation").get_data(as_text=True)
    assert "No more" not in client.get("/moderation/log").get_data(as_text=True)


def test_moderator_suspends_an_author_and_their_session_ends(app, client, db, make_user, make_maker, make_review):
    author, moderator = make_user("author"), make_user("mod", moderator=True)
    review = make_review(author, make_maker())
    author_client = app.test_client()
    login(author_client, author)
    assert author_client.get("/account").status_code == 200
    login(client, moderator)
    assert b"Suspend account" in client.get(f"/moderation/reviews/{review.id}").data
    client.post(f"/moderation/users/{author.id}/suspend", data={"action": "suspend", "suspend-note": "spam ring", "suspend-confirm": "y"})
    assert author_client.get("/account").status_code == 302
    fresh(db)
    assert db.get(type(author), author.id).is_suspended
    assert b"Suspended the account" in client.get("/moderation/log").data


def test_a_deleted_account_is_shown_as_deleted_to_moderators_and_cannot_be_suspended(app, client, db, make_user,
                                                                                      make_maker, make_review):
    author, moderator = make_user("author"), make_user("mod", moderator=True)
    review = make_review(author, make_maker())
    author_client = app.test_client()
    login(author_client, author)
    assert author_client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD}).status_code == 302
    login(client, moderator)
    page = client.get(f"/moderation/reviews/{review.id}").get_data(as_text=True)
    assert "This account was deleted" in page and "Suspend account" not in page and "active" not in page
    account = client.get(f"/moderation/accounts/{author.id}").get_data(as_text=True)
    assert "This account was deleted" in account and "email not confirmed" not in account
    refused = client.post(f"/moderation/users/{author.id}/suspend", data={"action": "suspend", "suspend-note": "spam", "suspend-confirm": "y"},
                          follow_redirects=True).get_data(as_text=True)
    assert "This account was deleted: there is nothing to suspend or reinstate." in refused
    fresh(db)
    assert not db.get(type(author), author.id).is_suspended
    assert db.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "suspend")) == 0


LEFT = "This maker has left craftreview: the profile keeps its reviews but takes no new ones."


def _invite(client, buyer) -> str:
    """Record an order for `buyer` as the logged-in maker; the path of its invitation link."""
    response = client.post("/dashboard", data={
        "buyer_email": buyer.email, "item": "Oak stool", "order_type": "stock", "price_band": "25-100",
        "ordered_on": str(TODAY - timedelta(days=20))}, follow_redirects=True)
    return re.search(r'value="http://localhost(/invite/[^"]+)"', response.get_data(as_text=True)).group(1)


def test_a_deleted_makers_profile_keeps_its_reviews_but_takes_no_new_ones(app, client, db, make_user, make_maker,
                                                                          make_review):
    owner, buyer, invited = make_user("owner"), make_user("buyer"), make_user("invited")
    invited.email_confirmed_at = utcnow()
    db.commit()
    maker = make_maker(owner)
    kept = make_review(make_user("earlier"), maker)
    login(client, owner)
    invitation = _invite(client, invited)
    assert client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD}).status_code == 302
    fresh(db)
    slug = db.get(Maker, maker.id).slug
    anonymous = app.test_client().get(f"/makers/{slug}").get_data(as_text=True)
    assert kept.title in anonymous and LEFT in anonymous and "Write a review" not in anonymous
    login(client, buyer)
    assert LEFT in client.get(f"/makers/{slug}").get_data(as_text=True)
    for response in (client.get(f"/makers/{slug}/review"), client.post(f"/makers/{slug}/review", data=_review_form())):
        assert response.status_code == 403 and LEFT in response.get_data(as_text=True)
    # Logged out, the buyer is told at once, not asked to log in (or to register with the order's address) first.
    visitor = app.test_client()
    for response in (visitor.get(invitation), visitor.post(invitation, data=_review_form())):
        assert response.status_code == 403 and LEFT in response.get_data(as_text=True)
    login(client, invited)
    for response in (client.get(invitation), client.post(invitation, data=_review_form())):
        assert response.status_code == 403 and LEFT in response.get_data(as_text=True)
    fresh(db)
    assert db.scalar(select(func.count(Review.id)).where(Review.maker_id == maker.id)) == 1
    assert db.scalar(select(Order.used_at)) is None


def test_an_invitation_that_works_for_nobody_says_so_before_asking_to_log_in(app, client, db, make_user, make_maker):
    """Unknown or expired: said at once to a visitor. Open or used: the login comes first (the buyer, logged in, writes
    the review, or is shown the one written through it)."""
    owner, invited = make_user("owner"), make_user("invited")
    invited.email_confirmed_at = utcnow()
    db.commit()
    make_maker(owner)
    login(client, owner)
    live, expired = _invite(client, invited), _invite(client, make_user("late"))
    db.execute(update(Order).where(Order.token_hash == hash_token(expired.rsplit("/", 1)[1]))
               .values(expires_at=utcnow() - timedelta(days=1)))
    db.commit()
    visitor = app.test_client()
    assert visitor.get("/invite/not-a-real-token").status_code == 404
    gone = visitor.get(expired)
    assert gone.status_code == 404 and "This invitation link has expired" in gone.get_data(as_text=True)
    asked = visitor.get(live)
    assert asked.status_code == 302 and asked.headers["Location"].startswith("/login")


@pytest.mark.parametrize(("path", "data", "message"), [
    ("/account/delete", {"reviews": "keep", "password": ""}, "Enter your password to confirm the deletion."),
    ("/account/email", {"email": "new-address@example.com", "password": ""},
     "Enter your current password to change your email address."),
])
def test_a_missing_password_says_what_it_is_for(client, db, make_user, path, data, message):
    """Not the generic "This field is required.": the password confirms something that cannot be undone (or that
    moves the account), and the message says which. Nothing changes."""
    user = make_user("careful")
    login(client, user)
    response = client.post(path, data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    fresh(db)
    stored = db.get(type(user), user.id)
    assert stored.deleted_at is None and stored.email == user.email


@pytest.mark.parametrize("path", ["/dashboard", "/dashboard/replies"])
def test_a_maker_without_reviews_is_not_told_every_review_has_a_reply(client, db, make_user, make_maker, make_review,
                                                                      path):
    owner = make_user("owner")
    maker = make_maker(owner)
    login(client, owner)
    page = client.get(path).get_data(as_text=True)
    assert "No reviews of your work yet" in page and "Every review has your reply" not in page
    save_reply(db, owner, make_review(make_user(), maker, title="Answered review"), "Thank you.")
    page = client.get(path).get_data(as_text=True)
    assert "Nothing waiting. Every review has your reply." in page and "No reviews of your work yet" not in page


def test_the_audit_log_links_a_suspended_account_to_its_moderator_page(client, db, make_user, make_maker, make_review):
    author, moderator = make_user("author"), make_user("mod", moderator=True)
    make_review(author, make_maker())
    login(client, moderator)
    client.post(f"/moderation/users/{author.id}/suspend", data={"action": "suspend", "suspend-note": "spam ring", "suspend-confirm": "y"})
    log = client.get("/moderation/log").get_data(as_text=True)
    assert f'<a href="/moderation/accounts/{author.id}">account #{author.id}</a>' in log  # was a bare "user #N"
    account = client.get(f"/moderation/accounts/{author.id}").get_data(as_text=True)
    assert author.display_name in account and 'href="/moderation/log"' in account  # the way back to the log


def test_a_review_sent_from_two_tabs_at_the_same_instant_comes_back_as_the_edit_form(client, db, monkeypatch,
                                                                                     make_user, make_maker):
    """Both tabs pass the view's look for an earlier review; the other tab's lands first. This tab used to get its
    form back, 400, rather than the edit form with its text that a tab sent a moment later gets."""
    from craftreview.services import reviews as review_service
    from tests.web import other_tab
    maker, author = make_maker(make_user("owner")), make_user("author")
    login(client, author)
    other_tab.lands_first(monkeypatch, review_service, "submit_review")
    form = {"craftsmanship": "4", "consistency": "4", "delivery": "5", "title": other_tab.TYPED_TITLE,
            "body": "Every word of this was typed in the second tab."}
    response = client.post(f"/makers/{maker.slug}/review", data=form)
    other_tab.check_edit_form_with_typed_text(db, response, "You have already reviewed this maker (in another tab, say)")


def test_reporting_one_s_own_review_is_refused_with_the_reason(client, make_user, make_maker, make_review):
    author = make_user("author")
    review = make_review(author, make_maker())
    login(client, author)
    response = client.get(f"/reviews/{review.id}/flag")
    assert response.status_code == 403
    assert "This is your own review, so you cannot report it" in html.unescape(response.get_data(as_text=True))


def test_the_author_s_own_review_page_says_where_to_withdraw_it(client, db, make_user, make_maker, make_review):
    """Withdrawing was reached only from "My reviews": the review's own page offered "Edit" alone."""
    author = make_user("author")
    review = make_review(author, make_maker())
    login(client, author)
    link = f'<a href="/reviews/{review.id}/edit">'
    assert f"{link}Edit or withdraw</a>" in client.get(f"/reviews/{review.id}").get_data(as_text=True)
    client.post(f"/reviews/{review.id}/withdraw")
    assert f"{link}Edit or republish</a>" in client.get(f"/reviews/{review.id}").get_data(as_text=True)
