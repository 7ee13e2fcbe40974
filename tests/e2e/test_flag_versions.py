"""The moderator's view of a flagged-then-edited review: the two texts side by side, stacked on a phone."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from craftreview.services import accounts, engagement
from craftreview.services import makers as maker_service
from craftreview.services import reviews as review_service

from .conftest import MODERATOR_EMAIL, MODERATOR_PASSWORD
from .ui import PASSWORD, log_in, unique


def _text(title: str, body: str):
    return review_service.ReviewInput(craftsmanship=2, consistency=2, delivery=2, title=title, body=body)


def _flagged_then_edited(app) -> int:
    with app.extensions["craftreview.sessions"]() as db:
        def user(name: str):
            return accounts.register_user(db, email=f"{unique(name)}@example.com", display_name=name.title(),
                                          password=PASSWORD)
        author, owner, reader = user("author"), user("owner"), user("reader")
        maker = maker_service.create_maker(db, owner, maker_service.MakerInput(
            name=unique("Flagged Pots "), slug=unique("flagged-pots-"), craft="ceramics", location="Leeds, United Kingdom",
            bio="Stoneware.", website="", accepts_custom=False, lead_time_days=None))
        review = review_service.submit_review(db, author, maker, _text(
            "Call me on 0777 000 000", "My number is 0777 000 000, ring me for the real story about this potter."))
        engagement.flag_review(db, reader, review, "private_info", "A phone number.")
        review_service.edit_review(db, author, review, _text("Disappointing mug", "The handle cracked in a week."))
        return review.id


@pytest.mark.parametrize(("width", "stacked"), [(1280, False), (360, True)])
def test_flagged_and_current_text_sit_side_by_side_and_stack_on_narrow_screens(new_actor, live_server, width,
                                                                               stacked):
    review_id = _flagged_then_edited(live_server.app)
    moderator = new_actor()
    moderator.page.set_viewport_size({"width": width, "height": 900})
    log_in(moderator.page, MODERATOR_EMAIL, MODERATOR_PASSWORD)
    moderator.page.goto(f"/moderation/reviews/{review_id}")
    seen = moderator.page.locator(".version").filter(has_text="What the flagger saw (version 1)")
    now = moderator.page.locator(".version").filter(has_text="Current text (version 2)")
    expect(seen).to_contain_text("My number is 0777 000 000")
    expect(now).to_contain_text("The handle cracked in a week.")
    first, second = seen.bounding_box(), now.bounding_box()
    if stacked:
        assert second["y"] >= first["y"] + first["height"] - 1
    else:
        assert abs(second["y"] - first["y"]) < 2 and second["x"] > first["x"] + first["width"]
    assert moderator.problems.all() == []
