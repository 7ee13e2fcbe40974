"""Probe queries: shapes the judged set (judged_queries.py) lacks, the way a held-out evaluator types.

Questions, compounds written apart or together, inflections, punctuation, capitals, accents in the
query (or decomposed), two-edit typos, UK/US words inside phrases, maker names half remembered,
a city plus an item, numbers, long pasted messages and symbols. Built from the demo world's
vocabulary with a seeded generator, so another seed gives other queries of the same shapes. Each
query lists its *concepts* (accepted forms, a form of several words must appear in order); judge.py
decides relevance from the documents' text. Words that say what the buyer wants but not which
document ("who makes", "looking for", "handmade" on a site of handmade work) are no concepts.

`BEHAVIOUR` queries have no relevant documents by construction; they check what the page says
(no spelling advice for words spelled right, no error) rather than a ranking.
"""
from __future__ import annotations

import random

from craftreview.demo.corpus import CRAFT_WORDS, LAST_NAMES, PLACES

from .judged_queries import JudgedQuery

# The judge's forms for words buyers write apart, together or hyphenated (its own list, not the engine's).
COMPOUNDS = {"teapot": ("teapot", "tea pot"), "bookshelf": ("bookshelf", "book shelf"),
             "sketchbook": ("sketchbook", "sketch book"), "notebook": ("notebook", "note book"),
             "suncatcher": ("suncatcher", "sun catcher"), "tealight": ("tealight", "tea light"),
             "handwritten": ("handwritten", "hand written"), "stoneware": ("stoneware", "stone ware"),
             "beeswax": ("beeswax", "bees wax"), "terracotta": ("terracotta", "terra cotta")}
# Forms of words the judge's crude suffix stripper cannot join.
FORMS = {"glazing": ("glaze", "glazed", "glazing"), "stitching": ("stitch", "stitched", "stitching"),
         "carving": ("carve", "carved", "carving"), "polished": ("polish", "polished"),
         "scarves": ("scarf", "scarves"), "knives": ("knife", "knives"), "knitting": ("knit", "knitted", "knitting"),
         "weaving": ("weave", "woven", "weaving")}
UK_US = {"favorite": ("favourite", "favorite"), "color": ("colour", "color"), "center": ("centre", "center"),
         "canceled": ("cancelled", "canceled"), "favor": ("favour", "favor"), "molded": ("moulded", "molded"),
         "sweater": ("jumper", "sweater"), "package": ("parcel", "package")}
# Symbols and emoji a phone keyboard offers next to a word.
SYMBOLS = ("☕", "🏺", "💍", "♥", "★★★★★", "✨", "👍", "→")


def _two_edits(word: str, rng: random.Random) -> str:
    """The word with two typing slips: a swapped neighbour pair and a dropped or doubled letter,
    never in the first letter (a typo there is a different word to a reader too)."""
    i = rng.randrange(1, len(word) - 2)
    swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    j = rng.choice([k for k in range(2, len(word) - 1) if abs(k - i) > 1] or [len(word) - 2])
    return swapped[:j] + swapped[j + 1:] if rng.random() < 0.5 else swapped[:j] + swapped[j] + swapped[j:]


def _one_edit(word: str, rng: random.Random) -> str:
    i = rng.randrange(2, len(word))
    return word[:i] + word[i] + word[i:] if rng.random() < 0.5 else word[:i - 1] + word[i:]


def _item(words) -> str:
    """The last word of an item noun: 'set of tumblers' -> 'tumblers', 'dinner set' -> 'set'."""
    return words.split()[-1]


def _plural(word: str) -> str:
    return word + ("es" if word.endswith(("x", "s", "ch", "sh")) else "s")


def _q(text: str, family: str, concepts: list) -> JudgedQuery:
    return JudgedQuery(text, "probe_" + family, tuple(c if isinstance(c, tuple) else (c,) for c in concepts))


def _per_craft(craft: str, words, rng: random.Random) -> list[JudgedQuery]:
    item = _item(rng.choice([i.noun for i in words.items if i.noun.split()[-1] != "set"]))
    material = rng.choice(words.materials).split()[-1]
    city = rng.choice([p.split(",")[0] for p in PLACES if p.isascii() and " " not in p.split(",")[0]])
    long_material = next((m for m in words.materials if len(m) >= 7 and m.isalpha()), None)
    out = [_q(f"who makes {material} {_plural(item)}", "question", [material, item]),
           _q(f"where can i buy a good {item}?", "question", [item]),
           _q(f"{material.upper()} {item.upper()}", "caps", [material, item]),
           _q(f"{_plural(item)}!!", "punctuation", [item]),
           _q(f"maker's {material} {item}", "punctuation", [material, item]),
           _q(f"{material}/{item}", "punctuation", [material, item]),
           _q(f"{item} in {city}", "city_item", [item, city.lower()]),
           _q(f"{city.lower()} {_plural(item)}", "city_item", [item, city.lower()]),
           _q(f"set of 6 {_plural(item)}" if item != "set" else f"6 {material} pieces", "number", [item]),
           _q(f"{rng.choice(SYMBOLS)} {item} {rng.choice(SYMBOLS)}", "emoji", [item]),
           _q(f"handmade {material} {item}", "compound", [material, item]),
           _q(f"hand-made {item}", "compound", [item]),
           _q(_long_message(material, item, rng), "long", [material, item])]
    if long_material:
        out.append(_q(f"{_two_edits(long_material, rng)} {item}", "typo2", [long_material, item]))
    return out


def _long_message(material: str, item: str, rng: random.Random) -> str:
    """A message pasted into the search box, past the length the box keeps."""
    opener = rng.choice(["Hi there, I am looking for someone who could", "Hello! My partner and I would really like to",
                         "Good morning, we are hoping to find a maker who can"])
    return (f"{opener} make us a {material} {item} as a present for my sister's wedding next spring, ideally "
            "something quite simple and well finished, and it would need to arrive before the end of May because "
            "we are travelling after that. Many thanks in advance!")


def _fixed() -> list[JudgedQuery]:
    """Shapes that need particular words of the demo vocabulary."""
    out = [_q(q, "compound", [c]) for q, c in (("tea pot", COMPOUNDS["teapot"]), ("book shelf", COMPOUNDS["bookshelf"]),
                                               ("sketch book", COMPOUNDS["sketchbook"]), ("sun catcher", COMPOUNDS["suncatcher"]),
                                               ("tea light set", COMPOUNDS["tealight"]), ("hand written note", COMPOUNDS["handwritten"]),
                                               ("bees wax candle", COMPOUNDS["beeswax"]), ("terra cotta", COMPOUNDS["terracotta"]),
                                               ("notebook", COMPOUNDS["notebook"]), ("stone-ware", COMPOUNDS["stoneware"]))]
    out += [_q("well-made teapot", "compound", [("well made",), COMPOUNDS["teapot"]]),
            _q("made to order table", "compound", [("made to order",), "table"]),
            _q("glazing", "inflection", [FORMS["glazing"]]), _q("saddle stitching", "inflection", [("saddle",), FORMS["stitching"]]),
            _q("carving toys", "inflection", [FORMS["carving"], "toy"]), _q("polished silver", "inflection", [FORMS["polished"], "silver"]),
            _q("merino scarves", "inflection", ["merino", FORMS["scarves"]]), _q("kitchen knives", "inflection", ["kitchen", FORMS["knives"]]),
            _q("knitting blankets", "inflection", [FORMS["knitting"], "blanket"]), _q("weaving baskets", "inflection", [FORMS["weaving"], "basket"]),
            _q("teapots", "inflection", ["teapot"]), _q("tumbler", "inflection", ["tumbler"])]
    out += [_q("our new favorite mug", "uk_us_phrase", [UK_US["favorite"], "mug"]),
            _q("slightly different tone of color", "uk_us_phrase", ["tone", UK_US["color"]]),
            _q("wicks off center", "uk_us_phrase", ["wick", UK_US["center"]]),
            _q("I nearly canceled", "uk_us_phrase", ["nearly", UK_US["canceled"]]),
            _q("wedding favor order", "uk_us_phrase", ["wedding", UK_US["favor"], "order"]),
            _q("wet-molded leather", "uk_us_phrase", [("wet moulded", "wet molded"), "leather"]),
            _q("merino sweater", "uk_us_phrase", ["merino", UK_US["sweater"]]),
            _q("package was badly packed", "uk_us_phrase", [UK_US["package"], "badly", "packed"])]
    out += [_q(q, "accent_in", c) for q, c in (("Montréal", ["montreal"]), ("MONTRÉAL maker", ["montreal"]),
                                               ("Kyōto teapot", ["kyoto", COMPOUNDS["teapot"]]), ("İzmir", ["izmir"]),
                                               ("Krako\u0301w", ["krakow"]), ("ｍｅｒｉｎｏ ｓｃａｒｆ", ["merino", "scarf"]),
                                               ("pörcelain", ["porcelain"]), ("Valparaíso glass", ["valparaiso"]))]
    out += [_q(q, "number", c) for q, c in (("arrived 12 days late", ["12", "day", "late"]), ("2 tumblers", ["tumbler"]),
                                            ("set of 4 spoons", ["spoon"]))]
    out += [_q(joined, "joined", [(apart,)]) for joined, apart in (
        ("dinnerset", "dinner set"), ("watchstrap", "watch strap"), ("cardholder", "card holder"),
        ("tablerunner", "table runner"), ("weddingband", "wedding band"), ("guestbook", "guest book"),
        ("photoalbum", "photo album"), ("messengerbag", "messenger bag"))]
    out += [_q('"color work"', "phrase_variant", [("colour work", "color work")]),
            _q('"tone of color"', "phrase_variant", [("tone of colour", "tone of color")]),
            _q('"wedding favor order"', "phrase_variant", [("wedding favour order", "wedding favor order")]),
            _q('"wet molded leather"', "phrase_variant", [("wet moulded leather", "wet molded leather")]),
            _q("wicks-off-center", "phrase_variant", [("wicks off centre", "wicks off center")])]
    out += [_q("who makes the best walnut chopping boards", "question", ["walnut", ("chopping board",)]),
            _q("is there anyone who does stained glass panels", "question", [("stained glass",), "panel"])]
    out += [_q("stoke on trent teapot", "city_item", [("stoke on trent",), COMPOUNDS["teapot"]]),
            _q("cape town leather", "city_item", [("cape town",), "leather"])]
    return out


def _names(rng: random.Random) -> list[JudgedQuery]:
    """Maker names half remembered: a surname alone, with a slip, or lower-case with the craft."""
    long_names = [n for n in LAST_NAMES if len(n) >= 7 and n.isalpha()]
    out = [_q(name.lower(), "maker_name", [name.lower()]) for name in rng.sample(LAST_NAMES, 3) if name.isalpha()]
    out += [_q(_one_edit(name.lower(), rng), "maker_name", [name.lower()]) for name in rng.sample(long_names, 4)]
    out += [_q(f"{_two_edits(name.lower(), rng)} pottery", "maker_name", [name.lower()]) for name in rng.sample(long_names, 2)]
    return out


BEHAVIOUR = ("the", "what is it", "of and the", "🏺☕", "!!!", "???", "and or not", "where are you",
             "walnut spaceship", "reliable honest maker", "could not be happier")


def build(seed: int = 11) -> list[JudgedQuery]:
    """The probe family: at least 40 judged queries (most crafts, several shapes each)."""
    rng = random.Random(seed)
    out: list[JudgedQuery] = []
    for craft, words in CRAFT_WORDS.items():
        if craft != "other":
            out += _per_craft(craft, words, rng)
    out += _fixed() + _names(rng)
    return list({q.text: q for q in out}.values())
