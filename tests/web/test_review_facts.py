"""A review's order facts read plainly: the price with its currency and how late the delivery was."""
from __future__ import annotations

from datetime import date, timedelta


def test_review_shows_price_with_currency_and_days_late(client, make_user, make_maker, make_review):
    maker = make_maker()
    make_review(make_user("Ann"), maker, price_band="300-1000", promised_by=date.today() - timedelta(days=20),
                delivered_on=date.today() - timedelta(days=18))
    html = client.get(f"/makers/{maker.slug}").get_data(as_text=True)
    assert "$300–1,000" in html and "(2 days late)" in html


def test_review_delivered_on_the_promised_day_says_on_time(client, make_user, make_maker, make_review):
    maker = make_maker()
    day = date.today() - timedelta(days=10)
    make_review(make_user("Bo"), maker, promised_by=day, delivered_on=day)
    assert "(on time)" in client.get(f"/makers/{maker.slug}").get_data(as_text=True)
