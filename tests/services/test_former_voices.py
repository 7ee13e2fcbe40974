"""One buyer, one voice per maker, across a deleted account and the next one (services/voices.py).

A buyer deletes their account keeping their reviews, registers again with the same address and reviews the same
maker again. Before, the model read two reviewers: deleting and re-registering doubled anyone's say. Now the new
account, once it confirms that address, is read as the deleted one's reviewer."""
from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from craftreview.db import write_transaction
from craftreview.models import FormerAddressDigest, MakerScoreRow, User, utcnow
from craftreview.services import account_data, accounts, confirmation, email_change, scores, voices
from craftreview.services.tokens import CONFIRM_EMAIL, issue_token
from tests.conftest import PASSWORD, login

ADDRESS = "returning.buyer@example.com"


def _account(db, email: str = ADDRESS, *, confirmed: bool = True) -> User:
    user = accounts.register_user(db, email=email, display_name="Returning Buyer", password=PASSWORD,
                                  email_confirmed=False)
    if confirmed:
        _confirm(db, user)
    return user


def _confirm(db, user: User) -> None:
    with write_transaction(db):
        token = issue_token(db, user, CONFIRM_EMAIL, utcnow(), email=user.email)
    confirmation.confirm_email(db, token)


def _delete(db, user: User, choice: str = "keep") -> None:
    account_data.delete_account(db, db.get(User, user.id), password=PASSWORD, reviews=choice)


def _digests(db, user: User) -> set[str]:
    return set(db.scalars(select(FormerAddressDigest.digest).where(FormerAddressDigest.user_id == user.id)))


def _change_address(db, user: User, email: str) -> None:
    """Through the link mailed to the new address, opened."""
    with write_transaction(db):
        token = issue_token(db, user, email_change.PURPOSE, utcnow(), email=email)
    email_change.confirm_email_change(db, token)


def _voices(db, maker_id: int) -> dict[int, object]:
    """Review id -> the reviewer the model reads it under."""
    signals, _crafts = scores.load_signals(db, [maker_id])
    return {s.review_id: s.reviewer_id for s in signals}


def _overall(db, maker_id: int) -> float:
    db.expire_all()
    return db.scalar(select(MakerScoreRow.overall).where(MakerScoreRow.maker_id == maker_id))


@pytest.fixture
def reviewed(db, make_user, make_maker, make_review):
    """A maker with five middling reviews, and a buyer whose five-star review of it will be kept."""
    maker = make_maker(name="Second Voice Pottery")
    for n in range(5):
        make_review(make_user(f"regular{n}"), maker, craftsmanship=3, consistency=3, delivery=3)
    buyer = _account(db)
    first = make_review(buyer, maker, title="First order", craftsmanship=5, consistency=5, delivery=5)
    return {"maker": maker, "buyer": buyer, "first": first}


def test_a_returning_buyer_s_new_account_speaks_with_the_kept_reviews_voice(db, reviewed, make_review):
    maker, first = reviewed["maker"], reviewed["first"]
    _delete(db, reviewed["buyer"])
    again = _account(db, ADDRESS.upper(), confirmed=False)  # the same address, typed otherwise
    second = make_review(again, maker, title="Second order", craftsmanship=5, consistency=5, delivery=5)
    assert _voices(db, maker.id)[second.id] != _voices(db, maker.id)[first.id]
    two_voices = _overall(db, maker.id)

    _confirm(db, again)

    assert db.get(User, again.id).earlier_account_id == reviewed["buyer"].id
    assert _voices(db, maker.id)[second.id] == _voices(db, maker.id)[first.id] == reviewed["buyer"].id
    # Rescored in the confirming write: two five-stars above five threes now weigh as one buyer's.
    assert _overall(db, maker.id) < two_voices
    fresh = scores.prepare_maker_score(db, maker.id, {}, utcnow())
    assert _overall(db, maker.id) == pytest.approx(fresh.score_row["overall"], abs=1e-9)


def test_the_new_account_s_next_review_is_scored_with_that_voice_before_it_is_stored(db, reviewed, make_review):
    maker = reviewed["maker"]
    _delete(db, reviewed["buyer"])
    again = _account(db)
    second = make_review(again, maker, title="Second order", craftsmanship=5, consistency=5, delivery=5)
    assert _voices(db, maker.id)[second.id] == reviewed["buyer"].id
    fresh = scores.prepare_maker_score(db, maker.id, {}, utcnow())
    assert _overall(db, maker.id) == pytest.approx(fresh.score_row["overall"], abs=1e-9)


def test_the_deleted_account_keeps_a_keyed_digest_never_the_address(app, db, reviewed):
    _delete(db, reviewed["buyer"])
    gone = db.get(User, reviewed["buyer"].id)
    assert ADDRESS not in gone.email
    assert _digests(db, gone) == {voices.address_digest(db, ADDRESS)}
    assert hashlib.sha256(ADDRESS.encode()).hexdigest() not in _digests(db, gone)
    elsewhere = sessionmaker(bind=app.extensions["craftreview.engine"])
    voices.configure(elsewhere, "another secret key")
    with elsewhere() as session:  # another secret key: another digest
        assert voices.address_digest(session, ADDRESS) not in _digests(db, gone)


@pytest.mark.parametrize("case", ["unconfirmed", "removed"])
def test_nothing_is_recorded_without_a_confirmed_address_or_without_kept_reviews(db, make_maker, make_review, case):
    maker = make_maker(name="Second Voice Pottery")
    buyer = _account(db, confirmed=case != "unconfirmed")
    make_review(buyer, maker, craftsmanship=5, consistency=5, delivery=5)
    _delete(db, buyer, "remove" if case == "removed" else "keep")
    assert _digests(db, buyer) == set()
    again = _account(db)
    assert db.get(User, again.id).earlier_account_id is None


def test_an_address_changed_to_the_deleted_account_s_links_at_its_confirmation(db, reviewed, make_review):
    maker = reviewed["maker"]
    _delete(db, reviewed["buyer"])
    other = _account(db, "someone.else@example.com")
    second = make_review(other, maker, craftsmanship=5, consistency=5, delivery=5)
    with write_transaction(db):
        token = issue_token(db, other, email_change.PURPOSE, utcnow(), email=ADDRESS)
    email_change.confirm_email_change(db, token)
    assert db.get(User, other.id).earlier_account_id == reviewed["buyer"].id
    assert _voices(db, maker.id)[second.id] == reviewed["buyer"].id


def test_a_chain_of_re_registrations_points_at_the_first_account(db, reviewed, make_review):
    maker = reviewed["maker"]
    _delete(db, reviewed["buyer"])
    middle = _account(db)
    between = make_review(middle, maker, craftsmanship=5, consistency=5, delivery=5)
    _delete(db, middle)
    last = _account(db)
    third = make_review(last, maker, craftsmanship=5, consistency=5, delivery=5)
    assert db.get(User, last.id).earlier_account_id == reviewed["buyer"].id
    read_as = _voices(db, maker.id)
    assert {read_as[r.id] for r in (reviewed["first"], between, third)} == {reviewed["buyer"].id}


def test_a_linked_account_without_reviews_deleted_leaves_the_chain_reachable_under_the_first_address(
        db, reviewed, make_review):
    """The middle account records nothing of its own, and needs not: the first account's digest still links."""
    _delete(db, reviewed["buyer"])
    middle = _account(db)
    _delete(db, middle)
    last = _account(db)
    assert db.get(User, last.id).earlier_account_id == reviewed["buyer"].id


def test_a_linked_account_without_reviews_that_moved_address_passes_the_chain_on_at_its_deletion(
        db, reviewed, make_review):
    """Its new address was never the first account's: only its own digest can link the next account to the chain."""
    maker = reviewed["maker"]
    _delete(db, reviewed["buyer"])
    middle = _account(db)
    _change_address(db, middle, "new.mailbox@example.com")
    _delete(db, middle)
    last = _account(db, "new.mailbox@example.com")
    third = make_review(last, maker, craftsmanship=5, consistency=5, delivery=5)
    assert db.get(User, last.id).earlier_account_id == reviewed["buyer"].id
    assert _voices(db, maker.id)[third.id] == _voices(db, maker.id)[reviewed["first"].id]


def test_an_account_an_operator_creates_confirmed_is_linked_at_once(db, reviewed):
    _delete(db, reviewed["buyer"])
    again = accounts.register_user(db, email=ADDRESS, display_name="Returning Buyer", password=PASSWORD,
                                   email_confirmed=True)
    assert db.get(User, again.id).earlier_account_id == reviewed["buyer"].id


def test_a_live_account_s_earlier_address_links_nobody(db):
    """Only a deleted account's digests link: a live account's earlier address, now someone else's, links nobody."""
    live = _account(db)
    _change_address(db, live, "live.member@example.com")
    assert _digests(db, live) == {voices.address_digest(db, ADDRESS)}
    newcomer = _account(db)
    assert db.get(User, newcomer.id).earlier_account_id is None


def test_a_linked_account_keeps_its_first_link_when_it_confirms_another_address(db, reviewed, make_review):
    _delete(db, reviewed["buyer"])
    again = _account(db)
    other = _account(db, "second.address@example.com")
    make_review(other, reviewed["maker"], craftsmanship=4, consistency=4, delivery=4)
    _delete(db, other)
    with write_transaction(db):
        token = issue_token(db, again, email_change.PURPOSE, utcnow(), email="second.address@example.com")
    email_change.confirm_email_change(db, token)
    assert db.get(User, again.id).earlier_account_id == reviewed["buyer"].id


def test_moderators_see_the_accounts_of_the_same_buyer_on_each_account_page(client, db, reviewed, make_user):
    _delete(db, reviewed["buyer"])
    again = _account(db)
    login(client, make_user("mod", moderator=True))
    for shown, other in ((again.id, reviewed["buyer"].id), (reviewed["buyer"].id, again.id)):
        page = client.get(f"/moderation/accounts/{shown}").get_data(as_text=True)
        assert f'href="/moderation/accounts/{other}">account #{other}</a>' in page
        assert "one reviewer" in page
    loner = make_user("loner")
    assert "one reviewer" not in client.get(f"/moderation/accounts/{loner.id}").get_data(as_text=True)


def test_returning_under_an_address_confirmed_before_the_last_one_links(db, reviewed, make_review):
    """Only the last confirmed address was recorded: a buyer who changed address before deleting came back under the
    earlier one with a second voice."""
    maker, first = reviewed["maker"], reviewed["first"]
    _change_address(db, reviewed["buyer"], "newer.address@example.com")
    _change_address(db, reviewed["buyer"], "newest.address@example.com")
    _delete(db, reviewed["buyer"])
    for address in (ADDRESS, "newer.address@example.com", "newest.address@example.com"):
        again = _account(db, address.upper())
        second = make_review(again, maker, craftsmanship=5, consistency=5, delivery=5)
        assert db.get(User, again.id).earlier_account_id == reviewed["buyer"].id
        assert _voices(db, maker.id)[second.id] == _voices(db, maker.id)[first.id] == reviewed["buyer"].id
        _delete(db, again, "remove")


@pytest.mark.parametrize("how", ["registered with", "asked for"])
def test_an_address_entered_but_never_confirmed_links_nobody(db, reviewed, make_review, how):
    """Registered with and left before confirming it, or asked for as a new address whose link was never opened."""
    buyer = reviewed["buyer"]
    if how == "registered with":
        buyer = _account(db, "typed.once@example.com", confirmed=False)
        make_review(buyer, reviewed["maker"], craftsmanship=5, consistency=5, delivery=5)
        _change_address(db, buyer, "settled@example.com")
    else:
        with write_transaction(db):
            issue_token(db, buyer, email_change.PURPOSE, utcnow(), email="typed.once@example.com")
    _delete(db, buyer)
    assert _digests(db, buyer)  # the confirmed address it had is recorded, not the other
    assert voices.address_digest(db, "typed.once@example.com") not in _digests(db, buyer)
    again = _account(db, "typed.once@example.com")
    assert db.get(User, again.id).earlier_account_id is None


def test_deleting_without_keeping_reviews_erases_the_earlier_addresses_digests(db, reviewed):
    _change_address(db, reviewed["buyer"], "newer.address@example.com")
    assert _digests(db, reviewed["buyer"]) == {voices.address_digest(db, ADDRESS)}
    _delete(db, reviewed["buyer"], "remove")
    assert _digests(db, reviewed["buyer"]) == set()
    again = _account(db)
    assert db.get(User, again.id).earlier_account_id is None


@pytest.mark.parametrize(("fallbacks", "linked"), [(["test-secret"], True), ([], False)])
def test_a_digest_made_under_a_rotated_key_links_while_that_key_is_a_fallback(app, db, reviewed, fallbacks, linked):
    """SECRET_KEY rotated after the deletion: the old key in SECRET_KEY_FALLBACKS keeps the link possible."""
    _delete(db, reviewed["buyer"])  # digest made under the app fixture's key, "test-secret"
    rotated = sessionmaker(bind=app.extensions["craftreview.engine"])
    voices.configure(rotated, "the-new-secret-key", fallbacks)
    with rotated() as session:
        again = _account(session)
        assert session.get(User, again.id).earlier_account_id == (reviewed["buyer"].id if linked else None)
