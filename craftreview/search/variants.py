"""UK/US spellings, craft-label synonyms and country names: one small map both backends expand queries with.

A query word is searched together with its variants (an OR at query time), so `jewellery` finds
the "Jewelry & metalwork" craft, `colour` finds "color" and `ceramics` finds "pottery"; nothing
about the index changes. Two sources:

- a general rule: British `-our` is American `-or` (colour/color, harbour/harbor), applied to
  both directions for words of 5+ letters; a variant that is no word anywhere simply matches nothing;
- `GROUPS`: spellings the rule cannot derive, and the synonyms buyers use for the craft labels.

Phrases (in quotes, or words joined by a hyphen) are searched with their words' variants too:
'"color work"' finds "colour work" (at most query.MAX_PHRASE_FORMS spellings of one phrase).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .stemming import stem

GROUPS: tuple[tuple[str, ...], ...] = (
    # UK / US spellings
    ("jewellery", "jewelry", "jeweller", "jeweler", "jewellers", "jewelers"),
    ("grey", "gray"), ("greys", "grays"), ("cosy", "cozy"), ("cosier", "cozier"),
    ("mould", "mold"), ("moulded", "molded"), ("moulding", "molding"), ("aluminium", "aluminum"),
    ("centre", "center"), ("centrepiece", "centerpiece"), ("fibre", "fiber"), ("metre", "meter"),
    ("practise", "practice"), ("catalogue", "catalog"),
    ("pyjamas", "pajamas"), ("plough", "plow"), ("sceptical", "skeptical"),
    ("travelled", "traveled"), ("travelling", "traveling"), ("cancelled", "canceled"),
    ("cancelling", "canceling"), ("labelled", "labeled"), ("modelled", "modeled"),
    ("enamelled", "enameled"), ("levelled", "leveled"), ("woolly", "wooly"),
    ("personalised", "personalized"), ("personalise", "personalize"), ("customised", "customized"),
    ("customise", "customize"), ("organised", "organized"), ("apologised", "apologized"),
    ("recognised", "recognized"), ("realised", "realized"), ("specialise", "specialize"),
    ("specialised", "specialized"), ("finalised", "finalized"), ("analyse", "analyze"),
    ("programme", "program"), ("ageing", "aging"), ("whisky", "whiskey"), ("doughnut", "donut"),
    ("defence", "defense"), ("licence", "license"), ("offence", "offense"), ("tonne", "ton"),
    ("sulphur", "sulfur"), ("kerb", "curb"),
    # the same thing in British and American words
    ("jumper", "sweater"), ("parcel", "package"), ("postage", "shipping"), ("post", "mail"),
    ("homeware", "housewares"), ("trainers", "sneakers"), ("cot", "crib"), ("flannel", "washcloth"),
    # a material and the adjective made from it, which no stemmer joins ("wooden bowl" finds "wood")
    ("wood", "wooden"), ("wool", "woollen", "woolen"),
    # craft labels and what buyers call them, the craft's maker included: a buyer looking for a potter
    # wants the pottery makers (the maker words alone found nothing: no label or bio says "potter")
    ("pottery", "ceramics", "ceramic", "potter", "ceramicist", "ceramist"),
    ("knitwear", "knitting", "knitted", "knit", "knitter"),
    ("textiles", "textile", "fabric", "fabrics"), ("weaving", "woven", "weaver"),
    ("woodwork", "woodworking", "woodworker", "carpentry", "carpenter"),
    ("woodturning", "woodturned", "woodturner"),
    ("leatherwork", "leathercraft", "leatherworking", "leatherworker"),
    ("metalwork", "metalworking", "smithing", "metalworker"),
    ("glasswork", "glassware", "glassblowing", "glassblower"), ("bookbinding", "bookbinder", "binding"),
    # countries by the names buyers type and the names a location may give (a maker's "Leeds, UK", the
    # demo's "Bristol, United Kingdom"): only words that name nothing else in a review
    ("uk", "britain", "kingdom"), ("netherlands", "holland"), ("czechia", "czech"),
)
# One way only: a part of a country finds the country's makers, not the other way round ("england" finds
# "United Kingdom", "uk" does not find "Edinburgh, Scotland" by the word "england").
_WIDER: dict[str, tuple[str, ...]] = {
    "england": ("uk", "kingdom"), "scotland": ("uk", "kingdom"), "wales": ("uk", "kingdom"),
    "usa": ("states",), "america": ("usa", "states"),
}
# What a buyer calls a country's makers ("italian glass", "japanese pottery") finds the country a location names: one
# way, as above (the word itself is still searched: "italian" in a bio). Without it the place was dropped unseen and
# any glassmaker came first. A location spells the country as `craftreview` stores it (folded): "Türkiye" is turkiye.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "american": ("america", "usa", "states"), "canadian": ("canada",), "mexican": ("mexico",),
    "british": ("britain", "uk", "kingdom"), "english": ("england", "uk", "kingdom"),
    "scottish": ("scotland", "uk", "kingdom"), "welsh": ("wales", "uk", "kingdom"), "irish": ("ireland",),
    "french": ("france",), "italian": ("italy",), "spanish": ("spain",), "portuguese": ("portugal",),
    "german": ("germany",), "austrian": ("austria",), "swiss": ("switzerland",), "belgian": ("belgium",),
    "dutch": ("netherlands", "holland"), "danish": ("denmark",), "swedish": ("sweden",), "norwegian": ("norway",),
    "finnish": ("finland",), "icelandic": ("iceland",), "scandinavian": ("denmark", "norway", "sweden"),
    "nordic": ("denmark", "norway", "sweden", "finland", "iceland"), "estonian": ("estonia",),
    "latvian": ("latvia",), "lithuanian": ("lithuania",), "polish": ("poland",), "slovak": ("slovakia",),
    "hungarian": ("hungary",), "romanian": ("romania",), "bulgarian": ("bulgaria",), "ukrainian": ("ukraine",),
    "russian": ("russia",), "slovenian": ("slovenia",), "slovene": ("slovenia",), "croatian": ("croatia",),
    "serbian": ("serbia",), "greek": ("greece",), "turkish": ("turkiye", "turkey"), "maltese": ("malta",),
    "cypriot": ("cyprus",), "israeli": ("israel",), "moroccan": ("morocco",), "egyptian": ("egypt",),
    "ghanaian": ("ghana",), "nigerian": ("nigeria",), "kenyan": ("kenya",), "african": ("africa",),
    "indian": ("india",), "nepalese": ("nepal",), "nepali": ("nepal",), "pakistani": ("pakistan",),
    "chinese": ("china",), "japanese": ("japan",), "korean": ("korea",), "thai": ("thailand",),
    "vietnamese": ("vietnam",), "indonesian": ("indonesia",), "malaysian": ("malaysia",),
    "filipino": ("philippines",), "mongolian": ("mongolia",), "australian": ("australia",),
    "brazilian": ("brazil",), "argentinian": ("argentina",), "argentine": ("argentina",), "chilean": ("chile",),
    "peruvian": ("peru",), "colombian": ("colombia",),
}
# Not PLACE_ALIASES: "danish oil", "french linen" and "italian leather" name things any maker may sell.
_COUNTRY_OF = {w: tuple(dict.fromkeys((*countries, *(v for c in countries for v in _WIDER.get(c, ())))))
               for w, countries in DEMONYMS.items()}
# Typed alone, these name a place: the query searches them in makers' locations (query._clause), where "states" and
# "kingdom" can only mean a country, not a review's "arrived in a good state" or "a kingdom of glass animals".
# ("turkey" is left alone: a turkey platter is not from Türkiye.)
PLACE_ALIASES = frozenset({"uk", "britain", *_WIDER})


_OUR = re.compile(r"^(\w{2,}[lvbmngd])(ou?)(r(?:s|ed|ing|ful|ite|ites|able|less)?)$")


def _our_or(word: str) -> tuple[str, ...]:
    """The general British -our / American -or rule (colour, favourite, harbour, flavoured …), for
    the endings such words have (-lour, -vour, -bour, -mour, -nour, -gour, -dour): not door, actor."""
    match = _OUR.match(word)
    if match is None:
        return ()
    head, vowel, tail = match.groups()
    return (head + ("o" if vowel == "ou" else "ou") + tail,)


_BY_WORD = {w: group for group in GROUPS for w in group}
_BY_STEM = {stem(w): group for group in GROUPS for w in group}


@lru_cache(maxsize=10_000)
def variants(word: str) -> tuple[str, ...]:
    """The word's other spellings and synonyms (the word itself not included)."""
    found = (set(_BY_WORD.get(word) or _BY_STEM.get(stem(word)) or ()) | set(_our_or(word)) | set(_WIDER.get(word, ()))
             | set(_COUNTRY_OF.get(word, ())))
    found.discard(word)
    return tuple(sorted(found))


# What a buyer calls a thing and what a maker's texts call it (2026-12-07): nouns of the goods the site's crafts make
# (models.CRAFTS; the demo corpus's items), searched beside the word as typed but ranked below it (query.related_forms;
# Whoosh boosts them by RELATED_WEIGHT, PostgreSQL adds their rank at that weight), so a text that says the word typed
# comes first. Never a craft label or a country: those are GROUPS above, searched at the typed word's weight.
#
# `SAME`: two names of one thing, each finds the other ("present" and "gift", "jug" and "pitcher").
# `FINDS`: one way, the word finds those listed and not the other way round. A broader word finds its kinds (every mug
# is a cup, so "cup" finds mugs; a "mug" search does not want every teacup), and a kind finds the broader word its
# maker may have written instead ("handbag", "tote" and "purse" find "bag": the leather maker's "leather bag"; "earrings"
# finds the jewellery makers), never its siblings ("earrings" does not find necklaces).
# A word is looked up as typed or without a plural's s/es ("earrings"), not by its stem: "presentation" stems to
# "present" and is no gift.
SAME: tuple[tuple[str, ...], ...] = (
    ("gift", "present"), ("jug", "pitcher"), ("cushion", "pillow"), ("mitten", "mitt"),
    ("jumper", "sweater", "pullover"), ("notebook", "journal", "notepad", "sketchbook"),
    ("bookshelf", "bookcase"), ("knife", "blade"), ("candle", "tealight"), ("ornament", "decoration", "bauble"),
    ("dinnerware", "tableware", "crockery"),
)
FINDS: dict[str, tuple[str, ...]] = {
    # ceramics and glass
    "cup": ("mug", "teacup", "beaker"), "teacup": ("cup",), "beaker": ("cup", "tumbler"),
    "dinnerware": ("plate", "bowl", "dish", "dinner"), "tableware": ("plate", "bowl", "dish", "dinner"),
    "crockery": ("plate", "bowl", "dish", "dinner"), "dish": ("plate", "bowl"), "platter": ("plate", "dish"),
    "planter": ("pot", "flowerpot"), "flowerpot": ("pot", "planter"), "pot": ("planter", "flowerpot"),
    "glassware": ("tumbler", "vase", "bowl"),
    # textiles
    "throw": ("blanket",), "quilt": ("blanket",), "shawl": ("scarf",), "wrap": ("scarf",), "stole": ("scarf",),
    "glove": ("mitten",), "beanie": ("hat",), "cardigan": ("jumper", "sweater"), "tablecloth": ("runner",),
    # leather
    "bag": ("handbag", "purse", "tote", "satchel", "clutch", "backpack", "rucksack"),
    "handbag": ("bag", "purse"), "purse": ("bag", "handbag", "wallet"), "tote": ("bag",), "satchel": ("bag",),
    "clutch": ("bag", "purse"), "backpack": ("rucksack", "bag"), "rucksack": ("backpack", "bag"),
    "holdall": ("bag",), "duffel": ("bag",), "billfold": ("wallet",), "watchband": ("strap",),
    # jewellery
    "earring": ("jewellery",), "necklace": ("jewellery", "pendant", "chain"), "pendant": ("jewellery", "necklace"),
    "chain": ("necklace",), "bracelet": ("jewellery", "bangle"), "bangle": ("jewellery", "bracelet"),
    "brooch": ("jewellery",), "anklet": ("jewellery",), "cufflink": ("jewellery",), "ring": ("jewellery",),
    # wood, paper, candles, other
    "breadboard": ("board",), "cutlery": ("spoon", "knife", "fork"), "utensil": ("spoon",), "ladle": ("spoon",),
    "cleaver": ("knife",), "diary": ("journal", "notebook"), "scrapbook": ("album",), "art": ("print", "artwork"),
    "artwork": ("art", "print"), "poster": ("print",), "hamper": ("basket",), "hanger": ("hook",),
}
RELATED_WEIGHT = 0.2  # a related word counts a fifth of the word as typed: in a title (weight 4) still below it in a body


def _related_table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group in SAME:
        for word in group:
            table.setdefault(word, set()).update(w for w in group if w != word)
    for word, found in FINDS.items():
        table.setdefault(word, set()).update(found)
    # A related word comes with its own spellings (jewellery: jewelry); never the word itself.
    return {w: frozenset(r for f in found for r in (f, *variants(f)) if r != w) for w, found in table.items()}


_RELATED = _related_table()


@lru_cache(maxsize=10_000)
def related(word: str) -> tuple[str, ...]:
    """Other names of the thing a word names (SAME, FINDS): searched beside it, ranked below it."""
    for key in (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""):
        if key in _RELATED:
            return tuple(sorted(_RELATED[key] - {word}))
    return ()
