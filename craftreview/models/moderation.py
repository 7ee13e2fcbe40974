"""Flags, the moderation audit log, and outboxes (mail, search index)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, created_at_column, email_key_column, keeps_email_key
from .reviews import Review
from .users import User

FLAG_REASONS: dict[str, str] = {
    "spam": "Spam or advertising",
    "not_real_order": "Not a real order",
    "abusive": "Abusive or harassing",
    "private_info": "Contains private information",
    "conflict": "Conflict of interest",
    "other": "Other (explain in the note)",
}
# Policy reasons a moderator may hide a review for; a negative rating is never one.
HIDE_REASONS: dict[str, str] = {
    "spam": "Spam or advertising",
    "fake": "Not a genuine order or experience",
    "abusive": "Abusive, hateful or harassing language",
    "private_info": "Publishes private information",
    "conflict": "Undisclosed conflict of interest",
    "off_topic": "Not about the maker's work or service",
}


class Flag(Base):
    __tablename__ = "flags"
    __table_args__ = (
        Index(
            "uq_flags_open_review_user", "review_id", "user_id", unique=True,
            sqlite_where=text("status = 'open'"), postgresql_where=text("status = 'open'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    # The review's revision_count when flagged: the text the flagger saw is that version.
    review_revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    created_at: Mapped[datetime] = created_at_column()
    resolved_at: Mapped[datetime | None] = mapped_column(nullable=True)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)

    review: Mapped[Review] = relationship()
    user: Mapped[User] = relationship(foreign_keys=[user_id])


class AuditEntry(Base):
    """Append-only record of moderation actions."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(40))
    target_type: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int] = mapped_column()
    reason: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = created_at_column()

    actor: Mapped[User] = relationship()


class OutgoingMail(Base):
    """The default mail backend writes here; a real backend would send and mark sent."""

    __tablename__ = "mail_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    to_email: Mapped[str] = mapped_column(String(254))
    # emails.email_key(to_email): erasing an account deletes its mail under every spelling of its address.
    to_email_key: Mapped[str] = email_key_column("to_email", index=True)
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    # The HTML alternative of `body` (mails rendered from templates/mail/ have both).
    html_body: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = created_at_column()
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)

    _keep_to_email_key = keeps_email_key("to_email", "to_email_key")


class IndexOutbox(Base):
    """Search-index work written in the same transaction as the change it describes."""

    __tablename__ = "index_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    entity_id: Mapped[int] = mapped_column()
    created_at: Mapped[datetime] = created_at_column()
