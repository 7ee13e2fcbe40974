"""Abuse limits: per account as well as per address, Retry-After and a page saying when to retry."""
from __future__ import annotations

import json
import logging
import re
import threading
import time
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from craftreview import create_app
from craftreview.db import write_transaction
from craftreview.models import AccountToken, Flag, Order, Review, User, utcnow
from craftreview.services import email_change
from craftreview.services.tokens import issue_token
from craftreview.web.security import limiter
from tests.conftest import PASSWORD, fresh, login, worker_redis_url
from tests.mail_helpers import mails_to

SMALL_LIMITS = {
    "RATELIMIT_LOGIN_ADDRESS": "10 per minute", "RATELIMIT_LOGIN_ACCOUNT": "5 per 15 minutes",
    "RATELIMIT_SEARCH": "5 per minute", "RATELIMIT_FLAG": "2 per day", "RATELIMIT_REGISTER": "2 per hour",
    "RATELIMIT_PASSWORD_RESET": "2 per hour", "RATELIMIT_REVIEW": "2 per day", "RATELIMIT_INVITATION": "2 per day",
    "RATELIMIT_CONFIRMATION_MAIL": "2 per hour", "RATELIMIT_PASSWORD_CHECK": "3 per hour",
}


@pytest.fixture
def app(database_url, tmp_path, request):
    """Rate limits on (fresh memory storage), one proxy trusted for client addresses.

    It replaces the shared `app` fixture: the limiter is one object, and a second app
    created with limits off would switch them off for this one too. Parametrize it
    indirectly to trust another number of proxies.
    """
    app = limited_app(database_url, tmp_path, getattr(request, "param", 1))
    yield app
    app.extensions["craftreview.engine"].dispose()


def limited_app(database_url: str, tmp_path, proxies: int = 1, **limits):
    """An app with SMALL_LIMITS (and `limits`) on (other test modules build theirs here too)."""
    return create_app({
        "ENV_NAME": "test", "TESTING": True, "DATABASE_URL": database_url, "INSTANCE_PATH": str(tmp_path / "i"),
        "SEARCH_INDEX_DIR": str(tmp_path / "index"), "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": True,
        "PROXY_COUNT": proxies, **SMALL_LIMITS, **limits,
    })


def _login(client, email, password, address):
    return client.post("/login", data={"email": email, "password": password},
                       headers={"X-Forwarded-For": address})


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_rotating_addresses_gets_no_more_guesses_but_the_real_user_still_logs_in(app, db, make_user):
    victim = make_user("victim")
    real = app.test_client()
    assert _login(real, victim.email, PASSWORD, "10.0.0.1").status_code == 302  # the user's own browser
    attacker = app.test_client()
    statuses = [_login(attacker, victim.email, f"guess {n}", f"203.0.113.{n}").status_code for n in range(8)]
    assert statuses[:5] == [400] * 5 and statuses[5:] == [429] * 3
    blocked = _login(attacker, victim.email, PASSWORD, "203.0.113.99")
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    assert "Please try again in" in blocked.get_data(as_text=True)
    assert _login(real, victim.email, PASSWORD, "198.51.100.7").status_code == 302


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_account_locked_by_someone_s_guesses_is_opened_by_a_password_reset(app, db, make_user):
    """Anyone could lock an account out of every browser it had not used for a quarter of an hour, and a reset by mail
    did not lift it (found by an audit). The lockout page now offers the reset; the reset ends the account's count."""
    victim = make_user("locked")
    attacker = app.test_client()
    for n in range(5):
        assert _login(attacker, victim.email, f"guess {n}", f"203.0.113.{n}").status_code == 400
    locked = _login(app.test_client(), victim.email, PASSWORD, "198.51.100.7")
    page = locked.get_data(as_text=True)
    assert locked.status_code == 429 and 'href="/reset-password">Reset your password</a>' in page
    assert "resetting its password by email lets you log in straight away" in page
    with write_transaction(db):
        token = issue_token(db, victim, "reset_password", utcnow())
    owner = app.test_client()
    new = "a fresh passphrase after the lockout"
    assert owner.post(f"/reset-password/{token}", data={"password": new, "confirm": new},
                      headers={"X-Forwarded-For": "198.51.100.8"}).status_code == 302
    assert _login(app.test_client(), victim.email, new, "198.51.100.9").status_code == 302
    # The attacker's own address keeps its count; its next guesses start a new count on the account.
    for n in range(5):
        assert _login(attacker, victim.email, f"again {n}", f"203.0.114.{n}").status_code == 400
    assert _login(attacker, victim.email, "again 5", "203.0.114.9").status_code == 429


def test_a_lockout_for_this_address_s_guesses_offers_no_reset(app, db, make_user):
    """Only an account's own lockout points to the reset: an address that guessed at many accounts is not let off."""
    client = app.test_client()
    for n in range(10):
        client.post("/login", data={"email": f"someone{n}@example.com", "password": "guess"},
                    headers={"X-Forwarded-For": "203.0.113.50"})
    refused = client.post("/login", data={"email": "another@example.com", "password": "guess"},
                          headers={"X-Forwarded-For": "203.0.113.50"})
    assert refused.status_code == 429 and "Reset your password" not in refused.get_data(as_text=True)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_flags_are_limited_per_account_per_day_and_logged(app, db, make_user, make_maker, make_review, caplog):
    maker = make_maker()
    reviews = [make_review(make_user(), maker) for _ in range(3)]
    flagger = make_user("flagger")
    client = app.test_client()
    login(client, flagger)
    with caplog.at_level(logging.INFO, logger="craftreview.security"):
        codes = [client.post(f"/reviews/{r.id}/flag", data={"reason": "spam"}).status_code for r in reviews]
    assert codes == [302, 302, 429]
    events = [json.loads(r.getMessage()) for r in caplog.records if r.name == "craftreview.security"]
    assert events[-1]["event"] == "rate_limited" and events[-1]["user_id"] == flagger.id


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_forwarded_for_is_honoured_only_behind_the_configured_proxies(app):
    client = app.test_client()
    codes = [client.get("/search", query_string={"q": "oak"}, headers={"X-Forwarded-For": "192.0.2.1"}).status_code
             for _ in range(6)]
    assert codes[-1] == 429 and codes[:5] == [200] * 5
    assert client.get("/search", query_string={"q": "oak"},
                      headers={"X-Forwarded-For": "192.0.2.2"}).status_code == 200


def test_security_events_are_json_lines_without_secrets(app, client, make_user, caplog):
    user = make_user("logger")
    with caplog.at_level(logging.INFO, logger="craftreview.security"):
        client.post("/login", data={"email": user.email, "password": "wrong horse battery"})
        client.post("/login", data={"email": user.email, "password": PASSWORD})
    lines = [r.getMessage() for r in caplog.records if r.name == "craftreview.security"]
    events = [json.loads(line) for line in lines]
    assert [(e["event"], e["outcome"]) for e in events] == [("login", "failure"), ("login", "success")]
    assert events[1]["user_id"] == user.id and events[0]["time"].endswith("Z") and events[0]["address"]
    assert all(PASSWORD not in line and "wrong horse" not in line and user.email not in line for line in lines)


def test_pages_for_logged_in_users_and_form_pages_are_not_stored(client, make_user):
    assert client.get("/login").headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/makers").headers.get("Cache-Control", "")
    login(client, make_user())
    assert client.get("/makers").headers["Cache-Control"] == "no-store"


def assert_retry_later(response, unit: str = "", why: str = "") -> None:
    """A 429 that says when to retry, in the header and on the page (and `why`, what was used up)."""
    page = response.get_data(as_text=True)
    assert response.status_code == 429, page[:300]
    assert int(response.headers["Retry-After"]) > 0
    assert "Please try again in" in page and "UTC)" in page and unit in page and why in page


def test_the_real_user_with_a_known_browser_gets_in_while_a_new_browser_is_locked_out(app, make_user):
    victim = make_user("victim")
    known = app.test_client()
    assert _login(known, victim.email, PASSWORD, "10.0.0.1").status_code == 302
    for n in range(5):
        _login(app.test_client(), victim.email, f"guess {n}", f"203.0.113.{n}")
    assert_retry_later(_login(app.test_client(), victim.email, PASSWORD, "198.51.100.8"), "minutes")
    assert _login(known, victim.email, PASSWORD, "198.51.100.9").status_code == 302


def test_a_copied_cookie_of_a_browser_the_account_once_used_buys_no_unlimited_guesses(app, make_user):
    # A shared computer, a lost laptop: its cookie says the account logged in there. Copied to any number of
    # clients on any addresses, it gets the one budget of that browser, however often the password changed since.
    victim, old_laptop = make_user("victim"), app.test_client()
    assert _login(old_laptop, victim.email, PASSWORD, "10.0.0.1").status_code == 302
    cookie = old_laptop.get_cookie("craftreview_device").value
    statuses = []
    for n in range(7):
        copy = app.test_client()
        copy.set_cookie("craftreview_device", cookie)
        statuses.append(_login(copy, victim.email, f"guess {n}", f"203.0.113.{90 + n}").status_code)
    assert statuses == [400] * 5 + [429] * 2
    assert _login(app.test_client(), victim.email, PASSWORD, "198.51.100.90").status_code == 302  # another browser


def test_login_is_limited_per_address_across_accounts(app, make_user):
    users = [make_user() for _ in range(11)]
    attacker = app.test_client()
    statuses = [_login(attacker, u.email, "not the password", "203.0.113.7").status_code for u in users]
    assert statuses == [400] * 10 + [429]
    assert_retry_later(_login(attacker, users[0].email, PASSWORD, "203.0.113.7"))
    assert _login(app.test_client(), users[0].email, PASSWORD, "198.51.100.1").status_code == 302


def _log_in_and_out(client, user, address: str) -> int:
    status = _login(client, user.email, PASSWORD, address).status_code
    client.post("/logout", headers={"X-Forwarded-For": address})
    return status


def test_logging_in_and_out_again_and_again_never_locks_the_user_out(app, make_user):
    # 10 a minute per address and 5 per account here: only failed attempts count towards either.
    user, browser = make_user("restless"), app.test_client()
    assert [_log_in_and_out(browser, user, "198.51.100.60") for _ in range(12)] == [302] * 12
    assert [_log_in_and_out(app.test_client(), user, "198.51.100.60") for _ in range(3)] == [302] * 3


def test_people_behind_one_address_all_log_in_and_guessing_from_it_is_still_limited(app, make_user):
    users = [make_user("colleague") for _ in range(12)]
    assert [_login(app.test_client(), u.email, PASSWORD, "203.0.113.61").status_code for u in users] == [302] * 12
    guesses = [_login(app.test_client(), u.email, "not the password", "203.0.113.61").status_code for u in users[:11]]
    assert guesses == [400] * 10 + [429]


def test_the_account_owners_login_does_not_wipe_an_attackers_failed_guesses(app, make_user):
    victim = make_user("victim")
    guesses = [_login(app.test_client(), victim.email, f"guess {n}", f"203.0.113.{70 + n}").status_code
               for n in range(4)]
    assert _login(app.test_client(), victim.email, PASSWORD, "198.51.100.70").status_code == 302
    guesses += [_login(app.test_client(), victim.email, f"guess {n}", f"203.0.113.{80 + n}").status_code
                for n in range(2)]
    assert guesses == [400] * 5 + [429]


def _register(client, n: int, address: str):
    return client.post("/register", headers={"X-Forwarded-For": address}, data={
        "email": f"new{n}-{address}@example.com", "display_name": f"New {n}", "password": PASSWORD,
        "confirm": PASSWORD})


def test_registration_is_limited_per_address(app, db):
    statuses = [_register(app.test_client(), n, "203.0.113.20").status_code for n in range(2)]
    blocked = _register(app.test_client(), 3, "203.0.113.20")
    assert statuses == [302, 302]
    assert_retry_later(blocked, "minutes")
    assert _register(app.test_client(), 4, "198.51.100.20").status_code == 302
    fresh(db)
    assert db.scalar(select(func.count(User.id))) == 3


def _reset(client, email: str, address: str):
    return client.post("/reset-password", data={"email": email}, headers={"X-Forwarded-For": address})


def test_password_reset_requests_are_limited_per_address_and_per_account(app, db, make_user):
    user, other = make_user("forgetful"), make_user("other")
    codes = [_reset(app.test_client(), user.email, f"203.0.113.{n}").status_code for n in range(2)]
    assert codes == [302, 302]
    assert_retry_later(_reset(app.test_client(), user.email, "203.0.113.9"))  # a new address, the same account
    assert len(mails_to(db, user.email)) == 2
    one_address = [_reset(app.test_client(), f"nobody{n}@example.com", "198.51.100.30").status_code for n in range(2)]
    assert one_address == [302, 302]
    assert_retry_later(_reset(app.test_client(), other.email, "198.51.100.30"))  # the same address, a new account
    assert _reset(app.test_client(), other.email, "192.0.2.30").status_code == 302
    assert len(mails_to(db, other.email)) == 1


def _change_email(client, email: str):
    return client.post("/account/email", data={"em-email": email, "em-password": PASSWORD})


def test_email_changes_and_resends_share_one_confirmation_mail_budget_per_account(app, db, make_user):
    # Each change mails a link to an address the account chooses: unlimited, it mails anyone without end.
    client = app.test_client()
    login(client, make_user("mover"))
    assert _change_email(client, "not an address").status_code == 400  # a rejected form sends nothing, costs nothing
    assert _change_email(client, "first@example.net").status_code == 302
    assert client.post("/account/confirm/resend").status_code == 302
    assert_retry_later(_change_email(client, "victim@example.net"), "minutes", "as many confirmation links as we may")
    assert mails_to(db, "victim@example.net") == []
    other = app.test_client()
    login(other, make_user("other"))
    assert _change_email(other, "victim@example.net").status_code == 302
    assert len(mails_to(db, "victim@example.net")) == 1


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("storage", ["memory", "redis"])
def test_an_account_s_requests_sent_at_once_are_charged_one_after_another(database_url, tmp_path, db, make_user,
                                                                           monkeypatch, storage, keyed_limits):
    """An audit sent 20 email changes at once and 7 links went out against a budget of 5: a budget that counts work
    done is charged after the view, and every request had been checked before any was charged. The hold lives in the
    limiter's storage: Redis, shared by every host, in production."""
    shared = {}
    if storage == "redis":
        if not worker_redis_url():
            pytest.skip("CRAFTREVIEW_TEST_REDIS_URL is not set")
        # The worker's own database (the multi-host test flushes its own), and a prefix apart from other runs.
        shared = {"RATELIMIT_STORAGE_URI": worker_redis_url(), "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    app = limited_app(database_url, tmp_path, **shared)
    user = make_user("racer")
    clients = [app.test_client() for _ in range(5)]
    for client in clients:
        login(client, user)
    real = email_change.request_email_change

    def slow(*args, **kwargs):  # the requests overlap inside the view, as on several workers
        time.sleep(0.3)
        return real(*args, **kwargs)
    monkeypatch.setattr(email_change, "request_email_change", slow)
    statuses: list[int] = []
    threads = [threading.Thread(target=lambda c=c, n=n: statuses.append(_change_email(c, f"t{n}@example.net").status_code))
               for n, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    app.extensions["craftreview.engine"].dispose()
    assert sorted(statuses) == [302, 302, 429, 429, 429]  # RATELIMIT_CONFIRMATION_MAIL: 2 per hour
    assert len([m for n in range(5) for m in mails_to(db, f"t{n}@example.net")]) == 2


def test_a_limited_button_s_page_leads_back_to_the_page_it_was_on(app, db, make_user):
    """The resend button past its budget: the 429 page says when to retry and leads back to the account page (it led
    only to the home page, a dead end for a button on the account page)."""
    client = app.test_client()
    login(client, make_user("eager"))
    pages = [client.post("/account/confirm/resend", headers={"Referer": "http://localhost/account"})
             for _ in range(8)]
    refused = [p for p in pages if p.status_code == 429]
    assert refused, [p.status_code for p in pages]
    page = refused[0].get_data(as_text=True)
    assert "Please try again in" in page and '<a class="button" href="/account">Back to the page you were on</a>' in page


def test_a_refused_resend_sends_nothing_costs_nothing_and_says_why(app, db, make_user):
    """A resend with nothing to send (the address was confirmed meanwhile, in another tab say) queues no mail, issues
    no link and says why; it uses up neither the account's confirmation-mail budget (2 here) nor the client address's
    resend budget (5 an hour), so the links the account asks for later still go out."""
    user, client = make_user("settled"), app.test_client()
    user.email_confirmed_at = utcnow()
    db.commit()
    login(client, user)
    for _ in range(6):
        page = client.post("/account/confirm/resend", follow_redirects=True).get_data(as_text=True)
        assert "Your email address is already confirmed." in page and "Please try again in" not in page
    assert mails_to(db, user.email) == [] and db.scalars(select(AccountToken)).all() == []
    assert _change_email(client, "moved@example.net").status_code == 302  # the budget left whole still sends it
    assert len(mails_to(db, "moved@example.net")) == 1


def test_refused_password_rechecks_share_one_budget_per_account_and_then_nothing_changes(app, db, make_user):
    """A stolen session cookie is no way to guess the password: changing the address or the password and deleting the
    account re-check it, and their refusals add up; a right password or a form refused for another reason costs
    nothing."""
    victim, client = make_user("victim"), app.test_client()
    login(client, victim)
    wrong = {"em-email": "thief@example.net", "em-password": "guess one"}
    assert client.post("/account/email", data=wrong).status_code == 400
    assert client.post("/account/email", data={"em-email": "not an address", "em-password": PASSWORD}).status_code == 400
    assert client.post("/account/password", data={"pw-current_password": "guess two", "pw-new_password": "x" * 16,
                                                  "pw-confirm": "x" * 16}).status_code == 400
    assert client.post("/account/delete", data={"reviews": "keep", "password": "guess three"}).status_code == 400
    assert_retry_later(_change_email(client, "thief@example.net"), "minutes",  # the right password, too late
                       "Too many wrong passwords were entered for this account.")
    assert_retry_later(client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD}))
    fresh(db)
    user = db.get(User, victim.id)
    assert user.email == victim.email and user.deleted_at is None and mails_to(db, "thief@example.net") == []
    other = app.test_client()
    login(other, make_user("other"))
    assert _change_email(other, "new@example.net").status_code == 302


REVIEW_FORM = {"craftsmanship": "4", "consistency": "4", "delivery": "3", "title": "Sturdy and even",
               "body": "The joints are tight and the finish even all over.",
               "delivered_on": str(date.today() - timedelta(days=3))}


def test_reviews_are_limited_per_account_per_day_and_failed_forms_cost_nothing(app, db, make_user, make_maker):
    makers = [make_maker() for _ in range(4)]
    author, client = make_user("prolific"), app.test_client()
    login(client, author)
    assert client.post(f"/makers/{makers[0].slug}/review", data={**REVIEW_FORM, "title": ""}).status_code == 400
    codes = [client.post(f"/makers/{m.slug}/review", data=REVIEW_FORM).status_code for m in makers[:3]]
    assert codes[:2] == [302, 302]
    assert_retry_later(client.post(f"/makers/{makers[3].slug}/review", data=REVIEW_FORM), "hours",
                       "This account has published as many reviews as it may for now.")
    other = app.test_client()
    login(other, make_user("other"))
    assert other.post(f"/makers/{makers[3].slug}/review", data=REVIEW_FORM).status_code == 302
    fresh(db)
    assert db.scalar(select(func.count(Review.id)).where(Review.author_id == author.id)) == 2


def test_flags_are_limited_per_account_not_per_site(app, db, make_user, make_maker, make_review):
    maker = make_maker()
    reviews = [make_review(make_user(), maker) for _ in range(3)]
    first, second = app.test_client(), app.test_client()
    login(first, make_user("flagger"))
    login(second, make_user("another flagger"))
    assert [first.post(f"/reviews/{r.id}/flag", data={"reason": "spam"}).status_code for r in reviews[:2]] == [302] * 2
    assert_retry_later(first.post(f"/reviews/{reviews[2].id}/flag", data={"reason": "spam"}), "hours",
                       "sent as many reports to the moderators as it may for now")
    assert second.post(f"/reviews/{reviews[2].id}/flag", data={"reason": "spam"}).status_code == 302
    fresh(db)
    assert db.scalar(select(func.count(Flag.id))) == 3


def _order(n: int) -> dict:
    return {"buyer_email": f"buyer{n}@example.com", "item": f"Walnut bowl {n}", "order_type": "stock",
            "price_band": "25-100", "ordered_on": str(date.today() - timedelta(days=10))}


def test_invitations_are_limited_per_maker_per_day(app, db, make_user, make_maker):
    owner = make_user("maker")
    make_maker(owner)
    client = app.test_client()
    login(client, owner)
    assert client.post("/dashboard", data={**_order(0), "buyer_email": "not an address"}).status_code == 400
    assert [client.post("/dashboard", data=_order(n)).status_code for n in range(2)] == [302, 302]
    assert_retry_later(client.post("/dashboard", data=_order(2)), "hours",
                       "This maker profile has sent as many invitations as it may for now (new orders and new links).")
    assert client.get("/dashboard").status_code == 200  # the dashboard itself stays open
    fresh(db)
    assert db.scalar(select(func.count(Order.id))) == 2


def test_a_spent_invitation_budget_is_said_on_the_dashboard_before_any_button_is_pressed(app, db, make_user,
                                                                                        make_maker):
    """Every row still offered "Send a new link" after the day's invitations were spent, and each press led to a 429
    (found by an audit): the dashboard now says when more may be sent, and offers no such button meanwhile."""
    owner = make_user("maker")
    make_maker(owner)
    client = app.test_client()
    login(client, owner)
    assert client.post("/dashboard", data=_order(0)).status_code == 302
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Send a new link" in page and "as many invitations as it may today" not in page
    assert client.post("/dashboard", data=_order(1)).status_code == 302
    page = re.sub(r"\s+", " ", client.get("/dashboard").get_data(as_text=True))
    assert "This profile has sent as many invitations as it may today" in page
    assert re.search(r"you can record more orders and send new links in \d+ hours \(after \d\d:\d\d UTC\)", page)
    assert "Send a new link" not in page


@pytest.fixture
def keyed_limits():
    """A test whose app gives the limiter a key prefix: the limiter is one object and keeps a prefix once given one
    (Flask-Limiter reads it only when it has none), so later tests' apps would count under it."""
    yield
    limiter._key_prefix = ""


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_spent_budget_is_said_beforehand_under_a_configured_key_prefix(database_url, tmp_path, db, make_user,
                                                                          keyed_limits):
    """The page reads the budget's count itself (limits._seconds_until_free), so it must read it where the limiter
    counts it: under RATELIMIT_KEY_PREFIX when one is set (a Redis shared by several sites, say)."""
    app = limited_app(database_url, tmp_path, RATELIMIT_KEY_PREFIX="site-a")
    _spend_confirmation_budget(app, make_user)
    app.extensions["craftreview.engine"].dispose()


def test_a_spent_confirmation_budget_is_said_instead_of_the_resend_button(app, db, make_user):
    _spend_confirmation_budget(app, make_user)


def _spend_confirmation_budget(app, make_user) -> None:
    client = app.test_client()
    login(client, make_user("waiting"))
    for _ in range(2):
        assert "Resend confirmation link" in client.get("/account").get_data(as_text=True)
        assert client.post("/account/confirm/resend").status_code == 302
    page = re.sub(r"\s+", " ", client.get("/account").get_data(as_text=True))
    assert "Resend confirmation link" not in page
    assert re.search(r"you can ask for another in \d+ minutes \(after \d\d:\d\d UTC\)\. The last link we sent", page)


def _search(client, forwarded_for: str):
    return client.get("/search", query_string={"q": "oak"}, headers={"X-Forwarded-For": forwarded_for})


def test_search_is_limited_per_address_and_says_when_to_retry(app):
    client = app.test_client()
    assert [_search(client, "192.0.2.40").status_code for _ in range(5)] == [200] * 5
    assert_retry_later(_search(client, "192.0.2.40"), "second")


@pytest.mark.parametrize("app", [0], indirect=True)
def test_forwarded_for_is_ignored_without_a_trusted_proxy(app):
    client = app.test_client()
    codes = [_search(client, f"192.0.2.{n}").status_code for n in range(6)]  # rotating a header costs nothing
    assert codes == [200] * 5 + [429]


def test_behind_one_proxy_only_the_address_it_saw_counts(app):
    client = app.test_client()
    codes = [_search(client, f"10.9.9.{n}, 192.0.2.50").status_code for n in range(6)]  # client-forged first hops
    assert codes == [200] * 5 + [429]


def test_registration_forms_refused_on_their_merits_cost_nothing_but_taken_addresses_count(app, db, make_user):
    """An audit used up the sign-up budget with forms refused for a short password, then read a 429 that named no
    reason. Such refusals now cost nothing; one that says an address has an account still counts (free, a script could
    test addresses without limit); the 429 says what was used up and offers to log in."""
    address, taken = "203.0.113.21", make_user("taken")
    short = [app.test_client().post("/register", headers={"X-Forwarded-For": address}, data={
        "email": f"short{n}@example.com", "display_name": "Short", "password": "x", "confirm": "x"}).status_code
        for n in range(4)]
    assert short == [400] * 4
    assert _register(app.test_client(), 1, address).status_code == 302  # the budget of two is whole
    probe = app.test_client().post("/register", headers={"X-Forwarded-For": address}, data={
        "email": taken.email, "display_name": "Probe", "password": PASSWORD, "confirm": PASSWORD})
    assert probe.status_code == 400
    blocked = _register(app.test_client(), 2, address)
    assert_retry_later(blocked, "minutes", "Your network address has signed up as many accounts as it may for now.")
    assert 'href="/login"' in blocked.get_data(as_text=True) and "Log in to an existing account" in \
        blocked.get_data(as_text=True)


def test_a_login_refused_by_the_address_limit_is_not_counted_against_the_named_account(app, make_user):
    """Another person's failures behind the same address refused an owner's correct login, and counted that refusal as
    one of the owner's failed logins."""
    owner, strangers = make_user("owner"), [make_user() for _ in range(10)]
    office = "203.0.113.62"
    assert [_login(app.test_client(), u.email, "wrong", office).status_code for u in strangers] == [400] * 10
    refused = _login(app.test_client(), owner.email, PASSWORD, office)
    assert_retry_later(refused, "", "Too many failed logins came from your network address.")
    # Five refusals here would have been the owner's whole account budget: none of them counted.
    for _ in range(5):
        assert _login(app.test_client(), owner.email, PASSWORD, office).status_code == 429
    assert _login(app.test_client(), owner.email, PASSWORD, "198.51.100.62").status_code == 302


def test_a_browser_the_account_used_logs_in_past_its_address_s_failures(app, make_user):
    owner, strangers = make_user("owner"), [make_user() for _ in range(10)]
    office, known = "203.0.113.63", app.test_client()
    assert _login(known, owner.email, PASSWORD, "198.51.100.63").status_code == 302
    known.post("/logout", headers={"X-Forwarded-For": office})
    assert [_login(app.test_client(), u.email, "wrong", office).status_code for u in strangers] == [400] * 10
    assert _login(known, owner.email, PASSWORD, office).status_code == 302
    assert _login(app.test_client(), strangers[0].email, PASSWORD, office).status_code == 429  # still limited


def test_a_spent_reset_budget_for_an_address_says_the_newest_link_works(app, db, make_user):
    """Anyone may ask for reset links for an address, so its budget can be spent by someone else: the page says the
    newest link mailed there works, and says so whether or not the address has an account."""
    user = make_user("forgetful")
    for email in (user.email, "nobody-here@example.com"):
        for n in range(2):
            assert _reset(app.test_client(), email, f"203.0.113.{40 + n}").status_code == 302
        refused = _reset(app.test_client(), email, "192.0.2.41")
        assert_retry_later(refused, "", "the newest link in its inbox works for an hour after it was sent")
    link = [m for m in mails_to(db, user.email)][-1]
    assert "/reset-password/" in link.body


def test_a_spent_search_budget_says_why_and_offers_the_maker_list(app):
    client = app.test_client()
    for _ in range(5):
        _search(client, "192.0.2.44")
    refused = _search(client, "192.0.2.44")
    assert_retry_later(refused, "second", "Your network address has searched as many times as it may in a minute.")
    assert 'href="/makers"' in refused.get_data(as_text=True) and "Browse makers instead" in \
        refused.get_data(as_text=True)


def test_an_account_s_own_lockout_says_what_was_used_up(app, make_user):
    """Rotating addresses, the account's failures ran out first, and its page said only "Too many attempts."."""
    victim = make_user("victim")
    for n in range(5):
        assert _login(app.test_client(), victim.email, "guess", f"203.0.113.{90 + n}").status_code == 400
    refused = _login(app.test_client(), victim.email, "guess", "203.0.113.99")
    assert_retry_later(refused, "minutes", "Too many wrong passwords were tried for this account.")
    assert "Too many attempts" not in refused.get_data(as_text=True)
