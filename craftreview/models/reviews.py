"""Reviews, their revisions, maker replies, helpful votes."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, created_at_column, utcnow
from .makers import Maker, Order
from .users import User

DIMENSIONS: dict[str, str] = {
    "craftsmanship": "Quality of the making: materials, finish, skill in the details.",
    "consistency": "Did the piece match the photos, the description and the maker's other work (matters for sets)?",
    "delivery": "Was the promised date kept, and did it arrive well packed and as agreed?",
}


class Review(Base):
    __tablename__ = "reviews"
    __table_args__ = (
        CheckConstraint("craftsmanship BETWEEN 1 AND 5", name="craftsmanship_range"),
        CheckConstraint("consistency BETWEEN 1 AND 5", name="consistency_range"),
        CheckConstraint("delivery BETWEEN 1 AND 5", name="delivery_range"),
        # One unverified review per buyer and maker; verified ones are one per order.
        Index(
            "uq_reviews_unverified_author_maker", "author_id", "maker_id", unique=True,
            sqlite_where=text("order_id IS NULL"), postgresql_where=text("order_id IS NULL"),
        ),
        Index("ix_reviews_maker_created", "maker_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), unique=True, nullable=True)
    craftsmanship: Mapped[int] = mapped_column(Integer)
    consistency: Mapped[int] = mapped_column(Integer)
    delivery: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    order_type: Mapped[str | None] = mapped_column(String(10), nullable=True)
    price_band: Mapped[str | None] = mapped_column(String(20), nullable=True)
    ordered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    promised_by: Mapped[date | None] = mapped_column(Date, nullable=True)
    delivered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    revision_count: Mapped[int] = mapped_column(Integer, default=0)
    withdrawn_at: Mapped[datetime | None] = mapped_column(nullable=True)
    hidden_at: Mapped[datetime | None] = mapped_column(nullable=True)
    hidden_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
    helpful_count: Mapped[int] = mapped_column(Integer, default=0)

    maker: Mapped[Maker] = relationship(lazy="joined")
    author: Mapped[User] = relationship(lazy="joined")
    order: Mapped[Order | None] = relationship()
    reply: Mapped[Reply | None] = relationship(back_populates="review", uselist=False, lazy="selectin")

    @property
    def has_order(self) -> bool:
        """Written through a maker's invitation (its order facts come from the maker's record, but for the promised
        date, which the buyer states)."""
        return self.order_id is not None

    @property
    def recorded_promise(self) -> date | None:
        """The promised date the maker recorded for this review's order (None without one); `promised_by` is the
        buyer's, the one counted."""
        return self.order.promised_by if self.order is not None else None

    @property
    def verified(self) -> bool:
        """The verified mark: an invited order, redeemed by an account whose email is confirmed."""
        return self.order_id is not None and self.author.email_confirmed

    @property
    def is_visible(self) -> bool:
        return self.withdrawn_at is None and self.hidden_at is None

    @property
    def edited(self) -> bool:
        return self.revision_count > 0


class ReviewRevision(Base):
    """An earlier version of a review, saved before each edit."""

    __tablename__ = "review_revisions"
    __table_args__ = (UniqueConstraint("review_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    craftsmanship: Mapped[int] = mapped_column(Integer)
    consistency: Mapped[int] = mapped_column(Integer)
    delivery: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    promised_by: Mapped[date | None] = mapped_column(Date, nullable=True)
    delivered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    written_at: Mapped[datetime] = mapped_column()


class Reply(Base):
    """The maker's one public reply to a review."""

    __tablename__ = "replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), unique=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    revision_count: Mapped[int] = mapped_column(Integer, default=0)

    review: Mapped[Review] = relationship(back_populates="reply")

    @property
    def edited(self) -> bool:
        return self.revision_count > 0


class ReplyRevision(Base):
    __tablename__ = "reply_revisions"
    __table_args__ = (UniqueConstraint("reply_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reply_id: Mapped[int] = mapped_column(ForeignKey("replies.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column()


class HelpfulVote(Base):
    __tablename__ = "helpful_votes"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    created_at: Mapped[datetime] = created_at_column()
