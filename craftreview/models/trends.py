"""The stored monthly history of a maker's estimate (derived, like maker_scores)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class MakerTrendRow(Base):
    """24 month-end estimates with 90% bands and the current tier probabilities, as JSON."""

    __tablename__ = "maker_trends"

    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), primary_key=True)
    computed_at: Mapped[datetime] = mapped_column()
    # {"months": ["YYYY-MM", ...], "points": [{dimension: [mean, low, high]} | null, ...], "tiers": {...}}
    trend_json: Mapped[str] = mapped_column(Text, default="{}")
