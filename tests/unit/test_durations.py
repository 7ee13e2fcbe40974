"""Lengths of time in words (the ring signals' spans, reply times)."""
from __future__ import annotations

import pytest

from craftreview.durations import span_words
from craftreview.web.charts import duration_words


@pytest.mark.parametrize("seconds, words", [
    (0, "1 second"), (1, "1 second"), (42, "42 seconds"), (59.4, "59 seconds"), (59.6, "1 minute"),
    (60, "1 minute"), (12 * 60, "12 minutes"), (59 * 60 + 29, "59 minutes"), (59 * 60 + 31, "1 hour"),
    (90 * 60, "2 hours"), (47 * 3600, "47 hours"), (48 * 3600, "2 days"), (10 * 86400, "10 days"),
])
def test_a_span_reads_in_the_unit_that_fits(seconds, words):
    assert span_words(seconds) == words


@pytest.mark.parametrize("hours, words", [(None, "—"), (0.2, "under an hour"), (1, "1 hour"), (5, "5 hours"),
                                          (72, "3 days")])
def test_reply_times_read_as_before(hours, words):
    assert duration_words(hours) == words
