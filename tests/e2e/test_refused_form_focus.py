"""A refused form opens at what went wrong: on a phone the page would otherwise reload at its header, with the form's
message a screen or more below, and a screen reader would start reading from the top again."""
from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from craftreview.models import Maker, User

from .conftest import watch
from .ui import register, unique

PHONE = {"width": 360, "height": 640}
SUMMARY_IN_VIEW_JS = """() => {
  const focused = document.activeElement;
  const box = focused.getBoundingClientRect();
  return {summary: focused.classList.contains('form-errors'), top: box.top, bottom: box.bottom,
          height: window.innerHeight, scrolled: window.scrollY};
}"""


def _maker(app) -> str:
    with app.extensions["craftreview.sessions"]() as db:
        owner = User(email=f"{unique('focusowner')}@example.com", display_name="Owner", password_hash="x")
        db.add(owner)
        db.commit()
        maker = Maker(owner_id=owner.id, name="Linden Loom", slug=unique("focus-maker-"), craft="textiles",
                      location="Ghent, Belgium", accepts_custom=True, lead_time_days=20)
        db.add(maker)
        db.commit()
        return maker.slug


def _in_view(page) -> dict:
    """Where the focused element sits once the browser has run autofocus (after the first rendering, not at load)."""
    try:
        page.wait_for_function("() => document.activeElement.classList.contains('form-errors')", timeout=5000)
    except PlaywrightTimeout:
        pass  # the assertion below says what has the focus
    where = page.evaluate(SUMMARY_IN_VIEW_JS)
    assert where["summary"], "the focus is not on the form's message"
    assert 0 <= where["top"] and where["bottom"] <= where["height"], where
    return where


def test_a_refused_review_opens_at_its_message_on_a_phone(browser, live_server):
    slug = _maker(live_server.app)
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    try:
        page = context.new_page()
        problems = watch(page, live_server.url)
        register(page, f"{unique('focus')}@example.com", "Focus Tester")
        page.goto(f"/makers/{slug}")
        page.get_by_role("link", name="Write a review").click()
        page.get_by_label("Title").fill("Lovely scarf")  # no stars, no text: refused
        page.get_by_role("button", name="Publish review").click()
        expect(page.locator(".form-errors").first).to_contain_text("fields marked below")
        _in_view(page)
        assert problems.all(allow=("status of 400",)) == []
    finally:
        context.close()


def test_a_refused_form_low_on_a_long_page_opens_scrolled_to_its_message(browser, live_server):
    """The account page stacks four forms on a phone: a refused change of address, the third, used to reload at the
    page's header, two screens above its message."""
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    try:
        page = context.new_page()
        register(page, f"{unique('focus')}@example.com", "Focus Tester")
        page.goto("/account")
        form = page.locator("section", has=page.get_by_role("heading", name="Email address"))
        form.get_by_label("New email address").fill("not an address")
        form.get_by_role("button").click()
        expect(page.locator(".form-errors").first).to_be_visible()
        assert _in_view(page)["scrolled"] > PHONE["height"]
    finally:
        context.close()


def test_a_refused_sign_up_opens_at_its_message_too(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto("/register")
        page.get_by_label("Email").fill("not an address")
        page.get_by_label("Display name").fill("Someone")
        page.get_by_role("button", name="Create account").click()
        expect(page.locator(".form-errors").first).to_be_visible()
        _in_view(page)
    finally:
        context.close()


def test_a_second_refusal_after_following_the_summary_s_link_still_opens_at_its_message(browser, live_server):
    """An audit refused the deletion form, followed the summary's link to the choice (the address bar then ended in
    #reviews or #password), and sent a wrong password: the form posted back to the address with its #fragment, the browser
    opened the refused page at the fragment and skipped autofocus, and the new message was never reached."""
    context = browser.new_context(base_url=live_server.url)
    try:
        page = context.new_page()
        register(page, f"{unique('focus')}@example.com", "Focus Tester")
        page.goto("/account/delete")
        page.get_by_role("button", name="Delete my account for good").click()
        _in_view(page)
        page.locator(".form-errors a").first.click()
        assert page.url.endswith("#password")
        page.get_by_label("Password").fill("not the password")
        page.get_by_role("button", name="Delete my account for good").click()
        expect(page.locator(".form-errors").first).to_contain_text("Check the field marked below")
        _in_view(page)
        assert "#" not in page.url
    finally:
        context.close()


def test_a_refused_form_opens_with_the_field_it_names_in_view_below_its_message(browser, live_server):
    """Where the message would show at the window's bottom edge the browser scrolls it only just into view: on a phone a
    refused change of password opened with the message on that edge, and the field it names, with its own error, below
    the fold. The window here is as tall as the page above the form's first field, plus a little."""
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    try:
        page = context.new_page()
        register(page, f"{unique('focus')}@example.com", "Focus Tester")
        page.goto("/account")
        form = page.locator("section", has=page.get_by_role("heading", name="Password"))
        edge = round(form.get_by_text("Current password").bounding_box()["y"]) + 24
        page.set_viewport_size({"width": PHONE["width"], "height": edge})
        form.get_by_label("Current password").fill("not the password at all")
        form.get_by_label("New password", exact=True).fill("another battery horse 99")
        form.get_by_label("Repeat new password").fill("another battery horse 99")
        form.get_by_role("button", name="Change password").click()
        expect(page.get_by_text("The current password is incorrect.")).to_be_attached()
        _in_view(page)
        message = page.get_by_text("The current password is incorrect.").bounding_box()
        field = page.get_by_label("Current password").first.bounding_box()
        assert field["y"] >= 0 and message["y"] + message["height"] <= edge, (field, message, edge)
    finally:
        context.close()
