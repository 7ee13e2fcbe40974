"""Stored scores follow review writes; sorting by score never lets luck beat evidence."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bench.scoring.simulate import NOW, SimConfig, simulate
from craftreview.db import write_transaction
from craftreview.models import MakerScoreRow, utcnow
from craftreview.scoring import score_makers
from craftreview.scoring.explain import review_table
from craftreview.services import queries
from craftreview.services.moderation import hide_review
from craftreview.services.reviews import submit_review
from craftreview.services.scores import rank_score, rescore_all, tier_confidence
from tests.conftest import review_input


def _score(db, maker):
    db.expire_all()
    return db.get(MakerScoreRow, maker.id)


def test_rank_score_puts_proven_good_before_unproven_before_novice():
    assert rank_score("skilled", 4.0) > rank_score("unproven", 5.0) > rank_score("novice", 3.4)
    assert rank_score("master", 4.8) > rank_score("developing", 3.8)


def test_the_confidence_shown_beside_a_tier_is_the_probability_of_that_tier():
    """The panel's 'Skilled — 87% sure of skilled or better' and the score page's table of claims: through the real model on a simulated
    platform, the stored confidence is the probability of the claimed tier's band (skilled: overall 4.0 or better,
    developing: 3.5 to 4.0), every claim is at least as likely as the page says it must be, and the skilled,
    developing and novice bands share out the whole probability."""
    platform = simulate(21, SimConfig(n_makers=300))
    needed = {"master": 0.8, "skilled": 0.8, "developing": 0.9, "novice": 0.9}
    claimed = set()
    for score in score_makers(platform.signals, now=NOW, crafts=platform.crafts).values():
        p = score.explanation["probabilities"]
        assert p["skilled"] + p["developing"] + p["novice"] == pytest.approx(1.0)
        assert p["master"] <= p["skilled"]
        if score.tier == "unproven":
            assert tier_confidence(score) is None
        else:
            claimed.add(score.tier)
            assert tier_confidence(score) == pytest.approx(p[score.tier]) and tier_confidence(score) >= needed[score.tier]
    assert {"skilled", "novice"} <= claimed


def test_score_is_stored_with_interval_and_explanation(db, make_user, make_maker, make_review):
    _background_platform(make_user, make_maker, make_review)
    with write_transaction(db):
        rescore_all(db)  # writes score with the stored fit of a believable platform
    maker = make_maker()
    review = make_review(make_user(), maker, craftsmanship=5, consistency=5, delivery=5)
    row = _score(db, maker)
    assert row.overall_low <= row.overall <= row.overall_high
    assert row.tier == "unproven"  # one review is never proof
    assert str(review.id) in review_table(json.loads(row.detail_json)["explanation"])


def test_hiding_a_review_updates_the_stored_score(db, make_user, make_maker, make_review):
    maker = make_maker()
    review = make_review(make_user(), maker)
    make_review(make_user(), maker)
    assert _score(db, maker).review_count == 2
    hide_review(db, make_user(moderator=True), review, "spam")
    assert _score(db, maker).review_count == 1


def _background_platform(make_user, make_maker, make_review) -> None:
    """A dozen ordinary makers, so the prior is learned from a believable platform."""
    ratings = [(2, 3, 2), (3, 3, 4), (4, 4, 3), (5, 4, 4), (3, 2, 3), (4, 5, 5)]
    for i in range(12):
        maker = make_maker(name=f"Background {i}")
        for j in range(2 + i % 3):
            c, s, d = ratings[(i + j) % len(ratings)]
            make_review(make_user(f"bg{i}-{j}"), maker, craftsmanship=c, consistency=s, delivery=d)


def _established_reviews(db, make_user, maker, count: int) -> None:
    """Reviews from long-standing accounts spread over a year (not a burst of fresh accounts)."""
    now = utcnow()
    for i in range(count):
        buyer = make_user(f"regular{i}")
        buyer.created_at = now - timedelta(days=800)
        db.commit()
        submit_review(db, buyer, maker, review_input(craftsmanship=5, consistency=5, delivery=4,
                                                     ordered_on=None, promised_by=None, delivered_on=None),
                      now=now - timedelta(days=14 * i))


def test_single_glowing_review_does_not_outrank_a_proven_maker(db, make_user, make_maker, make_review):
    _background_platform(make_user, make_maker, make_review)
    lucky, proven = make_maker(name="Lucky Novice"), make_maker(name="Proven Potter")
    make_review(make_user(), lucky, craftsmanship=5, consistency=5, delivery=5)
    _established_reviews(db, make_user, proven, count=25)
    with write_transaction(db):
        rescore_all(db)
    assert _score(db, proven).tier in {"skilled", "master"}
    assert _score(db, lucky).tier == "unproven"
    ordered = [m.name for m in db.scalars(queries.makers_query(sort="score"))]
    assert ordered.index("Proven Potter") == 0
    assert ordered.index("Lucky Novice") > 0


def test_rescore_all_scores_makers_without_reviews_as_unproven(db, make_maker):
    maker = make_maker()
    with write_transaction(db):
        assert rescore_all(db)[:2] == (1, 1)
    row = _score(db, maker)
    assert row.tier == "unproven" and row.review_count == 0


def test_rescore_queues_reindexing_only_for_makers_whose_indexed_score_changed(db, make_user, make_maker,
                                                                              make_review):
    maker = make_maker()
    make_review(make_user(), maker)
    now = utcnow()
    with write_transaction(db):
        rescore_all(db, now=now)
    with write_transaction(db):
        assert rescore_all(db, now=now)[:2] == (1, 0)  # same data, same time: nothing to reindex
    with write_transaction(db):
        db.get(MakerScoreRow, maker.id).tier = "master"  # simulate a stale stored value
    with write_transaction(db):
        assert rescore_all(db, now=now)[:2] == (1, 1)
