"""Ring signals in the database: refreshed per maker on each review write, recomputed by `flask signals`,
listed for moderators with their evidence, and never hiding anything."""
from __future__ import annotations

import html
import json
import random
import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import select

from craftreview.db import _WRITING, write_transaction
from craftreview.models import JobRun, Maker, MakerScoreRow, Review, RingSignal, RingSignalReview, User, utcnow
from craftreview.scoring.explain import review_table
from craftreview.services import reviews, signals
from craftreview.services.reviews import submit_review
from craftreview.services.scores import rescore_all, score_detail
from craftreview.services.signals import flagged_reviews, refresh_maker_signals
from tests.conftest import fresh, login, review_input

NOW = utcnow()



def ring_flagged_review_ids(db, maker_ids=None) -> set[int]:
    """The reviews the scoring model reads as ring_flagged (of these makers only, if given)."""
    return {review_id for _maker, review_id in flagged_reviews(db, maker_ids)}

WORDS = ("glaze handle rim foot weight balance colour photos matched set gift box packing early late week "
         "kiln speckle oatmeal celadon stoneware porcelain crack chip smooth sturdy wobbly even thin thick").split()


def _plain(stars: int, title: str):
    """A review in its own words (free text rarely repeats; identical text is itself a ring signal)."""
    words = random.Random(title).sample(WORDS, 14)
    body = f"{title}: " + " ".join(words)
    return review_input(craftsmanship=stars, consistency=stars, delivery=stars, title=title, body=body,
                        order_type=None, price_band=None, ordered_on=None, promised_by=None, delivered_on=None)


@dataclass
class RingWorld:
    honest: list[Maker]
    target: Maker
    ring: list[Review]
    ring_accounts: list[User]


def _aged(db, user: User, days: int) -> User:
    user.created_at = NOW - timedelta(days=days)
    db.commit()
    return user


@pytest.fixture
def ring_world(db, make_user, make_maker) -> RingWorld:
    """Three honest makers and a target, each reviewed every 40 days by the same eight aged buyers;
    then five brand-new accounts post one-star reviews of the target within hours."""
    makers = [make_maker(name=f"Honest Studio {i}") for i in range(3)] + [make_maker(name="Target Ceramics")]
    for maker in makers:
        maker.created_at = NOW - timedelta(days=730)
    buyers = [_aged(db, make_user(f"buyer{i}"), 900) for i in range(8)]
    for i, buyer in enumerate(buyers):
        for maker in makers:
            submit_review(db, buyer, maker, _plain(4 + i % 2, f"Steady review {i} of {maker.name}"),
                          now=NOW - timedelta(days=400 - 40 * i))
    accounts = [_aged(db, make_user(f"ring{i}"), 0) for i in range(5)]
    for account in accounts:
        account.created_at = NOW - timedelta(days=11)
    db.commit()
    ring = [submit_review(db, account, makers[-1], _plain(1, f"Terrible, avoid {i}"),
                          now=NOW - timedelta(days=10, hours=-i)) for i, account in enumerate(accounts)]
    return RingWorld(honest=makers[:3], target=makers[-1], ring=ring, ring_accounts=accounts)


def _kinds(db, maker: Maker) -> set[str]:
    return set(db.scalars(select(RingSignal.kind).where(RingSignal.maker_id == maker.id)))


def test_review_writes_raise_the_cheap_signals_for_that_maker_and_hide_nothing(db, ring_world):
    fresh(db)
    assert _kinds(db, ring_world.target) == {"burst", "extreme_cluster"}
    assert all(_kinds(db, maker) == set() for maker in ring_world.honest)
    assert all(review.hidden_at is None for review in db.scalars(select(Review)))


def test_signals_command_recomputes_every_detector(app, db, ring_world):
    result = app.test_cli_runner().invoke(args=["signals"])
    assert result.exit_code == 0, result.output
    assert "ring signals recomputed" in result.output and "1 burst" in result.output
    fresh(db)
    assert _kinds(db, ring_world.target) == {"burst", "extreme_cluster", "one_maker_accounts"}
    assert all(_kinds(db, maker) == set() for maker in ring_world.honest)
    flagged = ring_flagged_review_ids(db)
    assert {r.id for r in ring_world.ring} <= flagged
    assert ring_flagged_review_ids(db, maker_ids=[m.id for m in ring_world.honest]) == set()
    assert ring_flagged_review_ids(db, maker_ids=[ring_world.target.id]) == flagged


def test_the_score_counts_reviews_in_a_ring_signal_as_weaker_evidence(app, db, ring_world):
    """The moderation page: 'The maker's score counts implicated reviews as weaker evidence.' After `flask signals`
    and a rescore, the stored explanation names the ring's reviews as reported in a ring signal, and only them (the
    weight it takes off: tests/unit/test_scoring_claims.py)."""
    app.test_cli_runner().invoke(args=["signals"])
    with write_transaction(db):
        rescore_all(db)
    fresh(db)
    table = review_table(score_detail(db.get(MakerScoreRow, ring_world.target.id))["explanation"])
    ring = {str(review.id) for review in ring_world.ring}
    assert ring and ring <= set(table)
    for key, entry in table.items():
        assert entry["ring_flagged"] == (key in ring)
        assert ("reported in a moderator's ring signal" in entry["why"]) == (key in ring)


def test_the_public_score_page_never_names_ring_signals_but_moderators_see_them(app, db, client, make_user,
                                                                                 ring_world):
    """Ring signals are moderators' leads: the public explanation says in general words that coordinated-looking
    reviews weigh less, and no review on it is said to be in a signal; a moderator sees the reason and the factors."""
    app.test_cli_runner().invoke(args=["signals"])
    with write_transaction(db):
        rescore_all(db)
    url = f"/makers/{ring_world.target.slug}/score"
    for viewer in (None, ring_world.ring_accounts[0]):
        if viewer is not None:
            login(client, viewer)
        page = client.get(url).get_data(as_text=True)
        assert "ring signal" not in page.lower() and "moderator" not in page.lower()
        assert "look coordinated rather than independent" in page
    login(client, make_user("mod", moderator=True))
    page = client.get(url).get_data(as_text=True)
    assert page.count("reported in a moderator&#39;s ring signal") >= len(ring_world.ring)
    assert "moderator-factors" in page


def test_signals_command_on_an_honest_site_finds_nothing(app, db, make_user, make_maker):
    makers = [make_maker(name=f"Honest Studio {i}") for i in range(3)]
    for i, buyer in enumerate(_aged(db, make_user(f"buyer{i}"), 900) for i in range(6)):
        for maker in makers:
            submit_review(db, buyer, maker, _plain(3 + i % 3, f"Steady review {i} of {maker.name}"),
                          now=NOW - timedelta(days=300 - 45 * i))
    result = app.test_cli_runner().invoke(args=["signals"])
    assert result.exit_code == 0 and "none" in result.output
    assert db.scalars(select(RingSignal)).all() == []
    assert ring_flagged_review_ids(db) == set()


def test_signals_page_lists_evidence_with_links_to_reviews_accounts_and_makers(app, client, db, make_user,
                                                                              ring_world):
    app.test_cli_runner().invoke(args=["signals"])
    login(client, make_user("mod", moderator=True))
    page = client.get("/moderation/signals").get_data(as_text=True)
    assert "Ring signals" in page
    for label in ("Burst of reviews", "One-star or five-star cluster", "Accounts that review only this maker"):
        assert f"{label} — <a href=\"/makers/{ring_world.target.slug}\">Target Ceramics</a>" in page
    assert "Chance of this by luck" in page and "5 one-star reviews from new or single-maker accounts" in page
    for review in ring_world.ring:  # with the way back here once a review is hidden (moderation._came_from)
        assert f'href="/moderation/reviews/{review.id}?next=/moderation/signals"' in page
    for account in ring_world.ring_accounts:
        # Named with their number: a ring's accounts may share one display name.
        assert f'href="/moderation/accounts/{account.id}">{account.display_name}</a> <span class="muted">' \
               f'(account #{account.id})</span>' in page
    burst_only = client.get("/moderation/signals?kind=burst").get_data(as_text=True)
    assert "Burst of reviews —" in burst_only and "One-star or five-star cluster —" not in burst_only
    account_page = client.get(f"/moderation/accounts/{ring_world.ring_accounts[0].id}").get_data(as_text=True)
    assert "Terrible, avoid 0" in account_page and "Reviews written (1)" in account_page


def test_a_review_s_and_an_account_s_moderation_pages_name_the_signals_that_implicate_them(app, client, db, make_user,
                                                                                            ring_world):
    """A moderator opening a ring review, or its account, from the queue sees the signals there, linked to their
    evidence; an honest review and account say none names them (an audit found the pages silent)."""
    app.test_cli_runner().invoke(args=["signals"])
    login(client, make_user("mod", moderator=True))
    ring_review, ring_account = ring_world.ring[0], ring_world.ring_accounts[0]
    for url in (f"/moderation/reviews/{ring_review.id}", f"/moderation/accounts/{ring_account.id}"):
        page = client.get(url).get_data(as_text=True)
        assert "Ring signals (3)" in page
        for kind, label in (("burst", "Burst of reviews"), ("extreme_cluster", "One-star or five-star cluster"),
                            ("one_maker_accounts", "Accounts that review only this maker")):
            assert f'<a href="/moderation/signals?kind={kind}">{label}</a> on' in page
        assert f'<a href="/makers/{ring_world.target.slug}">Target Ceramics</a>' in page
    honest = db.scalar(select(Review).where(Review.maker_id == ring_world.honest[0].id))
    for url, whose in ((f"/moderation/reviews/{honest.id}", "this review"),
                       (f"/moderation/accounts/{honest.author_id}", "this account or its reviews")):
        page = client.get(url).get_data(as_text=True)
        assert "Ring signals (0)" in page and f"No ring signal names {whose}." in page
        # a moderator is pointed at the page that says when the site-wide check ran, not at a command line
        assert 'the <a href="/moderation/signals">ring signals page</a>' in page and "flask --app" not in page


def test_an_account_named_by_a_signal_without_reviews_sees_it_on_its_page(client, db, make_user, make_maker):
    """Some signals name accounts rather than reviews (invitations to brand-new accounts): found through the ids."""
    maker, fresh_account, other = make_maker(), make_user("fresh"), make_user("other")
    with write_transaction(db):
        db.add(RingSignal(kind="fresh_invitations", maker_id=maker.id, strength=2.0, summary="Invitations to new accounts",
                          evidence_json="[]", user_ids_json=json.dumps([fresh_account.id + 100, fresh_account.id]),
                          detected_at=NOW))
    login(client, make_user("mod", moderator=True))
    assert "Invitations to new accounts" in client.get(f"/moderation/accounts/{fresh_account.id}").get_data(as_text=True)
    # An id that only shares digits with a named one is not named.
    unnamed = other.id if str(other.id) not in str(fresh_account.id) else make_user("another").id
    assert "Ring signals (0)" in client.get(f"/moderation/accounts/{unnamed}").get_data(as_text=True)


def test_signals_page_is_for_moderators_only(client, make_user):
    assert client.get("/moderation/signals").headers["Location"].startswith("/login")
    login(client, make_user("reader"))
    assert client.get("/moderation/signals").status_code == 403
    assert client.get("/moderation/accounts/1").status_code == 403


def test_signals_page_empty_state_and_pagination(client, db, make_user, make_maker):
    login(client, make_user("mod", moderator=True))
    assert "No ring signals right now." in client.get("/moderation/signals").get_data(as_text=True)
    unknown = client.get("/moderation/signals?kind=bogus")  # not silently all of them
    assert unknown.status_code == 400 and "There is no signal kind 'bogus'" in html.unescape(unknown.get_data(as_text=True))
    maker = make_maker(name="Paged Pottery")
    db.add_all(RingSignal(kind="burst", maker_id=maker.id, strength=100 - i, summary=f"Signal number {i}.",
                          evidence_json="[]", user_ids_json="[]", detected_at=NOW) for i in range(30))
    db.commit()
    first = client.get("/moderation/signals").get_data(as_text=True)
    second = client.get("/moderation/signals?page=2").get_data(as_text=True)
    assert "Signal number 24." in first and "Signal number 25." not in first and "Next →" in first
    assert "Signal number 25." in second and "Signal number 29." in second and "← Previous" in second
    assert "Next →" not in second


def test_a_signal_with_more_accounts_than_shown_says_how_many_more(client, db, make_user, make_maker):
    """The accounts list is cut like the reviews list, and says so: a moderator must not take 12 for the whole ring."""
    login(client, make_user("mod", moderator=True))
    users = [make_user(f"ring{i}") for i in range(15)]
    db.add(RingSignal(kind="one_maker_accounts", maker_id=make_maker().id, strength=5.0, summary="Fifteen accounts.",
                      evidence_json="[]", user_ids_json=json.dumps([u.id for u in users]), detected_at=NOW))
    db.commit()
    page = client.get("/moderation/signals").get_data(as_text=True)
    assert page.count("/moderation/accounts/") == signals.SHOWN_REVIEWS
    assert "and 3 more accounts" in page


def test_a_signals_page_past_the_last_says_so_and_links_back_to_page_one(client, db, make_user, make_maker):
    login(client, make_user("mod", moderator=True))
    maker = make_maker(name="Paged Pottery")
    db.add_all(RingSignal(kind="burst", maker_id=maker.id, strength=10 - i, summary=f"Signal number {i}.",
                          evidence_json="[]", user_ids_json="[]", detected_at=NOW) for i in range(3))
    db.commit()
    for query, back in (("page=2", "/moderation/signals?page=1"), ("page=7&kind=burst",
                                                                    "/moderation/signals?page=1&amp;kind=burst")):
        page = client.get(f"/moderation/signals?{query}").get_data(as_text=True)
        assert "No more ring signals" in page and "past the last one" in page
        assert f'<a href="{back}">Back to page 1</a>' in page
        assert "right now" not in page and "Signal number" not in page
    assert "Signal number 0." in client.get("/moderation/signals?page=1&kind=burst").get_data(as_text=True)


def _stored_signals(db, maker: Maker) -> list[tuple]:
    """The maker's stored signals with the reviews each names, in a stable order."""
    fresh(db)
    found = []
    for signal in db.scalars(select(RingSignal).where(RingSignal.maker_id == maker.id)):
        reviews = sorted(db.scalars(select(RingSignalReview.review_id).where(RingSignalReview.signal_id == signal.id)))
        found.append((signal.kind, signal.strength, signal.summary, signal.evidence_json, signal.user_ids_json,
                      tuple(reviews)))
    return sorted(found)


def _refreshed_under_the_lock(db, maker: Maker, now) -> list[tuple]:
    with write_transaction(db):
        refresh_maker_signals(db, maker.id, now=now)
    return _stored_signals(db, maker)


def _newcomer(db, make_user, name: str) -> User:
    user = make_user(name)
    user.created_at = NOW - timedelta(days=11)
    db.commit()
    return user


def test_a_reviews_ring_signals_are_detected_before_the_write_lock(db, ring_world, make_user, monkeypatch):
    detected_while_writing, real = [], signals.detect_for_maker
    monkeypatch.setattr(signals, "detect_for_maker",
                        lambda facts: detected_while_writing.append(db.info.get(_WRITING)) or real(facts))
    review = submit_review(db, _newcomer(db, make_user, "ring5"), ring_world.target, _plain(1, "Awful, avoid 5"),
                           now=NOW - timedelta(days=9))
    assert detected_while_writing == [None]  # once, and not under the lock
    stored = _stored_signals(db, ring_world.target)
    assert any(review.id in reviews for *_rest, reviews in stored)  # the new review is in its maker's signals
    assert stored == _refreshed_under_the_lock(db, ring_world.target, review.created_at)


def test_a_review_of_the_same_maker_written_meanwhile_is_in_the_ring_signals(db, ring_world, make_user, monkeypatch):
    quicker, slower = _newcomer(db, make_user, "quicker"), _newcomer(db, make_user, "slower")
    real, written = reviews.prepare_insert, []

    def prepare_then_someone_else_writes(*args, **kwargs):
        pending = real(*args, **kwargs)
        monkeypatch.setattr(reviews, "prepare_insert", real)
        written.append(submit_review(db, quicker, ring_world.target, _plain(1, "Broken, avoid 6"),
                                     now=NOW - timedelta(days=9, hours=1)))
        return pending

    monkeypatch.setattr(reviews, "prepare_insert", prepare_then_someone_else_writes)
    review = submit_review(db, slower, ring_world.target, _plain(1, "Useless, avoid 7"), now=NOW - timedelta(days=9))
    stored = _stored_signals(db, ring_world.target)
    named = {r for *_rest, reviews_ in stored for r in reviews_}
    assert {review.id, written[0].id} <= named
    assert stored == _refreshed_under_the_lock(db, ring_world.target, review.created_at)


def test_orders_meet_their_buyer_accounts_on_the_email_key_as_invitations_do(db, make_user, make_maker):
    """`fresh_invitations` reads each order's buyer account: an address spelt differently (ß for ss, capitals) is the
    same account, as it is when the invitation is redeemed."""
    from datetime import date

    from craftreview.models import Order
    maker = make_maker()
    buyer = make_user("Strasse")
    buyer.email = "strasse@example.com"
    db.commit()
    for n, address in enumerate(("straße@example.com", "nobody@example.com")):
        db.add(Order(maker_id=maker.id, buyer_email=address, item="A bowl", order_type="stock", price_band="under_50",
                     ordered_on=date.today(), token_hash=f"{n:064d}", expires_at=NOW + timedelta(days=30)))
    db.commit()
    found = {o.buyer_id for o in signals.site_facts(db, NOW).orders if o.maker_id == maker.id}
    assert found == {buyer.id, None}


def _stored_flags(db, maker: Maker) -> set[str]:
    """The reviews the maker's stored score counted as implicated in a ring signal."""
    fresh(db)
    table = review_table(score_detail(db.get(MakerScoreRow, maker.id))["explanation"])
    return {key for key, entry in table.items() if entry["ring_flagged"]}


def test_a_reviews_stored_score_counts_the_ring_signals_its_own_write_raised(db, ring_world):
    """The score is stored before the write refreshes the maker's cheap signals; where they then implicate other
    reviews, the maker is scored again, so no write leaves the score a signal behind."""
    flagged = {str(review_id) for review_id in ring_flagged_review_ids(db, [ring_world.target.id])}
    assert {str(review.id) for review in ring_world.ring} <= flagged
    assert _stored_flags(db, ring_world.target) == flagged


def test_the_signals_command_rescores_the_makers_whose_implicated_reviews_changed(app, db, make_user, make_maker):
    """Near-duplicate wording is found only by `flask signals`: the stored score counts it at once, not at the next
    rescore; makers whose reviews it does not implicate keep their stored score row as it was."""
    makers = [make_maker(name=f"Honest Studio {i}") for i in range(3)]
    for i, buyer in enumerate(_aged(db, make_user(f"buyer{i}"), 900) for i in range(6)):
        for maker in makers:
            submit_review(db, buyer, maker, _plain(3 + i % 3, f"Steady review {i} of {maker.name}"),
                          now=NOW - timedelta(days=300 - 45 * i))
    copied = "Wonderful glaze and a perfectly even rim on every cup, packed with great care and early too."
    copies = [submit_review(db, _aged(db, make_user(f"copier{i}"), 400), makers[0],
                            review_input(craftsmanship=4, consistency=4, delivery=4, title=f"Lovely set {i}",
                                         body=copied, order_type=None, price_band=None, ordered_on=None,
                                         promised_by=None, delivered_on=None),
                            now=NOW - timedelta(days=200 - 60 * i)) for i in range(2)]
    untouched = {m.id: db.get(MakerScoreRow, m.id).computed_at for m in makers[1:]}
    assert _stored_flags(db, makers[0]) == set()
    result = app.test_cli_runner().invoke(args=["signals"])
    assert result.exit_code == 0 and "near_duplicate" in result.output, result.output
    assert _stored_flags(db, makers[0]) == {str(review.id) for review in copies}
    assert {m.id: db.get(MakerScoreRow, m.id).computed_at for m in makers[1:]} == untouched




def test_a_review_redeemed_by_another_account_before_binding_is_a_signal_with_both_accounts(app, client, db,
                                                                                          make_user, make_maker):
    """Reviews written when anyone holding an invitation link could redeem it keep their order; where the invited
    address is another account's, the signals command says so and the score counts the review as weaker evidence."""
    from datetime import date

    from craftreview.models import Order
    maker = make_maker()
    invited, friend = make_user("invited"), make_user("friend")
    order = Order(maker_id=maker.id, buyer_email=invited.email, item="A bowl", order_type="stock",
                  price_band="under_50", ordered_on=date.today(), token_hash="f" * 64, expires_at=NOW + timedelta(days=30),
                  used_at=NOW)
    db.add(order)
    db.commit()
    written = submit_review(db, friend, maker, _plain(5, "Wonderful bowl"), now=NOW)
    written.order_id = order.id  # as a redemption before invitations were bound to the invited buyer left it
    db.commit()
    assert app.test_cli_runner().invoke(args=["signals"]).exit_code == 0
    assert _kinds(db, maker) == {"foreign_redemptions"}
    assert ring_flagged_review_ids(db, [maker.id]) == {written.id}
    login(client, make_user("mod", moderator=True))
    page = client.get("/moderation/signals?kind=foreign_redemptions").get_data(as_text=True)
    assert "Invitations redeemed by another account —" in page
    assert f'href="/moderation/reviews/{written.id}?next=' in page
    for account in (invited, friend):
        assert f'href="/moderation/accounts/{account.id}"' in page


def _signal_line(page: str, href: str) -> str:
    """The list item of the signals page that links to `href` (a review's link carries its ?next= back here)."""
    return next(item for item in page.split("<li>") if f'href="{href}"' in item or f'href="{href}?next=' in item
                ).split("</li>")[0]


def test_the_signals_page_says_which_implicated_reviews_are_hidden_or_withdrawn_and_which_accounts_suspended(
        client, db, make_user, make_maker, make_review):
    """A moderator working through a ring sees what is already done: a signal stays stored (near-duplicate text is
    recomputed only by `flask signals`) after its reviews are hidden, withdrawn or their authors suspended."""
    from craftreview.services.accounts import set_suspended
    from craftreview.services.moderation import hide_review
    from craftreview.services.reviews import set_withdrawn
    moderator, maker = make_user("mod", moderator=True), make_maker(name="Ringed Pottery")
    authors = [make_user(f"ring{i}") for i in range(3)]
    ring = [make_review(author, maker, title=f"Ring review {i}") for i, author in enumerate(authors)]
    signal = RingSignal(kind="near_duplicate", maker_id=maker.id, strength=9.0, summary="Three alike.",
                        evidence_json="[]", user_ids_json=json.dumps([a.id for a in authors]), detected_at=NOW)
    db.add(signal)
    db.flush()
    db.add_all(RingSignalReview(signal_id=signal.id, review_id=review.id) for review in ring)
    db.commit()
    hide_review(db, moderator, ring[0], "fake")
    set_withdrawn(db, authors[1], ring[1], True)
    set_suspended(db, moderator, authors[2].id, True, "Ring account.")
    login(client, moderator)
    page = client.get("/moderation/signals").get_data(as_text=True)
    assert "hidden by a moderator" in _signal_line(page, f"/moderation/reviews/{ring[0].id}")
    assert "withdrawn by its author" in _signal_line(page, f"/moderation/reviews/{ring[1].id}")
    public = _signal_line(page, f"/moderation/reviews/{ring[2].id}")
    assert "hidden" not in public and "withdrawn" not in public
    assert "suspended" in _signal_line(page, f"/moderation/accounts/{authors[2].id}")
    assert "suspended" not in _signal_line(page, f"/moderation/accounts/{authors[0].id}")


def test_the_signals_page_says_when_the_whole_site_was_last_checked(app, client, db, ring_world, make_user):
    """Moderators could not tell whether the whole-site check had run an hour or a month ago (its detectors read every
    account and review; only the cheap ones run on each write)."""
    login(client, make_user("mod", moderator=True))
    never = re.sub(r"\s+", " ", client.get("/moderation/signals").get_data(as_text=True))
    assert "The whole-site check has not run on this site yet" in never and "Please tell the site's operators." in never
    assert app.test_cli_runner().invoke(args=["signals"]).exit_code == 0
    fresh(db)
    run = db.get(JobRun, "signals")
    assert run is not None and run.summary == f"{db.query(RingSignal).count()} signals found"
    page = re.sub(r"\s+", " ", client.get("/moderation/signals").get_data(as_text=True))
    assert "The whole-site check last ran" in page and f"ago): {run.summary}." in page
    assert "more than a day ago" not in page and "tell the site's operators" not in page
    run.finished_at = utcnow() - timedelta(hours=30)
    db.commit()
    stale = re.sub(r"\s+", " ", client.get("/moderation/signals").get_data(as_text=True))
    assert "(30 hours ago)" in stale and "That is more than a day ago" in stale
