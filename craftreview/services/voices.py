"""One buyer, one voice per maker, across a deleted account and the next one.

Several reviews by one account of one maker share one voice in the scoring model. A buyer who deleted their account
keeping their reviews (they stay, as a former member's), then registered again with the same address, wrote a second
review of the same maker with a second, full voice: deleting and re-registering doubled anyone's say.

So the keyed digest of every address the account confirmed is kept (`former_address_digests`): a change of a
confirmed address records the address it leaves, and a deletion that keeps reviews records the last one; the addresses
themselves are erased as before. When an account later confirms any of them (a confirmation link, a reset link that
reached the inbox, an operator), it is linked to the deleted one (`users.earlier_account_id`), and the model reads both
accounts' reviews as one reviewer: one voice per maker, one reviewer offset. Nothing is shown publicly and nothing is
refused: the returning buyer may review again. A buyer who changed their address before deleting, then came back under
the earlier one, kept a second voice while only the last address was recorded (migration 0034).

- Only a confirmed address is recorded: an unconfirmed account may have been opened with someone else's address, and
  linking the address's real owner to it would merge their voice with a stranger's. An address entered and left
  before its link was opened records nothing either.
- Only a deleted account's digests link. A live account's (its earlier addresses) wait for its deletion; a deletion
  that keeps nothing to join (reviews removed, or none written and no earlier account linked) erases them. An account
  linked to the chain that wrote nothing records its addresses: one it moved to was never the first account's.
- The digest is an HMAC keyed from the app's SECRET_KEY (`VOICE_KEY` on every session, `configure`), so the stored
  value cannot be checked against a guessed address without the key. New digests use SECRET_KEY; a link also matches
  digests made under a key in SECRET_KEY_FALLBACKS, so a rotation that keeps the old key there ends no link not yet
  made. Dropping the old key ends them (a re-registration then gets its own voice); links already made stay.
- A link is made once, at the first confirmed address that matches; it always points at the first account of the chain.
"""
from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..emails import email_key
from ..models import FormerAddressDigest, Review, User

VOICE_KEY = "craftreview.voice_key"  # session.info: the digest key (bytes)
VOICE_FALLBACK_KEYS = "craftreview.voice_fallback_keys"  # session.info: keys whose digests still match (bytes)
_FALLBACK_KEY = b"craftreview-voices-without-an-app"  # sessions made outside an app (scripts): digests still match
_PURPOSE = b"craftreview former address"


def _derived(secret_key: str) -> bytes:
    return hmac.new(secret_key.encode(), _PURPOSE, hashlib.sha256).digest()


def configure(factory, secret_key: str, fallbacks: Iterable[str] = ()) -> None:
    """Give every session the factory makes the digest key derived from the app's secret key, and those derived from
    its earlier keys (SECRET_KEY_FALLBACKS)."""
    factory.configure(info={**(factory.kw.get("info") or {}), VOICE_KEY: _derived(secret_key),
                            VOICE_FALLBACK_KEYS: [_derived(k) for k in fallbacks]})


def _digest(key: bytes, address: str) -> str:
    return hmac.new(key, email_key(address).encode(), hashlib.sha256).hexdigest()


def address_digest(session: Session, address: str) -> str:
    """The keyed digest of an address, as normalised for matching (emails.email_key)."""
    return _digest(session.info.get(VOICE_KEY, _FALLBACK_KEY), address)


def matching_digests(session: Session, address: str) -> list[str]:
    """The digests a recorded address may carry: under the current key and under each fallback key."""
    return [address_digest(session, address), *(_digest(k, address) for k in session.info.get(VOICE_FALLBACK_KEYS, ()))]


def voice_column():
    """The reviewer the model reads a review under (join User on the review's author): the first account of the
    author's chain of re-registrations, else the author."""
    return func.coalesce(User.earlier_account_id, Review.author_id)


def voice_of(user: User) -> int:
    """voice_column for one loaded account."""
    return user.earlier_account_id or user.id


def remember_address(session: Session, user: User) -> None:
    """Inside a write that is about to leave the account's current address (a change of address, a deletion that keeps
    reviews): record its digest, if the address was confirmed."""
    if user.email_confirmed_at is None:
        return
    digest = address_digest(session, user.email)
    if session.get(FormerAddressDigest, (user.id, digest)) is None:  # an address taken back records nothing new
        session.add(FormerAddressDigest(user_id=user.id, digest=digest))


def forget_addresses(session: Session, user: User) -> None:
    """Inside a deletion that keeps nothing a later account could share a voice with: erase the account's digests."""
    session.execute(delete(FormerAddressDigest).where(FormerAddressDigest.user_id == user.id))


def remembered_addresses(session: Session, user: User) -> int:
    """How many addresses' digests a deletion keeping the account's reviews would keep (for the deletion page)."""
    digests = set(session.scalars(select(FormerAddressDigest.digest).where(FormerAddressDigest.user_id == user.id)))
    if user.email_confirmed_at is not None:
        digests.add(address_digest(session, user.email))
    return len(digests)


def link_earlier_account(session: Session, user: User) -> int | None:
    """Inside the write that confirms the account's address: link it to the deleted account that had confirmed this
    address and kept its reviews, if any and if not linked yet. Returns the account linked to (None: no change)."""
    if user.earlier_account_id is not None:
        return None
    earlier = session.scalar(
        select(func.min(func.coalesce(User.earlier_account_id, User.id)))
        .join(FormerAddressDigest, FormerAddressDigest.user_id == User.id)
        .where(FormerAddressDigest.digest.in_(matching_digests(session, user.email)), User.id != user.id,
               User.deleted_at.is_not(None)))
    if earlier is None:
        return None
    user.earlier_account_id = earlier
    return earlier


def same_buyer(session: Session, user: User) -> list[User]:
    """For moderators: the other accounts the model reads as this account's reviewer (the first deleted account of
    its chain and every account linked to it), oldest first; the page says of each whether it came before this one
    and whether it is deleted."""
    first = voice_of(user)
    return list(session.scalars(select(User).where(
        (User.id == first) | (User.earlier_account_id == first), User.id != user.id).order_by(User.id)))
