"""Database backup and restore (SQLite online backup API; pg_dump/pg_restore) and a per-table digest.

No Flask here: the commands in cli.py pass the database URL and do the talking. Every failure an
operator can cause (a missing or damaged file, missing PostgreSQL tools) raises BackupError with a
message meant to be printed as it is.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, MetaData, func, select
from sqlalchemy.engine import make_url

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"
NOT_DATA = ("alembic_version",)  # tables whose rows do not make a database "hold data"
PG_LOCK_TIMEOUT = "60s"  # pg_restore gives up, instead of waiting forever, behind a long transaction


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class BackupResult:
    """Where a backup went and how big it is."""

    path: Path
    size: int
    method: str

    def __str__(self) -> str:
        return f"backed up the database to {self.path} ({self.size:,} bytes, {self.method})"


def backup_database(url: str, target: Path, overwrite: bool = False) -> BackupResult:
    """Copy the database at `url` into the file `target`, consistently, while the app may be writing."""
    if target.exists() and not overwrite:
        raise BackupError(f"{target} already exists; choose another name or pass --force to replace it")
    if not target.parent.is_dir():
        raise BackupError(f"{target.parent} is not a directory")
    partial = target.with_name(target.name + ".partial")
    try:
        method = _sqlite_backup(_sqlite_path(url), partial) if _is_sqlite(url) else _pg_dump(url, partial)
        os.replace(partial, target)  # a backup file is either complete or absent
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(target, target.stat().st_size, method)


def check_backup_file(url: str, source: Path) -> None:
    """Raise BackupError unless `source` is a readable backup of the kind `url`'s database restores."""
    if not source.is_file():
        raise BackupError(f"no backup file at {source}")
    try:
        with source.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise BackupError(f"cannot read {source}: {exc.strerror}") from exc
    kind = "sqlite" if head == SQLITE_MAGIC else "postgres" if head.startswith(PG_CUSTOM_MAGIC) else None
    wanted = "sqlite" if _is_sqlite(url) else "postgres"
    if kind is None:
        raise BackupError(f"{source} is not a craftreview backup (neither a SQLite database "
                          "nor a pg_dump custom-format archive)")
    if kind != wanted:
        raise BackupError(f"{source} is a {_LABEL[kind]} backup; the configured database is {_LABEL[wanted]} "
                          f"(DATABASE_URL): restore it into a {_LABEL[kind]} database")
    if kind == "sqlite":
        _check_sqlite_file(source)
    else:
        _pg_restore_list(source)


def restore_database(url: str, source: Path) -> str:
    """Replace everything in the database at `url` with the backup `source`; returns what was done."""
    check_backup_file(url, source)
    if _is_sqlite(url):
        return _sqlite_restore(source, _sqlite_path(url))
    return _pg_restore(url, source)


def rows_held(engine: Engine) -> int:
    """Rows in every table (the schema bookkeeping aside): 0 for an empty or brand-new database."""
    metadata = reflect_tables(engine)
    with engine.connect() as conn:
        return sum(conn.execute(select(func.count()).select_from(table)).scalar_one()
                   for name, table in metadata.tables.items() if name not in NOT_DATA)


def table_digest(engine: Engine, metadata: MetaData | None = None) -> dict[str, tuple[int, str]]:
    """Row count and a SHA-256 of the rows (ordered by every column) for each table.

    Pass a `metadata` reflected once (see reflect_tables) when digesting the same database repeatedly.
    """
    metadata = metadata or reflect_tables(engine)
    digest = {}
    with engine.connect() as conn:
        for name, table in sorted(metadata.tables.items()):
            columns = list(table.columns)
            # Key order where there is a key: not every column type can be sorted (json on PostgreSQL).
            order = list(table.primary_key.columns) or columns
            hasher, count = hashlib.sha256(), 0
            for row in conn.execute(select(*columns).order_by(*order)):
                hasher.update(repr(tuple(_plain(v) for v in row)).encode())
                count += 1
            digest[name] = (count, hasher.hexdigest())
    return digest


def reflect_tables(engine: Engine) -> MetaData:
    """Every table the database holds, reflected."""
    metadata = MetaData()
    metadata.reflect(bind=engine)
    return metadata


def _plain(value):
    # The same stored value reads back as memoryview or bytes depending on the driver.
    return bytes(value) if isinstance(value, (memoryview, bytearray)) else value


_LABEL = {"sqlite": "SQLite", "postgres": "PostgreSQL"}


def _is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("the configured SQLite database is in memory: there is nothing to back up or restore")
    return Path(database)


# --- SQLite: the online backup API (a consistent copy while other connections write; WAL or not) ---

def _sqlite_backup(database: Path, target: Path) -> str:
    if not database.is_file():
        raise BackupError(f"no SQLite database at {database}")
    # The copy inherits WAL mode, which would leave -wal/-shm files beside it: make it self-contained.
    _sqlite_copy(database, target, f"backing up {database} failed", then="PRAGMA journal_mode=DELETE")
    _check_sqlite_file(target)
    return "SQLite online backup"


def _sqlite_restore(source: Path, database: Path) -> str:
    # Copied page by page into the live file under its write lock: other connections see either
    # the old or the new database, never a mix, and no worker is left holding a deleted file.
    _sqlite_copy(source, database, f"restoring into {database} failed")
    return f"restored {source} into {database} (SQLite online backup API)"


def _sqlite_copy(source: Path, target: Path, failure: str, then: str | None = None) -> None:
    """Copy one committed snapshot of `source` into `target` with the online backup API."""
    try:
        with closing(_read_only(source)) as reading, closing(sqlite3.connect(target, timeout=30)) as writing:
            reading.backup(writing)
            if then:
                writing.execute(then)
    except sqlite3.Error as exc:
        raise BackupError(f"{failure}: {exc}") from exc


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _check_sqlite_file(path: Path) -> None:
    try:
        with closing(_read_only(path)) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        raise BackupError(f"{path} is not a usable SQLite database: {exc}") from exc
    if result != "ok":
        raise BackupError(f"{path} is damaged (SQLite quick_check: {result})")
    if "users" not in tables:
        raise BackupError(f"{path} is a SQLite database but not a craftreview backup (it has no users table)")


# --- PostgreSQL: pg_dump --format=custom / pg_restore --clean --if-exists ---

def _pg_dump(url: str, target: Path) -> str:
    _run_pg_tool("pg_dump", "--format=custom", "--no-owner", f"--file={target}", url=url)
    return "pg_dump --format=custom"


def _pg_restore_list(source: Path) -> None:
    try:
        _run_pg_tool("pg_restore", "--list", str(source))
    except BackupError as exc:
        raise BackupError(f"{source} is not a readable pg_dump archive: {exc}") from exc


def _pg_restore(url: str, source: Path) -> str:
    # One transaction: a restore that fails half-way (a lock it cannot get, a damaged archive)
    # leaves the database as it was.
    _run_pg_tool("pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                 "--exit-on-error", str(source), url=url)
    return f"restored {source} with pg_restore --clean --if-exists --single-transaction"


def _run_pg_tool(tool: str, *args: str, url: str | None = None) -> None:
    program = shutil.which(tool)
    if program is None:
        raise BackupError(f"{tool} is not installed (or not on PATH): install the PostgreSQL client tools of "
                          "the server's major version or newer (Debian: apt install postgresql-client)")
    env = {**os.environ, "PGOPTIONS": f"-c lock_timeout={PG_LOCK_TIMEOUT}"}
    command = [program, *args]
    if url is not None:
        conninfo, password = _libpq(url)
        command.append(f"--dbname={conninfo}")
        if password:
            env["PGPASSWORD"] = password  # never on the command line, where `ps` shows it
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip() or f'exit status {result.returncode}'}")


def _libpq(url: str) -> tuple[str, str | None]:
    """A libpq connection string for the SQLAlchemy URL (without the password), and the password."""
    from psycopg.conninfo import make_conninfo

    parsed = make_url(url)
    params = {"host": parsed.host, "port": parsed.port, "user": parsed.username, "dbname": parsed.database,
              **{k: v for k, v in parsed.query.items() if isinstance(v, str)}}
    return make_conninfo("", **{k: v for k, v in params.items() if v is not None}), parsed.password
