"""Stored estimate histories (`maker_trends`): written beside the score rows, read by the maker and compare pages."""
from __future__ import annotations

import json
from collections.abc import Hashable, Mapping
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..models import MakerTrendRow
from ..scoring.trend import monthly_trends


def finished_months(session: Session, maker_id: int) -> dict:
    """The maker's stored points for months that had ended when its row was last written.

    A new review only moves the current month; `flask rescore` recomputes every month (after hides,
    edits and refits).
    """
    stored = load_trends(session, [maker_id]).get(maker_id, {})
    finished = dict(zip(stored.get("months", [])[:-1], stored.get("points", [])[:-1], strict=False))
    return {month: point for month, point in finished.items() if point is not None}


def trend_row(maker_id: int, model, signals: list, now: datetime, craft: str | None, known: dict) -> dict | None:
    """The maker's `maker_trends` row with its current month rescored (None when it has no history)."""
    trends = monthly_trends(model, signals, now=now, crafts={maker_id: craft}, known=known)
    return _row(maker_id, trends[maker_id], now) if maker_id in trends else None


def store_trend_row(session: Session, maker_id: int, row: dict | None) -> None:
    """Replace the maker's row (caller's transaction)."""
    session.execute(delete(MakerTrendRow).where(MakerTrendRow.maker_id == maker_id))
    if row is not None:
        session.execute(MakerTrendRow.__table__.insert(), [row])


def store_maker_trend(session: Session, maker_id: int, model, signals: list, now: datetime,
                      craft: str | None) -> None:
    """Rescore one maker's current month and replace its row (caller's transaction)."""
    known = finished_months(session, maker_id)
    store_trend_row(session, maker_id, trend_row(maker_id, model, signals, now, craft, known))


def store_all_trends(session: Session, model, signals: list, crafts: Mapping[Hashable, str], now: datetime) -> None:
    """Recompute every maker's history (one batch per month) and rewrite the table (`flask rescore`)."""
    trends = monthly_trends(model, signals, now=now, crafts=crafts)
    session.execute(delete(MakerTrendRow))
    if trends:
        session.execute(MakerTrendRow.__table__.insert(), [_row(m, t, now) for m, t in trends.items()])


def _row(maker_id: int, trend: dict, now: datetime) -> dict:
    return {"maker_id": maker_id, "computed_at": now, "trend_json": json.dumps(trend, separators=(",", ":"))}


def load_trends(session: Session, maker_ids: list[int]) -> dict[int, dict]:
    """Stored histories of these makers, in one query ({} for a maker without reviews)."""
    if not maker_ids:
        return {}
    rows = session.execute(select(MakerTrendRow.maker_id, MakerTrendRow.trend_json)
                           .where(MakerTrendRow.maker_id.in_(maker_ids)))
    return {maker_id: decode_trend(text) for maker_id, text in rows}


def decode_trend(text: str | None) -> dict:
    """A stored history read beside its maker ({} when none is stored)."""
    return json.loads(text) if text else {}
