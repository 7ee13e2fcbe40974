"""The maker page: rating histograms, stored trend, delivery record, tier chances, review filters/sort/pages."""
from __future__ import annotations

import html
import re
from datetime import date

import pytest

from craftreview.models import MakerScoreRow
from craftreview.services.trends import load_trends
from tests.conftest import DATABASES, fresh, login
from tests.web.maker_world import add_review, many_reviews, rescore

pytestmark = pytest.mark.parametrize("database_url", DATABASES, indirect=True)


def text_of(response) -> str:
    """The page as plain text (tags dropped, entities decoded, spaces collapsed)."""
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", html.unescape(body))


def titles(response) -> list[str]:
    """Review titles in page order."""
    return re.findall(r'<h3><a href="/reviews/\d+">([^<]+)</a></h3>', response.get_data(as_text=True))


def hidden_sentence(response, element_id: str) -> str:
    found = re.search(rf'id="{element_id}">(.*?)</p>', response.get_data(as_text=True), re.S)
    return html.unescape(found.group(1)) if found else ""


@pytest.fixture
def maker(make_maker):
    return make_maker(name="Fern Kiln")


def test_histogram_counts_each_star_per_dimension(client, db, maker, make_user):
    for stars in [(5, 4, 1), (5, 4, 2), (3, 4, 2)]:
        add_review(db, maker, make_user(), stars=stars)
    page = client.get(f"/makers/{maker.slug}")
    assert page.status_code == 200
    assert hidden_sentence(page, "hist-craftsmanship-text") == (
        "2 gave 5 stars, 0 gave 4 stars, 1 gave 3 stars, 0 gave 2 stars, 0 gave 1 star.")
    assert hidden_sentence(page, "hist-consistency-text").startswith("0 gave 5 stars, 3 gave 4 stars")
    assert hidden_sentence(page, "hist-delivery-text").endswith("2 gave 2 stars, 1 gave 1 star.")


def test_stars_filter_shows_matching_reviews_with_counts_beside_each_value(client, db, maker, make_user):
    for n, stars in enumerate([(5, 4, 4), (5, 3, 4), (2, 4, 4)]):
        add_review(db, maker, make_user(), stars=stars, title=f"Review {n}")
    page = client.get(f"/makers/{maker.slug}?craftsmanship=5")
    assert sorted(titles(page)) == ["Review 0", "Review 1"]
    text = text_of(page)
    assert "Showing 2 matching reviews (3 in all)" in text
    # Counts of another dimension's values are under the active filter; the active group's own are not.
    assert "5 stars (2)" in text and "2 stars (1)" in text and "4 stars (1) 3 stars (1)" in text


def test_orders_like_mine_filters_by_type_and_price_band(client, db, maker, make_user):
    add_review(db, maker, make_user(), order_type="custom", price_band="300-1000", title="Custom dear")
    add_review(db, maker, make_user(), order_type="custom", price_band="25-100", title="Custom cheap")
    add_review(db, maker, make_user(), order_type="stock", price_band="300-1000", title="Stock dear")
    page = client.get(f"/makers/{maker.slug}?order=custom&price=300-1000")
    assert titles(page) == ["Custom dear"]
    text = text_of(page)
    assert "Custom order (1)" in text and "Stock item (1)" in text  # price fixed at 300-1000
    assert "Under $25 (0)" in text and "$25–100 (1)" in text  # order type fixed at custom


def test_verified_only_filter_and_its_count(client, db, maker, make_user):
    add_review(db, maker, make_user(), verified=True, title="Verified one")
    add_review(db, maker, make_user(), title="Unverified one")
    page = client.get(f"/makers/{maker.slug}?verified=1")
    assert titles(page) == ["Verified one"]
    assert "Verified orders only (1)" in text_of(page)


@pytest.mark.parametrize(("sort", "expected"), [
    ("lowest", ["Low", "Middle", "High"]),
    ("highest", ["High", "Middle", "Low"]),
    ("helpful", ["Middle", "High", "Low"]),
    ("newest", ["Low", "High", "Middle"]),
])
def test_sorts_order_the_reviews(client, db, maker, make_user, sort, expected):
    add_review(db, maker, make_user(), stars=(5, 5, 5), title="High", helpful=2, days_ago=5)
    add_review(db, maker, make_user(), stars=(3, 3, 4), title="Middle", helpful=9, days_ago=9)
    add_review(db, maker, make_user(), stars=(1, 2, 1), title="Low", helpful=0, days_ago=1)
    assert titles(client.get(f"/makers/{maker.slug}?sort={sort}")) == expected


def test_pagination_keeps_filters_and_sort(client, db, maker, make_user):
    for n in range(14):
        add_review(db, maker, make_user(), order_type="custom", stars=(1 + n % 5, 3, 3), title=f"Custom {n:02d}")
    add_review(db, maker, make_user(), order_type="stock", title="Stock")
    first = client.get(f"/makers/{maker.slug}?order=custom&sort=lowest")
    next_link = re.search(r'href="([^"]+)" rel="next"', first.get_data(as_text=True)).group(1)
    assert "order=custom" in next_link and "sort=lowest" in next_link and "page=2" in next_link
    second = client.get(html.unescape(next_link))
    shown = titles(first) + titles(second)
    assert len(titles(first)) == 10 and len(shown) == 14 and "Stock" not in shown
    assert "Page 2 of 2" in text_of(second)
    assert "Showing 1–10 of 14 matching reviews (15 in all)" in text_of(first)
    assert "Showing 11–14 of 14 matching reviews" in text_of(second)
    # The filter form keeps the sort chosen by the links above it.
    assert '<input type="hidden" name="sort" value="lowest">' in first.get_data(as_text=True)


@pytest.mark.parametrize(("sort", "words"), [("newest", ("← Newer", "Older →")), ("helpful", ("← Previous", "Next →")),
                                              ("lowest", ("← Previous", "Next →")),
                                              ("highest", ("← Previous", "Next →"))])
def test_the_page_links_say_newer_and_older_only_for_reviews_in_date_order(client, db, maker, make_user, sort, words):
    """Under "Lowest rated", the next page holds higher ratings, not older reviews: "Older →" misled."""
    for n in range(12):
        add_review(db, maker, make_user(), stars=(1 + n % 5, 3, 3), days_ago=n + 1)
    page = client.get(f"/makers/{maker.slug}?sort={sort}").get_data(as_text=True)
    nav = re.search(r'<nav class="pagination".*?</nav>', page, re.S).group(0)
    assert words[0] in nav and words[1] in nav
    others = {"← Newer", "Older →", "← Previous", "Next →"} - set(words)
    assert not [w for w in others if w in nav]


def test_a_last_page_of_one_review_says_which_one_not_a_range(client, db, maker, make_user):
    for n in range(11):
        add_review(db, maker, make_user(), title=f"Review {n:02d}")
    assert "Showing 11 of 11 reviews" in text_of(client.get(f"/makers/{maker.slug}?page=2"))
    assert "Showing 1–10 of 11 reviews" in text_of(client.get(f"/makers/{maker.slug}"))


def test_a_review_without_votes_or_actions_has_no_empty_footer(client, db, maker, make_user):
    add_review(db, maker, make_user(), title="Quiet review")
    add_review(db, maker, make_user(), title="Liked review", helpful=2)
    page = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    assert page.count('class="review-actions"') == 1 and "2 found this helpful" in page
    assert "Showing all 2 reviews, newest first." in text_of(client.get(f"/makers/{maker.slug}"))


def test_changing_a_filter_starts_again_at_page_one(client, db, maker, make_user):
    for n in range(12):
        add_review(db, maker, make_user(), title=f"R{n}")
    page = client.get(f"/makers/{maker.slug}?page=2&sort=lowest").get_data(as_text=True)
    sort_link = re.search(r'href="([^"]*sort=highest[^"]*)"', page).group(1)
    assert "page=" not in sort_link



def test_sort_and_page_links_land_on_the_reviews_not_the_top_of_the_page(client, db, maker, make_user):
    """On a phone the reviews start some 3,000 px down, under the panel and charts: a sort or page link that opened
    the page at its top left the reader scrolling back down after every click (the filter form already lands there)."""
    for n in range(12):
        add_review(db, maker, make_user(), stars=(1 + n % 5, 3, 3), title=f"R{n}")
    for query in ("", "?sort=lowest", "?sort=lowest&page=2"):
        page = client.get(f"/makers/{maker.slug}{query}").get_data(as_text=True)
        sorts = re.search(r'<nav class="sort-links".*?</nav>', page, re.S).group(0)
        pages = re.search(r'<nav class="pagination".*?</nav>', page, re.S).group(0)
        links = re.findall(r'href="([^"]+)"', sorts) + re.findall(r'href="([^"]+)"', pages)
        assert len(links) >= 4
        assert all(link.endswith("#reviews-heading") for link in links), links

@pytest.mark.parametrize("query", [
    "craftsmanship=9", "craftsmanship=abc", "sort=bogus", "page=abc", "page=-3", "page=99999999999999",
    "price=%3Cscript%3E", "order=both", "verified=maybe", "delivery=", "consistency=0&page=0",
])
def test_bad_parameters_are_ignored(client, db, maker, make_user, query):
    add_review(db, maker, make_user(), title="Only review")
    page = client.get(f"/makers/{maker.slug}?{query}", follow_redirects=True)  # an empty value: tidied away first
    assert page.status_code == 200
    assert titles(page) == ["Only review"]


def test_a_filter_form_sent_with_any_left_in_place_redirects_to_the_address_without_the_empty_values(
        client, db, maker, make_user):
    """The form sends "Any" as an empty value: ?craftsmanship=&consistency=&... in the address bar and in shared
    links, and a page the stored copy could have answered (stored_pages serves only requests without arguments)."""
    add_review(db, maker, make_user(), stars=(5, 4, 4), title="Only review")
    every_any = "craftsmanship=&consistency=&delivery=&order=&price="
    response = client.get(f"/makers/{maker.slug}?{every_any}")
    assert response.status_code == 303 and response.headers["Location"] == f"/makers/{maker.slug}"
    response = client.get(f"/makers/{maker.slug}?craftsmanship=5&consistency=&delivery=&order=&price=&sort=lowest")
    assert response.status_code == 303
    assert response.headers["Location"] == f"/makers/{maker.slug}?craftsmanship=5&sort=lowest"
    assert titles(client.get(response.headers["Location"])) == ["Only review"]
    # Nothing to tidy: the page itself, and the form's own links carry no empty values either.
    page = client.get(f"/makers/{maker.slug}?craftsmanship=5&sort=lowest")
    assert page.status_code == 200
    assert not re.search(r'href="/makers/[^"]*=(&amp;|#|")', page.get_data(as_text=True))


def test_each_monthly_figures_toggle_names_its_own_chart(client, db, maker, make_user):
    """Three "Monthly figures" toggles alike: a screen reader's list of controls could not tell them apart."""
    many_reviews(db, maker, make_user, 5)
    rescore(db)
    body = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    names = [re.sub(r"<[^>]+>", "", found) for found in re.findall(r"<summary>(Monthly figures.*?)</summary>", body)]
    assert names == ["Monthly figures for craftsmanship", "Monthly figures for consistency",
                     "Monthly figures for delivery"]


def test_a_page_past_the_end_shows_the_last_page(client, db, maker, make_user):
    for n in range(12):
        add_review(db, maker, make_user(), title=f"R{n}")
    page = client.get(f"/makers/{maker.slug}?page=7")
    assert len(titles(page)) == 2 and "Page 2 of 2" in text_of(page)


def test_delivery_record_keeps_custom_and_stock_apart_and_lateness_counts_late_orders_only(
        client, db, maker, make_user):
    for late in (-2, 0, 2, 4, 10):
        add_review(db, maker, make_user(), order_type="custom", late_days=late, lead_days=30)
    for late in (0, -1):
        add_review(db, maker, make_user(), order_type="stock", late_days=late, lead_days=5)
    text = text_of(client.get(f"/makers/{maker.slug}"))
    assert "Custom orders 2 of 5 on time; the 3 late ones were typically 4 days late." in text
    assert "Stock items 2 of 2 on time." in text
    assert "From buyers' dates: promised in 30 days, delivered in 32 days (medians)." in text  # delivered 30+0 .. 30+4 days
    assert "From buyers' dates: promised in 5 days, delivered in 4–5 days (medians)." in text


def test_reply_rate_and_typical_reply_time(client, db, maker, make_user):
    add_review(db, maker, make_user(), reply_hours=30)
    add_review(db, maker, make_user(), reply_hours=72)
    add_review(db, maker, make_user(), reply_hours=96)
    add_review(db, maker, make_user())
    text = text_of(client.get(f"/makers/{maker.slug}"))
    assert "3 of 4 reviews answered (75%); median reply time 3 days." in text


def test_trend_is_stored_by_rescore_and_ends_at_the_current_estimate(client, db, maker, make_user):
    many_reviews(db, maker, make_user, 12)
    rescore(db)
    page = client.get(f"/makers/{maker.slug}")
    score = maker.score
    db.refresh(score)
    sentence = hidden_sentence(page, "trend-craftsmanship-sentence") or text_of(page)
    # The sentence says what the score panel says (the stored estimate, not the trend's 3-decimal copy of it).
    assert f"Craftsmanship {score.craftsmanship:.1f} now (90% range {score.craftsmanship_low:.1f}–" in text_of(page)
    assert sentence
    assert page.get_data(as_text=True).count('class="trend-line"') == 3


def test_a_new_review_refreshes_the_stored_trend(client, db, maker, make_user, make_review):
    make_review(make_user(), maker, craftsmanship=5)
    text = text_of(client.get(f"/makers/{maker.slug}"))
    assert "Craftsmanship estimate by month" in text and "No reviews yet, so no history." not in text


def test_tier_chances_are_shown_as_bars_with_text(client, db, maker, make_user):
    many_reviews(db, maker, make_user, 8)
    rescore(db)
    sentence = hidden_sentence(client.get(f"/makers/{maker.slug}"), "tier-chance-text")
    shares = re.findall(r"(Master|Skilled|Developing|Novice) (<1|>99|\d+)%", sentence)
    assert [name for name, _ in shares] == ["Master", "Skilled", "Developing", "Novice"]


def test_maker_without_reviews_says_so_without_charts(client, maker):
    text = text_of(client.get(f"/makers/{maker.slug}"))
    assert "No reviews yet, so no history." in text and "No reviews yet, so no tier." in text
    assert "Filter reviews" not in text
    # one line instead of three empty histograms ("0 gave 5 stars" five times over)
    assert "appear here with the first review" in text and "chart-card" not in client.get(
        f"/makers/{maker.slug}").get_data(as_text=True)


def test_a_maker_without_reviews_is_pointed_to_invitations_not_asked_to_review_itself(client, db, maker):
    """A buyer is asked to write the first review; the owner, who may not review its own profile, is told how
    buyers are invited instead."""
    assert "Be the first to review" in text_of(client.get(f"/makers/{maker.slug}"))
    login(client, maker.owner)
    response = client.get(f"/makers/{maker.slug}")
    assert f'href="/makers/{maker.slug}/review"' not in response.get_data(as_text=True)
    assert "Be the first to review" not in text_of(response)
    assert "No reviews yet. Record an order on your dashboard" in text_of(response)
    assert 'href="/dashboard"' in response.get_data(as_text=True).split('id="reviews-heading"', 1)[1]


def test_charts_use_no_inline_style_or_script(client, db, maker, make_user):
    many_reviews(db, maker, make_user, 5)
    rescore(db)
    body = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    assert "style=" not in body and "<script" not in body
    assert re.search(r'<svg class="chart-svg" viewBox="0 0 320 150"', body)


def test_a_write_keeps_finished_months_and_moves_the_current_one(client, db, maker, make_user, make_review):
    many_reviews(db, maker, make_user, 10)
    rescore(db)
    before = load_trends(db, [maker.id])[maker.id]
    # Two stars, not one: a third one-star from a brand-new account would complete a one-star cluster (a ring
    # signal), which the stored score counts at once as weaker evidence, lifting the estimate.
    make_review(make_user(), maker, craftsmanship=2, consistency=2, delivery=2)
    fresh(db)
    after = load_trends(db, [maker.id])[maker.id]
    assert after["points"][:-1] == before["points"][:-1]
    assert after["points"][-1]["craftsmanship"][0] < before["points"][-1]["craftsmanship"][0]
    score = db.get(MakerScoreRow, maker.id)
    assert after["points"][-1]["craftsmanship"][0] == pytest.approx(score.craftsmanship, abs=1e-3)


def test_one_review_and_a_one_day_lead_time_are_singular(client, db, maker, make_user):
    maker.lead_time_days = 1
    add_review(db, maker, make_user(), late_days=1, lead_days=1)
    rescore(db)
    text = text_of(client.get(f"/makers/{maker.slug}"))
    assert "0 of 1 review answered (0%)." in text
    assert "From buyers' dates: promised in 1 day, delivered in 2 days (medians)." in text
    assert "Lead time the maker states: 1 day " in text and text.count("Lead time the maker states: 1 day ") == 2 and "1 days" not in text


def test_a_helpful_vote_returns_to_the_page_and_sort_it_was_cast_on(client, db, maker, make_user):
    reviews = [add_review(db, maker, make_user(), stars=(k % 5 + 1, 4, 4), title=f"R{k}", days_ago=k + 1)
               for k in range(12)]
    login(client, make_user("reader"))
    shown = client.get(f"/makers/{maker.slug}?sort=lowest&page=2").get_data(as_text=True)
    target = next(r for r in reviews if f'id="review-{r.id}"' in shown)
    assert f'name="next" value="/makers/{maker.slug}?sort=lowest&amp;page=2"' in shown
    response = client.post(f"/reviews/{target.id}/helpful", data={"next": f"/makers/{maker.slug}?sort=lowest&page=2"})
    assert response.headers["Location"] == f"/makers/{maker.slug}?sort=lowest&page=2#review-{target.id}"
    for away in ("https://evil.example/", "//evil.example/x", None):
        response = client.post(f"/reviews/{target.id}/helpful", data={"next": away} if away else {})
        assert response.headers["Location"] == f"/makers/{maker.slug}#review-{target.id}"


@pytest.mark.parametrize(("stated", "line"), [
    ({"order_type": None, "price_band": None}, "ordered 1 Nov 2026 · delivered 20 Nov 2026"),
    ({"order_type": None, "price_band": "25-100", "ordered_on": None, "delivered_on": None}, "$25–100"),
    ({"order_type": None, "price_band": None, "ordered_on": None, "promised_by": date(2026, 11, 10),
      "delivered_on": None}, "promised by 10 Nov 2026"),
    ({"order_type": "custom", "price_band": None}, "Custom order · ordered 1 Nov 2026 · delivered 20 Nov 2026"),
])
def test_a_reviews_order_line_shows_what_was_stated_without_a_stray_separator(client, db, maker, make_user,
                                                                               stated, line):
    values = {"order_type": "stock", "price_band": "25-100", "ordered_on": date(2026, 11, 1),
              "promised_by": None, "delivered_on": date(2026, 11, 20), **stated}
    review = add_review(db, maker, make_user())
    for name, value in values.items():
        setattr(review, name, value)
    db.commit()
    for path in (f"/reviews/{review.id}", f"/makers/{maker.slug}"):
        found = re.search(r'<p class="order-context muted small">(.*?)</p>', client.get(path).get_data(as_text=True),
                          re.S)
        assert found, f"{path}: no order line"
        assert re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", found.group(1)))).strip() == line


def test_filters_matching_nothing_name_no_sort_order(client, db, maker, make_user):
    """"No matching reviews (2 in all): Craftsmanship 1★ ×, newest first." put an order on nothing: the sort is named
    only when there are reviews to put in order."""
    for stars in [(5, 4, 4), (4, 4, 4)]:
        add_review(db, maker, make_user(), stars=stars)
    text = text_of(client.get(f"/makers/{maker.slug}?craftsmanship=1&sort=lowest"))
    assert "No matching reviews (2 in all): Craftsmanship 1★ × ." in text
    assert "first." not in text
    assert "Showing 1 matching review (2 in all): Craftsmanship 5★ × , lowest rated first." in text_of(
        client.get(f"/makers/{maker.slug}?craftsmanship=5&sort=lowest"))
