"""The names a member or a maker may not take: the site's own names for deleted accounts, and words that would make
a name read as the site's staff. Names are read as they are seen (lookalike.look_alike_key), so a Cyrillic letter, a
small capital or a soft hyphen inside a word does not get a name past a rule that its plain spelling would break."""
from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InvalidInput
from ..lookalike import look_alike_key, name_key
from ..models import Maker

FORMER_MEMBER = "Former member"  # what a deleted account's kept reviews are signed with
FORMER_MAKER = "Former maker"  # what a deleted account's maker profile is called
_FORMER_KEYS = frozenset(name_key(n) for n in (FORMER_MEMBER, FORMER_MAKER))

# Words that would make a member's name read as the site speaking (a review or reply signed "craftreview staff"):
# whole words only, so "Sam Staffordshire" is free. Moderators' own accounts may use them.
STAFF_WORDS = frozenset({"admin", "administrator", "administrators", "craftreview", "moderator", "moderators",
                         "moderation", "staff"})
# A shop may be named for what it makes: a woodturner's "Oak Staff Co." sells walking staffs, not the site's staff.
SHOP_STAFF_WORDS = STAFF_WORDS - {"staff"}
_WORD = re.compile(r"[^\W_]+")  # letters and digits: an underscore parts words as a space does


def is_former_name(name: str) -> bool:
    """Whether `name` reads as one the site gives deleted accounts and profiles."""
    return name_key(name) in _FORMER_KEYS


def reads_as_staff(name: str, words: frozenset[str] = STAFF_WORDS) -> bool:
    """Whether `name` has one of `words`, as it is seen, as a whole word or spelt out in single letters
    ("m o d e r a t o r", "A.D.M.I.N"). Only single letters are joined: "A. D. Min" and "Tom S. Taff" are names."""
    parts = _WORD.findall(look_alike_key(name))
    if any(part in words for part in parts):
        return True
    spelt, run = [], ""
    for part in [*parts, ""]:
        if len(part) == 1:
            run += part
            continue
        spelt.append(run)
        run = ""
    return any(word in words for word in spelt)


def check_not_a_maker_s_name(session: Session, name: str, user_id: int | None = None) -> None:
    """InvalidInput on the display name when it reads as a maker's name other than the account's own shop: a review
    or a report signed with it reads as written by that maker. A scan of every maker's name in Python, as
    makers.check_name_free does (tens of milliseconds at ten thousand makers, once per sign-up or rename)."""
    key = name_key(name)
    for maker_name, owner_id in session.execute(select(Maker.name, Maker.owner_id)):
        if owner_id != user_id and name_key(maker_name) == key and not is_former_name(maker_name):
            raise InvalidInput(f"“{name}” is the name of a maker on craftreview: choose a name of your own.",
                               field="display_name")
