"""A submission with several independent problems shows every one of them, each beside its field, in one round,
keeps what was typed, and writes nothing: the form's own checks and the write service's rules both speak at once."""
from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from craftreview.errors import InvalidFields
from craftreview.models import Maker, Order, Review, User
from craftreview.services import makers as maker_service
from tests.conftest import PASSWORD, fresh, login

TODAY = date.today()
WEBSITE = "The website must start with http:// or https://."
SLUG = "Use 3–80 lowercase letters, digits and single hyphens."


def _page(response) -> str:
    assert response.status_code == 400, response.status_code
    return html.unescape(response.get_data(as_text=True))


def _errors_beside(page: str, field: str) -> str:
    """The page from the field's control to the next control: where its error message is drawn."""
    start = page.index(f'id="{field}"')
    following = [page.find(f'name="{n}"', start + 1) for n in ("name", "slug", "craft", "location", "bio", "website",
                                                                "accepts_custom", "lead_time_days", "submit")]
    return page[start:min((p for p in following if p > start + 40), default=len(page))]


@pytest.mark.parametrize("lead", ["abc", "9999"])
def test_a_maker_profile_with_a_bad_lead_time_address_and_website_shows_all_three_and_changes_nothing(
        client, db, make_user, make_maker, lead):
    owner = make_user("owner")
    maker = make_maker(owner)
    login(client, owner)
    page = _page(client.post(f"/makers/{maker.slug}/edit", data={
        "name": "Renamed Studio", "slug": "My Shop!", "craft": "wood", "website": "www.example.com",
        "lead_time_days": lead}))
    lead_message = ("Lead time must be a whole number of days, e.g. 14." if lead == "abc"
                    else "Lead time is between 0 and 730 days.")
    for message in (lead_message, SLUG, WEBSITE):
        assert page.count(message) == 1, message
    assert SLUG in _errors_beside(page, "slug") and WEBSITE in _errors_beside(page, "website")
    assert lead_message in _errors_beside(page, "lead_time_days")
    for typed in ('value="Renamed Studio"', 'value="My Shop!"', 'value="www.example.com"', f'value="{lead}"'):
        assert typed in page, typed  # what was typed is kept
    fresh(db)
    stored = db.get(Maker, maker.id)
    assert (stored.name, stored.slug, stored.website, stored.lead_time_days) == (
        "Hollow Oak Woodworks", maker.slug, "", None)


def test_a_new_profile_refused_by_the_service_on_three_fields_names_them_all_and_creates_nothing(client, db,
                                                                                                  make_user):
    login(client, make_user("owner"))
    page = _page(client.post("/makers/new", data={"name": "Former maker", "slug": "former-maker-12", "craft": "wood",
                                                  "website": "ftp://example.com", "lead_time_days": "14"}))
    for message in ("“Former maker” is what the site shows for deleted profiles: choose another name.",
                    "Addresses like former-maker-12 are kept for deleted profiles: choose another.", WEBSITE):
        assert message in page, message
    assert db.scalar(select(func.count(Maker.id))) == 0


def test_the_maker_service_reports_every_field_at_once():
    with pytest.raises(InvalidFields) as refused:
        maker_service.validated_maker(maker_service.MakerInput(
            name="x", slug="Bad Slug", craft="lasers", website="www.example.com", lead_time_days=-1))
    assert [p.field for p in refused.value.problems] == ["name", "slug", "craft", "website", "lead_time_days"]


def test_a_review_with_three_bad_fields_shows_all_three_and_stores_nothing(client, db, make_user, make_maker):
    maker = make_maker()
    login(client, make_user("buyer"))
    page = _page(client.post(f"/makers/{maker.slug}/review", data={
        "consistency": "4", "delivery": "4",  # no craftsmanship stars: the form's own check
        "title": "\u200b\u200b\u200b\u200b", "body": "The glaze is even and the handle sits well.",
        "delivered_on": str(TODAY + timedelta(days=3))}))
    for message in ("Choose 1 to 5 stars.", "The title must be 3 to 120 characters.",
                    "The delivery date cannot be in the future."):
        assert message in page, message
    assert "The glaze is even and the handle sits well." in page
    assert db.scalar(select(func.count(Review.id))) == 0


def test_a_review_edit_with_a_blank_title_and_an_impossible_delivery_shows_both_and_keeps_the_review(
        client, db, make_user, make_maker, make_review):
    buyer = make_user("buyer")
    review = make_review(buyer, make_maker())
    login(client, buyer)
    page = _page(client.post(f"/reviews/{review.id}/edit", data={
        "craftsmanship": "2", "consistency": "4", "delivery": "4", "title": "", "body": review.body,
        "ordered_on": str(review.ordered_on), "delivered_on": str(review.ordered_on - timedelta(days=5))}))
    for message in ("The title must be 3 to 120 characters.", "Delivered on cannot be before ordered on."):
        assert message in page, message
    fresh(db)
    stored = db.get(Review, review.id)
    assert (stored.craftsmanship, stored.title, stored.revision_count) == (4, review.title, 0)


def test_an_order_with_three_bad_fields_shows_all_three_and_records_nothing(client, db, make_user, make_maker):
    owner = make_user("owner")
    make_maker(owner)
    login(client, owner)
    page = _page(client.post("/dashboard", data={
        "buyer_email": owner.email.upper(), "item": "\u200b" * 6, "order_type": "stock", "price_band": "25-100",
        "ordered_on": str(TODAY - timedelta(days=3)), "promised_by": str(TODAY - timedelta(days=10))}))
    for message in ("That is your own address", "Describe the item in 2 to 200 characters.",
                    "Promised by cannot be before ordered on."):
        assert message in page, message
    assert f'value="{owner.email.upper()}"' in page
    assert db.scalar(select(func.count(Order.id))) == 0


def test_registration_with_three_bad_fields_shows_all_three_and_creates_no_account(client, db):
    page = _page(client.post("/register", data={
        "email": "new@example.com", "display_name": "Former member", "password": "passwordpassword",
        "confirm": "passwordpassworx"}))
    for message in ("“Former member” is what the site shows for deleted accounts: choose another name.",
                    "This password is too common or too easy to guess; choose another.", "The passwords differ."):
        assert message in page, message
    assert 'value="new@example.com"' in page
    assert db.scalar(select(func.count(User.id))) == 0


def test_a_password_change_with_a_wrong_current_and_a_weak_new_password_names_both(client, db, make_user):
    user = make_user("member")
    before = user.password_hash
    login(client, user)
    page = _page(client.post("/account/password", data={
        "pw-current_password": "not " + PASSWORD, "pw-new_password": "passwordpassword",
        "pw-confirm": "passwordpassword"}))
    for message in ("The current password is incorrect.",
                    "This password is too common or too easy to guess; choose another."):
        assert message in page, message
    fresh(db)
    assert db.get(User, user.id).password_hash == before
