"""craftreview.scoring.arrays: the columnar view of signals, whichever kinds of ids they carry."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from craftreview.scoring import ReviewSignal, score_makers
from craftreview.scoring.arrays import _dense_index, _int_index, to_arrays

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _by_sorting(values: np.ndarray) -> tuple[list[int], np.ndarray]:
    """The distinct values in order of first appearance and each value's position, the plain way."""
    distinct = list(dict.fromkeys(values.tolist()))
    position = {v: i for i, v in enumerate(distinct)}
    return distinct, np.array([position[v] for v in values.tolist()])


@pytest.mark.parametrize("high", [1, 5, 300, 10**6, 2**62])
def test_integer_ids_are_indexed_in_order_of_first_appearance_dense_or_not(high):
    values = np.random.default_rng(high % 1000).integers(0, high, 400)
    distinct, index = _int_index(values)
    expected_distinct, expected_index = _by_sorting(values)
    assert distinct == expected_distinct and np.array_equal(index, expected_index)
    if values.max() < 4 * len(values):  # the table path gives the same as the sorting one
        dense_distinct, dense_index = _dense_index(values)
        assert dense_distinct == expected_distinct and np.array_equal(dense_index, expected_index)


def _signal(maker, review_id, stars: int, days: int) -> ReviewSignal:
    return ReviewSignal(maker, f"buyer-{review_id}-{days}", stars, stars, stars, NOW - timedelta(days=days),
                        verified=days % 2 == 0, reviewer_joined_at=NOW - timedelta(days=400), review_id=review_id)


@pytest.mark.parametrize("ids", [[10, 11, 12, 13, 14, 15], ["a", "b", "c", "d", "e", "f"],
                                 [10, "b", None, 13, None, 2**70]])
def test_review_ids_of_any_kind_follow_their_reviews_into_the_explanation(ids):
    signals = [_signal(("m1", "m2")[i % 2], rid, 2 + i % 4, 10 + 30 * i) for i, rid in enumerate(ids)]
    arr = to_arrays(signals, by_maker=True)
    assert arr.maker_ids == ["m1", "m2"] and arr.maker.tolist() == [0, 0, 0, 1, 1, 1]
    kept = [ids[i] if ids[i] is not None else f"#{i}" for i in (0, 2, 4, 1, 3, 5)]
    assert list(arr.review_ids) == kept
    scores = score_makers(signals, now=NOW)
    for maker, rows in (("m1", (0, 2, 4)), ("m2", (1, 3, 5))):
        shown = set(scores[maker].explanation["review_factors"]["id"])
        assert shown == {str(ids[i]) if ids[i] is not None else f"#{i}" for i in rows}
