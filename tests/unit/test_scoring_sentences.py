"""Sentences of the score pages that had only a rendering test, each checked here against the model it describes.

The claim audit of 2026-12 (branch audit-claims) listed every sentence the maker page, the score page, compare and
the listing cards say about the model; these are the ones whose backing test it added. The page tests that pin the
wording are in tests/web/test_score_page.py.
"""
from __future__ import annotations

from datetime import timedelta

import pytest

from bench.scoring.simulate import NOW
from craftreview.scoring import tier_outlooks
from craftreview.scoring.arrays import to_arrays
from craftreview.scoring.explain import FULL_WEIGHT, SURGE_NOTE, public_why, review_table, why
from craftreview.scoring.outlook import _reviews_needed, reaches
from craftreview.scoring.types import MASTER_LINE, MIN_CLAIM_EVIDENCE, MIXED_MIN_EVIDENCE
from tests.unit.test_scoring_claims import review, steady, weights

pytestmark = pytest.mark.filterwarnings("error")


def test_a_new_account_that_has_reviewed_no_other_maker_weighs_less(model):
    """The weight paragraph: reviews weigh less 'when a new account that has reviewed no other maker wrote them or
    redeemed the maker's order' (the redeemed order: test_scoring_claims.py::test_a_brand_new_account_redeeming_an_
    order_weighs_less; a new account that has reviewed another maker is not discounted for being new:
    test_scoring_exact.py::test_new_account_that_reviewed_before_is_not_single). It said 'wrote its only review', and
    each review's note 'brand-new single-review account', but since model 2.29 a new account's second review of the
    same maker is discounted too (test_scoring_exact.py::test_a_new_account_writing_twice_of_one_maker_is_still_single),
    and 'new' reaches a month."""
    table = weights(model, steady(6, (4, 4, 4)) + [
        review((4, 4, 4), "fresh", verified=False, account_days=2.0),
        review((4, 4, 4), "twice", 3.0, verified=False, account_days=20.0, rid="twice1"),
        review((4, 4, 4), "twice", 1.0, verified=False, account_days=22.0, rid="twice2"),
        review((4, 4, 4), "settled", 12.0, verified=False)])
    assert table["settled"]["new_account_factor"] == 1.0
    for rid in ("fresh", "twice1", "twice2"):
        assert table[rid]["new_account_factor"] < 1.0
        assert "new account that has reviewed no other maker" in table[rid]["why"]
    assert table["fresh"]["weight"] < 0.5 * table["settled"]["weight"]


def test_unproven_with_many_agreeing_reviews_on_the_skilled_line_is_mixed_evidence(model):
    """'Mixed evidence: enough reviews, but they do not settle one tier (they conflict, sit on a tier border': two dozen buyers who agree on
    four stars put the maker on the skilled line, where no claim is safe however many of them agree (the 'disagree'
    half: test_scoring_claims.py::test_unproven_with_many_conflicting_reviews_is_mixed_evidence)."""
    score = model.score_maker(steady(25, (4, 4, 4), every=14.0), now=NOW)
    assert abs(score.overall.mean - 4.0) < 0.1 and 0.2 < score.p_skilled < 0.8
    assert score.tier == "unproven" and score.unproven_reason == "mixed_evidence"


def _drop():
    return steady(20, (5, 5, 5), every=25.0, start=200.0) + [review((3, 3, 3), f"late{i}", 5.0 + 15.0 * i)
                                                            for i in range(8)]


# note the score page gives a review -> (the maker's reviews, a review it is given for, one it is not, the factor)
WHY = {
    "new account that has reviewed no other maker": (
        lambda: steady(6, (4, 4, 4)) + [review((4, 4, 4), "fresh", verified=False, account_days=2.0)],
        "fresh", "b0", "new_account_factor"),
    "older review, down-weighted for its age": (
        lambda: [review((4, 4, 4), "new", 5.0), review((4, 4, 4), "old", 900.0)], "old", "new", "age_factor"),
    "one of several reviews by the same account": (
        lambda: steady(5, (4, 4, 4)) + [review((5, 5, 5), "fan", 20.0, rid="fan1"),
                                        review((5, 5, 5), "fan", 80.0, rid="fan2")],
        "fan1", "b0", "voice_factor"),
    SURGE_NOTE: (
        lambda: steady(8, (4, 4, 4), every=60.0, start=120.0) + [review((5, 5, 5), f"r{i}", 2.0 + 0.5 * i)
                                                                 for i in range(6)],
        "r0", "b7", "surge_factor"),
    "far from what the maker's other buyers said": (
        lambda: steady(15, (5, 5, 5), every=20.0) + [review((1, 1, 1), "angry", 15.0)], "angry", "b3",
        "outlier_factor"),
    "written before the maker's quality changed": (_drop, "b0", "late0", "change_factor"),
}


@pytest.mark.parametrize("note", WHY)
def test_each_reason_the_page_gives_for_a_review_s_weight_names_a_factor_that_cut_it(model, note):
    """The public weight list says why each review counts as it does ('Counts partly — unverified review; older
    review, down-weighted for its age'): through the real model, each reason is given for a review whose named factor
    really cut its weight and not for a review it left (nearly) whole."""
    sigs, hit, miss, factor = WHY[note]
    table = weights(model, sigs())
    assert table[hit][factor] < 1.0 and note in public_why(table[hit]["why"])
    assert table[miss][factor] > 0.95 and note not in table[miss]["why"]


def test_a_partly_counted_review_with_no_large_discount_names_the_smaller_ones_that_add_up(model):
    """'Counts partly — verified order; older review, down-weighted a little for its age; a little out of line with the
    maker's other buyers': a verified review that no single factor cut by a quarter still counts partly, and the page
    names the discounts that made it so (it read 'Counts partly — verified order', as if being verified were the
    reason)."""
    table = weights(model, steady(10, (4, 5, 4), every=20.0) + [review((3, 4, 3), "mild", 200.0)])
    mild, whole = table["mild"], table["b0"]
    assert mild["weight"] < 0.75 and 0.75 <= mild["age_factor"] < 0.95 and 0.7 <= mild["outlier_factor"] < 0.95
    assert public_why(mild["why"]) == ["verified order", "older review, down-weighted a little for its age",
                                       "a little out of line with the maker's other buyers"]
    assert whole["weight"] >= FULL_WEIGHT and public_why(whole["why"]) == ["verified order"]


def test_the_surge_reason_is_given_for_a_run_of_low_reviews_too(model):
    """The surge note names a run faster than the maker's usual pace, not only 'praise': the factor discounts
    a fast run below the maker's level as well as one above it (a 2-star run read 'recent praise not yet seasoned')."""
    sigs = steady(8, (4, 4, 4), every=60.0, start=120.0) + [review((2, 2, 2), f"r{i}", 2.0 + 0.5 * i) for i in range(6)]
    table = weights(model, sigs)
    assert table["r0"]["surge_factor"] < 0.95 and SURGE_NOTE in public_why(table["r0"]["why"])


@pytest.mark.parametrize("factors, expected", [
    ({"age_factor": 0.9, "outlier_factor": 1.0}, ["older review, down-weighted a little for its age"]),
    ({"age_factor": 0.96, "outlier_factor": 0.96}, ["several small discounts together"]),
    ({"age_factor": 0.9, "outlier_factor": 0.9, "verified": False, "provenance_factor": 0.75}, []),
])
def test_small_discounts_are_named_only_where_nothing_else_explains_a_partly_counted_review(factors, expected):
    entry = {"weight": 0.6, "verified": True, "provenance_factor": 1.0, "new_account_factor": 1.0, "burst_factor": 1.0,
             "voice_factor": 1.0, "surge_factor": 1.0, "change_factor": 1.0, "ring_flagged": False} | factors
    assert why(entry)[1:] == expected


def test_a_promised_novice_claim_comes_when_its_reviews_arrive_at_the_current_level(model):
    """'About 3 more verified reviews averaging about 2.7 overall would very likely make this a novice claim': the
    promise is worded alike for every tier, and test_scoring_exact.py checks a skilled one; here real reviews at
    about the promised level (2.75 overall) make the novice claim."""
    sigs = [review((2, 2, 2), "only")]
    now_score = model.score_maker(sigs, now=NOW)
    outlook = tier_outlooks(model, sigs, {"m": now_score}, now=NOW)["m"]
    assert now_score.tier == "unproven" and outlook["target_tier"] == "novice"
    assert outlook["extra_verified_reviews_needed"] == 3 and round(now_score.overall.mean, 1) == 2.7
    more = [review(stars, f"more{j}", 1.0 + 20.0 * j) for j, stars in enumerate([(3, 3, 3), (2, 3, 3), (3, 3, 2)])]
    assert model.score_maker(sigs + more, now=NOW).tier == "novice"


def test_without_a_promise_twenty_more_reviews_at_the_current_level_may_leave_the_tier_unsettled(model):
    """'Even twenty more verified reviews at about the current level are not certain to make this a skilled (or better)
    claim' (the outlook's target; 'might not settle a tier' until stop 51, when the target was master; 'might not make',
    read as a forecast that it would not, until 2026-12-06): three four-star
    reviews put a maker on the skilled line, no promise is made, and twenty more four-stars leave it without a tier.
    (It said 'would not very likely settle', which reads as 'would very likely not': yet three three-star reviews
    (overall 3.2) also get no promise, and twenty more averaging 3.2 make the novice claim.)"""
    sigs = steady(3, (4, 4, 4))
    score = model.score_maker(sigs, now=NOW)
    assert tier_outlooks(model, sigs, {"m": score}, now=NOW)["m"]["extra_verified_reviews_needed"] is None
    more = [review((4, 4, 4), f"more{j}", 1.0 + 14.0 * j) for j in range(20)]
    assert model.score_maker(sigs + more, now=NOW).tier == "unproven"


def test_a_maker_past_the_master_line_without_a_claim_is_promised_the_nearer_skilled_claim(model):
    """'About 8 more verified reviews averaging about 4.7 overall would very likely make this a skilled (or better)
    claim': three five-star reviews in the last ten weeks put the mean past the master line, but the claim waits (they
    came faster than the maker's pace). No master claim comes within twenty more reviews at a cautious level, so the
    page promised nothing until 2026-12-06 ('might not make this a master claim'); the outlook now promises the nearer
    claim, and real reviews at about the current level keep that promise."""
    sigs = steady(3, (5, 5, 5))
    score = model.score_maker(sigs, now=NOW)
    assert score.overall.mean >= MASTER_LINE and score.tier == "unproven"
    arr = to_arrays(sigs)
    assert _reviews_needed(model, arr, {"m": 0}, {"m": score}, {"m": "master"}, NOW, {}) == {"m": None}
    outlook = tier_outlooks(model, sigs, {"m": score}, now=NOW)["m"]
    assert outlook["target_tier"] == "skilled"
    k = outlook["extra_verified_reviews_needed"]
    assert isinstance(k, int) and 0 < k <= 20
    more = [review((5, 5, 5) if j % 3 else (5, 4, 4), f"more{j}", 1.0 + 30.0 * j) for j in range(k)]
    assert reaches(model.score_maker(sigs + more, now=NOW).tier, "skilled")


def test_a_maker_holding_the_skilled_claim_is_still_told_about_master(model):
    """The nearer claim is promised only where the maker does not hold it: a skilled maker past the master line keeps
    'master' as its target (six five-stars a month apart: skilled now, master not within twenty)."""
    sigs = steady(6, (5, 5, 5))
    score = model.score_maker(sigs, now=NOW)
    assert score.tier == "skilled" and score.overall.mean >= MASTER_LINE
    assert tier_outlooks(model, sigs, {"m": score}, now=NOW)["m"] == {"target_tier": "master",
                                                                        "extra_verified_reviews_needed": None}


def test_a_claim_held_back_for_a_recent_rush_is_mixed_evidence(model):
    """'Mixed evidence: ... (they conflict, sit on a tier border, changed recently or came in a recent rush)': three
    five-stars in the last ten weeks from a maker with no earlier record make a skilled claim likely, but it waits
    (claims.season_upward), and the reason the badge gives is mixed evidence, not too few reviews."""
    score = model.score_maker(steady(3, (5, 5, 5)), now=NOW)
    assert score.p_skilled >= 0.8 and score.tier == "unproven"
    assert score.explanation["claim_withheld"] == "recent_surge" and score.unproven_reason == "mixed_evidence"


def test_a_withheld_claim_s_chances_already_clear_the_bar_for_its_tier():
    """'The chances above already clear the bar for a tier; it waits for the reason given under “In short”' (the
    outlook of a maker whose claim the model withheld): on simulated platforms every withheld claim's chance of its
    side is at least the confidence a claim on that side needs."""
    from bench.scoring.simulate import SimConfig, simulate
    from craftreview.scoring import fit_model
    from craftreview.scoring.types import CLAIM_CONFIDENCE

    withheld = []
    for seed in (3, 11):
        platform = simulate(seed, SimConfig(n_makers=1000, p_drift=0.4))
        scores = fit_model(platform.signals, now=NOW, crafts=platform.crafts).score_fitted(platform.crafts)
        withheld += [s for s in scores.values() if s.explanation.get("claim_withheld")]
    assert len(withheld) > 20 and {s.tier for s in withheld} == {"unproven"}
    assert all(s.p_skilled >= CLAIM_CONFIDENCE[1] or s.p_novice >= CLAIM_CONFIDENCE[3] for s in withheld)


def test_a_skilled_chance_past_the_bar_without_a_tier_is_held_by_a_rule_the_score_page_gives():
    """'past the 80% a skilled tier needs; “How this score was calculated” says what else it waits for' and 'a skilled
    tier needs at least 80%': every skilled or master claim is at least that likely, and every maker without a tier
    whose chance is past it is held by a withheld claim (the score page's "In short" gives its reason) or by evidence
    under the two fully trusted reviews every tier needs (the score page's rules say so)."""
    from bench.scoring.simulate import SimConfig, simulate
    from craftreview.scoring import fit_model
    from craftreview.scoring.types import MIN_CLAIM_EVIDENCE, TIER_CONFIDENCE

    claims = held = 0
    for seed in (3, 11):
        platform = simulate(seed, SimConfig(n_makers=1000, p_drift=0.4))
        for score in fit_model(platform.signals, now=NOW, crafts=platform.crafts).score_fitted(
                platform.crafts).values():
            if score.tier in ("skilled", "master"):
                claims += 1
                assert score.p_skilled >= TIER_CONFIDENCE
            elif score.tier == "unproven" and score.p_skilled >= TIER_CONFIDENCE:
                held += 1
                assert score.explanation.get("claim_withheld") or score.trusted_reviews < MIN_CLAIM_EVIDENCE
    assert claims > 20 and held > 20


def test_a_new_maker_s_only_review_held_back_as_unseasoned_praise_is_not_called_part_of_a_run(model):
    """A maker's one and only review, recent praise from an established buyer, is held back by the seasoning (for a
    new maker: praise above this site's usual rating that has not yet stood for a while), which the model folds into
    the surge factor. The page said it was 'part of a run of reviews faster than the maker's usual pace': one review
    is no run, and a maker with no earlier reviews has no pace. The note names both things the factor stands for."""
    table = weights(model, [review((5, 5, 5), "solo", 5.0)])
    solo = table["solo"]
    assert solo["surge_factor"] < 0.95 and SURGE_NOTE in public_why(solo["why"])
    assert "praise above" in SURGE_NOTE and "new maker" in SURGE_NOTE


def test_a_maker_whose_work_changed_recently_is_mixed_evidence_though_little_trusted_evidence_is_left(model):
    """'Mixed evidence: ... (they conflict, sit on a tier border, changed recently ...)': ten five-stars, then four
    three-stars a month apart. The model finds the drop, the reviews from before it count for little, and what is left
    is under the evidence that makes 'mixed evidence' of an unproven maker with a steady record, yet above the floor
    every tier needs: the change makes it mixed evidence, not 'too few reviews yet' (no claim withheld on top)."""
    sigs = steady(10, (5, 5, 5), every=25.0, start=130.0) + [review((3, 3, 3), f"late{i}", 5.0 + 30.0 * i)
                                                           for i in range(4)]
    score = model.score_maker(sigs, now=NOW)
    assert score.explanation["evidence"]["quality_dropped_days_ago"] is not None
    assert score.explanation["claim_withheld"] is None
    assert MIN_CLAIM_EVIDENCE <= score.trusted_reviews < MIXED_MIN_EVIDENCE
    assert score.tier == "unproven" and score.unproven_reason == "mixed_evidence"


def _dated(stars, slips):
    """Reviews a month apart with the same stars; slips: days late per order (None: no dates given)."""
    out = []
    for i, slip in enumerate(slips):
        promised = (NOW - timedelta(days=20.0 + 30.0 * i)).date()
        out.append(review(stars, f"b{i}", 10.0 + 30.0 * i, promised=None if slip is None else promised,
                          delivered=None if slip is None else promised + timedelta(days=slip)))
    return out


@pytest.mark.parametrize("stars", [(3, 3, 3), (4, 4, 4), (5, 5, 5)])
def test_dates_only_ever_lower_the_delivery_estimate_and_late_ones_lower_it_once_they_show(model, stars):
    """The score page's delivery record: 'Dates only ever lower the delivery estimate: late deliveries lower it once
    they show this maker late more often, or later, than its delivery stars suggest (one late order among many on time
    may not move it); on-time ones never raise it, ...' With the same stars, no mix of on-time and late orders scores
    delivery above the same reviews without dates, and two orders of four a month late score it clearly lower. (The
    page said 'A late delivery lowers the delivery estimate': one order of ten a month late, or two of ten three days
    late, beside four-star or three-star delivery ratings, leave it exactly where the stars put it.)"""
    def delivery(slips):
        return model.score_maker(_dated(stars, slips), now=NOW).delivery.mean

    for n in (4, 10):
        plain = delivery([None] * n)
        for slips in ([0] * n, [30] + [0] * (n - 1), [3, 3] + [0] * (n - 2), [30, 30] + [0] * (n - 2), [30] * n):
            assert delivery(slips) <= plain + 1e-9, (n, slips)
    assert delivery([30, 30, 0, 0]) < delivery([None] * 4) - 0.2


@pytest.mark.parametrize("stars", [(2, 2, 2), (3, 3, 3), (4, 4, 4), (5, 5, 5)])
@pytest.mark.parametrize("early", [0, -3])
def test_orders_all_on_time_leave_the_delivery_estimate_where_the_stars_put_it(model, stars, early):
    """Issue 8: with the same stars, on-time dates must not lower the delivery estimate, nor raise it (the page:
    'orders all on time leave it where the stars put it'). Lateness is 0 for any order on time, early or not; beside
    five-star delivery the model expects a maker that good to be *early*, so ten orders on time lowered its delivery
    estimate (4.93 -> 4.90 under model 2.29): a record of never being late read as a small fault."""
    for n in (2, 4, 10):
        plain = model.score_maker(_dated(stars, [None] * n), now=NOW).delivery
        on_time = model.score_maker(_dated(stars, [early] * n), now=NOW).delivery
        assert on_time.mean == pytest.approx(plain.mean, abs=1e-12), (n, stars)
        assert (on_time.low, on_time.high) == pytest.approx((plain.low, plain.high), abs=1e-12)


@pytest.mark.parametrize("stars", [(2, 2, 2), (3, 3, 3), (4, 4, 4), (5, 5, 5)])
def test_on_time_orders_beside_late_ones_never_lower_the_delivery_estimate(model, stars):
    """Issue 8: 'on-time dates must not' lower the delivery estimate, in a record that mixes them with late orders too.
    Beside one to three late orders (2 to 90 days), the orders on time (to the day, or early) score delivery no lower
    dated than the same orders without dates: a record of mostly on-time orders is never read as worse than one whose
    on-time orders said nothing."""
    for n, late in ((3, 1), (5, 1), (5, 2), (10, 1), (10, 3), (20, 2)):
        for days in (2, 7, 30, 90):
            for on_time in (0, -3):
                dated = model.score_maker(_dated(stars, [days] * late + [on_time] * (n - late)), now=NOW).delivery
                undated = model.score_maker(_dated(stars, [days] * late + [None] * (n - late)), now=NOW).delivery
                assert dated.mean >= undated.mean - 1e-9, (n, late, days, on_time)


def test_a_few_reviews_far_below_all_the_others_count_for_little_and_do_not_stop_a_tier(model):
    """The score page's rule 'Such a tier waits ... while nearly every review for a good while has been clearly lower
    than the earlier ones (well over the time this maker usually goes between reviews)' goes on: 'Reviews far below
    all the others, which could be an attack, count for little here, so a few of them do not stop such a tier.' Twenty
    five-stars 25 days apart, then five two-stars 45 days apart: for 235 days every review has been clearly lower,
    nine times the maker's usual gap, yet each counts under a tenth and the master claim stands (a bombing ring's drip
    looks the same). The sixth at that level is a drop, and the claim goes."""
    def lows(n):
        return steady(20, (5, 5, 5), every=25.0, start=10.0 + 45.0 * n) + [review((2, 2, 2), f"late{i}", 5.0 + 45.0 * i)
                                                                          for i in range(n)]

    score = model.score_maker(lows(5), now=NOW)
    table = review_table(score.explanation)
    assert all(table[f"late{i}"]["weight"] < 0.1 for i in range(5))
    assert score.tier == "master" and score.explanation["evidence"]["quality_dropped_days_ago"] is None
    six = model.score_maker(lows(6), now=NOW)
    assert six.explanation["evidence"]["quality_dropped_days_ago"] is not None
    assert six.tier not in {"skilled", "master"}
