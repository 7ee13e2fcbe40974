"""Arrange a maker's reviews directly in the database (fast, any shape), then score them as `flask rescore` does."""
from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

from craftreview.models import Order, Reply, Review
from craftreview.services import scores

_tokens = itertools.count(1)
NOW = datetime.now(UTC)


def add_review(db, maker, author, *, stars=(4, 4, 4), order_type="stock", price_band="25-100", verified=False,
               late_days: int | None = None, lead_days: int = 10, days_ago: int = 20, helpful: int = 0,
               title: str = "A review", reply_hours: float | None = None) -> Review:
    """One public review; late_days None = no delivery dates, 0 or less = on time, > 0 = that many days late.

    verified=True: through an order, by an author whose address is confirmed (confirmed here if it is not).
    """
    created = NOW - timedelta(days=days_ago)
    ordered = created.date() - timedelta(days=lead_days + 30)
    promised = ordered + timedelta(days=lead_days) if late_days is not None else None
    delivered = promised + timedelta(days=late_days) if late_days is not None else None
    order_id = _order(db, maker, order_type, price_band, ordered, promised) if verified else None
    if verified and author.email_confirmed_at is None:
        author.email_confirmed_at = created  # the mark needs the order and a confirmed address (Review.verified)
    review = Review(maker_id=maker.id, author_id=author.id, order_id=order_id, craftsmanship=stars[0],
                    consistency=stars[1], delivery=stars[2], title=title, body="Body of the review text.",
                    order_type=order_type, price_band=price_band, ordered_on=ordered, promised_by=promised,
                    delivered_on=delivered, created_at=created, updated_at=created, helpful_count=helpful)
    db.add(review)
    db.flush()
    if reply_hours is not None:
        db.add(Reply(review_id=review.id, author_id=maker.owner_id, body="Thank you.",
                     created_at=created + timedelta(hours=reply_hours), updated_at=created))
    db.commit()
    return review


def _order(db, maker, order_type: str, price_band: str, ordered: date, promised: date | None) -> int:
    order = Order(maker_id=maker.id, buyer_email="buyer@example.com", item="A piece", order_type=order_type,
                  price_band=price_band, ordered_on=ordered, promised_by=promised,
                  token_hash=f"{next(_tokens):064d}", expires_at=NOW + timedelta(days=30), used_at=NOW)
    db.add(order)
    db.flush()
    return order.id


def rescore(db) -> None:
    """Score every maker and store their trends (as `flask rescore`)."""
    scores.rescore_all(db)
    db.commit()


def many_reviews(db, maker, make_user, count: int) -> None:
    """`count` varied reviews spread over two years, some verified, some replied to."""
    for i in range(count):
        add_review(db, maker, make_user(), stars=(1 + i % 5, 1 + (i * 2) % 5, 1 + (i * 3) % 5),
                   order_type=("custom", "stock")[i % 2], price_band=("25-100", "300-1000", "100-300")[i % 3],
                   verified=i % 4 == 0, late_days=(i % 7) - 3, days_ago=5 + i * 11, helpful=i % 6,
                   title=f"Review number {i}", reply_hours=24.0 if i % 3 == 0 else None)
