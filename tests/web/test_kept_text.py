"""A form refused before its view ran keeps what was typed (web/kept_text.py).

An expired session (no valid CSRF token: 400) or a rate limit (429) used to answer with a bare error page: the review
typed for twenty minutes was gone. The form now comes back filled in as sent, with the reason on top and a fresh token
that works; nothing is written. A CSRF refusal is only redrawn for a request the browser says came from this site.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from tests.conftest import PASSWORD, login
from tests.web.test_abuse_limits import REVIEW_FORM, limited_app
from tests.web.test_access_matrix import changed_tables, snapshot

TITLE = "Sturdy & even <really>"
BODY = ("I waited eleven weeks for this walnut table & it was worth it.\n\nThe joints are tight, the finish even, "
        "and the drawer runs smoothly. — Written slowly, over twenty minutes.")
NOTE = "Same wording as three other reviews posted within the hour: looks like a ring. <b>check</b>"
EXPIRED = "Your session expired; your {noun} was not posted — check it and submit again."


@pytest.fixture
def app(database_url, tmp_path):
    """Rate limits on (the limiter is one object: see test_abuse_limits.app) and CSRF protection on."""
    application = limited_app(database_url, tmp_path)
    application.config["WTF_CSRF_ENABLED"] = True
    yield application
    application.extensions["craftreview.engine"].dispose()


@dataclass
class World:
    author: object
    owner: object
    moderator: object
    maker: object
    other_maker: object
    review: object


@pytest.fixture
def world(make_user, make_maker, make_review) -> World:
    owner = make_user("owner")
    maker, other_maker = make_maker(owner), make_maker(name="Second Studio")
    author = make_user("author")
    return World(author=author, owner=owner, moderator=make_user("mod", moderator=True), maker=maker,
                 other_maker=other_maker, review=make_review(author, maker))


@dataclass
class TextForm:
    id: str
    who: str
    url: object  # World -> path
    data: object  # dict, or World -> dict
    noun: str
    typed: tuple[str, ...]


FORMS = [
    TextForm("review", "other", lambda w: f"/makers/{w.maker.slug}/review", {**REVIEW_FORM, "title": TITLE, "body": BODY},
             "review", (TITLE, BODY)),
    TextForm("edit", "author", lambda w: f"/reviews/{w.review.id}/edit", {**REVIEW_FORM, "title": TITLE, "body": BODY},
             "edit", (TITLE, BODY)),
    TextForm("reply", "owner", lambda w: f"/reviews/{w.review.id}/reply", {"body": BODY}, "reply", (BODY,)),
    TextForm("flag", "other", lambda w: f"/reviews/{w.review.id}/flag", {"reason": "other", "note": NOTE}, "report",
             (NOTE,)),
    TextForm("maker", "other", lambda w: "/makers/new",
             {"name": "Ash & Elm", "slug": "ash-and-elm", "craft": "wood", "bio": BODY}, "profile", (BODY,)),
    TextForm("hide", "moderator", lambda w: f"/moderation/reviews/{w.review.id}/hide",
             {"hide-reason": "fake", "hide-note": NOTE}, "moderation decision", (NOTE,)),
    TextForm("suspend", "moderator", lambda w: f"/moderation/users/{w.author.id}/suspend",
             lambda w: {"action": "suspend", "suspend-note": NOTE, "suspend-confirm": "y",
                        "back": f"/moderation/accounts/{w.author.id}"}, "account action", (NOTE,)),
]


def _client(app, world, make_user, who: str):
    client = app.test_client()
    login(client, {"author": world.author, "owner": world.owner, "moderator": world.moderator}.get(who)
          or make_user("someone"))
    return client


def _token(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


@pytest.mark.parametrize("form", FORMS, ids=[f.id for f in FORMS])
def test_a_form_sent_with_an_expired_session_comes_back_as_typed_and_changes_nothing(app, world, make_user, form):
    client = _client(app, world, make_user, form.who)
    url, data = form.url(world), form.data(world) if callable(form.data) else form.data
    engine = app.extensions["craftreview.engine"]
    before = snapshot(engine)
    response = client.post(url, data={**data, "csrf_token": "expired.token"},
                           headers={"Referer": f"http://localhost{url}"})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400 and response.headers["Cache-Control"] == "no-store"
    assert EXPIRED.format(noun=form.noun) in page
    for text in form.typed:
        assert text.replace("\n", "\r\n") in page.replace("\r\n", "\n").replace("\n", "\r\n")
    assert re.search(rf'<form method="post"[^>]*action="{re.escape(url)}"|<form method="post" novalidate>', page)
    assert changed_tables(before, snapshot(engine)) == set()
    # The form that came back carries a working token: sent again, it is done.
    again = client.post(url, data={**data, "csrf_token": _token(page)}, headers={"Referer": f"http://localhost{url}"})
    assert again.status_code == 302, html.unescape(again.get_data(as_text=True))[:2000]


def test_a_form_from_another_site_is_refused_as_before_without_its_text(app, world, make_user):
    """A page elsewhere must not fill in a reader's review form by posting to it."""
    client = _client(app, world, make_user, "other")
    url = f"/makers/{world.maker.slug}/review"
    for headers in ({}, {"Origin": "https://evil.example"}, {"Referer": "https://evil.example/page"}):
        page = client.post(url, data={**REVIEW_FORM, "title": TITLE, "body": BODY}, headers=headers)
        text = html.unescape(page.get_data(as_text=True))
        assert page.status_code == 400 and "The form expired or was sent from elsewhere" in text
        assert BODY not in text and TITLE not in text


def test_a_review_sent_after_the_login_ended_is_shown_to_copy_and_nothing_is_written(app, world):
    """Without a session there is no form to draw (it needs a login): the typed text, read-only, and a way to log in."""
    client = app.test_client()
    url = f"/makers/{world.maker.slug}/review"
    engine = app.extensions["craftreview.engine"]
    before = snapshot(engine)
    response = client.post(url, data={**REVIEW_FORM, "title": TITLE, "body": BODY},
                           headers={"Origin": "http://localhost", "Referer": f"http://localhost{url}"})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400 and EXPIRED.format(noun="review") in page
    assert re.search(r"<textarea[^>]*readonly[^>]*>\s*" + re.escape(BODY.replace("\n", "\r\n")[:40]),
                     page.replace("\r\n", "\n").replace("\n", "\r\n"))
    assert f'href="/login?next={url}">Log in</a>' in page
    assert changed_tables(before, snapshot(engine)) == set()


def _rate_limited_review(app, world, make_user):
    app.config["WTF_CSRF_ENABLED"] = False
    client = _client(app, world, make_user, "other")
    for maker in (world.maker, world.other_maker):
        assert client.post(f"/makers/{maker.slug}/review", data=REVIEW_FORM).status_code == 302
    return client


def test_a_review_over_the_rate_limit_comes_back_as_typed_with_when_to_retry(app, world, make_user, make_maker):
    client = _rate_limited_review(app, world, make_user)
    url = f"/makers/{make_maker(name='Third Studio').slug}/review"
    engine = app.extensions["craftreview.engine"]
    before = snapshot(engine)
    response = client.post(url, data={**REVIEW_FORM, "title": TITLE, "body": BODY,
                                      "delivered_on": str(date.today() - timedelta(days=2))})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 0
    assert "This account has published as many reviews as it may for now." in page
    assert "Your review was not posted. Please try again in" in page and "your text is kept below" in page
    assert TITLE in page and BODY.replace("\n", "\r\n") in page.replace("\r\n", "\n").replace("\n", "\r\n")
    assert re.search(r'<input checked[^>]*name="craftsmanship"[^>]*value="4"', page)  # the stars chosen, too
    assert changed_tables(before, snapshot(engine)) == set()


def test_a_report_over_the_rate_limit_keeps_its_note(app, world, make_user, make_review):
    app.config["WTF_CSRF_ENABLED"] = False
    client = _client(app, world, make_user, "other")
    reviews = [make_review(make_user(), world.maker) for _ in range(3)]
    for review in reviews[:2]:
        assert client.post(f"/reviews/{review.id}/flag", data={"reason": "spam"}).status_code == 302
    response = client.post(f"/reviews/{reviews[2].id}/flag", data={"reason": "other", "note": NOTE})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 429 and "Your report was not posted" in page
    assert re.search(r">\s*" + re.escape(NOTE) + "</textarea>", page) and 'name="reason"' in page


def test_a_second_review_of_the_same_maker_comes_back_as_the_edit_form_with_the_text_typed(app, world, make_user):
    """Written in a second tab after the first was published: it used to redirect to the edit page, text lost."""
    app.config["WTF_CSRF_ENABLED"] = False
    client = _client(app, world, make_user, "author")  # the author of world.review, about world.maker
    engine = app.extensions["craftreview.engine"]
    before = snapshot(engine)
    response = client.post(f"/makers/{world.maker.slug}/review", data={**REVIEW_FORM, "title": TITLE, "body": BODY})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 409 and "You have already reviewed this maker" in page
    assert TITLE in page and f'action="/reviews/{world.review.id}/edit"' in page
    assert changed_tables(before, snapshot(engine)) == set()
    saved = client.post(f"/reviews/{world.review.id}/edit", data={**REVIEW_FORM, "title": TITLE, "body": BODY})
    assert saved.status_code == 302


# What another tab did to this browser's session: the request that does it, and the words the stale tab then reads.
SESSION_ENDS = {
    "logout": (lambda w: ("/logout", {}), "you logged out"),
    "logout_everywhere": (lambda w: ("/logout-everywhere", {}), "you logged out on every device"),
    "password": (lambda w: ("/account/password", {"pw-current_password": PASSWORD, "pw-new_password": "a new passphrase"
                                                  " for this account", "pw-confirm": "a new passphrase for this account"}),
                 "your password was changed"),
    "deleted": (lambda w: ("/account/delete", {"reviews": "keep", "password": PASSWORD}), "this account was deleted"),
}


@pytest.mark.parametrize("end", SESSION_ENDS)
def test_a_tab_opened_before_another_tab_ended_the_session_says_what_ended_it(app, world, end):
    """Two tabs share one session: after a logout, a new password or a deletion in one, a form sent from the other
    failed its CSRF check with "Your session expired", though nothing had expired. It now says what happened, keeps
    what was typed, and writes nothing."""
    client = app.test_client()
    login(client, world.author)
    edit = f"/reviews/{world.review.id}/edit"
    stale_token = _token(client.get(edit).get_data(as_text=True))  # the second tab, left open
    name_token = _token(client.get("/account").get_data(as_text=True))
    request, words = SESSION_ENDS[end]
    path, data = request(world)
    done = client.post(path, data={**data, "csrf_token": name_token}, headers={"Referer": f"http://localhost{path}"})
    assert done.status_code == 302, html.unescape(done.get_data(as_text=True))[:1500]
    engine = app.extensions["craftreview.engine"]
    before = snapshot(engine)
    response = client.post(edit, data={**REVIEW_FORM, "title": TITLE, "body": BODY, "csrf_token": stale_token},
                           headers={"Referer": f"http://localhost{edit}"})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert f"This page was opened before {words}, so its form no longer works: your edit was not posted" in page
    assert BODY.replace("\n", "\r\n") in page.replace("\r\n", "\n").replace("\n", "\r\n")
    assert "Your session had ended" not in page  # the login page's words for a form sent logged out, said apart
    if end == "deleted":  # nothing to log in to: the text is there to copy, not to send again
        assert "and cannot be now. Copy it below" in page and '<a class="button" href="/login' not in page
    elif end in ("logout", "logout_everywhere"):
        assert "check it and submit again" in page and '<a class="button" href="/login' in page
    # A form that keeps no text (the display name) says the same, and that nothing changed.
    renamed = client.post("/account/name", data={"nm-display_name": "Stale Tab", "csrf_token": stale_token},
                          headers={"Referer": "http://localhost/account"})
    assert renamed.status_code == 400
    assert f"This page was opened before {words}, so its form no longer works. Nothing was changed" in \
        html.unescape(renamed.get_data(as_text=True))
    assert changed_tables(before, snapshot(engine)) == set()


def test_a_session_that_simply_lapsed_keeps_the_general_words(app, world):
    """No logout, password or deletion on record (a cookie that lapsed, a browser restarted): nothing is claimed."""
    client = app.test_client()
    login(client, world.author)
    edit = f"/reviews/{world.review.id}/edit"
    response = client.post(edit, data={**REVIEW_FORM, "title": TITLE, "body": BODY, "csrf_token": "lapsed.token"},
                           headers={"Referer": f"http://localhost{edit}"})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400 and EXPIRED.format(noun="edit") in page and "opened before" not in page


@pytest.mark.parametrize("token", [None, "altered.token"], ids=["missing", "altered"])
def test_a_token_missing_or_altered_after_a_real_login_claims_no_earlier_page(app, world, token):
    """An audit logged in, then sent forms without their token (or with one altered): every refusal said "This page was
    opened before you last logged in", though the page was opened after. Only a token drawn in an earlier session says
    when its page was opened; the general words stand for the rest, and nothing is written."""
    client = app.test_client()
    login_page = client.get("/login").get_data(as_text=True)
    done = client.post("/login", data={"email": world.author.email, "password": PASSWORD,
                                       "csrf_token": _token(login_page)}, headers={"Referer": "http://localhost/login"})
    assert done.status_code == 302
    edit = f"/reviews/{world.review.id}/edit"
    client.get(edit)  # a page drawn since: the session holds its token (without one, no page drawn since could be)
    engine = app.extensions["craftreview.engine"]
    before = snapshot(engine)
    sent = {**REVIEW_FORM, "title": TITLE, "body": BODY} | ({} if token is None else {"csrf_token": token})
    page = html.unescape(client.post(edit, data=sent, headers={"Referer": f"http://localhost{edit}"})
                         .get_data(as_text=True))
    assert EXPIRED.format(noun="edit") in page and "opened before" not in page
    named = {"nm-display_name": "Fresh Tab"} | ({} if token is None else {"csrf_token": token})
    renamed = client.post("/account/name", data=named, headers={"Referer": "http://localhost/account"})
    assert renamed.status_code == 400 and "opened before" not in html.unescape(renamed.get_data(as_text=True))
    assert changed_tables(before, snapshot(engine)) == set()
    # A token drawn before that login still says so.
    stale = _token(app.test_client().get("/login").get_data(as_text=True))
    again = client.post("/account/name", data={"nm-display_name": "Stale", "csrf_token": stale},
                        headers={"Referer": "http://localhost/account"})
    assert "This page was opened before you last logged in" in html.unescape(again.get_data(as_text=True))
