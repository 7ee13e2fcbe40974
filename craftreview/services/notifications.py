"""Notifications: prepared before a write service's lock, recorded in its transaction, shown on site, mailed."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from ..db import lock_row, write_transaction
from ..emails import email_key
from ..errors import InvalidInput, NotFound
from ..models import (
    HIDE_REASONS,
    MAKER_NOTIFICATION_KINDS,
    NOTIFICATION_KINDS,
    MailOptOut,
    Maker,
    Notification,
    OutgoingMail,
    Review,
    User,
    utcnow,
)
from ..permissions import owns_address
from .mail import mailer_for
from .mail_render import render_mail
from .queries import VISIBLE
from .still_there import lock_actor

EXCERPT = 400
SUBJECT_CHARS = 200  # a mail's subject
TITLE_CHARS = 300  # Notification.title
LINK_BATCH = 500  # links per statement (SQLite allows 32,766 bound parameters)
REPLIED = " replied to your review "  # in the title, and so the mail's subject, of every reply notice
_URL = re.compile(r"https?://[^\s\"'<>]+")  # an absolute link in a mail's text
_REVIEW_PAGE = re.compile(r"/reviews/(\d+)")  # a notification's (local) link to a review
QUOTING_KINDS = ("review_new", "review_edited")  # notices to a maker that quote a review's title and text


def _excerpt(text: str, limit: int = EXCERPT) -> str:
    """The text, or as many of its first words as fit in `limit` characters with an ellipsis after them."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]  # room for the ellipsis
    if not (text[limit - 1].isspace() or cut[-1].isspace()) and len(cut.split()) > 1:
        cut = cut.rsplit(None, 1)[0]  # it ended inside a word: drop that word's start
    return cut.rstrip() + "…"


@dataclass(frozen=True)
class Notice:
    """A notification worked out, and its mail rendered, before the transaction that records it."""

    user_id: int
    kind: str
    title: str
    body: str
    link: str
    recipient: tuple  # (email, display name) the mail was rendered for
    mail: dict | None  # backend.send() arguments, None when not mailed
    request: tuple  # prepare_notice's arguments, to prepare it again


def notify(session: Session, user_id: int | None, kind: str, title: str, body: str = "",
           endpoint: str | None = None, actor_id: int | None = None, **values) -> None:
    """Record one notification for `user_id` and mail it unless they opted out of `kind`."""
    record_notice(session, prepare_notice(session, user_id, kind, title, body, endpoint, actor_id, **values))


def prepare_notice(session: Session, user_id: int | None, kind: str, title: str, body: str = "",
                   endpoint: str | None = None, actor_id: int | None = None, **values) -> Notice | None:
    """The notification `notify` would record (None when nobody is to be told); it writes nothing."""
    user = session.get(User, user_id) if user_id is not None else None
    if user is None or user.deleted_at is not None or user.id == actor_id:
        return None  # nobody to tell, or the person who did it
    mailer = mailer_for(session)
    link = mailer.link(endpoint, **values) if (mailer and endpoint) else ""
    mail = None
    if mailer is not None and kind in NOTIFICATION_KINDS and not _opted_out(session, user.id, kind):  # SITE_ONLY_KINDS
        subject = _excerpt(title, SUBJECT_CHARS)
        text, html = render_mail(
            "notification", subject=subject, display_name=user.display_name, title=title, body=body,
            link=link, kind_label=NOTIFICATION_KINDS[kind], unsubscribe=mailer.link(
                "accounts.unsubscribe", token=mailer.unsubscribe_token(user.id, kind)),
            preferences=mailer.link("auth.account", _anchor="mail-preferences"))
        mail = {"to": user.email, "subject": subject, "body": text, "html": html}
    return Notice(user.id, kind, title, body, link, (user.email, user.display_name), mail,
                  (user_id, kind, title, body, endpoint, actor_id, values))


def record_notice(session: Session, notice: Notice | None) -> None:
    """Write a prepared notice (inside the caller's transaction), checking that its recipient still stands."""
    if notice is None:
        return
    user = session.get(User, notice.user_id, populate_existing=True)  # read again, under the caller's lock
    if user is None or user.deleted_at is not None:
        return
    if (user.email, user.display_name) != notice.recipient:  # changed since it was rendered
        user_id, kind, title, body, endpoint, actor_id, values = notice.request
        notice = prepare_notice(session, user_id, kind, title, body, endpoint, actor_id, **values)
    session.add(Notification(user_id=user.id, kind=notice.kind, title=_excerpt(notice.title, TITLE_CHARS),
                             body=notice.body, link=_local(notice.link), created_at=utcnow()))
    mailer = mailer_for(session)
    if notice.mail is not None and mailer is not None and not _opted_out(session, user.id, notice.kind, fresh=True):
        mailer.backend.send(session, **notice.mail)


def _local(url: str) -> str:
    """The path of an absolute link: on-site notifications must not depend on the host that wrote them."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "") if url else ""


def _opted_out(session: Session, user_id: int, kind: str, fresh: bool = False) -> bool:
    return session.get(MailOptOut, (user_id, kind), populate_existing=fresh) is not None


# --- notices the write services prepare before their write lock and record under it ------------

def _ratings(review) -> str:
    return (f"Craftsmanship {review.craftsmanship}, consistency {review.consistency}, "
            f"delivery {review.delivery} stars.")


def review_posted_notice(session: Session, review) -> Notice | None:
    """The maker hears of a new review of their work (`review` may be the pending review's values, with its id)."""
    return prepare_notice(session, review.maker.owner_id, "review_new",
                          f'New review of {review.maker.name}: "{review.title}"',
                          f"{_ratings(review)}\n\n{_excerpt(review.body)}", "reviews.show", review_id=review.id)


def review_edited_notice(session: Session, review) -> Notice | None:
    """The maker hears that a review of their work changed (`review`: its values after the edit)."""
    return prepare_notice(session, review.maker.owner_id, "review_edited",
                          f'A review of {review.maker.name} was edited: "{review.title}"',
                          f"{_ratings(review)}\n\n{_excerpt(review.body)}", "reviews.show", review_id=review.id)


def reply_notice(session: Session, review: Review, body: str) -> Notice | None:
    """The buyer hears of the maker's reply (new or edited)."""
    return prepare_notice(session, review.author_id, "reply",
                          f'{review.maker.name}{REPLIED}"{review.title}"',
                          _excerpt(body), "reviews.show", review_id=review.id)


def review_hidden_notice(session: Session, review: Review, reason: str, actor_id: int) -> Notice | None:
    """The buyer hears that a moderator hid their review, and why."""
    return prepare_notice(session, review.author_id, "review_hidden",
                          f'Your review "{review.title}" was hidden by a moderator',
                          f"Reason: {HIDE_REASONS.get(reason, reason)}.", "reviews.show", actor_id=actor_id,
                          review_id=review.id)


def review_restored_notice(session: Session, review: Review, actor_id: int) -> Notice | None:
    """The buyer hears that their review is public again (or, withdrawn by them meanwhile, no longer hidden)."""
    if review.withdrawn_at is not None:
        title = f'Your review "{review.title}" is no longer hidden'
        body = "A moderator restored it. You had withdrawn it: it stays visible only to you until you republish it."
    else:
        title, body = f'Your review "{review.title}" is public again', "A moderator restored it."
    return prepare_notice(session, review.author_id, "review_restored", title, body, "reviews.show",
                          actor_id=actor_id, review_id=review.id)


def flag_outcome_notice(session: Session, review: Review, count: int, actor_id: int,
                        hidden_reason: str | None = None) -> Notice | None:
    """The maker hears how moderators decided on `count` flags about a review of their work.

    With `hidden_reason` the review was hidden (the flags actioned), else the flags were dismissed.
    """
    if count <= 0:
        return None
    flags = f"{count} flag{'s' if count != 1 else ''}"
    if hidden_reason is not None:
        title = f'A review of {review.maker.name} was hidden after {flags}: "{review.title}"'
        body = f"Reason: {HIDE_REASONS.get(hidden_reason, hidden_reason)}."
    else:
        title = f'Moderators dismissed {flags} on a review of {review.maker.name}: "{review.title}"'
        body = "The review stays public."
    return prepare_notice(session, review.maker.owner_id, "flag_outcome", title, body, "makers.show",
                          actor_id=actor_id, slug=review.maker.slug)


def invitation_notice(session: Session, maker: Maker, buyer_email: str, item: str,
                      renewed: bool = False) -> Notice | None:
    """A buyer with an account hears that a maker recorded an order for their address (or sent a new link for it),
    once the account has confirmed it (permissions.owns_address: the notice names the maker and the item)."""
    buyer = session.scalar(select(User).where(User.email_key == email_key(buyer_email), User.deleted_at.is_(None)))
    user_id = buyer.id if owns_address(buyer) else None
    if renewed:
        title = f'{maker.name} sent a new link for your order "{item}"'
        body = "A new invitation to write a verified review was mailed to this address; the earlier link no longer works."
    else:
        title = f'{maker.name} recorded your order "{item}"'
        body = "An invitation to write a verified review was mailed to this address; its link works once."
    return prepare_notice(session, user_id, "invitation", title, body, "makers.show", actor_id=maker.owner_id,
                          slug=maker.slug)


# --- reads and the user's own writes -------------------------------------------------------------

def notifications_query(user_id: int):
    """The user's notifications, newest first (paginated by the view)."""
    return select(Notification).where(Notification.user_id == user_id).order_by(Notification.id.desc())


def withheld_notices(session: Session, items: list[Notification]) -> set[int]:
    """Of these notifications, the ids of those quoting a review to its maker (new or edited) that is no longer public:
    withdrawn by its author ("Only you can see it") or hidden by a moderator (private details, abuse). The page shows
    neither its title nor its text while that lasts; a review made public again reads as it did. One query."""
    quoted: dict[int, list[int]] = {}
    for item in items:
        found = _REVIEW_PAGE.fullmatch(item.link or "")
        if item.kind in QUOTING_KINDS and found:
            quoted.setdefault(int(found.group(1)), []).append(item.id)
    if not quoted:
        return set()
    public = set(session.scalars(select(Review.id).where(Review.id.in_(quoted), *VISIBLE)))
    return {notice for review_id, ids in quoted.items() if review_id not in public for notice in ids}


def unread_count(session: Session, user_id: int) -> int:
    """How many notifications the user has not read."""
    return session.scalar(select(func.count(Notification.id)).where(
        Notification.user_id == user_id, Notification.read_at.is_(None))) or 0


def mark_read(session: Session, user: User, notification_id: int | None = None) -> int:
    """Mark one notification (or all) read; NotFound for someone else's."""
    query = update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    with write_transaction(session):
        lock_actor(session, user)  # deleted meanwhile: its notifications went with it ("No such notification" misled)
        if notification_id is not None:
            if not 0 < notification_id < 2**63:  # beyond a database integer: no such row
                raise NotFound("No such notification.")
            owner = session.scalar(select(Notification.user_id).where(Notification.id == notification_id))
            if owner != user.id:
                raise NotFound("No such notification.")
            query = query.where(Notification.id == notification_id)
        return session.execute(query.values(read_at=utcnow())).rowcount


def _review_links(session: Session, review_ids: list[int]) -> list[str]:
    """The on-site links notifications give these reviews (none without a mailer: no notification got a link)."""
    mailer = mailer_for(session)
    if mailer is None:
        return []
    return [_local(mailer.link("reviews.show", review_id=i)) for i in review_ids]


def forget_reviews(session: Session, review_ids: list[int]) -> None:
    """Inside the caller's transaction: drop everyone's notifications that link to these (removed) reviews."""
    links = _review_links(session, review_ids)
    if links:
        session.execute(delete(Notification).where(Notification.link.in_(links)))


def forget_replies(session: Session, review_ids: list[int]) -> None:
    """Inside the caller's transaction: drop the buyers' notices quoting the (removed) replies to these reviews."""
    links = _review_links(session, review_ids)
    if links:
        session.execute(delete(Notification).where(Notification.kind == "reply", Notification.link.in_(links)))


def forget_maker(session: Session, addresses: list[str], review_ids: list[int]) -> None:
    """Inside the caller's transaction (account deletion): drop everyone's notifications that name this maker.

    Those linking to its addresses (recorded orders): the addresses go free, and a link kept would lead to whoever
    takes one next; and its replies' notices, which quote the reply and name the maker.
    """
    mailer = mailer_for(session)
    if mailer is None:
        return  # without a mailer no notification was given a link
    pages = [_local(mailer.link("makers.show", slug=s)) for s in addresses]
    reviews = [_local(mailer.link("reviews.show", review_id=i)) for i in review_ids]
    for start in range(0, max(len(pages), len(reviews)), LINK_BATCH):
        session.execute(delete(Notification).where(or_(
            Notification.link.in_(pages[start:start + LINK_BATCH]),
            and_(Notification.kind == "reply", Notification.link.in_(reviews[start:start + LINK_BATCH])))))
    _withdraw_reply_mail(session, set(reviews))


def _withdraw_reply_mail(session: Session, review_paths: set[str]) -> None:
    """Unsent reply-notice mail about these reviews (paths of their pages) goes with the notices: it names the maker."""
    if not review_paths:
        return
    unsent = session.execute(select(OutgoingMail.id, OutgoingMail.body).where(
        OutgoingMail.sent_at.is_(None), OutgoingMail.subject.contains(REPLIED))).all()
    about = [m.id for m in unsent if any(_local(url) in review_paths for url in _URL.findall(m.body))]
    if about:
        session.execute(delete(OutgoingMail).where(OutgoingMail.id.in_(about), OutgoingMail.sent_at.is_(None)))


def mail_kinds(session: Session, user_id: int) -> set[str]:
    """The kinds the user gets by mail."""
    off = set(session.scalars(select(MailOptOut.kind).where(MailOptOut.user_id == user_id)))
    return set(NOTIFICATION_KINDS) - off


def offered_kinds(session: Session, user_id: int) -> list[str]:
    """The kinds the account page offers this account, in NOTIFICATION_KINDS order: a maker's own kinds only to the
    owner of a maker profile (a buyer is never told of reviews of its work)."""
    is_maker = session.scalar(select(Maker.id).where(Maker.owner_id == user_id)) is not None
    return [k for k in NOTIFICATION_KINDS if is_maker or k not in MAKER_NOTIFICATION_KINDS]


def set_mail_kinds(session: Session, user: User, kinds: set[str], among: set[str] | None = None) -> None:
    """Of the kinds `among` (default: every kind), mail exactly these from now on; the others keep their choice."""
    among = set(NOTIFICATION_KINDS) if among is None else among
    if not kinds <= among <= set(NOTIFICATION_KINDS):
        raise InvalidInput("Unknown kind of notification.")
    with write_transaction(session):
        # a double click's second save waits, then replaces the first one's rows; a deleted account keeps none
        lock_actor(session, user, exclusive=True)
        session.execute(delete(MailOptOut).where(MailOptOut.user_id == user.id, MailOptOut.kind.in_(among)))
        session.add_all(MailOptOut(user_id=user.id, kind=k) for k in NOTIFICATION_KINDS if k in among - kinds)


def check_unsubscribe(session: Session, user_id: int, kind: str) -> User:
    """The account a signed unsubscribe link names; NotFound for an unknown kind or an account that is gone."""
    user = session.get(User, user_id) if kind in NOTIFICATION_KINDS else None
    if user is None or user.deleted_at is not None:
        raise NotFound("This unsubscribe link is not valid.")
    return user


def unsubscribe(session: Session, user_id: int, kind: str) -> User:
    """Stop mails of one kind (from a signed link; no login needed)."""
    with write_transaction(session):
        lock_row(session, User, user_id)  # one link opened in two tabs: the second waits, then finds the row
        user = check_unsubscribe(session, user_id, kind)
        if not _opted_out(session, user_id, kind):
            session.add(MailOptOut(user_id=user_id, kind=kind))
    return user
