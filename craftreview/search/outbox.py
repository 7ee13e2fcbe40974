"""Index outbox: rows written in the same transaction as the change they describe, drained after commit."""
from __future__ import annotations

import logging

from sqlalchemy import Connection, Engine, delete, func, select
from sqlalchemy.orm import Session

from ..db import write_transaction
from ..models import IndexOutbox
from .base import LockTimeout, SearchBackend
from .documents import Doc, doc_key, docs_for_makers, review_ids_of_makers, review_makers

KINDS = ("maker", "review")
PENDING = "craftreview.search.pending"      # session.info: outbox rows added in this transaction
COMMITTED = "craftreview.search.committed"  # session.info: such a transaction has committed
OUTBOX = IndexOutbox.__table__
BATCH = 500
MAX_BATCHES = 200
log = logging.getLogger(__name__)


def enqueue(session: Session, kind: str, entity_id: int) -> None:
    """Record that the search document `kind`/`entity_id` must be (re)indexed or removed."""
    if kind not in KINDS:
        raise ValueError(f"unknown index kind {kind!r}")
    session.add(IndexOutbox(kind=kind, entity_id=entity_id))
    session.info[PENDING] = True


def mark_committed(session: Session) -> None:
    """after_commit hook: remember that committed work waits in the outbox."""
    if session.info.pop(PENDING, False):
        session.info[COMMITTED] = True


def forget_pending(session: Session, _previous=None) -> None:
    """after_soft_rollback hook: rolled-back outbox rows never existed."""
    session.info.pop(PENDING, None)


def pending_count(engine: Engine) -> int:
    """Rows waiting in the outbox."""
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(OUTBOX)).scalar_one()


def outbox_ids(conn: Connection) -> list[int]:
    """Ids of the outbox rows this connection's snapshot sees."""
    return list(conn.scalars(select(OUTBOX.c.id)))


def discard_outbox(engine: Engine, ids: list[int]) -> None:
    """Delete these outbox rows (their changes are in the index), a batch per transaction."""
    for start in range(0, len(ids), BATCH):
        with Session(engine) as session, write_transaction(session):
            session.execute(delete(OUTBOX).where(OUTBOX.c.id.in_(ids[start:start + BATCH])))


def drain_outbox(engine: Engine, backend: SearchBackend, lock_timeout: float) -> int:
    """Apply every pending outbox row to the index as the single writer; returns rows processed.

    After releasing the lock it looks again: a request that committed while the lock was held, and
    found it busy, left its rows to the holder (requests never wait for the lock; see run_drain).
    """
    processed = 0
    while True:
        with backend.writer_lock(lock_timeout):
            # Keep going until empty: rows committed while we worked are ours too.
            for _ in range(MAX_BATCHES):
                done = _drain_batch(engine, backend)
                processed += done
                if done == 0:
                    break
        if pending_count(engine) == 0:
            return processed


def _drain_batch(engine: Engine, backend: SearchBackend) -> int:
    with engine.connect() as conn:
        # One read transaction: the documents are at least as new as the rows we consume.
        rows = conn.execute(select(OUTBOX.c.id, OUTBOX.c.kind, OUTBOX.c.entity_id)
                            .order_by(OUTBOX.c.id).limit(BATCH)).all()
        if not rows:
            return 0
        upserts, deletes = _changes(conn, rows)
    upserts = _changed_only(backend, upserts)
    if upserts or deletes:
        backend.apply(upserts, deletes)
    # Only after the index committed: a crash before this line replays the rows (idempotent).
    discard_outbox(engine, [r.id for r in rows])
    return len(rows)


def _changes(conn, rows) -> tuple[list[Doc], set[str]]:
    review_ids = {r.entity_id for r in rows if r.kind == "review"}
    # Defensive: a changed review always refreshes its maker's document too.
    maker_ids = {r.entity_id for r in rows if r.kind == "maker"} | review_makers(conn, review_ids)
    docs = docs_for_makers(conn, maker_ids)
    wanted = ({doc_key("maker", m) for m in maker_ids}
              | {doc_key("review", r) for r in review_ids | review_ids_of_makers(conn, maker_ids)})
    return docs, wanted - {d.key for d in docs}


def _changed_only(backend: SearchBackend, docs: list[Doc]) -> list[Doc]:
    """Skip documents the index already holds unchanged (a maker's other reviews, usually)."""
    current = backend.fingerprints([d.key for d in docs])
    return [d for d in docs if current.get(d.key) != d.fingerprint()]


def run_drain(engine: Engine, backend: SearchBackend, lock_timeout: float) -> int:
    """Drain, but never raise: the outbox keeps the work for the next drain."""
    try:
        return drain_outbox(engine, backend, lock_timeout)
    except LockTimeout:
        # Another process holds the writer lock: it looks for our rows after releasing it.
        log.debug("search writer lock busy; the writer holding it drains our rows")
        return 0
    except Exception:  # noqa: BLE001 - a search failure must not fail the user's request
        log.warning("search outbox drain failed; work stays queued", exc_info=True)
        return 0
