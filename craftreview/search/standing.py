"""Makers' scores joined at query time: documents never copy them, so a rescore reindexes nothing
it does not have to (issue #12). Relevance blending, score sorts and score filters read them here."""
from __future__ import annotations

import threading
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Integer, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY

from ..models import MakerScoreRow
from .documents import score_bucket
from .ranking import standing

SCORES = MakerScoreRow.__table__
UNSCORED_RANK = -1.0e6  # below any rank_score: a maker without a score never outranks a scored one


@dataclass(frozen=True)
class MakerStanding:
    """What search needs of one maker's stored score."""

    rank: float
    standing: float
    tier: str
    bucket: str
    review_count: int


UNSCORED = MakerStanding(UNSCORED_RANK, 0.0, "unproven", "", 0)


def _select():
    return select(SCORES.c.maker_id, SCORES.c.rank_score, SCORES.c.p_skilled, SCORES.c.tier,
                  SCORES.c.overall, SCORES.c.review_count)


def standing_of(row) -> MakerStanding:
    """A maker's standing from a row of maker_scores' rank_score, p_skilled, tier, overall, review_count."""
    return standing_from(row.rank_score, row.p_skilled, row.tier, row.overall, row.review_count)


def standing_from(rank_score: float, p_skilled: float | None, tier: str, overall: float | None,
                  review_count: int | None) -> MakerStanding:
    """A maker's standing from its stored rank score, P(skilled), tier, overall and review count."""
    return MakerStanding(rank_score, standing(p_skilled, review_count), tier, score_bucket(overall), review_count or 0)


def load_standings(conn: Connection, maker_ids: Collection[int]) -> dict[int, MakerStanding]:
    """Standings of the given makers (one query; makers without a score row are left out)."""
    if not maker_ids:
        return {}
    rows = conn.execute(_select().where(_among(conn, sorted(maker_ids))))
    return {row.maker_id: standing_of(row) for row in rows}


def _among(conn: Connection, maker_ids: list[int]):
    """maker_id among the given ids. PostgreSQL gets one array parameter: an IN list of a page's
    200 candidates cost 7-10 ms a page to send and plan, the array about 3 ms."""
    if conn.dialect.name == "postgresql":
        return SCORES.c.maker_id == any_(bindparam("maker_ids", maker_ids, type_=ARRAY(Integer)))
    return SCORES.c.maker_id.in_(maker_ids)


class StandingTable:
    """Every maker's standing in memory, for a backend that cannot join (Whoosh sorts and filters
    by score over all matches). Reloaded when maker_scores changes; about 100 bytes a maker."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._lock = threading.Lock()
        self._signature: tuple | None = None
        self._table: dict[int, MakerStanding] = {}

    def get(self) -> dict[int, MakerStanding]:
        """The current table (one cheap signature query; a full reload only after a change)."""
        with self.engine.connect() as conn:
            # A checksum of every value used: any rescore or single-maker refresh changes it.
            signature = tuple(conn.execute(select(
                func.count(), func.max(SCORES.c.computed_at), func.sum(SCORES.c.review_count),
                func.sum(SCORES.c.rank_score), func.sum(SCORES.c.p_skilled), func.sum(SCORES.c.overall))).one())
            with self._lock:
                if signature != self._signature:
                    self._table = {row.maker_id: standing_of(row) for row in conn.execute(_select())}
                    self._signature = signature
                return self._table
