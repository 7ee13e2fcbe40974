"""Maker profiles."""
from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db import MAKER_NAMES_LOCK, serialise, write_transaction
from ..errors import Conflict, InvalidInput, NotFound, PermissionDenied, Problems
from ..lookalike import name_key
from ..models import CRAFTS, Maker, User
from ..permissions import owns_maker
from ..search.outbox import enqueue
from ..text import clean_input, one_line
from . import page_stamps
from .drawn import ANY, Drawn, check_drawn
from .maker_addresses import FORMER_SLUG, address_from_name, check_address_free, move_address, moved_makers
from .names import SHOP_STAFF_WORDS, is_former_name, reads_as_staff
from .released_names import check_name_not_held
from .still_there import lock_actor

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_SLUGS = frozenset({"new", "edit", "dashboard", "search", "admin"})
MAX_LEAD_DAYS = 730  # the longest lead time a maker can state (and so the furthest ahead an order's promise goes)
NAME_MESSAGE = "The name must be 2 to 100 characters."
SLUG_MESSAGE = "Use 3–80 lowercase letters, digits and single hyphens."
CRAFT_MESSAGE = "Choose a craft from the list."
LEAD_TIME_MESSAGE = f"Lead time is between 0 and {MAX_LEAD_DAYS} days."


@dataclass
class MakerInput:
    """Validated shape of a maker profile form."""

    name: str
    slug: str
    craft: str
    location: str = ""
    bio: str = ""
    website: str = ""
    accepts_custom: bool = False
    lead_time_days: int | None = None


def get_maker_by_slug(session: Session, slug: str) -> Maker:
    """The maker with this slug, or NotFound."""
    maker = session.scalar(select(Maker).where(Maker.slug == slug))
    if maker is None:
        raise NotFound("No maker with that address.")
    return maker


def get_maker_by_address(session: Session, slug: str) -> Maker:
    """The maker at this address or at it before (a former address), or NotFound."""
    maker = session.scalar(select(Maker).where(Maker.slug == slug)) or moved_makers(session, [slug]).get(slug)
    if maker is None:
        raise NotFound("No maker with that address.")
    return maker


def maker_owned_by(session: Session, user: User) -> Maker | None:
    """The user's maker profile, if they have one."""
    return session.scalar(select(Maker).where(Maker.owner_id == user.id))


def _check_name(value: str) -> str:
    name = one_line(value)
    if not 2 <= len(name) <= 100:
        raise InvalidInput(NAME_MESSAGE, field="name")
    if is_former_name(name):
        raise InvalidInput(f"“{name}” is what the site shows for deleted profiles: choose another name.", field="name")
    return name


def check_name_free(session: Session, name: str, maker_id: int | None = None) -> None:
    """InvalidInput when the name is not this maker's to take: another maker goes by a name that looks the same (in any
    case, spacing, width or punctuation, or with look-alike letters: lookalike.name_key), since a copy of an established
    maker's name, craft and place reads as that maker in search and in its invitation mails; or it reads as the site's
    staff (names.SHOP_STAFF_WORDS). A profile keeping the name it has is let be (profiles from before these checks).
    Names are compared in Python (SQLite's lower() folds ASCII only); keying ten thousand makers' names took 26 ms here
    (2026-12-06), once per profile write."""
    key = name_key(name)
    if maker_id is not None and name_key(session.scalar(select(Maker.name).where(Maker.id == maker_id))) == key:
        return
    if reads_as_staff(name, SHOP_STAFF_WORDS):
        raise InvalidInput(f"“{name}” would read as the site's own staff: choose a name without words such as "
                           "moderator, admin or craftreview.", field="name")
    for other in session.scalars(select(Maker.name).where(Maker.id != (maker_id or -1))):
        if name_key(other) == key and not is_former_name(other):
            raise InvalidInput(f"A maker called “{other}” is already on craftreview: choose a name buyers can tell "
                               "apart from theirs.", field="name")
    check_name_not_held(session, name)


def _check_slug(value: str) -> str:
    slug = clean_input(value).lower()
    if not SLUG_PATTERN.match(slug) or not 3 <= len(slug) <= 80:
        raise InvalidInput(SLUG_MESSAGE, field="slug")
    if slug in RESERVED_SLUGS:
        raise InvalidInput(f"“{slug}” is an address the site uses for its own pages: choose another.", field="slug")
    if FORMER_SLUG.match(slug):
        raise InvalidInput("Addresses like former-maker-12 are kept for deleted profiles: choose another.",
                           field="slug")
    return slug


SUGGESTION_TRIES = 20  # base, base-2 ... base-20: past that the maker chooses one


def suggested_address(session: Session, name: str) -> str | None:
    """A free address drawn from `name`, for a new profile whose address was left empty (None when the name gives
    none, as a name in another script does: the form then asks for one). A read only: the write checks it again."""
    base = address_from_name(one_line(name))
    for n in range(1, SUGGESTION_TRIES + 1):
        candidate = base if n == 1 else f"{base}-{n}"
        try:
            check_address_free(session, _check_slug(candidate))
        except (InvalidInput, Conflict):
            continue
        return candidate
    return None


WEBSITE_HOST_MESSAGE = "Enter the website's whole address, with its domain, such as https://example.com."
_HOST_LABEL = re.compile(r"(?!-)[^\W_]([^\W_]|-)*(?<!-)")  # letters (any script) and digits, hyphens inside


def _check_website(value: str) -> str:
    website = clean_input(value)
    if not website:
        return website
    if not website.lower().startswith(("http://", "https://")):
        raise InvalidInput("The website must start with http:// or https://.", field="website")
    if not _website_host_ok(website):
        raise InvalidInput(WEBSITE_HOST_MESSAGE, field="website")
    return website


def _website_host_ok(website: str) -> bool:
    """A host name of at least two labels (no spaces, no user name before an @ that could disguise the real host) and
    a port that is a number, if any. The path and query may hold anything: the link is escaped where it is shown."""
    parts = urlsplit(website)
    try:
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number in range
    except ValueError:
        return False
    labels = (parts.hostname or "").rstrip(".").split(".")
    return "@" not in parts.netloc and len(labels) >= 2 and all(_HOST_LABEL.fullmatch(label) for label in labels)


def _check_craft(craft: str) -> None:
    if craft not in CRAFTS:
        raise InvalidInput(CRAFT_MESSAGE, field="craft")


def _check_lead_time(lead: int | None) -> None:
    if lead is not None and not 0 <= lead <= MAX_LEAD_DAYS:
        raise InvalidInput(LEAD_TIME_MESSAGE, field="lead_time_days")


def validated_maker(data: MakerInput, session: Session | None = None, maker_id: int | None = None) -> dict:
    """The columns a profile stores; InvalidInput naming every field with a problem at once (the form shows them
    beside the fields it checked itself). Given a session, another maker's name, or an address another maker holds
    or held, is one of them (read here to be reported with the rest; the write checks it again under the lock);
    `maker_id`: the profile being edited, None for a new one."""
    with Problems() as problems:
        name = problems.check(_check_name, data.name)
        if session is not None and name is not None:
            problems.check(check_name_free, session, name, maker_id)
        slug = problems.check(_check_slug, data.slug)
        if session is not None and slug is not None:
            problems.check(check_address_free, session, slug, maker_id)
        problems.check(_check_craft, data.craft)
        website = problems.check(_check_website, data.website)
        problems.check(_check_lead_time, data.lead_time_days)
    return {
        "name": name, "slug": slug, "craft": data.craft, "location": one_line(data.location)[:100],
        "bio": clean_input(data.bio)[:5000], "website": website[:300],
        "accepts_custom": bool(data.accepts_custom), "lead_time_days": data.lead_time_days,
    }


ALREADY_A_MAKER = "You already have a maker profile."


def create_maker(session: Session, actor: User, data: MakerInput) -> Maker:
    """Create the actor's maker profile (at most one per user)."""
    if actor.is_suspended:
        raise PermissionDenied("Suspended accounts cannot create profiles.")
    fields = validated_maker(data, session)
    try:
        with write_transaction(session):
            serialise(session, MAKER_NAMES_LOCK)  # two profiles named alike at once: the second reads the first
            lock_actor(session, actor)  # deleted meanwhile (another tab): no profile for a deleted account
            if maker_owned_by(session, actor):
                raise Conflict(ALREADY_A_MAKER)
            # again under the lock; the name first: an address made from it is taken because the name is
            check_name_free(session, fields["name"])
            check_address_free(session, fields["slug"])
            maker = Maker(owner_id=actor.id, **fields)
            session.add(maker)
            session.flush()
            enqueue(session, "maker", maker.id)
            page_stamps.touch(session, [maker.id])  # its first stored page is rendered after the commit
    except IntegrityError as exc:
        if maker_owned_by(session, actor):  # a second tab's profile, made meanwhile
            raise Conflict(ALREADY_A_MAKER) from exc
        raise Conflict("That address is taken; choose another.", field="slug") from exc
    return maker


PROFILE_CHANGED_MEANWHILE = ("Your profile was changed after this page was opened (in another tab, say), so this was "
                             "not saved: saving it would have put back what that page showed. Above is the profile as "
                             "it now stands; below is what you typed: save again to replace it.")
_PROFILE_FIELDS = ("name", "slug", "craft", "location", "bio", "website", "accepts_custom", "lead_time_days")


def profile_version(maker: Maker) -> int:
    """A digest of the profile's editable fields as stored: the edit form's stamp (drawn.py)."""
    return zlib.crc32(json.dumps([getattr(maker, f) for f in _PROFILE_FIELDS]).encode())


def update_maker(session: Session, actor: User, maker: Maker, data: MakerInput, drawn: Drawn = ANY) -> Maker:
    """Edit a maker profile; only its owner may. A changed address keeps the old one leading here. `drawn`: the
    profile_version the form was drawn from; a Conflict if the profile changed since (a stale tab would put back its
    old name and address)."""
    if not owns_maker(actor, maker):
        raise PermissionDenied("Only the owner can edit this profile.")
    fields = validated_maker(data, session, maker.id)
    try:
        with write_transaction(session):
            serialise(session, MAKER_NAMES_LOCK)
            lock_actor(session, actor)  # deleted meanwhile: the profile went or was anonymised, and stays so
            session.refresh(maker)  # as stored, under the lock
            check_drawn(drawn, profile_version(maker), PROFILE_CHANGED_MEANWHILE)
            new = fields.pop("slug")
            check_address_free(session, new, maker.id)
            check_name_free(session, fields["name"], maker.id)
            old = session.scalar(select(Maker.slug).where(Maker.id == maker.id))  # as stored, under the lock
            move_address(session, maker, old, new)
            for key, value in fields.items():
                setattr(maker, key, value)
            enqueue(session, "maker", maker.id)
            page_stamps.touch(session, [maker.id])
    except IntegrityError as exc:
        raise Conflict("That address is taken; choose another.", field="slug") from exc
    return maker
