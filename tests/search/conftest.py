"""Search fixtures: a fresh app per test on each backend, and a small world of makers and reviews."""
from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update

from craftreview import create_app, search
from craftreview.config import postgres_test_url
from craftreview.db import make_engine, write_transaction
from craftreview.models import Base, Maker, MakerScoreRow, Order, Reply, Review, User
from craftreview.search.outbox import enqueue
from craftreview.search.pg_backend import METADATA as SEARCH_METADATA
from craftreview.web.context import session_factory
from tests.conftest import empty_tables

BACKENDS = ["whoosh", pytest.param("postgres", marks=pytest.mark.postgres)]
_ids = itertools.count(1)
T0 = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="session")
def search_pg_engine():
    """The PostgreSQL test database with the app's and the search tables (None when not configured)."""
    url = postgres_test_url()
    if not url:
        yield None
        return
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    SEARCH_METADATA.drop_all(engine)  # a database left by an earlier run may hold an older search schema
    SEARCH_METADATA.create_all(engine)
    yield engine
    engine.dispose()


def _truncate(engine) -> None:
    empty_tables(engine, Base.metadata.sorted_tables + SEARCH_METADATA.sorted_tables)


def make_app(tmp_path, backend: str, database_url: str, **extra):
    """An app on the given database and search backend."""
    return create_app({
        "ENV_NAME": "test", "TESTING": True, "SECRET_KEY": "t", "DATABASE_URL": database_url,
        "INSTANCE_PATH": str(tmp_path / "instance"), "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "SEARCH_BACKEND": backend, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False, **extra,
    })


def sqlite_url(tmp_path) -> str:
    """A fresh SQLite file with the schema."""
    url = f"sqlite:///{tmp_path / 'search.db'}"
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    engine.dispose()
    return url


@pytest.fixture(params=BACKENDS)
def search_app(request, tmp_path, search_pg_engine):
    """A fresh app per test, once per search backend."""
    if request.param == "whoosh":
        url = sqlite_url(tmp_path)
    else:
        if search_pg_engine is None:
            pytest.skip("CRAFTREVIEW_TEST_POSTGRES_URL is not set")
        _truncate(search_pg_engine)
        url = search_pg_engine.url.render_as_string(hide_password=False)
    app = make_app(tmp_path, request.param, url)
    yield app
    app.extensions["craftreview.engine"].dispose()


@dataclass
class Score:
    tier: str
    p_skilled: float
    overall: float
    review_count: int
    trusted_reviews: float | None = None

    @property
    def rank_score(self) -> float:
        return self.overall if self.tier != "unproven" else self.overall - 10


class World:
    """Writes model rows plus outbox rows in one transaction, the way the services do."""

    def __init__(self, app):
        self.app = app
        self.sessions = session_factory(app)

    def _write(self, fn):
        with self.sessions() as session, write_transaction(session):
            return fn(session)

    def _user(self, session, label: str) -> User:
        n = next(_ids)
        user = User(email=f"{label}{n}-{uuid.uuid4().hex[:10]}@example.test", display_name=f"{label} {n}", password_hash="x")
        session.add(user)
        session.flush()
        return user

    def maker(self, name: str, craft: str, location: str = "", bio: str = "", custom: bool = False,
              score: Score | None = None) -> int:
        """A maker (and its score row) committed with its outbox row."""
        def write(session):
            owner = self._user(session, "owner")
            maker = Maker(owner_id=owner.id, name=name, slug=f"{name.lower().replace(' ', '-')}-{owner.id}",
                          craft=craft, location=location, bio=bio, accepts_custom=custom,
                          created_at=T0 + timedelta(days=owner.id))
            session.add(maker)
            session.flush()
            if score:
                session.add(_score_row(maker.id, score))
            enqueue(session, "maker", maker.id)
            return maker.id
        return self._write(write)

    def review(self, maker_id: int, title: str, body: str, stars=(4, 4, 4), verified: bool = False,
               reply: str | None = None, days: int = 0) -> int:
        """A visible review committed with review and maker outbox rows."""
        def write(session):
            author = self._user(session, "buyer")
            author.email_confirmed_at = T0 if verified else None  # the mark: an order and a confirmed address
            order_id = self._order(session, maker_id) if verified else None
            review = Review(maker_id=maker_id, author_id=author.id, order_id=order_id, title=title, body=body,
                            craftsmanship=stars[0], consistency=stars[1], delivery=stars[2],
                            created_at=T0 + timedelta(days=30 + days))
            session.add(review)
            session.flush()
            if reply:
                session.add(Reply(review_id=review.id, author_id=author.id, body=reply))
            enqueue(session, "review", review.id)
            enqueue(session, "maker", maker_id)
            return review.id
        return self._write(write)

    def _order(self, session, maker_id: int) -> int:
        n = next(_ids)
        order = Order(maker_id=maker_id, buyer_email=f"o{n}@example.test", item="item", order_type="stock",
                      price_band="25-100", ordered_on=date(2026, 1, 1), token_hash=uuid.uuid4().hex * 2,
                      expires_at=T0 + timedelta(days=90))
        session.add(order)
        session.flush()
        return order.id

    def unconfirm_author(self, review_id: int) -> None:
        """The review's author changed address (unconfirmed now), with the maker outbox row a service writes."""
        def write(session):
            review = session.get(Review, review_id)
            review.author.email_confirmed_at = None
            enqueue(session, "maker", review.maker_id)
        self._write(write)

    def change_review(self, review_id: int, **values) -> None:
        """Update a review (hide, withdraw, edit) with its outbox rows, as a service would."""
        def write(session):
            session.execute(update(Review).where(Review.id == review_id).values(**values))
            maker_id = session.get(Review, review_id).maker_id
            enqueue(session, "review", review_id)
            enqueue(session, "maker", maker_id)
        self._write(write)

    def hide(self, review_id: int) -> None:
        self.change_review(review_id, hidden_at=T0, hidden_reason="spam")

    def withdraw(self, review_id: int) -> None:
        self.change_review(review_id, withdrawn_at=T0)

    def drain(self) -> int:
        return search.drain(self.app)


def _score_row(maker_id: int, s: Score) -> MakerScoreRow:
    values = dict(maker_id=maker_id, model_version="test", computed_at=T0, overall=s.overall,
                  overall_low=s.overall - 0.3, overall_high=s.overall + 0.3, p_skilled=s.p_skilled,
                  tier=s.tier, rank_score=s.rank_score, review_count=s.review_count, verified_count=0,
                  detail_json="{}", trusted_reviews=s.trusted_reviews)
    # The scoring model's other columns are not search inputs: fill them plausibly.
    for column in MakerScoreRow.__table__.columns:
        if column.name not in values and not column.nullable:
            values[column.name] = _filler(column)
    return MakerScoreRow(**values)


def _filler(column):
    kind = column.type.python_type
    return {float: 4.0, int: 0, str: "x"}.get(kind, None)


@pytest.fixture
def world(search_app) -> World:
    return World(search_app)


@dataclass
class Corpus:
    """Ids of the standard corpus the contract tests query."""

    ids: dict[str, int]

    def __getitem__(self, name: str) -> int:
        return self.ids[name]


@pytest.fixture
def corpus(world) -> Corpus:
    """A small, deliberately shaped world: see the names for what each row is there to test."""
    ids: dict[str, int] = {}
    m = world.maker
    ids["fern"] = m("Fern and Flame Pottery", "ceramics", "Leeds, UK",
                    "Wheel-thrown stoneware dinner sets in speckled glazes. Every plate matches.", True,
                    Score("master", 0.97, 4.7, 30))
    ids["oak"] = m("Oakhaven Woodworks", "wood", "Bristol, UK",
                   "Custom walnut dining tables and benches, finished with hard wax oil.", True,
                   Score("skilled", 0.85, 4.2, 12))
    ids["saddle"] = m("Saddle Row", "leather", "Manchester, UK", "Hand-stitched bags and belts.", False,
                      Score("developing", 0.5, 3.8, 5))
    ids["glassbrook"] = m("Glassbrook Studio", "glass", "Leeds, UK", "Blown vases and tumblers.", False,
                          Score("skilled", 0.8, 4.1, 8))
    ids["inkwell"] = m("Inkwell Bindery", "paper", "Paris, France", "Hand-bound notebooks and journals.")
    # Twins: identical text, different standing (the weaker one is created first).
    ids["kiln_weak"] = m("Kiln House", "ceramics", "Hull, UK", "Raku fired tea bowls.", False,
                         Score("novice", 0.1, 3.1, 6))
    ids["kiln_strong"] = m("Kiln Yard", "ceramics", "Hull, UK", "Raku fired tea bowls.", False,
                           Score("master", 0.95, 4.6, 40))
    r = world.review
    ids["r_late"] = r(ids["saddle"], "Lovely bag but it arrived late",
                      "The leather bag arrived two weeks late, but the stitching is excellent.", (5, 4, 2),
                      verified=True, reply="Sorry, the courier lost it for a week.", days=1)
    ids["r_set"] = r(ids["fern"], "Dinner set matches perfectly",
                     "Ordered a twelve piece dinner set; every plate matches the photos.", (5, 5, 5),
                     verified=True, days=2)
    ids["r_table"] = r(ids["oak"], "Custom walnut table", "Our walnut table is beautiful and arrived on time.",
                       (5, 4, 5), days=3)
    ids["r_passing"] = r(ids["inkwell"], "Beautiful journal",
                         "Lovely notebook. I also bought some pottery elsewhere but this journal is the star.",
                         (4, 4, 3), days=4)
    ids["r_hidden"] = r(ids["glassbrook"], "Secret vase", "zanzibarite smuggled pieces", (1, 1, 1), days=5)
    ids["r_withdrawn"] = r(ids["oak"], "Changed my mind", "quokkaword review text", (2, 2, 2), days=6)
    world.hide(ids["r_hidden"])
    world.withdraw(ids["r_withdrawn"])
    world.drain()
    return Corpus(ids)
