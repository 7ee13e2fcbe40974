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
