"""Moderators' pages say which of one buyer's accounts came first, and which one is gone.

Walking the account lifecycle (delete keeping the reviews, register again with the address, confirm), both account
pages said "The same buyer as account #N: a later account confirmed the address a deleted one had." On either page
the moderator could not tell whether #N was the deleted account or the new one, nor which the sentence's "a later
account" meant. And the ring-signals page listed the two accounts of a burst of that maker's reviews as two
strangers, the deleted one and the new one, with nothing to say they are one buyer."""
from __future__ import annotations

import html
import json

from craftreview.models import RingSignal, utcnow
from tests.conftest import PASSWORD, fresh, login
from tests.mail_helpers import link_in, mails_to
from tests.services.test_former_voices import ADDRESS, _account, _delete, reviewed  # noqa: F401 (a fixture)


def _page(client, user_id: int) -> str:
    return " ".join(client.get(f"/moderation/accounts/{user_id}").get_data(as_text=True).split())


def test_each_account_page_says_whether_the_same_buyers_other_account_is_earlier_or_later(
        client, db, reviewed, make_user):  # noqa: F811
    deleted = reviewed["buyer"]
    _delete(db, deleted)
    again = _account(db)
    login(client, make_user("mod", moderator=True))
    new_page, deleted_page = _page(client, again.id), _page(client, deleted.id)
    assert f'account #{deleted.id}</a> (deleted' in new_page
    assert "an earlier account" in new_page and "a later account" not in new_page
    assert f'account #{again.id}</a> (<bdi>Returning Buyer</bdi>, joined' in deleted_page
    assert "a later account" in deleted_page and "an earlier account" not in deleted_page
    for page in (new_page, deleted_page):
        assert "one reviewer" in page


def test_the_signals_page_says_an_account_is_the_same_buyer_as_a_deleted_one(client, db, reviewed, make_user):  # noqa: F811
    deleted = reviewed["buyer"]
    _delete(db, deleted)
    again = _account(db)
    db.add(RingSignal(kind="burst", maker_id=reviewed["maker"].id, strength=3.0, summary="Two reviews in a day.",
                      evidence_json="[]", user_ids_json=json.dumps([deleted.id, again.id]), detected_at=utcnow()))
    db.commit()
    login(client, make_user("mod", moderator=True))
    page = " ".join(client.get("/moderation/signals").get_data(as_text=True).split())
    assert (f'the same buyer as <a href="/moderation/accounts/{deleted.id}">account #{deleted.id}</a> '
            "(one reviewer for the score)") in page
    assert page.count("the same buyer as") == 1


def test_a_review_page_says_its_author_is_the_same_buyer_as_a_deleted_account(
        client, db, reviewed, make_user, make_review):  # noqa: F811
    deleted = reviewed["buyer"]
    _delete(db, deleted)
    again = _account(db)
    second = make_review(again, reviewed["maker"], title="Second order")
    login(client, make_user("mod", moderator=True))
    page = " ".join(client.get(f"/moderation/reviews/{second.id}").get_data(as_text=True).split())
    assert f'the same buyer as <a href="/moderation/accounts/{deleted.id}">account #{deleted.id}</a>' in page


def _confirm_through_the_page(client, db, email: str) -> str:
    fresh(db)
    path = link_in(mails_to(db, email)[-1], "/confirm-email/")
    return html.unescape(" ".join(client.post(path, follow_redirects=True).get_data(as_text=True).split()))


def test_a_returning_buyer_is_told_on_confirming_that_the_kept_reviews_count_with_theirs(
        client, db, reviewed):  # noqa: F811
    """The deletion page promised it ("if you register again with it, a review you write of a maker you reviewed here
    counts together with these, as one buyer's"); confirming the address again said only "is confirmed"."""
    _delete(db, reviewed["buyer"])
    client.post("/register", data={"email": ADDRESS, "display_name": "Back Again", "password": PASSWORD,
                                   "confirm": PASSWORD})
    page = _confirm_through_the_page(client, db, ADDRESS)
    assert f"Thank you: {ADDRESS} is confirmed." in page
    assert "counts together with them, as one buyer's" in page


def test_a_first_time_buyer_is_told_only_that_the_address_is_confirmed(client, db):
    client.post("/register", data={"email": "first.time@example.com", "display_name": "First Time",
                                   "password": PASSWORD, "confirm": PASSWORD})
    page = _confirm_through_the_page(client, db, "first.time@example.com")
    assert "Thank you: first.time@example.com is confirmed." in page and "one buyer's" not in page


def _said(response) -> str:
    return html.unescape(" ".join(response.get_data(as_text=True).split()))


def test_a_returning_buyer_whose_reset_link_confirms_the_address_is_told_too(client, db, reviewed):  # noqa: F811
    """A reset link that reached the inbox confirms the address and so links the accounts (voices.py), as the
    confirmation link does; it said only that the password changed."""
    _delete(db, reviewed["buyer"])
    client.post("/register", data={"email": ADDRESS, "display_name": "Back Again", "password": PASSWORD,
                                   "confirm": PASSWORD})
    client.post("/logout")
    client.post("/reset-password", data={"email": ADDRESS})
    fresh(db)
    path = link_in(mails_to(db, ADDRESS)[-1], "/reset-password/")
    new = "a-brand-new-passphrase-77"
    page = _said(client.post(path, data={"password": new, "confirm": new}, follow_redirects=True))
    assert "Your password is changed" in page and "counts together with them, as one buyer's" in page


def test_a_returning_buyer_who_moves_an_account_to_the_address_is_told_on_the_change(
        client, db, reviewed, make_user):  # noqa: F811
    _delete(db, reviewed["buyer"])
    other = make_user("moving")
    login(client, other)
    client.post("/account/email", data={"em-email": ADDRESS, "em-password": PASSWORD})
    fresh(db)
    page = _said(client.post(link_in(mails_to(db, ADDRESS)[-1], "/confirm-email-change/"), follow_redirects=True))
    assert f"Your account now uses {ADDRESS}, and it is confirmed." in page
    assert "counts together with them, as one buyer's" in page


def test_an_account_linked_before_is_not_told_again_when_it_changes_address(client, db, reviewed):  # noqa: F811
    _delete(db, reviewed["buyer"])
    again = _account(db)
    assert again.earlier_account_id == reviewed["buyer"].id
    login(client, again)
    client.post("/account/email", data={"em-email": "elsewhere@example.com", "em-password": PASSWORD})
    fresh(db)
    path = link_in(mails_to(db, "elsewhere@example.com")[-1], "/confirm-email-change/")
    page = _said(client.post(path, follow_redirects=True))
    assert "Your account now uses elsewhere@example.com" in page and "one buyer's" not in page


def _change_through_the_pages(client, db, email: str) -> str:
    """Ask for the change, open the link (the page before the button), press the button: the page the link showed."""
    client.post("/account/email", data={"em-email": email, "em-password": PASSWORD})
    fresh(db)
    path = link_in(mails_to(db, email)[-1], "/confirm-email-change/")
    shown = _said(client.get(path))
    client.post(path)
    return shown


def test_the_deletion_page_says_every_confirmed_address_s_fingerprint_is_kept(client, db, reviewed):  # noqa: F811
    """Every confirmed address the account had links its owner's next account (voices.py); the page said "your
    confirmed address", the last one, and the change of address said nothing of the one it left."""
    login(client, reviewed["buyer"])
    shown = _change_through_the_pages(client, db, "newer.address@example.com")
    assert f"We keep a coded fingerprint of {ADDRESS} (not the address) with your account." in shown
    page = _said(client.get("/account/delete"))
    assert ("We keep a coded fingerprint of each of the 2 addresses you confirmed here, your earlier ones included "
            "(not the addresses): if you register again with any of them") in page
    assert "fingerprint of your confirmed address" not in page


def test_a_change_from_an_unconfirmed_address_promises_no_fingerprint(client, db, make_user):
    member = make_user("unconfirmed")  # never confirmed its address
    old_email = member.email
    login(client, member)
    shown = _change_through_the_pages(client, db, "settled@example.com")
    assert f"instead of {old_email}" in shown and "coded fingerprint" not in shown


def test_a_linked_account_that_wrote_nothing_is_told_its_fingerprint_is_kept(client, db, reviewed):  # noqa: F811
    """Such an account passes the chain on (voices.py) with nothing to choose: the page said only "erased"."""
    _delete(db, reviewed["buyer"])
    again = _account(db)
    login(client, again)
    page = _said(client.get("/account/delete"))
    assert "You have written no reviews or replies, so there is nothing to keep or remove." in page
    assert ("We keep a coded fingerprint of your confirmed address (not the address): if you register again with it, "
            "a review you write of a maker you reviewed there counts together with them, as one buyer's.") in page
