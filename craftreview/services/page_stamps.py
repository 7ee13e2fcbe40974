"""Per-maker page revisions, and the maker page's parts stored at a revision (no Flask here).

Every write service that changes what a maker page shows calls `touch` (or `touch_author`) inside
its transaction: the maker's `page_revision` goes up in the same commit as the data, and the ids
wait in the session for the renderer that runs after the commit (web/stored_pages.py). A stored
copy is served only while its revision equals the maker's and its layout stamp equals the running
code's, so a write makes the old copy unusable at once; a renderer that never runs (crash, another
host) only costs speed: the page renders live until a copy of the current revision is stored.
"""
from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup
from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..models import Maker, MakerPageRow, Review
from ..text import stored_html

TOUCHED = "craftreview.pages.touched"  # makers bumped in the open transaction
COMMITTED = "craftreview.pages.committed"  # makers whose bump committed, waiting for the renderer
PARTS = ("profile", "panel", "charts", "reviews")
_MAKERS = Maker.__table__


def touch(session: Session, maker_ids: Iterable[int]) -> None:
    """Mark these makers' pages changed (inside the write's transaction)."""
    ids = sorted(set(maker_ids))
    if not ids:
        return
    # Core, so that the maker's updated_at (an ORM onupdate) keeps meaning "the profile was edited".
    session.execute(update(_MAKERS).where(_MAKERS.c.id.in_(ids))
                    .values(page_revision=_MAKERS.c.page_revision + 1, updated_at=_MAKERS.c.updated_at))
    session.info.setdefault(TOUCHED, set()).update(ids)


def touch_author(session: Session, user_id: int) -> None:
    """Mark every page that shows this user's reviews: their name and verified marks are on it."""
    touch(session, session.scalars(select(Review.maker_id).where(Review.author_id == user_id).distinct()))


def touch_all(session: Session) -> None:
    """Mark every maker's page changed (a rescore rewrites every score); `flask pages render` follows."""
    session.execute(update(_MAKERS).values(page_revision=_MAKERS.c.page_revision + 1,
                                           updated_at=_MAKERS.c.updated_at))


def mark_committed(session: Session) -> None:
    """after_commit: the bumps are durable; hand their makers to the renderer."""
    touched = session.info.pop(TOUCHED, None)
    if touched:
        session.info.setdefault(COMMITTED, set()).update(touched)


def forget_touched(session: Session, _previous=None) -> None:
    """after_soft_rollback: the bumps were rolled back with the data."""
    session.info.pop(TOUCHED, None)


@dataclass(frozen=True)
class StoredPage:
    """A maker's stored parts (HTML rendered by the app, never raw user input) and what the page adds."""

    id: int
    slug: str
    name: str
    owner_id: int
    parts: dict[str, Markup]

    def __getattr__(self, name: str) -> Markup:
        try:
            return self.parts[name]  # templates write stored.profile, stored.reviews …
        except KeyError:
            raise AttributeError(name) from None


_STORED = (select(_MAKERS.c.id, _MAKERS.c.slug, _MAKERS.c.name, _MAKERS.c.owner_id, MakerPageRow.parts)
           .join(MakerPageRow, (MakerPageRow.maker_id == _MAKERS.c.id)
                 & (MakerPageRow.revision == _MAKERS.c.page_revision))
           .where(_MAKERS.c.slug == bindparam("slug"), MakerPageRow.layout == bindparam("layout")))


def stored_page(session: Session, slug: str, layout: str) -> StoredPage | None:
    """The maker's stored parts when they are of its current revision and this layout (one statement)."""
    row = session.execute(_STORED, {"slug": slug, "layout": layout}).first()
    if row is None:
        return None
    return StoredPage(row.id, row.slug, row.name, row.owner_id,
                      dict(zip(PARTS, (stored_html(p) for p in unpack(row.parts)), strict=True)))


def pack(parts: list[str]) -> bytes:
    """Parts as stored: compressed JSON (a page's parts shrink ~6×; unpacking costs ~0.1 ms)."""
    return zlib.compress(json.dumps(parts).encode(), 6)


def unpack(blob: bytes) -> list[str]:
    """The parts `pack` stored."""
    return json.loads(zlib.decompress(blob))


def page_revision(session: Session, maker_id: int) -> tuple[int, str] | None:
    """(revision, slug) of the maker: read before the data a render shows, so the data is never older."""
    row = session.execute(select(_MAKERS.c.page_revision, _MAKERS.c.slug).where(_MAKERS.c.id == maker_id)).first()
    return None if row is None else (row[0], row[1])


def store_page(session: Session, maker_id: int, revision: int, layout: str, parts: list[str],
               now: datetime) -> None:
    """Store the parts rendered at `revision`, unless a newer revision is stored (renders may finish out of order)."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(MakerPageRow).values(maker_id=maker_id, revision=revision, layout=layout,
                                            rendered_at=now, parts=pack(parts))
    excluded = statement.excluded
    session.execute(statement.on_conflict_do_update(
        index_elements=[MakerPageRow.maker_id],
        set_={"revision": excluded.revision, "layout": excluded.layout, "rendered_at": excluded.rendered_at,
              "parts": excluded.parts},
        where=or_(MakerPageRow.revision < excluded.revision, MakerPageRow.layout != excluded.layout)))


def stale_ids(session: Session, layout: str, after: int = 0, limit: int = 200) -> list[int]:
    """Makers (by id, after `after`) whose stored parts are missing, of an older revision or another layout."""
    query = (select(_MAKERS.c.id).outerjoin(MakerPageRow, MakerPageRow.maker_id == _MAKERS.c.id)
             .where(_MAKERS.c.id > after, or_(MakerPageRow.revision.is_(None),
                                               MakerPageRow.revision != _MAKERS.c.page_revision,
                                               MakerPageRow.layout != layout))
             .order_by(_MAKERS.c.id).limit(limit))
    return list(session.scalars(query))
