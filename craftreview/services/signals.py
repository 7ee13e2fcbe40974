"""Ring signals: load facts, run the detectors, store findings; the moderators' page; scoring's view.

Signals inform moderators and (as weaker provenance) the scoring model; they never hide anything.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Select, delete, distinct, func, insert, literal, select
from sqlalchemy.orm import Session

from ..db import lock_row
from ..durations import span_words
from ..models import JobRun, Maker, Order, Review, RingSignal, RingSignalReview, User, as_utc, utcnow
from ..rings import (
    KINDS,
    ON_WRITE_KINDS,
    Facts,
    Finding,
    MakerFact,
    OrderFact,
    ReviewFact,
    detect_all,
    detect_for_maker,
)
from .queries import VISIBLE
from .scores import refresh_maker_score

ON_WRITE_RECENT = 200  # after a write, the maker's latest reviews are enough for the maker-local detectors
SHOWN_REVIEWS = 12     # reviews and accounts per signal on the page; the rest are counted


def _review_query(with_text: bool = True) -> Select:
    # The maker-local detectors never read the text: leave it out after writes.
    body = Review.body if with_text else literal("")
    return (select(Review.id, Review.maker_id, Review.author_id, Review.created_at, Review.craftsmanship,
                   Review.consistency, Review.delivery, body, Review.order_id, User.created_at)
            .join(User, User.id == Review.author_id).where(*VISIBLE))


def _review_facts(rows) -> list[ReviewFact]:
    return [ReviewFact(review_id=r[0], maker_id=r[1], author_id=r[2], created_at=as_utc(r[3]),
                       stars=(r[4] + r[5] + r[6]) / 3, body=r[7], order_id=r[8], author_joined=as_utc(r[9]))
            for r in rows]


def site_facts(session: Session, now: datetime) -> Facts:
    """Every public review, maker and order of the site."""
    makers = {m: MakerFact(m, as_utc(at)) for m, at in session.execute(select(Maker.id, Maker.created_at)).all()}
    return Facts(now=now, makers=makers, reviews=_review_facts(session.execute(_review_query())),
                 orders=_order_facts(session))


def _order_facts(session: Session) -> list[OrderFact]:
    """Every order with the account its buyer address belongs to (matched on the email key, as invitations are)."""
    rows = session.execute(select(Order.id, Order.maker_id, Order.created_at, User.id, User.created_at)
                           .outerjoin(User, User.email_key == Order.buyer_email_key))
    return [OrderFact(order_id=order_id, maker_id=maker_id, created_at=as_utc(at), buyer_id=buyer,
                      buyer_joined=as_utc(joined)) for order_id, maker_id, at, buyer, joined in rows]


def maker_facts(session: Session, maker_id: int, now: datetime, changed: dict | None = None) -> Facts:
    """One maker's latest public reviews, its whole-history review count, and its authors' maker counts.

    With `changed` (review id -> its facts once a pending write is stored, None if it will not be public),
    the facts as they will be after that write.
    """
    changed = changed or {}
    created = session.scalar(select(Maker.created_at).where(Maker.id == maker_id))
    untouched = Review.id.not_in(list(changed)) if changed else literal(True)
    rows = session.execute(_review_query(with_text=False).where(Review.maker_id == maker_id, untouched)
                           .order_by(Review.created_at.desc()).limit(ON_WRITE_RECENT))
    pending = [fact for fact in changed.values() if fact is not None]
    reviews = sorted(pending + _review_facts(rows), key=lambda f: f.created_at, reverse=True)
    authors = select(Review.author_id).where(Review.maker_id == maker_id).scalar_subquery()
    counts = dict(session.execute(select(Review.author_id, func.count(distinct(Review.maker_id)))
                                  .where(Review.author_id.in_(authors), untouched, *VISIBLE)
                                  .group_by(Review.author_id)).all())
    total = session.scalar(select(func.count(Review.id)).where(Review.maker_id == maker_id, untouched, *VISIBLE))
    for fact in pending:
        counts[fact.author_id] = _makers_with(session, fact.author_id, maker_id)
    return Facts(now=now, makers={maker_id: MakerFact(maker_id, as_utc(created))}, reviews=reviews[:ON_WRITE_RECENT],
                 author_makers=counts, review_counts={maker_id: (total or 0) + len(pending)})


def _makers_with(session: Session, author_id: int, maker_id: int) -> int:
    """Distinct makers the author's public reviews are about, counting `maker_id` too."""
    others = session.scalar(select(func.count(distinct(Review.maker_id)))
                            .where(Review.author_id == author_id, Review.maker_id != maker_id, *VISIBLE))
    return (others or 0) + 1


def _store(session: Session, findings: list[Finding], now: datetime) -> None:
    for finding in findings:
        signal = RingSignal(kind=finding.kind, maker_id=finding.maker_id, strength=finding.strength,
                            summary=finding.summary[:300], evidence_json=json.dumps(finding.evidence),
                            user_ids_json=json.dumps(list(finding.user_ids)), detected_at=now)
        session.add(signal)
        session.flush()
        if finding.review_ids:
            session.execute(insert(RingSignalReview), [{"signal_id": signal.id, "review_id": r}
                                                       for r in finding.review_ids])


def _delete(session: Session, condition) -> None:
    doomed = select(RingSignal.id).where(condition).scalar_subquery()
    session.execute(delete(RingSignalReview).where(RingSignalReview.signal_id.in_(doomed)))
    session.execute(delete(RingSignal).where(condition))


def _maker_findings(facts: Facts, maker_id: int) -> list[Finding]:
    return [f for f in detect_for_maker(facts) if f.maker_id == maker_id]


def prepare_maker_signals(session: Session, maker_id: int, changed: dict, now: datetime) -> list[Finding]:
    """Before the write transaction: the maker's cheap signals as they will be once the pending write is stored.

    refresh_maker_signals stores them as they are only when the caller has checked, under the lock,
    that the maker's public reviews are exactly those read here with `changed` applied.
    """
    return _maker_findings(maker_facts(session, maker_id, now, changed), maker_id)


def refresh_maker_signals(session: Session, maker_id: int, now: datetime | None = None,
                          prepared: list[Finding] | None = None) -> None:
    """Store one maker's cheap signals inside the caller's write transaction (`prepared`, else detected here)."""
    now = now or utcnow()
    # Two writers refreshing one maker on PostgreSQL would each delete the old rows and both insert:
    # queue them on the maker row (FOR NO KEY UPDATE, the lock the score refresh takes too).
    lock_row(session, Maker, maker_id)
    findings = prepared if prepared is not None else _maker_findings(maker_facts(session, maker_id, now), maker_id)
    _delete(session, (RingSignal.maker_id == maker_id) & RingSignal.kind.in_(ON_WRITE_KINDS))
    _store(session, findings, now)


def recompute_all(session: Session, now: datetime | None = None, rescore: bool = True) -> dict[str, int]:
    """Replace every stored signal with a fresh run of all detectors (caller owns the transaction).

    The model reads a review's ring signals as weaker provenance, so every maker whose implicated reviews changed
    is rescored here with the stored fit (rescore=False: the caller rescores every maker next).
    """
    now = now or utcnow()
    before = flagged_reviews(session) if rescore else set()
    findings = _as_deletions_left_them(session, detect_all(site_facts(session, now)))
    _delete(session, RingSignal.id.is_not(None))
    _store(session, findings, now)
    if rescore:
        for maker_id in sorted({maker_id for maker_id, _review in before ^ flagged_reviews(session)}):
            refresh_maker_score(session, maker_id, now=now)
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    _record_run(session, counts)
    return counts


LOCK_BATCH = 500  # ids per locking statement (SQLite's bound-parameter limit)


def _as_deletions_left_them(session: Session, findings: list[Finding]) -> list[Finding]:
    """The findings as an account deletion committed after the detectors read the site would have left them stored
    (it takes a removed review's links and a deleted maker's signals), not a foreign-key failure of the whole run.
    The rows that stay are key-share locked first, before the old signals are deleted (an account deletion locks
    its reviews before their links): a deletion starting now waits for this run, then takes them itself."""
    reviews = _locked_ids(session, Review, {r for f in findings for r in f.review_ids})
    makers = _locked_ids(session, Maker, {f.maker_id for f in findings if f.maker_id is not None})
    return [replace(f, review_ids=tuple(r for r in f.review_ids if r in reviews))
            for f in findings if f.maker_id is None or f.maker_id in makers]


def _locked_ids(session: Session, model, ids: set[int]) -> set[int]:
    """Of these ids of `model`, those still stored, each locked FOR KEY SHARE to the commit (PostgreSQL)."""
    ordered, found = sorted(ids), set()
    for start in range(0, len(ordered), LOCK_BATCH):
        found.update(session.scalars(select(model.id).where(model.id.in_(ordered[start:start + LOCK_BATCH]))
                                     .with_for_update(read=True, key_share=True)))
    return found


WHOLE_SITE_RUN = "signals"  # the job_runs row of recompute_all
# Past this the ring-signals page warns that the scheduled whole-site check may have stopped (docs/OPERATIONS.md
# runs it every six hours).
STALE_AFTER_HOURS = 24


def _record_run(session: Session, counts: dict[str, int]) -> None:
    found = sum(counts.values())
    summary = f"{found} signal{'' if found == 1 else 's'} found"
    session.merge(JobRun(name=WHOLE_SITE_RUN, finished_at=utcnow(), summary=summary))


@dataclass(frozen=True)
class LastCheck:
    """When the whole-site check last finished (None: never on this site), and whether that is past its schedule."""

    finished_at: datetime | None
    summary: str = ""
    ago: str = ""  # "5 hours ago"
    stale: bool = False


def last_check(session: Session, now: datetime | None = None) -> LastCheck:
    run = session.get(JobRun, WHOLE_SITE_RUN)
    if run is None:
        return LastCheck(None)
    finished = as_utc(run.finished_at)
    age = max(0.0, ((now or utcnow()) - finished).total_seconds())
    return LastCheck(finished, run.summary, f"{span_words(age)} ago", stale=age > STALE_AFTER_HOURS * 3600)


def flagged_reviews(session: Session, maker_ids=None) -> set[tuple[int, int]]:
    """(maker id, review id) of every review implicated in a current ring signal (optionally of these makers only):
    what the scoring model reads as ring_flagged."""
    query = (select(Review.maker_id, RingSignalReview.review_id).distinct()
             .join(Review, Review.id == RingSignalReview.review_id))
    if maker_ids is not None:
        query = query.where(Review.maker_id.in_(list(maker_ids)))
    return {(maker_id, review_id) for maker_id, review_id in session.execute(query)}



@dataclass
class SignalView:
    """One stored signal with what the page links to."""

    signal: RingSignal
    label: str
    maker: Maker | None
    evidence: list[tuple[str, str]]
    reviews: list[Review]
    accounts: list[User]
    more_reviews: int
    more_accounts: int = 0


@dataclass
class SignalsPage:
    items: list[SignalView]
    page: int
    has_next: bool
    kind: str
    counts: dict[str, int]
    checked: LastCheck


def signals_page(session: Session, page: int = 1, per_page: int = 25, kind: str = "") -> SignalsPage:
    """Stored signals, strongest first, one page at a time (a fixed six queries), and when the whole site was last
    checked."""
    kind = kind if kind in KINDS else ""
    query = select(RingSignal).order_by(RingSignal.strength.desc(), RingSignal.id)
    if kind:
        query = query.where(RingSignal.kind == kind)
    rows = list(session.scalars(query.limit(per_page + 1).offset((page - 1) * per_page)))
    signals = rows[:per_page]
    counts = dict(session.execute(select(RingSignal.kind, func.count(RingSignal.id)).group_by(RingSignal.kind)).all())
    links = _linked_reviews(session, [s.id for s in signals])
    user_ids = {u for s in signals for u in json.loads(s.user_ids_json)}
    users = {u.id: u for u in session.scalars(select(User).where(User.id.in_(user_ids)))} if user_ids else {}
    maker_ids = {s.maker_id for s in signals if s.maker_id is not None}
    makers = {m.id: m for m in session.scalars(select(Maker).where(Maker.id.in_(maker_ids)))} if maker_ids else {}
    items = [_view(s, links.get(s.id, []), users, makers) for s in signals]
    return SignalsPage(items=items, page=page, has_next=len(rows) > per_page, kind=kind, counts=counts,
                       checked=last_check(session))


def _linked_reviews(session: Session, signal_ids: list[int]) -> dict[int, list[Review]]:
    if not signal_ids:
        return {}
    linked: dict[int, list[Review]] = {}
    for signal_id, review in session.execute(
            select(RingSignalReview.signal_id, Review).join(Review, Review.id == RingSignalReview.review_id)
            .where(RingSignalReview.signal_id.in_(signal_ids)).order_by(Review.created_at, Review.id)).all():
        linked.setdefault(signal_id, []).append(review)
    return linked


def _view(signal: RingSignal, reviews: list[Review], users: dict, makers: dict) -> SignalView:
    accounts = [users[u] for u in json.loads(signal.user_ids_json) if u in users]
    return SignalView(signal=signal, label=KINDS.get(signal.kind, signal.kind), maker=makers.get(signal.maker_id),
                      evidence=[(label, value) for label, value in json.loads(signal.evidence_json)],
                      reviews=reviews[:SHOWN_REVIEWS], accounts=accounts[:SHOWN_REVIEWS],
                      more_reviews=max(0, len(reviews) - SHOWN_REVIEWS),
                      more_accounts=max(0, len(accounts) - SHOWN_REVIEWS))


@dataclass(frozen=True)
class SignalMention:
    """A stored signal as one review's or one account's moderation page names it."""

    id: int
    kind: str
    label: str
    summary: str
    detected_at: datetime
    maker: Maker | None


def _mentions(session: Session, signals: list[RingSignal]) -> list[SignalMention]:
    maker_ids = {s.maker_id for s in signals if s.maker_id is not None}
    makers = {m.id: m for m in session.scalars(select(Maker).where(Maker.id.in_(maker_ids)))} if maker_ids else {}
    return [SignalMention(s.id, s.kind, KINDS.get(s.kind, s.kind), s.summary, s.detected_at, makers.get(s.maker_id))
            for s in sorted(signals, key=lambda s: (-s.strength, s.id))]


def signals_on_review(session: Session, review_id: int) -> list[SignalMention]:
    """Every stored signal that implicates this review, strongest first."""
    return _mentions(session, list(session.scalars(
        select(RingSignal).join(RingSignalReview, RingSignalReview.signal_id == RingSignal.id)
        .where(RingSignalReview.review_id == review_id))))


def signals_on_account(session: Session, user_id: int) -> list[SignalMention]:
    """Every stored signal that implicates one of the account's reviews or names the account itself (a signal about
    invitations redeemed by fresh accounts names accounts, not reviews), strongest first."""
    through_reviews = set(session.scalars(
        select(RingSignalReview.signal_id).join(Review, Review.id == RingSignalReview.review_id)
        .where(Review.author_id == user_id)))
    # user_ids_json is a JSON list of ids: a LIKE on the digits narrows the rows, the decoded list decides.
    named = [s.id for s in session.scalars(select(RingSignal).where(RingSignal.user_ids_json.like(f"%{user_id}%")))
             if user_id in json.loads(s.user_ids_json)]
    ids = through_reviews | set(named)
    return _mentions(session, list(session.scalars(select(RingSignal).where(RingSignal.id.in_(ids))))) if ids else []
