"""Names as a reader sees them: the key under which two names that look the same are one name.

`text.label_key` already reads a name under any case, width or spacing. A name can still pass for another with letters
from another script drawn exactly like Latin ones (a Cyrillic "о" in "Hollow Oak", a Greek "Α" in "ADMIN"), with
small capitals, dotless i and the like, or with characters drawn as nothing inside a word (a soft hyphen, a joiner, a
combining mark that clean_input keeps there). `look_alike_key` reads all of these as the plain Latin letter they pass
for, so the checks that keep a member's name from reading as the site's staff, as a deleted account, or as another
maker compare what is seen, not code points.

The table is this project's own short list of letters that are drawn like a Latin letter in common fonts, not the full
Unicode confusables data: it covers the scripts a name is likely to borrow from (Cyrillic, Greek, Armenian, IPA and
small capitals), and the digit zero for the letter o. Letters that only resemble one (Cyrillic "д", Greek "λ") are
left alone, so names written in those scripts are read as they are.
"""
from __future__ import annotations

import unicodedata

from .text import clean_input, label_key

# Upper and lower case are mapped apart, before case folding: a Greek capital Nu is drawn as N, its small letter as v.
_LOOK_ALIKES = {
    # Cyrillic capitals and small letters
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K", "М": "M", "О": "O", "Р": "P",
    "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y", "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I", "Ԁ": "D",
    "а": "a", "с": "c", "ԁ": "d", "е": "e", "һ": "h", "і": "i", "ј": "j", "ӏ": "l", "о": "o", "р": "p", "ԛ": "q",
    "ѕ": "s", "ԝ": "w", "х": "x", "у": "y", "ү": "y", "ѵ": "v",
    # Greek capitals and small letters
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
    "Τ": "T", "Υ": "Y", "Χ": "X",
    "α": "a", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "υ": "u", "χ": "x", "γ": "y",
    # Armenian small letters
    "օ": "o", "ս": "u", "հ": "h", "ո": "n", "զ": "q",
    # Latin letters drawn like others: dotless i and j, IPA letters, small capitals
    "ı": "i", "ȷ": "j", "ɑ": "a", "ɡ": "g", "ɩ": "i", "ɪ": "i", "ʟ": "l", "ɴ": "n", "ʀ": "r", "ʙ": "b", "ɢ": "g", "ʜ": "h",
    "ᴀ": "a", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ᴋ": "k", "ᴍ": "m", "ᴏ": "o", "ᴘ": "p", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v",
    "ᴡ": "w", "ᴢ": "z", "ꜱ": "s",
    # The digit zero, drawn as the letter o in most fonts
    "0": "o",
}
_TABLE = str.maketrans(_LOOK_ALIKES)

# Kept inside a word by clean_input but drawn as nothing (soft hyphen, joiners, variation selectors, combining marks
# such as U+034F): left out, so "Ad\u00admin" is "admin", as it looks. Marks that draw an accent are composed into their
# letter by NFKC first, so "José" keeps its é.
_UNSEEN_IN_WORDS = frozenset({"Cf", "Mn", "Me"})


def look_alike_key(name: str | None) -> str:
    """`name` as it is seen: label_key of the name with every look-alike letter read as the Latin letter it passes
    for and the characters drawn as nothing left out."""
    if not name or name.isascii():  # most names: nothing to compose or leave out, only the zero to read as o
        return label_key((name or "").translate(_TABLE))
    composed = unicodedata.normalize("NFKC", clean_input(name))
    seen = "".join(c for c in composed if unicodedata.category(c) not in _UNSEEN_IN_WORDS)
    key = label_key(seen.translate(_TABLE))
    return "".join(c for c in key if unicodedata.category(c) not in _UNSEEN_IN_WORDS)


def name_key(name: str | None) -> str:
    """The key two whole names share when a reader would take one for the other: look_alike_key with every character
    that is neither a letter nor a digit left out (punctuation, hyphens, underscores, symbols, spaces). "Crooked Kiln
    Ceramics ✓", "Crooked-Kiln-Ceramics" and "crooked_kiln_ceramics." all read as the maker "Crooked Kiln Ceramics".
    For comparing names as a whole; word checks (the staff words) keep look_alike_key, whose spaces part words. A name
    of symbols alone ("★★") is compared as it is seen: left out, it would read as every other such name."""
    if name and name.isascii():  # most names: only case, the zero read as o, and what is not a letter or digit
        return "".join(c for c in name.translate(_TABLE).lower() if c.isalnum()) or look_alike_key(name)
    # Symbols go before the look-alike reading too: NFKC would spell "™" as the letters TM.
    plain = "".join(c for c in (name or "") if unicodedata.category(c)[0] not in "PSZ")
    return "".join(c for c in look_alike_key(plain) if unicodedata.category(c)[0] in "LN") or look_alike_key(name)
