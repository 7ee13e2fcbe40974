"""A maker profile deleted with its account (it had no reviews) leaves every backend's index; one with reviews stays
searchable as "Former maker" for them."""
from __future__ import annotations

from sqlalchemy import update

from craftreview import search
from craftreview.db import write_transaction
from craftreview.models import Maker, User
from craftreview.services.account_data import delete_account
from craftreview.web.context import session_factory
from tests.conftest import PASSWORD

from .helpers import names, run


def _delete_owner(app, maker_id: int, password_hash: str) -> None:
    with session_factory(app)() as session:
        owner_id = session.get(Maker, maker_id).owner_id
        with write_transaction(session):
            session.execute(update(User).where(User.id == owner_id).values(password_hash=password_hash))
        delete_account(session, session.get(User, owner_id), password=PASSWORD, reviews="keep")
    search.drain(app)


def test_a_maker_without_reviews_leaves_the_index_with_its_account(corpus, world, search_app, password_hash):
    assert names(run(search_app, "raku")) == ["Kiln Yard", "Kiln House"]  # Kiln House: no review of it
    _delete_owner(search_app, corpus["kiln_weak"], password_hash)
    assert names(run(search_app, "raku")) == ["Kiln Yard"]
    assert "Former maker" not in names(run(search_app, "craft:ceramics"))
    assert search.check(search_app).ok


def test_a_maker_whose_only_review_is_hidden_stays_as_former_maker(corpus, world, search_app, password_hash):
    _delete_owner(search_app, corpus["glassbrook"], password_hash)
    assert names(run(search_app, "craft:glass")) == ["Former maker"]
    assert search.check(search_app).ok


def test_a_maker_with_reviews_stays_searchable_as_former_maker(corpus, world, search_app, password_hash):
    _delete_owner(search_app, corpus["saddle"], password_hash)
    assert names(run(search_app, "craft:leather")) == ["Former maker"]
    assert "Lovely bag but it arrived late" in [i.review.title for i in run(search_app, "stitching", tab="reviews").items]
    assert search.check(search_app).ok
