"""A buyer narrows a maker's reviews to orders like theirs, sorts them, and compares three makers (1280 and 360 px)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from craftreview.models import Maker, User
from tests.web.maker_world import add_review, rescore

from .ui import register, unique

PHONE, DESKTOP = {"width": 360, "height": 780}, {"width": 1280, "height": 900}
NAMES = ("Rowan Ceramics", "Juniper Leather", "Alder Glassworks")
NO_OVERFLOW_JS = "() => document.documentElement.scrollWidth <= window.innerWidth"


def _people(db, count: int) -> list[User]:
    users = [User(email=f"{unique('e2ebuyer')}@example.com", display_name=f"Buyer {n}", password_hash="x")
             for n in range(count)]
    db.add_all(users)
    db.commit()
    return users


def _arrange(app) -> list[str]:
    """Three makers with two years of varied reviews; scored and trended as `flask rescore` does."""
    slugs = []
    with app.extensions["craftreview.sessions"]() as db:
        for m, name in enumerate(NAMES):
            owner = _people(db, 1)[0]
            maker = Maker(owner_id=owner.id, name=name, slug=unique("e2e-maker-"), craft="ceramics",
                          location="Porto, Portugal", accepts_custom=True, lead_time_days=30)
            db.add(maker)
            db.commit()
            for i, buyer in enumerate(_people(db, 26 - 6 * m)):
                quality = 5 - (i % 4 == 0) - (m == 2) - (i % 9 == 0) * 2 if i > 5 else 3 + (i % 2)
                add_review(db, maker, buyer, stars=(quality, max(1, quality - i % 2), 1 + (i * 3 + m) % 5),
                           order_type=("custom", "stock")[i % 2], price_band=("300-1000", "25-100", "100-300")[i % 3],
                           verified=i % 3 == 0, late_days=(i * 5) % 9 - 4, lead_days=20 + (i % 2) * 15,
                           days_ago=8 + i * 27, helpful=i % 5, title=f"{name} order {i}",
                           reply_hours=18 + i * 5 if i % 2 == 0 else None)
            slugs.append(maker.slug)
        rescore(db)
    return slugs


@pytest.fixture(scope="module")
def makers(live_server) -> list[str]:
    return _arrange(live_server.app)


def _close_ups(page, screenshots, width: str) -> None:
    """The chart sections on their own, at readable size, for a person to look at."""
    page.locator("section.maker-charts").screenshot(path=str(screenshots / f"maker-charts-section-{width}.png"))
    page.locator(".record-grid").screenshot(path=str(screenshots / f"maker-record-section-{width}.png"))


def _order_facts(page) -> list[str]:
    return page.locator("article.review .order-context").all_inner_texts()


def _review_totals(page) -> list[int]:
    """Sum of each review's three star ratings, in page order (from the labelled star groups)."""
    totals = []
    for card in page.locator("article.review").all():
        labels = card.locator(".ratings .stars").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
        totals.append(sum(int(label.split()[0]) for label in labels))
    return totals


def test_filter_reviews_to_orders_like_mine_then_sort_lowest_first(new_actor, makers, screenshots):
    page = new_actor().page
    page.goto(f"/makers/{makers[0]}")
    expect(page.get_by_role("heading", name="Ratings, and how the estimate moved")).to_be_visible()
    page.screenshot(path=str(screenshots / "maker-charts-1280.png"), full_page=True)
    _close_ups(page, screenshots, "1280")
    page.get_by_label("Order type").select_option("custom")
    page.get_by_label("Price band").select_option("300-1000")
    page.get_by_role("button", name="Show reviews").click()
    expect(page).to_have_url(re.compile(r"order=custom.*price=300-1000|price=300-1000.*order=custom"))
    facts = _order_facts(page)
    assert facts and all("Custom order" in f and "300–1,000" in f for f in facts)
    summary = page.locator(".filter-summary").inner_text()
    assert f"Showing {len(facts)} matching review" in summary
    page.get_by_role("navigation", name="Sort reviews").get_by_role("link", name="Lowest rated").click()
    expect(page).to_have_url(re.compile(r"sort=lowest"))
    assert all("Custom order" in f and "300–1,000" in f for f in _order_facts(page))
    totals = _review_totals(page)
    assert totals == sorted(totals) and len(totals) == len(facts)
    page.set_viewport_size(PHONE)
    assert page.evaluate(NO_OVERFLOW_JS)
    page.screenshot(path=str(screenshots / "maker-filtered-360.png"), full_page=True)
    page.locator("section.reviews-section").screenshot(path=str(screenshots / "maker-filtered-reviews-360.png"))


def test_compare_three_makers_from_their_pages(new_actor, makers, screenshots):
    page = new_actor().page
    for n, slug in enumerate(makers, 1):
        page.goto(f"/makers/{slug}")
        page.get_by_role("button", name="Add to compare").click()
        expect(page.locator(".flash")).to_contain_text(f"to your compare list ({n} of 4)")
    page.get_by_role("link", name="Compare 3 makers").click()
    expect(page.get_by_role("heading", name="Compare makers")).to_be_visible()
    columns = page.locator("article.compare-column h2")
    expect(columns).to_have_text(list(NAMES))
    for name in NAMES:
        column = page.locator("article.compare-column").filter(has=page.get_by_role("heading", name=name))
        expect(column.get_by_text(re.compile(r"Custom orders"))).to_be_visible()
        expect(column.get_by_text(re.compile(r"\d+ reviews?, \d+ from verified orders"))).to_be_visible()
    page.screenshot(path=str(screenshots / "compare-1280.png"), full_page=True)
    page.set_viewport_size(PHONE)
    assert page.evaluate(NO_OVERFLOW_JS)
    page.screenshot(path=str(screenshots / "compare-360.png"), full_page=True)
    page.goto(f"/makers/{makers[0]}")
    assert page.evaluate(NO_OVERFLOW_JS)
    page.screenshot(path=str(screenshots / "maker-charts-360.png"), full_page=True)
    _close_ups(page, screenshots, "360")


def test_on_a_phone_the_review_filters_wait_behind_a_link(new_actor, makers):
    page = new_actor().page
    page.set_viewport_size(PHONE)
    page.goto(f"/makers/{makers[0]}?order=custom")
    form = page.locator("form#review-filters")
    expect(form).to_be_hidden()  # the reviews come sooner; the chips still say what is filtered
    expect(page.locator(".filter-summary")).to_contain_text("custom orders")
    page.get_by_role("link", name="Filter reviews (1 active)").click()
    expect(form).to_be_visible()
    expect(page.get_by_label("Order type")).to_have_value("custom")
    assert page.evaluate(NO_OVERFLOW_JS)


# Where the flash and the review voted on stand in the window, after the page came back to the review.
FLASH_AND_REVIEW_JS = """(id) => {
  const flash = document.querySelector('.flash').getBoundingClientRect();
  const review = document.getElementById(id).getBoundingClientRect();
  return {flashTop: flash.top, flashBottom: flash.bottom, reviewTop: review.top, height: window.innerHeight};
}"""


def test_on_a_phone_a_helpful_vote_says_so_beside_the_review_it_returns_to(new_actor, makers, screenshots):
    """The vote comes back to #review-<id>: "Marked as helpful." stood at the top of the page, some 4,000 px above,
    unseen. It stays in view at the top of the window, clear of the review, as "Add to compare" does."""
    page = new_actor().page
    register(page, f"{unique('voter')}@example.com", "Helpful Voter")
    page.set_viewport_size(PHONE)
    page.goto(f"/makers/{makers[0]}")
    review = page.locator("article.review").last
    review_id = review.get_attribute("id")
    review.get_by_role("button", name="Helpful").click()
    expect(page).to_have_url(re.compile(rf"#{review_id}$"))
    expect(page.locator(".flash")).to_have_text("Marked as helpful.")
    expect(page.locator(f"#{review_id}").get_by_role("button", name="Remove helpful vote")).to_be_visible()
    where = page.evaluate(FLASH_AND_REVIEW_JS, review_id)
    assert page.evaluate("window.scrollY") > 1000  # far down the page, as on a phone
    assert 0 <= where["flashTop"] and where["flashBottom"] <= where["height"], where
    assert where["flashBottom"] <= where["reviewTop"], where  # it covers none of the review
    assert page.evaluate(NO_OVERFLOW_JS)
    page.screenshot(path=str(screenshots / "maker-helpful-vote-360.png"))


# Each select's widest choice, measured in its own font, against the room inside it: the text, its padding and the
# drop-down arrow (about 20 px in Chromium; 24 allowed).
CUT_CHOICES_JS = """() => [...document.querySelectorAll('#review-filters select')].filter(select => {
    const style = getComputedStyle(select), ctx = document.createElement('canvas').getContext('2d');
    ctx.font = style.font;
    const widest = Math.max(...[...select.options].map(option => ctx.measureText(option.text).width));
    return widest + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 24 > select.clientWidth;
}).map(select => select.id)"""


def test_on_a_phone_each_review_filter_shows_its_choice_uncut(new_actor, makers, screenshots):
    """At 360 px the three star filters stood two to a row, 131 px each: "5 stars (21)" read "5 stars (21"."""
    page = new_actor().page
    page.set_viewport_size(PHONE)
    page.goto(f"/makers/{makers[0]}?craftsmanship=5")
    page.get_by_role("link", name="Filter reviews (1 active)").click()
    expect(page.get_by_label("Craftsmanship stars")).to_be_visible()
    assert page.evaluate(CUT_CHOICES_JS) == []
    assert page.evaluate(NO_OVERFLOW_JS)
    page.locator("form#review-filters").screenshot(path=str(screenshots / "maker-filters-form-360.png"))

SPILL_JS = """() => [...document.querySelectorAll('table.glance th, table.glance td')]
    .filter(cell => cell.scrollWidth > cell.clientWidth + 1)
    .map(cell => cell.textContent.trim().replace(/\\s+/g, ' ').slice(0, 30))"""


def test_at_a_glance_on_a_phone_keeps_each_figure_inside_its_own_column(new_actor, live_server, makers):
    """Four makers, one named with the longest unbroken name allowed: no name, badge or figure runs into the next."""
    with live_server.app.extensions["craftreview.sessions"]() as db:
        extra = []
        for name in ("Willow Anvil Glassworks", "W" * 100):
            owner = _people(db, 1)[0]
            maker = Maker(owner_id=owner.id, name=name, slug=unique("e2e-glance-"), craft="glass",
                          location="Leeds, United Kingdom", accepts_custom=False, lead_time_days=5)
            db.add(maker)
            db.commit()
            for i, buyer in enumerate(_people(db, 3)):
                add_review(db, maker, buyer, stars=(4, 3 + i % 2, 4), verified=i == 0, late_days=i - 1,
                           days_ago=10 + i, title=f"Glance order {i}")
            extra.append(maker.slug)
        rescore(db)
    page = new_actor().page
    page.set_viewport_size(PHONE)
    page.goto("/compare?makers=" + ",".join([makers[0], makers[2], *extra]))
    expect(page.locator("table.glance thead th")).to_have_count(4)
    assert page.evaluate(NO_OVERFLOW_JS)
    assert page.evaluate(SPILL_JS) == []


REGION_SCROLLS_JS = "() => { const r = document.querySelector('.glance-scroll'); return r.scrollWidth > r.clientWidth; }"


def _maker_named(db, name: str) -> str:
    owner = _people(db, 1)[0]
    maker = Maker(owner_id=owner.id, name=name, slug=unique("e2e-longword-"), craft="glass",
                  location="Köln, Germany", accepts_custom=False, lead_time_days=5)
    db.add(maker)
    db.commit()
    add_review(db, maker, _people(db, 1)[0], stars=(4, 4, 4), late_days=0, title="Long word order")
    return maker.slug


def test_at_a_glance_three_makers_with_one_long_word_each_fit_a_phone_without_scrolling(new_actor, live_server,
                                                                                       screenshots):
    """Names longer than a column (German compounds) break inside the word, so three makers still fit 360 px."""
    with live_server.app.extensions["craftreview.sessions"]() as db:
        slugs = [_maker_named(db, name) for name in
                 ("Kristallglasmanufaktur Berg", "Holzspielzeugwerkstatt", "Porzellanmalereiatelier Nord")]
        rescore(db)
    page = new_actor().page
    page.set_viewport_size(PHONE)
    page.goto("/compare?makers=" + ",".join(slugs))
    expect(page.locator("table.glance thead th")).to_have_count(3)
    assert page.evaluate(NO_OVERFLOW_JS)
    assert not page.evaluate(REGION_SCROLLS_JS)
    assert page.evaluate(SPILL_JS) == []
    page.locator(".glance-scroll").screenshot(path=str(screenshots / "compare-long-words-360.png"))
    page.set_viewport_size(DESKTOP)
    assert not page.evaluate(REGION_SCROLLS_JS) and page.evaluate(NO_OVERFLOW_JS)
    page.locator(".glance-scroll").screenshot(path=str(screenshots / "compare-long-words-1280.png"))


NAME_LINES_JS = """() => Array.from(document.querySelectorAll('table.glance thead th a')).map((a) => {
  const range = document.createRange();
  range.selectNodeContents(a);
  return [a.textContent, new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size];
})"""


@pytest.mark.parametrize("count", [1, 3])
def test_at_a_glance_on_a_desktop_a_short_name_stays_on_one_line(new_actor, makers, count):
    """At 1280 px each column is hundreds of pixels wide, but a phone's 6.5em cap broke 'Rowan Ceramics' in two."""
    page = new_actor().page
    page.set_viewport_size(DESKTOP)
    page.goto("/compare?makers=" + ",".join(makers[:count]))
    assert page.evaluate(NAME_LINES_JS) == [[name, 1] for name in NAMES[:count]]
