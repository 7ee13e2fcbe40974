"""The cast of the demo world: buyers with habits, makers with a latent true quality."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate
from random import Random

from craftreview.models import CRAFTS

from . import writing
from .corpus import CRAFT_WORDS, FIRST_NAMES, LAST_NAMES, PLACES, Item

MODERATOR_EMAIL = "moderator@demo.example.com"
BUYER_EMAIL = "buyer@demo.example.com"
MAKER_EMAIL = "maker@demo.example.com"
# Everyone joined at least this long ago, so a whole order fits between joining and now.
MIN_AGE = timedelta(days=150)
MAX_AGE = timedelta(days=3 * 365 + 120)
DEMO_BUYER_REVIEWS = 4
DEMO_MAKER_REVIEWS = 10


@dataclass
class Person:
    """A user in the demo world; bias is how far their stars drift from the truth."""

    id: int
    email: str
    first: str
    last: str
    joined: datetime
    bias: float = 0.0
    display_name: str = ""

    def row(self, password_hash: str, moderator: bool = False) -> dict:
        """The users-table row for this person."""
        return {
            "id": self.id, "email": self.email, "display_name": self.display_name or f"{self.first} {self.last}",
            "password_hash": password_hash, "is_moderator": moderator, "is_suspended": False,
            "session_version": 1, "created_at": self.joined,
            "email_confirmed_at": self.joined,  # demo people own their (fictional) addresses
        }


@dataclass
class Shop:
    """A maker profile plus the latent quality (craftsmanship, consistency, delivery) buyers sample."""

    id: int
    owner: Person
    name: str
    slug: str
    craft: str
    place: str
    quality: tuple[float, float, float]
    created_at: datetime
    lead: int | None
    accepts_custom: bool
    items: tuple[Item, ...]
    materials: tuple[str, ...]
    review_count: int = 0
    bio: str = field(default="", repr=False)

    def row(self, rng: Random) -> dict:
        """The makers-table row for this shop."""
        website = f"https://{self.slug}.example.com" if rng.random() < 0.5 else ""
        return {
            "id": self.id, "owner_id": self.owner.id, "name": self.name, "slug": self.slug,
            "craft": self.craft, "location": self.place, "bio": self.bio, "website": website,
            "accepts_custom": self.accepts_custom, "lead_time_days": self.lead,
            "created_at": self.created_at, "updated_at": self.created_at,
        }


def joined_at(rng: Random, now: datetime) -> datetime:
    """A sign-up time between MAX_AGE and MIN_AGE ago."""
    span = (MAX_AGE - MIN_AGE).total_seconds()
    return now - MIN_AGE - timedelta(seconds=rng.random() * span)


def buyer_bias(rng: Random) -> float:
    """Most buyers are fair; some are harsh, some generous."""
    kind = rng.random()
    if kind < 0.12:
        return rng.gauss(-0.8, 0.2)
    if kind < 0.27:
        return rng.gauss(0.45, 0.15)
    return rng.gauss(0.0, 0.2)


def make_buyers(rng: Random, count: int, first_id: int, now: datetime) -> list[Person]:
    """Buyers; the first is the well-known demo buyer."""
    buyers = []
    for n in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        uid = first_id + n
        email = f"{first}.{last.replace(' ', '')}.{uid}@example.org".lower()
        buyers.append(Person(uid, email, first, last, joined_at(rng, now), buyer_bias(rng)))
    buyers[0].email, buyers[0].display_name, buyers[0].bias = BUYER_EMAIL, "Demo Buyer", 0.0
    return buyers


def activity_weights(rng: Random, buyers: list[Person]) -> list[float]:
    """Cumulative long-tailed weights: a few buyers review a lot, most once or twice."""
    weights = [min(rng.paretovariate(1.3), 50.0) for _ in buyers]
    weights[0] = 0.2  # the demo buyer gets exactly its scripted reviews, give or take
    return list(accumulate(weights))


def latent_quality(rng: Random) -> tuple[float, float, float]:
    """True quality per dimension from a skilled or a novice population."""
    if rng.random() < 0.55:
        means = (rng.gauss(4.45, 0.25), rng.gauss(4.3, 0.35), rng.gauss(4.1, 0.6))
    else:
        means = (rng.gauss(3.0, 0.5), rng.gauss(3.0, 0.6), rng.gauss(3.5, 0.7))
    c, s, d = (min(4.95, max(1.3, m)) for m in means)
    return c, s, d


def _craft_for(rng: Random, index: int) -> str:
    crafts = list(CRAFTS)
    if index < len(crafts):
        return crafts[index]  # every craft appears once there are enough makers
    return rng.choices(crafts, weights=(5, 4, 3, 4, 4, 2, 2, 3, 1))[0]


def _unique_slug(name: str, taken: dict[str, int]) -> str:
    base = writing.slugify(name) or "maker"
    taken[base] = taken.get(base, 0) + 1
    return base if taken[base] == 1 else f"{base}-{taken[base]}"


def make_shop(rng: Random, shop_id: int, owner_id: int, now: datetime, taken: dict[str, int]) -> Shop:
    """One maker profile with its owner, quality, specialities and bio."""
    craft = _craft_for(rng, shop_id - 1)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    name = writing.maker_name(rng, craft, first, last)
    created = joined_at(rng, now)
    owner_joined = created - timedelta(hours=rng.uniform(1, 24 * 20))
    email = f"{first}.{last.replace(' ', '')}.{owner_id}@example.org".lower()
    owner = Person(owner_id, email, first, last, owner_joined)
    words = CRAFT_WORDS[craft]
    custom = rng.random() < (0.8 if craft in ("wood", "jewelry", "leather", "other") else 0.4)
    lead = rng.randint(14, 60) if custom else (rng.randint(2, 7) if rng.random() < 0.7 else None)
    shop = Shop(
        shop_id, owner, name, _unique_slug(name, taken), craft, rng.choice(PLACES), latent_quality(rng),
        created, lead, custom, tuple(rng.sample(words.items, 3)), tuple(rng.sample(words.materials, 2)),
    )
    shop.bio = writing.bio(rng, maker=name, name=first, craft=craft, place=shop.place, lead=lead)
    return shop


def make_shops(rng: Random, count: int, first_owner_id: int, now: datetime) -> list[Shop]:
    """Makers across all crafts; the first belongs to the demo maker account."""
    taken: dict[str, int] = {}
    shops = [make_shop(rng, n + 1, first_owner_id + n, now, taken) for n in range(count)]
    demo = shops[0]
    demo.owner.email = MAKER_EMAIL
    # Fine work but slow delivery: the demo maker has complaints worth replying to.
    demo.quality = (4.5, 4.3, 3.3)
    return shops


def allocate_reviews(rng: Random, shops: list[Shop], total: int, buyer_count: int) -> None:
    """Long-tailed review counts per maker (most 1-5, a few 30+) that add up to total."""
    for shop in shops[:total]:
        shop.review_count = 1
    cum = list(accumulate(min(rng.paretovariate(0.8), 100.0) for _ in shops))
    cap = max(30, buyer_count // 3)
    for _ in range(total - min(total, len(shops))):
        for _attempt in range(20):
            shop = rng.choices(shops, cum_weights=cum)[0]
            if shop.review_count < cap:
                break
        shop.review_count += 1
    _top_up(shops, 0, min(DEMO_MAKER_REVIEWS, total))


def _top_up(shops: list[Shop], index: int, target: int) -> None:
    """Move reviews from the busiest makers until shops[index] has at least target."""
    while shops[index].review_count < target:
        donor = max(shops, key=lambda s: s.review_count if s is not shops[index] else -1)
        if donor.review_count <= 1:
            return
        donor.review_count -= 1
        shops[index].review_count += 1
