"""Every GET page runs a fixed number of SQL statements, however much data there is.

Each page is fetched in a small world, the world grows (more makers, more reviews of the same maker,
more replies, flags, orders, votes, audit entries), and the page is fetched again: the counts must be
equal. Add a page by adding a `Page` to PAGES; `url` receives the World and returns the path.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from sqlalchemy import event

from craftreview.models import Maker, Review, User, utcnow
from craftreview.services.engagement import flag_review, toggle_helpful
from craftreview.services.mail import make_mail_backend
from craftreview.services.orders import OrderInput, record_order
from craftreview.services.replies import save_reply
from tests.conftest import login

_words = itertools.count(1)


@dataclass
class World:
    """The people and things the pages are about; grow() adds more of everything."""

    owner: User
    maker: Maker
    author: User
    review: Review
    moderator: User
    buyer: User
    token: str
    others: list[Maker] = field(default_factory=list)


@dataclass(frozen=True)
class Page:
    name: str
    url: Callable[[World], str]
    viewer: str = "anonymous"  # or a World attribute holding a User


PAGES = [
    Page("home", lambda w: "/"),
    Page("browse", lambda w: "/makers"),
    Page("browse by reviews", lambda w: "/makers?sort=reviews"),
    Page("browse one craft", lambda w: "/makers?craft=wood"),
    Page("browse page 2", lambda w: "/makers?page=2"),
    Page("maker page", lambda w: f"/makers/{w.maker.slug}"),
    Page("maker page as its reviewer", lambda w: f"/makers/{w.maker.slug}", "author"),
    Page("maker page 2", lambda w: f"/makers/{w.maker.slug}?page=2"),
    Page("score page", lambda w: f"/makers/{w.maker.slug}/score"),
    Page("review page", lambda w: f"/reviews/{w.review.id}"),
    Page("write a review", lambda w: f"/makers/{w.maker.slug}/review", "buyer"),
    Page("edit a review", lambda w: f"/reviews/{w.review.id}/edit", "author"),
    Page("reply form", lambda w: f"/reviews/{w.review.id}/reply", "owner"),
    Page("flag form", lambda w: f"/reviews/{w.review.id}/flag", "buyer"),
    Page("search makers", lambda w: "/search?q=walnut"),
    Page("search reviews", lambda w: "/search?q=glaze&tab=reviews"),
    Page("dashboard", lambda w: "/dashboard", "owner"),
    Page("reviews waiting for a reply", lambda w: "/dashboard/replies", "owner"),
    Page("edit maker profile", lambda w: f"/makers/{w.maker.slug}/edit", "owner"),
    Page("new maker profile", lambda w: "/makers/new", "buyer"),
    Page("invitation", lambda w: f"/invite/{w.token}", "buyer"),
    Page("moderation queue", lambda w: "/moderation", "moderator"),
    Page("moderation review", lambda w: f"/moderation/reviews/{w.review.id}", "moderator"),
    Page("moderation log", lambda w: "/moderation/log", "moderator"),
    Page("account", lambda w: "/account", "author"),
    Page("my reviews", lambda w: "/me/reviews", "author"),
    Page("login", lambda w: "/login"),
    Page("register", lambda w: "/register"),
    Page("health", lambda w: "/healthz"),
    Page("compare", lambda w: f"/compare?makers={w.maker.slug}"),
    Page("notifications", lambda w: "/notifications", "author"),
    Page("ring signals", lambda w: "/moderation/signals", "moderator"),
    Page("mail outbox", lambda w: "/moderation/mail", "moderator"),
]


@pytest.fixture
def world(db, make_user, make_maker, make_review) -> World:
    """A maker with one review, a reply, a flag, an order; a moderator and a would-be buyer."""
    owner = make_user("owner")
    maker = make_maker(owner, name="Walnut Works", bio="Walnut tables with an even glaze.")
    author = make_user("author")
    review = make_review(author, maker)
    save_reply(db, owner, review, "Thank you for the kind words.")
    moderator = make_user("mod", moderator=True)
    flag_review(db, make_user("flagger"), review, "spam")
    buyer = make_user("buyer")
    buyer.email_confirmed_at = utcnow()  # an invitation opens only for its confirmed buyer
    db.commit()
    _order, token = _order_for(db, owner, maker, buyer.email)
    return World(owner, maker, author, review, moderator, buyer, token)


def _order_for(db, owner: User, maker: Maker, email: str | None = None) -> tuple:
    data = OrderInput(buyer_email=email or f"buyer{next(_words)}@example.com", item="Walnut bowl", order_type="custom",
                      price_band="25-100", ordered_on=date.today() - timedelta(days=3))
    return record_order(db, owner, maker, data, make_mail_backend("outbox"), invite_url=lambda t: f"/invite/{t}")


def grow(db, world: World, make_user, make_maker, make_review, reviews: int = 4, makers: int = 4) -> None:
    """More of everything each page lists or counts."""
    for i in range(reviews):
        buyer = make_user(f"grow{next(_words)}")
        review = make_review(buyer, world.maker, craftsmanship=1 + i % 5, title=f"Walnut piece {i}")
        save_reply(db, world.owner, review, f"Thanks, reply {i}.")
        flag_review(db, world.buyer, review, "spam")
        toggle_helpful(db, world.author, review)
        make_review(world.author, make_maker(name=f"Walnut Maker {i}"))
        _order_for(db, world.owner, world.maker)
    for i in range(makers):
        other = make_maker(name=f"Glaze Studio {i}", craft="ceramics" if i % 2 else "wood")
        make_review(make_user(), other, title="Even glaze")
        world.others.append(other)


def _count_queries(app, client, url: str) -> tuple[int, int, list[str]]:
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    engine = app.extensions["craftreview.engine"]
    event.listen(engine, "before_cursor_execute", record)
    try:
        response = client.get(url)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return response.status_code, len(statements), statements


def _client_for(app, world: World, viewer: str):
    client = app.test_client()
    if viewer != "anonymous":
        login(client, getattr(world, viewer))
    return client


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_runs_the_same_number_of_queries_whatever_the_data_size(app, db, world, page, make_user,
                                                                     make_maker, make_review):
    # Size one already fills every list past its first page (an empty list skips its follow-up
    # queries, which is not growth); size two adds as much again.
    app.config["PER_PAGE"] = 3  # small pages: a few rows fill page 2 (building worlds is the slow part)
    grow(db, world, make_user, make_maker, make_review)
    client = _client_for(app, world, page.viewer)
    client.get(page.url(world))  # warm: first-use work (e.g. opening the index) is not per-request
    status, small, _ = _count_queries(app, client, page.url(world))
    assert status == 200, page.name
    grow(db, world, make_user, make_maker, make_review)
    # Warm again: a page kept until the next write (browse, for a visitor without cookies) is counted
    # as kept both times; its first render after the write is counted by test_listing_queries.py.
    client.get(page.url(world))
    status, large, statements = _count_queries(app, client, page.url(world))
    assert status == 200, page.name
    assert large == small, f"{page.name}: {small} queries before, {large} after growing:\n" + "\n".join(statements)


@pytest.mark.parametrize("page", [p for p in PAGES if p.name != "score page"], ids=lambda p: p.name)
def test_no_page_but_the_score_page_loads_the_explanation(app, world, page):
    _status, _count, statements = _count_queries(app, _client_for(app, world, page.viewer), page.url(world))
    assert not [s for s in statements if "detail_json" in s], page.name


def test_the_score_page_loads_and_shows_the_explanation(app, world):
    status, _count, statements = _count_queries(app, app.test_client(), f"/makers/{world.maker.slug}/score")
    assert status == 200
    assert any("detail_json" in s for s in statements)
