"""Run the detectors: all of them over the whole site, or the cheap ones over one maker."""
from __future__ import annotations

from .binding import detect_foreign_redemptions
from .clusters import detect_extreme_clusters, detect_near_duplicates
from .facts import Facts, Finding, MakerFact, OrderFact, ReviewFact
from .rates import detect_bursts, detect_fresh_invitations, detect_fresh_redeemers, detect_one_maker_accounts

KINDS: dict[str, str] = {
    "burst": "Burst of reviews",
    "one_maker_accounts": "Accounts that review only this maker",
    "fresh_redeemers": "Invitations redeemed by brand-new accounts",
    "fresh_invitations": "Invitations to brand-new accounts",
    "near_duplicate": "Near-duplicate wording",
    "extreme_cluster": "One-star or five-star cluster",
    "foreign_redemptions": "Invitations redeemed by another account",
}
# Detectors that need only one maker's reviews (and its authors' review counts): run after each write.
# The others compare a maker with the rest of the site (near-duplicates need the site's stock phrases)
# and run in `flask signals`.
ON_WRITE_KINDS = ("burst", "extreme_cluster")
_ALL = (detect_bursts, detect_one_maker_accounts, detect_fresh_redeemers, detect_fresh_invitations,
        detect_near_duplicates, detect_extreme_clusters, detect_foreign_redemptions)
_ON_WRITE = (detect_bursts, detect_extreme_clusters)

__all__ = ["KINDS", "ON_WRITE_KINDS", "Facts", "Finding", "MakerFact", "OrderFact", "ReviewFact",
           "detect_all", "detect_for_maker"]


def detect_all(facts: Facts) -> list[Finding]:
    """Every signal over the whole site."""
    return [finding for detector in _ALL for finding in detector(facts)]


def detect_for_maker(facts: Facts) -> list[Finding]:
    """The cheap, maker-local signals; `facts` holds one maker's reviews and its authors' maker counts."""
    return [finding for detector in _ON_WRITE for finding in detector(facts)]
