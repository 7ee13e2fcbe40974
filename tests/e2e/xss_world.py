"""A world whose every user text field carries the XSS payloads, arranged through the services.

Each payload `n` goes through every field. Fields that name one thing (display names, maker names,
locations, titles, single review bodies, bios) get one payload per record: user `n` with maker `n`,
and review `n` of the hub maker. Long fields (the hub's bio, websites, replies, notes, edited bodies,
order items, buyer addresses) carry several payloads each, up to the length their form allows, so few
writes and few page loads cover them all. A value is the payload plus a tag (` #mn7`) naming its field and number, so the
test can tell which field each payload reached a page through.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from craftreview import search
from craftreview.models import CRAFTS, OutgoingMail, Review, User
from craftreview.services import accounts, engagement, moderation, replies
from craftreview.services import makers as maker_service
from craftreview.services import orders as order_service
from craftreview.services import reviews as review_service
from craftreview.services.mail import make_mail_backend
from craftreview.services.orders import WEB_ADDRESS
from craftreview.text import clean_input

from .conftest import MODERATOR_EMAIL
from .ui import PASSWORD, unique
from .xss_payloads import PAYLOADS, payload

FIELDS: dict[str, str] = {
    "dn": "display name", "mn": "maker name", "lo": "maker location", "bi": "maker bio",
    "ws": "maker website", "ti": "review title", "bo": "review body", "be": "edited review body",
    "re": "reply", "fn": "flag note", "hn": "hide note", "rn": "restore note", "dd": "dismiss note",
    "sr": "suspension reason", "it": "order item", "em": "buyer email",
}
# How much one value of a packed field may hold: what its form accepts.
WEBSITE = "https://x.example/"
PACKED_LIMITS = {"bi": 5000, "ws": 300 - len(WEBSITE), "re": 3000, "fn": 1000, "hn": 1000, "rn": 1000, "dd": 1000, "sr": 1000, "be": 5000,
                 "it": 200, "em": 240}
PACKED_SEPARATORS = {"bi": "\n\n", "re": "\n\n", "be": "\n", "it": " ", "em": " "}


_AT = re.compile("[@\uff20\ufe6b]")


def value(code: str, number: int) -> str:
    """Payload `number` as placed in field `code` (an order's item with its web addresses replaced: items may not hold
    one, since the invitation mail quotes them)."""
    text = f"{payload(number)} #{code}{number}"
    if code == "em":  # an address holds one @, however it is written (＠ and ﹫ read as @ once normalised)
        return _AT.sub("(at)", text)
    return WEB_ADDRESS.sub("link", text) if code == "it" else text


def shown(code: str, number: int) -> str:
    """What a page must show for that value when it is escaped: the text as stored."""
    text = clean_input(value(code, number))
    return unicodedata.normalize("NFKC", text).lower() if code == "em" else text  # as emails.normalise_email stores it


def packed(code: str) -> list[str]:
    """Every payload's value for field `code`, joined into as few values as the field's limit allows."""
    limit, separator = PACKED_LIMITS[code], PACKED_SEPARATORS.get(code, " ")
    chunks: list[str] = []
    for number in range(len(PAYLOADS)):
        piece = value(code, number)
        if chunks and len(chunks[-1]) + len(separator) + len(piece) <= limit:
            chunks[-1] += separator + piece
        else:
            chunks.append(piece)
    return chunks


@dataclass
class PayloadWorld:
    """Ids and addresses of the arranged records; `users[n]` owns `makers[n]` and wrote `reviews[n]`.

    The hub maker's bio holds every payload; the first makers' websites hold several each."""

    hub_slug: str
    hub_owner: int
    buyer: int
    moderator: int
    users: list[int] = field(default_factory=list)
    makers: list[str] = field(default_factory=list)
    reviews: list[int] = field(default_factory=list)
    moderated: list[int] = field(default_factory=list)   # reviews carrying flag and moderation notes
    suspended: list[int] = field(default_factory=list)   # users suspended (then reinstated) with a reason
    invitations: list[str] = field(default_factory=list)  # tokens of the buyer's invitations, one per item chunk
    first_mail_id: int = 0


@contextmanager
def _cheap_passwords(password_hash: str) -> Iterator[None]:
    """One scrypt hash for every arranged account (the hash is not what these tests are about)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "hash_password", lambda _password: password_hash)
        yield


def _user(db, name: str, email: str | None = None) -> User:
    return accounts.register_user(db, email=email or f"{unique('xss')}@example.com", display_name=name,
                                  password=PASSWORD, email_confirmed=True)


def _review_input(title: str, body: str) -> review_service.ReviewInput:
    return review_service.ReviewInput(craftsmanship=4, consistency=3, delivery=2, title=title, body=body)


def arrange(app) -> PayloadWorld:
    """Place every payload in every field (through the services) and index the result."""
    with app.extensions["craftreview.sessions"]() as db, _cheap_passwords(accounts.hash_password(PASSWORD)):
        owner, buyer = _user(db, "Hub Owner"), _user(db, "Hana Buyer")
        hub = maker_service.create_maker(db, owner, maker_service.MakerInput(
            name=unique("Payload Hub "), slug=unique("payload-hub-"), craft="ceramics", location="Leeds, United Kingdom",
            bio=packed("bi")[0], website="", accepts_custom=True, lead_time_days=30))
        moderator = accounts.find_user_by_email(db, MODERATOR_EMAIL)
        world = PayloadWorld(hub_slug=hub.slug, hub_owner=owner.id, buyer=buyer.id, moderator=moderator.id,
                             first_mail_id=db.scalar(select(func.max(OutgoingMail.id))) or 0)
        crafts = list(CRAFTS)
        for number in range(len(PAYLOADS)):
            _payload_records(db, world, hub, number, crafts[number % len(crafts)])
        _replies(db, world, owner)
        _moderation(db, world, moderator)
        _orders(db, world, owner, buyer, app.config["MAIL_BACKEND"])
    search.drain(app)
    return world


def _payload_records(db, world: PayloadWorld, hub, number: int, craft: str) -> None:
    user = _user(db, value("dn", number))
    websites = packed("ws")
    maker = maker_service.create_maker(db, user, maker_service.MakerInput(
        name=value("mn", number), slug=unique("xss-"), craft=craft, location=value("lo", number),
        bio=value("bi", number), website=WEBSITE + websites[number] if number < len(websites) else "",
        accepts_custom=False))
    review = review_service.submit_review(db, user, hub, _review_input(value("ti", number), value("bo", number)))
    world.users.append(user.id)
    world.makers.append(maker.slug)
    world.reviews.append(review.id)


def _replies(db, world: PayloadWorld, owner: User) -> None:
    for index, body in enumerate(packed("re")):
        replies.save_reply(db, owner, _review(db, world, index), body)


def _review(db, world: PayloadWorld, index: int):
    return db.get(Review, world.reviews[index])


def _moderation(db, world: PayloadWorld, moderator: User) -> None:
    """Flag, hide, restore and dismiss with packed notes; one flag stays open so the queue shows each."""
    first, second = _user(db, "Fay Flagger"), _user(db, "Gus Flagger")
    notes = zip(packed("fn"), packed("hn"), packed("rn"), packed("dd"), strict=True)
    for index, (flag_note, hide_note, restore_note, dismiss_note) in enumerate(notes):
        review = _review(db, world, index)
        engagement.flag_review(db, second, review, "spam")
        moderation.hide_review(db, moderator, review, "spam", hide_note)
        moderation.restore_review(db, moderator, review, restore_note)
        engagement.flag_review(db, second, review, "spam")
        moderation.dismiss_flags(db, moderator, review, dismiss_note)
        engagement.flag_review(db, first, review, "other", flag_note)
        world.moderated.append(review.id)
    # The first moderated review is edited after its flag: the moderator sees both versions.
    review = _review(db, world, 0)
    review_service.edit_review(db, db.get(User, review.author_id), review, _review_input(review.title,
                                                                                         packed("be")[0]))
    for index, reason in enumerate(packed("sr")):
        target = world.users[-1 - index]
        accounts.set_suspended(db, moderator, target, True, reason)
        accounts.set_suspended(db, moderator, target, False, reason)
        world.suspended.append(target)


def _orders(db, world: PayloadWorld, owner: User, buyer: User, backend_name: str) -> None:
    """Makers invite the hub buyer (items carry payloads); the hub invites payload addresses."""
    mail, today = make_mail_backend(backend_name), date.today()

    def record(actor: User, maker, email: str, item: str) -> str:
        return order_service.record_order(db, actor, maker, order_service.OrderInput(
            buyer_email=email, item=item, price_band="25-100",
            order_type="custom" if maker.accepts_custom else "stock",
            ordered_on=today - timedelta(days=3)), mail, invite_url=lambda token: f"/invite/{token}")[1]

    for index, item in enumerate(packed("it")):
        maker = maker_service.get_maker_by_slug(db, world.makers[index])
        world.invitations.append(record(db.get(User, world.users[index]), maker, buyer.email, item))
    hub = maker_service.get_maker_by_slug(db, world.hub_slug)
    for address in packed("em"):
        record(owner, hub, address + "@x.example", "A plain mug")
