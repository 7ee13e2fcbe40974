"""Engine and sessions per app; SQLite pragmas and BEGIN IMMEDIATE for writes."""
from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine, event, exc, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from .errors import Gone

SQLITE_BUSY_TIMEOUT_MS = 30_000
# A pooled PostgreSQL connection idle longer than this is pinged before use (a dead one is replaced).
# One used moments ago is not: a ping on every checkout was a round trip on every page, 2-3 of them
# on a search page (its reads overlap on several connections).
PING_IDLE_SECONDS = 10.0
_LAST_USED = "craftreview_last_used"
_IMMEDIATE = "craftreview_begin_immediate"
_WRITING = "craftreview_in_write_transaction"
_FLUSHED = "craftreview_flushed_outside_write"


def make_engine(url: str) -> Engine:
    """Create an engine; on SQLite configure WAL, busy timeout, foreign keys, explicit BEGIN."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
        return engine
    engine = create_engine(url)
    event.listen(engine, "connect", _plan_every_statement)
    ping_idle_connections(engine)
    return engine


def _plan_every_statement(dbapi_conn, _record) -> None:
    """No server-side prepared statements. psycopg prepares a statement after its fifth execution,
    and PostgreSQL then switches a prepared statement to a generic plan when that looks no dearer:
    a search statement's shape repeats for every query (its words are parameters), and its generic
    plan parsed the query text into a tsquery again for every matching row it ranked ('beautifully
    packed' on reviews: 36-37 ms a search call once generic, 21-25 planned for its words). A search
    statement's planning takes under 1 ms; the app's other statements are small."""
    dbapi_conn.prepare_threshold = None


def ping_idle_connections(engine: Engine) -> None:
    """Pessimistic disconnect handling for connections that sat idle in the pool: a server restart,
    a failover or an idle timeout closes those. The pool retries a checkout whose ping failed with a
    fresh connection (SQLAlchemy's DisconnectionError protocol)."""
    @event.listens_for(engine, "checkin")
    def on_checkin(_dbapi_conn, record) -> None:
        record.info[_LAST_USED] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def on_checkout(dbapi_conn, record, _proxy) -> None:
        last_used = record.info.get(_LAST_USED)
        if last_used is None or time.monotonic() - last_used <= PING_IDLE_SECONDS:
            return  # brand new, or in use moments ago
        if not _alive(dbapi_conn):
            raise exc.DisconnectionError("pooled connection was closed by the server while idle")


def _alive(dbapi_conn) -> bool:
    try:
        with dbapi_conn.cursor() as cursor:
            cursor.execute("SELECT 1")
        dbapi_conn.rollback()  # the ping must not leave a transaction open on a non-autocommit connection
        return True
    except Exception:  # noqa: BLE001 - any failure means this connection cannot be trusted
        return False


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn, _record) -> None:
        # Take transaction control away from pysqlite so BEGIN is ours to emit.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn) -> None:
        # A deferred transaction that later writes fails at once under contention;
        # write transactions therefore take the write lock up front.
        immediate = conn.get_execution_options().get(_IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions keep loaded objects usable after commit (views render them)."""
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)


class TransactionMisuse(RuntimeError):
    """A write transaction was opened inside another, or over changes it did not make."""


@event.listens_for(Session, "after_flush")
def _note_foreign_flush(session: Session, _context) -> None:
    # Changes flushed outside write_transaction would otherwise be committed by it silently.
    if not session.info.get(_WRITING):
        session.info[_FLUSHED] = True


@event.listens_for(Session, "after_transaction_end")
def _forget_flushes(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(_FLUSHED, None)


def has_pending_work(session: Session) -> bool:
    """True when the session holds changes (flushed or not) that nobody committed yet."""
    if session.new or session.deleted or session.info.get(_FLUSHED):
        return True
    return any(session.is_modified(obj) for obj in session.dirty)


@contextmanager
def write_transaction(session: Session) -> Iterator[Session]:
    """Run a block as one write transaction: BEGIN IMMEDIATE on SQLite, commit or roll back.

    Refuses (TransactionMisuse) to nest, or to start over uncommitted changes: committing
    them here would make them part of a write they do not belong to.
    """
    if session.info.get(_WRITING):
        raise TransactionMisuse("write_transaction does not nest; the outer write owns the transaction")
    if has_pending_work(session):
        raise TransactionMisuse("the session holds uncommitted changes this write did not make; "
                                "commit or roll them back first")
    if session.in_transaction():
        session.commit()  # a read transaction the view opened: nothing to keep, writes start fresh
    session.info[_WRITING] = True
    try:
        session.connection(execution_options={_IMMEDIATE: True})
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info.pop(_WRITING, None)


ROW_GONE = "What this was about was deleted a moment ago, by another request: nothing was changed."


def reread_locked(session: Session, instance: object, *attributes: str, gone: str = ROW_GONE) -> None:
    """Inside write_transaction: reload `instance` (or some of its columns) as stored now, row-locked on PostgreSQL.

    Sessions keep what they loaded across commits (expire_on_commit=False): an object a request read before the
    write lock may predate another request's write (a double click, a second tab, a second moderator), and a rule
    checked against it would let that write be done twice. A row deleted meanwhile (an account deletion takes the
    reviews, maker profile and orders it removes) raises Gone with the `gone` message, not a crash.
    """
    # Columns only: refreshing relationships too would join their tables, and PostgreSQL refuses FOR NO KEY UPDATE on
    # the nullable side of an outer join.
    names = list(attributes) or [column.key for column in inspect(instance).mapper.column_attrs]
    try:
        session.refresh(instance, names, with_for_update={"key_share": True})
    except exc.InvalidRequestError:
        if _is_stored(session, instance):
            raise  # some other misuse: not a row deleted meanwhile
        raise Gone(gone) from None


def _is_stored(session: Session, instance: object) -> bool:
    state = inspect(instance)
    keys = state.mapper.primary_key
    if state.identity is None:
        return True
    return session.execute(select(keys[0]).where(*(key == value for key, value in zip(keys, state.identity, strict=True)))
                           ).first() is not None


def lock_row(session: Session, model, key) -> None:
    """Inside write_transaction: hold the write lock of one row (`model` by primary key) until the commit, so writes
    that check a rule over what hangs from it (a maker's orders, say) run one after another on PostgreSQL, whose READ
    COMMITTED lets two of them check at once. SQLite's BEGIN IMMEDIATE already runs one write at a time."""
    session.execute(select(model.id).where(model.id == key).with_for_update(key_share=True))


# pg_advisory_xact_lock keys of rules that span every row of a table, where no one row stands for them.
MAKER_NAMES_LOCK = 0x6D616B6E  # a maker's name must read differently from every other maker's (services/makers.py)


def serialise(session: Session, key: int) -> None:
    """Inside write_transaction: wait for any other transaction holding the advisory lock `key`, and hold it until this
    one ends (PostgreSQL; on SQLite every write transaction already runs alone)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


@contextmanager
def read_snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection whose statements all read one snapshot of the database, until it closes.

    SQLite: one deferred transaction (WAL gives it a snapshot at its first read). PostgreSQL:
    REPEATABLE READ, since its default READ COMMITTED takes a new snapshot per statement.
    """
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        try:
            yield conn
        finally:
            conn.rollback()  # read-only: nothing to keep


def is_sqlite(session_or_engine) -> bool:
    """True when the bound database is SQLite."""
    bind = session_or_engine.get_bind() if isinstance(session_or_engine, Session) else session_or_engine
    return bind.dialect.name == "sqlite"
