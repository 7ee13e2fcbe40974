"""A maker's website is a link buyers follow: an address with no real host (a space in it, no domain, a user name
that disguises the host, a port that is not a number) gets a form error instead of being saved as a broken link."""
from __future__ import annotations

import html

import pytest

from craftreview.services.makers import WEBSITE_HOST_MESSAGE
from tests.conftest import login

BROKEN = ["http://", "https://exa mple.com", "http://localhost:22/", "https://paypal.example@evil.example/",
          "https://example.com:99999/", "https://-shop.example", "https://shop..example", "https://shop_1.example"]
FINE = ["https://hollowoak.example.com", "http://192.0.2.10/shop", "https://münchen.example/werkstatt",
        "https://shop.example:8443/a b?q=<i>x</i>"]


@pytest.mark.parametrize("website", BROKEN)
def test_a_website_without_a_real_host_is_refused_and_nothing_is_saved(client, make_user, website):
    login(client, make_user("owner"))
    response = client.post("/makers/new", data={"name": "Web Maker", "slug": "web-maker", "craft": "wood",
                                                "website": website})
    assert response.status_code == 400
    assert WEBSITE_HOST_MESSAGE in html.unescape(response.get_data(as_text=True))
    assert client.get("/makers/web-maker").status_code == 404


@pytest.mark.parametrize("website", FINE)
def test_a_website_with_a_host_is_kept_as_typed(client, make_user, website):
    login(client, make_user("owner"))
    response = client.post("/makers/new", data={"name": "Web Maker", "slug": "web-maker", "craft": "wood",
                                                "website": website})
    assert response.status_code == 302, html.unescape(response.get_data(as_text=True))
    page = html.unescape(client.get("/makers/web-maker").get_data(as_text=True))
    assert f'href="{website}"' in page
