"""Shared fixtures: a fresh app per test on a temp SQLite file, and on PostgreSQL when configured."""
from __future__ import annotations

import contextlib
import itertools
import os
import urllib.parse
from datetime import date, timedelta

import pytest
from flask import Flask
from jinja2 import BytecodeCache
from sqlalchemy import text

from craftreview import create_app
from craftreview.config import postgres_test_url, redis_test_url
from craftreview.db import make_engine
from craftreview.migrate import upgrade
from craftreview.models import Base, Maker, User, utcnow
from craftreview.services import login_sessions, passwords, scores
from craftreview.services.passwords import hash_password
from craftreview.services.reviews import ReviewInput, submit_review

PASSWORD = "correct battery staple horse"
_counter = itertools.count(1)
DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept for the whole test process. Every test makes a fresh app, whose Jinja environment
    parsed and compiled each template it rendered again: about a fifth of the suite's CPU time. Jinja keys each entry
    by the template's name and checks its source, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


# Flask passes jinja_options to every app's environment (tests only: a served app compiles each template once).
Flask.jinja_options = {**Flask.jinja_options, "bytecode_cache": _CompiledTemplates()}
def _builders_compiled_once() -> None:
    """Werkzeug compiles two URL builders for each rule of each new app (about 60 ms an app, a tenth of the suite's
    CPU time, since every test makes an app). A builder is a function of the rule's pattern and defaults alone (it
    reads the rule it builds for from its first argument), so one compiled per pattern serves every app."""
    from werkzeug.routing.rules import Rule
    compile_builder, compiled = Rule._compile_builder, {}

    def compile_once(rule, append_unknown=True):
        key = (rule.rule, tuple(rule._trace), repr(sorted((rule.defaults or {}).items())), append_unknown)
        if key not in compiled:
            compiled[key] = compile_builder(rule, append_unknown)
        return compiled[key]

    Rule._compile_builder = compile_once


_builders_compiled_once()
# Every password hashed in the suite at a thirty-second of the site's scrypt cost: logins, registrations, deletions
# and password changes hash or check one, at about 0.1 s each at full cost (tests/unit/test_passwords.py keeps the
# site's own cost checked).
passwords.HASH_METHOD = "scrypt:1024:8:1"


def pytest_configure(config):
    """Under pytest-xdist each worker gets its own PostgreSQL database (created on first use).

    The suite drops and recreates the schema per run and truncates per test, so two workers
    sharing one database would wipe each other's rows mid-test.
    """
    worker = getattr(config, "workerinput", {}).get("workerid")
    base = os.environ.get("CRAFTREVIEW_TEST_POSTGRES_URL")
    if worker and base:
        os.environ["CRAFTREVIEW_TEST_POSTGRES_URL"] = _worker_database(base, worker)


def _worker_database(base_url: str, worker: str) -> str:
    from sqlalchemy.engine import make_url
    url = make_url(base_url)
    name = f"{url.database}_{worker}"
    admin = make_engine(base_url).execution_options(isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar()
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def password_hash() -> str:
    """One slow scrypt hash shared by every test user."""
    return hash_password(PASSWORD)


@pytest.fixture(scope="session")
def postgres_engine():
    """Schema created once per run; tables truncated per test."""
    url = postgres_test_url()
    if not url:
        yield None
        return
    engine = make_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    yield engine
    Base.metadata.drop_all(engine)
    engine.dispose()


def empty_tables(engine, tables) -> None:
    """Delete every row of `tables` (sorted so that referenced tables come first) and restart the schema's id
    sequences, as `TRUNCATE ... RESTART IDENTITY` would. A TRUNCATE of every table replaces each table's files and
    took about 0.3 s a test on PostgreSQL; deleting the few rows a test wrote takes milliseconds."""
    tables = list(tables)
    with engine.begin() as conn:
        for table in reversed(tables):
            conn.execute(table.delete())
        # The sequences of these tables' serial or identity columns, no other table's.
        conn.execute(text("SELECT setval(s.oid, 1, false) FROM pg_class s "
                          "JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i') "
                          "JOIN pg_class t ON t.oid = d.refobjid "
                          "WHERE s.relkind = 'S' AND t.relnamespace = current_schema()::regnamespace "
                          "AND t.relname = ANY(:names)"), {"names": [t.name for t in tables]})


def _truncate(engine) -> None:
    empty_tables(engine, Base.metadata.sorted_tables)


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path, postgres_engine) -> str:
    """A clean database URL: a temp SQLite file, or the truncated PostgreSQL test database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        engine = make_engine(url)
        Base.metadata.create_all(engine)
        engine.dispose()
        return url
    if postgres_engine is None:
        pytest.skip("CRAFTREVIEW_TEST_POSTGRES_URL is not set")
    _truncate(postgres_engine)
    return postgres_engine.url.render_as_string(hide_password=False)


@pytest.fixture
def app(database_url, tmp_path):
    """A fresh app per test."""
    scores.forget_fitted_models()
    application = create_app({
        "ENV_NAME": "test", "TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": database_url,
        "INSTANCE_PATH": str(tmp_path / "instance"), "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
        "PUBLIC_URL": "http://localhost",  # the test client's own host, so mailed links read as they are served
    })
    yield application
    application.extensions["craftreview.engine"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    """A session bound to the app's database (for arranging and asserting).

    No app context is pushed here: a context held open across test-client requests
    would share `g` (and the logged-in user) between requests.
    """
    session = app.extensions["craftreview.sessions"]()
    yield session
    session.close()


@pytest.fixture
def make_user(db, password_hash):
    """Create a user directly (fast: the password hash is shared)."""
    def factory(name: str | None = None, *, moderator: bool = False, suspended: bool = False) -> User:
        n = next(_counter)
        user = User(email=f"{name or 'user'}{n}@example.com", display_name=name or f"User {n}",
                    password_hash=password_hash, is_moderator=moderator, is_suspended=suspended)
        db.add(user)
        db.commit()
        return user
    return factory


@pytest.fixture
def make_maker(db, make_user):
    """Create a maker profile (and its owner unless given); it takes custom orders unless told otherwise, so tests
    may record either order type, and its owner's address is confirmed unless told otherwise, so it may record orders
    (permissions.can_send_invitations)."""
    def factory(owner: User | None = None, *, name: str = "Hollow Oak Woodworks", craft: str = "wood",
                location: str = "Leeds, United Kingdom", bio: str = "Walnut tables and oak chairs.",
                accepts_custom: bool = True, confirmed_owner: bool = True) -> Maker:
        owner = owner or make_user("owner")
        if confirmed_owner and owner.email_confirmed_at is None:  # a maker mails invitations only once confirmed
            owner.email_confirmed_at = utcnow()
        n = next(_counter)
        maker = Maker(owner_id=owner.id, name=name, slug=f"maker-{n}", craft=craft, location=location, bio=bio,
                      accepts_custom=accepts_custom)
        db.add(maker)
        db.commit()
        return maker
    return factory


def review_input(**overrides) -> ReviewInput:
    """A valid review submission, with overrides."""
    values = dict(craftsmanship=4, consistency=4, delivery=3, title="Lovely bowl, slightly late",
                  body="The glaze is beautiful and even. It arrived a week after the promised date.",
                  order_type="stock", price_band="25-100", ordered_on=date.today() - timedelta(days=30),
                  promised_by=date.today() - timedelta(days=20), delivered_on=date.today() - timedelta(days=13))
    values.update(overrides)
    return ReviewInput(**values)


@pytest.fixture
def make_review(db):
    """Submit a review through the service."""
    def factory(author: User, maker: Maker, **overrides):
        return submit_review(db, author, maker, review_input(**overrides))
    return factory


def login(client, user: User) -> None:
    """Authenticate the test client as `user` without a password round trip (a login of its own, as /login records)."""
    with client.application.extensions["craftreview.sessions"]() as db:
        login_id = login_sessions.start(db, db.get(User, user.id))
    with client.session_transaction() as sess:
        sess["_user_id"] = login_id
        sess["_fresh"] = True


def fresh(db) -> None:
    """See the app's latest commits: end this session's read snapshot and reload every object."""
    db.rollback()
    db.expire_all()


# Both databases a migration test runs on: `@pytest.mark.parametrize("kind", MIGRATION_DATABASES)` with migrated_at.
MIGRATION_DATABASES = [pytest.param("sqlite"), pytest.param("postgres", marks=pytest.mark.postgres)]


@contextlib.contextmanager
def migrated_at(kind: str, tmp_path, name: str, revision: str):
    """(engine, url) of a scratch database the real migrations built up to `revision`: a SQLite file in tmp_path
    ("sqlite") or a PostgreSQL schema called `name` ("postgres", dropped afterwards)."""
    if kind == "postgres":
        with migrated_postgres_schema(name, revision) as engine:
            yield engine, engine.url.render_as_string(hide_password=False)
        return
    url = f"sqlite:///{tmp_path / (name + '.db')}"
    upgrade(url, revision)
    engine = make_engine(url)
    try:
        yield engine, url
    finally:
        engine.dispose()


@contextlib.contextmanager
def migrated_postgres_schema(schema: str, revision: str = "head"):
    """An engine on a scratch PostgreSQL schema that the real migrations built (up to `revision`); dropped afterwards."""
    url = postgres_test_url()
    if not url:
        pytest.skip("CRAFTREVIEW_TEST_POSTGRES_URL is not set")
    admin = make_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    rendered = admin.url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False)
    try:
        upgrade(rendered, revision)
        engine = make_engine(rendered)
        try:
            yield engine
        finally:
            engine.dispose()
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


# pytest-xdist worker index (0 without xdist): a worker's servers, ports and Redis database are its own.
WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


def worker_redis_url() -> str | None:
    """CRAFTREVIEW_TEST_REDIS_URL with its database number moved up by the xdist worker's index (None when unset):
    a test that flushes its database (tests/multihost) never does so under another worker's test."""
    url = redis_test_url()
    if not url:
        return None
    parts = urllib.parse.urlsplit(url)
    database = int(parts.path.strip("/") or 0) + WORKER
    return urllib.parse.urlunsplit(parts._replace(path=f"/{database}"))
