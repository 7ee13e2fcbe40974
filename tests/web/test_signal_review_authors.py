"""A ring signal's reviews say which account wrote each: two accounts under one display name read as one author."""
from __future__ import annotations

import json

from craftreview.models import RingSignal, RingSignalReview, utcnow
from tests.conftest import login


def test_each_review_of_a_signal_names_its_author_s_account(client, db, make_user, make_maker, make_review):
    maker = make_maker(name="Twin Name Pottery")
    first, second = make_user("Owen Kobayashi"), make_user("Owen Kobayashi")
    reviews = [make_review(first, maker, title="Superb bowls"), make_review(second, maker, title="Superb plates")]
    signal = RingSignal(kind="burst", maker_id=maker.id, strength=3.0, summary="Two reviews in a day.",
                        evidence_json="[]", user_ids_json=json.dumps([first.id, second.id]), detected_at=utcnow())
    db.add(signal)
    db.flush()
    db.add_all(RingSignalReview(signal_id=signal.id, review_id=r.id) for r in reviews)
    db.commit()
    login(client, make_user("mod", moderator=True))
    page = " ".join(client.get("/moderation/signals").get_data(as_text=True).split())
    reviews_part = page.split("<h3>Reviews</h3>")[1].split("<h3>Accounts</h3>")[0]
    assert f"Owen Kobayashi <span class=\"muted\">(account #{first.id})</span>" in reviews_part
    assert f"Owen Kobayashi <span class=\"muted\">(account #{second.id})</span>" in reviews_part
