"""The stored monthly history of a maker's estimate (derived, like maker_scores)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class MakerTrendRow(Base):
    """24 month-end estimates with 90% bands and the current tier probabilities, as JSON."""

    __tablename__ = "maker_trends"

    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), primary_key=True)
    computed_at: Mapped[datetime] = mapped_column()
    # {"months": ["YYYY-MM", ...], "points": [{dimension: [mean, low, high]} | null, ...], "tiers": {...}}
    trend_json: Mapped[str] = mapped_column(Text, default="{}")


class MakerPageRow(Base):
    """The maker page's parts that are the same for every anonymous visitor, rendered at `revision`."""

    __tablename__ = "maker_pages"

    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), primary_key=True)
    revision: Mapped[int] = mapped_column()
    # Digest of the templates and settings the parts were rendered with: a deploy retires old copies.
    layout: Mapped[str] = mapped_column(String(16))
    rendered_at: Mapped[datetime] = mapped_column()
    # zlib-compressed JSON list of HTML strings (services/page_stamps.py packs and unpacks them).
    parts: Mapped[bytes] = mapped_column(LargeBinary)
