"""Per-worker warm-up: pay first-use costs before the worker takes its first request."""
from __future__ import annotations

import logging

from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import search
from ..models import Maker, utcnow
from ..services import fits, mail_render
from ..services.review_effects import prepare_maker
from . import mailing, memory, stored_pages
from .context import session_factory

log = logging.getLogger(__name__)


def warm(app: Flask) -> None:
    """Decode the stored model fit, open the search backend, compile the templates, run the read side of
    a review write once and start the background threads, so a worker's first write is not slow.

    Each step stands alone: one that fails is logged and the worker still serves (paying on first use).
    """
    for step in (_read_side, search.get_backend, stored_pages.layout, _compile_templates, _start_threads):
        try:
            step(app)
        except Exception:  # noqa: BLE001 - a cold worker still serves; it just pays on first use
            log.warning("worker warm-up failed at %s; the first requests will be slower", step.__name__,
                        exc_info=True)
    memory.settle()


def _read_side(app: Flask) -> None:
    with session_factory(app)() as session:
        fits.current_fit(session)
        _prepare_a_review_write(session)


def _start_threads(app: Flask) -> None:
    """The search drain, page renderer and mail delivery threads, before the first write wakes them."""
    for thread in (search.drainer(app), stored_pages.renderer(app), mailing.deliverer(app)):
        thread.start()


def _prepare_a_review_write(session: Session) -> None:
    """What every review write does before its lock (read only): the maker's score, trend and ring signals
    worked out for one maker, so their statements are compiled and their code paths loaded."""
    maker_id = session.scalar(select(Maker.id).order_by(Maker.id).limit(1))
    if maker_id is not None:
        prepare_maker(session, maker_id, utcnow(), {})
    session.rollback()


def _compile_templates(app: Flask) -> None:
    """Compile the site's templates (pages, and the maker page the renderer draws after a write) and mails."""
    env = app.jinja_env
    for name in env.list_templates(extensions=("html",)):
        if not name.startswith("mail/"):
            env.get_template(name)
    mail_render.compile_templates()
