"""Per-maker page revisions, and the maker page stored as rendered at a revision (no Flask here).

Every write service that changes what a maker page shows calls `touch` (or `touch_author`) inside
its transaction: `maker_pages.revision` goes up in the same commit as the data, and the ids wait in
the session for the renderer that runs after the commit (web/stored_pages.py). A stored copy is
served only while its rendered revision equals the current one and its layout stamp equals the
running code's, so a write makes the old copy unusable at once; a renderer that never runs (crash,
another host) only costs speed: the page renders live until a copy of the current revision is stored.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, bindparam, event, func, literal, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..models import ListingStamp, Maker, MakerPageRow, Review

TOUCHED = "craftreview.pages.touched"  # makers bumped in the open transaction
COMMITTED = "craftreview.pages.committed"  # makers whose bump committed, waiting for the renderer
STAMP_DUE = "craftreview.pages.stamp_due"  # the listing stamp is raised before this transaction commits
_MAKERS, _PAGES = Maker.__table__, MakerPageRow.__table__
_TOUCH_BATCH = 500  # makers per statement (two bound parameters each; SQLite allows 32,766)


def _insert(session: Session):
    return postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


def touch(session: Session, maker_ids: Iterable[int]) -> None:
    """Mark these makers' pages changed (inside the write's transaction): one statement."""
    ids = sorted(set(maker_ids))
    if not ids:
        return
    for start in range(0, len(ids), _TOUCH_BATCH):
        rows = [{"maker_id": i, "revision": 1} for i in ids[start:start + _TOUCH_BATCH]]
        statement = _insert(session)(_PAGES).values(rows)
        session.execute(statement.on_conflict_do_update(index_elements=[_PAGES.c.maker_id],
                                                        set_={"revision": _PAGES.c.revision + 1}))
    session.info.setdefault(TOUCHED, set()).update(ids)
    listings_changed(session)


def listings_changed(session: Session) -> None:
    """Raise the listing stamp when this transaction commits (the order or cards of listings moved)."""
    session.info[STAMP_DUE] = True


def touch_author(session: Session, user_id: int) -> None:
    """Mark every page that shows this user's reviews: their name and verified marks are on it."""
    touch(session, session.scalars(select(Review.maker_id).where(Review.author_id == user_id).distinct()))


def touch_all(session: Session) -> None:
    """Mark every maker's page changed (a rescore rewrites every score); `flask pages render` follows."""
    # (SQLite needs a WHERE in INSERT … SELECT … ON CONFLICT to parse it.)
    every_maker = select(_MAKERS.c.id, literal(1)).where(_MAKERS.c.id.is_not(None))
    statement = _insert(session)(_PAGES).from_select(["maker_id", "revision"], every_maker)
    session.execute(statement.on_conflict_do_update(index_elements=[_PAGES.c.maker_id],
                                                    set_={"revision": _PAGES.c.revision + 1}))
    listings_changed(session)


_STAMP = ListingStamp.__table__
_LISTING_STAMP = select(_STAMP.c.value).where(_STAMP.c.id == 1)


def listing_stamp(conn: Connection) -> int | None:
    """Raised by every committed write that touched a maker page: what the listings show of makers and
    their scores stays the same while it does. (None: the row is missing, nothing may be kept.)"""
    return conn.execute(_LISTING_STAMP).scalar()


@event.listens_for(Session, "before_commit")
def _raise_listing_stamp(session: Session) -> None:
    # Last statement before the commit, so the row is locked only while the transaction commits (one
    # row for every writer; taken earlier it would serialise their whole transactions on PostgreSQL).
    if session.info.pop(STAMP_DUE, False):
        statement = _insert(session)(_STAMP).values(id=1, value=1)
        session.execute(statement.on_conflict_do_update(index_elements=[_STAMP.c.id],
                                                        set_={"value": _STAMP.c.value + 1}))


def mark_committed(session: Session) -> None:
    """after_commit: the bumps are durable; hand their makers to the renderer."""
    touched = session.info.pop(TOUCHED, None)
    if touched:
        session.info.setdefault(COMMITTED, set()).update(touched)


def forget_touched(session: Session, _previous=None) -> None:
    """after_soft_rollback: the bumps were rolled back with the data."""
    session.info.pop(TOUCHED, None)
    session.info.pop(STAMP_DUE, None)


_STORED = (select(_PAGES.c.document).join(_MAKERS, _MAKERS.c.id == _PAGES.c.maker_id)
           .where(_MAKERS.c.slug == bindparam("slug"), _PAGES.c.rendered_revision == _PAGES.c.revision,
                  _PAGES.c.layout == bindparam("layout")))


def stored_document(conn: Connection, slug: str, layout: str) -> str | None:
    """The maker's stored page when it is of its current revision and this layout (one statement).

    Takes a plain connection: on this path the ORM session's own bookkeeping would cost more than the query.
    """
    return conn.execute(_STORED, {"slug": slug, "layout": layout}).scalar()


def page_revision(session: Session, maker_id: int) -> tuple[int, str] | None:
    """(revision, slug) of the maker: read before the data a render shows, so the data is never older."""
    row = session.execute(select(func.coalesce(_PAGES.c.revision, 0), _MAKERS.c.slug)
                          .outerjoin(_PAGES, _PAGES.c.maker_id == _MAKERS.c.id).where(_MAKERS.c.id == maker_id)).first()
    return None if row is None else (row[0], row[1])


def store_page(session: Session, maker_id: int, revision: int, layout: str, document: str,
               now: datetime) -> None:
    """Store the parts rendered at `revision`, unless a newer rendering is stored (renders may finish out of order)."""
    rendered = {"rendered_revision": revision, "layout": layout, "rendered_at": now, "document": document}
    statement = _insert(session)(_PAGES).values(maker_id=maker_id, revision=revision, **rendered)
    excluded = statement.excluded
    session.execute(statement.on_conflict_do_update(
        index_elements=[_PAGES.c.maker_id], set_={key: excluded[key] for key in rendered},
        # The same revision again is the same data (`flask pages render --all` after a code change).
        where=or_(_PAGES.c.rendered_revision.is_(None), _PAGES.c.rendered_revision <= excluded.rendered_revision,
                  _PAGES.c.layout != excluded.layout)))


def stale_ids(session: Session, layout: str, after: int = 0, limit: int = 200, everything: bool = False) -> list[int]:
    """Makers (by id, after `after`) whose stored copy is missing, of an older revision or another layout."""
    stale = or_(_PAGES.c.rendered_revision.is_(None), _PAGES.c.rendered_revision != _PAGES.c.revision,
                _PAGES.c.layout != layout)
    query = (select(_MAKERS.c.id).outerjoin(_PAGES, _PAGES.c.maker_id == _MAKERS.c.id)
             .where(_MAKERS.c.id > after, *([] if everything else [stale])).order_by(_MAKERS.c.id).limit(limit))
    return list(session.scalars(query))
