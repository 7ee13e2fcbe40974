"""The browse card's delivery line: on-time counts from the public reviews, custom and stock apart, as the maker
page counts them (review_facts), read for the whole page of cards in one query; never the model's percentage."""
from __future__ import annotations

import html
import re

from sqlalchemy import select

from craftreview.models import Review, utcnow
from craftreview.services.browse import on_time_by_maker
from craftreview.services.review_facts import OnTimeCount, delivery_records
from craftreview.services.reviews import edit_review
from tests.conftest import review_input
from tests.web.maker_world import add_review
from tests.web.test_browse import add_maker
from tests.web.test_listing_queries import _statements
from tests.web.test_maker_page import text_of
from tests.web.test_stored_pages import browse


def card_texts(page: str) -> list[str]:
    """The text of every maker card, in page order (tags dropped, spaces collapsed)."""
    return [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", card))).strip()
            for card in re.findall(r'<article class="card maker-card"[^>]*>(.*?)</article>', page, re.S)]


def card_text(page: str, name: str) -> str:
    """The text of the card of maker `name`."""
    found = [text for text in card_texts(page) if text.startswith(f"{name} ")]
    assert len(found) == 1, (name, found)
    return found[0]


def reviews(db, maker, make_user, order_type: str, late_days: list[int | None]) -> None:
    """One public review per entry: None = no delivery dates, 0 or less = on time, > 0 = days late."""
    for late in late_days:
        add_review(db, maker, make_user(), order_type=order_type, late_days=late)


def test_card_counts_orders_on_time_custom_and_stock_apart_instead_of_a_percentage(client, db, make_user):
    maker = add_maker(db, make_user, name="Punctual Potter", on_time=1.0, custom=True)  # the model says 100%
    reviews(db, maker, make_user, "custom", [-1, 0, 0, 5, None])
    reviews(db, maker, make_user, "stock", [0, 0, -2, 0, 0])
    hidden = add_review(db, maker, make_user(), order_type="custom", late_days=9)
    hidden.hidden_at = utcnow()  # a hidden review counts nowhere
    db.commit()
    card = card_text(client.get("/makers").get_data(as_text=True), "Punctual Potter")
    assert "On time: custom 3 of 4 · stock 5 of 5" in card
    assert "%" not in card and "on time 100" not in card
    # The maker page counts the same orders.
    maker_page = text_of(client.get(f"/makers/{maker.slug}"))
    assert "Custom orders 3 of 4 on time" in maker_page and "Stock items 5 of 5 on time." in maker_page


def test_card_leaves_out_a_kind_without_dated_orders_and_the_line_without_any(client, db, make_user):
    stock_only = add_maker(db, make_user, name="Stock Only", on_time=0.5)
    reviews(db, stock_only, make_user, "stock", [0, 3])
    reviews(db, stock_only, make_user, "custom", [None, None])
    undated = add_maker(db, make_user, name="Undated", on_time=0.8)
    reviews(db, undated, make_user, "custom", [None])
    add_maker(db, make_user, name="No Reviews", tier=None)
    page = client.get("/makers").get_data(as_text=True)
    assert "On time: stock 1 of 2 Add Stock Only to compare" in card_text(page, "Stock Only")
    assert "On time" not in card_text(page, "Undated") and "On time" not in card_text(page, "No Reviews")
    assert "%" not in card_text(page, "Undated")


def test_cards_totals_counted_by_the_database_match_the_counts_from_the_reviews(db, make_user):
    mixed = add_maker(db, make_user, name="Mixed Kinds")
    reviews(db, mixed, make_user, "custom", [-3, 0, 2, None])
    reviews(db, mixed, make_user, "stock", [1, 0])
    reviews(db, mixed, make_user, None, [0, 4, -1, None])  # orders not marked custom or stock
    withdrawn = add_review(db, mixed, make_user(), order_type="stock", late_days=0)
    withdrawn.withdrawn_at = utcnow()  # counts nowhere
    late_only = add_maker(db, make_user, name="Late Only")
    reviews(db, late_only, make_user, "stock", [1, 30])
    db.commit()
    public = db.scalars(select(Review).where(Review.maker_id == mixed.id, Review.withdrawn_at.is_(None))).all()
    counted = on_time_by_maker(db, [mixed.id, late_only.id])
    assert counted[mixed.id] == (
        OnTimeCount("custom", 2, 3), OnTimeCount("stock", 1, 2), OnTimeCount("other orders", 2, 3))
    # the same counts, kind by kind, as the maker page's delivery record counts them from the rows
    from_rows = [(r.on_time, r.dated) for r in delivery_records(public).values() if r.dated]
    assert [(c.on_time, c.dated) for c in counted[mixed.id]] == from_rows
    assert counted[late_only.id] == (OnTimeCount("stock", 0, 2),)


def _add_rated_makers(db, make_user, count: int) -> None:
    for _ in range(count):
        maker = add_maker(db, make_user)
        reviews(db, maker, make_user, "custom", [0, 4])
        reviews(db, maker, make_user, "stock", [1])


def test_cards_read_their_on_time_counts_in_one_query_for_the_whole_page(app, client, db, make_user):
    _add_rated_makers(db, make_user, 2)
    small = _statements(app, client, "/makers")
    _add_rated_makers(db, make_user, 24)
    large = _statements(app, client, "/makers")
    assert len(small) == len(large)
    assert len([s for s in large if "FROM reviews" in s]) == 1
    texts = card_texts(client.get("/makers").get_data(as_text=True))
    assert len(texts) == 24 and all("On time: custom 1 of 2 · stock 0 of 1" in text for text in texts)


def test_a_kept_listing_is_drawn_again_when_a_review_changes_its_delivery_date(app, db, make_user, make_maker,
                                                                               make_review):
    author, late = make_user(), review_input()  # a stock order delivered a week after the promised day
    review = make_review(author, make_maker(name="Fern Kiln"))
    browse(app)
    page, selects = browse(app)
    assert selects == 1 and "On time: stock 0 of 1" in card_text(page, "Fern Kiln")  # kept whole: no cookies
    edit_review(db, author, review, review_input(delivered_on=late.promised_by))
    page, selects = browse(app)
    assert selects > 1 and "On time: stock 1 of 1" in card_text(page, "Fern Kiln")
