"""A maker's former profile addresses keep working: permanent redirects, reserved for that maker, forgotten on erasure."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from craftreview.models import Maker, MakerFormerSlug, Notification, OutgoingMail, Review
from craftreview.services.maker_addresses import MAX_FORMER
from tests.conftest import PASSWORD, fresh, login
from tests.web.test_invitation_binding import confirmed

MOVED = (301, 308)


def _move(client, db, maker: Maker, new_slug: str):
    """The owner changes the profile's address through the edit form; the response."""
    fresh(db)
    current = db.get(Maker, maker.id)
    path, form = f"/makers/{current.slug}/edit", {"name": current.name, "slug": new_slug, "craft": current.craft}
    login(client, current.owner)
    db.rollback()  # end the read snapshot: the test's own later writes must not start from it
    return client.post(path, data=form)


def test_a_former_address_redirects_permanently_keeping_the_query(client, db, make_maker):
    maker = make_maker()
    old = maker.slug
    assert _move(client, db, maker, "hollow-oak").headers["Location"] == "/makers/hollow-oak"
    client.post("/logout")
    response = client.get(f"/makers/{old}?sort=newest&stars=5")
    assert response.status_code in MOVED
    assert response.headers["Location"] == "/makers/hollow-oak?sort=newest&stars=5"
    assert "Hollow Oak Woodworks" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_a_former_address_of_a_sub_page_redirects_to_the_same_sub_page(client, db, make_maker, make_user):
    maker = make_maker()
    old = maker.slug
    _move(client, db, maker, "hollow-oak")
    response = client.get(f"/makers/{old}/score?page=2")
    assert response.status_code in MOVED and response.headers["Location"] == "/makers/hollow-oak/score?page=2"
    login(client, make_user("buyer"))
    response = client.get(f"/makers/{old}/review")
    assert response.status_code in MOVED and response.headers["Location"] == "/makers/hollow-oak/review"


def test_every_former_address_leads_straight_to_the_current_one(client, db, make_maker):
    maker = make_maker()
    first = maker.slug
    _move(client, db, maker, "second-address")
    _move(client, db, maker, "third-address")
    for old in (first, "second-address"):
        response = client.get(f"/makers/{old}")
        assert response.status_code in MOVED and response.headers["Location"] == "/makers/third-address"


def test_a_notification_link_sent_before_the_move_still_reaches_the_maker(client, db, make_user, make_maker):
    owner, buyer = make_user("owner"), confirmed(db, make_user("buyer"))  # invitation notices go to a confirmed buyer
    maker = make_maker(owner)
    login(client, owner)
    client.post("/dashboard", data={
        "buyer_email": buyer.email, "item": "Walnut bowl", "order_type": "stock", "price_band": "25-100",
        "ordered_on": str(date.today() - timedelta(days=10))})
    link = db.scalar(select(Notification.link).where(Notification.user_id == buyer.id))
    assert link == f"/makers/{maker.slug}"
    _move(client, db, maker, "hollow-oak")
    login(client, buyer)
    page = client.get(link, follow_redirects=True)
    assert page.request.path == "/makers/hollow-oak" and "Hollow Oak Woodworks" in page.get_data(as_text=True)


def test_another_maker_cannot_take_a_former_address(client, db, make_maker):
    maker, other = make_maker(), make_maker(name="Copy Cat")
    old = maker.slug
    _move(client, db, maker, "hollow-oak")
    response = _move(client, db, other, old)
    assert response.status_code == 400
    assert "used to belong to another maker" in response.get_data(as_text=True)
    fresh(db)
    assert db.get(Maker, other.id).slug != old  # nothing half-written: no address moved, none reserved
    assert db.scalars(select(MakerFormerSlug.slug)).all() == [old]
    response = client.get(f"/makers/{old}")
    assert response.status_code in MOVED and response.headers["Location"] == "/makers/hollow-oak"


def test_a_new_profile_cannot_take_a_former_address(client, db, make_maker, make_user):
    maker = make_maker()
    old = maker.slug
    _move(client, db, maker, "hollow-oak")
    login(client, make_user("newcomer"))
    response = client.post("/makers/new", data={"name": "Newcomer", "slug": old, "craft": "wood"})
    assert response.status_code == 400 and "used to belong to another maker" in response.get_data(as_text=True)
    fresh(db)
    assert db.scalar(select(func.count(Maker.id))) == 1


def test_a_maker_can_take_its_own_former_address_back(client, db, make_maker):
    maker = make_maker()
    old = maker.slug
    _move(client, db, maker, "hollow-oak")
    assert _move(client, db, maker, old).headers["Location"] == f"/makers/{old}"
    assert client.get(f"/makers/{old}").status_code == 200
    response = client.get("/makers/hollow-oak")
    assert response.status_code in MOVED and response.headers["Location"] == f"/makers/{old}"


def test_compare_with_a_former_address_redirects_to_the_current_list(client, db, make_maker):
    maker, other = make_maker(), make_maker(name="Birch Forge")
    old = maker.slug
    _move(client, db, maker, "hollow-oak")
    response = client.get(f"/compare?makers={old},{other.slug}")
    assert response.status_code in MOVED
    assert response.headers["Location"] == f"/compare?makers=hollow-oak,{other.slug}"
    response = client.post("/compare/add", data={"maker": old})
    assert response.status_code == 303 and response.headers["Location"] == "/compare?makers=hollow-oak"
    client.set_cookie("compare", f"{old},{other.slug}")  # remembered before the move: saved at the current address
    response = client.get("/compare")
    assert response.status_code == 302 and response.headers["Location"] == f"/compare?makers=hollow-oak,{other.slug}"
    assert "came from a link" not in client.get(response.headers["Location"]).get_data(as_text=True)


def test_unknown_addresses_are_not_redirected(client, db, make_maker, make_user):
    maker = make_maker()
    _move(client, db, maker, "hollow-oak")
    assert client.get("/makers/never-existed").status_code == 404
    login(client, make_user("buyer"))
    assert client.post("/makers/never-existed/review", data={}).status_code == 404


def test_a_review_form_opened_before_the_move_is_sent_on_to_the_current_address(client, db, make_maker, make_user):
    """A POST keeps its body through a 308: the review typed under the old address is not lost to a 404."""
    maker = make_maker()
    old = maker.slug
    _move(client, db, maker, "hollow-oak")
    buyer = make_user("buyer")
    login(client, buyer)
    form = {"craftsmanship": "4", "consistency": "4", "delivery": "3", "title": "Sturdy and even",
            "body": "The joints are tight and the finish even all over.",
            "delivered_on": str(date.today() - timedelta(days=3))}
    response = client.post(f"/makers/{old}/review", data=form)
    assert response.status_code == 308 and response.headers["Location"] == "/makers/hollow-oak/review"
    # What the browser does with a 308 (Werkzeug's test client cannot send a form body twice).
    page = client.post(response.headers["Location"], data=form, follow_redirects=True)
    assert page.status_code == 200 and "Sturdy and even" in page.get_data(as_text=True)
    fresh(db)
    assert db.scalars(select(Review.maker_id).where(Review.author_id == buyer.id)).all() == [maker.id]


def test_the_addresses_of_a_deleted_account_are_forgotten(client, db, make_user, make_maker, make_review):
    """Erasure: the old addresses must not lead to the anonymised profile (they would name it again)."""
    maker = make_maker()
    make_review(make_user("buyer"), maker)  # the profile stays only for its reviews
    first = maker.slug
    _move(client, db, maker, "hollow-oak")
    assert client.get("/account/export").get_json()["maker_profile"]["former_addresses"] == [first]
    assert client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD}).status_code == 302
    for old in (first, "hollow-oak"):
        assert client.get(f"/makers/{old}").status_code == 404
    assert db.scalar(select(func.count()).select_from(MakerFormerSlug)) == 0
    assert client.get(f"/makers/former-maker-{maker.id}").status_code == 200


def test_leaving_a_legacy_former_maker_address_frees_it_for_the_deleted_profile(client, db, make_user, make_maker,
                                                                                 make_review):
    """Addresses of the form former-maker-<id> belong to deleted profiles: a legacy holder leaving one does not keep it."""
    victim = make_user("victim")
    maker = make_maker(victim)
    make_review(make_user("buyer"), maker)  # the profile stays only for its reviews
    legacy = make_maker(make_user("legacy"), name="Legacy Studio")
    db.execute(update(Maker).where(Maker.id == legacy.id).values(slug=f"former-maker-{maker.id}"))
    db.commit()
    _move(client, db, legacy, "legacy-studio")
    assert client.get(f"/makers/former-maker-{maker.id}").status_code == 404
    login(client, victim)
    assert client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD}).status_code == 302
    fresh(db)
    assert db.get(Maker, maker.id).slug == f"former-maker-{maker.id}"


def _notify_buyer(client, db, maker: Maker, buyer) -> int:
    """The owner records the buyer's order (an invitation notice linking to the profile) and replies to the
    buyer's review (a reply notice); the review's id."""
    fresh(db)
    owner = db.get(Maker, maker.id).owner
    review = db.scalar(select(Review).where(Review.maker_id == maker.id, Review.author_id == buyer.id))
    login(client, owner)
    client.post("/dashboard", data={
        "buyer_email": buyer.email, "item": "Walnut bowl", "order_type": "stock", "price_band": "25-100",
        "ordered_on": str(date.today() - timedelta(days=10))})
    client.post(f"/reviews/{review.id}/reply", data={"body": "Thank you, from all of us at Hollow Oak."})
    return review.id


@pytest.mark.parametrize("reviews", ["keep", "remove"])
def test_a_deleted_makers_notices_to_others_go_with_its_addresses(client, db, make_maker, make_user, make_review,
                                                                   reviews):
    """Notices naming a deleted maker go: their links would lead whoever takes its freed address next."""
    maker, buyer = make_maker(), confirmed(db, make_user("buyer"))
    first = maker.slug
    make_review(buyer, maker)
    review_id = _notify_buyer(client, db, maker, buyer)
    fresh(db)
    assert {n.kind for n in db.scalars(select(Notification).where(Notification.user_id == buyer.id))} == {
        "invitation", "reply"}
    _move(client, db, maker, "hollow-oak")
    assert client.post("/account/delete", data={"reviews": reviews, "password": PASSWORD}).status_code == 302
    impostor = make_maker(name="Hollow Oak Impostors")
    _move(client, db, impostor, first)  # the address went free with the deletion
    login(client, buyer)
    page = client.get("/notifications").get_data(as_text=True)
    assert "Hollow Oak Woodworks" not in page and f'href="/makers/{first}"' not in page
    assert "from all of us at Hollow Oak" not in page
    fresh(db)
    assert db.scalars(select(Notification.link).where(Notification.user_id == buyer.id)).all() == []
    assert client.get(f"/reviews/{review_id}").status_code == 200  # the buyer's review stays


def test_an_address_typed_in_capitals_leads_to_the_maker(client, db, make_maker):
    """Addresses are lower-case: a capitalised copy (from print, a shared message) is no dead link."""
    maker = make_maker()
    old = maker.slug
    _move(client, db, maker, "hollow-oak")
    client.post("/logout")
    for path, target in (("/makers/Hollow-Oak", "/makers/hollow-oak"), (f"/makers/{old.upper()}", "/makers/hollow-oak"),
                         ("/makers/HOLLOW-OAK/score?page=2", "/makers/hollow-oak/score?page=2")):
        response = client.get(path)
        assert response.status_code in MOVED and response.headers["Location"] == target
    assert client.get("/makers/Never-Existed").status_code == 404


def test_adding_a_maker_already_listed_under_its_former_address_says_so(client, db, make_maker):
    """The compare cookie may hold an address the maker has since left: the maker is on the list, not missing from it."""
    maker, others = make_maker(), [make_maker(name=f"Other {n}") for n in range(3)]
    old = maker.slug
    _move(client, db, maker, "hollow-oak")
    client.post("/logout")
    client.set_cookie("compare", old)
    page = client.post("/compare/add", data={"maker": "hollow-oak"}, follow_redirects=True).get_data(as_text=True)
    assert "Hollow Oak Woodworks is already on your compare list (1 of 4)." in page
    client.set_cookie("compare", ",".join([old, *(o.slug for o in others)]))  # full, with the maker on it
    page = client.post("/compare/add", data={"maker": "hollow-oak"}, follow_redirects=True).get_data(as_text=True)
    assert "Hollow Oak Woodworks is already on your compare list (4 of 4)." in page and "list is full" not in page
    response = client.get(f"/compare?makers={old},hollow-oak")
    assert response.status_code in MOVED and response.headers["Location"] == "/compare?makers=hollow-oak"


def test_a_deleted_makers_unsent_invitations_are_not_sent(client, db, make_maker, make_user):
    """Mail still queued when the maker leaves would invite a review the profile no longer takes, and link to its
    freed address; another maker's invitation to the same buyer still goes."""
    maker, other, buyer = make_maker(), make_maker(name="Birch Forge"), confirmed(db, make_user("buyer"))
    for shop in (maker, other):
        fresh(db)
        login(client, db.get(Maker, shop.id).owner)
        client.post("/dashboard", data={
            "buyer_email": buyer.email, "item": "Walnut bowl", "order_type": "stock", "price_band": "25-100",
            "ordered_on": str(date.today() - timedelta(days=10))})
    fresh(db)
    queued = select(OutgoingMail.subject).where(OutgoingMail.to_email == buyer.email, OutgoingMail.sent_at.is_(None))
    assert sum("Hollow Oak" in s for s in db.scalars(queued)) == 1  # the invitation (its notice is on the site only)
    login(client, db.get(Maker, maker.id).owner)
    assert client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD}).status_code == 302
    fresh(db)
    left = db.scalars(queued).all()
    assert not any("Hollow Oak" in s for s in left) and sum("Birch Forge" in s for s in left) == 1


@pytest.mark.parametrize(("path", "query", "expected"), [
    ("/makers/{slug}/", "", "/makers/{slug}"),
    ("/makers/{slug}/score/", "page=2", "/makers/{slug}/score?page=2"),
    ("/makers/{slug}///", "", "/makers/{slug}"),
    ("/no-such-page/", "", None),
    ("//example.com/", "", None),
    ("/makers/{slug}/edit/", "", "/makers/{slug}/edit"),
])
def test_an_address_with_a_trailing_slash_leads_to_the_page_without_it(client, make_maker, path, query, expected):
    """Links pasted from elsewhere often end in a slash: where the page without it exists, a permanent redirect;
    elsewhere the usual 404, and never a redirect off the site. (The path is set as a server would pass it: the
    test client reads a leading '//' as a host.)"""
    slug = make_maker().slug
    response = client.get("/", environ_overrides={"PATH_INFO": path.format(slug=slug), "QUERY_STRING": query})
    if expected is None:
        assert response.status_code == 404 and "Location" not in response.headers
    else:
        assert response.status_code == 301 and response.headers["Location"] == expected.format(slug=slug)


def test_a_form_sent_to_an_address_with_a_trailing_slash_is_sent_on_with_its_body(client, db, make_maker):
    maker = make_maker()
    login(client, maker.owner)
    response = client.post(f"/makers/{maker.slug}/edit/", data={"name": maker.name})
    assert response.status_code == 308 and response.headers["Location"] == f"/makers/{maker.slug}/edit"


def test_a_deleted_makers_unsent_reply_mail_is_not_sent(client, db, make_maker, make_user, make_review):
    """Its reply notices go from the buyers' inboxes (they name the maker); the mail of them not yet sent goes too.
    Another maker's reply mail to the same buyer still goes."""
    maker, other, buyer = make_maker(), make_maker(name="Birch Forge"), make_user("buyer")
    for shop in (maker, other):
        review = make_review(buyer, shop)
        fresh(db)
        login(client, db.get(Maker, shop.id).owner)
        assert client.post(f"/reviews/{review.id}/reply", data={"body": "Thank you, truly."}).status_code == 302
    fresh(db)
    queued = select(OutgoingMail.subject).where(OutgoingMail.to_email == buyer.email, OutgoingMail.sent_at.is_(None))
    assert sum("replied to your review" in s for s in db.scalars(queued)) == 2
    login(client, db.get(Maker, maker.id).owner)
    assert client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD}).status_code == 302
    fresh(db)
    left = [s for s in db.scalars(queued) if "replied to your review" in s]
    assert left and all(s.startswith("Birch Forge") for s in left)


def test_a_maker_keeps_only_its_latest_former_addresses(client, db, make_maker):
    """Renaming again and again cannot hoard addresses: the MAX_FORMER most recent keep redirecting, older ones go
    free for other makers (and answer 404 meanwhile)."""
    maker, other = make_maker(), make_maker(name="Birch Forge")
    first = maker.slug
    names = [f"hollow-oak-{i}" for i in range(MAX_FORMER + 2)]
    for name in names:
        assert _move(client, db, maker, name).status_code == 302
    client.post("/logout")
    formers = [first, *names[:-1]]  # every address the maker has left, oldest first
    for gone in formers[:-MAX_FORMER]:
        assert client.get(f"/makers/{gone}").status_code == 404
    for kept in formers[-MAX_FORMER:]:
        response = client.get(f"/makers/{kept}")
        assert response.status_code in MOVED and response.headers["Location"] == f"/makers/{names[-1]}"
    assert _move(client, db, other, formers[0]).headers["Location"] == f"/makers/{formers[0]}"
