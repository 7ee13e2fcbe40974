"""Keyset pagination over a chain of index-ordered segments (no OFFSET, no sort of the whole table).

A listing is one or more segments shown one after the other, each a query ordered
descending by (key, id) that an index can walk: e.g. scored makers by rank, then makers
not scored yet by id. A cursor names a row's segment, key and id; the next page is the
rows after it, the previous page the rows before it (read backwards, then reversed).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, and_, bindparam, literal, or_, select, union_all
from sqlalchemy.orm import Session

# Every column a cursor names (ids, review counts) is an INTEGER: 32-bit on PostgreSQL, which refuses a larger
# parameter outright (a 500, not "no such row"); SQLite refuses one past 64 bits.
INT32 = 2**31


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
        if not 0 <= segment < len(key_types):  # a negative one would count from the end
            return None
        cursor = Cursor(segment, _parse_key(key_text, key_types[segment]), int(id_text))
    except (ValueError, IndexError):
        return None
    numbers = [cursor.id] + ([cursor.key] if isinstance(cursor.key, int) else [])
    return cursor if all(-INT32 <= n < INT32 for n in numbers) else None


def _parse_key(text: str, kind: type) -> object:
    if kind is datetime:
        return datetime.fromisoformat(text)
    value = kind(text)
    if kind is float and not math.isfinite(value):  # float() reads 'nan' and 'inf'; no row sorts after them
        raise ValueError(text)
    return value


@dataclass
class KeysetPage:
    """Rows of one page and the cursors to its neighbours (None at either end)."""

    rows: list
    next: str | None
    prev: str | None


# Statements are built with the cursor as parameters, so one built statement serves every page of a
# listing: `memo(key, build)` may keep them (building SQLAlchemy expressions costs more than running them).
Memo = Callable[[Hashable, Callable[[], Select]], Select]


def _after(segment: Segment, has_cursor: bool, forward: bool) -> Select:
    """The segment's rows after (forward) or before (backward) the cursor parameters, in reading order."""
    query = segment.query
    if has_cursor:
        key, row_id = bindparam("cursor_key"), bindparam("cursor_id")
        beyond = (lambda col, value: col < value) if forward else (lambda col, value: col > value)
        query = query.where(or_(beyond(segment.key, key), and_(segment.key == key, beyond(segment.id, row_id))))
    order = (segment.key.desc(), segment.id.desc()) if forward else (segment.key.asc(), segment.id.asc())
    return query.order_by(*order)


def _statement(segments: Sequence[Segment], start: int | None, wanted: int, forward: bool) -> Select:
    """A UNION ALL of the segments from `start` on, each index-ordered and limited, under an outer LIMIT."""
    parts = []
    for number in range(len(segments)) if forward else range(len(segments) - 1, -1, -1):
        if start is not None and (number < start if forward else number > start):
            continue
        inner = _after(segments[number], number == start, forward).limit(wanted).subquery(f"segment_{number}")
        parts.append(select(literal(number).label("segment_no"), *inner.c))
    return union_all(*parts).limit(wanted) if len(parts) > 1 else parts[0]


def _walk(session: Session, segments: Callable[[], Sequence[Segment]], start: Cursor | None, forward: bool,
          wanted: int, memo: Memo | None) -> list[tuple[int, object]]:
    """Up to `wanted` rows from `start` onwards (or backwards), crossing into further segments as needed.

    One statement: both SQLite and PostgreSQL read a UNION ALL's parts in order and stop at the
    outer limit, so a later segment is only read when the earlier ones run out.
    """
    first = start.segment if start is not None else None

    def build() -> Select:
        return _statement(segments(), first, wanted, forward)

    statement = memo((first, forward, wanted), build) if memo else build()
    params = {"cursor_key": start.key, "cursor_id": start.id} if start is not None else {}
    rows = session.execute(statement, params).all()
    # Stable: keeps each segment's index order, segments in reading order.
    rows.sort(key=lambda row: row.segment_no if forward else -row.segment_no)
    return [(row.segment_no, row) for row in rows]


def keyset_page(session: Session, segments: Callable[[], Sequence[Segment]], cursor_of: Callable[[int, object], Cursor],
                per_page: int, after: Cursor | None = None, before: Cursor | None = None,
                memo: Memo | None = None) -> KeysetPage:
    """One page: the rows after `after` (or before `before`; neither means the first page).

    `segments` builds the listing's segments (called only when `memo` has no statement for this page).
    """
    backward = before is not None
    rows = _walk(session, segments, before if backward else after, not backward, per_page + 1, memo)
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
