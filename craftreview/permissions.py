"""Pure predicates on who may do what; no framework imports."""
from __future__ import annotations


def _active(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and not user.is_suspended


def owns_maker(user, maker) -> bool:
    """The user is the owner of this maker profile."""
    return _active(user) and maker is not None and maker.owner_id == user.id


def owns_address(user) -> bool:
    """What a maker addressed to the account's address (orders, their invitations and notices) is the account's only
    once it has confirmed the address: anyone can open an account under someone else's."""
    return user is not None and bool(user.email_confirmed)


def can_send_invitations(user, maker) -> bool:
    """The owner may record orders, each of which mails the buyer an invitation in the site's name, only once its own
    address is confirmed: an account nobody has confirmed could otherwise mail any stranger any item text."""
    return owns_maker(user, maker) and owns_address(user)


MAKER_LEFT = "This maker has left craftreview: the profile keeps its reviews but takes no new ones."


def maker_has_left(maker) -> bool:
    """The owner deleted their account: the anonymised profile stays for its reviews, and nobody answers for it."""
    owner = getattr(maker, "owner", None)
    return owner is not None and owner.deleted_at is not None


def can_review(user, maker) -> bool:
    """Anyone active may review a maker except its owner, while the maker is still on the site."""
    return _active(user) and not owns_maker(user, maker) and not maker_has_left(maker)


def can_edit_review(user, review) -> bool:
    """Only the author edits or withdraws a review (never the maker or a moderator)."""
    return _active(user) and review.author_id == user.id


def can_reply(user, review) -> bool:
    """Only the owner of the reviewed maker replies."""
    return owns_maker(user, review.maker)


def can_vote(user, review) -> bool:
    """Helpful votes on visible reviews: not by the author, nor by the reviewed maker (conflict of interest)."""
    return (_active(user) and review.is_visible and review.author_id != user.id
            and not owns_maker(user, review.maker))


def can_flag(user, review) -> bool:
    """Any active user except the author may flag a visible review (the maker may report fakes)."""
    return _active(user) and review.is_visible and review.author_id != user.id


def can_moderate(user) -> bool:
    """Moderators (not suspended)."""
    return _active(user) and bool(user.is_moderator)


def can_see_review(user, review) -> bool:
    """Visible reviews are public; the author and moderators also see hidden/withdrawn ones."""
    if review.is_visible:
        return True
    return _active(user) and (review.author_id == user.id or user.is_moderator)
