"""Names and addresses a deleted maker profile gave up, held back from other makers for HOLD_DAYS.

A deleted account's maker profile stays, as "Former maker" at a former-maker address, because its reviews are about
work buyers received; its own name and addresses are erased with the account. Free at once, they let anyone open a
shop under the same name at the same address the next minute, and buyers following an old link, or searching the
name they remember, met the newcomer as if it were the maker they had read about. So the deletion records a digest
of the name (as lookalike.name_key reads it: the same name in other capitals, spacing or look-alike letters is held
too) and of every address, and a new or renamed profile cannot take them until the hold ends. Only digests are
stored, never the text: nothing here names the maker who left.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import Conflict, InvalidInput
from ..lookalike import name_key
from ..models import ReleasedName, as_utc, utcnow

HOLD_DAYS = 90
NAME, ADDRESS = "name", "address"


def _digest(kind: str, text: str) -> str:
    return hashlib.sha256(f"{kind}\0{text}".encode()).hexdigest()


def _key(kind: str, text: str) -> str:
    return name_key(text) if kind == NAME else text.lower()


def release(session: Session, name: str, addresses: list[str], now: datetime | None = None) -> None:
    """Hold back a deleted profile's name and addresses (in the caller's transaction)."""
    until = (now or utcnow()) + timedelta(days=HOLD_DAYS)
    entries = [(NAME, name)] + [(ADDRESS, a) for a in dict.fromkeys(addresses) if a]
    session.add_all(ReleasedName(kind=kind, digest=_digest(kind, _key(kind, text)), held_until=until)
                    for kind, text in entries)


def held_until(session: Session, kind: str, text: str, now: datetime | None = None) -> datetime | None:
    """When `text` (a name or an address) is free again, if a deleted profile's hold is on it now; else None."""
    until = session.scalar(select(func.max(ReleasedName.held_until)).where(
        ReleasedName.kind == kind, ReleasedName.digest == _digest(kind, _key(kind, text))))
    until = as_utc(until)
    return until if until is not None and until > (now or utcnow()) else None


def _day(moment: datetime) -> str:
    return f"{moment.day} {moment:%B %Y}"


def check_name_not_held(session: Session, name: str) -> None:
    """InvalidInput on the name field while a deleted profile's hold is on `name`."""
    until = held_until(session, NAME, name)
    if until is not None:
        raise InvalidInput(f"A maker who left craftreview recently went by “{name}”: so that buyers do not take a new "
                           f"shop for theirs, the name is free again from {_day(until)}. Choose another.", field="name")


def check_address_not_held(session: Session, slug: str) -> None:
    """Conflict on the address field while a deleted profile's hold is on `slug`."""
    until = held_until(session, ADDRESS, slug)
    if until is not None:
        raise Conflict(f"That address belonged to a maker who left craftreview recently; it is free again from "
                       f"{_day(until)}. Choose another.", field="slug")
