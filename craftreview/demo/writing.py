"""Compose demo text (names, bios, reviews, replies) that agrees with the numbers behind it."""
from __future__ import annotations

from dataclasses import dataclass
from random import Random

from ..services.maker_addresses import address_from_name
from . import phrases as P
from .corpus import CRAFT_WORDS, NAME_ADJECTIVES, NAME_NOUNS

NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


@dataclass(frozen=True)
class Scene:
    """The facts one review is about: who, what, the ratings and how delivery went."""

    maker: str
    craft: str
    item: str
    material: str
    craftsmanship: int
    consistency: int
    delivery: int
    late_days: int
    packing_trouble: bool = False
    praise: str = "the finish"
    flaw: str = "a rough finish"
    order_type: str = "stock"
    takes_custom: bool = False

    @property
    def overall(self) -> float:
        return 0.5 * self.craftsmanship + 0.25 * self.consistency + 0.25 * self.delivery

    @property
    def mood(self) -> str:
        return "good" if self.overall >= 4 else "mixed" if self.overall >= 2.75 else "bad"


def maker_name(rng: Random, craft: str, first: str, last: str) -> str:
    """A shop name such as 'Hollow Oak Woodworks' or 'Mara Lindqvist Ceramics'."""
    shop = rng.choice(CRAFT_WORDS[craft].shop_words)
    pattern = rng.random()
    if pattern < 0.45:
        return f"{rng.choice(NAME_ADJECTIVES)} {rng.choice(NAME_NOUNS)} {shop}"
    if pattern < 0.8:
        return f"{first} {last} {shop}"
    if pattern < 0.9:
        return f"{last} & Daughters {shop}" if rng.random() < 0.5 else f"{last} & Sons {shop}"
    return f"The {rng.choice(NAME_ADJECTIVES)} {rng.choice(NAME_NOUNS)} Studio"


def slugify(name: str) -> str:
    """ASCII, lowercase, hyphen-separated; at most 70 characters (room for a suffix): as the site suggests one."""
    return address_from_name(name)


def bio(rng: Random, *, maker: str, name: str, craft: str, place: str, lead: int | None) -> str:
    """Two to four sentences about techniques, materials and how the maker works."""
    words = CRAFT_WORDS[craft]
    fields = {
        "maker": maker, "name": name, "place": place.split(",")[0], "years": rng.randint(3, 25),
        "technique": rng.choice(words.techniques), "material": rng.choice(words.materials),
        "lead": lead,
    }
    sentences = [rng.choice(P.BIO_INTROS), rng.choice(P.BIO_MIDDLES)]
    sentences.append(rng.choice(P.BIO_CUSTOM if lead and lead > 10 else P.BIO_STOCK))
    if rng.random() < 0.5:
        sentences.append(rng.choice(P.BIO_EXTRAS))
    if rng.random() < 0.3:
        sentences.pop(1)
    return _join(sentences, fields)


def _weeks(days: int) -> str:
    weeks = max(2, round(days / 7))
    return NUMBER_WORDS.get(weeks, str(weeks))


def _fields(scene: Scene) -> dict[str, object]:
    return {
        "item": scene.item, "maker": scene.maker,
        "a_material": f"{'an' if scene.material[:1] in 'aeiou' else 'a'} {scene.material}",
        "praise": scene.praise, "flaw": scene.flaw,
        "days": scene.late_days, "weeks": _weeks(scene.late_days),
    }


def review_title(rng: Random, scene: Scene) -> str:
    """A short title in the mood of the ratings (at most 120 characters)."""
    mood = scene.mood
    if scene.delivery <= 2 and scene.craftsmanship >= 4:
        mood = "packing" if scene.packing_trouble else "late"
    title = rng.choice(P.TITLES[mood]).format(item=scene.item)
    return title[:1].upper() + title[1:120]


def _delivery_sentence(rng: Random, scene: Scene) -> str:
    if scene.delivery <= 2 and scene.packing_trouble:
        return rng.choice(P.PACKING_TROUBLE)
    return rng.choice(P.DELIVERY[scene.delivery])


def _dimension_sentences(rng: Random, scene: Scene) -> list[str]:
    """Low ratings are always explained; others are mentioned some of the time."""
    options = [
        (scene.craftsmanship, rng.choice(P.CRAFTSMANSHIP[scene.craftsmanship])),
        (scene.consistency, rng.choice(P.CONSISTENCY[scene.consistency])),
        (scene.delivery, _delivery_sentence(rng, scene)),
    ]
    chosen = [text for rating, text in options if rating <= 2 or rng.random() < 0.55]
    return chosen or [options[0][1]]


def review_body(rng: Random, scene: Scene) -> str:
    """Two to four plain-text sentences whose praise and complaints match the ratings."""
    fields = _fields(scene)
    openers = P.OPENERS + (P.CUSTOM_OPENERS if scene.order_type == "custom" else P.STOCK_OPENERS)
    sentences = [rng.choice(openers), *_dimension_sentences(rng, scene)]
    if len(sentences) < 4 and rng.random() < 0.6:
        sentences.append(rng.choice(P.CLOSERS[scene.mood]))
    return _join(sentences, fields)


def reply_body(rng: Random, scene: Scene, owner_first: str) -> str:
    """A polite maker reply: thanks, an apology for a delay or a flaw, or a note on feedback."""
    words = CRAFT_WORDS[scene.craft]
    # A maker who takes no commissions never blames a backlog of them.
    delays = [d for d in words.delays if scene.takes_custom or "commission" not in d] or ["the courier lost a day"]
    delay = rng.choice(delays)
    fields = {
        "item": scene.item, "flaw": scene.flaw, "delay": delay,
        "delay_cap": delay[:1].upper() + delay[1:], "name": owner_first,
    }
    if scene.delivery <= 2 and scene.packing_trouble:
        opening = rng.choice(P.REPLY_PACKING)
    elif scene.delivery <= 2:
        opening = rng.choice(P.REPLY_DELAY)
    elif scene.craftsmanship <= 2:
        opening = rng.choice(P.REPLY_QUALITY)
    elif scene.mood == "good":
        opening = rng.choice(P.REPLY_THANKS)
    else:
        opening = rng.choice(P.REPLY_MIXED)
    return f"{opening.format(**fields)} {rng.choice(P.REPLY_SIGNOFF).format(**fields)}"


def flag_note(rng: Random, reason: str) -> str:
    """A moderator-facing note for a flag with the given reason."""
    return rng.choice(P.FLAG_NOTES[reason])


def _join(sentences: list[str], fields: dict) -> str:
    """The sentences filled in; a name ending in a full stop ('… Co.') does not leave '..' behind it."""
    return " ".join(s.format(**fields).replace("..", ".") for s in sentences)
