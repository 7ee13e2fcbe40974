"""Plain words for the model's claims: confidence, unproven reasons, trusted evidence, tier outlooks."""
from __future__ import annotations

import math

from flask import Flask

from ..scoring.claims import FAVOURITES_SET_ASIDE
from ..scoring.types import CLAIM_EDGES, INTERVAL_LEVEL, MIN_CLAIM_EVIDENCE, TIER_CONFIDENCE
from .charts import chance

TRUSTED_MIN = 3.0  # claims resting on fewer fully trusted reviews than this say so
UNPROVEN_WORDS = {
    "too_few_reviews": {"label": "Too few reviews yet",
                        "detail": "the trusted reviews so far are not yet enough to settle a tier"},
    "mixed_evidence": {"label": "Mixed evidence",
                       "detail": "enough reviews, but they do not settle one tier (they conflict, sit on a tier border, "
                                 "changed recently or came in a recent rush), so no claim is safe yet"},
}


def sure(p: float | None) -> str:
    """'87% sure', never '100% sure': at most 'over 99% sure'; the figure is charts.chance's (rounded down)."""
    if p is None:
        return ""
    figure = chance(p)
    return "over 99% sure" if figure == ">99%" else f"{figure} sure"


def tier_sure(tier: str | None, p: float | None) -> str:
    """How sure the claimed tier is, in words that name what the figure is the chance of. A skilled claim's figure is
    the chance of skilled *or better* (master included), so the tier chart's "Skilled" bar, skilled but not master,
    reads lower beside it: '96% sure of skilled or better' beside bars of 90% and 6% is one claim, '96% sure' was two."""
    words = sure(p)
    return f"{words} of skilled or better" if words and tier == "skilled" else words


# A claim this sure leaves no more than a 90% range's tail beyond its band (5%), so the range of the posterior it was
# read from ends inside it.
RANGE_INSIDE_CLAIM = 1.0 - (1.0 - INTERVAL_LEVEL) / 2.0


def range_past_claim(score) -> str:
    """'below 4.0' (or 'above 3.5', ...) when the overall's shown 90% range reaches past the claimed tier's line
    although the claim leaves under 5% beyond it; else ''. Only the ranges' allowances for a change in the maker's
    work and for the platform's reviewers (steps, slope, change, buyer gap) stretch them so: the tier's chance is read
    from the posterior without them (tests/unit/test_scoring_range_claims.py)."""
    band, p = CLAIM_EDGES.get(getattr(score, "tier", None)), getattr(score, "tier_confidence", None)
    if band is None or p is None or p < RANGE_INSIDE_CLAIM or score.overall_low is None:
        return ""
    low, high = round(score.overall_low, 1), round(score.overall_high, 1)  # as the page prints them
    if band[0] is not None and low < band[0]:
        return f"below {band[0]:.1f}"
    if band[1] is not None and high > band[1]:
        return f"above {band[1]:.1f}"
    return ""


def unproven_chance_note(p_skilled: float | None, on_score_page: bool = False) -> str:
    """After "On the reviews so far: 68% chance of skilled or better" for a maker without a tier: how that chance
    stands against the bar a skilled claim needs (types.TIER_CONFIDENCE), where it is near or past it; else ''.
    Past the bar, what holds the claim is on the score page: a claim the model withheld, or evidence under the floor
    every tier needs (tests/unit/test_scoring_sentences.py)."""
    if p_skilled is None or p_skilled < 0.5:
        return ""
    bar = f"{TIER_CONFIDENCE:.0%}"
    if p_skilled < TIER_CONFIDENCE:
        return f" (a skilled tier needs at least {bar})"
    where = "this page says" if on_score_page else "“How this score was calculated” says"
    return f" (past the {bar} a skilled tier needs; {where} what else it waits for)"


# "Too few" under the floor every tier needs (types.MIN_CLAIM_EVIDENCE), said as such; past it the general words stand:
# beside "every tier needs at least two fully trusted reviews' worth", reviews counting as 4.1 must not read as under it.
_UNDER_FLOOR = "the trusted reviews so far add up to less than the two a tier needs"


def unproven_words(reason: str | None, trusted: float | None = None) -> dict[str, str]:
    """Label and detail for an unproven maker (older rows without a reason read as too few reviews); trusted: its
    evidence in fully trusted reviews, where known."""
    words = UNPROVEN_WORDS.get(reason or "too_few_reviews", UNPROVEN_WORDS["too_few_reviews"])
    if words is UNPROVEN_WORDS["too_few_reviews"] and trusted is not None and trusted < MIN_CLAIM_EVIDENCE:
        return {"label": words["label"], "detail": _UNDER_FLOOR}
    return words


def trusted_figure(trusted: float) -> str:
    """Fully trusted reviews to one decimal, rounded down wherever shown: beside the rule that a tier needs two, 1.99
    must not read 2.0."""
    return f"{math.floor(trusted * 10 + 1e-9) / 10:.1f}"


def trusted_evidence_line(tier: str | None, reason: str | None, review_count: int | None,
                          trusted: float | None) -> str:
    """For a maker with "too few reviews yet" but several of them: what they add up to in fully trusted reviews
    (unverified reviews from brand-new accounts count for little, so hundreds can still be too few); else ''."""
    if tier != "unproven" or reason not in (None, "too_few_reviews") or trusted is None or (review_count or 0) < 2:
        return ""
    shown = trusted_figure(trusted)
    return (f"Its {review_count} reviews count as about {shown} fully trusted review{'' if shown == '1.0' else 's'}"
            " so far.")


# Before the outlook of a claim the model withheld (claims.WITHHELD_*): its chance clears the bar, so the words after
# it must not read as a chance too low (tests/unit/test_scoring_sentences.py).
WITHHELD_LEAD = "The chances above already clear the bar for a tier; it waits for the reason given under “In short”."


def outlook_sentence(outlook: dict | None, overall: float | None, withheld: str | None = None) -> str:
    """'What would change the tier' in words, from the outlook computed by rescoring at write time; withheld: why the
    model held back a claim its chances alone would make (the explanation's claim_withheld), if it did."""
    if not outlook:
        return ""
    promise = _outlook_promise(outlook, overall)
    if withheld and outlook.get("extra_verified_reviews_needed") != 0:
        return f"{WITHHELD_LEAD} {promise}"
    return promise


def _outlook_promise(outlook: dict, overall: float | None) -> str:
    target, extra = outlook.get("target_tier"), outlook.get("extra_verified_reviews_needed")
    if extra == 0:
        # Only an upward claim is checked to survive further ratings at its level (tests/unit/test_scoring_claims.py);
        # a warning claim can lapse even on lower ratings (a detected drop can leave under two trusted reviews).
        if target in ("skilled", "master"):
            return f"The {target} claim holds now; further ratings at or above the current level would not lose it."
        return f"The {target} claim holds now; it could change as new ratings move the estimate."
    claim = "a tier" if target is None else f"this a {_claim_words(target)} claim"
    if extra is None:  # the outlook tested the target tier only: another tier may still come of it
        return (f"Even twenty more verified reviews at about the current level are not certain to make {claim}; "
                "the tier will follow the estimate as new ratings come in.")
    level = "" if overall is None else f" averaging about {overall:.1f} overall"
    plural = "s" if extra != 1 else ""
    return f"About {extra} more verified review{plural}{level} would very likely make {claim}."


def _claim_words(target: str) -> str:
    return "skilled (or better)" if target == "skilled" else target


def init_app(app: Flask) -> None:
    """Register the filters and globals the score panel and explanation page use."""
    app.add_template_filter(sure, "sure")
    app.add_template_global(tier_sure, "tier_sure")
    app.add_template_global(range_past_claim, "range_past_claim")
    app.add_template_global(unproven_chance_note, "unproven_chance_note")
    app.add_template_filter(trusted_figure, "trusted_figure")
    app.add_template_global(unproven_words, "unproven_words")
    app.add_template_global(outlook_sentence, "outlook_sentence")
    app.add_template_global(trusted_evidence_line, "trusted_evidence_line")
    app.jinja_env.globals["TRUSTED_MIN"] = TRUSTED_MIN
    # a record this short is all favourites: the few-voices note then says so instead of naming "the rest"
    app.jinja_env.globals["FAVOURITES_SET_ASIDE"] = FAVOURITES_SET_ASIDE
