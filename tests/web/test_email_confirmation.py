"""Email confirmation: new accounts and changed addresses confirm through a single-use, expiring link."""
from __future__ import annotations

import html
import re
from datetime import timedelta

from craftreview.db import write_transaction
from craftreview.models import AccountToken, User, utcnow
from craftreview.services import confirmation
from craftreview.services.tokens import issue_token
from tests.conftest import PASSWORD, fresh, login
from tests.mail_helpers import change_email, link_in, mails_to


def _register(client, email="maria@example.com"):
    return client.post("/register", data={"email": email, "display_name": "Maria", "password": PASSWORD,
                                          "confirm": PASSWORD})


def _user(db, email) -> User:
    fresh(db)
    return db.query(User).filter_by(email=email).one()


def test_registration_mails_a_confirmation_link_and_the_account_starts_unconfirmed(client, db):
    _register(client)
    [mail] = mails_to(db, "maria@example.com")
    assert "Confirm your email" in mail.subject and "/confirm-email/" in mail.body
    assert "Confirm my email address" in mail.html_body
    assert not _user(db, "maria@example.com").email_confirmed
    page = client.get("/account").get_data(as_text=True)
    assert "Please confirm your email address" in page and "Resend confirmation link" in page


def test_only_a_hash_of_the_token_is_stored(client, db):
    _register(client)
    path = link_in(mails_to(db, "maria@example.com")[0], "/confirm-email/")
    token = path.rsplit("/", 1)[1]
    stored = db.query(AccountToken).one()
    assert token not in stored.token_hash and len(stored.token_hash) == 64


def test_the_link_shows_a_button_and_only_the_post_confirms(client, db):
    _register(client)
    path = link_in(mails_to(db, "maria@example.com")[0], "/confirm-email/")
    page = client.get(path)
    assert page.status_code == 200 and "Confirm my email address" in page.get_data(as_text=True)
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert not _user(db, "maria@example.com").email_confirmed
    client.post(path)
    assert _user(db, "maria@example.com").email_confirmed
    assert "is confirmed" in client.get("/account").get_data(as_text=True)


def test_the_link_works_once_and_afterwards_says_the_address_is_already_confirmed(client, db):
    _register(client)
    path = link_in(mails_to(db, "maria@example.com")[0], "/confirm-email/")
    assert client.post(path).status_code == 302
    before = _user(db, "maria@example.com").email_confirmed_at
    for again in (client.get(path), client.post(path)):
        page = again.get_data(as_text=True)
        assert again.status_code == 200 and "maria@example.com is already confirmed" in page
        assert "Ask for a new one" not in page and "Confirm my email address" not in page
    assert _user(db, "maria@example.com").email_confirmed_at == before


def test_a_replaced_link_of_an_unconfirmed_account_still_asks_for_a_new_one(client, db):
    _register(client)
    old = link_in(mails_to(db, "maria@example.com")[0], "/confirm-email/")
    client.post("/account/confirm/resend")
    response = client.get(old)
    assert response.status_code == 404 and "Ask for a new one" in response.get_data(as_text=True)


def test_confirming_names_the_address(client, db):
    _register(client)
    path = link_in(mails_to(db, "maria@example.com")[0], "/confirm-email/")
    page = client.post(path, follow_redirects=True).get_data(as_text=True)
    assert "Thank you: maria@example.com is confirmed." in page


def test_another_logged_in_account_cannot_confirm_the_address_and_is_told_why(client, db, make_user):
    # Confirming for another account handed it the address, and with it every invitation recorded for that address.
    _register(client, "frank@example.com")
    path = link_in(mails_to(db, "frank@example.com")[0], "/confirm-email/")
    carol = make_user("carol")
    login(client, carol)
    for response in (client.get(path), client.post(path)):
        shown = response.get_data(as_text=True)
        assert response.status_code == 403
        assert f"This link confirms the address of another craftreview account, not of {carol.email}" in shown
        assert "Confirm my email address" not in shown
    assert not _user(db, "frank@example.com").email_confirmed and not _user(db, carol.email).email_confirmed


def test_opened_as_another_account_a_button_logs_out_and_the_link_then_asks_for_its_account(client, db, make_user):
    # Someone with two accounts who opened the mail in the wrong one: one press, not a hunt for "Log out" and the mail.
    _register(client, "frank@example.com")
    path = link_in(mails_to(db, "frank@example.com")[0], "/confirm-email/")
    login(client, make_user("carol"))
    page = client.get(path).get_data(as_text=True)
    switch = re.search(r'<form method="post" action="([^"]+)">\s*<input type="hidden" name="csrf_token"[^>]*>\s*'
                       r'<button type="submit">Log out, then log in as that account</button>', page)
    assert switch, page
    out = client.post(html.unescape(switch.group(1)))
    assert out.status_code == 302 and out.headers["Location"] == path
    assert client.get(path).headers["Location"].startswith("/login?next=/confirm-email/")
    assert not _user(db, "frank@example.com").email_confirmed


def test_logging_out_goes_only_to_a_page_of_this_site(client, make_user):
    login(client, make_user("carol"))
    assert client.post("/logout?next=https://evil.example/x").headers["Location"] == "/"


def test_logged_out_the_link_asks_for_its_account_and_confirms_once_logged_in(client, db):
    # Anyone can register with a stranger's address: the stranger pressing "confirm" in that mail must not confirm it.
    _register(client, "frank@example.com")
    path = link_in(mails_to(db, "frank@example.com")[0], "/confirm-email/")
    client.post("/logout")
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 302 and response.headers["Location"].startswith("/login?next=/confirm-email/")
    assert not _user(db, "frank@example.com").email_confirmed
    assert "If you made no account here, someone gave one your address" in client.get("/login").get_data(as_text=True)
    login(client, _user(db, "frank@example.com"))
    assert client.get(path).status_code == 200
    client.post(path)
    assert _user(db, "frank@example.com").email_confirmed


def test_the_mail_says_the_link_needs_the_account_and_what_to_do_if_it_is_not_yours(client, db):
    _register(client)
    [mail] = mails_to(db, "maria@example.com")
    for body in (" ".join(mail.body.split()), " ".join(mail.html_body.split())):
        assert "while logged in to your account" in body and "ignore this mail" in body
        assert "ask for a password reset for it" in body


def test_a_wrong_token_is_refused_with_a_reason(client, db):
    _register(client)
    response = client.get("/confirm-email/not-a-real-token")
    assert response.status_code == 404 and "not valid" in response.get_data(as_text=True)
    assert not _user(db, "maria@example.com").email_confirmed


def test_an_expired_link_is_refused(client, db, make_user):
    user = make_user("late")
    with write_transaction(db):
        token = issue_token(db, user, "confirm_email", utcnow() - timedelta(hours=49))
    response = client.post(f"/confirm-email/{token}")
    assert response.status_code == 404 and "expired" in response.get_data(as_text=True)
    fresh(db)
    assert db.get(User, user.id).email_confirmed_at is None


def test_resend_sends_a_new_link_and_the_old_one_stops_working(client, db):
    _register(client)
    old = link_in(mails_to(db, "maria@example.com")[0], "/confirm-email/")
    client.post("/account/confirm/resend")
    mails = mails_to(db, "maria@example.com")
    assert len(mails) == 2
    assert client.post(old).status_code == 404
    client.post(link_in(mails[1], "/confirm-email/"))
    assert _user(db, "maria@example.com").email_confirmed


def test_changing_email_needs_the_password(client, db, make_user):
    user = make_user("changer")
    login(client, user)
    response = client.post("/account/email", data={"em-email": "new@example.com", "em-password": "wrong password!!"})
    assert response.status_code == 400 and "current password is incorrect" in response.get_data(as_text=True)
    fresh(db)
    assert db.get(User, user.id).email == user.email
    assert mails_to(db, "new@example.com") == []


def test_an_email_change_takes_effect_through_the_link_and_confirms_the_new_address(client, db, make_user):
    user = make_user("changer")
    user.email_confirmed_at = utcnow()
    db.commit()
    login(client, user)
    client.post("/account/email", data={"em-email": "New@Example.com", "em-password": PASSWORD})
    fresh(db)
    assert db.get(User, user.id).email == user.email  # nothing changes before the link is used
    path = link_in(mails_to(db, "new@example.com")[0], "/confirm-email-change/")
    assert "Use <strong>new@example.com</strong>" in client.get(path).get_data(as_text=True)  # a GET writes nothing
    fresh(db)
    assert db.get(User, user.id).email == user.email
    assert client.post(path).status_code == 302
    fresh(db)
    changed = db.get(User, user.id)
    assert changed.email == "new@example.com" and changed.email_confirmed
    assert client.post(path).status_code == 404  # single use


def test_a_link_sent_to_the_previous_address_no_longer_confirms(client, db):
    _register(client)
    old_link = link_in(mails_to(db, "maria@example.com")[0], "/confirm-email/")
    change_email(client, db, "other@example.com", PASSWORD)
    assert client.post(old_link).status_code == 404
    fresh(db)
    assert _user(db, "other@example.com") is not None


def test_a_change_link_is_used_only_by_its_account_logged_in(client, db, make_user):
    """A member who mistypes the new address mails the link to a stranger's mailbox: opened there (logged out, or
    logged in as another account) it must change nothing, or the stranger would own the account (a reset link to the
    new address would follow). An audit took an account over so. The owner, logged in, makes the change."""
    owner, carol = make_user("owner"), make_user("carol")
    login(client, owner)
    client.post("/account/email", data={"em-email": "moved@example.com", "em-password": PASSWORD})
    [mail] = mails_to(db, "moved@example.com")
    assert owner.email not in mail.body and owner.email not in mail.html_body  # the old address, masked
    path = link_in(mail, "/confirm-email-change/")
    login(client, carol)  # the link opened in a browser logged in as someone else
    for response in (client.get(path), client.post(path)):
        page = response.get_data(as_text=True)
        assert response.status_code == 403 and "This link changes the address of another craftreview account" in page
        assert owner.email not in page
    client.post("/logout")
    for response in (client.get(path), client.post(path)):  # logged out: to the login page, back here after
        assert response.status_code == 302 and response.headers["Location"].startswith("/login?next=")
    fresh(db)
    assert db.get(User, owner.id).email == owner.email and db.get(User, carol.id).email == carol.email
    login(client, owner)
    assert client.post(path).status_code == 302
    fresh(db)
    assert db.get(User, owner.id).email == "moved@example.com"


def test_a_change_to_another_accounts_address_changes_nothing_and_sends_no_link(client, db, make_user):
    other, user = make_user("other"), make_user("changer")
    login(client, user)
    response = client.post("/account/email", data={"em-email": other.email, "em-password": PASSWORD})
    assert response.status_code == 302 and "Another account uses this email" not in response.get_data(as_text=True)
    fresh(db)
    assert db.get(User, user.id).email == user.email
    assert all("/confirm-email-change/" not in m.body for m in mails_to(db, other.email))


def test_unconfirmed_accounts_can_write_reviews(client, db, make_maker):
    _register(client)
    maker = make_maker()
    response = client.post(f"/makers/{maker.slug}/review", data={
        "craftsmanship": "5", "consistency": "4", "delivery": "4", "title": "Solid stool",
        "body": "Sturdy joinery and a smooth oiled finish; it came on the promised day."})
    assert response.status_code == 302
    assert "Solid stool" in client.get(f"/makers/{maker.slug}").get_data(as_text=True)


def test_maker_dashboard_shows_the_confirmation_state(client, db, make_maker):
    _register(client)
    user = _user(db, "maria@example.com")
    make_maker(user, confirmed_owner=False)
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Resend confirmation link" in page and "Confirm your email address before recording orders" in page
    confirmation.resend_confirmation(db, user)
    client.post(link_in(mails_to(db, "maria@example.com")[-1], "/confirm-email/"))
    page = client.get("/dashboard").get_data(as_text=True)
    assert "is confirmed" in page and "Confirm your email address before recording orders" not in page


def test_a_dead_confirmation_link_says_where_to_get_a_new_one(client, db):
    _register(client)
    response = client.get("/confirm-email/not-a-real-token")
    assert response.status_code == 404
    assert '<a class="button" href="/account">Send a new link from your account page</a>' in response.get_data(as_text=True)


def test_a_link_to_the_previous_address_says_the_address_in_use_is_confirmed_and_asks_for_nothing(client, db):
    """Walking the lifecycle: a confirmation link opened after the address was changed (which confirmed the new one)
    said "Ask for a new one" with a button to send a new link, for an account with nothing left to confirm. The new
    address is not named: whoever holds the old mailbox may not be the account's owner."""
    _register(client)
    old_link = link_in(mails_to(db, "maria@example.com")[0], "/confirm-email/")
    change_email(client, db, "other@example.com", PASSWORD)
    assert _user(db, "other@example.com").email_confirmed
    client.get("/account")  # shows the change's flash, which names the new address
    for response in (client.get(old_link), client.post(old_link)):
        page = " ".join(response.get_data(as_text=True).split())
        assert response.status_code == 404
        assert "no longer uses, and the address it uses now is confirmed: there is nothing to do" in page
        assert "Ask for a new one" not in page and "Send a new link" not in page and "other@example.com" not in page
        assert "<h1>Nothing left to do with this link</h1>" in page and "This link does not work" not in page


def test_a_used_change_link_opened_again_says_the_change_is_made_and_asks_for_nothing(client, db, make_user):
    """Walking the lifecycle: the change link opened a second time (the mail read again) said "Ask for a new one",
    with a button to, for a change already made."""
    login(client, make_user("changer"))
    client.post("/account/email", data={"em-email": "new@example.com", "em-password": PASSWORD})
    path = link_in(mails_to(db, "new@example.com")[0], "/confirm-email-change/")
    assert client.post(path).status_code == 302
    client.get("/account")  # shows the change's flash
    for response in (client.get(path), client.post(path)):
        page = " ".join(response.get_data(as_text=True).split())
        assert response.status_code == 404
        assert "your account uses new@example.com already" in page
        assert "Ask for a new" not in page
        assert "<h1>Nothing left to do with this link</h1>" in page and "This link does not work" not in page
