"""UK/US spellings, craft-label synonyms and country names: one small map both backends expand queries with.

A query word is searched together with its variants (an OR at query time), so `jewellery` finds
the "Jewelry & metalwork" craft, `colour` finds "color" and `ceramics` finds "pottery"; nothing
about the index changes. Two sources:

- a general rule: British `-our` is American `-or` (colour/color, harbour/harbor), applied to
  both directions for words of 5+ letters; a variant that is no word anywhere simply matches nothing;
- `GROUPS`: spellings the rule cannot derive, and the synonyms buyers use for the craft labels.

Phrases (in quotes, or words joined by a hyphen) are searched with their words' variants too:
'"color work"' finds "colour work" (at most query.MAX_PHRASE_FORMS spellings of one phrase).

What buyers call the goods (`SAME`, `FINDS`: one word; `NAME_SAME`, `NAME_FINDS`: names of one or more words, such
as "cutting board" / "chopping board", "tea towel" / "dish towel", "keyring" / "key fob", "coffee mug" -> "mug") are
*related* names: searched beside the words typed and ranked below them (RELATED_WEIGHT), one way where one name is
narrower. A name of several words is recognised in a query where its words are typed plainly side by side
(query.names_marked); each of its clauses is then also matched by the other names, as a phrase (`related_names`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .stemming import stem
from .stopwords import STOP_WORDS

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


# Names of the goods in one or more words (2026-12-07), by craft: a buyer's "cutting board" is a maker's "chopping
# board", a "tea towel" a "dish towel", a "keyring" a "key fob". The same mechanism as SAME/FINDS, for names of several
# words: `NAME_SAME` groups names of one thing, each finds the others; `NAME_FINDS` is one way, a narrower name finding
# the broader one its maker may have written ("coffee mug" finds "mug", "throw blanket" finds "blanket"; "mug" does not
# want only coffee mugs). Names are compared by their words' stems ("cutting boards" is "cutting board"), stop words
# left out ("bar of soap" is "bar soap").
NAME_SAME: tuple[tuple[str, ...], ...] = (
    # woodwork
    ("cutting board", "chopping board"), ("charcuterie board", "grazing board"),
    ("serving board", "serving platter"), ("bread board", "breadboard"), ("spoon rest", "spoon holder"),
    ("salad servers", "salad spoons"), ("wooden spoon", "cooking spoon", "stirring spoon"),
    ("picture frame", "photo frame"), ("jewellery box", "trinket box", "keepsake box"),
    ("floating shelf", "wall shelf"), ("side table", "end table", "occasional table"),
    ("coffee table", "cocktail table"), ("coat rack", "coat hooks", "peg rail"), ("knife block", "knife holder"),
    ("wine rack", "bottle rack"), ("plant stand", "plant holder"), ("book end", "bookend"),
    ("step stool", "kick stool"), ("chopping block", "butcher block"),
    # pottery and ceramics
    ("teacup", "tea cup"), ("teapot", "tea pot"), ("cake stand", "cake plate", "pedestal plate"),
    ("butter dish", "butter keeper", "butter bell", "butter crock"),
    ("side plate", "tea plate", "bread plate"), ("dinner set", "dinner service"), ("tea set", "tea service"),
    ("milk jug", "cream jug", "creamer"), ("plant pot", "planter", "flower pot", "flowerpot"),
    ("soap dish", "soap holder", "soap saucer"), ("utensil holder", "utensil pot", "utensil jar", "utensil crock"),
    ("ring dish", "trinket dish", "jewellery dish"), ("incense holder", "incense burner"),
    ("oil burner", "wax burner", "wax warmer"), ("salt pig", "salt cellar", "salt box"), ("egg cup", "eggcup"),
    ("serving bowl", "salad bowl"), ("sake set", "sake cups"), ("pasta bowl", "pasta dish"),
    # textiles, knitting, quilting
    ("tea towel", "dish towel", "kitchen towel"), ("dishcloth", "dish cloth"),
    ("tablecloth", "table cloth"), ("place mat", "placemat", "table mat"),
    ("cushion cover", "pillow cover"), ("bobble hat", "pom pom hat", "pompom hat"),
    ("fingerless gloves", "fingerless mitts", "wrist warmers", "hand warmers"),
    ("snood", "cowl", "neck warmer"), ("tote bag", "tote"), ("quilt cover", "duvet cover"),
    ("wall hanging", "wall tapestry", "tapestry"), ("draught excluder", "draft excluder", "draft stopper", "door snake"),
    ("oven glove", "oven mitt"), ("pot holder", "potholder"), ("phone case", "phone cover", "phone sleeve"),
    ("glasses case", "spectacle case", "glasses pouch", "eyeglass case"), ("pencil case", "pencil pouch"),
    ("makeup bag", "cosmetic bag", "cosmetics bag"), ("toiletry bag", "wash bag", "washbag", "dopp kit"),
    ("project bag", "knitting bag"), ("baby blanket", "cot blanket", "crib blanket", "receiving blanket"),
    ("lap quilt", "lap blanket", "sofa throw"), ("bed socks", "slipper socks"),
    ("hot water bottle cover", "hot water bottle cosy"),
    ("tea cosy", "teapot cosy"), ("plant hanger", "macrame hanger"), ("rag rug", "braided rug"),
    # leather
    ("key ring", "keyring", "key chain", "keychain", "key fob"),
    ("card holder", "cardholder", "card wallet", "card case"), ("coin purse", "change purse", "coin pouch"),
    ("watch strap", "watchstrap", "watch band", "watchband"), ("dog lead", "dog leash"),
    ("passport holder", "passport cover", "passport wallet"), ("crossbody bag", "cross body bag", "crossbody"),
    ("weekend bag", "weekender", "holdall", "duffel bag", "duffle bag"), ("notebook cover", "journal cover"),
    ("belt bag", "bum bag", "fanny pack", "waist bag"), ("laptop sleeve", "laptop case"),
    # jewellery
    ("stud earrings", "ear studs"), ("drop earrings", "dangle earrings", "dangly earrings"),
    ("wedding ring", "wedding band"), ("stacking rings", "stackable rings", "stacker rings"),
    ("cuff links", "cufflinks"), ("tie clip", "tie bar", "tie clasp"), ("enamel pin", "pin badge", "lapel pin"),
    ("hair clip", "hair slide", "barrette"), ("hair pin", "hairpin"), ("ear cuff", "ear climber"),
    # glass
    ("suncatcher", "sun catcher", "window hanging"), ("paperweight", "paper weight"),
    ("drinking glass", "tumbler", "glass tumbler"), ("christmas ornament", "christmas decoration",
                                                     "tree decoration", "tree ornament", "christmas bauble"),
    ("glass bead", "lampwork bead"), ("stained glass", "leaded glass"),
    # candles and soap
    ("tea light", "tealight"), ("wax melt", "wax tart"), ("bath bomb", "bath fizzer"),
    ("soap bar", "bar soap", "bar of soap"), ("lip balm", "lip salve"), ("body butter", "body cream"),
    ("hand cream", "hand lotion"), ("bath salts", "bath soak"), ("room spray", "room mist"),
    ("container candle", "jar candle", "candle jar"), ("candle tin", "tin candle", "travel candle"),
    ("taper candle", "dinner candle", "taper"),
    # paper and bookbinding
    ("sketch book", "sketchbook"), ("greeting card", "greetings card"), ("wedding invitation", "wedding invite"),
    ("guest book", "guestbook", "visitor book", "visitors book"), ("photo album", "photo book"),
    ("wrapping paper", "gift wrap", "giftwrap"), ("bookmark", "book mark"), ("paper cut", "papercut", "paper cutting"),
    ("lino print", "linocut", "lino cut"), ("art print", "giclee print"), ("gift tag", "gift label"),
    # metalwork
    ("fire pit", "firepit", "fire bowl"), ("wind chime", "windchime"), ("weather vane", "weathervane"),
    ("drawer pull", "cabinet pull", "cabinet handle", "drawer handle"), ("coat hook", "wall hook"),
    ("chef knife", "chefs knife", "cooks knife", "kitchen knife"), ("pocket knife", "penknife", "folding knife"),
    ("garden sculpture", "garden ornament"), ("trivet", "pot stand", "pan stand"),
    ("candle holder", "candlestick", "candle stick"),
)
NAME_FINDS: dict[str, tuple[str, ...]] = {
    # a kind finds the broader name its maker may have written
    "coffee mug": ("mug",), "tea mug": ("mug",), "travel mug": ("mug",), "coffee cup": ("cup", "mug"),
    "espresso cup": ("cup",), "throw blanket": ("blanket", "throw"), "knitted blanket": ("blanket",),
    "table runner": ("runner",), "cheese board": ("serving board", "charcuterie board"),
    "carving board": ("chopping board", "cutting board"), "bread board": ("chopping board", "cutting board"),
    "salad bowl": ("bowl",), "fruit bowl": ("bowl",), "pasta bowl": ("bowl",), "cereal bowl": ("bowl",),
    "dinner plate": ("plate",), "side plate": ("plate",), "bud vase": ("vase",), "flower vase": ("vase",),
    "patchwork quilt": ("quilt",), "baby blanket": ("blanket",), "tote bag": ("bag",), "coin purse": ("purse",),
    "messenger bag": ("satchel", "bag"), "weekend bag": ("bag",), "crossbody bag": ("bag",),
    "dog collar": ("collar",), "dog lead": ("leash",), "stud earrings": ("earrings", "studs"),
    "hoop earrings": ("earrings",), "drop earrings": ("earrings",), "engagement ring": ("ring",),
    "signet ring": ("ring",), "stacking rings": ("ring",), "charm bracelet": ("bracelet",),
    "cuff bracelet": ("bracelet", "bangle", "cuff"), "pendant necklace": ("pendant", "necklace"),
    "glass vase": ("vase",), "christmas ornament": ("ornament", "decoration", "bauble"),
    "soy candle": ("candle",), "scented candle": ("candle",), "pillar candle": ("candle",),
    "reed diffuser": ("diffuser",), "soap bar": ("soap",), "greeting card": ("card",), "birthday card": ("card",),
    "wedding invitation": ("invitation",), "photo album": ("album",), "art print": ("print",),
    "lino print": ("print",), "gift tag": ("tag",), "leather journal": ("journal", "notebook"),
    "bottle opener": ("opener",), "door knocker": ("knocker",), "coat hook": ("hook",),
    "chef knife": ("knife",), "pocket knife": ("knife",), "bread knife": ("knife",), "tea light": ("candle",),
    "taper candle": ("candle",), "wooden spoon": ("spoon",), "serving spoon": ("spoon",),
    "plant pot": ("pot",), "milk jug": ("jug",),
    # a broader name finds its kinds
    "earrings": ("ear studs",), "candle": ("tea light",),
}


def _name_key(text: str | tuple[str, ...]) -> tuple[str, ...]:
    words = text.split() if isinstance(text, str) else text
    return tuple(stem(w) for w in words if w not in STOP_WORDS)


def _names_table() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    table: dict[tuple[str, ...], dict[tuple[str, ...], None]] = {}
    for group in NAME_SAME:
        for name in group:
            table.setdefault(_name_key(name), {}).update((tuple(n.split()), None) for n in group if n != name)
    for name, found in NAME_FINDS.items():
        table.setdefault(_name_key(name), {}).update((tuple(n.split()), None) for n in found)
    # The same words written apart or joined ("tea pot", "teapot") are spelling's to join (spelling.py), and the page
    # says so; not another name.
    return {key: tuple(n for n in found if _name_key(n) != key and _joined(n) != _joined(key))
            for key, found in table.items()}


def _joined(words: tuple[str, ...]) -> str:
    return stem("".join(words))


_NAMES = _names_table()
MAX_NAME_WORDS = max(len(k) for k in _NAMES)


@lru_cache(maxsize=10_000)
def related_names(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Other names (each a tuple of words) of the thing the words name together (NAME_SAME, NAME_FINDS)."""
    return _NAMES.get(_name_key(words), ())
