"""Stored maker pages: every write that changes what the page shows retires the stored copy at once,
the renderer stores the new one, and the stored page is exactly the live one for an anonymous reader."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from craftreview.db import write_transaction
from craftreview.models import MakerPageRow, User, utcnow
from craftreview.services import (
    accounts,
    email_change,
    engagement,
    moderation,
    orders,
    page_stamps,
    replies,
    reviews,
    scores,
)
from craftreview.services.account_data import delete_account
from craftreview.services.mail import OutboxMailBackend
from craftreview.services.makers import MakerInput, update_maker
from craftreview.services.tokens import issue_token
from craftreview.web import page_values, stored_pages
from craftreview.web.fragments import fragment_cache
from tests.conftest import DATABASES, PASSWORD, fresh, login, review_input
from tests.web.test_page_queries import counted

pytestmark = pytest.mark.parametrize("database_url", DATABASES, indirect=True)
BADGE = 'class="badge verified"'


def page(app, client, url: str) -> tuple[str, bool]:
    """(html, whether it came from the stored copy: one SELECT and nothing else read).

    `client` None: a new visitor without cookies (the one the stored page is for).
    """
    with counted(app) as statements:
        response = (client or app.test_client()).get(url)
    assert response.status_code == 200
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    return response.get_data(as_text=True), len(selects) == 1 and "maker_pages" in selects[0]


def render_all(app) -> None:
    """What the renderer does after a commit (services called directly here skip the request hook)."""
    stored_pages.render_stale(app)


def follows(app, client, db, url: str, write, shows: tuple = (), hides: tuple = ()) -> None:
    """The stored page is served; after `write` the page shows the change at once (live), then stored."""
    render_all(app)
    html, stored = page(app, None, url)
    assert stored
    for text in shows:
        assert text not in html, f"{text!r} was on the page before the write"
    for text in hides:
        assert text in html, f"{text!r} was not on the page before the write"
    write()
    fresh(db)
    for label in ("live, before the renderer ran", "stored, after it ran"):
        html, stored = page(app, None, url)
        assert stored == (label.startswith("stored")), label
        for text in shows:
            assert text in html, f"{label}: {text!r} missing"
        for text in hides:
            assert text not in html, f"{label}: {text!r} still shown"
        render_all(app)


@pytest.fixture
def world(db, make_maker, make_user, make_review):
    """A maker with one review by `author`; a reader and a moderator."""
    maker = make_maker(name="Fern Kiln")
    author = make_user("Author Ann")
    review = make_review(author, maker, title="First bowl review")
    return {"maker": maker, "author": author, "reader": make_user("Reader Rob"), "review": review,
            "moderator": make_user("Mod", moderator=True), "url": f"/makers/{maker.slug}"}


def test_the_stored_page_is_the_live_page(app, client, db, world, make_user, make_review):
    replies.save_reply(db, world["maker"].owner, world["review"], "Thank you, see https://example.com/care")
    for n in range(12):  # two pages of reviews, so pagination is in it too
        make_review(make_user(), world["maker"], title=f"Review number {n}", craftsmanship=1 + n % 5)
    live, stored = page(app, None, world["url"])
    assert not stored
    render_all(app)
    served, stored = page(app, None, world["url"])
    assert stored and served == live


def test_a_new_review(app, client, db, world, make_user, make_review):
    follows(app, client, db, world["url"], lambda: make_review(make_user(), world["maker"], title="Second mug"),
            shows=("Second mug", "Reviews (2)", "2 reviews, 0 from verified orders"))


def test_an_edit(app, client, db, world):
    follows(app, client, db, world["url"],
            lambda: reviews.edit_review(db, world["author"], world["review"], review_input(title="Edited bowl")),
            shows=("Edited bowl",), hides=("First bowl review",))


def test_a_withdrawal_and_its_return(app, client, db, world):
    withdraw = lambda flag: reviews.set_withdrawn(db, world["author"], world["review"], flag)  # noqa: E731
    follows(app, client, db, world["url"], lambda: withdraw(True), shows=("No reviews yet",),
            hides=("First bowl review",))
    follows(app, client, db, world["url"], lambda: withdraw(False), shows=("First bowl review",))


def test_a_reply_and_its_edit(app, client, db, world):
    owner = world["maker"].owner
    follows(app, client, db, world["url"], lambda: replies.save_reply(db, owner, world["review"], "Thanks a lot."),
            shows=("Thanks a lot.", "1 of 1</strong> review answered"))
    follows(app, client, db, world["url"], lambda: replies.save_reply(db, owner, world["review"], "Thanks again."),
            shows=("Thanks again.",), hides=("Thanks a lot.",))


def test_a_vote_and_its_removal(app, client, db, world):
    vote = lambda: engagement.toggle_helpful(db, world["reader"], world["review"])  # noqa: E731
    follows(app, client, db, world["url"], vote, shows=("1 found this helpful",))
    follows(app, client, db, world["url"], vote, hides=("1 found this helpful",))


def test_hide_and_restore(app, client, db, world):
    hide = lambda: moderation.hide_review(db, world["moderator"], world["review"], "spam")  # noqa: E731
    follows(app, client, db, world["url"], hide, hides=("First bowl review",))
    restore = lambda: moderation.restore_review(db, world["moderator"], world["review"], "Hidden by mistake.")  # noqa: E731
    follows(app, client, db, world["url"], restore, shows=("First bowl review",))


def test_a_profile_edit(app, client, db, world):
    maker = world["maker"]
    data = MakerInput(name="Fern Kiln Studio", slug=maker.slug, craft=maker.craft, location="Kendal, United Kingdom",
                      bio="Stoneware mugs.", website="", accepts_custom=True, lead_time_days=21)
    follows(app, client, db, world["url"], lambda: update_maker(db, maker.owner, maker, data),
            shows=("Fern Kiln Studio", "Kendal", "Stoneware mugs.", "Lead time the maker states: 21 days"))


def test_the_authors_new_display_name(app, client, db, world):
    follows(app, client, db, world["url"], lambda: accounts.change_display_name(db, world["author"], "Ann Potter"),
            shows=("Ann Potter",), hides=("Author Ann",))


@pytest.fixture
def verified(db, world):
    """The author's second maker-recorded review, with a confirmed address: it carries the verified mark."""
    author, maker = world["author"], world["maker"]
    author.email_confirmed_at = utcnow()
    db.commit()
    data = orders.OrderInput(buyer_email=author.email, item="Bowl", order_type="stock", price_band="25-100",
                             ordered_on=date.today() - timedelta(days=40))
    _order, token = orders.record_order(db, maker.owner, maker, data, OutboxMailBackend(),
                                        invite_url=lambda t: f"http://localhost/invite/{t}")
    return token


def test_a_verified_review(app, client, db, world, verified):
    follows(app, client, db, world["url"],
            lambda: orders.submit_verified_review(db, world["author"], verified, review_input(title="Bowl as shown")),
            shows=("Bowl as shown", BADGE))


def test_a_lapsed_confirmation_takes_the_verified_mark_away_and_a_confirmed_address_change_brings_it_back(
        app, client, db, world, verified):
    """An email change only happens through the link mailed to the new address, which confirms it."""
    author = world["author"]
    orders.submit_verified_review(db, author, verified, review_input(title="Bowl as shown"))

    def lapse():
        with write_transaction(db):
            db.get(User, author.id).email_confirmed_at = None
            page_stamps.touch_author(db, author.id)
    follows(app, client, db, world["url"], lapse, hides=(BADGE,))
    token = issue_token(db, db.get(User, author.id), email_change.PURPOSE, utcnow(), email="ann@elsewhere.example")
    db.commit()
    follows(app, client, db, world["url"], lambda: email_change.confirm_email_change(db, token), shows=(BADGE,))


def test_a_deleted_account_keeps_its_review_as_former_member(app, client, db, world):
    follows(app, client, db, world["url"],
            lambda: delete_account(db, world["author"], password=PASSWORD, reviews="keep"),
            shows=("Former member",), hides=("Author Ann",))


def test_a_rescore(app, client, db, world):
    def rescore():
        with write_transaction(db):
            scores.rescore_all(db)
    render_all(app)
    assert page(app, None, world["url"])[1]
    rescore()
    assert not page(app, None, world["url"])[1]  # every page is live until `flask pages render` stores it
    render_all(app)
    assert page(app, None, world["url"])[1]


def test_a_rescore_marks_only_pages_that_draw_differently(app, client, db, world):
    drawn, now = page_values.shown_values(app), utcnow()

    def rescore(at):
        with write_transaction(db):
            return scores.rescore_all(db, now=at, drawn=drawn)
    rescore(now)
    render_all(app)
    with app.extensions["craftreview.engine"].connect() as conn:
        stamp = page_stamps.listing_stamp(conn)
    assert rescore(now).pages == 0  # the same data at the same time draws the same page
    assert page(app, None, world["url"])[1]  # so the stored copy is still served
    with app.extensions["craftreview.engine"].connect() as conn:
        assert page_stamps.listing_stamp(conn) > stamp  # listings are kept no longer: ranks may have moved
    assert rescore(now + timedelta(days=400)).pages == 1  # a year of time decay moves the estimate
    assert not page(app, None, world["url"])[1]
    render_all(app)
    assert page(app, None, world["url"])[1]


def test_a_write_through_the_site_stores_the_page_without_the_writers_controls(app, client, db, world):
    render_all(app)
    login(client, world["reader"])
    assert client.post(f"/reviews/{world['review'].id}/helpful").status_code in (302, 303)
    html, stored = page(app, None, world["url"])  # rendered after the vote's response, as anonymous
    assert stored and "1 found this helpful" in html
    assert "Remove helpful vote" not in html and "Helpful</button>" not in html and "Reader Rob" not in html


def test_readers_who_are_logged_in_filter_or_carry_cookies_get_the_live_page(app, client, db, world, make_maker):
    render_all(app)
    assert page(app, None, world["url"])[1]
    assert not page(app, None, world["url"] + "?sort=helpful")[1]
    compare = app.test_client()
    compare.post("/compare/add", data={"maker": make_maker(name='Other Kiln').slug})  # a cookie
    html, stored = page(app, compare, world["url"])
    assert not stored and "compare-count" in html
    login(client, world["author"])
    html, stored = page(app, client, world["url"])
    assert not stored and "Edit your review" in html


def test_a_visitor_who_read_a_review_still_gets_the_stored_page(app, db, world):
    """Reading a review page starts no session for a visitor (with CSRF on, as in production, the helpful-vote
    form's token would), so the maker page read next is still the stored one."""
    app.config["WTF_CSRF_ENABLED"] = True
    render_all(app)
    visitor = app.test_client()
    response = visitor.get(f"/reviews/{world['review'].id}")
    assert response.status_code == 200 and "First bowl review" in response.get_data(as_text=True)
    assert response.headers.getlist("Set-Cookie") == []
    assert page(app, visitor, world["url"])[1]
    login(visitor, world["reader"])  # a reader who may vote still gets the form, with its token
    assert 'name="csrf_token"' in visitor.get(f"/reviews/{world['review'].id}").get_data(as_text=True)


def test_a_copy_of_another_layout_is_not_served(app, client, db, world):
    render_all(app)
    db.execute(MakerPageRow.__table__.update().values(layout="0" * 16))
    db.commit()
    assert not page(app, None, world["url"])[1]
    render_all(app)
    assert page(app, None, world["url"])[1]


def test_an_older_render_never_replaces_a_newer_one(app, db, world):
    render_all(app)
    maker_id = world["maker"].id
    stored = db.get(MakerPageRow, maker_id)
    newest = stored.rendered_revision
    page_stamps.store_page(db, maker_id, newest - 1, stored.layout, "old page", utcnow())
    db.commit()
    fresh(db)
    kept = db.get(MakerPageRow, maker_id)
    assert kept.rendered_revision == kept.revision == newest
    assert kept.document != "old page" and "First bowl review" in kept.document


def test_a_render_of_a_revision_that_a_write_overtook_is_not_served(app, client, db, world, make_user, make_review):
    """The renderer read revision N; a write made it N+1 before the copy was stored: the copy is kept, never served."""
    render_all(app)
    maker_id = world["maker"].id
    revision = page_stamps.page_revision(db, maker_id)[0]
    make_review(make_user(), world["maker"], title="Overtaking review")
    page_stamps.store_page(db, maker_id, revision, stored_pages.layout(app), "old page", utcnow())
    db.commit()
    html, stored = page(app, None, world["url"])
    assert not stored and "Overtaking review" in html


def browse(app) -> tuple[str, int]:
    """/makers as a visitor without cookies: (html, SELECT statements run)."""
    with counted(app) as statements:
        html = app.test_client().get("/makers").get_data(as_text=True)
    return html, len([s for s in statements if s.lstrip().upper().startswith("SELECT")])


def test_browse_is_kept_until_a_write_moves_a_card(app, client, db, world, make_user, make_review):
    browse(app)
    html, selects = browse(app)
    assert selects == 1 and "1 review" in html  # the listing stamp; the counts are a short-lived copy
    make_review(make_user(), world["maker"], title="Second mug")
    html, selects = browse(app)
    assert selects > 1 and "2 reviews" in html
    maker = world["maker"]
    update_maker(db, maker.owner, maker, MakerInput(name="Renamed Kiln", slug=maker.slug, craft=maker.craft,
                                                    location=maker.location, bio=maker.bio, website="",
                                                    accepts_custom=True, lead_time_days=None))
    assert "Renamed Kiln" in browse(app)[0]
    with write_transaction(db):
        scores.rescore_all(db)
    assert browse(app)[1] > 1  # every score was rewritten: drawn again



def test_the_renderer_keeps_no_fragments_in_the_workers_cache_but_uses_those_kept(app, db, world, make_user,
                                                                                   make_review):
    """Each write's page is rendered once for its stored copy; keeping its parts in the worker's memory filled
    the fragment cache to its bound within a few hundred writes (issue #12's worker memory)."""
    with app.app_context():
        cache = fragment_cache()
    for n in range(3):
        make_review(make_user(), world["maker"], title=f"Review number {n}")
        render_all(app)
    assert len(cache) == 0 and cache.bytes == 0
    live = app.test_client()
    live.set_cookie("compare", world["maker"].slug)  # a cookie: the page is drawn live, and its parts kept
    assert "Review number 2" in live.get(world["url"]).get_data(as_text=True)
    kept, hits = len(cache), cache.stats.hits
    assert kept == 3
    stored_pages.render_stale(app, everything=True)  # the same state drawn again: the kept parts are used
    assert len(cache) == kept and cache.stats.hits == hits + 3
