"""Deterministic demo-world generator: (table name, row dict) pairs, parents before children."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from random import Random

from craftreview.models import PRICE_BANDS

from . import writing
from .corpus import CRAFT_WORDS
from .world import (
    DEMO_BUYER_REVIEWS,
    MODERATOR_EMAIL,
    Person,
    Shop,
    activity_weights,
    allocate_reviews,
    joined_at,
    make_buyers,
    make_shops,
)

Row = tuple[str, dict]
BANDS = tuple(PRICE_BANDS)
VERIFIED_SHARE = 0.3
CONTEXT_SHARE = 0.8  # unverified reviews that still give order details
REPLY_SHARE = 0.22
REPLY_SHARE_CRITICAL = 0.45
VOTE_SHARE = 0.25
FLAG_SHARE = 0.01
DEMO_MAKER_UNREPLIED = 3
# Makers dispute harsh reviews; other buyers report suspiciously glowing or odd ones.
OWNER_REASONS = ("not_real_order", "abusive")
BUYER_REASONS = {"good": ("conflict", "spam"), "mixed": ("private_info", "other"), "bad": ("other",)}


@dataclass(frozen=True)
class WorldSpec:
    """What to generate; `now` anchors every timestamp so output depends on the spec alone."""

    makers: int
    reviews: int
    seed: int
    now: datetime
    password_hash: str


@dataclass(frozen=True)
class Timeline:
    """Order dates and review time for one review, consistent with its delivery rating."""

    ordered_on: date
    promised_by: date
    delivered_on: date
    created_at: datetime
    late_days: int
    packing_trouble: bool
    order_type: str


def buyer_count(reviews: int) -> int:
    """Roughly one buyer per four reviews, never too few to vote and flag."""
    return max(12, reviews // 4)


def generate(spec: WorldSpec) -> Iterator[Row]:
    """Yield every row of the demo world; identical specs yield identical rows."""
    if spec.makers < 1 or spec.reviews < 0:
        raise ValueError("need at least one maker and a non-negative number of reviews")
    rng = Random(spec.seed)
    moderator = Person(1, MODERATOR_EMAIL, "Demo", "Moderator", joined_at(rng, spec.now))
    shops = make_shops(rng, spec.makers, 2, spec.now)
    buyers = make_buyers(rng, buyer_count(spec.reviews), spec.makers + 2, spec.now)
    allocate_reviews(rng, shops, spec.reviews, len(buyers))
    yield "users", moderator.row(spec.password_hash, moderator=True)
    for shop in shops:
        yield "users", shop.owner.row(spec.password_hash)
    for buyer in buyers:
        yield "users", buyer.row(spec.password_hash)
    for shop in shops:
        yield "makers", shop.row(rng)
    yield from _ReviewWriter(rng, spec, shops, buyers).rows()


def _timeline(rng: Random, shop: Shop, delivery: int, earliest: datetime, now: datetime) -> Timeline:
    """Dates that tell the delivery story: early/on time for 4-5, late for 1-3 (or badly packed)."""
    custom = shop.accepts_custom and rng.random() < 0.45
    promise = min(60, max(7, (shop.lead or 30) + rng.randint(-5, 10))) if custom else rng.randint(3, 10)
    packing = delivery <= 2 and rng.random() < 0.25
    if packing or delivery >= 4:
        slip = rng.randint(-2, 0)
    elif delivery == 3:
        slip = rng.randint(2, 7)
    else:
        slip = rng.randint(14, 30) if delivery == 2 else rng.randint(21, 60)
    review_delay = rng.randint(0, 21)
    days = promise + slip + review_delay
    room = (now - earliest - timedelta(days=days + 1)).total_seconds()
    ordered_at = earliest + timedelta(seconds=rng.random() * max(0.0, room))
    ordered_on = ordered_at.date()
    promised_by = ordered_on + timedelta(days=promise)
    created = ordered_at + timedelta(days=days, seconds=rng.randint(0, 86_399))
    return Timeline(ordered_on, promised_by, promised_by + timedelta(days=slip), created,
                    max(slip, 0), packing, "custom" if custom else "stock")


def _ratings(rng: Random, quality: tuple[float, float, float], bias: float) -> tuple[int, int, int]:
    """Stars near the maker's true quality, shifted by the buyer's habit and the day's luck."""
    shared = rng.gauss(0, 0.35)
    c, s, d = (min(5, max(1, round(q + bias + shared + rng.gauss(0, 0.55)))) for q in quality)
    return c, s, d


def _token_hash(rng: Random) -> str:
    """sha256 hex of a 32-byte token; the token is never stored (the invitation is already used)."""
    return hashlib.sha256(rng.randbytes(32)).hexdigest()


class _ReviewWriter:
    """Walks the makers and writes their reviews with orders, replies, votes and flags."""

    def __init__(self, rng: Random, spec: WorldSpec, shops: list[Shop], buyers: list[Person]) -> None:
        self.rng, self.spec, self.shops, self.buyers = rng, spec, shops, buyers
        self.cum_activity = activity_weights(rng, buyers)
        n_flags = max(min(3, spec.reviews), round(spec.reviews * FLAG_SHARE))
        self.flagged = set(rng.sample(range(spec.reviews), n_flags))
        self.ids = {"orders": 0, "reviews": 0, "replies": 0, "flags": 0}

    def _next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def rows(self) -> Iterator[Row]:
        """Every order, review, reply, vote and flag, maker by maker."""
        for index, shop in enumerate(self.shops):
            used: set[int] = set()
            for k in range(shop.review_count):
                scripted = 1 <= index <= DEMO_BUYER_REVIEWS and k == 0
                yield from self._review(shop, k, used, self.buyers[0] if scripted else None)

    def _pick_author(self, used: set[int], verified: bool) -> tuple[Person, bool]:
        """A buyer by activity; one unverified review per buyer and maker, else a verified repeat."""
        for _attempt in range(30):
            buyer = self.rng.choices(self.buyers, cum_weights=self.cum_activity)[0]
            if verified or buyer.id not in used:
                return buyer, verified
        return buyer, True

    def _review(self, shop: Shop, k: int, used: set[int], author: Person | None) -> Iterator[Row]:
        rng = self.rng
        verified = rng.random() < VERIFIED_SHARE
        if author is None or author.id in used:
            author, verified = self._pick_author(used, verified)
        if not verified:
            used.add(author.id)
        c, s, d = _ratings(rng, shop.quality, author.bias)
        earliest = max(shop.created_at, author.joined)
        when = _timeline(rng, shop, d, earliest, self.spec.now)
        item = rng.choice(shop.items)
        scene = writing.Scene(shop.name, shop.craft, item.noun, rng.choice(shop.materials), c, s, d,
                              when.late_days or rng.randint(14, 30), when.packing_trouble,
                              rng.choice(CRAFT_WORDS[shop.craft].praise), rng.choice(CRAFT_WORDS[shop.craft].flaws),
                              when.order_type, shop.accepts_custom)
        band = BANDS[min(4, rng.randint(item.low_band, item.high_band) + (when.order_type == "custom"))]
        review_id = self._next_id("reviews")
        order_id = None
        if verified:
            order_id = self._next_id("orders")
            yield "orders", self._order(order_id, shop, author, scene, band, when)
        votes = list(self._votes(review_id, author, when.created_at))
        context = verified or rng.random() < CONTEXT_SHARE
        yield "reviews", {
            "id": review_id, "maker_id": shop.id, "author_id": author.id, "order_id": order_id,
            "craftsmanship": c, "consistency": s, "delivery": d,
            "title": writing.review_title(rng, scene), "body": writing.review_body(rng, scene),
            "order_type": when.order_type if context else None, "price_band": band if context else None,
            "ordered_on": when.ordered_on if context else None,
            "promised_by": when.promised_by if context else None,
            "delivered_on": when.delivered_on if context else None,
            "created_at": when.created_at, "updated_at": when.created_at, "revision_count": 0,
            "withdrawn_at": None, "hidden_at": None, "hidden_reason": None, "helpful_count": len(votes),
        }
        yield from votes
        if self._replies(shop, k, scene):
            yield "replies", self._reply(review_id, shop, scene, when.created_at)
        if review_id - 1 in self.flagged:
            yield "flags", self._flag(review_id, shop, author, scene, when.created_at)

    def _replies(self, shop: Shop, k: int, scene: writing.Scene) -> bool:
        """Makers answer about a quarter of reviews, critical ones more often."""
        if shop is self.shops[0]:
            # The demo maker leaves its last few reviews unanswered for the demo.
            return k < shop.review_count - DEMO_MAKER_UNREPLIED and self.rng.random() < 0.6
        share = REPLY_SHARE_CRITICAL if scene.mood != "good" else REPLY_SHARE
        return self.rng.random() < share

    def _later(self, start: datetime, max_days: float) -> datetime:
        """A moment after start, at most max_days later and never after now."""
        span = min(max_days * 86_400, (self.spec.now - start).total_seconds())
        return start + timedelta(seconds=self.rng.random() * max(0.0, span))

    def _order(self, order_id: int, shop: Shop, author: Person, scene: writing.Scene, band: str,
               when: Timeline) -> dict:
        """The maker-recorded order whose (used) invitation verifies the review."""
        recorded = max(datetime.combine(when.ordered_on, datetime.min.time(), when.created_at.tzinfo),
                       when.created_at - timedelta(days=25))
        return {
            "id": order_id, "maker_id": shop.id, "buyer_email": author.email,
            "item": f"{scene.item[:1].upper()}{scene.item[1:]} ({scene.material})",
            "order_type": when.order_type, "price_band": band, "ordered_on": when.ordered_on,
            "promised_by": when.promised_by, "token_hash": _token_hash(self.rng),
            "expires_at": recorded + timedelta(days=90), "used_at": when.created_at,
            "created_at": recorded,
        }

    def _votes(self, review_id: int, author: Person, created: datetime) -> Iterator[Row]:
        """A few helpful votes from other buyers."""
        if self.rng.random() >= VOTE_SHARE:
            return
        voters = {b.id for b in self.rng.sample(self.buyers, 3) if b.id != author.id}
        for voter in sorted(voters)[: self.rng.randint(1, 3)]:
            yield "helpful_votes", {"review_id": review_id, "user_id": voter,
                                    "created_at": self._later(created, 60)}

    def _reply(self, review_id: int, shop: Shop, scene: writing.Scene, created: datetime) -> dict:
        when = self._later(created, 10)
        return {
            "id": self._next_id("replies"), "review_id": review_id, "author_id": shop.owner.id,
            "body": writing.reply_body(self.rng, scene, shop.owner.first),
            "created_at": when, "updated_at": when, "revision_count": 0,
        }

    def _flag(self, review_id: int, shop: Shop, author: Person, scene: writing.Scene,
              created: datetime) -> dict:
        """An open flag: the maker disputing a harsh review, or another buyer reporting a problem."""
        if scene.mood == "bad" or (scene.mood == "mixed" and self.rng.random() < 0.5):
            reporter, reason = shop.owner.id, self.rng.choice(OWNER_REASONS)
        else:
            others = [b for b in self.rng.sample(self.buyers, 2) if b.id != author.id]
            reporter, reason = others[0].id, self.rng.choice(BUYER_REASONS[scene.mood])
        return {
            "id": self._next_id("flags"), "review_id": review_id, "user_id": reporter,
            "reason": reason, "note": writing.flag_note(self.rng, reason), "status": "open",
            "created_at": self._later(created, 30), "resolved_at": None, "resolved_by_id": None,
        }
