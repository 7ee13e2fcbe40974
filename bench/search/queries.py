"""A fixed, realistic query mix built from the demo world's vocabulary."""
from __future__ import annotations

import random

from craftreview.demo.corpus import CRAFT_WORDS, PLACES

QUERY_COUNT = 240
TYPOS = ("stonewear", "walnutt", "porcelian", "leathr bag", "merinno jumper", "borosilicat")
FREE_TEXT = ("leather bag arrived late", "wheel-thrown stoneware dinner set that matches", "custom walnut table",
             "arrived late", "beautifully packed", "matches the photos", "gift for my mother",
             "uneven glaze", "late delivery", "set of spoons")


def build_queries(seed: int = 11) -> list[dict[str, str]]:
    """QUERY_COUNT request argument dicts: words, phrases, fields, filters, tabs, sorts, typos."""
    rng = random.Random(seed)
    makers = [_query(rng, i) for i in range(QUERY_COUNT - len(TYPOS) - len(FREE_TEXT))]
    return makers + [{"q": t} for t in TYPOS] + [{"q": t, "tab": "reviews"} for t in FREE_TEXT]


def _query(rng: random.Random, i: int) -> dict[str, str]:
    craft, words = rng.choice(list(CRAFT_WORDS.items()))
    vocabulary = [*words.materials, *(it.noun for it in words.items), *words.techniques]
    shape = i % 6
    if shape == 0:
        q = rng.choice(vocabulary).split()[0]                                        # one word
    elif shape == 1:
        q = f"{rng.choice(words.materials)} {rng.choice(words.items).noun}"          # 2-4 words
    elif shape == 2:
        q = f'"{rng.choice(words.items).noun}"'                                      # phrase
    elif shape == 3:
        q = f"craft:{craft} {rng.choice(words.items).noun.split()[-1]}"              # field prefix
    elif shape == 4:
        q = f"{rng.choice(words.flaws).split()[-1]} -{rng.choice(words.materials).split()[0]}"
    else:
        q = f"location:{rng.choice(PLACES).split(',')[0].split()[0].lower()} {rng.choice(vocabulary).split()[0]}"
    return {"q": q, **_filters(rng, i, craft)}


def _filters(rng: random.Random, i: int, craft: str) -> dict[str, str]:
    args: dict[str, str] = {"tab": "reviews"} if i % 2 else {}
    roll = i % 5
    if roll == 1:
        args["craft"] = craft
    elif roll == 2:
        args["location"] = rng.choice(PLACES).split(", ")[-1]
    elif roll == 3:
        args.update({"verified": "1", "delivery_min": "1", "delivery_max": "2"} if i % 2 else {"min_score": "4"})
    if i % 7 == 0:
        args["sort"] = rng.choice(("score", "newest", "reviews"))
    return args
