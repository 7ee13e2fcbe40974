"""Moderation: hide, restore, dismiss flags. Every action is audited in its own transaction."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..db import write_transaction
from ..errors import Conflict, InvalidInput, PermissionDenied
from ..models import HIDE_REASONS, AuditEntry, Flag, Review, ReviewRevision, User, utcnow
from ..permissions import can_moderate
from ..text import clean_input
from . import notifications
from .review_effects import after_review_change, prepare_review_update
from .still_there import check_review_there, lock_actor, lock_review

HIDE_REASON_MESSAGE = "Choose the policy reason for hiding this review."
RESTORE_REASON = "Write why you are restoring this review: the reason goes in the audit log."
DISMISS_REASON = "Write why you are dismissing the flags: the reason goes in the audit log."


def check_decision_reason(note: str, message: str) -> str:
    """A moderator's decision that must say why (the audit log keeps it: a restore, a dismissal, a suspension or its
    undoing): the cleaned note, or InvalidInput with `message` on the note field without one."""
    cleaned = clean_input(note)
    if not cleaned:
        raise InvalidInput(message, field="note")
    return cleaned


def _require_moderator(actor: User) -> None:
    if not can_moderate(actor):
        raise PermissionDenied("Only moderators can do this.")


def _lock_moderator(session: Session, actor: User) -> None:
    """Under the write lock: the moderator's account as stored now (deleted or suspended meanwhile: refused)."""
    lock_actor(session, actor)
    _require_moderator(actor)


def _audit(session: Session, actor: User, action: str, review: Review, reason: str = "", note: str = "") -> None:
    session.add(AuditEntry(actor_id=actor.id, action=action, target_type="review", target_id=review.id,
                           reason=reason, note=note))


def _resolve_flags(session: Session, actor: User, review: Review, status: str, now: datetime) -> int:
    result = session.execute(
        update(Flag).where(Flag.review_id == review.id, Flag.status == "open")
        .values(status=status, resolved_at=now, resolved_by_id=actor.id))
    return result.rowcount


def _open_flags(session: Session, review: Review) -> int:
    return session.scalar(select(func.count(Flag.id)).where(Flag.review_id == review.id, Flag.status == "open")) or 0


def _flags_to_dismiss(session: Session, review: Review) -> int:
    """The open flags a dismissal would close. None on a review removed with its author's account (its flags went with
    it) is Gone, not "no open flags": the page was read before the removal."""
    flagged = _open_flags(session, review)
    if not flagged:
        check_review_there(session, review.id)
    return flagged


def _outcome(session: Session, review: Review, prepared, flagged: int, resolved: int, actor: User,
             hidden_reason: str | None = None):
    """The flag-outcome notice prepared for `flagged` open flags, or a new one if `resolved` differs (a late flag)."""
    if resolved == flagged:
        return prepared
    return notifications.flag_outcome_notice(session, review, resolved, actor.id, hidden_reason=hidden_reason)


def hide_review(session: Session, actor: User, review: Review, reason: str, note: str = "",
                now: datetime | None = None) -> Review:
    """Hide a review for a policy reason (never for being negative); open flags are actioned.

    The maker's score and both notifications are prepared before the write lock (the maker's notice
    again under it only if the number of open flags changed meanwhile).
    """
    _require_moderator(actor)
    if reason not in HIDE_REASONS:
        raise InvalidInput(HIDE_REASON_MESSAGE, field="reason")
    _refuse_hidden(review)
    now = now or utcnow()
    prepared = prepare_review_update(session, review.id, now, hidden_at=now)
    hidden = notifications.review_hidden_notice(session, review, reason, actor.id)
    flagged = _open_flags(session, review)
    outcome = notifications.flag_outcome_notice(session, review, flagged, actor.id, hidden_reason=reason)
    with write_transaction(session):
        _lock_moderator(session, actor)
        lock_review(session, review, "hidden_at", "hidden_reason")  # two moderators at once: the first one hides it
        _refuse_hidden(review)
        review.hidden_at, review.hidden_reason = now, reason
        actioned = _resolve_flags(session, actor, review, "actioned", now)
        _audit(session, actor, "hide", review, reason, clean_input(note))
        after_review_change(session, review, now, prepared)
        notifications.record_notice(session, hidden)
        notifications.record_notice(session, _outcome(session, review, outcome, flagged, actioned, actor, reason))
    return review


def _refuse_hidden(review: Review) -> None:
    if review.hidden_at is not None:  # e.g. a second moderator's older page: keep the first reason and notice
        raise Conflict("This review is already hidden; restore it first to hide it for another reason.")


def _refuse_not_hidden(review: Review) -> None:
    if review.hidden_at is None:
        raise InvalidInput("This review is not hidden.")


NO_OPEN_FLAGS = "There are no open flags on this review."


def check_restore(review: Review, note: str) -> str:
    """The cleaned reason for restoring `review`; first whether it is hidden at all (another moderator's tab may have
    restored it), since its page then shows no restore form and no reason field to mark."""
    _refuse_not_hidden(review)
    return check_decision_reason(note, RESTORE_REASON)


def check_dismiss(session: Session, review: Review, note: str) -> str:
    """The cleaned reason for dismissing the flags on `review`; first whether it has any open (as check_restore)."""
    return _dismiss_reason(_flags_to_dismiss(session, review), note)


def _dismiss_reason(flagged: int, note: str) -> str:
    if not flagged:
        raise InvalidInput(NO_OPEN_FLAGS)
    return check_decision_reason(note, DISMISS_REASON)


def restore_review(session: Session, actor: User, review: Review, note: str,
                   now: datetime | None = None) -> Review:
    """Make a hidden review public again, saying why (the maker's score and the buyer's notice prepared before the
    lock)."""
    _require_moderator(actor)
    note = check_restore(review, note)
    now = now or utcnow()
    prepared = prepare_review_update(session, review.id, now, hidden_at=None)
    notice = notifications.review_restored_notice(session, review, actor.id)
    with write_transaction(session):
        _lock_moderator(session, actor)
        lock_review(session, review, "hidden_at", "hidden_reason")
        _refuse_not_hidden(review)
        review.hidden_at, review.hidden_reason = None, None
        _audit(session, actor, "restore", review, "", note)
        after_review_change(session, review, now, prepared)
        notifications.record_notice(session, notice)
    return review


def dismiss_flags(session: Session, actor: User, review: Review, note: str,
                  now: datetime | None = None) -> int:
    """Close the open flags on a review without hiding it, saying why; returns how many were closed."""
    _require_moderator(actor)
    flagged = _flags_to_dismiss(session, review)
    note = _dismiss_reason(flagged, note)
    now = now or utcnow()
    notice = notifications.flag_outcome_notice(session, review, flagged, actor.id)
    with write_transaction(session):
        _lock_moderator(session, actor)
        lock_review(session, review, "hidden_at")  # removed with its author's account (and its flags): Gone, not "no flags"
        closed = _resolve_flags(session, actor, review, "dismissed", now)
        if closed == 0:
            raise InvalidInput(NO_OPEN_FLAGS)
        _audit(session, actor, "dismiss_flags", review, "", note)
        notifications.record_notice(session, _outcome(session, review, notice, flagged, closed, actor))
    return closed


@dataclass
class QueueItem:
    """One row of the moderation queue."""

    review: Review
    open_flags: int
    edited_since_flagged: bool  # an open flag saw an earlier version than the one public now


def moderation_queue(session: Session, limit: int = 50, offset: int = 0) -> list[QueueItem]:
    """Reviews with open flags, most flagged first, with their open-flag counts."""
    counts = (select(Flag.review_id, func.count(Flag.id).label("n"), func.min(Flag.created_at).label("first"),
                     func.min(Flag.review_revision).label("seen"))
              .where(Flag.status == "open").group_by(Flag.review_id).subquery())
    rows = session.execute(
        select(Review, counts.c.n, counts.c.seen).join(counts, counts.c.review_id == Review.id)
        .order_by(counts.c.n.desc(), counts.c.first).limit(limit).offset(offset))
    return [QueueItem(review, n, seen < review.revision_count) for review, n, seen in rows]


def open_flags(session: Session, review: Review) -> list[Flag]:
    """Open flags on one review, oldest first."""
    return list(session.scalars(select(Flag).where(Flag.review_id == review.id, Flag.status == "open")
                                .order_by(Flag.created_at)))


def audit_log(session: Session, limit: int = 50, offset: int = 0) -> list[AuditEntry]:
    """The audit log, newest first."""
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit).offset(offset)))


def latest_hide_entry(session: Session, review: Review) -> AuditEntry | None:
    """The audit entry that hid this review (shown to its author)."""
    return session.scalar(select(AuditEntry).where(
        AuditEntry.target_type == "review", AuditEntry.target_id == review.id, AuditEntry.action == "hide")
        .order_by(AuditEntry.id.desc()).limit(1))


@dataclass
class FlaggedVersion:
    """The text some open flags were raised against, beside the review as it reads now."""

    version: int                 # 1 = as first published
    flags: list[Flag]
    title: str
    body: str
    stars: tuple[int, int, int]  # craftsmanship, consistency, delivery
    edited_since: bool           # the author has edited the review after these flags


def flagged_versions(session: Session, review: Review, flags: list[Flag]) -> list[FlaggedVersion]:
    """Per revision seen by the open flags, that version's text (oldest first); one query."""
    seen = sorted({flag.review_revision for flag in flags})
    # Before edit n+1 the text was saved as revision n+1: it is what a flag at revision_count n saw.
    older = {rev.number - 1: rev for rev in session.scalars(select(ReviewRevision).where(
        ReviewRevision.review_id == review.id, ReviewRevision.number.in_([n + 1 for n in seen])))}
    versions = []
    for number in seen:
        source = older.get(number, review) if number < review.revision_count else review
        versions.append(FlaggedVersion(
            version=number + 1, flags=[f for f in flags if f.review_revision == number], title=source.title,
            body=source.body, stars=(source.craftsmanship, source.consistency, source.delivery),
            edited_since=number < review.revision_count))
    return versions
