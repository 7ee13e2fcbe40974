"""Typed models; invariants only."""
from . import listing_indexes  # noqa: F401,E402 - registers the listing indexes on the tables
from .accounts import (
    MAKER_NOTIFICATION_KINDS,
    NOTIFICATION_KINDS,
    SITE_ONLY_KINDS,
    AccountToken,
    MailOptOut,
    Notification,
)
from .base import Base, as_utc, utcnow
from .fits import StoredFit
from .makers import CRAFTS, ORDER_TYPES, PRICE_BANDS, Maker, MakerFormerSlug, MakerScoreRow, Order, ReleasedName
from .moderation import FLAG_REASONS, HIDE_REASONS, AuditEntry, Flag, IndexOutbox, OutgoingMail
from .reviews import DIMENSIONS, HelpfulVote, Reply, ReplyRevision, Review, ReviewRevision
from .signals import JobRun, RingSignal, RingSignalReview
from .trends import ListingStamp, MakerPageRow, MakerTrendRow
from .users import FormerAddressDigest, LoginSession, User

__all__ = [
    "Base", "as_utc", "utcnow", "CRAFTS", "ORDER_TYPES", "PRICE_BANDS", "Maker", "MakerFormerSlug", "MakerScoreRow",
    "Order", "FLAG_REASONS", "HIDE_REASONS", "AuditEntry", "Flag", "IndexOutbox", "OutgoingMail",
    "DIMENSIONS", "HelpfulVote", "Reply", "ReplyRevision", "Review", "ReviewRevision", "User", "FormerAddressDigest", "LoginSession", "JobRun",
    "StoredFit", "ReleasedName",
    "RingSignal", "RingSignalReview",
    "MAKER_NOTIFICATION_KINDS", "NOTIFICATION_KINDS", "SITE_ONLY_KINDS", "AccountToken", "MailOptOut", "Notification",
    "MakerTrendRow", "MakerPageRow", "ListingStamp",
]
