"""The summary at a refused form's top names its fields in the order the form shows them, so that a reader who
follows it down the page meets each field where the summary said."""
from __future__ import annotations

import re

import pytest

from tests.conftest import DATABASES, login
from tests.web.test_invitation_binding import confirmed, record

pytestmark = pytest.mark.parametrize("database_url", DATABASES, indirect=True)

# Every field refused at once: no stars, too short a title and body, unknown choices, unreadable dates.
EVERYTHING_WRONG = {"title": "x", "body": "short", "order_type": "barter", "price_band": "lots",
                    "ordered_on": "soon", "promised_by": "later", "delivered_on": "yesterday"}


def summary_then_page_order(page: str) -> tuple[list[str], list[int]]:
    """The field ids the summary links to, and where each field's own element stands in the page."""
    summary = re.search(r'<div class="form-errors"[^>]*><p>Check the (.*?)</div>', page, re.S).group(1)
    linked = re.findall(r'<a href="#([^"]+)">', summary)
    return linked, [page.index(f'id="{name}"') for name in linked]


def test_a_review_form_summary_follows_the_form(client, make_user, make_maker):
    maker = make_maker(make_user("owner"))
    login(client, make_user("buyer"))
    response = client.post(f"/makers/{maker.slug}/review", data=EVERYTHING_WRONG)
    assert response.status_code == 400
    linked, places = summary_then_page_order(response.get_data(as_text=True))
    assert {"craftsmanship", "title", "order_type", "ordered_on", "promised_by", "delivered_on"} <= set(linked)
    assert places == sorted(places), linked


def test_a_verified_review_form_summary_follows_the_form(client, db, make_user, make_maker):
    owner, buyer = make_user("owner"), confirmed(db, make_user("buyer"))
    token = record(db, owner, make_maker(owner), buyer.email)
    login(client, buyer)
    response = client.post(f"/invite/{token}", data=EVERYTHING_WRONG)
    assert response.status_code == 400
    linked, places = summary_then_page_order(response.get_data(as_text=True))
    assert linked[-2:] == ["promised_by", "delivered_on"]
    assert places == sorted(places), linked
