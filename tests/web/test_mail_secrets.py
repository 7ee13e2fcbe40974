"""Moderators never see a usable secret: the outbox page hides the token of every link that acts for its
recipient, and developers read their own links with `flask read-mail` instead."""
from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import update

from craftreview.models import OutgoingMail, utcnow
from craftreview.services.mail import SECRET_LINK_PATHS
from tests.conftest import PASSWORD, fresh, login
from tests.mail_helpers import link_in, mails_to


def _secret_mails(client, db, make_user, make_maker, make_review) -> dict[str, str]:
    """A reset, a confirmation, an invitation and a notification mail; the live path of each one's link."""
    buyer, owner = make_user("buyer"), make_user("owner")
    maker = make_maker(owner)
    client.post("/reset-password", data={"email": buyer.email})
    client.post("/register", data={"email": "newbie@example.com", "display_name": "Newbie", "password": PASSWORD,
                                   "confirm": PASSWORD})
    client.post("/logout")
    login(client, owner)
    client.post("/dashboard", data={"buyer_email": buyer.email, "item": "Oak stool", "order_type": "stock",
                                    "price_band": "25-100", "ordered_on": str(date.today() - timedelta(days=5))})
    make_review(make_user("critic"), maker)
    return {"/reset-password/": _link(db, buyer.email, "/reset-password/"),
            "/confirm-email/": _link(db, "newbie@example.com", "/confirm-email/"),
            "/invite/": _link(db, buyer.email, "/invite/"), "/unsubscribe/": _link(db, owner.email, "/unsubscribe/")}


def _link(db, email: str, prefix: str) -> str:
    return link_in(next(m for m in mails_to(db, email) if prefix in m.body), prefix)


def test_the_outbox_page_hides_every_link_token_from_moderators(client, db, make_user, make_maker, make_review):
    links = _secret_mails(client, db, make_user, make_maker, make_review)
    login(client, make_user("mod", moderator=True))
    page = client.get("/moderation/mail").get_data(as_text=True)
    for prefix, path in links.items():
        token = path.removeprefix(prefix)
        assert len(token) > 8 and token not in page, prefix
        assert f"{prefix}[hidden]" in page
    assert "Oak stool" in page  # the rest of each mail is still there to read


def test_a_moderator_cannot_take_over_an_account_from_the_outbox(client, db, make_user):
    victim = make_user("victim")
    client.post("/reset-password", data={"email": victim.email})
    login(client, make_user("mod", moderator=True))
    page = client.get("/moderation/mail").get_data(as_text=True)
    shown = re.findall(r"/reset-password/([^\s<\"&]+)", page)
    assert shown and set(shown) == {"[hidden]"}
    assert all(client.get(f"/reset-password/{token}").status_code == 404 for token in shown)


def test_every_route_with_a_token_is_hidden(app):
    """A new route that takes a <token> must be added to SECRET_LINK_PATHS."""
    token_routes = {rule.rule.split("<token>")[0] for rule in app.url_map.iter_rules() if "token" in rule.arguments}
    assert token_routes and token_routes <= set(SECRET_LINK_PATHS)


def _read_mail(app, *args) -> str:
    result = app.test_cli_runner().invoke(args=["read-mail", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_developer_reads_their_confirmation_link_with_read_mail(app, client, db):
    client.post("/register", data={"email": "Dev@Example.com", "display_name": "Dev", "password": PASSWORD,
                                   "confirm": PASSWORD})
    path = link_in(mails_to(db, "dev@example.com")[0], "/confirm-email/")
    output = _read_mail(app, "--to", "DEV@example.com")
    assert path in output and "not sent" in output
    assert path in _read_mail(app, "--to", "\uff24\uff25\uff36@example.com")  # any spelling of the address
    assert client.post(path).status_code == 302
    assert "no mail to nobody@example.com" in _read_mail(app, "--to", "nobody@example.com")


def test_deliver_mail_hides_tokens_of_mail_an_outside_relay_marked_sent(app, client, db, make_user):
    user = make_user("relayed")
    client.post("/reset-password", data={"email": user.email})
    path = link_in(mails_to(db, user.email)[0], "/reset-password/")
    db.execute(update(OutgoingMail).values(sent_at=utcnow()))
    db.commit()
    result = app.test_cli_runner().invoke(args=["deliver-mail"])
    assert "hid the link tokens of 1 mails" in result.output
    [mail] = mails_to(db, user.email)
    token = path.removeprefix("/reset-password/")
    assert token not in mail.body and token not in mail.html_body and "/reset-password/[hidden]" in mail.body
    assert "hid" not in app.test_cli_runner().invoke(args=["deliver-mail"]).output  # nothing left to hide


def test_unsent_mail_keeps_its_link_for_the_relay(client, db, make_user):
    user = make_user("queued")
    client.post("/reset-password", data={"email": user.email})
    fresh(db)
    [mail] = mails_to(db, user.email)
    assert mail.sent_at is None and "/reset-password/[hidden]" not in mail.body
