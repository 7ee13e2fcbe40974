"""Bad values on the review and order forms: one clear message on the field, a 400, and nothing written."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from craftreview.models import Maker, Order, Review
from tests.conftest import login

TODAY = date.today()
REVIEW = {"craftsmanship": "5", "consistency": "4", "delivery": "4", "title": "Even glaze, sturdy handle",
          "body": "The mug matches the photos and the handle is comfortable."}
ORDER = {"buyer_email": "someone@example.com", "item": "Oak stool", "order_type": "stock", "price_band": "25-100",
         "ordered_on": str(TODAY - timedelta(days=3))}


def _post_review(client, make_user, make_maker, **overrides):
    maker = make_maker()
    login(client, make_user("buyer"))
    data = {key: value for key, value in dict(REVIEW, **overrides).items() if value is not None}
    return client.post(f"/makers/{maker.slug}/review", data=data)


@pytest.mark.parametrize("stars", ["0", "abc", "6", "-1", "99999999999999999999", "1.5", "", None])
def test_every_bad_star_value_gets_the_same_message_once(client, db, make_user, make_maker, stars):
    response = _post_review(client, make_user, make_maker, craftsmanship=stars)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert page.count("Choose 1 to 5 stars.") == 1
    assert "Not a valid choice" not in page and "could not coerce" not in page
    assert db.scalar(select(func.count(Review.id))) == 0


@pytest.mark.parametrize("field, value, message", [
    ("ordered_on", "0001-01-01", "The order date must be within the last 10 years."),
    ("delivered_on", "1900-01-03", "The delivery date must be within the last 10 years."),
    ("promised_by", "9999-12-31", "The promised date cannot be more than 2 years ahead."),
    ("delivered_on", str(TODAY + timedelta(days=2)), "The delivery date cannot be in the future."),
])
def test_review_dates_out_of_range_are_refused_on_their_field(client, db, make_user, make_maker, field, value,
                                                                message):
    response = _post_review(client, make_user, make_maker, **{field: value})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.scalar(select(func.count(Review.id))) == 0


@pytest.mark.parametrize("ordered_on, promised_by, message", [
    ("0001-01-01", "", "The order date must be within the last 10 years."),
    ("2026-02-30", "", "2026-02-30 is not a date: February 2026 has 28 days."),  # not "Enter the order date."
    ("", "", "Enter the order date."),
    (str(TODAY - timedelta(days=3)), "9999-12-31", "The promised date cannot be more than 2 years ahead."),
])
def test_order_dates_out_of_range_are_refused_on_their_field(client, db, make_user, make_maker, ordered_on,
                                                               promised_by, message):
    owner = make_user("owner")
    make_maker(owner)
    login(client, owner)
    response = client.post("/dashboard", data=dict(ORDER, ordered_on=ordered_on, promised_by=promised_by))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.scalar(select(func.count(Order.id))) == 0


@pytest.mark.parametrize("field, value, message", [
    ("body", "\u200b" * 20, "The review must be 10 to 5,000 characters."),
    ("body", "Nice\u200b\u200b\u200b\u200b\u200b\u200b\u200b", "The review must be 10 to 5,000 characters."),
    ("title", "\u200d\u2060\ufeff\u200c", "The title must be 3 to 120 characters."),
    ("title", "\u0301" * 10, "The title must be 3 to 120 characters."),  # accents with no letter under them
    ("body", "\ufe0f" * 12, "The review must be 10 to 5,000 characters."),  # variation selectors
])
def test_invisible_characters_do_not_count_as_review_text(client, db, make_user, make_maker, field, value, message):
    response = _post_review(client, make_user, make_maker, **{field: value})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.scalar(select(func.count(Review.id))) == 0


def test_an_order_item_of_zero_width_spaces_is_refused(client, db, make_user, make_maker):
    owner = make_user("owner")
    make_maker(owner)
    login(client, owner)
    for item in ("\u200b" * 12, "\ufe0f\ufe0f", "\U000e0100" * 4):
        response = client.post("/dashboard", data=dict(ORDER, item=item))
        assert response.status_code == 400
        assert "Describe the item in 2 to 200 characters." in response.get_data(as_text=True)
    assert db.scalar(select(func.count(Order.id))) == 0


def test_a_review_at_the_textarea_maximum_with_paragraphs_is_published(client, db, make_user, make_maker):
    """Browsers count a line break as one character against maxlength but send it as CR LF."""
    paragraph = ("The glaze pooled evenly and the handle sits well in the hand. " * 8).strip()
    body = "\n\n".join([paragraph] * 20)[:5000]
    assert len(body) == 5000
    response = _post_review(client, make_user, make_maker, body=body.replace("\n", "\r\n"))
    assert response.status_code == 302, response.get_data(as_text=True)
    assert db.scalar(select(Review.body)) == body


@pytest.mark.parametrize("lead, message, not_also", [
    ("1.5", "Lead time must be a whole number of days, e.g. 14.", "Lead time is between"),
    ("abc", "Lead time must be a whole number of days, e.g. 14.", "Lead time is between"),
    # A whole number, too long to be meant: out of range, not "must be a whole number" (it is one).
    ("99999999999999", "Lead time is between 0 and 730 days.", "whole number"),
    ("-99999999999999", "Lead time is between 0 and 730 days.", "whole number"),
])
def test_an_unreadable_lead_time_gets_one_message_and_changes_nothing(client, db, make_user, make_maker, lead,
                                                                      message, not_also):
    owner = make_user("owner")
    maker = make_maker(owner)
    login(client, owner)
    response = client.post(f"/makers/{maker.slug}/edit", data={
        "name": "Renamed Studio", "slug": maker.slug, "craft": "wood", "lead_time_days": lead})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and page.count(message) == 1
    assert not_also not in page  # not a second, contradicting message on the same field
    db.expire_all()
    assert db.get(type(maker), maker.id).name == "Hollow Oak Woodworks"


@pytest.mark.parametrize("lead", ["", "  "])
def test_a_lead_time_left_empty_is_accepted_as_not_stated(client, db, make_user, lead):
    """The field is optional: a maker who leaves it blank (as a browser sends it, "") gets a profile, not an error."""
    login(client, make_user("owner"))
    response = client.post("/makers/new", data={"name": "Blank Lead Studio", "slug": "blank-lead-studio",
                                                "craft": "wood", "lead_time_days": lead})
    assert response.status_code == 302, response.get_data(as_text=True)
    maker = db.scalar(select(Maker).where(Maker.slug == "blank-lead-studio"))
    assert maker is not None and maker.lead_time_days is None


def test_a_refused_form_says_so_at_its_top_and_links_to_each_field_to_fix(client, db, make_user, make_maker):
    # On a phone the date fields sit two screens below the top the page reloads at: without a note there,
    # a refused review looked like the same form shown again.
    def summary(response):
        page = response.get_data(as_text=True)
        form = page[page.index('<form method="post" action="/makers/'):]
        return page, form, form[:form.index('class="ratings-grid"')]

    page, form, top = summary(_post_review(client, make_user, make_maker, delivered_on=str(TODAY + timedelta(days=2))))
    assert 'Check the field marked below: <a href="#delivered_on">Delivered on</a>.' in " ".join(top.split())
    assert 'id="delivered_on"' in form
    assert page.count("The delivery date cannot be in the future.") == 1  # named in the note, not repeated
    page, form, top = summary(_post_review(client, make_user, make_maker, delivery=None, title="x"))
    assert ('Check the 2 fields marked below: <a href="#delivery">Delivery</a>, <a href="#title">Title</a>.'
            in " ".join(top.split()))
    assert '<fieldset id="delivery"' in form


LONG_AGO = str(TODAY - timedelta(days=30))
# Hand-typed dates, each with the one message it must get (on the order form's promised date and the review form's
# delivery date alike): the format only when the format is wrong; a day that does not exist says so.
TYPED_DATES = [
    ("31/12/2026", "Enter the {what} as YYYY-MM-DD, e.g. 2026-11-03."),
    ("20261231", "Enter the {what} as YYYY-MM-DD, e.g. 2026-11-03."),
    ("next tuesday", "Enter the {what} as YYYY-MM-DD, e.g. 2026-11-03."),
    ("2026-02-30", "2026-02-30 is not a date: February 2026 has 28 days."),
    ("2028-02-30", "2028-02-30 is not a date: February 2028 has 29 days."),
    ("2026-11-31", "2026-11-31 is not a date: November 2026 has 30 days."),
    ("2026-13-01", "There is no month 13: enter the {what} as YYYY-MM-DD, e.g. 2026-11-03."),
    ("2026-00-10", "There is no month 0: enter the {what} as YYYY-MM-DD, e.g. 2026-11-03."),
    ("0000-01-01", "There is no year 0000: enter the {what} as YYYY-MM-DD, e.g. 2026-11-03."),
    (str(TODAY - timedelta(days=40)), "The {what} ({value}) cannot be before the order date ({ordered})."),
]


@pytest.mark.parametrize("value, message", TYPED_DATES, ids=[v for v, _m in TYPED_DATES])
def test_a_hand_typed_promised_date_gets_its_own_specific_message(client, db, make_user, make_maker, value, message):
    owner = make_user("owner")
    make_maker(owner)
    login(client, owner)
    response = client.post("/dashboard", data=dict(ORDER, ordered_on=LONG_AGO, promised_by=value))
    page = response.get_data(as_text=True)
    expected = message.format(what="promised date", value=value, ordered=LONG_AGO)
    assert response.status_code == 400 and page.count(expected) == 1, page
    assert db.scalar(select(func.count(Order.id))) == 0


@pytest.mark.parametrize("value, message", TYPED_DATES, ids=[v for v, _m in TYPED_DATES])
def test_a_hand_typed_delivery_date_gets_its_own_specific_message(client, db, make_user, make_maker, value, message):
    response = _post_review(client, make_user, make_maker, ordered_on=LONG_AGO, delivered_on=value)
    page = response.get_data(as_text=True)
    expected = message.format(what="delivery date", value=value, ordered=LONG_AGO)
    assert response.status_code == 400 and page.count(expected) == 1, page
    assert db.scalar(select(func.count(Review.id))) == 0


def test_a_date_typed_with_spaces_around_it_is_that_date(client, db, make_user, make_maker):
    owner = make_user("owner")
    make_maker(owner)
    login(client, owner)
    response = client.post("/dashboard", data=dict(ORDER, ordered_on=f"  {LONG_AGO} ", promised_by=f"\t{TODAY}\n"))
    assert response.status_code == 302, response.get_data(as_text=True)
    assert db.scalar(select(Order.promised_by)) == TODAY


def test_a_required_date_of_only_spaces_asks_for_the_date(client, db, make_user, make_maker):
    owner = make_user("owner")
    make_maker(owner)
    login(client, owner)
    response = client.post("/dashboard", data=dict(ORDER, ordered_on="   "))
    assert response.status_code == 400 and "Enter the order date." in response.get_data(as_text=True)


FUZZ_DATES = ["", " ", "\x00", "９９９９-１２-３１", "٢٠٢٦-٠١-٠١", "2026-01-01" * 50, "-1-1-1", "2026--01", "2026-1-",
              "99999-01-01", "2026-02-29", "2024-02-29", "1-1-1", "0001-01-01", "9999-12-31", "2026-12-31T23:59",
              "'; DROP TABLE orders; --", "2026-01-01\r\n2026-01-02", "NaN", "1e10", "-0000-00-00"]


@pytest.mark.parametrize("value", FUZZ_DATES)
def test_no_typed_date_or_lead_time_is_a_server_error(client, db, make_user, make_maker, value):
    owner = make_user("owner")
    maker = make_maker(owner)
    login(client, owner)
    for field in ("ordered_on", "promised_by"):
        assert client.post("/dashboard", data=dict(ORDER, **{field: value})).status_code in (302, 400)
    assert client.post(f"/makers/{maker.slug}/edit", data={
        "name": maker.name, "slug": maker.slug, "craft": "wood", "lead_time_days": value}).status_code in (302, 400)
    buyer = make_user("buyer")
    login(client, buyer)
    for field in ("ordered_on", "promised_by", "delivered_on"):
        data = dict(REVIEW, **{field: value})
        assert client.post(f"/makers/{make_maker().slug}/review", data=data).status_code in (302, 400)


def test_a_refused_star_group_names_its_error_on_the_group_and_on_each_button(client, make_user, make_maker):
    """An audit found the radios of a refused star group carried no aria-invalid and no reference to "Choose 1 to 5
    stars.": a screen reader moving into the group heard no error."""
    page = _post_review(client, make_user, make_maker, craftsmanship=None).get_data(as_text=True)
    assert 'id="craftsmanship-error-1">Choose 1 to 5 stars.' in page
    group = re.search(r'<fieldset id="craftsmanship"[^>]*>', page).group()
    assert 'aria-describedby="craftsmanship-hint craftsmanship-error-1"' in group
    radios = re.findall(r'<input[^>]*name="craftsmanship"[^>]*>', page)
    assert len(radios) == 5 and all('aria-invalid="true"' in r and "craftsmanship-error-1" in r for r in radios)
    other = re.findall(r'<input[^>]*name="consistency"[^>]*>', page)
    assert other and not any("aria-invalid" in r for r in other)  # a group chosen well is not marked
