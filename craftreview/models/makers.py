"""Maker profiles, orders recorded by makers (invitations) and stored scores."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..emails import is_erased
from .base import Base, as_utc, created_at_column, email_key_column, keeps_email_key, utcnow
from .users import User

CRAFTS: dict[str, str] = {
    "ceramics": "Ceramics & pottery",
    "textiles": "Textiles & knitwear",
    "leather": "Leatherwork",
    "wood": "Woodworking",
    "jewelry": "Jewelry & metalwork",
    "glass": "Glass",
    "paper": "Paper & bookbinding",
    "candles": "Candles & soap",
    "other": "Other",
}
ORDER_TYPES: dict[str, str] = {"stock": "Stock item", "custom": "Custom order"}
PRICE_BANDS: dict[str, str] = {
    "under25": "Under 25",
    "25-100": "25–100",
    "100-300": "100–300",
    "300-1000": "300–1,000",
    "over1000": "Over 1,000",
}


class Maker(Base):
    __tablename__ = "makers"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    craft: Mapped[str] = mapped_column(String(20), index=True)
    location: Mapped[str] = mapped_column(String(100), default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    accepts_custom: Mapped[bool] = mapped_column(Boolean, default=False)
    lead_time_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    owner: Mapped[User] = relationship(lazy="joined")
    score: Mapped[MakerScoreRow | None] = relationship(lazy="joined", uselist=False, viewonly=True)

    @property
    def craft_label(self) -> str:
        return CRAFTS.get(self.craft, self.craft)


class MakerFormerSlug(Base):
    """An address a live maker profile used to have: a GET for it is redirected to the profile's current address.

    It stays reserved for that maker (another profile cannot take it; the maker can take it back) and is
    erased with the maker's account (services/maker_addresses.py says why).
    """

    __tablename__ = "maker_former_slugs"

    slug: Mapped[str] = mapped_column(String(80), primary_key=True)
    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), index=True)
    left_at: Mapped[datetime] = created_at_column()


class ReleasedName(Base):
    """A name or address a deleted maker profile gave up, held back from other makers for a while
    (services/released_names.py): a buyer following an old link or searching the old name must not meet a newcomer
    who took it the day after. Only a digest is kept, never the name itself."""

    __tablename__ = "released_names"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # "name" or "address"
    digest: Mapped[str] = mapped_column(String(64), index=True)
    held_until: Mapped[datetime] = mapped_column()


class Order(Base):
    """An order the maker recorded; its invitation lets the buyer write a verified review."""

    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), index=True)
    buyer_email: Mapped[str] = mapped_column(String(254))
    # emails.email_key(buyer_email): the order belongs to the account with this key (invitations, the
    # account's export and erasure, ring signals). Migration 0022 filled it.
    buyer_email_key: Mapped[str] = email_key_column("buyer_email", index=True)
    item: Mapped[str] = mapped_column(String(200))
    order_type: Mapped[str] = mapped_column(String(10))
    price_band: Mapped[str] = mapped_column(String(20))
    ordered_on: Mapped[date] = mapped_column(Date)
    promised_by: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Only a hash of the token is stored: a database leak must not leak live links.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = created_at_column()

    maker: Mapped[Maker] = relationship(lazy="joined")

    _keep_buyer_email_key = keeps_email_key("buyer_email", "buyer_email_key")

    @property
    def buyer_erased(self) -> bool:
        """The buyer deleted their account: the address stored is a placeholder, which reaches nobody."""
        return is_erased(self.buyer_email)

    @property
    def invitation_status(self) -> str:
        """'used', 'expired' or 'open'."""
        if self.used_at is not None:
            return "used"
        return "expired" if as_utc(self.expires_at) < utcnow() else "open"


class MakerScoreRow(Base):
    """The scoring model's latest estimate for a maker (derived; refit by `flask rescore`)."""

    __tablename__ = "maker_scores"

    maker_id: Mapped[int] = mapped_column(ForeignKey("makers.id"), primary_key=True)
    model_version: Mapped[str] = mapped_column(String(40))
    computed_at: Mapped[datetime] = mapped_column()
    overall: Mapped[float] = mapped_column(Float)
    overall_low: Mapped[float] = mapped_column(Float)
    overall_high: Mapped[float] = mapped_column(Float)
    craftsmanship: Mapped[float] = mapped_column(Float)
    craftsmanship_low: Mapped[float] = mapped_column(Float)
    craftsmanship_high: Mapped[float] = mapped_column(Float)
    consistency: Mapped[float] = mapped_column(Float)
    consistency_low: Mapped[float] = mapped_column(Float)
    consistency_high: Mapped[float] = mapped_column(Float)
    delivery: Mapped[float] = mapped_column(Float)
    delivery_low: Mapped[float] = mapped_column(Float)
    delivery_high: Mapped[float] = mapped_column(Float)
    p_skilled: Mapped[float] = mapped_column(Float)
    tier: Mapped[str] = mapped_column(String(20), index=True)
    # Posterior probability of the tier's claim ("skilled — 92% sure").
    tier_confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    # Sort key: proven makers always rank above unproven ones (see scoring service).
    rank_score: Mapped[float] = mapped_column(Float, index=True)
    review_count: Mapped[int] = mapped_column(Integer, default=0)
    verified_count: Mapped[int] = mapped_column(Integer, default=0)
    # The "Most often on time" sort key, (on time + 1) / (dated + 2) over the model's dated orders
    # (services.scores.on_time_sort_key); pages show counts from the reviews, never this.
    on_time_rate: Mapped[float | None] = mapped_column(Float, nullable=True)
    typical_slip_days: Mapped[float | None] = mapped_column(Float, nullable=True)
    # The explanation (~5 KB): deferred, so only the score page ever loads it.
    detail_json: Mapped[str] = mapped_column(Text, default="{}", deferred=True)
    # Why an unproven maker is unproven ("too_few_reviews" / "mixed_evidence"); NULL for a proven tier.
    unproven_reason: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # Evidence in fully trusted reviews (1 = a fresh verified order); claims from under three say so.
    trusted_reviews: Mapped[float | None] = mapped_column(Float, nullable=True)

    def estimate(self, dimension: str) -> tuple[float, float, float]:
        """(mean, low, high) of one dimension or "overall"."""
        return (getattr(self, dimension), getattr(self, f"{dimension}_low"), getattr(self, f"{dimension}_high"))

