"""Under the write lock: the acting account, the maker and the review a write is about, as stored now.

A request reads them before its write transaction; an account deletion committed in between (another tab of the same
person, or the maker or author concerned) may have deleted the maker profile or the reviews, or left the account and
an anonymised profile behind. A write then checked against what the request read would crash on a foreign key, or
store something that no longer belongs anywhere (an order for a "Former maker", a vote by a deleted account). These
guards re-read under locks that a deletion's own locks conflict with, so on PostgreSQL a write racing a deletion waits
for it and then is refused with the reason (Gone), and a deletion waiting for a write sees what it wrote.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import reread_locked
from ..errors import Gone, PermissionDenied
from ..models import Maker, Review, User
from ..permissions import MAKER_LEFT

ACCOUNT_GONE = "Your account was deleted a moment ago (in another tab or window, say): nothing was changed."
ACCOUNT_SUSPENDED = "Your account was suspended by a moderator a moment ago: nothing was changed."
MAKER_GONE = "This maker has left craftreview."
REVIEW_GONE = "That review was removed a moment ago, with its author's account: nothing was changed."


def lock_actor(session: Session, actor: User, *, exclusive: bool = False) -> None:
    """The acting account's standing (deleted, suspended, moderator) as stored now, share-locked to the commit; Gone
    once deleted, PermissionDenied once suspended
    (`exclusive`: for no key update, so that two writes of one account's own rows run one after the other).

    An account deletion locks its row for update first, so on PostgreSQL this waits for a deletion under way (then
    refuses), and a deletion that starts after waits for this write and then removes or anonymises what it wrote."""
    lock = {"key_share": True} if exclusive else {"read": True}
    session.refresh(actor, ["deleted_at", "is_suspended", "is_moderator"], with_for_update=lock)
    if actor.deleted_at is not None:
        raise Gone(ACCOUNT_GONE)
    if actor.is_suspended:  # suspended after the request passed its permission check (the sessions end with it)
        raise PermissionDenied(ACCOUNT_SUSPENDED)


def lock_open_maker(session: Session, maker_id: int, *, exclusive: bool = False) -> None:
    """The maker is still on the site: Gone when its profile was deleted with its account, Gone with MAKER_LEFT when
    the account went and left the profile for its reviews. The maker row is locked first (the key-share lock a row
    referring to it takes; `exclusive`: for no key update, which also runs writes to one maker one after another) and
    the owner read after, in a statement of its own: on PostgreSQL a statement that waited for a lock still reads the
    other tables as they were when it started."""
    lock = {"key_share": True} if exclusive else {"read": True, "key_share": True}
    if session.scalar(select(Maker.id).where(Maker.id == maker_id).with_for_update(**lock)) is None:
        raise Gone(MAKER_GONE)
    owner_left = select(User.deleted_at).join(Maker, Maker.owner_id == User.id).where(Maker.id == maker_id)
    if session.scalar(owner_left) is not None:
        raise Gone(MAKER_LEFT)


def check_review_there(session: Session, review_id: int) -> None:
    """Before the write lock, where a count of what hangs off a review (its open flags, say) would read its removal
    as "none": Gone with REVIEW_GONE once its author's account deletion removed it."""
    if session.scalar(select(Review.id).where(Review.id == review_id)) is None:
        raise Gone(REVIEW_GONE)


def lock_review(session: Session, review: Review, *attributes: str) -> None:
    """reread_locked for a review, Gone with REVIEW_GONE once its author's account deletion removed it."""
    reread_locked(session, review, *attributes, gone=REVIEW_GONE)
