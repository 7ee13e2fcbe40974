"""Stored fits of the scoring model's global parameters (written by `flask rescore`)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, created_at_column


class StoredFit(Base):
    """One fit of the global model; requests score with the newest row of their model version."""

    __tablename__ = "model_fits"
    __table_args__ = (Index("ix_model_fits_version_id", "model_version", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    model_version: Mapped[str] = mapped_column(String(40))
    fitted_at: Mapped[datetime] = created_at_column()
    n_signals: Mapped[int] = mapped_column(Integer, default=0)
    # The FittedModel, encoded by services/fit_codec.py (zlib-compressed tagged JSON, no pickle).
    payload: Mapped[bytes] = mapped_column(LargeBinary)
