"""Declarative base, naming convention and shared column helpers."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData, String
from sqlalchemy.orm import DeclarativeBase, mapped_column, validates

from ..emails import MAX_LENGTH, email_key

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Timezone-aware current UTC time."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: DateTime(timezone=True)}


def created_at_column():
    """A non-null creation timestamp defaulting to now (UTC)."""
    return mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)


def email_key_column(address: str, **options):
    """`emails.email_key` of the `address` column; Core inserts (the demo seed, benchmarks) that name only
    the address get it too. `keeps_email_key` keeps it in step on the ORM side."""
    def inserted_key(context) -> str:
        return email_key(context.get_current_parameters()[address])
    return mapped_column(String(MAX_LENGTH), default=inserted_key, nullable=False, **options)


def keeps_email_key(address: str, key: str):
    """A model validator: every assignment of the `address` attribute also sets `key` to its email key."""
    @validates(address)
    def keep(self, _name: str, value: str) -> str:
        setattr(self, key, email_key(value))
        return value
    return keep


def as_utc(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; treat them as the UTC they were stored as."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)
