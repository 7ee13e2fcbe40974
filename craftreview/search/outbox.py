"""Index outbox: rows written in the same transaction as the change they describe."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..models import IndexOutbox

KINDS = ("maker", "review")


def enqueue(session: Session, kind: str, entity_id: int) -> None:
    """Record that the search document `kind`/`entity_id` must be (re)indexed or removed."""
    if kind not in KINDS:
        raise ValueError(f"unknown index kind {kind!r}")
    session.add(IndexOutbox(kind=kind, entity_id=entity_id))
