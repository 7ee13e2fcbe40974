"""Pure review summaries: facet counts under the other filters, late-only lateness, filters from query args."""
from __future__ import annotations

from collections import namedtuple
from datetime import date, timedelta

from craftreview.services.review_facts import (
    OnTimeCount,
    ReviewFilters,
    delivery_records,
    filter_counts,
    on_time_from_totals,
    parse_filters,
)

Row = namedtuple("Row", "craftsmanship consistency delivery verified order_type price_band "
                        "ordered_on promised_by delivered_on created_at reply_at")
DAY = date(2026, 1, 1)


def row(stars=(4, 4, 4), verified=False, order_type="stock", price_band="25-100", late=None):
    promised = DAY + timedelta(days=10) if late is not None else None
    delivered = promised + timedelta(days=late) if late is not None else None
    return Row(*stars, verified, order_type, price_band, DAY, promised, delivered, None, None)


def test_each_group_counts_under_every_other_active_filter_but_not_its_own():
    rows = [row(order_type="custom", price_band="300-1000"), row(order_type="custom", price_band="25-100"),
            row(order_type="stock", price_band="300-1000", verified=True)]
    counts = filter_counts(rows, ReviewFilters(order="custom", price="300-1000"))
    assert counts.matched == 1
    assert counts.counts["order"] == {"stock": 1, "custom": 1}
    assert counts.counts["price"]["25-100"] == 1 and counts.counts["price"]["300-1000"] == 1
    assert counts.counts["verified"][True] == 0  # the verified review is a stock order


def test_lateness_is_the_median_over_late_orders_only():
    record = delivery_records([row(order_type="custom", late=d) for d in (-5, 0, 0, 0, 1, 9)])["custom"]
    assert (record.on_time, record.dated, record.late) == (4, 6, 2)
    assert record.typical_late_days == 5  # median of 1 and 9; the on-time orders do not pull it to 0


def test_on_time_counts_keep_custom_before_stock_and_leave_out_kinds_without_dated_orders():
    assert on_time_from_totals([("stock", 2, 1), ("custom", 4, 3)]) == (OnTimeCount("custom", 3, 4),
                                                                        OnTimeCount("stock", 1, 2))
    assert on_time_from_totals([("custom", 0, 0), ("stock", 1, 1)]) == (OnTimeCount("stock", 1, 1),)
    assert on_time_from_totals([]) == ()


def test_dated_orders_of_no_stated_type_are_a_kind_of_their_own_after_custom_and_stock():
    rows = [row(order_type=None, late=d) for d in (0, 3)] + [row(order_type="stock", late=0)]
    assert on_time_from_totals([(None, 2, 1), ("stock", 1, 1)]) == (OnTimeCount("stock", 1, 1),
                                                                   OnTimeCount("other orders", 1, 2))
    assert list(delivery_records(rows)) == ["custom", "stock", "unstated"]
    assert "unstated" not in delivery_records([row(order_type="stock", late=0), row(order_type=None)])


def test_parse_filters_ignores_bad_values_and_keeps_good_ones():
    filters = parse_filters({"craftsmanship": "7", "delivery": "2", "verified": "1", "order": "x", "price": "over1000",
                             "sort": "drop table", "page": "1e9"})
    assert filters == ReviewFilters(delivery=2, verified=True, price="over1000")


def test_filter_args_leave_out_defaults_and_restart_at_page_one():
    filters = ReviewFilters(order="custom", sort="lowest", page=3)
    assert filters.args() == {"order": "custom", "sort": "lowest"}
    assert filters.args(order=None, sort="newest") == {}
