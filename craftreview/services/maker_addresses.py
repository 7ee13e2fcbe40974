"""Profile addresses (slugs): a maker's former addresses, and the address a deleted account's profile moves to.

Links carry a maker's address: notifications already sent, bookmarks, other sites. When a maker changes it,
the old one is kept (`maker_former_slugs`) and a GET for it is redirected permanently to the current one.
Rules:

* A former address stays reserved for the maker that held it: another maker asking for it gets a form
  error, because giving it away would send everyone's old links to a different maker. The maker itself may
  take it back (it is then its current address again, no longer a former one). A maker keeps its MAX_FORMER
  most recent former addresses; older ones go free, so renaming cannot hoard addresses.
* Addresses of the form former-maker-<id> belong to deleted profiles. A legacy profile that held one from
  before the form refused it does not keep it when it leaves it: deletion of maker <id> then gets it.
* Account deletion erases the profile's former addresses, and its current one is overwritten. They are
  not redirected to the anonymised profile: they name the maker, and leading them to former-maker-<id>
  would tie that name back to the page the deletion anonymised. They answer 404 like any unknown address
  (not 410, which would tell whoever holds an old link that this account was deleted), and are free for
  other makers again, as the current address of a deleted profile always was.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import delete, select, union
from sqlalchemy.orm import Session

from ..errors import Conflict
from ..models import Maker, MakerFormerSlug
from .released_names import check_address_not_held

# Former addresses a maker keeps: renaming again and again cannot hoard addresses (each reserved against every other
# maker), and a link older than five renames is rare. Beyond it the oldest goes free and no longer redirects.
MAX_FORMER = 5
# A deleted account's profile moves to former-maker-<id> (or former-maker-<id>-<n>, see former_address): a live
# profile holding such an address would pose as a deleted one.
FORMER_SLUG = re.compile(r"^former-maker-[0-9]+(?:-[0-9]+)?$")


# Latin letters that no accent decomposition turns into plain ones, spelled as they are usually written without them.
_SPELLED_PLAIN = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
                                "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss",
                                "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T"})


def address_from_name(name: str) -> str:
    """An address drawn from a maker's name: ASCII letters and digits, lowercase, hyphen-separated, at most 70
    characters (room for a suffix); '' when the name has no such letters (a name in another script, say). Accents
    are dropped and letters such as ø, ł, æ and ß spelled plain ("Ørsted" -> "orsted", "Straße" -> "strasse")."""
    ascii_name = unicodedata.normalize("NFKD", name.translate(_SPELLED_PLAIN)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:70].rstrip("-")


def former_maker_slug(maker_id: int) -> str:
    """The address a deleted account's maker profile moves to when it is free (see former_address)."""
    return f"former-maker-{maker_id}"


def moved_makers(session: Session, slugs: Iterable[str]) -> dict[str, Maker]:
    """The live makers that used to have these addresses, by former address (one query)."""
    wanted = list(dict.fromkeys(slugs))
    if not wanted:
        return {}
    rows = session.execute(select(MakerFormerSlug.slug, Maker).join(Maker, Maker.id == MakerFormerSlug.maker_id)
                           .where(MakerFormerSlug.slug.in_(wanted))).unique()
    return {slug: maker for slug, maker in rows}


def current_address(session: Session, slug: str) -> str | None:
    """The current address of the maker that used to be at `slug`; None when no maker was."""
    maker = moved_makers(session, [slug]).get(slug)
    return maker.slug if maker is not None else None


def check_address_free(session: Session, slug: str, maker_id: int | None = None) -> None:
    """Conflict unless `slug` may become the address of maker `maker_id` (None: a new profile)."""
    holder = session.scalar(select(Maker.id).where(Maker.slug == slug))
    if holder is not None and holder != maker_id:
        raise Conflict("That address is taken; choose another.", field="slug")
    former = session.scalar(select(MakerFormerSlug.maker_id).where(MakerFormerSlug.slug == slug))
    if former is not None and former != maker_id:
        raise Conflict("That address used to belong to another maker and still leads to their profile: "
                       "choose another.", field="slug")
    if holder is None:
        check_address_not_held(session, slug)


def move_address(session: Session, maker: Maker, old: str, new: str) -> None:
    """Inside the caller's transaction: `old` becomes a former address of `maker`, `new` its current one."""
    if old == new:
        return
    session.execute(delete(MakerFormerSlug).where(MakerFormerSlug.slug == new, MakerFormerSlug.maker_id == maker.id))
    if not FORMER_SLUG.match(old):  # a legacy former-maker-<id> address goes back to deleted profiles
        session.add(MakerFormerSlug(slug=old, maker_id=maker.id))
        session.flush()
        _keep_newest(session, maker.id)
    maker.slug = new


def _keep_newest(session: Session, maker_id: int) -> None:
    """The maker keeps its MAX_FORMER most recent former addresses; older ones go free."""
    newest = (select(MakerFormerSlug.slug).where(MakerFormerSlug.maker_id == maker_id)
              .order_by(MakerFormerSlug.left_at.desc(), MakerFormerSlug.slug).limit(MAX_FORMER))
    kept = set(session.scalars(newest))
    session.execute(delete(MakerFormerSlug).where(MakerFormerSlug.maker_id == maker_id,
                                                  MakerFormerSlug.slug.not_in(kept)))


def former_address(session: Session, maker_id: int) -> str:
    """A free address for the deleted account's profile `maker_id`: former-maker-<id>, else former-maker-<id>-<n>.

    Legacy data may have a live profile at former-maker-<id> (taken before the form refused such addresses).
    That profile keeps it: moving it would break its links or, worse, send them to an anonymised page, and
    the deleted profile needs no particular address, only one that is free and says it was deleted.
    """
    base = former_maker_slug(maker_id)
    pattern = f"{base}%"
    taken = set(session.scalars(union(
        select(Maker.slug).where(Maker.slug.like(pattern), Maker.id != maker_id),
        select(MakerFormerSlug.slug).where(MakerFormerSlug.slug.like(pattern)))))
    if base not in taken:
        return base
    return next(f"{base}-{n}" for n in range(2, len(taken) + 3) if f"{base}-{n}" not in taken)


def forget_former_addresses(session: Session, maker_id: int) -> None:
    """Inside the caller's transaction (account deletion): erase the profile's former addresses."""
    session.execute(delete(MakerFormerSlug).where(MakerFormerSlug.maker_id == maker_id))


def former_addresses(session: Session, maker_id: int) -> list[str]:
    """The profile's former addresses, oldest first (the account's data export)."""
    return list(session.scalars(select(MakerFormerSlug.slug).where(MakerFormerSlug.maker_id == maker_id)
                                .order_by(MakerFormerSlug.left_at, MakerFormerSlug.slug)))
