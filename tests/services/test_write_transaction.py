"""write_transaction owns exactly the work done inside it: it never nests and never adopts changes."""
from __future__ import annotations

import pytest

from craftreview.db import TransactionMisuse, write_transaction
from craftreview.models import Maker, User
from tests.conftest import fresh


def test_nested_write_transaction_is_refused_and_the_outer_write_rolls_back(db, make_maker):
    maker = make_maker(name="Before")
    with pytest.raises(TransactionMisuse, match="does not nest"):
        with write_transaction(db):
            maker.name = "Outer change"
            with write_transaction(db):
                pass
    fresh(db)
    assert db.get(Maker, maker.id).name == "Before"


def test_unflushed_changes_made_before_the_write_are_refused(db, make_maker):
    maker = make_maker(name="Before")
    maker.name = "Sneaked in"
    with pytest.raises(TransactionMisuse, match="uncommitted changes"):
        with write_transaction(db):
            pass
    db.rollback()
    fresh(db)
    assert db.get(Maker, maker.id).name == "Before"


def test_flushed_but_uncommitted_changes_are_refused(db, make_user):
    user = make_user()
    user.display_name = "Flushed only"
    db.flush()
    with pytest.raises(TransactionMisuse):
        with write_transaction(db):
            pass
    db.rollback()
    fresh(db)
    assert db.get(User, user.id).display_name != "Flushed only"


def test_a_new_object_added_outside_the_write_is_refused(db, make_user):
    owner = make_user()
    db.add(Maker(owner_id=owner.id, name="Orphan", slug="orphan", craft="wood"))
    with pytest.raises(TransactionMisuse):
        with write_transaction(db):
            pass


def test_a_read_transaction_before_the_write_is_fine(db, make_maker):
    maker = make_maker(name="Read first")
    db.get(Maker, maker.id)  # a view's reads open a transaction
    with write_transaction(db):
        maker.name = "Written"
    fresh(db)
    assert db.get(Maker, maker.id).name == "Written"


def test_after_a_failed_write_the_next_write_works(db, make_maker):
    maker = make_maker()
    with pytest.raises(RuntimeError):
        with write_transaction(db):
            maker.name = "Lost"
            raise RuntimeError("boom")
    with write_transaction(db):
        maker.name = "Kept"
    fresh(db)
    assert db.get(Maker, maker.id).name == "Kept"
