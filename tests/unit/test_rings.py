"""Ring-signal detectors: each finds its pattern, and none fires on honest makers with steady reviews."""
from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from craftreview.rings import Facts, MakerFact, OrderFact, ReviewFact, detect_all, detect_for_maker
from craftreview.rings.clusters import detect_extreme_clusters, detect_near_duplicates
from craftreview.rings.minhash import jaccard, shingles, similar_pairs
from craftreview.rings.rates import (
    detect_bursts,
    detect_fresh_invitations,
    detect_fresh_redeemers,
    detect_one_maker_accounts,
)

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
WORDS = ("oak walnut glaze finish stitch leather bowl mug plate arrived late early gorgeous sturdy wobbly even "
         "smooth rough colour photo match set gift box packed careful joint lid handle weight balance").split()
TARGET = 999  # the maker a ring attacks


class World:
    """Honest makers with steady reviews over two years, from aged accounts that review several makers."""

    def __init__(self, makers: int = 12, seed: int = 5):
        self.rng = random.Random(seed)
        self.makers = {m: MakerFact(m, NOW - timedelta(days=730)) for m in range(makers)}
        self.makers[TARGET] = MakerFact(TARGET, NOW - timedelta(days=730))
        self.reviews: list[ReviewFact] = []
        self.orders: list[OrderFact] = []
        self.next_id = 1
        for maker in list(self.makers):
            for day in range(10, 730, 25):  # one review every 25 days, like clockwork
                self.honest(maker, NOW - timedelta(days=730 - day))
        self.next_user = 5000

    def text(self) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(30))

    def add(self, maker: int, author: int, at: datetime, stars: float, joined: datetime, body: str = "",
            order: bool = False) -> ReviewFact:
        review = ReviewFact(self.next_id, maker, author, at, stars, body or self.text(), joined,
                            self.next_id if order else None)
        self.next_id += 1
        self.reviews.append(review)
        return review

    def honest(self, maker: int, at: datetime) -> None:
        author = self.rng.randrange(30)  # 30 aged buyers, each reviewing many makers
        verified = self.rng.random() < 0.3
        review = self.add(maker, author, at, self.rng.choice([3.0, 3.7, 4.0, 4.3, 4.7]),
                          NOW - timedelta(days=1500), order=verified)
        if verified:
            self.orders.append(OrderFact(review.order_id, maker, at - timedelta(days=20), author,
                                         NOW - timedelta(days=1500)))

    def new_account(self) -> int:
        self.next_user += 1
        return self.next_user

    def facts(self) -> Facts:
        return Facts(now=NOW, makers=self.makers, reviews=self.reviews, orders=self.orders)


def kinds(findings, maker=TARGET) -> set[str]:
    return {f.kind for f in findings if f.maker_id == maker}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_honest_makers_with_steady_reviews_raise_no_signal(seed):
    assert detect_all(World(seed=seed).facts()) == []


def test_honest_poisson_makers_rarely_look_like_bursts():
    """Random (not clockwork) honest arrivals at many different rates: under 2% of makers flagged."""
    rng, reviews, makers = random.Random(11), [], {}
    for maker in range(150):
        makers[maker] = MakerFact(maker, NOW - timedelta(days=730))
        at, rate = NOW - timedelta(days=730), rng.choice([0.01, 0.03, 0.1, 0.3, 1.0])
        while (at := at + timedelta(days=rng.expovariate(rate))) < NOW:
            reviews.append(ReviewFact(len(reviews) + 1, maker, rng.randrange(10**6), at, 4.0, "", at))
    flagged = {f.maker_id for f in detect_bursts(Facts(now=NOW, makers=makers, reviews=reviews))}
    assert len(flagged) <= 3


@pytest.mark.parametrize("spacing_hours", [0.5, 12, 30])
def test_a_burst_on_one_maker_is_found_at_any_spacing_faster_than_its_own_rate(spacing_hours):
    world = World()
    start = NOW - timedelta(days=200)
    ring = [world.add(TARGET, world.new_account(), start + timedelta(hours=i * spacing_hours), 5.0,
                      NOW - timedelta(days=900)) for i in range(5)]
    findings = [f for f in detect_bursts(world.facts()) if f.maker_id == TARGET]
    assert len(findings) == 1
    assert {r.review_id for r in ring} <= set(findings[0].review_ids)
    assert len(findings[0].review_ids) <= 6  # the ring, and at most one honest review caught in between
    assert f"{len(findings[0].review_ids)} reviews within" in findings[0].summary


@pytest.mark.parametrize("spacing, span", [(timedelta(seconds=5), "20 seconds"), (timedelta(minutes=3), "12 minutes"),
                                           (timedelta(minutes=15), "1 hour"), (timedelta(hours=5), "20 hours"),
                                           (timedelta(hours=12), "2 days")])
def test_a_burst_says_how_long_it_took_in_words(spacing, span):
    """Five reviews minutes apart read "within 12 minutes", never "within 0 hours"."""
    world = World()
    start = NOW - timedelta(days=200, hours=6)
    for i in range(5):
        world.add(TARGET, world.new_account(), start + i * spacing, 5.0, NOW - timedelta(days=900))
    [finding] = [f for f in detect_bursts(world.facts()) if f.maker_id == TARGET]
    assert finding.summary.startswith(f"5 reviews within {span};")
    assert ("Time span", span) in finding.evidence


def test_burst_is_relative_to_the_makers_own_history():
    """Five reviews in four days is routine for a maker reviewed several times a day."""
    busy = World(makers=0)
    for hour in range(0, 730 * 24, 8):
        busy.add(TARGET, busy.rng.randrange(300), NOW - timedelta(hours=730 * 24 - hour), 4.0,
                 NOW - timedelta(days=1500))
    assert detect_bursts(busy.facts()) == []
    quiet = World()
    for day in range(5):
        quiet.add(TARGET, quiet.new_account(), NOW - timedelta(days=40 - day), 4.0, NOW - timedelta(days=900))
    assert kinds(detect_bursts(quiet.facts())) == {"burst"}


def test_accounts_reviewing_only_one_maker_are_found():
    world = World()
    ring = [world.add(TARGET, world.new_account(), NOW - timedelta(days=300 - 40 * i), 5.0,
                      NOW - timedelta(days=800)) for i in range(6)]
    findings = [f for f in detect_one_maker_accounts(world.facts()) if f.maker_id == TARGET]
    assert len(findings) == 1
    assert set(findings[0].user_ids) == {r.author_id for r in ring}
    assert ("Reviewers of this maker only", f"6 of {len({r.author_id for r in world.reviews if r.maker_id == TARGET})}") \
        in findings[0].evidence


def test_one_maker_accounts_are_normal_where_the_whole_site_has_them():
    """When most reviewers everywhere review a single maker, a maker with the same share is not singled out."""
    world = World(makers=0)
    for maker in range(10):
        world.makers[maker] = MakerFact(maker, NOW - timedelta(days=730))
        for day in range(10, 730, 40):
            world.add(maker, world.new_account(), NOW - timedelta(days=day), 4.0, NOW - timedelta(days=900))
    assert detect_one_maker_accounts(world.facts()) == []


def test_verified_reviews_from_accounts_opened_just_before_are_found():
    world = World()
    ring = []
    for i in range(4):
        at = NOW - timedelta(days=100 - 20 * i)
        ring.append(world.add(TARGET, world.new_account(), at, 5.0, at - timedelta(hours=6), order=True))
    findings = [f for f in detect_fresh_redeemers(world.facts()) if f.maker_id == TARGET]
    assert len(findings) == 1 and set(findings[0].review_ids) == {r.review_id for r in ring}


def test_verified_reviews_from_old_accounts_are_not_fresh_redeemers():
    world = World()
    for i in range(4):
        world.add(TARGET, world.new_account(), NOW - timedelta(days=100 - 20 * i), 5.0, NOW - timedelta(days=400),
                  order=True)
    assert kinds(detect_fresh_redeemers(world.facts())) == set()


def test_invitations_to_many_fresh_accounts_from_one_maker_are_found():
    world = World()
    for i in range(5):
        recorded = NOW - timedelta(days=90 - 10 * i)
        world.orders.append(OrderFact(10_000 + i, TARGET, recorded, world.new_account(), recorded - timedelta(days=2)))
    findings = [f for f in detect_fresh_invitations(world.facts()) if f.maker_id == TARGET]
    assert len(findings) == 1 and len(findings[0].user_ids) == 5


def test_invitations_to_long_standing_accounts_are_not_flagged():
    world = World()
    for i in range(5):
        recorded = NOW - timedelta(days=90 - 10 * i)
        world.orders.append(OrderFact(10_000 + i, TARGET, recorded, world.new_account(), NOW - timedelta(days=700)))
    assert kinds(detect_fresh_invitations(world.facts())) == set()


def test_a_redeemed_invitation_is_judged_by_the_account_that_redeemed_it_not_the_address_s_holder_now():
    """Long-standing buyers redeemed five invitations, then moved to other addresses, and accounts opened afterwards
    took the old ones up: the maker invited no fresh account. The detector read the address's holder today (opened
    after the order, so "brand new") and flagged the maker, listing the newcomers as the invited accounts."""
    world = World()
    for i in range(5):
        recorded = NOW - timedelta(days=90 - 10 * i)
        review = world.add(TARGET, world.new_account(), recorded + timedelta(days=5), 4.3, NOW - timedelta(days=900),
                           order=True)
        world.orders.append(OrderFact(review.order_id, TARGET, recorded, world.new_account(), NOW - timedelta(days=1)))
    assert kinds(detect_fresh_invitations(world.facts())) == set()


def test_near_duplicate_wording_is_found_across_makers_and_accounts():
    world = World()
    base = ("The walnut bowl arrived well packed and the finish is smooth and even all round, the grain "
            "matches the photos exactly and it sits perfectly level on the table")
    copies = [world.add(m, world.new_account(), NOW - timedelta(days=5 + m), 5.0, NOW - timedelta(days=600), body)
              for m, body in ((TARGET, base), (1, base + " Highly recommended!"),
                              (2, base.replace("walnut", "oak").replace("smooth", "silky")))]
    findings = detect_near_duplicates(world.facts())
    assert len(findings) == 1
    assert set(findings[0].review_ids) == {r.review_id for r in copies}
    assert findings[0].maker_id is None  # spans three makers


def test_different_reviews_sharing_stock_phrases_are_not_near_duplicates():
    first = "Lovely mug, the glaze is even and the handle feels solid. Arrived two days early, well packed."
    second = "The handle feels solid but the glaze ran on one side. Arrived a week late in a crushed box."
    assert jaccard(shingles(first), shingles(second)) < 0.5
    assert similar_pairs([first, second], 0.5) == []
    assert shingles("Great, thanks!") == frozenset()  # too short to judge


def test_one_star_cluster_from_new_accounts_against_a_well_rated_maker_is_found():
    world = World()
    bombs = [world.add(TARGET, world.new_account(), NOW - timedelta(days=60 - 4 * i), 1.0,
                       NOW - timedelta(days=70)) for i in range(3)]
    findings = [f for f in detect_extreme_clusters(world.facts()) if f.maker_id == TARGET]
    assert len(findings) == 1 and set(findings[0].review_ids) == {r.review_id for r in bombs}
    assert findings[0].summary.startswith("3 one-star reviews")


def test_five_star_cluster_from_single_maker_accounts_on_a_weak_maker_is_found():
    world = World(makers=3)
    for i in range(8):
        world.add(TARGET, world.rng.randrange(300), NOW - timedelta(days=400 - 30 * i), 2.3, NOW - timedelta(days=900))
    shills = [world.add(TARGET, world.new_account(), NOW - timedelta(days=100 - 14 * i), 5.0,
                        NOW - timedelta(days=400)) for i in range(3)]
    findings = [f for f in detect_extreme_clusters(world.facts()) if f.maker_id == TARGET]
    assert [set(f.review_ids) for f in findings] == [{r.review_id for r in shills}]


def test_extreme_reviews_from_established_accounts_or_agreeing_with_everyone_are_no_cluster():
    world = World()
    for i in range(3):  # established multi-maker accounts giving one star: a real complaint, not a ring trait
        world.add(TARGET, i, NOW - timedelta(days=30 - i), 1.0, NOW - timedelta(days=1500))
    for i in range(4):  # new accounts giving five stars to a maker everyone rates 4-5: the crowd agrees
        world.add(0, world.new_account(), NOW - timedelta(days=50 - i * 9), 4.7, NOW - timedelta(days=60))
    world.reviews = [r if r.maker_id != 0 or r.stars >= 4.5 else
                     ReviewFact(r.review_id, 0, r.author_id, r.created_at, 4.7, r.body, r.author_joined, r.order_id)
                     for r in world.reviews]
    assert detect_extreme_clusters(world.facts()) == []


def test_on_write_run_uses_whole_history_counts_for_the_burst_rate():
    """After a write only the latest reviews are loaded; the long-run rate still counts all of them."""
    world = World(makers=0)
    recent = [world.add(TARGET, world.rng.randrange(300), NOW - timedelta(days=days), 4.0,
                        NOW - timedelta(days=1500)) for days in (600, 500, 400, 300, 200, 5, 4, 3, 2, 1)]
    facts = Facts(now=NOW, makers=world.makers, reviews=recent, author_makers={r.author_id: 3 for r in recent})
    assert kinds(detect_for_maker(facts)) == {"burst"}
    facts.review_counts = {TARGET: 5000}  # a maker reviewed seven times a day: five in four days is quiet
    assert detect_for_maker(facts) == []


def test_reviews_built_from_stock_phrases_everybody_uses_are_not_near_duplicates():
    """Same template, different item and maker: the shared words are the site's stock phrases."""
    world = World(makers=0)
    items = ("oak stool", "glass vase", "silver ring", "wool scarf", "clay teapot", "paper journal",
             "leather belt", "walnut bowl", "beeswax candle", "linen apron", "brass hook", "ash spoon")
    for maker, item in enumerate(items):
        world.makers[maker] = MakerFact(maker, NOW - timedelta(days=400))
        for author in range(2):
            world.add(maker, world.new_account(), NOW - timedelta(days=30 + author), 4.0, NOW - timedelta(days=500),
                      f"I had been looking for a {item} for months. Delivery took a little longer than promised, "
                      f"but it arrived well packed and matched the photos. Thank you, Studio {maker}!")
    assert detect_near_duplicates(world.facts()) == []


FARM_TEXT = ("Ordered this for my sister's birthday and she cried when she opened it. Every detail is perfect, the "
             "finish is flawless and it came beautifully wrapped. Museum quality work, five stars without hesitation.")


@pytest.mark.parametrize("accounts", [3, 12])
def test_one_text_pasted_onto_many_makers_is_found_however_many_makers_it_reaches(accounts):
    # Counted by makers alone, a text on more than ten makers was all stock phrases and shared nothing: a farm pasting
    # its one review onto a dozen makers raised no signal at all.
    world = World(makers=0)
    farm = [world.new_account() for _ in range(accounts)]
    pasted = []
    for maker in range(12):
        world.makers[maker] = MakerFact(maker, NOW - timedelta(days=400))
        pasted.append(world.add(maker, farm[maker % accounts], NOW - timedelta(days=20 + maker), 5.0,
                                NOW - timedelta(days=40), FARM_TEXT))
    findings = detect_near_duplicates(world.facts())
    assert [set(f.review_ids) for f in findings] == [{r.review_id for r in pasted}]


def _farm_copies(world: World, accounts: int, makers: int) -> list[ReviewFact]:
    """A farm's text on `makers` new makers from `accounts` new accounts, each copy varied (its item, a thank-you)."""
    farm = [world.new_account() for _ in range(accounts)]
    items = ("bowl", "mug", "vase", "scarf", "stool", "ring", "belt", "journal", "apron", "teapot", "candle", "spoon",
             "hook", "lamp", "quilt")
    copies = []
    for n in range(makers):
        maker = 20_000 + n
        world.makers[maker] = MakerFact(maker, NOW - timedelta(days=400))
        body = FARM_TEXT.replace("Every detail", f"The {items[n % len(items)]} is stunning. Every detail")
        copies.append(world.add(maker, farm[n % accounts], NOW - timedelta(days=20 + n), 5.0, NOW - timedelta(days=40),
                                f"{body} Thank you, Studio {n}!"))
    return copies


@pytest.mark.parametrize("site_accounts", [0, 3000])
def test_a_farm_of_a_dozen_accounts_varying_each_copy_is_found_on_a_site_where_it_is_a_small_share(site_accounts):
    # A phrase by more than ten accounts, on more than ten makers, in more than ten texts was a stock phrase on any
    # site: twelve accounts pasting their text onto fifteen makers, each copy varied, hid all of it. On a site of
    # thousands of reviewing accounts a stock phrase is one a share of them use; on a site of a few dozen, a dozen
    # accounts writing alike is all the evidence there is of a stock phrase, and nothing is found.
    world = World(makers=0)
    for _ in range(site_accounts):
        world.add(world.rng.randrange(50), world.new_account(), NOW - timedelta(days=60), 4.0, NOW - timedelta(days=900),
                  " ".join(f"{world.rng.choice(WORDS)}{world.rng.randrange(400)}" for _ in range(25)))
    copies = _farm_copies(world, accounts=12, makers=15)
    found = [set(f.review_ids) for f in detect_near_duplicates(world.facts())]
    assert found == ([{r.review_id for r in copies}] if site_accounts else [])


def test_a_review_through_an_invitation_whose_address_another_account_holds_is_found():
    from craftreview.rings.binding import detect_foreign_redemptions
    world = World()
    assert detect_foreign_redemptions(world.facts()) == []  # honest redemptions: the author holds the address
    friend, holder = world.new_account(), world.new_account()
    review = world.add(TARGET, friend, NOW - timedelta(days=3), 5.0, NOW - timedelta(days=400), order=True)
    world.orders.append(OrderFact(review.order_id, TARGET, NOW - timedelta(days=10), holder, NOW - timedelta(days=900)))
    unheld = world.add(TARGET, world.new_account(), NOW - timedelta(days=2), 5.0, NOW - timedelta(days=400), order=True)
    world.orders.append(OrderFact(unheld.order_id, TARGET, NOW - timedelta(days=10), None, None))  # nobody's now
    findings = detect_foreign_redemptions(world.facts())
    assert [(f.kind, f.maker_id, f.review_ids) for f in findings] == [("foreign_redemptions", TARGET, (review.review_id,))]
    assert set(findings[0].user_ids) == {friend, holder}
    assert "foreign_redemptions" in kinds(detect_all(world.facts()))
