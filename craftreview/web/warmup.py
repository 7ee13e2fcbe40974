"""Per-worker warm-up: pay first-use costs before the worker takes its first request."""
from __future__ import annotations

import logging

from flask import Flask
from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from .. import search
from ..models import Maker, Review, User
from ..services import fits, mail_render
from ..services.reviews import ReviewInput, submit_review
from . import mailing, memory, stored_pages
from .context import session_factory

log = logging.getLogger(__name__)


def warm(app: Flask) -> None:
    """Decode the stored model fit, run one review write (rolled back), open and warm the search backend, compile
    the templates and start the background threads, so a worker's first write is not slow.

    Each step stands alone: one that fails is logged and the worker still serves (paying on first use).
    """
    for step in (_decode_fit, _a_review_write_rolled_back, search.warm, stored_pages.layout,
                 _compile_templates, _start_threads):
        try:
            step(app)
        except Exception:  # noqa: BLE001 - a cold worker still serves; it just pays on first use
            log.warning("worker warm-up failed at %s; the first requests will be slower", step.__name__,
                        exc_info=True)
    memory.settle()


def _decode_fit(app: Flask) -> None:
    with session_factory(app)() as session:
        fits.current_fit(session)


def _start_threads(app: Flask) -> None:
    """The search drain, page renderer and mail delivery threads, before the first write wakes them."""
    for thread in (search.drainer(app), stored_pages.renderer(app), mailing.deliverer(app)):
        thread.start()


def _a_review_write_rolled_back(app: Flask) -> None:
    """One review submitted through the real service inside a transaction that is then rolled back: its
    preparation (the maker's score, trend, ring signals) runs and the write's own statements (inserts,
    upserts, the audit row, the outbox) get compiled; nothing is kept.

    The session is bound to a connection whose outer transaction this function owns; the service's
    commit only releases a savepoint inside it, and the outer rollback undoes everything. The session is
    not one of the app's, so no after-commit hook (renderer, search drain, mail delivery) sees it; it carries
    the app's sessions' info (their mailer), so the maker's notification mail is queued in the outbox, and
    rolled back, as a real write queues it: without it a worker's first write compiled those statements.
    """
    info = dict(session_factory(app).kw.get("info") or {})
    with app.extensions["craftreview.engine"].connect() as conn:
        outer = conn.begin()
        try:
            with Session(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False,
                         info=info) as session:
                pair = _a_reviewer_and_maker(session)
                if pair is not None:
                    submit_review(session, *pair, WARM_UP_REVIEW)
        finally:
            outer.rollback()


WARM_UP_REVIEW = ReviewInput(craftsmanship=4, consistency=4, delivery=4, title="Warm-up review, never stored",
                             body="Written and rolled back when a worker starts, so its statements are compiled.")


def _a_reviewer_and_maker(session: Session) -> tuple[User, Maker] | None:
    """A maker, and a live account other than its owner that has not reviewed it (None on an empty site)."""
    maker = session.scalar(select(Maker).order_by(Maker.id).limit(1))
    if maker is None:
        return None
    reviewed = exists().where(Review.author_id == User.id, Review.maker_id == maker.id)
    user = session.scalar(select(User).where(User.id != maker.owner_id, ~reviewed, User.deleted_at.is_(None),
                                             User.is_suspended.is_(False)).order_by(User.id).limit(1))
    return None if user is None else (user, maker)


def _compile_templates(app: Flask) -> None:
    """Compile the site's templates (pages, and the maker page the renderer draws after a write) and mails."""
    env = app.jinja_env
    for name in env.list_templates(extensions=("html",)):
        if not name.startswith("mail/"):
            env.get_template(name)
    mail_render.compile_templates()
