"""The whole-site ring-signal run (`flask signals`) meeting an account deletion that removes reviews it implicates.

The run reads the site, runs every detector, then replaces the stored signals. A deletion committed after the read
took reviews the findings name: storing their links failed on the foreign key (PostgreSQL), and the whole run was
rolled back, leaving moderators the previous run's signals. The run now stores what the deletion would have left of
them had it come just after (the signal, without the removed reviews' links), as a deletion does to stored signals;
the next run reads the site without them. SQLite runs one write at a time: there the deletion waits for the run."""
from __future__ import annotations

from sqlalchemy import select

from craftreview.db import write_transaction
from craftreview.models import Review, RingSignal, RingSignalReview
from craftreview.services import account_data, signals
from tests.concurrency import race
from tests.conftest import fresh
from tests.services.test_deletion_races import count, deleting
from tests.services.test_signals import ring_world  # noqa: F401 - the fixture


def _run(session):
    with write_transaction(session):
        return signals.recompute_all(session)


def test_a_signal_run_racing_the_removal_of_a_ring_review_stores_the_signal_without_it(
        app, db, ring_world, monkeypatch):  # noqa: F811 - the imported fixture
    leaving = ring_world.ring_accounts[0]
    removed = ring_world.ring[0].id
    first, second = race(app, monkeypatch, signals, "site_facts", _run, deleting(leaving.id, "remove"))
    assert isinstance(first, dict) and first.get("burst") == 1, first
    assert isinstance(second, account_data.Deletion), second
    fresh(db)
    assert db.get(Review, removed) is None
    assert count(db, RingSignalReview, RingSignalReview.review_id == removed) == 0
    burst = db.scalar(select(RingSignal.id).where(RingSignal.kind == "burst",
                                                  RingSignal.maker_id == ring_world.target.id))
    linked = set(db.scalars(select(RingSignalReview.review_id).where(RingSignalReview.signal_id == burst)))
    assert linked == {review.id for review in ring_world.ring[1:]}
