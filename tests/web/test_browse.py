"""Browsing makers: filters with counts, sorts, keyset pages; on SQLite and PostgreSQL."""
from __future__ import annotations

import itertools
import re
from datetime import timedelta

import pytest

from craftreview.models import Maker, MakerScoreRow, utcnow
from craftreview.services import scores
from craftreview.services.browse import BrowseFilters, browse_page
from tests.conftest import fresh, review_input

_n = itertools.count(1)


def add_maker(db, make_user, *, name=None, craft="wood", location="Leeds, United Kingdom", custom=False,
              lead=None, tier="skilled", rank=None, reviews=5, on_time=None, age_days=100):
    """A maker with a stored score row (or none when tier is None), inserted directly (fast)."""
    n = next(_n)
    maker = Maker(owner_id=make_user().id, name=name or f"Maker {n}", slug=f"browse-{n}", craft=craft,
                  location=location, bio="", accepts_custom=custom, lead_time_days=lead,
                  created_at=utcnow() - timedelta(days=age_days))
    db.add(maker)
    db.flush()
    if tier is not None:
        overall = 4.0
        db.add(MakerScoreRow(
            maker_id=maker.id, model_version="test", computed_at=utcnow(), overall=overall, overall_low=3.5,
            overall_high=4.5, craftsmanship=4, craftsmanship_low=3.5, craftsmanship_high=4.5, consistency=4,
            consistency_low=3.5, consistency_high=4.5, delivery=4, delivery_low=3.5, delivery_high=4.5,
            p_skilled=0.9, tier=tier, tier_confidence=0.9, rank_score=rank if rank is not None else 20 + n / 1000,
            review_count=reviews, verified_count=1, on_time_rate=on_time, detail_json='{"big": "explanation"}'))
    db.commit()
    return maker


def names(html: str) -> list[str]:
    """Maker names on the cards, in page order."""
    return re.findall(r'<h3><a href="/makers/[^"]+">([^<]+)</a></h3>', html)


def test_browse_filters_by_craft_place_tier_custom_and_lead_time(client, db, make_user):
    add_maker(db, make_user, name="Right One", craft="ceramics", location="Kyoto, Japan", custom=True, lead=20)
    add_maker(db, make_user, name="Wrong Craft", craft="wood", location="Kyoto, Japan", custom=True, lead=20)
    add_maker(db, make_user, name="Wrong Country", craft="ceramics", location="Leeds, United Kingdom", custom=True,
              lead=20)
    add_maker(db, make_user, name="Wrong Tier", craft="ceramics", location="Mashiko, Japan", tier="novice",
              custom=True, lead=20)
    add_maker(db, make_user, name="No Commissions", craft="ceramics", location="Kyoto, Japan", lead=20)
    add_maker(db, make_user, name="Too Slow", craft="ceramics", location="Kyoto, Japan", custom=True, lead=45)
    html = client.get("/makers?craft=ceramics&place=Japan&tier=skilled&custom=1&max_lead=30").get_data(as_text=True)
    assert names(html) == ["Right One"]
    assert "1 maker ·" in html
    city = client.get("/makers?place=Kyoto,+Japan&sort=newest").get_data(as_text=True)
    assert sorted(names(city)) == ["No Commissions", "Right One", "Too Slow", "Wrong Craft"]


@pytest.mark.parametrize("typed", ["Japan%00", "%00", "Ja%00pan", "Japan%1b%7f"])
def test_a_place_with_control_characters_is_read_without_them(client, db, make_user, typed):
    """?place=%00 answered 500 on PostgreSQL, which refuses a NUL byte in any text parameter (found by an audit of
    every query argument against a running server): control characters are dropped, as from any typed text."""
    add_maker(db, make_user, name="Kyoto Kiln", craft="ceramics", location="Kyoto, Japan")
    response = client.get(f"/makers?place={typed}&sort=newest", follow_redirects=True)
    assert response.status_code == 200
    assert names(response.get_data(as_text=True)) == ["Kyoto Kiln"]  # Japan, or no place at all


def test_a_typed_place_is_read_as_the_filter_names_it(client, db, make_user):
    """?place=Kyoto used to find nobody: the filter matches a country or a city's whole location."""
    add_maker(db, make_user, name="Kyoto Kiln", craft="ceramics", location="Kyoto, Japan")
    add_maker(db, make_user, name="Mashiko Kiln", craft="ceramics", location="Mashiko, Japan")
    add_maker(db, make_user, name="Oregon Forge", location="Portland, United States")
    add_maker(db, make_user, name="Maine Forge", location="Portland, Canada")
    add_maker(db, make_user, name="Potteries Kiln", craft="ceramics", location="Stoke-on-Trent, United Kingdom")
    add_maker(db, make_user, name="Harbour Kiln", craft="ceramics", location="Reykjavík, Iceland")
    for typed, named in (("Kyoto", "Kyoto%2C+Japan"), ("kyoto", "Kyoto%2C+Japan"), ("KYOTO,   japan", "Kyoto%2C+Japan"),
                         ("kyoto,japan", "Kyoto%2C+Japan"), ("japan", "Japan"),
                         ("stoke on trent", "Stoke-on-Trent%2C+United+Kingdom"),
                         ("reykjavik", "Reykjav%C3%ADk%2C+Iceland")):
        response = client.get(f"/makers?place={typed}&craft=ceramics&sort=newest")
        assert response.status_code == 302, typed
        assert response.headers["Location"] == f"/makers?place={named}&craft=ceramics&sort=newest"
    assert names(client.get("/makers?place=Kyoto", follow_redirects=True).get_data(as_text=True)) == ["Kyoto Kiln"]
    # A city of that name in two countries, or no such place: the listing as typed, which finds nobody.
    for typed in ("Portland", "Atlantis"):
        response = client.get(f"/makers?place={typed}")
        assert response.status_code == 200 and names(response.get_data(as_text=True)) == []
    page = client.get("/makers?place=portland&sort=newest").get_data(as_text=True)
    assert ('More than one place is called <bdi>portland</bdi>: choose '
            '<a href="/makers?place=Portland%2C+Canada&amp;sort=newest">Portland, Canada</a> or '
            '<a href="/makers?place=Portland%2C+United+States&amp;sort=newest">Portland, United States</a>.') in page
    assert "More than one place" not in client.get("/makers?place=Atlantis").get_data(as_text=True)
    assert client.get("/makers?place=Japan").status_code == 200  # as the filter names it: no redirect


def test_counts_beside_each_filter_count_the_makers_matching_the_other_filters(client, db, make_user):
    add_maker(db, make_user, craft="ceramics", location="Kyoto, Japan", custom=True, lead=20)
    add_maker(db, make_user, craft="ceramics", location="Mashiko, Japan", tier="master", lead=5)
    add_maker(db, make_user, craft="glass", location="Kyoto, Japan", custom=True, lead=50)
    add_maker(db, make_user, craft="glass", location="Toronto, Canada", tier=None)
    html = client.get("/makers?craft=ceramics").get_data(as_text=True)
    assert ">Ceramics &amp; pottery (2)</option>" in html or ">Ceramics & pottery (2)</option>" in html
    assert ">Glass (2)</option>" in html  # the craft's own filter does not narrow its counts
    assert ">Japan (2)</option>" in html and "Kyoto (1)" in html and "Canada" not in html
    assert re.search(r"Master <span class=\"count\">\(1\)", html)
    assert re.search(r"No tier yet \(too few reviews or mixed evidence\) <span class=\"count\">\(0\)", html)
    assert re.search(r"Takes custom orders <span class=\"count\">\(1\)", html)
    assert "Up to 7 days (1)" in html and "Up to 30 days (2)" in html
    everyone = client.get("/makers").get_data(as_text=True)
    assert re.search(r"No tier yet \(too few reviews or mixed evidence\) <span class=\"count\">\(1\)", everyone)
    # (a maker with no score row yet counts there)
    assert "4 makers" in everyone


def test_sorts_by_score_reviews_newest_and_on_time_rate(client, db, make_user):
    add_maker(db, make_user, name="Best", rank=24.5, reviews=3, on_time=0.5, age_days=300)
    add_maker(db, make_user, name="Busiest", rank=22.0, reviews=90, on_time=0.9, age_days=200)
    add_maker(db, make_user, name="Punctual", rank=21.0, reviews=10, on_time=1.0, age_days=250)
    add_maker(db, make_user, name="Brand New", tier=None, age_days=1)
    assert names(client.get("/makers").get_data(as_text=True)) == ["Best", "Busiest", "Punctual", "Brand New"]
    assert names(client.get("/makers?sort=reviews").get_data(as_text=True))[:3] == ["Busiest", "Punctual", "Best"]
    assert names(client.get("/makers?sort=newest").get_data(as_text=True)) == ["Brand New", "Busiest", "Punctual",
                                                                                "Best"]
    on_time = names(client.get("/makers?sort=on_time").get_data(as_text=True))
    assert on_time[:3] == ["Punctual", "Busiest", "Best"] and on_time[-1] == "Brand New"


def _walk(db, filters: BrowseFilters, per_page: int) -> list[list[str]]:
    pages, page = [], browse_page(db, filters, per_page=per_page)
    pages.append([m.name for m in page.makers])
    while page.next:
        page = browse_page(db, BrowseFilters(sort=filters.sort, after=page.next), per_page=per_page)
        pages.append([m.name for m in page.makers])
    return pages


def test_keyset_pages_show_every_maker_once_and_go_back_exactly(db, make_user):
    for k in range(7):  # equal keys: the id breaks ties; the last two have no score row yet
        add_maker(db, make_user, name=f"M{k}", rank=21.0 if k % 2 else 23.0, reviews=k % 3,
                  on_time=None if k == 3 else k / 10, tier=None if k >= 5 else "skilled", age_days=10 + k % 2)
    for sort in ("score", "reviews", "newest", "on_time"):
        pages = _walk(db, BrowseFilters(sort=sort), per_page=2)
        seen = [name for page in pages for name in page]
        assert sorted(seen) == [f"M{k}" for k in range(7)], sort
        assert [len(p) for p in pages] == [2, 2, 2, 1], sort
        second = browse_page(db, BrowseFilters(sort=sort), per_page=2)
        third = browse_page(db, BrowseFilters(sort=sort, after=second.next), per_page=2)
        third = browse_page(db, BrowseFilters(sort=sort, after=third.next), per_page=2)
        back = browse_page(db, BrowseFilters(sort=sort, before=third.prev), per_page=2)
        assert [m.name for m in back.makers] == pages[1], sort
        first = browse_page(db, BrowseFilters(sort=sort, before=back.prev), per_page=2)
        assert [m.name for m in first.makers] == pages[0] and first.prev is None, sort


def test_next_link_keeps_the_filters_and_a_broken_cursor_starts_over(client, db, make_user):
    for k in range(27):
        add_maker(db, make_user, name=f"Glass {k}", craft="glass")
    add_maker(db, make_user, name="Woodworker", craft="wood")
    html = client.get("/makers?craft=glass").get_data(as_text=True)
    link = re.search(r'href="([^"]*after=[^"]*)" rel="next"', html).group(1).replace("&amp;", "&")
    assert "craft=glass" in link
    rest = names(client.get(link).get_data(as_text=True))
    assert len(names(html)) == 24 and len(rest) == 3 and "Woodworker" not in rest
    assert set(rest).isdisjoint(names(html))
    for junk in ("x", "0_abc_1", "9_1.0_1", "1_2026-13-45_3", "0_1.0_1_2"):
        response = client.get(f"/makers?craft=glass&after={junk}&before={junk}")
        assert response.status_code == 200 and len(names(response.get_data(as_text=True))) == 24


def test_unknown_filter_values_are_ignored(client, db, make_user):
    add_maker(db, make_user, name="Anyone")
    html = client.get("/makers?craft=lasers&tier=god&sort=evil&max_lead=9999&custom=maybe").get_data(as_text=True)
    assert names(html) == ["Anyone"]


def test_most_often_on_time_ranks_many_orders_kept_above_one(client, db, make_user, make_maker, make_review):
    """'Most often on time' sorts by (on time + 1) / (dated + 2) (scores.on_time_sort_key): 9 of 10 orders on time
    outranks 1 of 1, which a plain share put first."""
    one, many = make_maker(name="One Order Studio"), make_maker(name="Many Orders Studio")
    on_time = review_input().promised_by
    make_review(make_user(), one, delivered_on=on_time)
    for n in range(10):
        make_review(make_user(), many, delivered_on=None if n == 0 else on_time)
    make_review(make_user(), many)  # the one late order (a week after the promised day)
    fresh(db)
    keys = {m.name: db.get(MakerScoreRow, m.id).on_time_rate for m in (one, many)}
    assert keys["Many Orders Studio"] > keys["One Order Studio"]
    order = names(client.get("/makers?sort=on_time").get_data(as_text=True))
    assert order.index("Many Orders Studio") < order.index("One Order Studio")


def test_on_time_sort_key_adds_one_order_kept_and_one_late():
    assert scores.on_time_sort_key(1.0, 1) == pytest.approx(2 / 3)
    assert scores.on_time_sort_key(0.9, 10) == pytest.approx(10 / 12)
    assert scores.on_time_sort_key(None, 0) is None and scores.on_time_sort_key(0.5, 0) is None


def test_a_next_link_whose_makers_have_gone_says_so_instead_of_blaming_the_filters(client, db, make_user):
    makers = [add_maker(db, make_user, name=f"Glass {k}", craft="glass") for k in range(25)]
    html = client.get("/makers?craft=glass").get_data(as_text=True)
    link = re.search(r'href="([^"]*after=[^"]*)" rel="next"', html).group(1).replace("&amp;", "&")
    last = next(m for m in makers if m.name not in names(html))
    db.get(Maker, last.id).craft = "wood"  # the one maker on page 2 left the filter since the link was drawn
    db.commit()
    html = client.get(link).get_data(as_text=True)
    assert "No makers match these filters" not in html
    assert "No more makers here: the list changed since this page was linked." in html
    assert '<a href="/makers?craft=glass">Back to the first page</a>' in html


@pytest.mark.parametrize("junk", ["0_nan_1", "0_inf_1", "0_-inf_1"])
def test_a_cursor_that_is_not_a_number_starts_over(client, db, make_user, junk):
    add_maker(db, make_user, name="Anyone")
    assert names(client.get(f"/makers?after={junk}").get_data(as_text=True)) == ["Anyone"]


@pytest.mark.parametrize("junk", ["0_13.9_99999999999999999999", "0_13.9_-9223372036854775809", "0_1_" + "9" * 30,
                                  "-1_13.9_13", "99_13.9_13"])
@pytest.mark.parametrize("sort", ["", "&sort=name", "&sort=reviews", "&sort=newest"])
def test_a_cursor_with_a_number_no_database_column_holds_starts_over(client, db, make_user, junk, sort):
    """An id past 64 bits was a 500 (SQLite: 'Python int too large to convert to SQLite INTEGER')."""
    add_maker(db, make_user, name="Anyone")
    for arg in ("after", "before"):
        response = client.get(f"/makers?{arg}={junk}{sort}")
        assert response.status_code == 200 and names(response.get_data(as_text=True)) == ["Anyone"]


@pytest.mark.parametrize(("junk", "sort"), [("0_13.9_2147483648", ""), ("0_2147483648_1", "&sort=reviews"),
                                            ("0_-2147483649_1", "&sort=reviews"), ("0_13.9_-2147483649", ""),
                                            ("0_9223372036854775807_9223372036854775807", "&sort=reviews"),
                                            ("0_2026-01-01T00:00:00_2147483648", "&sort=newest")])
def test_a_cursor_with_a_number_past_32_bits_starts_over(client, db, make_user, junk, sort):
    """Ids and review counts are INTEGER columns, 32-bit on PostgreSQL: a larger cursor number was a 500 there
    ("integer out of range"), SQLite answering the page."""
    add_maker(db, make_user, name="Anyone")
    for arg in ("after", "before"):
        response = client.get(f"/makers?{arg}={junk}{sort}")
        assert response.status_code == 200 and names(response.get_data(as_text=True)) == ["Anyone"]


def test_the_listing_form_sent_with_any_left_in_place_redirects_to_the_address_without_the_empty_values(
        client, db, make_user):
    """The listing's form sends "Any" as empty values (?craft=&place=&max_lead=): the address bar and shared links
    carried them. The listing answers at the address without them, as a maker page does."""
    add_maker(db, make_user, name="Alder Bowls", craft="wood")
    add_maker(db, make_user, name="Clay Cups", craft="ceramics")
    response = client.get("/makers?craft=&place=&max_lead=&sort=")
    assert response.status_code == 303 and response.headers["Location"] == "/makers"
    response = client.get("/makers?craft=wood&place=&max_lead=&sort=reviews")
    assert response.status_code == 303 and response.headers["Location"] == "/makers?craft=wood&sort=reviews"
    assert names(client.get(response.headers["Location"]).get_data(as_text=True)) == ["Alder Bowls"]
    assert client.get("/makers?craft=wood&sort=reviews").status_code == 200
