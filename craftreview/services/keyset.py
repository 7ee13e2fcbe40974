"""Keyset pagination over a chain of index-ordered segments (no OFFSET, no sort of the whole table).

A listing is one or more segments shown one after the other, each a query ordered
descending by (key, id) that an index can walk: e.g. scored makers by rank, then makers
not scored yet by id. A cursor names a row's segment, key and id; the next page is the
rows after it, the previous page the rows before it (read backwards, then reversed).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, and_, literal, or_, select, union_all
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Segment:
    """One index-ordered part of a listing: its rows (filtered select), sort key column and id column."""

    query: Select
    key: object
    id: object


@dataclass(frozen=True)
class Cursor:
    """Where a page starts or ends: (segment number, key value, row id)."""

    segment: int
    key: object
    id: int

    def encode(self) -> str:
        """A short URL-safe token."""
        key = self.key.isoformat() if isinstance(self.key, datetime) else repr(self.key)
        return f"{self.segment}_{key}_{self.id}"


def decode(token: str, key_types: Sequence[type]) -> Cursor | None:
    """Parse a token made by Cursor.encode; None for anything malformed (the page starts over)."""
    try:
        segment_text, key_text, id_text = token.split("_")
        segment = int(segment_text)
        return Cursor(segment, _parse_key(key_text, key_types[segment]), int(id_text))
    except (ValueError, IndexError):
        return None


def _parse_key(text: str, kind: type) -> object:
    if kind is datetime:
        return datetime.fromisoformat(text)
    return kind(text)


@dataclass
class KeysetPage:
    """Rows of one page and the cursors to its neighbours (None at either end)."""

    rows: list
    next: str | None
    prev: str | None


def _after(segment: Segment, cursor: Cursor | None, forward: bool) -> Select:
    """The segment's rows after (forward) or before (backward) the cursor, in reading order."""
    query = segment.query
    if cursor is not None:
        beyond = (lambda col, value: col < value) if forward else (lambda col, value: col > value)
        query = query.where(or_(beyond(segment.key, cursor.key),
                                and_(segment.key == cursor.key, beyond(segment.id, cursor.id))))
    order = (segment.key.desc(), segment.id.desc()) if forward else (segment.key.asc(), segment.id.asc())
    return query.order_by(*order)


def _walk(session: Session, segments: Sequence[Segment], start: Cursor | None, forward: bool,
          wanted: int) -> list[tuple[int, object]]:
    """Up to `wanted` rows from `start` onwards (or backwards), crossing into further segments as needed.

    One statement: a UNION ALL of the segments, each index-ordered and limited, under an outer
    LIMIT. Both SQLite and PostgreSQL read a UNION ALL's parts in order and stop at the limit, so
    a later segment is only read when the earlier ones run out.
    """
    numbers = range(len(segments)) if forward else range(len(segments) - 1, -1, -1)
    parts = []
    for number in numbers:
        if start is not None and (number < start.segment if forward else number > start.segment):
            continue
        cursor = start if start is not None and number == start.segment else None
        inner = _after(segments[number], cursor, forward).limit(wanted).subquery(f"segment_{number}")
        parts.append(select(literal(number).label("segment_no"), *inner.c))
    rows = session.execute(union_all(*parts).limit(wanted) if len(parts) > 1 else parts[0]).all()
    order = list(numbers)
    rows.sort(key=lambda row: order.index(row.segment_no))  # stable: keeps each segment's index order
    return [(row.segment_no, row) for row in rows]


def keyset_page(session: Session, segments: Sequence[Segment], cursor_of: Callable[[int, object], Cursor],
                per_page: int, after: Cursor | None = None, before: Cursor | None = None) -> KeysetPage:
    """One page: the rows after `after` (or before `before`; neither means the first page)."""
    backward = before is not None
    rows = _walk(session, segments, before if backward else after, not backward, per_page + 1)
    more = len(rows) > per_page
    rows = rows[:per_page]
    if backward:
        rows.reverse()
    if not rows:
        return KeysetPage([], None, None)
    first, last = cursor_of(*rows[0]).encode(), cursor_of(*rows[-1]).encode()
    items = [row for _number, row in rows]
    if backward:  # read backwards from `before`: a next page exists (we came from it)
        return KeysetPage(items, last, first if more else None)
    return KeysetPage(items, last if more else None, first if after is not None else None)
