"""Reviews through an invitation whose buyer address belongs to another account.

Since invitations were bound to the invited buyer, only the account holding an order's buyer address can redeem it.
Reviews written before that (when anyone holding the link could redeem it) keep their order, and the verified mark
once their author confirms an address of its own; this finds them where the invited address is now another
account's. A buyer who leaves the address it redeemed with, and another account that takes it up, look the same:
the moderator reads the evidence. Nothing here reads the database.
"""
from __future__ import annotations

from .facts import Facts, Finding, ReviewFact, by_maker, ids

STRENGTH = 30.0  # a fact, not a chance: as strong as the rate signals' strongest (rates._strength's cap)


def detect_foreign_redemptions(facts: Facts) -> list[Finding]:
    """One finding per maker with reviews through its invitations whose buyer address another account holds."""
    holder = {order.order_id: order.buyer_id for order in facts.orders}
    foreign = [r for r in facts.reviews
               if r.order_id is not None and holder.get(r.order_id) not in (None, r.author_id)]
    return [_finding(maker_id, reviews, holder) for maker_id, reviews in sorted(by_maker(foreign).items())]


def _finding(maker_id: int, reviews: list[ReviewFact], holder: dict[int, int | None]) -> Finding:
    count = len(reviews)
    noun = "review" if count == 1 else "reviews"
    return Finding("foreign_redemptions", maker_id, STRENGTH,
                   f"{count} {noun} through this maker's invitations came from an account other than the one that "
                   f"holds the invited address.",
                   ids(r.review_id for r in reviews), ids([r.author_id for r in reviews]
                                                         + [holder[r.order_id] for r in reviews]),
                   [(f"Review #{r.review_id}", f"written by account #{r.author_id}; the invited address is "
                                               f"account #{holder[r.order_id]}'s") for r in reviews[:12]])
