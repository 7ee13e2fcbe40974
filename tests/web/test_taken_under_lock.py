"""A taken value is reported with the other problems from a read before the write (test_all_problems_at_once.py);
the write checks it again under its lock. When another request takes the value between the two, the form comes
back with the same clear message (never a 500) and nothing of the refused write is stored."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select, update

from craftreview.models import Maker, Order, OutgoingMail, User, utcnow
from craftreview.services import accounts, orders
from craftreview.services import makers as maker_service
from craftreview.services.mail import OutboxMailBackend
from tests.conftest import PASSWORD, fresh, login
from tests.mail_helpers import link_in, mails_to

TODAY = date.today()


def taken_after_the_first_check(monkeypatch, module, name: str, take) -> list:
    """Make `module.name` (a check) pass its first call as it would, then let `take()` commit the value meanwhile;
    later calls (the one under the write lock) check as stored then. Returns the list of calls made."""
    real, calls = getattr(module, name), []

    def check(*args, **kwargs):
        calls.append(args)
        result = real(*args, **kwargs)
        if len(calls) == 1:
            take()
        return result
    monkeypatch.setattr(module, name, check)
    return calls


def _refused(response, message: str) -> str:
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and message in page, response.status_code
    return page


def test_an_address_registered_meanwhile_refuses_the_registration_cleanly(client, db, make_user, monkeypatch):
    def take():
        db.add(User(email="maria@example.com", display_name="First Maria", password_hash="x"))
        db.commit()
    calls = taken_after_the_first_check(monkeypatch, accounts, "check_unregistered", take)
    _refused(client.post("/register", data={"email": "Maria@example.com", "display_name": "Maria",
                                            "password": PASSWORD, "confirm": PASSWORD}),
             "An account with this email already exists.")
    assert len(calls) == 2  # read before the write, and again under its lock
    fresh(db)
    assert db.scalars(select(User.display_name)).all() == ["First Maria"]
    assert db.scalar(select(func.count(OutgoingMail.id))) == 0  # no confirmation mail for an account never made


def test_an_address_taken_before_the_change_link_is_used_refuses_the_change_cleanly(client, db, make_user):
    """The change waits for the link mailed to the new address; another account registered it meanwhile: the link
    is refused under its lock with the reason, and the account keeps its address."""
    user = make_user("changer")
    login(client, user)
    assert client.post("/account/email", data={"em-email": "new@example.com", "em-password": PASSWORD}
                       ).status_code == 302
    link = link_in(mails_to(db, "new@example.com")[-1], "/confirm-email-change/")
    db.add(User(email="new@example.com", display_name="Quicker", password_hash="x"))
    db.commit()
    opened = client.get(link)  # said when the link is opened, not only once its button is pressed
    assert opened.status_code == 409 and "Another account uses this email." in opened.get_data(as_text=True)
    assert "Use new@example.com" not in opened.get_data(as_text=True)
    # Not a dead end: the mailbox's holder can take the other account over with a reset only that mailbox receives.
    assert "a password reset for new@example.com is mailed there" in opened.get_data(as_text=True)
    assert 'href="/reset-password"' in opened.get_data(as_text=True)
    assert client.get("/reset-password").status_code == 200  # open to a logged-in member too
    refused = client.post(link)
    assert refused.status_code == 409 and "Another account uses this email." in refused.get_data(as_text=True)
    fresh(db)
    assert (db.get(User, user.id).email, db.get(User, user.id).email_confirmed_at) == (user.email, None)


def test_a_profile_address_taken_meanwhile_refuses_the_new_profile_cleanly(client, db, make_user, monkeypatch):
    quicker = make_user("quicker")
    login(client, make_user("owner"))

    def take():
        db.add(Maker(owner_id=quicker.id, name="Quicker Studio", slug="river-pots", craft="wood"))
        db.commit()
    taken_after_the_first_check(monkeypatch, maker_service, "check_address_free", take)
    _refused(client.post("/makers/new", data={"name": "River Pots", "slug": "river-pots", "craft": "wood"}),
             "That address is taken; choose another.")
    fresh(db)
    assert db.scalars(select(Maker.name)).all() == ["Quicker Studio"]


def test_an_order_reviewed_meanwhile_refuses_recording_it_again_cleanly(client, db, make_user, make_maker,
                                                                       monkeypatch):
    owner, buyer = make_user("owner"), make_user("buyer")
    maker = make_maker(owner)
    data = orders.OrderInput(buyer_email=buyer.email, item="Bridle leather wallet", order_type="stock",
                             price_band="25-100", ordered_on=TODAY - timedelta(days=40))
    order, _token = orders.record_order(db, owner, maker, data, OutboxMailBackend(),
                                        invite_url=lambda t: f"http://localhost/invite/{t}")
    login(client, owner)  # first: a login is a write, and this session's read below must not predate it
    token_hash, mails = order.token_hash, db.scalar(select(func.count(OutgoingMail.id)))

    def take():  # its buyer redeems the invitation
        db.execute(update(Order).where(Order.id == order.id).values(used_at=utcnow()))
        db.commit()
    taken_after_the_first_check(monkeypatch, orders, "_reusable_order", take)
    _refused(client.post("/dashboard", data={
        "buyer_email": buyer.email, "item": data.item, "order_type": "stock", "price_band": "25-100",
        "ordered_on": str(data.ordered_on)}), "its buyer has already reviewed it")
    fresh(db)
    assert db.get(Order, order.id).token_hash == token_hash  # the used order was not given a fresh link
    assert db.scalar(select(func.count(OutgoingMail.id))) == mails
