"""Accounts: registration rules, login, session revocation, safe redirects, suspension."""
from __future__ import annotations

import secrets

import pytest
from sqlalchemy import func, select

from craftreview.models import User
from craftreview.web.security import safe_next
from tests.conftest import PASSWORD, fresh, login


def _register(client, **overrides):
    data = {"email": "ada@example.com", "display_name": "Ada", "password": "a long passphrase here",
            "confirm": "a long passphrase here"}
    data.update(overrides)
    data.setdefault("confirm", data["password"])
    return client.post("/register", data=data)


def test_register_creates_account_and_logs_in(client, db):
    response = _register(client)
    assert response.status_code == 302
    user = db.scalar(select(User).where(User.email == "ada@example.com"))
    assert user is not None and user.password_hash.startswith("scrypt:")
    assert b"My reviews" in client.get("/").data


def test_a_sign_up_link_with_an_overlong_next_still_leaves_the_new_account_logged_in(client):
    # The target is remembered in the session until the address is confirmed; 8 KB of it made a session cookie
    # browsers drop (the account was created, but the visitor was shown as logged out, without the welcome).
    target = "/search?q=" + secrets.token_urlsafe(6000)
    response = client.post(f"/register?next={target}", data={
        "email": "ada@example.com", "display_name": "Ada", "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == target
    assert all(len(cookie) < 4093 for cookie in response.headers.getlist("Set-Cookie"))
    assert b"My reviews" in client.get("/").data


@pytest.mark.parametrize("password, message", [
    ("short pass", b"Use 12 to 128 characters."),
    ("password1234", b"too common"),
    ("aaaaaaaaaaaaaaaa", b"too common"),
])
def test_register_rejects_weak_passwords_with_a_message(client, db, password, message):
    response = _register(client, password=password, confirm=password)
    assert response.status_code == 400  # the form again, with the reason
    assert message in response.data
    assert db.scalar(select(User)) is None


def test_register_accepts_a_64_character_password(client, db):
    password = "the quick brown fox jumps over the lazy dog near the riverbank!!"
    assert len(password) == 64
    assert _register(client, password=password, confirm=password).status_code == 302


def test_register_rejects_duplicate_email_case_insensitively(client, db, make_user):
    user = make_user("bob")
    response = _register(client, email=user.email.upper())
    assert b"already exists" in response.data
    assert len(db.scalars(select(User)).all()) == 1


def test_login_with_wrong_password_shows_error(client, make_user):
    user = make_user()
    response = client.post("/login", data={"email": user.email, "password": "wrong password!!"})
    assert response.status_code == 400  # a form shown again with its errors, as every other form
    assert b"Email or password is incorrect." in response.data


def test_login_redirects_only_to_local_next(client, make_user):
    user = make_user()
    ok = client.post("/login?next=/makers", data={"email": user.email, "password": PASSWORD})
    assert ok.headers["Location"] == "/makers"
    client.post("/logout")
    evil = client.post("/login?next=//evil.example/x", data={"email": user.email, "password": PASSWORD})
    assert evil.headers["Location"] == "/"


@pytest.mark.parametrize("target", ["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:x",
                                    "evil.example", "/\tevil", ""])
def test_safe_next_refuses_targets_that_leave_the_site(target):
    assert safe_next(target) is None


def test_safe_next_keeps_local_paths():
    assert safe_next("/makers/oak?page=2") == "/makers/oak?page=2"


def test_logout_revokes_copied_session_cookies(app, make_user):
    user = make_user()
    first, copy = app.test_client(), app.test_client()
    first.post("/login", data={"email": user.email, "password": PASSWORD})
    cookie = first.get_cookie("session")
    copy.set_cookie("session", cookie.value)
    assert copy.get("/account").status_code == 200
    first.post("/logout")
    assert copy.get("/account").status_code == 302  # the copied cookie no longer authenticates


def _logged_in_clients(app, user, n: int, remember: bool = False) -> list:
    clients = [app.test_client() for _ in range(n)]
    for c in clients:
        c.post("/login", data={"email": user.email, "password": PASSWORD, **({"remember": "y"} if remember else {})})
    return clients


def test_logout_ends_this_browser_only(app, make_user):
    """The header's "Log out" logged the account out on every device: leaving a shared computer ended the owner's
    phone's login too. It ends this browser's login (copies of its cookie with it) and no other."""
    user = make_user()
    here, phone = _logged_in_clients(app, user, 2)
    copy = app.test_client()
    copy.set_cookie("session", here.get_cookie("session").value)
    response = here.post("/logout", follow_redirects=True)
    assert "You are logged out." in response.get_data(as_text=True)
    assert "every device" not in response.get_data(as_text=True)
    assert here.get("/account").status_code == 302
    assert copy.get("/account").status_code == 302  # a copied cookie of this browser's login ends with it
    assert phone.get("/account").status_code == 200  # the other device stays logged in


def test_logout_ends_this_browser_s_remember_me_cookie_and_copies_of_it(app, make_user):
    user = make_user()
    (here,) = _logged_in_clients(app, user, 1, remember=True)
    remembered = app.test_client()  # a copy of the remember-me cookie alone: a browser restarted, or a stolen cookie
    remembered.set_cookie("remember_token", here.get_cookie("remember_token").value)
    assert remembered.get("/account").status_code == 200
    here.post("/logout")
    assert app.test_client().get("/account").status_code == 302
    fresh_copy = app.test_client()
    fresh_copy.set_cookie("remember_token", remembered.get_cookie("remember_token").value)
    assert fresh_copy.get("/account").status_code == 302


def test_logout_everywhere_ends_every_login_of_the_account(app, make_user):
    user = make_user()
    here, phone = _logged_in_clients(app, user, 2)
    account = here.get("/account").get_data(as_text=True)
    assert 'action="/logout-everywhere"' in account and "Log out everywhere" in account
    response = here.post("/logout-everywhere", follow_redirects=True)
    assert "You are logged out on every device." in response.get_data(as_text=True)
    assert here.get("/account").status_code == 302
    assert phone.get("/account").status_code == 302
    (again,) = _logged_in_clients(app, user, 1)  # a new login works as before
    assert again.get("/account").status_code == 200


def test_a_login_id_without_its_login_session_does_not_authenticate(app, make_user):
    """Ids of the old form (no key) and ids whose key was never recorded are anonymous."""
    user = make_user()
    for login_id in (f"{user.id}:{user.session_version}", f"{user.id}:{user.session_version}:made-up-key"):
        client = app.test_client()
        with client.session_transaction() as sess:
            sess["_user_id"] = login_id
        assert client.get("/account").status_code == 302


def test_password_change_ends_other_sessions_but_keeps_this_one(app, make_user):
    user = make_user()
    mine, other = app.test_client(), app.test_client()
    for c in (mine, other):
        c.post("/login", data={"email": user.email, "password": PASSWORD})
    response = mine.post("/account/password", data={
        "pw-current_password": PASSWORD, "pw-new_password": "another fine passphrase",
        "pw-confirm": "another fine passphrase"})
    assert response.status_code == 302
    assert mine.get("/account").status_code == 200
    assert other.get("/account").status_code == 302


def test_password_change_requires_current_password(client, make_user):
    login(client, make_user())
    response = client.post("/account/password", data={
        "pw-current_password": "not my password", "pw-new_password": "another fine passphrase",
        "pw-confirm": "another fine passphrase"})
    assert response.status_code == 400
    assert b"The current password is incorrect." in response.data


def test_password_change_to_the_same_password_is_refused_and_changes_nothing(client, db, make_user):
    user = make_user()
    login(client, user)
    version, stored = user.session_version, user.password_hash
    response = client.post("/account/password", data={
        "pw-current_password": PASSWORD, "pw-new_password": PASSWORD, "pw-confirm": PASSWORD})
    assert response.status_code == 400
    assert "The new password is the same as your current one" in response.get_data(as_text=True)
    fresh(db)
    assert (user.session_version, user.password_hash) == (version, stored)
    assert client.get("/account").status_code == 200  # still logged in: nothing was changed


def test_a_wrong_current_password_never_says_whether_the_new_one_is_the_real_one(client, make_user):
    """Otherwise the "same password" answer would confirm a guess without counting as a refused password."""
    login(client, make_user())
    response = client.post("/account/password", data={
        "pw-current_password": "a wrong guess here", "pw-new_password": PASSWORD, "pw-confirm": PASSWORD})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "The current password is incorrect." in page
    assert "same as your current one" not in page


def test_display_name_change(client, db, make_user):
    user = make_user()
    login(client, user)
    client.post("/account/name", data={"nm-display_name": "Mara the Potter"})
    fresh(db)
    assert user.display_name == "Mara the Potter"


DELETED_NAME = "what the site shows for deleted accounts"
STAFF_NAME = "would read as the site&#39;s own staff"


@pytest.mark.parametrize(("name", "reason"), [
    *((name, DELETED_NAME) for name in ("Former member", "former  MEMBER", "Ｆormer maker", "Former mem\u00adber",
                                        "F\u043ermer member")),
    # A review or reply signed "craftreview staff" would read as the site speaking.
    *((name, STAFF_NAME) for name in ("Moderator", "craftreview staff", "Site ADMIN", "Ｍoderation team")),
])
def test_names_that_read_as_the_site_s_own_cannot_be_taken(client, db, make_user, name, reason):
    user = make_user("Mara")
    login(client, user)
    response = client.post("/account/name", data={"nm-display_name": name})
    assert response.status_code == 400 and reason in response.get_data(as_text=True)
    fresh(db)
    assert user.display_name == "Mara"
    client.post("/logout")
    registered = client.post("/register", data={"email": "new@example.com", "display_name": name,
                                                "password": PASSWORD, "confirm": PASSWORD})
    assert registered.status_code == 400 and db.scalar(select(func.count(User.id))) == 1


@pytest.mark.parametrize("name", ["Sam Staffordshire", "Admina Weaver", "Mod Podge Crafts", "Tad Mint", "A. D. Min",
                                  "Tom S Taff", "Mode Ration",
                                  "\u041c\u0430\u0441\u0442\u0435\u0440 \u0418\u0432\u0430\u043d", "Jos\u00e9 Ram\u00edrez"])
def test_names_that_only_contain_those_letters_are_free(client, db, make_user, name):
    user = make_user("Mara")
    login(client, user)
    assert client.post("/account/name", data={"nm-display_name": name}).status_code == 302
    fresh(db)
    assert user.display_name == name


@pytest.mark.parametrize("name", ["the_moderator", "Site Ad\u00admin", "Craft\u200dreview", "Mod\u034ferator",
                                  "St\ufe0faff", "Ad\u200cmin team",
                                  # letters of other scripts, small capitals and a zero drawn as the Latin letters
                                  "Moder\u0430tor Jane", "\u0391DMIN", "craftre\u03bdiew", "\u1d0d\u1d0f\u1d05\u1d07\u0280\u1d00\u1d1b\u1d0f\u0280 team",
                                  "Site m0derator", "\u0405taff",
                                  # spelt across words: spaces, dots or hyphens between its letters
                                  "m o d e r a t o r", "A.D.M.I.N", "Jo S-T-A-F-F"])
def test_an_underscore_an_invisible_mark_or_a_look_alike_letter_does_not_hide_the_word(client, db, make_user, name):
    """A soft hyphen, joiner, variation selector or combining mark shows nothing, so "Site Ad\u00admin" reads as
    "Site Admin"; an underscore parts words as a space does; a Cyrillic "\u0430" or a Greek "\u0391" is drawn as the
    Latin letter, so the name reads as that word."""
    _name_refused(client, db, make_user, name, "would read as the site&#39;s own staff")


@pytest.mark.parametrize("name", ["\ufe0f\ufe0f\ufe0f", "\U000e0100" * 3, "\u0301\u0301", " \u20dd \u0301 "])
def test_a_display_name_that_draws_nothing_is_refused(client, db, make_user, name):
    """Variation selectors and accents with no letter under them passed the length check: reviews and reports were
    then signed by nobody visible."""
    _name_refused(client, db, make_user, name, "Display names are 2 to 60 characters.")


def _name_refused(client, db, make_user, name: str, message: str) -> None:
    """Mara asks for `name`: a 400 saying `message`, and her name stays."""
    user = make_user("Mara")
    login(client, user)
    response = client.post("/account/name", data={"nm-display_name": name})
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    fresh(db)
    assert user.display_name == "Mara"


def test_a_moderator_may_say_so_in_their_name(client, db, make_user):
    moderator = make_user("Jo", moderator=True)
    login(client, moderator)
    assert client.post("/account/name", data={"nm-display_name": "Jo (moderator)"}).status_code == 302
    fresh(db)
    assert moderator.display_name == "Jo (moderator)"


def test_suspended_user_cannot_log_in(client, make_user):
    user = make_user(suspended=True)
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert b"This account is suspended." in response.data
    assert client.get("/account").status_code == 302


def test_suspension_ends_existing_sessions(client, db, make_user):
    from craftreview.services.accounts import set_suspended
    user, moderator = make_user(), make_user(moderator=True)
    login(client, user)
    assert client.get("/account").status_code == 200
    set_suspended(db, moderator, user.id, True, "spam")
    assert client.get("/account").status_code == 302


def test_remember_me_sets_a_remember_cookie(client, make_user):
    user = make_user()
    client.post("/login", data={"email": user.email, "password": PASSWORD, "remember": "y"})
    assert client.get_cookie("remember_token") is not None


@pytest.mark.parametrize(("path", "switch"), [
    ("/login", "Logging in here switches this browser to another account."),
    ("/register", "Creating an account here switches this browser to the new account."),
])
def test_the_login_and_sign_up_pages_say_who_is_logged_in_already(client, make_user, path, switch):
    """They showed a blank form under a header naming the account, as if nobody were logged in."""
    user = make_user()
    assert "You are logged in as" not in client.get(path).get_data(as_text=True)
    login(client, user)
    page = client.get(path).get_data(as_text=True)
    assert f"You are logged in as <strong>{user.email}</strong>. {switch}" in page
