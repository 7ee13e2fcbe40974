"""The demo world: requested sizes, every constraint, coherent text, demo logins, determinism."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select, text

from craftreview.db import make_engine
from craftreview.demo import DEMO_PASSWORD, seed_demo
from craftreview.models import CRAFTS, FLAG_REASONS, ORDER_TYPES, PRICE_BANDS, Base, as_utc
from craftreview.services.passwords import verify_password

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
TABLES = ("users", "makers", "orders", "reviews", "replies", "helpful_votes", "flags")
LATE_OR_PACKING = re.compile(r"\blate\b|\bdelay|packed|packing|damaged|missed|came and went", re.I)


def _engine(path) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    return engine


def _rows(engine: Engine, query) -> list[dict]:
    """Rows as dicts; pass a Core select (not SQL text) when dates must come back typed."""
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(text(query) if isinstance(query, str) else query)]


def _t(name: str):
    return Base.metadata.tables[name]


def _count(engine: Engine, table: str) -> int:
    return _rows(engine, f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    engine = _engine(tmp_path_factory.mktemp("demo") / "demo.db")
    report = seed_demo(engine, makers=12, reviews=120, seed=7, now=NOW)
    yield engine, report
    engine.dispose()


@pytest.fixture(scope="module")
def db(seeded) -> Engine:
    return seeded[0]


def test_seeding_creates_the_requested_numbers_and_reports_them(seeded):
    engine, report = seeded
    assert (report.makers, report.reviews) == (12, 120)
    for table in TABLES:
        assert _count(engine, table) == getattr(report, table), table
    assert report.seconds > 0
    assert 0.15 * 120 <= report.orders <= 0.5 * 120  # about 30% verified


def test_every_craft_is_represented_when_there_are_nine_or_more_makers(db):
    crafts = {row["craft"] for row in _rows(db, "SELECT craft FROM makers")}
    assert crafts == set(CRAFTS)


def test_makers_have_real_looking_profiles(db):
    for maker in _rows(db, "SELECT * FROM makers"):
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", maker["slug"])
        assert re.fullmatch(r"[^,]+, [^,]+", maker["location"])
        assert 2 <= maker["bio"].count(". ") + 1 <= 4
        assert len(maker["name"]) <= 100


def test_no_one_reviews_their_own_maker_profile(db):
    own = _rows(db, "SELECT r.id FROM reviews r JOIN makers m ON m.id = r.maker_id WHERE m.owner_id = r.author_id")
    assert own == []


def test_unverified_reviews_are_one_per_author_and_maker(db):
    dupes = _rows(db, "SELECT author_id, maker_id FROM reviews WHERE order_id IS NULL "
                      "GROUP BY author_id, maker_id HAVING COUNT(*) > 1")
    assert dupes == []


def test_verified_reviews_use_an_order_of_that_maker_and_buyer(db):
    r, o, u = _t("reviews"), _t("orders"), _t("users")
    rows = _rows(db, select(r.c.maker_id.label("review_maker"), r.c.created_at.label("written"), r.c.body,
                            r.c.order_type.label("r_type"), o, u.c.email)
                 .join_from(r, o, o.c.id == r.c.order_id).join(u, u.c.id == r.c.author_id))
    assert rows
    for row in rows:
        assert row["maker_id"] == row["review_maker"] and row["buyer_email"] == row["email"]
        assert re.fullmatch(r"[0-9a-f]{64}", row["token_hash"])
        assert row["created_at"] <= row["used_at"] == row["written"] <= row["expires_at"]
        assert row["r_type"] == row["order_type"] in ORDER_TYPES
        assert row["item"].split(" (")[0].lower() in row["body"]


def test_order_context_dates_are_consistent_with_each_other_and_the_review(db):
    reviews = _rows(db, select(_t("reviews")).where(_t("reviews").c.ordered_on.is_not(None)))
    assert len(reviews) >= 0.7 * 120
    for r in reviews:
        assert r["ordered_on"] <= r["promised_by"] and r["ordered_on"] <= r["delivered_on"]
        assert r["delivered_on"] <= r["created_at"].date()
        assert r["price_band"] in PRICE_BANDS and r["order_type"] in ORDER_TYPES


def test_delivery_dates_match_the_delivery_rating(db):
    for r in _rows(db, select(_t("reviews")).where(_t("reviews").c.ordered_on.is_not(None))):
        slip = (r["delivered_on"] - r["promised_by"]).days
        if r["delivery"] >= 4:
            assert slip <= 0
        elif r["delivery"] == 3:
            assert slip > 0
        elif "pack" not in r["body"].lower():
            assert slip >= 14


def test_low_delivery_ratings_read_like_late_or_badly_packed_deliveries(db):
    low = _rows(db, "SELECT body FROM reviews WHERE delivery <= 2")
    assert low
    assert all(LATE_OR_PACKING.search(r["body"]) for r in low)


def test_good_delivery_ratings_never_complain_about_lateness(db):
    for r in _rows(db, "SELECT title, body FROM reviews WHERE delivery >= 4"):
        assert not re.search(r"\blate\b", f"{r['title']} {r['body']}", re.I)


def test_review_text_fits_the_columns(db):
    for r in _rows(db, "SELECT title, body FROM reviews"):
        assert 0 < len(r["title"]) <= 120 and 0 < len(r["body"]) <= 5000
        assert 2 <= len(re.findall(r"[.!?](\s|$)", r["body"])) <= 4


def test_reviews_come_after_the_maker_and_author_joined_within_about_three_years(db):
    r, m, u = _t("reviews"), _t("makers"), _t("users")
    query = (select(r.c.created_at, m.c.created_at.label("maker_at"), u.c.created_at.label("author_at"))
             .join_from(r, m, m.c.id == r.c.maker_id).join(u, u.c.id == r.c.author_id))
    rows = _rows(db, query)
    for row in rows:
        written = as_utc(row["created_at"])
        assert NOW - timedelta(days=4 * 365) < written <= NOW
        assert as_utc(row["maker_at"]) <= written and as_utc(row["author_at"]) <= written


def test_replies_are_by_the_maker_owner_after_the_review(db):
    p, r, m = _t("replies"), _t("reviews"), _t("makers")
    rows = _rows(db, select(p.c.author_id, p.c.created_at, m.c.owner_id, r.c.created_at.label("written"))
                 .join_from(p, r, r.c.id == p.c.review_id).join(m, m.c.id == r.c.maker_id))
    assert 0.1 * 120 <= len(rows) <= 0.5 * 120
    for row in rows:
        assert row["author_id"] == row["owner_id"] and row["written"] <= row["created_at"]


def test_helpful_counts_match_votes_and_no_one_votes_for_their_own_review(db):
    mismatched = _rows(db, "SELECT r.id FROM reviews r WHERE r.helpful_count != "
                           "(SELECT COUNT(*) FROM helpful_votes v WHERE v.review_id = r.id)")
    own = _rows(db, "SELECT v.review_id FROM helpful_votes v JOIN reviews r ON r.id = v.review_id "
                    "WHERE v.user_id = r.author_id")
    assert mismatched == [] and own == [] and _count(db, "helpful_votes") > 0


def test_open_flags_come_from_someone_other_than_the_author(db):
    flags = _rows(db, "SELECT f.*, r.author_id FROM flags f JOIN reviews r ON r.id = f.review_id")
    assert len(flags) >= 3
    for flag in flags:
        assert flag["status"] == "open" and flag["reason"] in FLAG_REASONS and flag["note"]
        assert flag["user_id"] != flag["author_id"]


def _user(engine: Engine, email: str) -> dict:
    return _rows(engine, f"SELECT * FROM users WHERE email = '{email}'")[0]


def test_demo_accounts_exist_with_the_demo_password(seeded):
    engine, report = seeded
    assert {a.email for a in report.accounts} == {
        "buyer@demo.example.com", "maker@demo.example.com", "moderator@demo.example.com"}
    for account in report.accounts:
        assert account.password == DEMO_PASSWORD == "demo-password-2026"
        assert verify_password(_user(engine, account.email)["password_hash"], DEMO_PASSWORD)
    assert _user(engine, "moderator@demo.example.com")["is_moderator"]


def test_demo_buyer_has_a_few_reviews(db):
    buyer = _user(db, "buyer@demo.example.com")
    assert 3 <= _rows(db, f"SELECT COUNT(*) AS n FROM reviews WHERE author_id = {buyer['id']}")[0]["n"] <= 8
    assert not buyer["is_moderator"]


def test_demo_maker_has_reviews_some_replied_and_some_not(db):
    owner = _user(db, "maker@demo.example.com")
    reviews = _rows(db, "SELECT r.id, p.id AS reply_id FROM reviews r JOIN makers m ON m.id = r.maker_id "
                        f"LEFT JOIN replies p ON p.review_id = r.id WHERE m.owner_id = {owner['id']}")
    assert len(reviews) >= 8
    assert sum(r["reply_id"] is None for r in reviews) >= 3
    assert any(r["reply_id"] is not None for r in reviews)


def _snapshot(engine: Engine) -> dict[str, list[dict]]:
    snapshot = {table: _rows(engine, f"SELECT * FROM {table} ORDER BY 1, 2") for table in TABLES}
    for user in snapshot["users"]:
        user.pop("password_hash")  # salted: the only part that differs between runs
    return snapshot


def test_the_same_seed_gives_the_same_world_and_another_seed_a_different_one(db, tmp_path):
    again, other = _engine(tmp_path / "again.db"), _engine(tmp_path / "other.db")
    seed_demo(again, makers=12, reviews=120, seed=7, now=NOW)
    seed_demo(other, makers=12, reviews=120, seed=8, now=NOW)
    assert _snapshot(again) == _snapshot(db)
    assert _snapshot(other)["reviews"] != _snapshot(db)["reviews"]
    again.dispose()
    other.dispose()


def test_seeding_a_database_that_has_users_is_refused(db):
    users_before = _count(db, "users")
    with pytest.raises(ValueError, match="already has users"):
        seed_demo(db, makers=2, reviews=5)
    assert _count(db, "users") == users_before


@pytest.mark.parametrize(("makers", "reviews"), [(1, 60), (3, 0), (20, 5)])
def test_lopsided_worlds_still_respect_every_constraint(tmp_path, makers, reviews):
    engine = _engine(tmp_path / "small.db")
    report = seed_demo(engine, makers=makers, reviews=reviews, now=NOW)
    assert (_count(engine, "makers"), _count(engine, "reviews")) == (makers, reviews)
    assert report.flags == min(3, reviews)
    engine.dispose()


def test_nonsense_sizes_are_rejected(tmp_path):
    engine = _engine(tmp_path / "bad.db")
    with pytest.raises(ValueError):
        seed_demo(engine, makers=0, reviews=10)
    assert _count(engine, "users") == 0
    engine.dispose()


def test_new_rows_get_ids_after_the_seeded_ones(database_url):
    """Explicit ids must not leave PostgreSQL sequences behind (the fixture also covers SQLite)."""
    engine = make_engine(database_url)
    report = seed_demo(engine, makers=3, reviews=10, now=NOW)
    with engine.begin() as conn:
        new_id = conn.execute(_t("users").insert().values(
            email="late@example.org", display_name="Late", password_hash="x", is_moderator=False,
            is_suspended=False, session_version=1, created_at=NOW)).inserted_primary_key[0]
    assert new_id == report.users + 1
    engine.dispose()


COMMISSION_WORDS = re.compile(r"commission|made-to-order|to our own measurements", re.I)


def test_custom_orders_are_only_placed_with_makers_who_take_them(db):
    rows = _rows(db, "SELECT m.accepts_custom FROM reviews r JOIN makers m ON m.id = r.maker_id "
                     "WHERE r.order_type = 'custom' UNION ALL SELECT m.accepts_custom FROM orders o "
                     "JOIN makers m ON m.id = o.maker_id WHERE o.order_type = 'custom'")
    assert rows and all(r["accepts_custom"] for r in rows)


def test_stock_orders_and_stock_only_makers_never_read_like_commissions(db):
    rows = _rows(db, "SELECT r.body, r.order_type, m.accepts_custom FROM reviews r JOIN makers m ON m.id = r.maker_id")
    commissioned = [r for r in rows if COMMISSION_WORDS.search(r["body"])]
    assert commissioned, "some custom orders should read like commissions"
    for r in commissioned:
        assert r["accepts_custom"] and r["order_type"] in ("custom", None), r["body"]


def test_replies_speak_for_the_maker_and_answer_what_the_review_says(db):
    rows = _rows(db, "SELECT p.body AS reply, r.body, r.delivery, m.accepts_custom FROM replies p "
                     "JOIN reviews r ON r.id = p.review_id JOIN makers m ON m.id = r.maker_id")
    for r in rows:
        assert r["accepts_custom"] or "commission" not in r["reply"].lower(), r["reply"]
        if r["delivery"] <= 2 and re.search(r"pack|damaged", r["body"], re.I):
            assert re.search(r"pack|damage", r["reply"], re.I), (r["body"], r["reply"])
        elif r["delivery"] <= 2:
            assert re.search(r"late|delay", r["reply"], re.I), (r["body"], r["reply"])
