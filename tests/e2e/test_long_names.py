"""Names people really choose, at phone width: one unbroken 60-character display name must not widen the page."""
from __future__ import annotations

import pytest

from .conftest import watch
from .ui import register, unique

PHONE = {"width": 360, "height": 740}
LONG_NAME = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissen"[:60]


@pytest.mark.parametrize("path", ["/account", "/notifications"])
def test_a_long_unbroken_display_name_in_the_header_does_not_scroll_sideways(browser, live_server, path):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    try:
        page = context.new_page()
        problems = watch(page, live_server.url)
        register(page, f"{unique('longname')}@example.com", LONG_NAME)
        page.goto(path)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
        assert problems.all() == []
    finally:
        context.close()


@pytest.mark.parametrize("name", ["Jo Li", "Demo Buyer", "Marguerite Adeyemi"])
def test_the_header_search_box_shows_its_whole_hint_beside_a_logged_in_menu(browser, live_server, name):
    """Logged in at 1280 px, the menu left the header search box just too narrow: its hint read "Search makers,
    review" (Chromium keeps room for the clear button of a search box even when it is empty). The menu now moves to
    its own line first."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        register(page, f"{unique('header')}@example.com", name)
        page.goto("/makers")
        box = page.get_by_role("search").get_by_label("Search makers and reviews")
        needed, room = box.evaluate("e => { e.value = e.placeholder; return [e.scrollWidth, e.clientWidth]; }")
        assert needed <= room
    finally:
        context.close()
