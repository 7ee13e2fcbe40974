"""Arabic and Hebrew names and text: isolated from the dates and counts beside them, paragraphs set their own direction.

In a left-to-right line, a number right after Arabic letters is drawn inside the Arabic run: without isolation
"by أحمد محمود · 4 Dec 2026" reads "by 4 · أحمد محمود Dec 2026", and a place's "(1)" lands on the wrong side.
"""
from __future__ import annotations

from craftreview import search
from craftreview.services import replies
from tests.web.maker_world import rescore

ARABIC_NAME = "أحمد محمود"
CAIRO = "القاهرة، مصر"


def _rtl_review(db, make_user, make_maker, make_review):
    owner = make_user("owner")
    maker = make_maker(owner, name="ورشة الفخار", location=CAIRO)
    review = make_review(make_user(ARABIC_NAME), maker, title="عمل رائع جدا",
                         body="الجودة ممتازة والتسليم في الموعد!")
    replies.save_reply(db, owner, review, "شكرا جزيلا على التقييم")
    rescore(db)
    return maker


def test_a_right_to_left_author_name_is_isolated_from_the_date_after_it(client, db, make_user, make_maker,
                                                                          make_review):
    maker = _rtl_review(db, make_user, make_maker, make_review)
    for path in (f"/makers/{maker.slug}", "/"):
        page = client.get(path).get_data(as_text=True)
        assert f"by <bdi>{ARABIC_NAME}</bdi> ·" in page, path
    page = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    assert "Reply from <bdi>ورشة الفخار</bdi></strong> ·" in page


def test_review_paragraphs_take_the_direction_of_their_own_text(client, db, make_user, make_maker, make_review):
    maker = _rtl_review(db, make_user, make_maker, make_review)
    page = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    assert '<p dir="auto">الجودة ممتازة والتسليم في الموعد!</p>' in page
    assert '<p dir="auto">شكرا جزيلا على التقييم</p>' in page
    home = client.get("/").get_data(as_text=True)
    assert '<p class="snippet" dir="auto">الجودة ممتازة والتسليم في الموعد!</p>' in home


def test_a_right_to_left_place_in_the_search_filters_keeps_its_count_beside_it(app, client, db, make_user,
                                                                                 make_maker, make_review):
    _rtl_review(db, make_user, make_maker, make_review)
    search.drain(app, lock_timeout=30)
    page = client.get("/search", query_string={"q": "الفخار"}).get_data(as_text=True)
    assert f"<bdi>{CAIRO}</bdi></a> <span" in page
