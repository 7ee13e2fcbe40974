"""Writing, editing and withdrawing reviews."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from types import SimpleNamespace

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db import write_transaction
from ..errors import Conflict, InvalidInput, PermissionDenied, Problems
from ..models import ORDER_TYPES, PRICE_BANDS, Maker, Review, ReviewRevision, User, utcnow
from ..permissions import MAKER_LEFT, can_edit_review, can_review, maker_has_left
from ..text import clean_input, one_line
from . import notifications
from .drawn import ANY, Drawn, check_drawn
from .makers import MAX_LEAD_DAYS
from .review_effects import PreparedMaker, after_review_change, prepare_new_review, prepare_review_update
from .still_there import lock_actor, lock_open_maker, lock_review

MAX_BODY = 5000
MAX_TITLE = 120
RATINGS = ("craftsmanship", "consistency", "delivery")
RATING_MESSAGE = "Choose 1 to 5 stars."
TITLE_MESSAGE = f"The title must be 3 to {MAX_TITLE} characters."
BODY_MESSAGE = f"The review must be 10 to {MAX_BODY:,} characters."
ORDER_TYPE_MESSAGE = "Choose stock or custom order."
PRICE_BAND_MESSAGE = "Choose a price band from the list."
# Order dates further back are typos (year 1 for 2021) or probes, not purchases worth reviewing now; a
# promise may lie ahead, but no further than the longest lead time a maker can state.
ORDER_HISTORY_YEARS = 10
_ORDER_DATES = {"ordered_on": ("order date", 0), "promised_by": ("promised date", MAX_LEAD_DAYS),
                "delivered_on": ("delivery date", 0)}


@dataclass
class ReviewInput:
    """What a buyer submits; order facts are optional for unverified reviews."""

    craftsmanship: int
    consistency: int
    delivery: int
    title: str
    body: str
    order_type: str | None = None
    price_band: str | None = None
    ordered_on: date | None = None
    promised_by: date | None = None
    delivered_on: date | None = None


def _check_length(field: str, value: str, low: int, high: int, message: str, clean=clean_input) -> str:
    text = clean(value)
    if not low <= len(text) <= high:
        raise InvalidInput(message, field=field)
    return text


def _check_rating(name: str, value) -> None:
    if not isinstance(value, int) or not 1 <= value <= 5:
        raise InvalidInput(RATING_MESSAGE, field=name)


def earliest_order_date(today: date) -> date:
    """The oldest order, promise or delivery date accepted on `today`: ORDER_HISTORY_YEARS before it."""
    year = today.year - ORDER_HISTORY_YEARS
    return today.replace(year=year, day=28) if (today.month, today.day) == (2, 29) else today.replace(year=year)


def _check_date_range(field: str, value: date | None, earliest: date, today: date) -> None:
    name, days_ahead = _ORDER_DATES[field]
    if value is None:
        return
    if value < earliest:
        raise InvalidInput(f"The {name} must be within the last {ORDER_HISTORY_YEARS} years.", field=field)
    if value > today + timedelta(days=days_ahead):
        raise InvalidInput(f"The {name} cannot be more than {days_ahead // 365} years ahead." if days_ahead
                           else f"The {name} cannot be in the future.", field=field)


def check_dates(ordered_on: date | None, promised_by: date | None, delivered_on: date | None,
                today: date, written_on: date | None = None) -> None:
    """Order dates must be in order, not in the future (a promise at most MAX_LEAD_DAYS ahead), and
    at most ORDER_HISTORY_YEARS before the day the review or order was first written (`written_on`, else today)."""
    earliest = earliest_order_date(written_on or today)
    with Problems() as problems:
        for field, value in (("ordered_on", ordered_on), ("promised_by", promised_by),
                             ("delivered_on", delivered_on)):
            problems.check(_check_date_range, field, value, earliest, today)
        # A date already refused for its range is not compared: one message a field, the one to act on.
        for field, later in (("delivered_on", delivered_on), ("promised_by", promised_by)):
            if ordered_on and later and not problems.on("ordered_on", field):
                problems.check(_check_after_order, field, later, ordered_on)


def _check_after_order(field: str, later: date, ordered_on: date) -> None:
    if later < ordered_on:
        name = _ORDER_DATES[field][0]
        raise InvalidInput(f"The {name} ({later.isoformat()}) cannot be before the order date "
                           f"({ordered_on.isoformat()}).", field=field)


def _check_choices(data: ReviewInput) -> None:
    with Problems() as problems:
        if data.order_type and data.order_type not in ORDER_TYPES:
            problems.add(ORDER_TYPE_MESSAGE, "order_type")
        if data.price_band and data.price_band not in PRICE_BANDS:
            problems.add(PRICE_BAND_MESSAGE, "price_band")


def _check_promise_within_record(promised_by: date | None, recorded: date | None) -> None:
    if promised_by and recorded and promised_by > recorded:
        raise InvalidInput(f"The promised date ({promised_by.isoformat()}) cannot be later than the one the maker "
                           f"recorded ({recorded.isoformat()}): enter the date you were told if it was earlier, or "
                           "keep the maker's.", field="promised_by")


def validated_review(data: ReviewInput, today: date, written_on: date | None = None,
                     recorded_promise: date | None = None) -> dict:
    """Check a submission's shape and rules, reporting every field's problem at once; the column values to store
    (`written_on`: see check_dates). A verified review's promised date may be earlier than the one its maker recorded
    (`recorded_promise`), not later: the buyer's date is there to hold the maker to what was promised, and a later one
    would only flatter a record the maker never claimed."""
    with Problems() as problems:
        for name in RATINGS:
            problems.check(_check_rating, name, getattr(data, name))
        title = problems.check(_check_length, "title", data.title, 3, MAX_TITLE, TITLE_MESSAGE, one_line)
        body = problems.check(_check_length, "body", data.body, 10, MAX_BODY, BODY_MESSAGE)
        problems.check(_check_choices, data)
        problems.check(check_dates, data.ordered_on, data.promised_by, data.delivered_on, today, written_on)
        if not problems.on("promised_by"):
            problems.check(_check_promise_within_record, data.promised_by, recorded_promise)
    values = {f.name: getattr(data, f.name) for f in fields(ReviewInput)}
    values.update(title=title, body=body, order_type=data.order_type or None, price_band=data.price_band or None)
    return values


@dataclass(frozen=True)
class PendingReview:
    """A new review worked out before the write lock: its id and columns, the maker as it will be, its notice."""

    review_id: int
    values: dict
    order_id: int | None
    maker: PreparedMaker
    notice: notifications.Notice | None


def prepare_insert(session: Session, actor: User, maker: Maker, values: dict, now: datetime,
                   order_id: int | None = None) -> PendingReview:
    """Before the write lock: the id a new review will take, the maker as it will be, the maker's mail."""
    review_id = _reserve_review_id(session)
    prepared = prepare_new_review(session, review_id, actor, maker.id, values, now, order_id)
    notice = notifications.review_posted_notice(session, SimpleNamespace(id=review_id, maker=maker, **values))
    return PendingReview(review_id, values, order_id, prepared, notice)


def insert_review(session: Session, pending: PendingReview, maker: Maker, actor: User, now: datetime) -> Review:
    """Under the write lock: store a prepared new review, its side effects and the maker's notification.

    The prepared score and mail are used as they are unless the review could not keep its reserved id.
    """
    kept_id = session.get(Review, pending.review_id) is None  # SQLite: another write may have taken it
    review = Review(id=pending.review_id if kept_id else None, maker_id=maker.id, author_id=actor.id,
                    order_id=pending.order_id, created_at=now, updated_at=now, **pending.values)
    session.add(review)
    after_review_change(session, review, now, pending.maker if kept_id else None)
    notifications.record_notice(session, pending.notice if kept_id else
                                notifications.review_posted_notice(session, review))
    return review


def check_can_review(actor: User, maker: Maker) -> None:
    """PermissionDenied, with the reason, unless `actor` may review `maker` (the review form, submit_review and
    invitations share it)."""
    if maker_has_left(maker):
        raise PermissionDenied(MAKER_LEFT)
    if not can_review(actor, maker):
        raise PermissionDenied("You cannot review your own maker profile.")


def submit_review(session: Session, actor: User, maker: Maker, data: ReviewInput,
                  now: datetime | None = None) -> Review:
    """An unverified review: one per buyer and maker, never of one's own profile.

    Checks, the maker's new score and the notification mail are worked out before the write
    transaction; under the write lock the rows are written (and the score recomputed only if its
    inputs changed meanwhile, the mail rendered again only if the review could not keep its id).
    """
    now = now or utcnow()
    check_can_review(actor, maker)
    values = validated_review(data, now.date())
    _refuse_second_review(session, actor, maker)
    pending = prepare_insert(session, actor, maker, values, now)
    try:
        with write_transaction(session):
            # the author's or the maker's account deleted after the form was read: refused, nothing written
            lock_actor(session, actor)
            lock_open_maker(session, maker.id)
            _refuse_second_review(session, actor, maker)
            review = insert_review(session, pending, maker, actor, now)
    except IntegrityError as exc:
        # Only a concurrent duplicate is a conflict; any other integrity error is a bug.
        if _existing_unverified(session, actor.id, maker.id) is None:
            raise
        raise Conflict("You have already reviewed this maker; edit your review instead.") from exc
    return review


def _refuse_second_review(session: Session, actor: User, maker: Maker) -> None:
    if _existing_unverified(session, actor.id, maker.id):
        raise Conflict("You have already reviewed this maker; edit your review instead.")


def _reserve_review_id(session: Session) -> int:
    """The id the next review will have: drawn from PostgreSQL's sequence; on SQLite the next free one."""
    if session.get_bind().dialect.name == "postgresql":
        return session.scalar(text("SELECT nextval(pg_get_serial_sequence('reviews', 'id'))"))
    return (session.scalar(select(func.max(Review.id))) or 0) + 1


def _existing_unverified(session: Session, author_id: int, maker_id: int) -> int | None:
    return session.scalar(select(Review.id).where(
        Review.author_id == author_id, Review.maker_id == maker_id, Review.order_id.is_(None)))


def _save_revision(session: Session, review: Review) -> None:
    number = review.revision_count + 1
    session.add(ReviewRevision(
        review_id=review.id, number=number, title=review.title, body=review.body,
        craftsmanship=review.craftsmanship, consistency=review.consistency, delivery=review.delivery,
        promised_by=review.promised_by, delivered_on=review.delivered_on, written_at=review.updated_at))
    review.revision_count = number


EDITED_MEANWHILE = ("Your review was changed after this page was opened (in another tab, say), so this was not saved. "
                    "It now reads as shown above; what you typed is below: save it again to replace that.")


def edit_review(session: Session, actor: User, review: Review, data: ReviewInput,
                now: datetime | None = None, drawn: Drawn = ANY) -> Review:
    """Edit a review, keeping the earlier version; order facts of verified reviews stay fixed. `drawn`: the
    revision_count the form was drawn from (drawn.py); a Conflict if the review was edited since."""
    now = now or utcnow()
    if not can_edit_review(actor, review):
        raise PermissionDenied("Only the author can edit this review.")
    values = edit_values(review, data, now.date())
    if _unchanged(review, values):
        return review  # saved unchanged: no copy in its history, no "edited" mark, no notice to the maker
    prepared = prepare_review_update(session, review.id, now, **values)
    # A hidden or withdrawn review is public to nobody, its maker included: an edit to it is not quoted to the maker.
    notice = (notifications.review_edited_notice(session, SimpleNamespace(id=review.id, maker=review.maker, **values))
              if review.is_visible else None)
    with write_transaction(session):
        lock_actor(session, actor)
        lock_review(session, review)  # an edit sent twice at once (a double click): the first is stored by now
        if _unchanged(review, values):
            return review
        check_drawn(drawn, review.revision_count, EDITED_MEANWHILE)
        _save_revision(session, review)
        for key, value in values.items():
            setattr(review, key, value)
        review.updated_at = now
        after_review_change(session, review, now, prepared)
        notifications.record_notice(session, notice if review.is_visible else None)  # hidden meanwhile: not told
    return review


def edit_values(review: Review, data: ReviewInput, today: date) -> dict:
    """An edit's checked column values (validated_review); a verified review keeps the order facts recorded, but for
    the promised date, which its buyer may correct (left empty: the maker's recorded date)."""
    if not review.has_order:
        return validated_review(data, today, first_written_on(review))
    recorded = review.recorded_promise
    return validated_review(with_order_facts(data, review, recorded), today, first_written_on(review), recorded)


def _unchanged(review: Review, values: dict) -> bool:
    return all(getattr(review, key) == value for key, value in values.items())


def first_written_on(review: Review) -> date:
    """The day a review's order facts were first written: its order's, else its own (dates are bounded from it)."""
    return (review.order.created_at if review.order is not None else review.created_at).date()


def with_order_facts(data: ReviewInput, source, recorded_promise: date | None) -> ReviewInput:
    """The buyer's ratings, text and dates with the other order facts taken from the maker's record (an Order or a
    verified Review). The promised date is the buyer's: the maker types its own record, and a date set far out would
    count every order on time. Left empty, it is the one the maker recorded (`recorded_promise`)."""
    return ReviewInput(
        craftsmanship=data.craftsmanship, consistency=data.consistency, delivery=data.delivery,
        title=data.title, body=data.body, order_type=source.order_type, price_band=source.price_band,
        ordered_on=source.ordered_on, promised_by=data.promised_by or recorded_promise,
        delivered_on=data.delivered_on)


def set_withdrawn(session: Session, actor: User, review: Review, withdrawn: bool,
                  now: datetime | None = None) -> Review:
    """The author withdraws (hides) or republishes their review; nothing is deleted."""
    now = now or utcnow()
    if not can_edit_review(actor, review):
        raise PermissionDenied(f"Only the author can {'withdraw' if withdrawn else 'republish'} this review.")
    if (review.withdrawn_at is not None) == withdrawn:
        return review  # already so (a second tab, a double click): the date it was withdrawn stays, nothing is redone
    withdrawn_at = now if withdrawn else None
    prepared = prepare_review_update(session, review.id, now, withdrawn_at=withdrawn_at)
    with write_transaction(session):
        lock_actor(session, actor)
        lock_review(session, review, "withdrawn_at")  # sent twice at once: the first date stays
        if (review.withdrawn_at is not None) == withdrawn:
            return review
        review.withdrawn_at = withdrawn_at
        after_review_change(session, review, now, prepared)
    return review


def review_history(session: Session, review: Review) -> list[ReviewRevision]:
    """Earlier versions of a review, newest first."""
    return list(session.scalars(select(ReviewRevision).where(ReviewRevision.review_id == review.id)
                                .order_by(ReviewRevision.number.desc())))
