"""One address, one account: accounts are unique on `emails.email_key` (NFKC + casefold), logins and
invitations match on the same key, and a maker cannot record an order for any sub-address of its own."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from craftreview.db import write_transaction
from craftreview.errors import Conflict, InvalidInput
from craftreview.models import Order, User, utcnow
from craftreview.services import accounts, email_change, orders
from craftreview.services.tokens import issue_token
from tests.conftest import PASSWORD, fresh, login, review_input
from tests.mail_helpers import mails_to
from tests.web.test_invitation_binding import FORM, confirmed, record

TODAY = date.today()


def _register(client, email: str):
    return client.post("/register", data={"email": email, "display_name": "Strasse", "password": PASSWORD,
                                          "confirm": PASSWORD})


def test_an_address_that_folds_to_an_existing_account_cannot_register_again(client, db):
    assert _register(client, "strasse@example.com").status_code == 302
    client.post("/logout")
    response = _register(client, "straße@example.com")
    assert "An account with this email already exists." in response.get_data(as_text=True)
    assert db.scalar(select(func.count(User.id))) == 1


def test_an_address_with_spaces_around_it_registers_and_logs_in_as_that_address(client, db):
    """Pasted addresses often carry a space; browsers trim an email field, plain HTTP clients do not."""
    assert _register(client, "  maker.friend@example.com \t").status_code == 302
    assert db.scalar(select(User.email)) == "maker.friend@example.com"
    client.post("/logout")
    assert client.post("/login", data={"email": " maker.friend@example.com ", "password": PASSWORD}).status_code == 302


def test_a_maker_records_an_order_for_an_address_pasted_with_spaces(client, db, make_user, make_maker):
    owner = make_user("owner")
    make_maker(owner)
    login(client, owner)
    response = client.post("/dashboard", data={"buyer_email": " buyer@example.com  ", "item": "Oak stool",
                                               "order_type": "stock", "price_band": "25-100",
                                               "ordered_on": str(TODAY - timedelta(days=5))})
    assert response.status_code == 302
    assert db.scalar(select(Order.buyer_email)) == "buyer@example.com"


def test_full_width_spelling_is_the_same_account_for_the_service(db, make_user):
    user = make_user("maker")
    with pytest.raises(Conflict):
        accounts.register_user(db, email=user.email.replace("m", "\uff4d", 1), display_name="Twin", password=PASSWORD)


def test_login_finds_the_account_under_another_spelling_of_its_address(client, db):
    _register(client, "straße@example.com")
    client.post("/logout")
    response = client.post("/login", data={"email": "STRASSE@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert "Strasse" in client.get("/").get_data(as_text=True)


def _move(db, user, new_email: str) -> None:
    """Ask for the change and use the link it mails, as the owner of both mailboxes does."""
    email = email_change.request_email_change(db, user, new_email=new_email, password=PASSWORD)
    with write_transaction(db):
        token = issue_token(db, user, email_change.PURPOSE, utcnow(), email=email)
    email_change.confirm_email_change(db, token)


def test_another_spelling_of_someone_elses_address_never_becomes_a_second_accounts(db, make_user):
    taken, mover = make_user("taken"), make_user("mover")
    db.execute(update(User).where(User.id == taken.id).values(email="straße@example.com",
                                                               email_key="strasse@example.com"))
    db.commit()
    email_change.request_email_change(db, mover, new_email="STRASSE@example.com", password=PASSWORD)
    assert [m.subject for m in mails_to(db, "straße@example.com")] == [email_change.TAKEN_NOTICE_SUBJECT]
    assert mails_to(db, "strasse@example.com") == []  # no link to make the change
    with pytest.raises(Conflict) as refused:
        _move(db, mover, "STRASSE@example.com")
    assert refused.value.field == "email"
    fresh(db)
    assert db.get(User, mover.id).email == mover.email


def test_respelling_your_own_address_is_allowed(db, make_user):
    user = make_user("own")
    _move(db, user, "straße@example.com")
    _move(db, user, "strasse@example.com")
    fresh(db)
    assert (user.email, user.email_key) == ("strasse@example.com", "strasse@example.com")


def test_an_invitation_for_another_spelling_is_redeemed_by_the_one_account_with_that_key(client, db, make_user,
                                                                                       make_maker):
    owner = make_user("owner")
    buyer = confirmed(db, make_user("buyer"))
    _move(db, buyer, "strasse@example.com")
    token = record(db, owner, make_maker(owner), "Straße@Example.com")
    login(client, buyer)
    assert client.post(f"/invite/{token}", data=FORM).status_code == 302


def test_an_account_left_without_the_shared_key_by_the_migration_cannot_redeem(db, make_user, make_maker):
    """Migration 0021 gives a second, older account with the same key "<key>#<id>": it no longer matches."""
    owner, legacy = make_user("owner"), confirmed(db, make_user("legacy"))
    db.execute(update(User).where(User.id == legacy.id).values(email="straße@example.com",
                                                                email_key=f"strasse@example.com#{legacy.id}"))
    db.commit()
    token = record(db, owner, make_maker(owner), "straße@example.com")
    fresh(db)
    with pytest.raises(orders.InvitationRefused):
        orders.submit_verified_review(db, legacy, token, review_input())
    assert accounts.find_user_by_email(db, "straße@example.com").id == legacy.id  # it still logs in


def _own_variants(email: str) -> list[str]:
    local, domain = email.split("@")
    return [f"{local}+shop@{domain}", f"{local.upper()}+a+b@{domain}", f"\uff4d{local[1:]}@{domain}",
            f"\uff4d{local[1:]}+x@{domain.upper()}"]


@pytest.mark.parametrize("variant", range(4))
def test_maker_cannot_record_an_order_for_a_sub_address_or_look_alike_of_its_own(client, db, make_user, make_maker,
                                                                                variant):
    owner = make_user("maker")
    make_maker(owner)
    login(client, owner)
    response = client.post("/dashboard", data={
        "buyer_email": _own_variants(owner.email)[variant], "item": "Walnut dining table", "order_type": "custom",
        "price_band": "over1000", "ordered_on": str(TODAY - timedelta(days=5))})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "That is your own address (or a +sub-address of it)" in page
    assert db.scalar(select(func.count(Order.id))) == 0


def test_dots_in_the_local_part_are_not_refused_as_the_makers_own(db, make_user, make_maker):
    owner = make_user("maker")
    maker = make_maker(owner)
    local, domain = owner.email.split("@")
    record(db, owner, maker, f"{local[0]}.{local[1:]}@{domain}")
    with pytest.raises(InvalidInput) as refused:
        record(db, owner, maker, f"{local}+tag@{domain}")
    assert refused.value.field == "buyer_email"


def test_a_full_width_spelling_is_stored_and_mailed_as_the_plain_address(client, db):
    # Kept as typed, it held the plain address's key, and the reset for the plain address went to the full-width one.
    assert _register(client, "\uff46iona.squat@example.net").status_code == 302
    assert db.scalar(select(User.email)) == "fiona.squat@example.net"
    client.post("/logout")
    client.post("/reset-password", data={"email": "fiona.squat@example.net"})
    subjects = sorted(m.subject for m in mails_to(db, "fiona.squat@example.net"))
    assert len(subjects) == 2 and any("password" in s.lower() for s in subjects)


@pytest.mark.parametrize("email", ["user123\ufe6bevil@example.com", "user123\uff20evil@example.com"])
def test_an_address_whose_normal_form_holds_a_second_at_is_refused(client, db, email):
    # Normalised after the form's check, a small commercial at (﹫) became a second @: stored and mailed to
    # "user123@evil@example.com", an address no relay delivers.
    response = _register(client, email)
    assert response.status_code == 400 and "Enter an email address in the form" in response.get_data(as_text=True)
    assert db.scalar(select(func.count(User.id))) == 0
