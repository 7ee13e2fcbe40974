"""'Your data' export and account deletion (remove or keep reviews; personal data erased; scores recomputed)."""
from __future__ import annotations

import html
import json
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from craftreview import migrate, search
from craftreview.db import make_engine
from craftreview.errors import Conflict
from craftreview.models import (
    AuditEntry,
    LoginSession,
    Maker,
    MakerScoreRow,
    Order,
    OutgoingMail,
    Review,
    RingSignal,
    RingSignalReview,
    User,
    as_utc,
    utcnow,
)
from craftreview.services import account_data, engagement, orders, replies
from craftreview.services.mail import OutboxMailBackend
from craftreview.services.moderation import hide_review
from craftreview.services.reviews import edit_review
from craftreview.web.audit_words import audit_action
from tests.conftest import PASSWORD, fresh, login, review_input
from tests.web.test_access_matrix import snapshot

NAME, EMAIL = "Zebedee Quillfeather", "zebedee.quillfeather@example.com"


@pytest.fixture
def member(db, make_user, make_maker, make_review):
    """A member who wrote, edited, replied, voted, flagged, recorded and received orders, and was notified."""
    user = make_user("member")
    user.display_name, user.email = NAME, EMAIL
    user.email_confirmed_at = utcnow()  # the orders recorded for its address are its own
    db.commit()
    own_maker = make_maker(user, name="Quill Ceramics")
    other_maker = make_maker(name="Hollow Oak")
    review = make_review(user, other_maker, title="First impressions")
    edit_review(db, user, review, review_input(title="Second thoughts"))
    theirs = make_review(make_user("critic"), own_maker, title="Critic's review")
    replies.save_reply(db, user, theirs, "Thank you for the kind words.")
    replies.save_reply(db, user, theirs, "Thank you for the kind words, edited.")
    bystander_review = make_review(make_user("bystander"), other_maker, title="Someone else's view")
    engagement.toggle_helpful(db, user, bystander_review)
    engagement.flag_review(db, user, bystander_review, "spam", "Zebedee thinks this is spam")
    _record(db, other_maker.owner, other_maker, EMAIL, "Blue teapot")
    _record(db, user, own_maker, "customer@example.com", "Sold mug")
    return {"user": user, "own_maker": own_maker, "other_maker": other_maker, "review": review, "theirs": theirs}


def _record(db, owner, maker, email, item):
    data = orders.OrderInput(buyer_email=email, item=item, order_type="stock", price_band="25-100",
                             ordered_on=date.today() - timedelta(days=40))
    return orders.record_order(db, owner, maker, data, OutboxMailBackend(), invite_url=lambda t: f"http://x/{t}")


def test_export_contains_every_kind_of_data(client, db, member):
    login(client, member["user"])
    response = client.get("/account/export")
    assert response.mimetype == "application/json" and "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == EMAIL and data["account"]["display_name"] == NAME
    [review] = data["reviews"]
    assert review["title"] == "Second thoughts" and review["revisions"][0]["title"] == "First impressions"
    [reply] = data["replies"]
    assert reply["body"].endswith("edited.") and reply["revisions"][0]["body"] == "Thank you for the kind words."
    assert len(data["helpful_votes"]) == 1 and data["flags"][0]["note"] == "Zebedee thinks this is spam"
    roles = {(o["role"], o["item"], o["invitation_status"]) for o in data["orders_and_invitations"]}
    assert roles == {("buyer", "Blue teapot", "open"), ("maker", "Sold mug", "open")}
    assert {n["kind"] for n in data["notifications"]} >= {"review_new", "invitation"}
    assert data["maker_profile"]["name"] == "Quill Ceramics"
    assert "password_hash" not in response.get_data(as_text=True) and "token_hash" not in response.get_data(as_text=True)


def _delete(client, user, reviews: str, password: str = PASSWORD):
    login(client, user)
    return client.post("/account/delete", data={"reviews": reviews, "password": password})


def _everything(engine) -> str:
    return json.dumps(snapshot(engine), default=str).lower()


@pytest.mark.parametrize("choice", ["remove", "keep"])
def test_deleting_leaves_no_personal_data_anywhere(app, client, db, member, choice):
    assert _delete(client, member["user"], choice).status_code == 302
    everything = _everything(app.extensions["craftreview.engine"])
    for secret in (EMAIL, NAME, "zebedee"):
        assert secret.lower() not in everything
    fresh(db)
    user = db.get(User, member["user"].id)
    assert user.deleted_at is not None and user.display_name == "Former member"
    assert not user.password_hash.startswith("scrypt:")


def test_deleted_account_cannot_log_in_and_its_sessions_end(app, client, db, member):
    other_device = app.test_client()
    login(other_device, member["user"])
    _delete(client, member["user"], "keep")
    assert other_device.get("/account").headers["Location"].startswith("/login")
    response = app.test_client().post("/login", data={"email": EMAIL, "password": PASSWORD})
    assert response.status_code == 400 and "incorrect" in response.get_data(as_text=True)


@pytest.mark.parametrize("choice", ["remove", "keep"])
def test_deleting_leaves_no_login_of_the_account_behind(app, client, db, member, make_user, choice):
    """Each browser's login is a row (its key's hash, when it began): the deleted account's go with it, and
    another account's stay."""
    login(app.test_client(), member["user"])
    bystander = make_user("bystander-login")
    login(app.test_client(), bystander)
    _delete(client, member["user"], choice)
    fresh(db)
    logins = dict(db.execute(select(LoginSession.user_id, func.count()).group_by(LoginSession.user_id)).all())
    assert member["user"].id not in logins and logins.get(bystander.id) == 1


def test_kept_reviews_show_as_former_member_and_scores_are_recomputed(client, db, member):
    maker = member["other_maker"]
    before = as_utc(db.get(MakerScoreRow, maker.id).computed_at)
    _delete(client, member["user"], "keep")
    fresh(db)
    page = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    assert "Second thoughts" in page and "Former member" in page
    assert as_utc(db.get(MakerScoreRow, maker.id).computed_at) > before


def test_removed_reviews_disappear_and_the_makers_score_counts_without_them(app, client, db, member):
    maker, removed_id, theirs_id = member["other_maker"], member["review"].id, member["theirs"].id
    assert db.get(MakerScoreRow, maker.id).review_count == 2
    search.drain(app)
    assert f"/reviews/{removed_id}" in client.get("/search?q=thoughts&tab=reviews").get_data(as_text=True)
    _delete(client, member["user"], "remove")
    fresh(db)
    assert db.get(Review, removed_id) is None
    assert db.get(MakerScoreRow, maker.id).review_count == 1
    assert "Second thoughts" not in client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    assert f"/reviews/{removed_id}" not in client.get("/search?q=thoughts&tab=reviews").get_data(as_text=True)
    assert search.check(app).ok  # the index dropped the removed review's document
    # Reviews of the member's own maker profile are other people's: they stay, the reply goes.
    theirs = db.get(Review, theirs_id)
    assert theirs is not None and theirs.reply is None


def test_removing_reviews_a_ring_signal_names_deletes_the_account(client, db, member, make_user):
    """A ring signal's link to a removed review goes with it: it made the deletion fail (a 500, nothing erased)."""
    review_id, maker = member["review"].id, member["other_maker"]
    signal = RingSignal(kind="burst", maker_id=maker.id, strength=3.0, summary="Four reviews in a day",
                        evidence_json="[]", user_ids_json=json.dumps([member["user"].id]), detected_at=utcnow())
    db.add(signal)
    db.flush()
    db.add(RingSignalReview(signal_id=signal.id, review_id=review_id))
    db.commit()
    assert _delete(client, member["user"], "remove").status_code == 302
    fresh(db)
    assert db.get(Review, review_id) is None and db.get(User, member["user"].id).deleted_at is not None
    assert db.scalar(select(func.count()).select_from(RingSignalReview)) == 0
    login(client, make_user("mod", moderator=True))
    page = client.get("/moderation/signals").get_data(as_text=True)
    assert "Four reviews in a day" in page and "Second thoughts" not in page


def _maker_s_notifications(client, db, maker) -> str:
    login(client, db.get(User, maker.owner_id))
    return client.get("/notifications").get_data(as_text=True)


@pytest.mark.parametrize(("choice", "still_told"), [("remove", False), ("keep", True)])
def test_the_makers_notifications_of_a_removed_review_go_with_it(client, db, member, choice, still_told):
    """A removed review's text must not live on in the maker's notifications, linking to a page that is gone
    (or, once SQLite hands its id to a newer review, to someone else's review)."""
    maker, review_id = member["other_maker"], member["review"].id
    page = _maker_s_notifications(client, db, maker)
    assert "Second thoughts" in page and f'href="/reviews/{review_id}"' in page
    _delete(client, member["user"], choice)
    fresh(db)
    page = _maker_s_notifications(client, db, maker)
    assert ("Second thoughts" in page) is still_told and (f'href="/reviews/{review_id}"' in page) is still_told
    assert "Critic&#39;s review" not in page  # notices of other people's reviews are not the member's to take


def test_the_audit_log_records_the_deletion_without_personal_data(client, db, member):
    _delete(client, member["user"], "remove")
    fresh(db)
    entry = db.scalar(select(AuditEntry).where(AuditEntry.action == "delete_account"))
    assert entry.target_id == member["user"].id and entry.reason == "remove"
    assert EMAIL not in entry.note and entry.actor.display_name == "Former member"


def test_a_maker_profile_of_a_deleted_account_is_anonymised(client, db, member):
    _delete(client, member["user"], "keep")
    fresh(db)
    maker = db.get(type(member["own_maker"]), member["own_maker"].id)
    assert maker.name == "Former maker" and maker.bio == "" and maker.location == ""
    assert (maker.accepts_custom, maker.lead_time_days) == (False, None)  # listed as taking orders no more


def test_the_former_makers_migration_clears_the_orders_a_deleted_maker_still_offered(tmp_path):
    """Profiles deleted before deletion cleared them keep offering custom orders until 0027 runs."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate.upgrade(url, "0026")
    engine = make_engine(url)
    with Session(engine) as session, session.begin():  # 0027 changes data only
        for n, deleted in ((1, None), (2, utcnow())):
            # users in plain SQL: the model has columns added after 0026 (the maker's table is as it was then)
            session.execute(text("INSERT INTO users (id, email, email_key, display_name, password_hash, is_moderator, "
                                 "is_suspended, session_version, created_at, deleted_at) VALUES (:n, :email, :email, "
                                 ":name, 'x', false, false, 1, :now, :deleted)"),
                            {"n": n, "email": f"u{n}@example.com", "name": f"U{n}", "now": utcnow(), "deleted": deleted})
            session.add(Maker(owner_id=n, name=f"M{n}", slug=f"maker-{n}", craft="wood", accepts_custom=True,
                              lead_time_days=30))
    migrate.upgrade(url)
    with engine.connect() as conn:
        rows = dict(conn.execute(text("SELECT slug, accepts_custom FROM makers")).all())
        leads = dict(conn.execute(text("SELECT slug, lead_time_days FROM makers")).all())
    engine.dispose()
    assert (bool(rows["maker-1"]), leads["maker-1"]) == (True, 30)
    assert (bool(rows["maker-2"]), leads["maker-2"]) == (False, None)


def test_the_choice_is_stated_before_the_password_confirms(client, db, member):
    login(client, member["user"])
    page = client.get("/account/delete").get_data(as_text=True)
    assert "Remove my reviews and replies" in page and "Former member" in page
    assert page.index("Former member") < page.index('type="password"')


def _outcome(page: str, choice: str) -> str:
    """The text of what the deletion page says one choice ("remove", "keep" or "either") does."""
    found = re.search(rf'<ul id="outcome-{choice}"[^>]*>(.*?)</ul>', page, re.S)
    assert found, f"no outcome-{choice} list on the page"
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", found.group(1))))
    return re.sub(r" ([:,.;])", r"\1", text).strip()


def test_the_deletion_page_says_what_each_choice_does_to_reviews_replies_and_the_profile(client, db, member):
    login(client, member["user"])
    page = client.get("/account/delete").get_data(as_text=True)
    remove, keep, either = (_outcome(page, c) for c in ("remove", "keep", "either"))
    assert "Your reviews (1): deleted" in remove
    assert "Your replies to reviews of Quill Ceramics (1): deleted" in remove and "The reviews themselves stay" in remove
    assert "Your reviews (1): stay as they are, signed “Former member”" in keep
    assert "Your replies to reviews of Quill Ceramics (1): stay under those reviews, shown as from “Former maker”" in keep
    assert "Your maker profile Quill Ceramics: renamed “Former maker”" in either
    assert "the 1 review of it stays" in either


def test_the_deletion_page_of_a_maker_without_reviews_says_the_profile_is_deleted(client, db, make_user, make_maker):
    owner = make_user("solo")
    make_maker(owner, name="Empty Studio")
    login(client, owner)
    either = _outcome(client.get("/account/delete").get_data(as_text=True), "either")
    assert "Your maker profile Empty Studio: deleted, since it has no reviews" in either
    assert "the invitations you sent go with it" in either
    assert "Former maker" not in either and "the 0 reviews" not in either


def test_the_deletion_page_counts_a_hidden_review_as_one_that_keeps_the_profile(client, db, make_user, make_maker,
                                                                                make_review):
    owner = make_user("solo")
    maker = make_maker(owner, name="Empty Studio")
    hide_review(db, make_user("mod", moderator=True), make_review(make_user("buyer"), maker), "spam")
    login(client, owner)
    either = _outcome(client.get("/account/delete").get_data(as_text=True), "either")
    assert "Your maker profile Empty Studio: renamed “Former maker”" in either and "the 1 review of it stays" in either


def test_the_deletion_page_of_someone_who_wrote_nothing_does_not_promise_a_choice(client, db, make_user):
    """Its opening said "What you wrote: you choose below what happens to it", and below said there was nothing to
    choose."""
    login(client, make_user("lurker"))
    page = re.sub(r"\s+", " ", client.get("/account/delete").get_data(as_text=True))
    assert "nothing to keep or remove" in page and "you choose below" not in page
    assert "Either way the scores" not in page


def test_the_deletion_page_of_a_reviewer_says_they_choose_below(client, db, make_user, make_maker, make_review):
    author = make_user("author")
    make_review(author, make_maker(make_user("owner"), name="Some Studio"))
    login(client, author)
    page = re.sub(r"\s+", " ", client.get("/account/delete").get_data(as_text=True))
    assert "What you wrote: you choose below what happens to it. Either way the scores" in page


def test_the_deletion_page_of_someone_who_wrote_nothing_says_so_and_asks_no_choice(client, db, make_user):
    """It said "both choices do the same", then refused the form with "Choose one" until one was picked."""
    lurker = make_user("lurker")
    login(client, lurker)
    page = client.get("/account/delete").get_data(as_text=True)
    assert "You have written no reviews or replies, so there is nothing to keep or remove." in page
    assert "Your reviews (" not in page and "maker profile" not in _outcome(page, "either")
    assert 'type="radio"' not in page and "Whichever you choose" not in page
    done = client.post("/account/delete", data={**dict(re.findall(
        r'<input[^>]*type="hidden" name="(reviews)" value="([^"]*)"', page)), "password": PASSWORD})
    assert done.status_code == 302
    fresh(db)
    assert db.get(User, lurker.id).deleted_at is not None
    # The log said "Deleted their account and removed their reviews" of an account that had written none.
    entry = db.scalar(select(AuditEntry).where(AuditEntry.action == "delete_account"))
    assert entry.reason == "" and audit_action(entry.action, entry.reason) == "Deleted their account"


@pytest.mark.parametrize(("choice", "stays"), [("remove", False), ("keep", True)])
def test_the_makers_replies_go_or_stay_as_the_page_said(client, db, member, choice, stays):
    """Removed, the maker's reply is gone from the review; kept, it stays under the review as the former maker's.
    Either way the buyer's notice of it goes: it names the maker the deletion anonymised (notifications.forget_maker)."""
    theirs = member["theirs"]
    critic = theirs.author
    _delete(client, member["user"], choice)
    fresh(db)
    page = client.get(f"/reviews/{theirs.id}").get_data(as_text=True)
    assert ("Thank you for the kind words, edited." in page) is stays
    assert ("Reply from <bdi>Former maker</bdi>" in page) is stays
    login(client, db.get(User, critic.id))
    inbox = client.get("/notifications").get_data(as_text=True)
    assert "Thank you for the kind words" not in inbox


def _farewell(client, user, choice: str) -> str:
    """The message shown after deleting the account."""
    login(client, user)
    page = client.post("/account/delete", data={"reviews": choice, "password": PASSWORD}, follow_redirects=True)
    return html.unescape(re.search(r'class="flash[^"]*"[^>]*>(.*?)</p>', page.get_data(as_text=True)).group(1))


@pytest.mark.parametrize(("choice", "message"), [
    ("keep", "Your account is deleted. Your 1 review and 1 reply stay, without your name: thank you for writing them."),
    ("remove", "Your account is deleted. We removed your 1 review and 1 reply."),
])
def test_the_farewell_says_what_became_of_what_the_member_wrote(client, member, choice, message):
    assert _farewell(client, member["user"], choice) == message


@pytest.mark.parametrize("choice", ["keep", "remove"])
def test_the_farewell_thanks_nobody_for_reviews_they_did_not_write(client, make_user, choice):
    assert _farewell(client, make_user("lurker"), choice) == "Your account is deleted."


@pytest.mark.parametrize(("choice", "reviews", "message"), [
    ("remove", 2, "We removed your 2 reviews."),
    ("keep", 2, "Your 2 reviews stay, without your name: thank you for writing them."),
    ("keep", 1, "Your 1 review stays, without your name: thank you for writing it."),
])
def test_the_farewell_counts_reviews_in_the_singular_and_plural(client, make_user, make_maker, make_review, choice,
                                                                reviews, message):
    writer = make_user("writer")
    for name in ("Alder Turning", "Birch Baskets")[:reviews]:
        make_review(writer, make_maker(name=name))
    assert _farewell(client, writer, choice) == f"Your account is deleted. {message}"


@pytest.mark.parametrize(("reviews", "password", "message"), [
    ("keep", "not the password at all", "password is incorrect"),
    ("", PASSWORD, "Choose whether to keep or remove your reviews and replies."),
    ("shred", PASSWORD, "Choose whether to keep or remove your reviews and replies."),
])
def test_a_refused_deletion_changes_nothing(app, client, db, member, reviews, password, message):
    engine = app.extensions["craftreview.engine"]
    login(client, member["user"])  # the login's own row is written before the snapshot
    before = snapshot(engine)
    response = client.post("/account/delete", data={"reviews": reviews, "password": password})
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert snapshot(engine) == before


def test_a_second_deletion_racing_the_first_changes_nothing(app, db, member):
    """A double click or a second tab: that request read the account before the first one deleted it."""
    other = app.extensions["craftreview.sessions"]()
    stale = other.get(User, member["user"].id)
    account_data.delete_account(db, member["user"], password=PASSWORD, reviews="keep")
    engine = app.extensions["craftreview.engine"]
    before = snapshot(engine)
    with pytest.raises(Conflict, match="already deleted"):
        account_data.delete_account(other, stale, password=PASSWORD, reviews="remove")
    other.close()
    assert snapshot(engine) == before


# Other spellings of strasse@example.com under `emails.email_key`: ß for ss, and full-width letters.
LOOK_ALIKES = ["Straße@Example.com", "\uff53\uff54\uff52\uff41\uff53\uff53\uff45@example.com"]


def _look_alike_buyer(db, make_user, make_maker, address: str) -> User:
    """An account at strasse@example.com and an order a maker recorded for `address` (which it can redeem)."""
    buyer = make_user("buyer")
    buyer.email, buyer.email_confirmed_at = "strasse@example.com", utcnow()
    db.commit()
    maker = make_maker(name="Linden Looms")
    _record(db, maker.owner, maker, address, "Linen apron")
    return buyer


def _export(client, user) -> dict:
    login(client, user)
    return json.loads(client.get("/account/export").get_data(as_text=True))


@pytest.mark.parametrize("address", LOOK_ALIKES)
def test_export_includes_orders_recorded_for_another_spelling_of_the_address(client, db, make_user, make_maker,
                                                                             address):
    buyer = _look_alike_buyer(db, make_user, make_maker, address)
    orders_ = _export(client, buyer)["orders_and_invitations"]
    assert [(o["role"], o["item"], o["maker_name"]) for o in orders_] == [("buyer", "Linen apron", "Linden Looms")]


def _mail_to_maker_s_buyers(db) -> list[str]:
    return list(db.scalars(select(OutgoingMail.to_email).where(OutgoingMail.subject.contains("Linden Looms"))))


@pytest.mark.parametrize("address", LOOK_ALIKES)
def test_deleting_erases_orders_and_mail_for_another_spelling_of_the_address(client, db, make_user, make_maker,
                                                                             address):
    buyer = _look_alike_buyer(db, make_user, make_maker, address)
    assert len(_mail_to_maker_s_buyers(db)) == 1  # the invitation (its notice to the account is on the site only)
    _delete(client, buyer, "keep")
    fresh(db)
    order = db.scalar(select(Order).where(Order.item == "Linen apron"))
    erased = f"erased-buyer-{buyer.id}@deleted.invalid"
    assert order.buyer_email == erased
    assert order.buyer_email_key == erased  # an erased address belongs to nobody's key either
    assert _mail_to_maker_s_buyers(db) == []


def test_an_account_left_without_the_shared_key_exports_and_erases_only_its_exact_address(client, db, make_user,
                                                                                          make_maker):
    """Migration 0021 gave the later of two accounts sharing a key "<key>#<id>": the orders under the shared key
    are the older account's, the ones for its exact stored address are still its own."""
    older, legacy = make_user("older"), make_user("legacy")
    older.email, older.email_confirmed_at = "strasse@example.com", utcnow()
    db.execute(update(User).where(User.id == legacy.id).values(email="straße@example.com", email_confirmed_at=utcnow(),
                                                                email_key=f"strasse@example.com#{legacy.id}"))
    db.commit()
    maker = make_maker(name="Linden Looms")
    for address, item in (("straße@example.com", "Legacy's scarf"), ("STRASSE@example.com", "Older's shawl")):
        _record(db, maker.owner, maker, address, item)
    fresh(db)
    assert [o["item"] for o in _export(client, legacy)["orders_and_invitations"]] == ["Legacy's scarf"]
    assert [o["item"] for o in _export(client, older)["orders_and_invitations"]] == ["Legacy's scarf", "Older's shawl"]
    _delete(client, legacy, "keep")
    fresh(db)
    assert sorted(db.scalars(select(Order.buyer_email))) == [f"erased-buyer-{legacy.id}@deleted.invalid",
                                                              "strasse@example.com"]
    assert db.scalar(select(func.count(OutgoingMail.id)).where(OutgoingMail.to_email == "straße@example.com")) == 0


def test_an_account_that_never_confirmed_its_address_neither_reads_nor_erases_the_orders_recorded_for_it(
        app, client, db, make_user, make_maker):
    """Anyone can open an account under someone else's address: until it is confirmed, the orders a maker recorded for
    that address (item, maker, invitation) are the mailbox owner's, not the account's. Deleting such an account erased
    them, and with them the buyer's open invitations."""
    maker = make_maker()
    data = orders.OrderInput(buyer_email="victim@example.com", item="Custom engagement ring", order_type="custom",
                             price_band="300-1000", ordered_on=date.today() - timedelta(days=40))
    orders.record_order(db, maker.owner, maker, data, OutboxMailBackend(),
                        invite_url=lambda t: f"http://localhost/invite/{t}")
    squatter = make_user("squatter")
    squatter.email = "Victim@Example.com"
    db.commit()
    login(client, squatter)
    assert "Custom engagement ring" not in client.get("/account/export").get_data(as_text=True)
    assert _delete(client, squatter, "remove").status_code == 302
    fresh(db)
    [order] = db.scalars(select(Order)).all()
    assert order.buyer_email == "victim@example.com" and order.used_at is None
    invitation = db.scalar(select(OutgoingMail).where(OutgoingMail.body.contains("/invite/")))
    assert invitation is not None and invitation.to_email == "victim@example.com"
