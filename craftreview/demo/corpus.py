"""Vocabulary for the demo world: people, places and what each craft makes."""
from __future__ import annotations

from typing import NamedTuple

FIRST_NAMES = (
    "Mara", "Jonas", "Aiko", "Tomasz", "Ingrid", "Kwame", "Lucia", "Elif", "Rowan", "Priya",
    "Mateo", "Saoirse", "Hannah", "Idris", "Noor", "Felix", "Ines", "Oskar", "Leila", "Dmitri",
    "Amara", "Callum", "Yuki", "Sofia", "Henrik", "Zainab", "Theo", "Marguerite", "Ravi", "Freya",
    "Tobias", "Chiara", "Anouk", "Bashir", "Greta", "Malik", "Esme", "Kenji", "Nadia", "Owen",
    "Beatriz", "Lars", "Imogen", "Emeka", "Solveig", "Arjun", "Clara", "Matthias", "Hana", "Luca",
)
LAST_NAMES = (
    "Lindqvist", "Okafor", "Tanaka", "Kowalski", "Berg", "Mensah", "Ferrante", "Yilmaz", "Hale",
    "Raman", "Castillo", "Byrne", "Vogel", "Haddad", "Aziz", "Novak", "Moreau", "Dahl", "Nasser",
    "Petrov", "Adeyemi", "Fraser", "Sato", "Rossi", "Nilsen", "Bello", "Marsh", "Duval", "Iyer",
    "Holm", "Becker", "Greco", "de Vries", "Rahimi", "Sundberg", "Owusu", "Whitlock", "Mori",
    "Kaur", "Pryce", "Almeida", "Strand", "Ashby", "Eze", "Halvorsen", "Mehta", "Brandt",
    "Kobayashi", "Conti", "Thorne",
)
NAME_ADJECTIVES = (
    "Hollow", "Little", "Old", "Wild", "Quiet", "Copper", "Salt", "North", "Bright", "Stone",
    "Willow", "Fern", "Ember", "Tidal", "Mossy", "Iron", "Silver", "Crooked", "Blue", "Amber",
    "Slow", "Hidden", "Golden", "Misty", "Rusty", "Second", "Honest", "Kindred", "Low", "Far",
)
NAME_NOUNS = (
    "Oak", "Hare", "Fox", "Kiln", "Loom", "Wren", "River", "Barn", "Harbour", "Mill", "Lantern",
    "Thistle", "Meadow", "Finch", "Birch", "Pine", "Heron", "Orchard", "Hearth", "Anvil", "Moth",
    "Bramble", "Ridge", "Tide", "Acorn", "Sparrow", "Juniper", "Quarry", "Ferry", "Lark",
)
PLACES = (
    "Kyoto, Japan", "Mashiko, Japan", "Portland, United States", "Asheville, United States",
    "Santa Fe, United States", "Burlington, United States", "Austin, United States",
    "Toronto, Canada", "Halifax, Canada", "Montreal, Canada", "Oaxaca, Mexico",
    "Porto, Portugal", "Lisbon, Portugal", "Seville, Spain", "Valencia, Spain",
    "Florence, Italy", "Faenza, Italy", "Murano, Italy", "Bologna, Italy", "Lyon, France",
    "Limoges, France", "Nantes, France", "Ghent, Belgium", "Utrecht, Netherlands",
    "Delft, Netherlands", "Aarhus, Denmark", "Copenhagen, Denmark", "Gothenburg, Sweden",
    "Uppsala, Sweden", "Bergen, Norway", "Trondheim, Norway", "Tampere, Finland",
    "Tallinn, Estonia", "Riga, Latvia", "Kraków, Poland", "Gdańsk, Poland", "Prague, Czechia",
    "Leipzig, Germany", "Freiburg, Germany", "Hamburg, Germany", "Vienna, Austria",
    "Ljubljana, Slovenia", "Zagreb, Croatia", "Thessaloniki, Greece", "Izmir, Türkiye",
    "Galway, Ireland", "Cork, Ireland", "Edinburgh, United Kingdom", "Bristol, United Kingdom",
    "Stoke-on-Trent, United Kingdom", "Totnes, United Kingdom", "Cardiff, United Kingdom",
    "Reykjavík, Iceland", "Nelson, New Zealand", "Hobart, Australia", "Fremantle, Australia",
    "Cape Town, South Africa", "Accra, Ghana", "Jaipur, India", "Chiang Mai, Thailand",
    "Busan, South Korea", "Valparaíso, Chile",
)


class Item(NamedTuple):
    """Something a maker sells; price bands are indexes into PRICE_BANDS order."""

    noun: str
    low_band: int
    high_band: int


class CraftWords(NamedTuple):
    """Everything the writer needs to talk about one craft."""

    shop_words: tuple[str, ...]
    techniques: tuple[str, ...]
    materials: tuple[str, ...]
    items: tuple[Item, ...]
    praise: tuple[str, ...]
    flaws: tuple[str, ...]
    delays: tuple[str, ...]


CRAFT_WORDS: dict[str, CraftWords] = {
    "ceramics": CraftWords(
        ("Ceramics", "Pottery", "Clayworks", "Stoneware"),
        ("wheel-thrown stoneware", "hand-built porcelain", "wood-fired earthenware",
         "slip-cast porcelain", "reduction-fired stoneware"),
        ("stoneware", "porcelain", "speckled stoneware", "terracotta"),
        (Item("mug", 0, 1), Item("dinner set", 2, 4), Item("serving bowl", 1, 2),
         Item("teapot", 1, 3), Item("vase", 1, 2), Item("set of side plates", 1, 2)),
        ("the glaze", "the balance of the handles", "the crisp foot rings", "the even walls"),
        ("uneven glaze", "pinholes in the glaze", "a wobbly base", "crazing on the inside",
         "a chip on the rim"),
        ("a kiln element failed", "a glaze firing had to be redone", "the kiln was fully booked"),
    ),
    "textiles": CraftWords(
        ("Textiles", "Knits", "Weavers", "Yarn Co.", "Loomworks"),
        ("hand-knitted merino", "naturally dyed wool", "handwoven linen", "hand-spun alpaca",
         "block-printed cotton"),
        ("merino", "linen", "alpaca", "organic cotton", "undyed wool"),
        (Item("jumper", 2, 3), Item("blanket", 2, 3), Item("scarf", 1, 2), Item("pair of mittens", 1, 1),
         Item("table runner", 1, 2), Item("cushion cover", 1, 1)),
        ("the even tension", "the colour of the dye", "the neat seams", "the drape of the weave"),
        ("dropped stitches", "loose seams", "uneven dye", "pilling after a week", "a sleeve too short"),
        ("a dye batch came out wrong", "the yarn supplier was late", "I was down with flu"),
    ),
    "leather": CraftWords(
        ("Leather", "Leatherworks", "Saddlery", "Leather Goods"),
        ("hand-stitched vegetable-tanned leather", "saddle-stitched bridle leather",
         "hand-burnished edges", "wet-moulded leather"),
        ("vegetable-tanned leather", "bridle leather", "chromexcel", "waxed canvas and leather"),
        (Item("leather bag", 2, 3), Item("wallet", 1, 2), Item("belt", 1, 2), Item("card holder", 0, 1),
         Item("watch strap", 1, 1), Item("messenger bag", 3, 4)),
        ("the saddle stitching", "the burnished edges", "the quality of the hide", "the hardware"),
        ("uneven stitching", "rough edges", "a scratch across the flap", "a strap that already frays"),
        ("the tannery delivery slipped", "the hide had a flaw and I recut it", "hardware was backordered"),
    ),
    "wood": CraftWords(
        ("Woodworks", "Joinery", "Woodcraft", "Furniture"),
        ("hand-cut dovetail joinery", "green woodworking", "hand-planed hardwood",
         "steam-bent ash", "oil-finished walnut"),
        ("walnut", "oak", "cherry", "ash", "maple"),
        (Item("table", 3, 4), Item("chopping board", 1, 1), Item("bookshelf", 3, 4),
         Item("set of spoons", 0, 1), Item("stool", 2, 3), Item("jewellery box", 1, 2)),
        ("the joinery", "the grain matching", "the smooth oil finish", "the crisp dovetails"),
        ("gaps in the joints", "a rough finish", "a wobble on the legs", "a split along the grain"),
        ("the timber needed longer to dry", "my workshop flooded", "the finish needed extra coats"),
    ),
    "jewelry": CraftWords(
        ("Jewelry", "Metalworks", "Silversmiths", "Goldsmiths"),
        ("hand-forged sterling silver", "lost-wax cast gold", "hand-set stones", "hammered brass"),
        ("sterling silver", "recycled gold", "brass", "copper"),
        (Item("ring", 1, 3), Item("pair of earrings", 1, 2), Item("necklace", 1, 3),
         Item("wedding band", 3, 4), Item("bracelet", 1, 2), Item("pendant", 1, 2)),
        ("the stone setting", "the polish", "the weight of the piece", "the fine detail"),
        ("a loose stone", "a rough solder seam", "tarnish within a week", "a clasp that will not close"),
        ("the casting house was backed up", "the stone supplier sent the wrong size", "hallmarking took longer"),
    ),
    "glass": CraftWords(
        ("Glass", "Glassworks", "Glass Studio"),
        ("lampwork glass", "free-blown glass", "kiln-formed glass", "stained glass leading"),
        ("borosilicate", "recycled glass", "soda-lime glass", "dichroic glass"),
        (Item("vase", 1, 3), Item("set of tumblers", 1, 2), Item("lampwork bead set", 0, 1),
         Item("suncatcher", 1, 1), Item("stained glass panel", 3, 4), Item("bowl", 1, 2)),
        ("the clarity of the glass", "the colour work", "the even wall thickness", "the clean leading"),
        ("bubbles in the glass", "a visible seam", "a crack near the base", "cloudy patches"),
        ("the annealer broke down", "a whole batch cracked in the kiln", "the glass order was delayed"),
    ),
    "paper": CraftWords(
        ("Bindery", "Paper Co.", "Press", "Bookbinding"),
        ("Coptic-stitched binding", "hand-marbled paper", "letterpress printing", "cotton rag paper"),
        ("cotton rag paper", "goatskin", "bookcloth", "handmade paper"),
        (Item("notebook", 0, 1), Item("photo album", 1, 2), Item("wedding guest book", 1, 2),
         Item("set of prints", 1, 2), Item("sketchbook", 0, 1), Item("journal", 1, 1)),
        ("the binding", "the paper quality", "the crisp letterpress", "the marbling"),
        ("crooked stitching", "glue stains on the cover", "pages that fall out", "smudged printing"),
        ("the press needed a repair", "the paper order was held at customs", "the glue would not cure"),
    ),
    "candles": CraftWords(
        ("Candle Co.", "Soapworks", "Candles", "Apothecary"),
        ("hand-poured soy wax", "cold-process soap", "beeswax dipping", "essential-oil blending"),
        ("soy wax", "beeswax", "olive oil soap", "rapeseed wax"),
        (Item("candle set", 0, 1), Item("gift box", 1, 1), Item("soap bundle", 0, 1),
         Item("wedding favour order", 2, 3), Item("tealight set", 0, 0), Item("bath set", 1, 1)),
        ("the scent throw", "the clean burn", "the lather", "the wrapping"),
        ("tunnelling when lit", "a weak scent", "sweating soap", "wicks off centre"),
        ("the soap needed longer to cure", "a wax shipment was lost", "holiday orders piled up"),
    ),
    "other": CraftWords(
        ("Workshop", "Studio", "Makers", "Forge"),
        ("hand-forged steel", "willow basket weaving", "hand-carved toys", "rush seating"),
        ("carbon steel", "willow", "beech", "rush"),
        (Item("kitchen knife", 2, 3), Item("basket", 1, 2), Item("wooden toy set", 1, 2),
         Item("set of hooks", 0, 1), Item("fire poker", 1, 1), Item("rocking horse", 3, 4)),
        ("the finish", "the weave", "the balance", "the attention to detail"),
        ("a rough finish", "a loose handle", "uneven weaving", "rust spots"),
        ("my forge was out of action", "the willow harvest was late", "I had a backlog of commissions"),
    ),
}
