"""Orders recorded by makers, their one-time invitations, and verified reviews."""
from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, and_, case, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db import reread_locked, write_transaction
from ..emails import email_key, mailbox_key, normalise_email
from ..errors import Conflict, DomainError, InvalidInput, NotFound, PermissionDenied, Problems
from ..models import ORDER_TYPES, PRICE_BANDS, Maker, Order, Review, User, as_utc, utcnow
from ..permissions import MAKER_LEFT, can_send_invitations, maker_has_left, owns_address, owns_maker
from ..text import label_key, one_line
from . import notifications
from .accounts import check_email
from .mail import MailBackend
from .mail_render import render_mail
from .reviews import (
    ORDER_TYPE_MESSAGE,
    ReviewInput,
    check_can_review,
    check_dates,
    insert_review,
    prepare_insert,
    validated_review,
    with_order_facts,
)
from .still_there import lock_actor, lock_open_maker

INVITATION_DAYS = 90
ITEM_MESSAGE = "Describe the item in 2 to 200 characters."
ITEM_LINK_MESSAGE = "Describe the item without a web address: the invitation mail quotes it to the buyer."
UNCONFIRMED_SENDER = ("Confirm your email address before recording orders: each order mails the buyer an invitation "
                      "in the site's name, which only accounts with a confirmed address may send. The confirmation "
                      "link can be sent again from your account page.")
# A web address in an item name would reach the buyer's inbox inside the site's own mail, where mail programs make
# links of it: a scheme ("https://"), or a host name (words joined by dots, ending in two letters or more: "1.5 m",
# "v2.0" and "no. 3" are none).
WEB_ADDRESS = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\b)")
STOCK_ONLY_HINT = ("Your profile says you are not taking custom orders: tick \"I accept custom orders\" under Edit profile to "
                   "record one.")
STOCK_ONLY_MESSAGE = ("Your profile says you are not taking custom orders. Tick \"I accept custom orders\" under Edit "
                      "profile first, or, if it was a stock item, record it as one.")


@dataclass
class OrderInput:
    """What the maker records about an order."""

    buyer_email: str
    item: str
    order_type: str
    price_band: str
    ordered_on: date
    promised_by: date | None = None


def hash_token(token: str) -> str:
    """Only token hashes are stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def validated_order(actor: User, data: OrderInput, today: date, session: Session | None = None,
                    maker: Maker | None = None) -> dict:
    """The columns an order stores; InvalidInput naming every field with a problem at once. Given the maker, a new
    custom order from a maker whose profile takes none is one of them; given a session too, an order of theirs already
    reviewed is one (read here to be reported with the rest; record_order checks it again under the lock)."""
    email = normalise_email(data.buyer_email)
    with Problems() as problems:
        problems.check(check_email, email, field="buyer_email")
        if not problems.on("buyer_email"):  # an address that is none is not compared with the maker's
            problems.check(check_not_own_address, actor, email)
        item = problems.check(_check_item, data.item)
        if data.order_type not in ORDER_TYPES:
            problems.add(ORDER_TYPE_MESSAGE, "order_type")
        if data.price_band not in PRICE_BANDS:
            problems.add("Choose a price band.", "price_band")
        problems.check(check_dates, data.ordered_on, data.promised_by, None, today)
        same = None
        if (session is not None and maker is not None and data.ordered_on is not None
                and not problems.on("buyer_email", "item", "ordered_on")):
            same = problems.check(_reusable_order, session, maker.id, {"buyer_email": email, "item": item,
                                                                       "ordered_on": data.ordered_on})
            if same is not None:  # it keeps its recorded name: the new link's mail quotes what the buyer's page says
                item = same.item
        # A commission recorded while the maker took them may still be sent again (a lost link) once it does not.
        if (data.order_type == "custom" and maker is not None and not maker.accepts_custom
                and not (same is not None and same.order_type == "custom")):
            problems.add(STOCK_ONLY_MESSAGE, "order_type")
    return {"buyer_email": email, "item": item, "order_type": data.order_type,
            "price_band": data.price_band, "ordered_on": data.ordered_on, "promised_by": data.promised_by}


def _check_item(value: str) -> str:
    item = one_line(value)
    if not 2 <= len(item) <= 200:
        raise InvalidInput(ITEM_MESSAGE, field="item")
    if WEB_ADDRESS.search(item):
        raise InvalidInput(ITEM_LINK_MESSAGE, field="item")
    return item


def check_can_record_orders(actor: User, maker: Maker) -> None:
    """PermissionDenied unless the actor may record this maker's orders (permissions.can_send_invitations)."""
    if not owns_maker(actor, maker):
        raise PermissionDenied("Only the maker can record orders.")
    if not can_send_invitations(actor, maker):
        raise PermissionDenied(UNCONFIRMED_SENDER)


class InvitationRefused(PermissionDenied):
    """The invitation is open, but not for this account; `reason` is 'other_address' or 'unconfirmed'."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


def check_not_own_address(actor: User, buyer_email: str) -> None:
    """A maker records orders for buyers: not for its own mailbox, under any spelling or "+tag" sub-address."""
    if mailbox_key(buyer_email) == mailbox_key(actor.email):
        raise InvalidInput("That is your own address (or a +sub-address of it): record orders for your buyers' "
                           "addresses.", field="buyer_email")


def _same_order(session: Session, maker_id: int, values: dict) -> Order | None:
    """The order already recorded for this buyer (any spelling of the address), item (any case or spacing) and order
    date, as stored now (not as an earlier read loaded it). The item is compared here, not in SQL: SQLite's lower()
    folds ASCII letters only."""
    candidates = session.scalars(select(Order).where(
        Order.maker_id == maker_id, Order.buyer_email_key == email_key(values["buyer_email"]),
        Order.ordered_on == values["ordered_on"]).execution_options(populate_existing=True))
    key = label_key(values["item"])
    return next((order for order in candidates if label_key(order.item) == key), None)


def _reusable_order(session: Session, maker_id: int, values: dict) -> Order | None:
    """The same order recorded before (see _same_order), if any; Conflict once its buyer has reviewed it."""
    order = _same_order(session, maker_id, values)
    if order is not None and order.used_at is not None:
        raise Conflict("You recorded this order before and its buyer has already reviewed it: one order gives "
                       "one verified review. Record a new purchase with its own item or date.")
    return order


def record_order(session: Session, actor: User, maker: Maker, data: OrderInput, mail: MailBackend,
                 invite_url: Callable[[str], str], now: datetime | None = None) -> tuple[Order, str]:
    """Record an order and mail its one-time invitation; returns the order and the link token.

    The same order recorded again (same buyer, item and order date, under any spelling: a lost link) keeps its one
    record and gets a fresh link, the earlier one stops working (its created_at stays that of the first recording);
    once its buyer has reviewed it, it is refused: one order, one verified review."""
    now = now or utcnow()
    check_can_record_orders(actor, maker)
    values = validated_order(actor, data, now.date(), session, maker)
    link = _Link.for_order(session, maker, values["buyer_email"], values["item"], invite_url)
    with write_transaction(session):
        lock_actor(session, actor)  # the account deleted (another tab) after the form was read: nothing recorded
        # the same order sent twice at once is recorded once, then re-linked; a profile deleted meanwhile: refused
        lock_open_maker(session, maker.id, exclusive=True)
        order = _reusable_order(session, maker.id, values)  # under the write lock: a refusal writes nothing
        if order is None:
            order = Order(maker_id=maker.id, created_at=now, **values)
            session.add(order)
        else:
            order.order_type, order.price_band, order.promised_by = (values["order_type"], values["price_band"],
                                                                    values["promised_by"])
        link.issue(session, order, mail, now)
    return order, link.token


@dataclass(frozen=True)
class _Link:
    """A fresh invitation link and everything sent with it, worked out before the write lock."""

    token: str
    subject: str
    text: str
    html: str
    notice: notifications.Notice | None

    @classmethod
    def for_order(cls, session: Session, maker: Maker, buyer_email: str, item: str,
                  invite_url: Callable[[str], str], renewed: bool = False) -> _Link:
        token = secrets.token_urlsafe(32)
        subject = f"{'A new link to review' if renewed else 'Review'} your order from {maker.name}"
        text, html = render_mail("invitation", subject=subject, maker_name=maker.name, item=item,
                                 link=invite_url(token), days=INVITATION_DAYS, renewed=renewed)
        return cls(token, subject, text, html,
                   notifications.invitation_notice(session, maker, buyer_email, item, renewed=renewed))

    def issue(self, session: Session, order: Order, mail: MailBackend, now: datetime) -> None:
        """Inside the write transaction: the order takes this link (any earlier one stops working) and it is mailed."""
        order.token_hash, order.expires_at = hash_token(self.token), now + timedelta(days=INVITATION_DAYS)
        mail.send(session, to=order.buyer_email, subject=self.subject, body=self.text, html=self.html)
        notifications.record_notice(session, self.notice)


NOT_THE_MAKERS_ORDER = "That order is not one of this maker's recorded orders."


class AlreadyRenewed(Conflict):
    """The link a request for a new one named was replaced meanwhile (a second click, another tab): nothing is sent."""


def link_version(order: Order) -> str:
    """A stamp of the order's current link, not the link itself: the dashboard's "Send a new link" names the link it
    replaces, so a second click that arrives after the first was served replaces, and mails, nothing more."""
    return hashlib.sha256((order.token_hash or "").encode()).hexdigest()[:16]


def _check_unreviewed(order: Order) -> None:
    if order.used_at is not None:
        raise Conflict("The buyer has already reviewed this order: its link is spent, and one order gives one "
                       "verified review.")
    if order.buyer_erased:
        raise Conflict("The buyer of this order has deleted their account, so there is nobody to send a link to.")


def _unreviewed_order(session: Session, maker: Maker, order_id: int) -> Order:
    """One of the maker's orders whose buyer has not reviewed it yet (else NotFound, or Conflict once reviewed)."""
    order = session.scalar(select(Order).where(Order.id == order_id, Order.maker_id == maker.id))
    if order is None:
        raise NotFound(NOT_THE_MAKERS_ORDER)
    _check_unreviewed(order)
    return order


def renew_invitation(session: Session, actor: User, maker: Maker, order_id: int, mail: MailBackend,
                     invite_url: Callable[[str], str], replaces: str | None = None,
                     now: datetime | None = None) -> tuple[Order, str]:
    """A new link for an order not reviewed yet (the buyer lost the mail, or the link expired): mailed to the buyer,
    who is told it replaces the earlier one, and good for INVITATION_DAYS again. Returns the order and the token.

    `replaces` (link_version of the link the maker saw): AlreadyRenewed, and nothing sent, if that link was replaced
    meanwhile."""
    now = now or utcnow()
    check_can_record_orders(actor, maker)
    order = _unreviewed_order(session, maker, order_id)
    link = _Link.for_order(session, maker, order.buyer_email, order.item, invite_url, renewed=True)
    with write_transaction(session):
        lock_actor(session, actor)
        lock_open_maker(session, maker.id)  # deleted with its account, and its orders with it: nothing mailed
        reread_locked(session, order, "used_at", "token_hash")  # reviewed or renewed meanwhile: checked under the lock
        _check_unreviewed(order)
        if replaces is not None and link_version(order) != replaces:
            raise AlreadyRenewed(f"A new link for this order was sent a moment ago (a second click, or another tab): "
                                 f"{order.buyer_email} has it, and it is the one that works.")
        link.issue(session, order, mail, now)
    return order, link.token


def find_invitation(session: Session, token: str, now: datetime | None = None) -> Order:
    """The open order behind an invitation token; NotFound when unknown, used or expired."""
    now = now or utcnow()
    # As stored now (a re-check under the write lock must not read the order its request loaded before)
    order = session.scalar(select(Order).where(Order.token_hash == hash_token(token or ""))
                           .execution_options(populate_existing=True))
    if order is None:
        raise NotFound("This invitation link is not valid: check that you copied all of it, or use the newest link the "
                       "maker sent you (a new link replaces the earlier one).")
    if order.used_at is not None:
        raise NotFound("This invitation link has already been used.")
    if as_utc(order.expires_at) < now:
        raise NotFound(f"This invitation link has expired (a link works for {INVITATION_DAYS} days). Ask the maker who "
                       "sent it for a new one: makers can send a new link from their own dashboard.")
    return order


def check_can_redeem(actor: User, order: Order) -> None:
    """Only the invited buyer redeems: an account whose confirmed address is the order's buyer address."""
    check_can_review(actor, order.maker)
    if actor.email_key != order.buyer_email_key:  # the one key accounts are unique on
        raise InvitationRefused("This invitation link belongs to another email address: only the buyer the maker "
                                "recorded it for can use it.", "other_address")
    if not owns_address(actor):
        # Under the page's heading "Confirm your email address first", which the message does not repeat.
        raise InvitationRefused("This invitation is for your address, and it works once you have confirmed that the "
                                "address is yours.", "unconfirmed")


def closed_to_everyone(session: Session, token: str, now: datetime | None = None) -> DomainError | None:
    """Why an invitation link works for nobody, whoever logs in: unknown, expired, or its maker has left. None when it
    may work for someone, or was used (its buyer, logged in, is shown the review written through it)."""
    try:
        order = find_invitation(session, token, now)
    except NotFound as dead:
        used = session.scalar(select(Order.used_at).where(Order.token_hash == hash_token(token or "")))
        return None if used is not None else dead
    return PermissionDenied(MAKER_LEFT) if maker_has_left(order.maker) else None


def redeemable_invitation(session: Session, actor: User, token: str, now: datetime | None = None) -> Order:
    """The open order behind `token`, if `actor` is the invited buyer (else a domain error)."""
    order = find_invitation(session, token, now)
    check_can_redeem(actor, order)
    return order


def redeemed_review(session: Session, actor: User, token: str) -> Review | None:
    """The actor's review written through this invitation once it is spent (a form sent again from a second tab)."""
    return session.scalar(select(Review).join(Order, Order.id == Review.order_id).where(
        Order.token_hash == hash_token(token or ""), Order.used_at.is_not(None), Review.author_id == actor.id))


def verified_values(order: Order, data: ReviewInput, today: date) -> dict:
    """A verified review's checked column values (validated_review), its order facts those the maker recorded but for
    the promised date the buyer states (with_order_facts)."""
    return validated_review(with_order_facts(data, order, order.promised_by), today, order.created_at.date(),
                            order.promised_by)


def submit_verified_review(session: Session, actor: User, token: str, data: ReviewInput,
                           now: datetime | None = None) -> Review:
    """A verified review bound to the invitation's order; the link is spent in the same transaction."""
    now = now or utcnow()
    order = redeemable_invitation(session, actor, token, now)
    values = verified_values(order, data, now.date())
    pending = prepare_insert(session, actor, order.maker, values, now, order_id=order.id)
    try:
        with write_transaction(session):
            # the buyer's or the maker's account deleted meanwhile: refused with the reason, not as "reviewed"
            lock_actor(session, actor)
            lock_open_maker(session, order.maker_id)
            order = redeemable_invitation(session, actor, token, now)  # re-check under the write lock
            order.used_at = now
            review = insert_review(session, pending, order.maker, actor, now)
    except IntegrityError as exc:
        raise Conflict("This order has already been reviewed.") from exc
    return review



def maker_orders_query(maker: Maker) -> Select:
    """The maker's recorded orders, newest first (the dashboard pages through them), each with the promised date its
    buyer gave in the verified review (`buyer_promise`; None until reviewed): the one counted, which may differ; and
    that review's id (`review_id`: None once a buyer deleting their account removed it, or before it was written).
    A hidden or withdrawn review's date is counted nowhere and is not the maker's to read: None then."""
    public = and_(Review.hidden_at.is_(None), Review.withdrawn_at.is_(None))
    return (select(Order, case((public, Review.promised_by)).label("buyer_promise"), Review.id.label("review_id"))
            .outerjoin(Review, Review.order_id == Order.id)  # one review an order at most (reviews.order_id is unique)
            .where(Order.maker_id == maker.id).order_by(Order.created_at.desc(), Order.id.desc()))
