"""The maker's public reply to a review: one per review, edits keep history."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db import write_transaction
from ..errors import Conflict, InvalidInput, PermissionDenied
from ..models import Reply, ReplyRevision, Review, User, utcnow
from ..permissions import can_reply
from ..search.outbox import enqueue
from ..text import clean_input
from . import notifications, page_stamps
from .drawn import ANY, Drawn, check_drawn
from .still_there import lock_actor, lock_review

MAX_REPLY = 3000
REPLY_MESSAGE = f"A reply is 2 to {MAX_REPLY:,} characters."
CHANGED_MEANWHILE = ("Your reply was published or changed after this page was opened (in another tab, say), so this "
                     "was not saved. It now reads as shown above; what you typed is below: publish it again to replace "
                     "that.")


@dataclass(frozen=True)
class SavedReply:
    """The reply as stored, and what the save did to it (decided under the lock, so a second tab is told the truth)."""

    reply: Reply
    outcome: Literal["published", "updated", "unchanged"]


def _check_body(body: str) -> str:
    body = clean_input(body)
    if not 2 <= len(body) <= MAX_REPLY:
        raise InvalidInput(REPLY_MESSAGE, field="body")
    return body


def save_reply(session: Session, actor: User, review: Review, body: str,
               now: datetime | None = None, drawn: Drawn = ANY) -> SavedReply:
    """Write the maker's reply, or edit it keeping the earlier version. `drawn`: the reply the form was drawn from
    (revision_count, or None for none); a Conflict if it changed since, so a second tab does not silently replace
    what the first one published."""
    now = now or utcnow()
    if not can_reply(actor, review):
        raise PermissionDenied("Only the maker who was reviewed can reply.")
    body = _check_body(body)
    current = session.scalar(select(Reply).where(Reply.review_id == review.id))
    if current is not None and current.body == body:
        return SavedReply(current, "unchanged")  # no copy in its history, no "edited" mark, no second notice
    notice = notifications.reply_notice(session, review, body)
    try:
        with write_transaction(session):
            lock_actor(session, actor)  # the maker's account deleted meanwhile (another tab): nothing written
            lock_review(session, review, "hidden_at")  # removed with its author's account: Gone, not "has a reply"
            # As stored now, not as loaded before the lock: the same reply sent twice at once is stored once.
            reply = session.scalar(select(Reply).where(Reply.review_id == review.id).with_for_update(key_share=True)
                                   .execution_options(populate_existing=True))
            if reply is not None and reply.body == body:
                return SavedReply(reply, "unchanged")
            check_drawn(drawn, version_of(reply), CHANGED_MEANWHILE)
            saved = _write(session, actor, review, reply, body, now)
            session.flush()
            enqueue(session, "review", review.id)
            enqueue(session, "maker", review.maker_id)
            page_stamps.touch(session, [review.maker_id])
            notifications.record_notice(session, notice)
    except IntegrityError as exc:  # another tab's first reply landed between the read and the insert
        if drawn != ANY:
            raise Conflict(CHANGED_MEANWHILE) from exc
        raise Conflict("This review already has a reply; edit it instead.") from exc
    return saved


def version_of(reply: Reply | None) -> int | None:
    """What a reply form drawn from `reply` is stamped with (drawn.py): its revision_count, None for no reply yet."""
    return None if reply is None else reply.revision_count


def _write(session: Session, actor: User, review: Review, reply: Reply | None, body: str,
           now: datetime) -> SavedReply:
    if reply is None:
        reply = Reply(review_id=review.id, author_id=actor.id, body=body, created_at=now, updated_at=now)
        session.add(reply)
        return SavedReply(reply, "published")
    _save_revision(session, reply)
    reply.body, reply.updated_at = body, now
    return SavedReply(reply, "updated")


def _save_revision(session: Session, reply: Reply) -> None:
    number = reply.revision_count + 1
    session.add(ReplyRevision(reply_id=reply.id, number=number, body=reply.body, written_at=reply.updated_at))
    reply.revision_count = number


def reply_history(session: Session, reply: Reply) -> list[ReplyRevision]:
    """Earlier versions of a reply, newest first."""
    return list(session.scalars(select(ReplyRevision).where(ReplyRevision.reply_id == reply.id)
                                .order_by(ReplyRevision.number.desc())))
