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
    control = re.search(r'<select[^>]*id="order_type"[^>]*>', page).group(0)
    described = re.search(r'aria-describedby="([^"]+)"', control).group(1).split()
    assert described == ["order_type-hint", "order_type-error-1"] and 'aria-invalid="true"' in control
    for ident in described:
        assert f'id="{ident}"' in page
    item = re.search(r'<input[^>]*id="item"[^>]*>', page).group(0)
    assert "aria-invalid" not in item and "error" not in item  # a field without a problem is left alone
