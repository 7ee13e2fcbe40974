"""Detectors that compare a rate with an expectation: bursts against a maker's own history, and
makers whose share of suspicious reviewers or invitations stands out from the rest of the site."""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime

import numpy as np

from ..durations import span_words
from ..scoring.special import binomial_at_least, poisson_at_least
from .facts import DAY, Facts, Finding, MakerFact, OrderFact, ReviewFact, by_maker, ids

BURST_MIN = 4            # reviews in a burst window (three arrivals after the first)
BURST_MAX = 40           # longest window scanned
BURST_ALPHA = 0.01       # family-wise level per maker, shared by every window scanned
BURST_RATIO = 4.0        # and the window must run at least 4x the maker's usual rate
MIN_WINDOW_DAYS = 1.0    # arrivals within a day are judged as one day's worth
RECENT_DAYS = 120.0      # the recent pace a burst is also compared with
BURST_HISTORY = 2        # reviews outside the window: a maker's whole history is never "a burst" of itself
EXCESS_MIN = 3
EXCESS_ALPHA = 1e-3
EXCESS_RATIO = 2.0
FRESH_REDEEM_DAYS = 3.0  # account opened at most this long before it redeemed an invitation
FRESH_INVITE_DAYS = 30.0  # account opened at most this long before the maker recorded the order (or after)


def _days(value) -> float:
    return value.timestamp() / DAY


def detect_bursts(facts: Facts) -> list[Finding]:
    """Runs of reviews arriving far faster than the same maker's long-run rate, at any spacing."""
    found = []
    for maker_id, reviews in by_maker(facts.reviews).items():
        ordered = sorted(reviews, key=lambda r: r.created_at)
        total = max(facts.review_counts.get(maker_id, 0), len(ordered))
        found += _maker_bursts(facts.makers.get(maker_id), ordered, total, facts.now)
    return found


def _maker_bursts(maker: MakerFact | None, reviews: list[ReviewFact], total: int, now) -> list[Finding]:
    """Non-overlapping burst windows among `reviews`, judged against `total` reviews over the maker's life."""
    times = np.array([_days(r.created_at) for r in reviews])
    n = len(times)
    if n < BURST_MIN:
        return []
    start = min(times[0], _days(maker.created_at)) if maker else times[0]
    rate = np.maximum(total / max(_days(now) - start, MIN_WINDOW_DAYS), _recent_rates(times, start))
    windows, sizes = [], range(BURST_MIN, min(n, BURST_MAX) + 1)
    for k in sizes:
        windows += _windows_of_length(times, k, rate, total, total * math.ceil(math.log2(len(sizes) + 1)))
    chosen: list[tuple] = []
    for window in sorted(windows):
        if all(window[2] > c[3] or window[3] < c[2] for c in chosen):
            chosen.append(window)
    return [_burst_finding(reviews, *w) for w in chosen[:3]]


def _recent_rates(times: np.ndarray, start: float) -> np.ndarray:
    """Per review, the maker's rate over the RECENT_DAYS before it: a maker growing popular is judged
    against its newer pace, not only its quiet beginnings."""
    earlier = np.arange(len(times)) - np.searchsorted(times, times - RECENT_DAYS)
    return earlier / np.clip(times - start, RECENT_DAYS / 4, RECENT_DAYS)


def _windows_of_length(times: np.ndarray, k: int, rate: np.ndarray, total: int, tests: int) -> list[tuple]:
    """(p, expected, first, last) of every k-review window that is a significant burst.

    `rate[j]` is the maker's own rate when window j opens: the larger of its long-run rate (window
    included, so a ring cannot make its burst look normal by keeping the history short) and its recent
    pace; `tests` is how many windows share the level (Bonferroni).
    """
    length = np.maximum(times[k - 1:] - times[:len(times) - k + 1], MIN_WINDOW_DAYS)
    expected = rate[:len(length)] * length
    arrivals = k - 1  # the window opens at a review; what is unusual is how many follow so soon
    p = poisson_at_least(arrivals, expected)
    hits = np.nonzero((p < BURST_ALPHA / tests) & (arrivals >= BURST_RATIO * expected))[0]
    if total - k < BURST_HISTORY:  # nothing of the maker's own to compare the window with
        return []
    return [(float(p[j]), float(expected[j]), int(j), int(j + k - 1)) for j in hits]


def _burst_finding(reviews: list[ReviewFact], p: float, expected: float, first: int, last: int) -> Finding:
    members = reviews[first:last + 1]
    span = span_words((members[-1].created_at - members[0].created_at).total_seconds())
    return Finding(
        kind="burst", maker_id=members[0].maker_id, strength=_strength(p),
        summary=(f"{len(members)} reviews within {span}; at this maker's own long-run rate about "
                 f"{expected + 1:.1f} would be expected."),
        review_ids=ids(r.review_id for r in members), user_ids=ids(r.author_id for r in members),
        evidence=[("Reviews in the burst", str(len(members))), ("Time span", span),
                  ("Expected at the maker's usual rate", f"{expected + 1:.1f}"),
                  ("Chance of this by luck", _chance(p))])


def _strength(p: float) -> float:
    return round(min(30.0, -math.log10(max(p, 1e-30))), 2)


def _chance(p: float) -> str:
    return "less than 1 in a million" if p < 1e-6 else f"about 1 in {round(1 / p):,}"


def excess_makers(hits: dict[int, tuple[int, int]]) -> dict[int, tuple[float, float]]:
    """Makers whose hit count stands out from the rest of the site: maker -> (p-value, site share).

    `hits` maps maker -> (hits, total). Each maker is compared with every *other* maker's share, so a
    ring cannot raise its own baseline.
    """
    all_hits = sum(h for h, _ in hits.values())
    all_total = sum(t for _, t in hits.values())
    result = {}
    for maker_id, (hit, total) in hits.items():
        base = (all_hits - hit + 1) / (all_total - total + 2)
        if hit < EXCESS_MIN or hit / total < EXCESS_RATIO * base:
            continue
        p = binomial_at_least(hit, total, base)
        if p < EXCESS_ALPHA:
            result[maker_id] = (p, base)
    return result


def _excess_findings(groups: dict[int, list], is_hit: Callable, describe: Callable) -> list[Finding]:
    hits = {m: (sum(1 for x in items if is_hit(x)), len(items)) for m, items in groups.items()}
    return [describe(m, [x for x in groups[m] if is_hit(x)], len(groups[m]), p, base)
            for m, (p, base) in sorted(excess_makers(hits).items())]


def _share_evidence(label: str, hit: int, total: int, p: float, base: float) -> list[tuple[str, str]]:
    return [(label, f"{hit} of {total}"), ("Share elsewhere on the site", f"{base:.0%}"),
            ("Chance of this by luck", _chance(p))]


def detect_one_maker_accounts(facts: Facts) -> list[Finding]:
    """Makers an unusual share of whose reviewers have reviewed no other maker."""
    counts = facts.makers_per_author()
    groups = {m: sorted({r.author_id for r in rs}) for m, rs in by_maker(facts.reviews).items()}
    reviews = by_maker(facts.reviews)

    def describe(maker_id: int, authors: Sequence[int], total: int, p: float, base: float) -> Finding:
        chosen = set(authors)
        return Finding("one_maker_accounts", maker_id, _strength(p),
                       f"{len(authors)} of this maker's {total} reviewers have reviewed no other maker.",
                       ids(r.review_id for r in reviews[maker_id] if r.author_id in chosen), ids(authors),
                       _share_evidence("Reviewers of this maker only", len(authors), total, p, base))
    return _excess_findings(groups, lambda a: counts.get(a, 0) == 1, describe)


def detect_fresh_redeemers(facts: Facts) -> list[Finding]:
    """Makers whose reviews through their invitations come unusually often from accounts opened just before (the
    redeemer's address was confirmed when it redeemed; a later change of address does not undo the redemption)."""
    verified = by_maker(r for r in facts.reviews if r.order_id is not None)

    def describe(maker_id: int, hits: list[ReviewFact], total: int, p: float, base: float) -> Finding:
        return Finding("fresh_redeemers", maker_id, _strength(p),
                       f"{len(hits)} of this maker's {total} reviews through its invitations came from accounts opened at most "
                       f"{FRESH_REDEEM_DAYS:.0f} days before.",
                       ids(r.review_id for r in hits), ids(r.author_id for r in hits),
                       _share_evidence("Invitation reviews from new accounts", len(hits), total, p, base))
    return _excess_findings(verified, lambda r: r.author_age_days <= FRESH_REDEEM_DAYS,
                            describe)


def detect_fresh_invitations(facts: Facts) -> list[Finding]:
    """Makers who invite unusually many addresses whose accounts are brand new.

    A redeemed invitation's account is the one that redeemed it: its buyer may have moved to another address since,
    and an account opened later under the old one (after the order, so "brand new") was not the one invited."""
    redeemed = {r.order_id: r for r in facts.reviews if r.order_id is not None}

    def invitee(order: OrderFact) -> tuple[int | None, datetime | None]:
        review = redeemed.get(order.order_id)
        return (review.author_id, review.author_joined) if review else (order.buyer_id, order.buyer_joined)

    def fresh(order: OrderFact) -> bool:
        joined = invitee(order)[1]
        return joined is not None and (joined - order.created_at).total_seconds() / DAY >= -FRESH_INVITE_DAYS

    def describe(maker_id: int, hits: list[OrderFact], total: int, p: float, base: float) -> Finding:
        return Finding("fresh_invitations", maker_id, _strength(p),
                       f"{len(hits)} of this maker's {total} invitations went to addresses whose account was "
                       f"opened at most {FRESH_INVITE_DAYS:.0f} days before the order was recorded, or after.",
                       ids(redeemed[o.order_id].review_id for o in hits if o.order_id in redeemed),
                       ids(account for o in hits if (account := invitee(o)[0]) is not None),
                       _share_evidence("Invitations to new accounts", len(hits), total, p, base))
    return _excess_findings(by_maker(facts.orders), fresh, describe)
