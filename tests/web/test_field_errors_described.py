"""A refused form field is described by its error as well as its hint: a screen reader reads why it was refused."""
from __future__ import annotations

import re
from datetime import date, timedelta

from tests.conftest import login


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
