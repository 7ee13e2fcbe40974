"""The stored monthly history of a maker's estimate (derived, like maker_scores)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, String, Text
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
    """A maker page's revision (bumped by every write that changes the page) and its copy rendered at a revision.

    The copy is the whole page as a visitor without a session, cookies or query arguments sees it.
    """

    __tablename__ = "maker_pages"

    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), primary_key=True)
    revision: Mapped[int] = mapped_column()
    rendered_revision: Mapped[int | None] = mapped_column(nullable=True)
    # Digest of the templates and settings the copy was rendered with: a deploy retires old copies.
    layout: Mapped[str | None] = mapped_column(String(16), nullable=True)
    rendered_at: Mapped[datetime | None] = mapped_column(nullable=True)
    # Plain text (~40 KB a maker, mostly the charts' SVG): unpacking a compressed copy cost more CPU
    # than the rest of the request.
    document: Mapped[str | None] = mapped_column(Text, nullable=True)


class ListingStamp(Base):
    """One row: raised at the commit of every write that touched a maker page (services/page_stamps.py)."""

    __tablename__ = "listing_stamp"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
