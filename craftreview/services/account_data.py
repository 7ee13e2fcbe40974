"""'Your data': everything held about a user as JSON, and deleting the account."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, false, func, select, update
from sqlalchemy.orm import Session

from ..db import reread_locked, write_transaction
from ..emails import email_key, erased_address
from ..errors import Conflict, Problems
from ..models import (
    AccountToken,
    AuditEntry,
    Flag,
    FormerAddressDigest,
    HelpfulVote,
    LoginSession,
    MailOptOut,
    Maker,
    MakerPageRow,
    MakerScoreRow,
    MakerTrendRow,
    Notification,
    Order,
    OutgoingMail,
    Reply,
    ReplyRevision,
    Review,
    ReviewRevision,
    RingSignal,
    RingSignalReview,
    User,
    utcnow,
)
from ..permissions import owns_address
from ..search.outbox import enqueue
from . import page_stamps
from .accounts import check_password_again
from .mail import INVITATION_LINK_PATH, link_tokens, mailer_for
from .maker_addresses import forget_former_addresses, former_address, former_addresses
from .names import FORMER_MAKER, FORMER_MEMBER
from .notifications import forget_maker, forget_replies, forget_reviews
from .orders import hash_token
from .released_names import release
from .scores import MakerScoreWork, prepare_maker_score, refresh_maker_score
from .voices import forget_addresses, remember_address, remembered_addresses

# What the account wrote: its reviews and, as a maker, its replies. The deletion page spells out, per account, what
# each choice does to them (deletion_page).
REVIEW_CHOICES = {
    "remove": "Remove my reviews and replies",
    "keep": "Keep my reviews and replies, without my name",
}
REVIEWS_CHOICE_MESSAGE = "Choose whether to keep or remove your reviews and replies."
MAIL_BATCH = 500  # buyer addresses per statement when withdrawing a deleted maker's unsent mail
SECRET_COLUMNS = {"password_hash", "token_hash"}


def _plain(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _row(obj, **extra) -> dict:
    """Every column of a row as JSON-ready values, without secrets (hashes)."""
    data = {c.key: _plain(getattr(obj, c.key)) for c in obj.__table__.columns if c.key not in SECRET_COLUMNS}
    data.update(extra)
    return data


def _revisions(session: Session, model, key, ids: list[int]) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = {i: [] for i in ids}
    for rev in session.scalars(select(model).where(key.in_(ids)).order_by(model.number)):
        found[getattr(rev, key.key)].append(_row(rev))
    return found


def _addressed_to(user: User, address, key):
    """Rows whose address is the user's: under its email key (Straße@ and strasse@ are one account).

    An account that migration 0021 gave "<key>#<id>" (a later one sharing its key with an older account)
    owns only its exact stored address: the shared key is the older account's.
    """
    if user.email_key == email_key(user.email):
        return key == user.email_key
    return (key == email_key(user.email)) & (address == user.email)


def _orders_for(user: User):
    """The orders recorded for the user's address: none until the account has confirmed it (permissions.owns_address),
    since anyone can open an account under someone else's address and export or erase that person's orders."""
    return _addressed_to(user, Order.buyer_email, Order.buyer_email_key) if owns_address(user) else false()


def _mail_for(user: User):
    """The mail sent to the user's address; an account that never confirmed it spares the mailbox owner's invitations."""
    addressed = _addressed_to(user, OutgoingMail.to_email, OutgoingMail.to_email_key)
    return addressed if owns_address(user) else addressed & ~OutgoingMail.body.contains(INVITATION_LINK_PATH)


def export_user_data(session: Session, user: User) -> dict:
    """Everything the site holds about `user` (a fixed number of queries)."""
    reviews = list(session.scalars(select(Review).where(Review.author_id == user.id).order_by(Review.id)))
    review_revs = _revisions(session, ReviewRevision, ReviewRevision.review_id, [r.id for r in reviews])
    replies = list(session.scalars(select(Reply).where(Reply.author_id == user.id).order_by(Reply.id)))
    reply_revs = _revisions(session, ReplyRevision, ReplyRevision.reply_id, [r.id for r in replies])
    maker = session.scalar(select(Maker).where(Maker.owner_id == user.id))
    orders = session.scalars(select(Order).where(
        _orders_for(user) | (Order.maker_id == (maker.id if maker else -1)))
        .order_by(Order.id))
    return {
        "account": _row(user),
        "former_address_fingerprints": sorted(session.scalars(  # keyed digests, never the addresses (voices.py)
            select(FormerAddressDigest.digest).where(FormerAddressDigest.user_id == user.id))),
        "mail_opt_outs": sorted(session.scalars(select(MailOptOut.kind).where(MailOptOut.user_id == user.id))),
        "maker_profile": _row(maker, former_addresses=former_addresses(session, maker.id)) if maker else None,
        "reviews": [_row(r, maker_name=r.maker.name, revisions=review_revs[r.id]) for r in reviews],
        "replies": [_row(r, revisions=reply_revs[r.id]) for r in replies],
        "helpful_votes": [_row(v) for v in session.scalars(
            select(HelpfulVote).where(HelpfulVote.user_id == user.id).order_by(HelpfulVote.review_id))],
        "flags": [_row(f) for f in session.scalars(select(Flag).where(Flag.user_id == user.id).order_by(Flag.id))],
        "orders_and_invitations": [_row(o, role="maker" if maker and o.maker_id == maker.id else "buyer",
                                        maker_name=o.maker.name, invitation_status=o.invitation_status)
                                   for o in orders],
        "notifications": [_row(n) for n in session.scalars(
            select(Notification).where(Notification.user_id == user.id).order_by(Notification.id))],
    }


@dataclass(frozen=True)
class DeletionPage:
    """What deleting this account would do to what it wrote, for the page that asks to confirm it."""

    reviews: int  # reviews the account wrote, in any state
    replies: int  # its replies, as a maker, to reviews of its profile
    maker_name: str | None  # its maker profile's name, if it has one
    maker_reviews: int  # reviews of that profile (their authors' words: they stay either way)
    fingerprints: int  # confirmed addresses whose keyed digest keeping the reviews would keep (services/voices.py)
    linked: bool  # it is linked to a deleted account that kept its reviews: its digests are kept even if it wrote none


def deletion_page(session: Session, user: User) -> DeletionPage:
    """The account deletion page's facts (five queries)."""
    count = func.count()
    maker = session.execute(select(Maker.id, Maker.name).where(Maker.owner_id == user.id)).first()
    return DeletionPage(
        reviews=session.scalar(select(count).select_from(Review).where(Review.author_id == user.id)),
        replies=session.scalar(select(count).select_from(Reply).where(Reply.author_id == user.id)),
        maker_name=maker.name if maker else None,
        maker_reviews=session.scalar(select(count).select_from(Review).where(Review.maker_id == maker.id))
        if maker else 0,
        fingerprints=remembered_addresses(session, user), linked=user.earlier_account_id is not None)


@dataclass(frozen=True)
class Deletion:
    """What a deletion did with what the account wrote (for the farewell message)."""

    choice: str  # "remove" or "keep"
    reviews: int  # reviews the account had written, removed or kept
    replies: int  # its replies as a maker, removed or kept
    rescored: set[int]  # the makers whose scores were recomputed


def delete_account(session: Session, user: User, *, password: str, reviews: str,
                   now: datetime | None = None) -> Deletion:
    """Erase the account's personal data; what it wrote is removed, or kept as 'Former member' / 'Former maker'."""
    with Problems() as problems:
        if reviews not in REVIEW_CHOICES:
            problems.add(REVIEWS_CHOICE_MESSAGE, "reviews")
        problems.check(check_password_again, user, password, message="The password is incorrect.")
    now = now or utcnow()
    prepared = _prepare_scores(session, user, reviews, now)
    with write_transaction(session):
        _refuse_if_deleted(session, user)
        own = session.execute(select(Review.id, Review.maker_id).where(Review.author_id == user.id)).all()
        affected = {r.maker_id for r in own} | _drop_votes(session, user)
        maker = session.scalar(select(Maker).where(Maker.owner_id == user.id))
        replies = session.execute(select(Reply.id, Reply.review_id).where(Reply.author_id == user.id)).all()
        if reviews == "remove":  # everything the account wrote: its reviews, and its replies as a maker
            _remove_reviews(session, [r.id for r in own])
            _remove_own_replies(session, replies)
        gone = maker is not None and _has_no_reviews(session, maker.id)
        if maker is not None:
            _let_go_of_addresses(session, maker)
            if gone:
                _delete_maker(session, maker)
            else:
                _anonymise_maker(session, maker)
                affected.add(maker.id)
        # Its owner's next account shares the kept reviews' voice (voices.py): its own, or its chain's (an account
        # linked to an earlier one passes the chain on, under an address the first account may never have had).
        if reviews == "keep" and (own or user.earlier_account_id is not None):
            remember_address(session, user)
        else:
            forget_addresses(session, user)  # nothing kept for a next account to share a voice with
        _erase_personal_rows(session, user)
        # with nothing written there was nothing to keep or remove: the log says only that the account went
        session.add(AuditEntry(actor_id=user.id, action="delete_account", target_type="user", target_id=user.id,
                               reason=reviews if own or replies else "", note="", created_at=now))
        _erase_user(user, _free_erased_address(session, user.id), now)
        session.flush()
        for review in own:
            enqueue(session, "review", review.id)  # removed, or re-indexed under the new name
        if gone:
            enqueue(session, "maker", maker.id)  # the drain finds no maker: its document is deleted
        for maker_id in sorted(affected):
            enqueue(session, "maker", maker_id)
            refresh_maker_score(session, maker_id, now=now, prepared=prepared.get(maker_id))
    return Deletion(choice=reviews, reviews=len(own), replies=len(replies), rescored=affected)


def _refuse_if_deleted(session: Session, user: User) -> None:
    """Under the write lock: a second request (a double click, another tab) read the account before the first
    deleted it; it must not delete it again (a second audit entry, or reviews the first request kept removed). The
    account's row stays locked to the commit, so on PostgreSQL a second deletion waits here and then reads it deleted."""
    reread_locked(session, user, "deleted_at")
    if user.deleted_at is not None:
        raise Conflict("This account is already deleted.")


def _prepare_scores(session: Session, user: User, choice: str, now: datetime) -> dict[int, MakerScoreWork]:
    """Before the write lock: the score of every maker the deletion concerns, as it will be afterwards.

    Only removed reviews change what the model sees (a kept review keeps its author's join date and
    confirmation); the write recomputes a maker only if a review of it changed meanwhile.
    """
    own = session.execute(select(Review.id, Review.maker_id).where(Review.author_id == user.id)).all()
    voted = session.scalars(select(Review.maker_id).join(HelpfulVote, HelpfulVote.review_id == Review.id)
                            .where(HelpfulVote.user_id == user.id))
    makers = {r.maker_id for r in own} | set(voted) | set(session.scalars(select(Maker.id)
                                                                          .where(Maker.owner_id == user.id)))
    removed = own if choice == "remove" else []
    return {maker_id: prepare_maker_score(session, maker_id, {r.id: None for r in removed if r.maker_id == maker_id},
                                          now) for maker_id in makers}


def _drop_votes(session: Session, user: User) -> set[int]:
    """Delete the user's helpful votes and lower the counts they added; the makers concerned."""
    voted = list(session.scalars(select(HelpfulVote.review_id).where(HelpfulVote.user_id == user.id)))
    if not voted:
        return set()
    session.execute(delete(HelpfulVote).where(HelpfulVote.user_id == user.id))
    session.execute(update(Review).where(Review.id.in_(voted)).values(helpful_count=Review.helpful_count - 1))
    return set(session.scalars(select(Review.maker_id).where(Review.id.in_(voted))))


def _remove_replies(session: Session, reply_ids: list[int]) -> None:
    if reply_ids:
        session.execute(delete(ReplyRevision).where(ReplyRevision.reply_id.in_(reply_ids)))
        session.execute(delete(Reply).where(Reply.id.in_(reply_ids)))


def _remove_own_replies(session: Session, own: list) -> None:
    """The account's replies (id, review_id) go, and the buyers' notifications that quote them: the reviews stay."""
    forget_replies(session, [r.review_id for r in own])
    _remove_replies(session, [r.id for r in own])


def _remove_reviews(session: Session, review_ids: list[int]) -> None:
    """Delete reviews with everything hanging off them; the audit log keeps the moderation record."""
    if not review_ids:
        return
    # The reviews first, then what hangs off them: a reply, vote or report written now locks its review before its own
    # row (still_there.lock_review), so on PostgreSQL the two wait for each other in one order, never in a cycle.
    session.execute(select(Review.id).where(Review.id.in_(review_ids)).with_for_update())
    _remove_replies(session, list(session.scalars(select(Reply.id).where(Reply.review_id.in_(review_ids)))))
    # Ring-signal links too: signals are derived (the next `flask signals` run redraws them without these reviews).
    for model in (ReviewRevision, HelpfulVote, Flag, RingSignalReview):
        session.execute(delete(model).where(model.review_id.in_(review_ids)))
    forget_reviews(session, review_ids)  # the makers' "new review" notices quote them and link to them
    session.execute(delete(Review).where(Review.id.in_(review_ids)))
    session.expire_all()


def _has_no_reviews(session: Session, maker_id: int) -> bool:
    """Under the write lock: no review of the profile in any state (hidden and withdrawn ones are a moderator's and an
    author's). The maker row is locked first, so on PostgreSQL a review being written now (its foreign key holds the
    row) is committed and counted, and one written after waits and then finds the maker gone."""
    session.execute(select(Maker.id).where(Maker.id == maker_id).with_for_update())
    return session.scalar(select(Review.id).where(Review.maker_id == maker_id).limit(1)) is None


def _let_go_of_addresses(session: Session, maker: Maker) -> None:
    """The profile's addresses go free (held back a while), and with them the notices others got that name it, and
    its mail not sent yet."""
    addresses = [session.scalar(select(Maker.slug).where(Maker.id == maker.id)), *former_addresses(session, maker.id)]
    forget_maker(session, addresses, list(session.scalars(select(Review.id).where(Review.maker_id == maker.id))))
    _withdraw_unsent_mail(session, maker.id, addresses)
    forget_former_addresses(session, maker.id)
    release(session, maker.name, addresses)  # held back from other makers for a while (released_names)


def _anonymise_maker(session: Session, maker: Maker) -> None:
    """The profile stays (its reviews are about the work) under a former-maker address."""
    maker.name, maker.slug = FORMER_MAKER, former_address(session, maker.id)
    maker.location = maker.bio = maker.website = ""
    maker.accepts_custom, maker.lead_time_days = False, None  # it takes no orders: the custom filter must not list it


def _delete_maker(session: Session, maker: Maker) -> None:
    """A profile nobody reviewed goes, with every row derived from it: an empty "Former maker" would only clutter the
    listings and search. Its orders go too (no review used them; their invitations stop working), and the ring
    signals about it (derived: the next `flask signals` run finds nothing there). Listings are told to move on."""
    signals = select(RingSignal.id).where(RingSignal.maker_id == maker.id).scalar_subquery()
    session.execute(delete(RingSignalReview).where(RingSignalReview.signal_id.in_(signals)))
    for model in (RingSignal, MakerPageRow, MakerTrendRow, MakerScoreRow, Order):
        session.execute(delete(model).where(model.maker_id == maker.id))
    session.expunge(maker)
    session.execute(delete(Maker).where(Maker.id == maker.id))
    session.info.get(page_stamps.TOUCHED, set()).discard(maker.id)  # nothing left to render
    page_stamps.listings_changed(session)


def _withdraw_unsent_mail(session: Session, maker_id: int, addresses: list[str]) -> None:
    """Unsent mail about the maker's orders: its invitations (the profile takes no new reviews) and the notices that
    name it and link to its addresses (they go free)."""
    orders = session.execute(select(Order.token_hash, Order.buyer_email_key).where(Order.maker_id == maker_id)).all()
    mailer = mailer_for(session)
    if not orders or mailer is None:
        return
    hashes = {o.token_hash for o in orders}
    pages = re.compile("|".join(re.escape(mailer.link("makers.show", slug=a)) + r"(?![a-z0-9-])" for a in addresses))
    keys = sorted({o.buyer_email_key for o in orders})
    for start in range(0, len(keys), MAIL_BATCH):
        unsent = session.execute(select(OutgoingMail.id, OutgoingMail.body).where(
            OutgoingMail.sent_at.is_(None), OutgoingMail.to_email_key.in_(keys[start:start + MAIL_BATCH]))).all()
        about = [m.id for m in unsent if pages.search(m.body)
                 or hashes & {hash_token(t) for t in link_tokens(m.body, "/invite/")}]
        if about:
            session.execute(delete(OutgoingMail).where(OutgoingMail.id.in_(about)))


def _erase_personal_rows(session: Session, user: User) -> None:
    """Rows that exist only for this person, and their address wherever it is stored."""
    for model in (Notification, AccountToken, MailOptOut, LoginSession):
        session.execute(delete(model).where(model.user_id == user.id))
    session.execute(delete(OutgoingMail).where(_mail_for(user)))
    session.execute(update(Flag).where(Flag.user_id == user.id).values(note=""))
    erased = erased_address("erased-buyer", user.id)  # a Core update skips the model's validator: key it here
    session.execute(update(Order).where(_orders_for(user))
                    .values(buyer_email=erased, buyer_email_key=email_key(erased)))


def _free_erased_address(session: Session, user_id: int) -> str:
    """deleted-<id>@deleted.invalid, or deleted-<id>-<n>@ when an account made before that domain was refused
    (emails.address_problem) holds it: the deletion must not fail on the unique address, and that account keeps its."""
    base = erased_address("deleted", user_id)
    local, _, domain = base.partition("@")
    taken = set(session.scalars(select(User.email_key).where(User.email_key.like(f"{local}%"), User.id != user_id)))
    return next(a for a in (base, *(f"{local}-{n}@{domain}" for n in range(2, len(taken) + 3)))
                if email_key(a) not in taken)


def _erase_user(user: User, address: str, now: datetime) -> None:
    user.email = address
    user.display_name = FORMER_MEMBER
    user.password_hash = "!deleted"  # matches no password
    user.is_moderator = False
    user.deleted_at = now
    user.session_version = User.session_version + 1
