"""The browse page's filter counts at the width of its side column: a count stays whole beside its words."""
from __future__ import annotations

from .conftest import watch

DESKTOP = {"width": 1280, "height": 800}


def test_a_tier_count_is_not_broken_one_character_a_line_beside_a_long_label(browser, live_server):
    # "No tier yet (too few reviews or mixed evidence)" wraps in the 260 px filter column; its count was a flex item
    # of its own that shrank to one character's width, so "(31)" stood as "(", "3", "1", ")" down the right edge.
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP)
    try:
        page = context.new_page()
        problems = watch(page, live_server.url)
        page.goto("/makers")
        label = page.locator("label.check").filter(has_text="No tier yet")
        count = label.locator(".count")
        line = count.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
        assert count.evaluate("e => e.getClientRects().length") == 1  # one piece, not split across lines
        assert count.bounding_box()["height"] < 1.5 * line
        assert problems.all() == []
    finally:
        context.close()
