"""Accessibility and phone width in Chromium: axe-core, no sideways scrolling at 360 px, keyboard-only review,
browsing by craft + country + tier; full-page screenshots at 1280 and 360 px of every main page."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from craftreview import search
from craftreview.models import Maker, MakerScoreRow, User, utcnow
from craftreview.services import accounts, engagement, moderation
from craftreview.services import makers as maker_service
from craftreview.services import reviews as review_service
from craftreview.services.mail import OutboxMailBackend

from .conftest import MODERATOR_EMAIL, MODERATOR_PASSWORD, watch
from .test_pages import _arrange
from .ui import PASSWORD, log_in, unique

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
BLOCKING = {"critical", "serious"}

# (name, who is looking, path). Adding a page (e.g. compare) is one line here.
MAIN_PAGES = [
    ("home", "anonymous", "/"),
    ("browse", "anonymous", "/makers"),
    ("maker", "anonymous", "/makers/{slug}"),
    ("review-form", "stranger", "/makers/{slug}/review"),
    ("review", "anonymous", "/reviews/{review}"),
    ("score", "anonymous", "/makers/{slug}/score"),
    ("search", "anonymous", "/search?q=walnut"),
    ("search-reviews", "anonymous", "/search?q=joinery&tab=reviews"),
    ("dashboard", "owner", "/dashboard"),
    ("waiting-replies", "owner", "/dashboard/replies"),
    ("moderation", "moderator", "/moderation"),
    ("moderation-review", "moderator", "/moderation/reviews/{review}"),
    ("audit-log", "moderator", "/moderation/log"),
    ("account", "buyer", "/account"),
    ("register", "anonymous", "/register"),
    ("compare", "anonymous", "/compare?makers={slug}"),
    ("notifications", "buyer", "/notifications"),
    ("ring-signals", "moderator", "/moderation/signals"),
    ("flag", "owner", "/reviews/{review}/flag"),  # the stranger flagged the review in _arrange: no form for them
    ("flag-reported", "stranger", "/reviews/{review}/flag"),
    ("review-reported", "stranger", "/reviews/{review}"),
]

# What a page must show for its phone-width check to mean something (a list with rows, not its empty state).
MUST_SHOW = {"ring-signals": "dl.signal-evidence", "moderation": "table.data .badge.edited-since",
             "flag": "blockquote.quoted p + p"}  # the review's text, not only its title
RING_TEXT = ("Cracked glaze on every piece, the handles came off in a week and the seller never answered. "
             "Save your money and buy from anyone else on this site instead.")

# Overflowing elements: anything whose right edge passes the viewport's.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = Array.from(document.querySelectorAll('body *'))
    .filter((el) => el.getBoundingClientRect().right > width + 1)
    .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''));
  return {scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 8)};
}"""
FOCUS_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name'), type: el.type || '',
          value: el.value, checked: !!el.checked, text: (el.textContent || '').trim().slice(0, 40),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};
}"""


@dataclass
class World:
    slug: str
    review_id: int
    states: dict
    browse: dict


def _scored_maker(db, name: str, craft: str, location: str, tier: str) -> str:
    """A maker profile with a stored score row (scores are derived data; the tier is what browse filters on)."""
    owner = accounts.register_user(db, email=f"{unique('m')}@example.com", display_name=name, password=PASSWORD)
    maker = maker_service.create_maker(db, owner, maker_service.MakerInput(
        name=name, slug=unique("browse-"), craft=craft, location=location, bio="Small-batch work.", website="",
        accepts_custom=True, lead_time_days=21))
    db.add(MakerScoreRow(
        maker_id=maker.id, model_version="e2e", computed_at=utcnow(), overall=4.3, overall_low=4.0, overall_high=4.6,
        craftsmanship=4.4, craftsmanship_low=4.0, craftsmanship_high=4.7, consistency=4.2, consistency_low=3.8,
        consistency_high=4.5, delivery=4.1, delivery_low=3.6, delivery_high=4.5, p_skilled=0.9, tier=tier,
        tier_confidence=0.9, rank_score=24.3, review_count=12, verified_count=4, on_time_rate=0.8))
    db.commit()
    return name


def _ring(app) -> None:
    """Three brand-new accounts post the same one-star review of one maker and a flagged review is reworded,
    so the ring-signals page has evidence to lay out and the queue an "edited since flagged" row."""
    with app.extensions["craftreview.sessions"]() as db:
        owner = accounts.register_user(db, email=f"{unique('target')}@example.com", display_name="Target Owner",
                                       password=PASSWORD)
        maker = maker_service.create_maker(db, owner, maker_service.MakerInput(
            name=unique("Targeted Pottery "), slug=unique("targeted-"), craft="ceramics", location="Stoke, United Kingdom",
            bio="Thrown stoneware.", website="", accepts_custom=False, lead_time_days=14))
        written = []
        for i in range(3):
            account = accounts.register_user(db, email=f"{unique('ring')}@example.com",
                                             display_name=f"Ring Member {i}", password=PASSWORD)
            written.append(review_service.submit_review(db, account, maker, review_service.ReviewInput(
                craftsmanship=1, consistency=1, delivery=1, title="Avoid this studio", body=RING_TEXT)))
        flagger = accounts.register_user(db, email=f"{unique('flagger')}@example.com", display_name="Fred Flagger",
                                         password=PASSWORD)
        engagement.flag_review(db, flagger, written[0], "other", "Three new accounts, one text.")
        review_service.edit_review(db, written[0].author, written[0], review_service.ReviewInput(
            craftsmanship=1, consistency=1, delivery=1, title="Avoid this studio (edited)", body=RING_TEXT))
    search.drain(app)
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["signals"])  # the site-wide detectors (near-duplicates)
    assert result.exit_code == 0 and "near_duplicate" in result.output, result.output


@pytest.fixture(scope="module")
def world(live_server, browser) -> World:
    """The pages' world plus makers to browse; each role logs in once through the UI."""
    slug, review_id, emails = _arrange(live_server.app)
    with live_server.app.extensions["craftreview.sessions"]() as db:
        browse = {key: _scored_maker(db, unique(label), craft, place, tier) for key, label, craft, place, tier in (
            ("match", "Kyoto Kilns ", "ceramics", "Kyoto, Japan", "skilled"),
            ("other_tier", "Mashiko Mud ", "ceramics", "Mashiko, Japan", "developing"),
            ("other_country", "Leeds Pots ", "ceramics", "Leeds, United Kingdom", "skilled"),
            ("other_craft", "Kyoto Glass ", "glass", "Kyoto, Japan", "skilled"),
        )}
    _ring(live_server.app)
    emails["moderator"] = MODERATOR_EMAIL
    states = {"anonymous": None}
    for role, email in emails.items():
        context = browser.new_context(base_url=live_server.url)
        log_in(context.new_page(), email, MODERATOR_PASSWORD if role == "moderator" else PASSWORD)
        states[role] = context.storage_state()
        context.close()
    return World(slug=slug, review_id=review_id, states=states, browse=browse)


def _open(browser, live_server, world, role: str, path: str, viewport: dict):
    context = browser.new_context(base_url=live_server.url, storage_state=world.states[role], viewport=viewport)
    page = context.new_page()
    problems = watch(page, live_server.url)
    response = page.goto(path.format(slug=world.slug, review=world.review_id))
    assert response is not None and response.status == 200, path
    return context, page, problems


@pytest.mark.parametrize(("name", "role", "path"), MAIN_PAGES, ids=[p[0] for p in MAIN_PAGES])
def test_axe_finds_no_critical_or_serious_violations(name, role, path, world, browser, live_server, screenshots):
    context, page, problems = _open(browser, live_server, world, role, path, DESKTOP)
    try:
        page.screenshot(path=str(screenshots / f"{name}-1280.png"), full_page=True)
        violations = Axe().run(page).response["violations"]
        impacts = [v["impact"] for v in violations]
        with open(screenshots / "axe-summary.txt", "a", encoding="utf-8") as summary:
            summary.write(f"{name}: {len(violations)} violations; "
                          + ", ".join(f"{level} {impacts.count(level)}" for level in
                                      ("critical", "serious", "moderate", "minor"))
                          + (f" ({', '.join(v['id'] for v in violations)})" if violations else "") + "\n")
        blocking = [f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                    for v in violations if v["impact"] in BLOCKING]
        assert blocking == [], f"{name}: axe found {len(blocking)} blocking violations"
        assert problems.all() == []
    finally:
        context.close()


@pytest.mark.parametrize(("name", "role", "path"), MAIN_PAGES, ids=[p[0] for p in MAIN_PAGES])
def test_no_horizontal_overflow_at_phone_width(name, role, path, world, browser, live_server, screenshots):
    context, page, _problems = _open(browser, live_server, world, role, path, PHONE)
    try:
        page.screenshot(path=str(screenshots / f"{name}-360.png"), full_page=True)
        if name in MUST_SHOW:
            assert page.locator(MUST_SHOW[name]).count() > 0, f"{name} shows no {MUST_SHOW[name]} to check"
        found = page.evaluate(OVERFLOW_JS)
        with open(screenshots / "overflow-summary.txt", "a", encoding="utf-8") as summary:
            summary.write(f"{name}: {found['scrollWidth']} px wide at {found['width']} px\n")
        assert found["scrollWidth"] <= found["width"], f"{name} is {found['scrollWidth']} px wide: {found['wide']}"
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "360"])
def test_mail_outbox_wraps_long_mail_lines_instead_of_scrolling_sideways(viewport, world, browser, live_server):
    footer = ('You got this mail because "Moderators decided on flags about a review of my work" is switched on in '
              "your craftreview mail preferences.")
    with live_server.app.extensions["craftreview.sessions"]() as db:
        OutboxMailBackend().send(db, to="reader@example.com", subject="A mail with long lines",
                                 body=f"{footer}\nhttps://example.com/{'a' * 200}", html=f"<p>{footer}</p>")
        db.commit()
    context, page, _problems = _open(browser, live_server, world, "moderator", "/moderation/mail", viewport)
    try:
        found = page.evaluate(OVERFLOW_JS)
        assert found["scrollWidth"] <= found["width"], f"{found['scrollWidth']} px wide: {found['wide']}"
    finally:
        context.close()


def test_first_search_result_is_on_the_first_phone_screen(world, browser, live_server):
    context, page, _problems = _open(browser, live_server, world, "anonymous", "/search?q=walnut", PHONE)
    try:
        first = page.locator(".search-results article, .search-results .card").first
        expect(first).to_be_visible()
        box = first.bounding_box()
        assert box is not None and box["y"] < PHONE["height"], f"first result starts at {box}"
        facets = page.get_by_role("complementary", name="Filters")
        expect(facets).to_be_hidden()  # the facets wait behind a link on a phone
        page.get_by_role("link", name="Filter results").click()
        expect(facets).to_be_visible()
    finally:
        context.close()


def _tab_to(page, want, limit: int = 60) -> dict:
    """Press Tab until the focused element matches `want` (a predicate on FOCUS_JS's answer)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_JS)
        if want(focused):
            assert focused["outline"], f"focus is not visible on {focused}"
            return focused
    raise AssertionError("never reached the wanted control by Tab")


def _choose_stars(page, group: str, stars: int) -> None:
    _tab_to(page, lambda f: f["name"] == group)
    page.keyboard.press("Space")
    for _ in range(6):
        if page.evaluate(FOCUS_JS)["value"] == str(stars):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not choose {stars} stars for {group}")


def test_a_review_can_be_written_and_submitted_with_the_keyboard_alone(world, browser, live_server):
    context, page, problems = _open(browser, live_server, world, "stranger", "/makers/{slug}/review", DESKTOP)
    try:
        page.keyboard.press("Tab")
        skip = page.evaluate(FOCUS_JS)
        assert skip["text"] == "Skip to content" and skip["outline"]
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
        for group, stars in (("craftsmanship", 4), ("consistency", 5), ("delivery", 2)):
            _choose_stars(page, group, stars)
        title = unique("Typed without a mouse ")
        _tab_to(page, lambda f: f["id"] == "title")
        page.keyboard.type(title)
        _tab_to(page, lambda f: f["id"] == "body")
        page.keyboard.type("Every control was reachable with Tab, and the stars with the arrow keys.")
        _tab_to(page, lambda f: f["type"] == "submit" and f["value"] == "Publish review")
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", name=title)).to_be_visible()
        assert problems.all() == []
    finally:
        context.close()


def test_browse_by_craft_country_and_tier(world, browser, live_server):
    context, page, problems = _open(browser, live_server, world, "anonymous", "/makers", DESKTOP)
    try:
        page.get_by_label("Craft").select_option(value="ceramics")
        page.get_by_label("Country or city").select_option(value="Japan")
        page.get_by_role("group", name="Tier").get_by_label(re.compile(r"\bSkilled\b")).check()
        page.get_by_role("button", name="Show makers").click()
        expect(page.get_by_role("heading", name=world.browse["match"])).to_be_visible()
        for other in ("other_tier", "other_country", "other_craft"):
            expect(page.get_by_role("heading", name=world.browse[other])).to_have_count(0)
        expect(page.get_by_label("Craft")).to_have_value("ceramics")  # the filters stay chosen
        expect(page.get_by_label("Country or city")).to_have_value("Japan")
        assert "tier=skilled" in page.url and problems.all() == []
    finally:
        context.close()


# The focus ring's contrast with the background it is drawn on (WCAG 1.4.11: at least 3:1).
FOCUS_CONTRAST_JS = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const el = document.activeElement;
  let back = el.parentElement;
  while (back && (rgb(getComputedStyle(back).backgroundColor)[3] === 0 || getComputedStyle(back).backgroundColor === 'transparent')) back = back.parentElement;
  const [a, b] = [lum(rgb(getComputedStyle(el).outlineColor)), lum(rgb(getComputedStyle(back || document.body).backgroundColor))];
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  return {text: (el.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 30),
          style: getComputedStyle(el).outlineStyle, ratio: Math.round(ratio * 100) / 100};
}"""


def test_the_keyboard_focus_ring_stands_out_from_the_page(world, browser, live_server):
    """Links, the search field and buttons in the header and on the page: a ring of at least 3:1 contrast."""
    context, page, problems = _open(browser, live_server, world, "anonymous", "/", DESKTOP)
    try:
        seen = []
        for _ in range(9):  # skip link, brand, search field and button, nav links, the page's first buttons
            page.keyboard.press("Tab")
            seen.append(page.evaluate(FOCUS_CONTRAST_JS))
        weak = [f for f in seen if f["style"] == "none" or f["ratio"] < 3]
        assert weak == [], weak
    finally:
        context.close()


def test_the_chosen_ring_signal_kind_is_marked_on_screen_not_only_for_screen_readers(world, browser, live_server):
    """The kind filter in force carries aria-current, and sighted moderators see it too: bolder and not underlined."""
    context, page, problems = _open(browser, live_server, world, "moderator", "/moderation/signals?kind=near_duplicate",
                                    DESKTOP)
    try:
        looks = page.eval_on_selector_all(".filter-links a", """links => links.map(a => ({
            current: a.getAttribute('aria-current') === 'page',
            weight: getComputedStyle(a).fontWeight, line: getComputedStyle(a).textDecorationLine}))""")
        current = [look for look in looks if look["current"]]
        others = [look for look in looks if not look["current"]]
        assert len(current) == 1 and others, looks
        assert all((look["weight"], look["line"]) != (current[0]["weight"], current[0]["line"]) for look in others), looks
    finally:
        context.close()


# Each kind filter of the ring signals: how many boxes its text takes, its height, whether it stays in the window.
KIND_CHIPS_JS = """() => [...document.querySelectorAll('nav.filter-links a')].map((a) => {
  const box = a.getBoundingClientRect();
  return {text: a.textContent, boxes: a.getClientRects().length, height: box.height, listed: !!a.closest('li'),
          inside: box.left >= 0 && box.right <= document.documentElement.clientWidth}; })"""


def test_on_a_phone_the_ring_signal_kinds_wrap_as_whole_chips_not_a_run_of_text(world, browser, live_server,
                                                                                screenshots):
    """At 360 px the eight kind links ran on as one paragraph between dots, names broken across lines: each is now
    a list item, one box of at least 24 px (a touch target), wrapping whole."""
    context, page, problems = _open(browser, live_server, world, "moderator", "/moderation/signals", PHONE)
    try:
        chips = page.evaluate(KIND_CHIPS_JS)
        assert len(chips) == 8, chips
        assert all(c["boxes"] == 1 and c["height"] >= 24 and c["listed"] and c["inside"] for c in chips), chips
        assert "·" not in page.locator("nav.filter-links").inner_text()
        assert page.evaluate(OVERFLOW_JS)["wide"] == []
        page.locator("nav.filter-links").screenshot(path=str(screenshots / "ring-signals-kinds-360.png"))
    finally:
        context.close()


# Each "Reviews" / "Accounts" heading of a ring signal: the gap above it (from the evidence or list before) and below
# it (to the list it heads).
SIGNAL_HEADING_GAPS_JS = """() => [...document.querySelectorAll('article.signal h3')].map((h) => {
  const box = h.getBoundingClientRect();
  return {text: h.textContent, above: box.top - h.previousElementSibling.getBoundingClientRect().bottom,
          below: h.nextElementSibling.getBoundingClientRect().top - box.bottom}; })"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "360"])
def test_ring_signal_headings_stand_clear_of_the_evidence_and_close_to_their_list(world, browser, live_server,
                                                                                  viewport):
    """A heading belongs to what follows it: at least 12 px from the content above, nearer to its own list (it used
    to sit 6 px under the evidence and 16 px above its list)."""
    context, page, problems = _open(browser, live_server, world, "moderator", "/moderation/signals", viewport)
    try:
        gaps = page.evaluate(SIGNAL_HEADING_GAPS_JS)
        assert gaps, "no ring signal with reviews or accounts on the page"
        assert all(gap["above"] >= 12 and gap["below"] < gap["above"] for gap in gaps), gaps
        assert page.evaluate(OVERFLOW_JS)["wide"] == []
    finally:
        context.close()


# Pairs of buttons (and button-styled links) in one form that share a column but stand less than 6 px apart.
TOUCHING_BUTTONS_JS = """() => {
  const boxes = Array.from(document.querySelectorAll('main form .button, main form button, main form input[type=submit]'))
    .map((el) => [(el.value || el.textContent).trim(), el.getBoundingClientRect(), el.closest('form')]);
  const touching = [];
  for (const [a, ra, fa] of boxes) for (const [b, rb, fb] of boxes) {
    const sideBySide = ra.right <= rb.left || rb.right <= ra.left;
    if (fa === fb && a !== b && !sideBySide && rb.top >= ra.top && rb.top - ra.bottom < 6) touching.push([a, b]);
  }
  return touching;
}"""


@pytest.mark.parametrize(("role", "path"), [("owner", "/reviews/{review}/flag"), ("owner", "/makers/{slug}/edit")],
                         ids=["flag", "maker-edit"])
def test_a_forms_buttons_that_wrap_on_a_phone_keep_a_gap_between_them(role, path, world, browser, live_server):
    context, page, _problems = _open(browser, live_server, world, role, path, {"width": 320, "height": 740})
    try:
        assert page.locator("main form a.button.secondary").count() == 1  # the Cancel link is there to check
        assert page.evaluate(TOUCHING_BUTTONS_JS) == []
    finally:
        context.close()


NOTIFICATION_JS = """() => {
  const card = document.querySelector('li.notification');
  const heading = document.querySelector('main h1');
  const button = card.querySelector('.link-button');
  const dateLine = button.closest('.small');
  return {marker: getComputedStyle(card).listStyleType, indent: card.getBoundingClientRect().left
            - heading.getBoundingClientRect().left,
          buttonOnDateLine: !!dateLine && dateLine.contains(button) && dateLine.textContent.trim().length > 0
            && button.getBoundingClientRect().top - dateLine.getBoundingClientRect().top < 8};
}"""


def test_notifications_are_cards_in_the_page_column_with_mark_as_read_beside_the_date(world, browser, live_server):
    """At 360 px the cards sat 40 px in behind list bullets, and "Mark as read" fell out of its line (a form in a p)."""
    context, page, _problems = _open(browser, live_server, world, "buyer", "/notifications", PHONE)
    try:
        assert page.locator("li.notification.unread").count() > 0  # the owner's reply to the buyer's review
        found = page.evaluate(NOTIFICATION_JS)
        assert found == {"marker": "none", "indent": 0, "buttonOnDateLine": True}, found
    finally:
        context.close()


@pytest.mark.parametrize("reason", ["abusive", "fake", "off_topic"])
def test_my_reviews_wraps_a_long_hide_reason_at_phone_width(reason, world, browser, live_server):
    """A review hidden for a policy reason shows the reason in its status badge on the author's "My reviews"; at 360 px
    the longest reasons ran the badge (no wrapping) 70 px past the screen."""
    author_email = f"{unique('hidden')}@example.com"
    with live_server.app.extensions["craftreview.sessions"]() as db:
        author = accounts.register_user(db, email=author_email, display_name="Hidden Author", password=PASSWORD)
        maker = db.query(Maker).filter_by(slug=world.slug).one()
        review = review_service.submit_review(db, author, maker, review_service.ReviewInput(
            craftsmanship=2, consistency=2, delivery=2, title="A review a moderator hid", body="It was not good at all."))
        moderator = db.query(User).filter_by(email=MODERATOR_EMAIL).one()
        moderation.hide_review(db, moderator, review, reason, "Screenshot check.")
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    try:
        page = context.new_page()
        log_in(page, author_email, PASSWORD)
        page.goto("/me/reviews")
        expect(page.locator(".badge.hidden")).to_contain_text("Hidden by a moderator: ")
        found = page.evaluate(OVERFLOW_JS)
        assert found["scrollWidth"] <= found["width"], f"{found['scrollWidth']} px wide: {found['wide']}"
    finally:
        context.close()
