"""Addresses at deleted.invalid are the ones deletion gives accounts and erased orders: no one may take them."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from craftreview.errors import InvalidInput
from craftreview.models import User
from craftreview.services import accounts, email_change, orders
from craftreview.services.mail import OutboxMailBackend
from tests.conftest import PASSWORD, fresh, login
from tests.web.test_access_matrix import snapshot

RESERVED = "Addresses at deleted.invalid stand for deleted accounts and erased orders: enter another address."
# The address deletion gives user 1 and its erased orders, and other spellings of it (one key: emails.email_key).
TAKEN_BY_DELETION = ["deleted-1@deleted.invalid", "Erased-Buyer-1@DELETED.invalid", "deleted-1@\uff44eleted.invalid"]


def test_an_operator_cannot_create_an_account_at_a_deleted_accounts_address_and_deletion_still_works(app, client,
                                                                                                   db, make_user):
    """It took deleted-<id>@deleted.invalid, and that user's deletion then failed (a 500: the address is unique)."""
    member = make_user("member")
    result = app.test_cli_runner().invoke(args=["create-user", f"deleted-{member.id}@deleted.invalid",
                                                "--password", "an operator's long passphrase"])
    assert result.exit_code != 0 and RESERVED in result.output
    fresh(db)
    assert db.scalar(select(func.count()).select_from(User)) == 1
    login(client, member)
    assert client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD}).status_code == 302


def test_an_account_made_at_the_address_before_it_was_refused_does_not_block_the_deletion(client, db, make_user):
    """Legacy data: an account already holding deleted-<id>@deleted.invalid (made before the domain was refused) made
    that user's deletion fail on the unique address. The deleted account takes deleted-<id>-2@; the other keeps its."""
    member, squatter = make_user("member"), make_user("squatter")
    squatter.email = f"Deleted-{member.id}@DELETED.invalid"  # written directly, as before the check existed
    db.commit()
    login(client, member)
    assert client.post("/account/delete", data={"reviews": "keep", "password": PASSWORD}).status_code == 302
    fresh(db)
    assert db.get(User, member.id).email == f"deleted-{member.id}-2@deleted.invalid"
    assert db.get(User, member.id).deleted_at is not None
    assert db.get(User, squatter.id).email == f"Deleted-{member.id}@DELETED.invalid"


def _engine(app):
    return app.extensions["craftreview.engine"]


@pytest.mark.parametrize("address", TAKEN_BY_DELETION)
def test_registration_refuses_the_address(app, db, address):
    before = snapshot(_engine(app))
    with pytest.raises(InvalidInput, match="stand for deleted accounts") as refused:
        accounts.register_user(db, email=address, display_name="Squatter", password=PASSWORD)
    assert refused.value.field == "email" and snapshot(_engine(app)) == before


@pytest.mark.parametrize("address", TAKEN_BY_DELETION)
def test_an_email_change_refuses_the_address(app, db, make_user, address):
    user = make_user("mover")
    before = snapshot(_engine(app))
    with pytest.raises(InvalidInput, match="stand for deleted accounts"):
        email_change.request_email_change(db, user, new_email=address, password=PASSWORD)
    assert snapshot(_engine(app)) == before


@pytest.mark.parametrize("address", TAKEN_BY_DELETION)
def test_an_order_refuses_the_address(app, db, make_maker, address):
    maker = make_maker()
    data = orders.OrderInput(buyer_email=address, item="Oak stool", order_type="stock", price_band="25-100",
                             ordered_on=date.today() - timedelta(days=10))
    before = snapshot(_engine(app))
    with pytest.raises(InvalidInput, match="stand for deleted accounts") as refused:
        orders.record_order(db, maker.owner, maker, data, OutboxMailBackend(), invite_url=lambda t: f"http://x/{t}")
    assert refused.value.field == "buyer_email" and snapshot(_engine(app)) == before


def test_the_forms_say_the_same_as_the_services(client):
    page = client.post("/register", data={"email": "deleted-1@deleted.invalid", "display_name": "Squatter",
                                          "password": PASSWORD, "confirm": PASSWORD})
    assert page.status_code == 400 and page.get_data(as_text=True).count(RESERVED) == 1
