"""One app per fuzz module on each database, seeded with a small world; state snapshots for "unchanged" checks."""
from __future__ import annotations

import os
import random
import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import select, text

from craftreview import create_app, search
from craftreview.backup import reflect_tables, table_digest
from craftreview.config import postgres_test_url
from craftreview.db import make_engine
from craftreview.models import Base, Maker, Order, User, utcnow
from craftreview.search.pg_backend import METADATA as SEARCH_METADATA
from craftreview.services import scores
from craftreview.services.orders import hash_token
from craftreview.services.reviews import submit_review
from tests.conftest import DATABASES, login, review_input

# Examples per endpoint. The default keeps `make test` to minutes (about 0.1-0.3 s per request with the
# before/after state digest); the full run is FUZZ_EXAMPLES=300 (about 1.5 h per database here).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
settings.register_profile(
    "fuzz", max_examples=EXAMPLES, deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
FUZZ = settings.get_profile("fuzz")


@dataclass
class World:
    """The app under fuzzing, the records its endpoints address, and per-endpoint counts."""

    app: object
    ids: dict
    tally: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    password_hash: str = "x"  # PASSWORD's hash: the password of every user new_user makes
    rejected: Counter = field(default_factory=Counter)  # answered 4xx
    unchanged: Counter = field(default_factory=Counter)  # GET or rejected, and the state digest compared equal
    _tables: object = None

    def session(self):
        return self.app.extensions["craftreview.sessions"]()

    def client(self, user: str | int | None):
        """A test client logged in as a seeded user (by key) or a user id; fresh per example."""
        client = self.app.test_client()
        if user is not None:
            with self.session() as session:
                login(client, session.get(User, self.ids[user] if isinstance(user, str) else user))
        return client

    def new_user(self) -> int:
        """A user with no history (a new buyer for each example of a one-time form)."""
        name = secrets.token_hex(6)
        with self.session() as session:
            row = User(email=f"{name}@example.com", display_name=f"Buyer {name}", password_hash=self.password_hash)
            session.add(row)
            session.commit()
            return row.id

    def new_invitation(self) -> str:
        """An open invitation to review the second maker; returns its token."""
        token = secrets.token_urlsafe(16)
        with self.session() as session:
            session.add(Order(maker_id=self.ids["other_maker"], token_hash=hash_token(token),
                              buyer_email="buyer@example.com", item="Vase", order_type="stock",
                              price_band="25-100", ordered_on=date.today() - timedelta(days=20),
                              expires_at=utcnow() + timedelta(days=30)))
            session.commit()
        return token

    def slug_of(self, maker_key: str) -> str:
        """The maker's current slug (a successful edit may have changed it)."""
        with self.session() as session:
            return session.scalar(select(Maker.slug).where(Maker.id == self.ids[maker_key]))

    def state(self) -> tuple:
        """Every table (search tables included) and every document in the search index."""
        engine = self.app.extensions["craftreview.engine"]
        self._tables = self._tables or reflect_tables(engine)
        return table_digest(engine, self._tables), search.get_backend(self.app).fingerprints()

    def send(self, endpoint: str, client, method: str, path: str, **kwargs):
        """One request: never a 5xx; a GET, or any rejected request, leaves every table and the index unchanged."""
        # Hypothesis seeds the global `random` identically for every example; Whoosh names new segments
        # with it, so the second commit would reuse the first segment's name.
        random.seed(os.urandom(16))
        before = self.state()
        self.tally[endpoint] += 1
        try:
            response = client.open(path, method=method, **kwargs)
        except Exception:
            self.errors[endpoint] += 1  # under TESTING an unhandled error propagates instead of a 500
            raise
        status = response.status_code
        if status >= 500:
            self.errors[endpoint] += 1
        assert status < 500, f"{method} {path} answered {status}"
        if status >= 400:
            self.rejected[endpoint] += 1
        if method == "GET" or status >= 400:
            assert self.state() == before, f"{method} {path} answered {status} but changed the database or index"
            self.unchanged[endpoint] += 1
        return response


def _database(kind: str, tmp_path) -> tuple[str, str]:
    if kind == "sqlite":
        url = f"sqlite:///{tmp_path / 'fuzz.db'}"
        engine = make_engine(url)
        Base.metadata.create_all(engine)
        engine.dispose()
        return url, "whoosh"
    url = postgres_test_url()
    if not url:
        pytest.skip("CRAFTREVIEW_TEST_POSTGRES_URL is not set")
    engine = make_engine(url)
    # Recreated, not only created: tables left by an older schema would otherwise be reused as they are.
    SEARCH_METADATA.drop_all(engine)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    SEARCH_METADATA.create_all(engine)
    names = [t.name for t in Base.metadata.sorted_tables] + [t.name for t in SEARCH_METADATA.sorted_tables]
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url, "postgres"  # the PostgreSQL search backend: its tables are part of the checked state


def _seed(session, password_hash: str) -> dict:
    def user(key: str, **extra) -> int:
        row = User(email=f"{key}@example.com", display_name=key.title(), password_hash=password_hash, **extra)
        session.add(row)
        session.commit()
        return row.id
    ids = {key: user(key) for key in ("owner", "buyer", "author2", "otherowner", "editor", "target", "leaver",
                                      "renamer", "changer", "newmaker", "flagger")}
    ids["moderator"] = user("moderator", is_moderator=True)
    makers = {key: Maker(owner_id=ids[owner], name=name, slug=key, craft=craft, location="Leeds, United Kingdom")
              for key, owner, name, craft in [("hollow-oak", "owner", "Hollow Oak", "wood"),
                                              ("glass-works", "otherowner", "Glass Works", "glass"),
                                              ("edit-me", "editor", "Edit Me", "textiles")]}
    session.add_all(makers.values())
    session.commit()
    buyer, author2 = session.get(User, ids["buyer"]), session.get(User, ids["author2"])
    review = submit_review(session, buyer, makers["hollow-oak"], review_input())
    flagged = submit_review(session, author2, makers["hollow-oak"], review_input(title="Second opinion"))
    ids.update(review=review.id, modreview=flagged.id, maker=makers["hollow-oak"].id,
               other_maker=makers["glass-works"].id, editable_maker=makers["edit-me"].id)
    return ids


@pytest.fixture(scope="module", params=DATABASES)
def world(request, tmp_path_factory, password_hash):
    """A seeded app shared by one fuzz module (a fresh app per example would take many minutes)."""
    tmp_path = tmp_path_factory.mktemp("fuzz")
    url, backend = _database(request.param, tmp_path)
    scores.forget_fitted_models()
    app = create_app({
        "ENV_NAME": "test", "TESTING": True, "SECRET_KEY": "fuzz-secret", "DATABASE_URL": url,
        "INSTANCE_PATH": str(tmp_path / "instance"), "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "SEARCH_BACKEND": backend, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
        "PER_PAGE": 2,  # every listing paginates, so the links built from the query string are rendered
    })
    with app.extensions["craftreview.sessions"]() as session:
        ids = _seed(session, password_hash)
    search.drain(app)
    world = World(app=app, ids=ids, password_hash=password_hash)
    yield world
    _report(world, request.param, request.module.__name__)
    app.extensions["craftreview.engine"].dispose()


def _report(world: World, database: str, module: str) -> None:
    """Append per-endpoint figures to $FUZZ_REPORT (the figures for the closing note).

    One tab-separated line per endpoint: database, module, endpoint, cases, 5xx, rejected (4xx),
    requests whose before/after state digest was compared and found equal (every GET and every 4xx).
    """
    path = os.environ.get("FUZZ_REPORT")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            for endpoint, cases in sorted(world.tally.items()):
                counts = (cases, world.errors[endpoint], world.rejected[endpoint], world.unchanged[endpoint])
                out.write("\t".join((database, module, endpoint, *map(str, counts))) + "\n")
