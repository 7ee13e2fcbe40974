"""Account tokens (email confirmation, password reset), notifications and mail preferences."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, created_at_column

# Kinds of notification that may be mailed, with the wording of their mail preference on the account page.
NOTIFICATION_KINDS: dict[str, str] = {
    "review_new": "A new review of my work",
    "review_edited": "A review of my work was edited",
    "flag_outcome": "Moderators decided on flags about a review of my work",
    "reply": "The maker replied to my review",
    "review_hidden": "My review was hidden by a moderator",
    "review_restored": "My review was restored",
}
# Kinds shown on the site only: the news came in a mail of its own (a recorded order's invitation, mailed to the
# buyer's address), and a notice mail would say it a second time. Mailed before 2026-12-07; old unsubscribe links
# name them.
SITE_ONLY_KINDS: dict[str, str] = {
    "invitation": "A maker recorded an order for me (an invitation is waiting)",
}
# Kinds only the owner of a maker profile receives: the account page offers them to makers only.
MAKER_NOTIFICATION_KINDS: frozenset[str] = frozenset({"review_new", "review_edited", "flag_outcome"})


class AccountToken(Base):
    """A single-use, expiring link token; only its SHA-256 is stored."""

    __tablename__ = "account_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The address the token was mailed to: a confirmation only counts for that address.
    email: Mapped[str] = mapped_column(String(254))
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = created_at_column()


class Notification(Base):
    """One on-site notification; its mail (if any) went through the mail backend."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = created_at_column()
    read_at: Mapped[datetime | None] = mapped_column(nullable=True)


class MailOptOut(Base):
    """A kind of notification the user does not want by mail (absent row: mail is on)."""

    __tablename__ = "mail_opt_outs"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    created_at: Mapped[datetime] = created_at_column()
