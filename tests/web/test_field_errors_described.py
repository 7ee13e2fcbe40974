"""A refused form field is described by its error as well as its hint: a screen reader reads why it was refused."""
from __future__ import annotations

import re
from datetime import date, timedelta

from tests.conftest import PASSWORD, login


def test_a_refused_field_names_its_hint_and_its_error_in_aria_describedby(client, make_user, make_maker):
    owner = make_user("owner")
    make_maker(owner, accepts_custom=False)
    login(client, owner)
    page = client.post("/dashboard", data={
        "buyer_email": "buyer@example.com", "item": "Oak stool", "order_type": "custom", "price_band": "100-300",
        "ordered_on": str(date.today() - timedelta(days=20))}).get_data(as_text=True)
    assert _described(page, "select", "order_type") == ["order_type-error-1"]
    item = re.search(r'<input[^>]*id="item"[^>]*>', page).group(0)
    assert "aria-invalid" not in item and "error" not in item  # a field without a problem is left alone


def test_a_refused_field_with_a_hint_is_described_by_both(client, make_user, make_maker):
    owner = make_user("owner")
    maker = make_maker(owner)
    login(client, owner)
    page = client.post(f"/makers/{maker.slug}/edit", data={
        "name": maker.name, "slug": maker.slug, "craft": "wood", "website": "www.example.com"}).get_data(as_text=True)
    assert _described(page, "input", "website") == ["website-hint", "website-error-1"]


def _described(page: str, tag: str, field: str) -> list[str]:
    """The ids the control's aria-describedby names, each checked to be on the page; the control is marked invalid."""
    control = re.search(rf'<{tag}[^>]*id="{field}"[^>]*>', page).group(0)
    described = re.search(r'aria-describedby="([^"]+)"', control).group(1).split()
    assert 'aria-invalid="true"' in control and all(f'id="{ident}"' in page for ident in described)
    return described


def test_the_deletion_choice_refused_is_described_by_its_error(client, make_user, make_maker, make_review):
    """The account deletion's radio group said "Choose one." under it, linked to nothing: its radios were not marked
    invalid and named only what each choice does. Now the group and each radio name the error too."""
    author = make_user("author")
    make_review(author, make_maker())
    login(client, author)
    response = client.post("/account/delete", data={"password": PASSWORD})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'id="reviews-error-1">Choose whether to keep or remove your reviews and replies.</p>' in page
    group = re.search(r'<fieldset id="reviews"[^>]*>', page).group(0)
    assert "has-error" in group and 'aria-describedby="reviews-error-1"' in group
    for choice in ("remove", "keep"):
        radio = re.search(rf'<input[^>]*value="{choice}"[^>]*>', page).group(0)
        assert 'aria-invalid="true"' in radio
        assert re.search(r'aria-describedby="([^"]+)"', radio).group(1).split() == [f"outcome-{choice}",
                                                                                     "reviews-error-1"]


def test_an_untouched_deletion_choice_is_not_marked_invalid(client, make_user, make_maker, make_review):
    author = make_user("author")
    make_review(author, make_maker())
    login(client, author)
    page = client.get("/account/delete").get_data(as_text=True)
    assert "aria-invalid" not in re.search(r'<fieldset id="reviews".*?</fieldset>', page, re.S).group(0)
