"""Every main page loads cleanly in Chromium, labels every form control, and is screenshotted for review."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from craftreview import search
from craftreview.services import accounts, engagement, replies
from craftreview.services import makers as maker_service
from craftreview.services import orders as order_service
from craftreview.services import reviews as review_service
from craftreview.services.mail import make_mail_backend

from .conftest import FAVICON, MODERATOR_EMAIL, MODERATOR_PASSWORD, watch
from .ui import PASSWORD, log_in, unique

# Which controls lack an accessible name: no <label for>, no wrapping <label>, no aria-label(ledby).
UNLABELLED_JS = """() => {
  const skip = new Set(['hidden', 'submit', 'button', 'reset', 'image']);
  const text = (el) => (el && el.textContent || '').trim();
  const named = (el) => {
    if (el.id) {
      for (const label of document.querySelectorAll('label[for="' + CSS.escape(el.id) + '"]')) {
        if (text(label)) return true;
      }
    }
    if (text(el.closest('label'))) return true;
    if ((el.getAttribute('aria-label') || '').trim()) return true;
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    return ids.some((id) => text(document.getElementById(id)));
  };
  return Array.from(document.querySelectorAll('input, select, textarea'))
    .filter((el) => !skip.has((el.getAttribute('type') || '').toLowerCase()))
    .filter((el) => !named(el))
    .map((el) => el.outerHTML.slice(0, 160));
}"""


@dataclass
class World:
    """A small arranged world and the logged-in browser states of its people."""

    slug: str
    review_id: int
    states: dict


def _arrange(app) -> tuple[str, int, dict[str, str]]:
    """A maker with a verified order, a reviewed and replied-to review, and an open flag."""
    today = date.today()
    with app.extensions["craftreview.sessions"]() as db:
        owner = accounts.register_user(db, email=f"{unique('owner')}@example.com", display_name="Ada Owner",
                                       password=PASSWORD, email_confirmed=True)  # it records an order below
        buyer = accounts.register_user(db, email=f"{unique('buyer')}@example.com", display_name="Ben Buyer",
                                       password=PASSWORD)
        flagger = accounts.register_user(db, email=f"{unique('flag')}@example.com", display_name="Fay Flagger",
                                         password=PASSWORD)
        slug = unique("walnut-works-")
        maker = maker_service.create_maker(db, owner, maker_service.MakerInput(
            name=unique("Walnut Works "), slug=slug, craft="wood", location="Leeds, United Kingdom",
            bio="Walnut tables and oak chairs.\n\nEvery joint cut by hand.", website="https://example.com/walnut",
            accepts_custom=True, lead_time_days=42))
        review = review_service.submit_review(db, buyer, maker, review_service.ReviewInput(
            craftsmanship=5, consistency=4, delivery=3, title="Solid walnut table, two weeks late",
            body="Flawless joinery and an even oil finish.\n\nIt arrived two weeks after the promised date.",
            order_type="custom", price_band="300-1000", ordered_on=today - timedelta(days=90),
            promised_by=today - timedelta(days=40), delivered_on=today - timedelta(days=26)))
        replies.save_reply(db, owner, review, "Thank you, Ben. The timber supplier was late; we now order earlier.")
        engagement.flag_review(db, flagger, review, "other", "Check whether this order was real.")
        order_service.record_order(
            db, owner, maker, order_service.OrderInput(
                buyer_email="someone@example.com", item="Oak stool", order_type="stock", price_band="100-300",
                ordered_on=today - timedelta(days=5)),
            make_mail_backend(app.config["MAIL_BACKEND"]), invite_url=lambda token: f"/invite/{token}")
        emails = {"owner": owner.email, "buyer": buyer.email, "stranger": flagger.email}
        review_id = review.id
    search.drain(app)
    return slug, review_id, emails


@pytest.fixture(scope="module")
def world(live_server, browser) -> World:
    """Arranged through the services (fast); each role logs in once through the UI, then reuses its cookies."""
    slug, review_id, emails = _arrange(live_server.app)
    emails["moderator"] = MODERATOR_EMAIL
    states = {"anonymous": None}
    for role, email in emails.items():
        context = browser.new_context(base_url=live_server.url)
        log_in(context.new_page(), email, MODERATOR_PASSWORD if role == "moderator" else PASSWORD)
        states[role] = context.storage_state()
        context.close()
    return World(slug=slug, review_id=review_id, states=states)


# (name, who is looking, path, heading the page must show)
PAGES = [
    ("home", "anonymous", "/", "Find makers you can trust"),
    ("makers", "anonymous", "/makers", "Makers"),
    ("maker", "anonymous", "/makers/{slug}", "Walnut Works"),
    ("maker-as-owner", "owner", "/makers/{slug}", "Walnut Works"),
    ("score", "anonymous", "/makers/{slug}/score", "How this score was calculated"),
    ("review", "anonymous", "/reviews/{review}", "Solid walnut table, two weeks late"),
    ("register", "anonymous", "/register", "Create an account"),
    ("login", "anonymous", "/login", "Log in"),
    ("search-blank", "anonymous", "/search", "Search"),
    ("search-makers", "anonymous", "/search?q=walnut", "Walnut Works"),
    ("search-reviews", "anonymous", "/search?q=joinery&tab=reviews", "Solid walnut table, two weeks late"),
    ("search-nothing", "anonymous", "/search?q=zzzqqqxx", "No makers found"),
    ("account", "buyer", "/account", "Your account"),
    ("my-reviews", "buyer", "/me/reviews", "My reviews"),
    ("edit-review", "buyer", "/reviews/{review}/edit", "Edit your review of Walnut Works"),
    ("write-review", "stranger", "/makers/{slug}/review", "Review Walnut Works"),
    ("flag", "owner", "/reviews/{review}/flag", "Report this review"),  # the stranger reported it in _arrange
    ("flag-reported", "stranger", "/reviews/{review}/flag", "You have already reported this review"),
    ("no-profile-dashboard", "stranger", "/dashboard", "Maker dashboard"),
    ("new-maker", "stranger", "/makers/new", "Create your maker profile"),
    ("dashboard", "owner", "/dashboard", "Dashboard · Walnut Works"),
    ("edit-maker", "owner", "/makers/{slug}/edit", "Edit your maker profile"),
    ("reply", "owner", "/reviews/{review}/reply", "Edit your reply"),
    ("moderation-queue", "moderator", "/moderation", "Moderation queue"),
    ("moderation-review", "moderator", "/moderation/reviews/{review}", "Moderate review #{review}"),
    ("moderation-log", "moderator", "/moderation/log", "Audit log"),
    ("not-found", "anonymous", "/makers/no-such-maker", "Not found"),
]


@pytest.mark.parametrize(("name", "role", "path", "heading"), PAGES, ids=[p[0] for p in PAGES])
def test_page_loads_cleanly_and_labels_every_control(name, role, path, heading, world, browser, live_server,
                                                     screenshots):
    context = browser.new_context(base_url=live_server.url, storage_state=world.states[role],
                                  viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        problems = watch(page, live_server.url)
        url = path.format(slug=world.slug, review=world.review_id)
        response = page.goto(url)
        assert response is not None
        assert response.status == (404 if name == "not-found" else 200), f"{url}: HTTP {response.status}"
        expect(page.get_by_text(heading.format(review=world.review_id), exact=False).first).to_be_visible()
        expect(page.locator("h1")).to_have_count(1)
        expect(page).to_have_title(re.compile(r"\S.* · craftreview$"))
        assert page.evaluate(UNLABELLED_JS) == [], f"{url}: form controls without a label"
        page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
        assert problems.all(allow=(url,) if name == "not-found" else ()) == [], url
    finally:
        context.close()


def test_site_has_a_favicon(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    try:
        page = context.new_page()
        page.goto("/")
        declared = page.locator("link[rel~='icon']").count() > 0
        assert declared or page.request.get(FAVICON).ok
    finally:
        context.close()


def test_review_page_has_a_main_heading(world, browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    try:
        page = context.new_page()
        page.goto(f"/reviews/{world.review_id}")
        expect(page.get_by_role("heading", level=1)).to_have_text("Solid walnut table, two weeks late", timeout=1_000)
    finally:
        context.close()


GAPS_JS = """() => { const boxes = [...document.querySelectorAll('.page-head a.button')].map(a => a.getBoundingClientRect());
  return boxes.slice(1).map((box, i) => box.left - boxes[i].right); }"""


def test_moderation_queue_keeps_its_page_buttons_together(world, browser, live_server):
    """Ring signals, Audit log and Mail outbox sit side by side beside the title, not spread across the row."""
    context = browser.new_context(base_url=live_server.url, storage_state=world.states["moderator"],
                                  viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto("/moderation")
        gaps = page.evaluate(GAPS_JS)
        assert len(gaps) == 2 and all(0 <= gap <= 16 for gap in gaps), gaps
    finally:
        context.close()
