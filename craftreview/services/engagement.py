"""Helpful votes and flags."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db import write_transaction
from ..errors import Conflict, InvalidInput, PermissionDenied
from ..models import FLAG_REASONS, Flag, HelpfulVote, Review, User
from ..permissions import can_flag, can_vote
from ..text import clean_input
from . import page_stamps
from .still_there import lock_actor, lock_review

REASON_MESSAGE = "Choose a reason from the list."


def toggle_helpful(session: Session, actor: User, review: Review, wanted: bool | None = None) -> bool:
    """Add or remove the actor's helpful vote (`wanted`: the state the button asked for, else the opposite of the
    current one); True when the vote now stands."""
    _check_vote(actor, review)
    with write_transaction(session):
        lock_actor(session, actor)  # the voter's account deleted meanwhile (another tab): no vote
        _still_visible(session, review)  # hidden, withdrawn or removed since the page was loaded: no vote
        _check_vote(actor, review)
        vote = session.get(HelpfulVote, (review.id, actor.id))
        if wanted is not None and wanted == (vote is not None):
            return wanted  # already so: a button on an older page (another tab) must not undo the vote
        if vote is None:
            session.add(HelpfulVote(review_id=review.id, user_id=actor.id))
            review.helpful_count = Review.helpful_count + 1
        else:
            session.delete(vote)
            review.helpful_count = Review.helpful_count - 1
        page_stamps.touch(session, [review.maker_id])  # the count shows under the review
    session.refresh(review)
    return vote is None


def _check_vote(actor: User, review: Review) -> None:
    if not can_vote(actor, review):
        raise PermissionDenied("You cannot vote on your own review, on reviews of your own shop, or on a review that "
                               "is no longer public.")


def _check_flag(actor: User, review: Review) -> None:
    if not can_flag(actor, review):
        raise PermissionDenied("You cannot report your own review, or a review that is no longer public.")


def _still_visible(session: Session, review: Review) -> None:
    """Inside the write lock: the review's visibility as stored now (it may have been hidden or withdrawn since the
    request loaded it, or removed with its author's account: Gone), so the permission checked next is checked on it."""
    lock_review(session, review, "hidden_at", "withdrawn_at")


def has_voted(session: Session, user: User | None, review: Review) -> bool:
    """Whether this user's helpful vote stands on the review."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return session.get(HelpfulVote, (review.id, user.id)) is not None


def has_open_flag(session: Session, user: User, review: Review) -> bool:
    """Whether this user's report of the review is still open (they cannot report it again until it is closed)."""
    return _open_flag(session, user.id, review.id) is not None


def flag_review(session: Session, actor: User, review: Review, reason: str, note: str = "",
                seen_revision: int | None = None) -> Flag:
    """Report a review to moderators; one open flag per user and review.

    `seen_revision`: the version the flagger was shown (an edit may land before the report is sent).
    """
    _check_flag(actor, review)
    if reason not in FLAG_REASONS:
        raise InvalidInput(REASON_MESSAGE, field="reason")
    note = clean_input(note)[:1000]
    if reason == "other" and len(note) < 5:
        raise InvalidInput("Please explain the problem in the note.", field="note")
    try:
        with write_transaction(session):
            lock_actor(session, actor)
            _still_visible(session, review)
            _check_flag(actor, review)
            if _open_flag(session, actor.id, review.id):
                raise Conflict("You have already flagged this review; a moderator will look at it.")
            flag = Flag(review_id=review.id, user_id=actor.id, reason=reason, note=note,
                        review_revision=_seen(review, seen_revision))
            session.add(flag)
    except IntegrityError as exc:
        raise Conflict("You have already flagged this review; a moderator will look at it.") from exc
    return flag


def _seen(review: Review, seen_revision: int | None) -> int:
    """The version the flagger saw: the one given if this review has it, else the current one."""
    current = review.revision_count
    return seen_revision if seen_revision is not None and 0 <= seen_revision <= current else current


def _open_flag(session: Session, user_id: int, review_id: int) -> int | None:
    return session.scalar(select(Flag.id).where(
        Flag.user_id == user_id, Flag.review_id == review_id, Flag.status == "open"))
