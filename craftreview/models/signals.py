"""Ring signals for moderators (derived: rebuilt by `flask signals`, refreshed per maker on writes)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class RingSignal(Base):
    """One detector finding: kind, the maker concerned (if one), strength and evidence."""

    __tablename__ = "ring_signals"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    maker_id: Mapped[int | None] = mapped_column(ForeignKey("makers.id"), nullable=True, index=True)
    strength: Mapped[float] = mapped_column(Float)
    summary: Mapped[str] = mapped_column(String(300))
    # [[label, value], ...] for the page, and the accounts involved: written by the detectors, never by users.
    evidence_json: Mapped[str] = mapped_column(Text, default="[]")
    user_ids_json: Mapped[str] = mapped_column(Text, default="[]")
    detected_at: Mapped[datetime] = mapped_column()


class RingSignalReview(Base):
    """A review implicated in a signal."""

    __tablename__ = "ring_signal_reviews"

    signal_id: Mapped[int] = mapped_column(ForeignKey("ring_signals.id", ondelete="CASCADE"), primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True, index=True)


class JobRun(Base):
    """When a whole-site job last finished and what it found, one row per job (overwritten by each run): a page that
    depends on the job (the ring signals) says how fresh it is."""

    __tablename__ = "job_runs"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    finished_at: Mapped[datetime] = mapped_column()
    summary: Mapped[str] = mapped_column(String(300), default="")
