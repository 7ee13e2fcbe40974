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
