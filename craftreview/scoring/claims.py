"""Claims that need time: a surge of recent reviews can confirm a skilled or master claim, not make one.

A maker's newest reviews are the cheapest evidence to fake: shills redeeming the maker's own invitations,
at any spacing, from accounts of any age, all land in the recent past, faster than the maker's own
history predicts. So an upward claim must also hold when the recent evidence is capped, as one group,
at what the maker's older pace predicts plus a little slack: more recent reviews add nothing beyond the
cap. A maker reviewed at a steady pace is not capped; a genuine newcomer waits a few months for its
claim. The estimate is seasoned the same way as far as the recent praise sits above the older level
(season_upward); for the estimate, a maker younger than the recent window reads its recent praise against
its own first reviews (recent_window).
"""
from __future__ import annotations

import numpy as np

from .robust import review_overall
from .rows import times
from .special import ndtri
from .types import NOVICE_LINE, OVERALL_WEIGHTS, SKILLED_LINE, TIER_CONFIDENCE

RECENT_DAYS = 180.0  # an upward claim is withheld when the reviews of this period alone contradict it
RECENT_MIN_EVIDENCE = 1.0  # ...and carry at least this much evidence, in fully trusted reviews
SEASON_DAYS = 120.0  # reviews younger than this are "recent"
SEASON_SLACK = 0.5  # recent evidence may exceed the older pace by half a fully trusted review
# The older pace is read over the span the recent reviews actually cover, at least this many days: three
# reviews in a fortnight after a quiet year are a surge, whatever the 120-day window around them holds.
SPAN_FLOOR_DAYS = 14.0
# The slack shrinks as recent praise jumps above the maker's own older reviews: in full up to JUMP_SLACK[0]
# standard errors of the jump, to the share JUMP_SLACK[2] at JUMP_SLACK[1] and beyond ((2, 5, 0.1) in models 2.5-2.6).
JUMP_SLACK = (1.5, 4.5, 0.1)
NO_HISTORY_REVIEWS = 2.0  # a maker without older reviews is compared with the platform centre, worth this many
# For the estimate, a maker whose first review is younger than SEASON_DAYS counts only the newest YOUNG_SPLIT of its
# reviewed life as recent, so its praise is read against its own first reviews rather than the platform centre;
# one whose first review is younger than SPAN_FLOOR_DAYS / YOUNG_SPLIT days is still compared with the centre.
YOUNG_SPLIT = 1.0 / 3.0
# Recent reviews are seasoned only as far as they also pull the estimate up: the jump counted is the smaller of
# the jump over the older level and PULL_GATE times the jump over what the older reviews and the platform centre
# together predict (the older level shrunk toward the centre by NO_HISTORY_REVIEWS). Low reviews a little above
# one older one-star are no praise; capping them would pull the estimate up toward the centre, and raising the
# older review could then switch the cap off and lower the score (model 2.5: 0.028 stars). 3 in model 2.6; with the
# steeper ramp of 2.7 a gate of 3 made raising a recent star bite harder more often (bench/scoring/RESULTS.md).
PULL_GATE = 2.0
# The slack is whole once the maker's older evidence is worth SLACK_HISTORY fully trusted reviews (what the platform
# centre counts for a maker without older reviews), and shrinks in proportion below that: one weak review a year
# ago says little about what the maker's buyers usually say, so recent praise well above it waits longer. Only for
# a jump of note: the shrinking phases in from THIN_HISTORY_Z[0] to THIN_HISTORY_Z[1] standard errors of the jump
# (jump_standard_errors), so honest praise a little above a thin record keeps its slack.
SLACK_HISTORY = NO_HISTORY_REVIEWS
THIN_HISTORY_Z = (1.0, 2.0)
UP = ("skilled", "master")
# The cap bites in full on the estimate once the recent level is this many spreads above the older one (2 in model
# 2.4; 3 in 2.5-2.6, where raising one star of a thin young maker's praise could otherwise lower its estimate by
# 0.025 stars; 2 again in 2.7, where the history judged apart from a burst (robust.outlier_factor) makes it cheap).
UP_RAMP = 2.0
WITHHELD_SURGE = "recent_surge"  # why a claim the probabilities alone would make is withheld
WITHHELD_LOWER = "recent_reviews_lower"
WITHHELD_FEW = "few_voices"
WITHHELD_BASE_RATE = "platform_base_rate"  # a novice claim the maker's own reviews do not carry (generous_prior)
# A handful of favourable voices: five verified five-stars through the maker's own invitations are issue 8's shilling
# attack, and at one a month or slower (past every recent window) they promoted a median 0.30 of novices (model 2.13).
# An upward claim must leave "skilled" at least FAVOURITES_PLAUSIBLE likely on the rest of the record (and the prior)
# with the maker's FAVOURITES_SET_ASIDE most favourable reviews set aside: praise the rest of the record makes
# unlikely is mixed evidence, not a tier. The rest is not asked to prove the claim (at 0.8, 62% of true skilled claims
# were lost on 16 worlds; at 0.3, 7%): bench/scoring/RESULTS.md, "Model 2.14".
FAVOURITES_SET_ASIDE = 5
FAVOURITES_PLAUSIBLE = 0.3
# The rest of the record is read against a prior moved down, where needed, to make "skilled" no more than
# FAVOURITES_PRIOR_CHANCE likely on its own: on a platform where most makers are skilled, the prior alone made a
# novice's claim plausible once its favourites were set aside, so five invited five-stars and one honest review
# claimed "skilled" (foreign worlds, model 2.17). The claim has to come from the rest of the record, not the base rate.
FAVOURITES_PRIOR_CHANCE = 0.1
# The recent-reviews check (withhold_contradicted) reads the recent reviews against the prior moved down, where needed,
# until it alone makes "skilled" no more likely than not: where most makers are skilled the unmoved prior held a claim
# against six honest reviews at a fallen maker's new level (foreign worlds, model 2.18). No lower: a prior that argued
# against the claim by itself would let two or three mildly lower reviews take a long record's tier.
RECENT_PRIOR_CHANCE = 0.5
# The mirror for the warning claim: a novice claim must also hold against the prior moved up, where needed, until it
# alone makes "novice" no more likely than not. On a platform of mostly novices the unmoved prior labelled a genuine
# newcomer (three verified five-stars, then two hostile one-stars from aged accounts) a novice: 4 of 20 in one bench
# world (model 2.19). Even odds, as for RECENT_PRIOR_CHANCE: the claim has to come from the maker's own reviews.
NOVICE_PRIOR_CHANCE = 0.5


def without_favourites(v: np.ndarray, w: np.ndarray, maker: np.ndarray, n_m: int, k: int,
                       line: float = SKILLED_LINE) -> np.ndarray:
    """Per review: 0 for its maker's k most favourable reviews above the line (highest overall stars, the weightier
    first among equal stars), else 1. Reviews at or below the line are never set aside: a further review above it
    either is set aside itself or puts one above the line back, so it cannot make the rest of the record look worse."""
    return ((_rank_within(-v, -w, maker, n_m) >= k) | (v <= line)).astype(float)


def prior_at(prior_mean: np.ndarray, overall: np.ndarray | float) -> np.ndarray:
    """Per maker: its prior mean (n, 4: three stars, then lateness) with the three stars moved together so that the
    overall is `overall`. The overall weighs the three stars to a sum of one, so moving each by d moves it by d."""
    out = prior_mean.copy()
    out[:, :3] += (overall - times(prior_mean[:, :3], OVERALL_WEIGHTS))[:, None]
    return out


def sceptical_prior(prior_mean: np.ndarray, overall_sd: np.ndarray, chance: float,
                    line: float = SKILLED_LINE) -> np.ndarray:
    """The prior mean moved down, where needed, so that the prior alone puts the overall above line with probability
    at most chance (overall_sd: the prior's standard deviation of the overall; prior_at)."""
    centre = times(prior_mean[:, :3], OVERALL_WEIGHTS)
    return prior_at(prior_mean, np.minimum(centre, line - ndtri(1.0 - chance) * overall_sd))


def generous_prior(prior_mean: np.ndarray, overall_sd: np.ndarray, chance: float,
                   line: float = NOVICE_LINE) -> np.ndarray:
    """The prior mean moved up, where needed, so that the prior alone puts the overall below line with probability
    at most chance (sceptical_prior's mirror, for the novice claim)."""
    centre = times(prior_mean[:, :3], OVERALL_WEIGHTS)
    return prior_at(prior_mean, np.maximum(centre, line + ndtri(1.0 - chance) * overall_sd))


def restrict_novice(tier: np.ndarray, checked_tier: np.ndarray, withheld: np.ndarray, reason: str) -> np.ndarray:
    """A novice claim stands only where checked_tier makes it too (reason recorded in withheld)."""
    return _withhold(tier, (tier == "novice") & (checked_tier != "novice"), withheld, reason)


def _rank_within(key: np.ndarray, tie: np.ndarray, maker: np.ndarray, n_m: int) -> np.ndarray:
    """Per review: its rank (0 first) among its maker's reviews by key, then tie."""
    order = np.lexsort((tie, key, maker))
    start = np.concatenate([[0], np.cumsum(np.bincount(maker, minlength=n_m))[:-1]])
    rank = np.empty(len(key), dtype=np.int64)
    rank[order] = np.arange(len(key)) - start[maker[order]]
    return rank


def seasoned_factor(w: np.ndarray, age_days: np.ndarray, maker: np.ndarray, n_m: int,
                    age_factor: np.ndarray, pace_floor: float = SEASON_DAYS,
                    slack: float | np.ndarray = SEASON_SLACK, span_floor: float = SPAN_FLOOR_DAYS,
                    split: np.ndarray | None = None, history_only: bool = False) -> np.ndarray | None:
    """Per review: the factor capping its maker's recent evidence (None when no maker's cap bites).

    The older pace is the older evidence over the older span, the span counted as at least pace_floor
    days for one review's worth of older evidence (less for more, never below SEASON_DAYS): one review
    130 days ago says little about a maker's pace. What that pace predicts is counted over the span the
    recent reviews cover (from the oldest of them to now, at least span_floor days, at most the recent
    window); slack (a number, or one per maker) is what the recent evidence may exceed it by. split: per
    maker, the age in days where the recent window ends (SEASON_DAYS for every maker by default). history_only:
    a maker without evidence older than its split is not capped (its whole record is recent)."""
    split = np.full(n_m, SEASON_DAYS) if split is None else split
    recent = age_days < split[maker]
    fresh = w / np.maximum(age_factor, 1e-12)  # pace is counted in undecayed evidence
    w_recent = np.bincount(maker, np.where(recent, fresh, 0.0), n_m)
    w_old = np.bincount(maker, np.where(recent, 0.0, fresh), n_m)
    oldest = oldest_age(age_days, maker, n_m)
    # The span is counted as at least pace_floor days for one review's worth of older evidence, less
    # for more (never below SEASON_DAYS): a pace read from one review is a guess, from ten a measurement.
    floor = np.maximum(SEASON_DAYS, pace_floor / np.maximum(w_old, 1.0))
    covered = np.zeros(n_m)
    np.maximum.at(covered, maker[recent], age_days[recent])
    expected = w_old * np.clip(covered, span_floor, split) / np.maximum(oldest - split, floor)
    cap = np.minimum(1.0, (expected + slack) / np.maximum(w_recent, 1e-12))
    if history_only:
        cap = np.where(w_old > 0, cap, 1.0)
    if np.all(cap >= 1.0):
        return None
    return np.where(recent, cap[maker], 1.0)


def season_upward(y: np.ndarray, w: np.ndarray, age_days: np.ndarray, maker: np.ndarray, n_m: int,
                  age_factor: np.ndarray, scale: float, centre: float, pace_floor: float = SEASON_DAYS,
                  span_floor: float = SPAN_FLOOR_DAYS, jump_slack: tuple[float, float, float] | None = JUMP_SLACK,
                  up_ramp: float = UP_RAMP, young_split: float = YOUNG_SPLIT,
                  pull_gate: float = PULL_GATE, slack_history: float = SLACK_HISTORY,
                  horizon: float | None = None, own_pull: bool = False) -> np.ndarray:
    """Per review: the seasoned cap, applied to the estimate as far as the recent evidence sits above the older level.

    The same cap as for upward claims: recent praise beyond what the maker's older pace predicts
    (+ SEASON_SLACK) adds nothing until it has stood for a while. It bites as cap ** x, x growing from 0
    (recent level at or below the older one: a maker whose work got worse is followed at once) to 1 at
    UP_RAMP spreads above it, so raising a star never switches the cap on at once; it can still lower the
    score a little (0.052 stars at worst in 6,000 random draws: bench/scoring/RESULTS.md, "Does a higher rating
    ever lower the score?"). The older level is the older reviews' weighted mean (not shrunk: a steady maker above the
    platform centre is not "rising"); a maker without earlier history is compared with the platform centre.
    With jump_slack the slack itself shrinks with the jump (jump_standard_errors). The recent window of a young
    maker is the newest young_split of its reviewed life (recent_window; 0: SEASON_DAYS for every maker). With
    pull_gate, recent reviews that do not sit above what the older reviews and the centre predict are not
    seasoned (PULL_GATE; 0: model 2.5). With slack_history the slack shrinks with a thin older history
    (SLACK_HISTORY; 0: model 2.5). horizon (days): count everything younger as recent, for makers with evidence
    older than it only (longer_seasons).
    """
    if horizon is None:
        split = recent_window(age_days, maker, n_m, young_split, span_floor)
    else:
        split = np.full(n_m, float(horizon))
    v, recent = review_overall(y), age_days < split[maker]
    fresh = w / np.maximum(age_factor, 1e-12)
    s_r, w_r = (np.bincount(maker, np.where(recent, x, 0.0), n_m) for x in (fresh * v, fresh))
    s_o, w_o = (np.bincount(maker, np.where(recent, 0.0, x), n_m) for x in (fresh * v, fresh))
    older = np.where(w_o > 0, s_o / np.maximum(w_o, 1e-12), centre)
    level = s_r / np.maximum(w_r, 1e-12)
    jump = (level - older) / scale  # in spreads
    if pull_gate:
        expected = (s_o + NO_HISTORY_REVIEWS * centre) / (w_o + NO_HISTORY_REVIEWS)
        jump = np.minimum(jump, pull_gate * (level - expected) / scale)
    slack = _slack(jump, recent, maker, n_m, w_o, jump_slack, slack_history)
    cap = seasoned_factor(w, age_days, maker, n_m, age_factor, pace_floor, slack, span_floor, split,
                          history_only=horizon is not None)
    if cap is None:
        return np.ones(len(w))
    bite = np.clip(jump / up_ramp, 0.0, 1.0)[maker]
    if own_pull:  # a recent review in full from the recent level up, not at all at or below the older level
        rise = np.maximum(level - older, 1e-9)[maker]
        bite = bite * np.clip((v - older[maker]) / rise, 0.0, 1.0)
    return cap ** bite


# A slow drip of praise (one a month, say) spreads past the recent window, so its older reviews become the maker's
# older pace and level; read over longer horizons, the same drip is still praise well above the maker's own earlier
# record, faster than that record's pace. An upward claim must also hold with each of these horizons' praise
# seasoned as season_upward seasons the estimate (only where it sits above the earlier record, in full from UP_RAMP
# spreads). A maker whose whole record is younger than a horizon is left to the shorter ones.
CLAIM_HORIZONS = (150.0, 200.0, 250.0, 365.0)


def longer_seasons(y: np.ndarray, w: np.ndarray, age_days: np.ndarray, maker: np.ndarray, n_m: int,
                   age_factor: np.ndarray, scale: float, centre: float, horizons: tuple[float, ...],
                   **season) -> list[np.ndarray]:
    """Per horizon: the seasoned factor of every review with that many days counted as recent (season_upward's
    keywords in season); only the horizons whose cap bites somewhere."""
    out = []
    for h in horizons:
        cap = season_upward(y, w, age_days, maker, n_m, age_factor, scale, centre, horizon=h, **season)
        if np.any(cap < 1.0):
            out.append(cap)
    return out


def _slack(jump: np.ndarray, recent: np.ndarray, maker: np.ndarray, n_m: int, w_o: np.ndarray,
           jump_slack: tuple[float, float, float] | None, slack_history: float) -> float | np.ndarray:
    """SEASON_SLACK, shrunk with the jump in standard errors (jump_slack) and, for a jump of note, with a thin
    older history (slack_history: whole at that many fully trusted older reviews; a maker without any has the
    centre's)."""
    slack = SEASON_SLACK
    z = jump_standard_errors(jump, recent, maker, n_m)
    if jump_slack is not None:
        slack = SEASON_SLACK * np.clip((jump_slack[1] - z) / (jump_slack[1] - jump_slack[0]), jump_slack[2], 1.0)
    if slack_history:  # only for a jump of note: from THIN_HISTORY_Z[0] standard errors, fully at THIN_HISTORY_Z[1]
        thin = np.clip(np.where(w_o > 0, w_o, NO_HISTORY_REVIEWS) / slack_history, 1e-6, 1.0)
        slack = slack * thin ** np.clip((z - THIN_HISTORY_Z[0]) / (THIN_HISTORY_Z[1] - THIN_HISTORY_Z[0]), 0.0, 1.0)
    return slack


def recent_window(age_days: np.ndarray, maker: np.ndarray, n_m: int, young_split: float,
                  span_floor: float = SPAN_FLOOR_DAYS) -> np.ndarray:
    """Per maker: the age in days where its recent window ends.

    SEASON_DAYS, or for a maker whose first review is itself younger than SEASON_DAYS (no older reviews, so
    it would be compared with the platform centre), the newest young_split of the time since that review: a
    maker reviewed for two months then praised by a burst is read against its own first weeks. When that
    share is shorter than span_floor days the maker has no history of its own yet (the centre, as before).
    Older makers keep the whole window: a slow drip of praise after one old review must not become history.
    """
    oldest = oldest_age(age_days, maker, n_m)
    own = oldest * young_split
    return np.where((oldest < SEASON_DAYS) & (own >= span_floor), own, SEASON_DAYS)


def oldest_age(age_days: np.ndarray, maker: np.ndarray, n_m: int) -> np.ndarray:
    """Per maker: the age in days of its oldest review (0 for a maker without reviews)."""
    oldest = np.zeros(n_m)
    np.maximum.at(oldest, maker, age_days)
    return oldest


def jump_standard_errors(jump: np.ndarray, recent: np.ndarray, maker: np.ndarray, n_m: int) -> np.ndarray:
    """Per maker: the recent-over-older jump (in spreads) in standard errors of a difference of two means.

    Counted in reviews, not weights: the shills' own low weights must not make their jump look small. Three
    five-stars after three reviews near two stars are a jump of several standard errors; one review above
    one older review is not (a maker without older reviews is compared with NO_HISTORY_REVIEWS at the centre).
    """
    n_r = np.bincount(maker, recent.astype(float), n_m)
    n_o = np.bincount(maker, (~recent).astype(float), n_m)
    n_o = np.where(n_o > 0, n_o, NO_HISTORY_REVIEWS)
    return jump / np.sqrt(1.0 / n_o + 1.0 / np.maximum(n_r, 1.0))


# A settled drop: every review since the maker's (RUN_SKIP + 1)-th newest one at its old level, all but RUN_SKIP of
# them, sits below that level, for longer than the maker's own pace would leave without such a review (RUN_ABSENCE
# reviews expected, plus RUN_SKIP), and the run's shared voices (the reviews far enough off to share one) arrived no
# faster than that pace allows (RUN_PACE times it, plus RUN_SLACK; over at least SPAN_FLOOR_DAYS): a bombing ring's
# block is either interleaved with the maker's usual reviews or faster than them, honest buyers of work that got worse
# are neither. Such a run speaks with each of its voices in the recent-reviews check. One kind buyer of the worse work
# does not end the run, nor does the shorter run after it stop counting (RUN_SKIP; 0 in models 2.10-2.25, when six
# reviews since a fall, two or three of them still at four stars, kept a skilled claim in 7 of 96 family worlds); the
# pace allowed is tighter to make up for it: a ring's one-stars spread over months at a little above the maker's
# pace, beside a maker whose own reviews happened to pause, must not read as buyers of worse work.
RUN_MIN = 3  # reviews below the old level in a low run
RUN_BELOW = 1.0  # a review at the old level sits less than this many spreads below the maker's consensus
RUN_SKIP = 1  # reviews at the old level a run may hold
# (RUN_ABSENCE, RUN_PACE, RUN_SLACK); (2.0, 2.0, 1.0) in models 2.10-2.25, (2.0, 1.5, 0.5) in 2.26, when five one-stars
# 15-45 days apart took more claims than 2.25 had (bench/scoring/RESULTS.md, "Model 2.27").
SETTLED_RUN = (2.0, 1.25, 0.5)


def settled_low_run(v: np.ndarray, w: np.ndarray, group: np.ndarray, age_days: np.ndarray, maker: np.ndarray,
                    n_m: int, scale: float, settled: tuple[float, float, float] = SETTLED_RUN,
                    skip: int = RUN_SKIP) -> np.ndarray:
    """Per review: 1 / its shared-voice factor where it belongs to a settled low run of its maker, else 1.

    v: the reviews' overall stars; w: their final weights (the consensus they define is the old level, a low
    run's outliers being down-weighted); group: the shared-voice part of those weights (robust.shared_voice).
    A run starts after one of the maker's skip + 1 newest reviews at the old level, holding the newer ones; any of
    them that is settled counts (a run after the newest may settle where the longer one, its pace read over more
    voices, does not). settled: (RUN_ABSENCE, RUN_PACE, RUN_SLACK).
    """
    level = np.bincount(maker, w * v, n_m) / np.maximum(np.bincount(maker, w, n_m), 1e-12)
    at_level = v >= level[maker] - RUN_BELOW * scale
    factor = np.ones(len(v))
    oldest = oldest_age(age_days, maker, n_m)
    for held, last in enumerate(_newest_at_level(at_level, age_days, maker, n_m, int(skip) + 1)):
        factor = np.maximum(factor, _run_after(at_level, group, age_days, maker, n_m, settled, held, last, oldest))
    return factor


def _run_after(at_level: np.ndarray, group: np.ndarray, age_days: np.ndarray, maker: np.ndarray, n_m: int,
               settled: tuple[float, float, float], held: int, last: np.ndarray, oldest: np.ndarray) -> np.ndarray:
    """settled_low_run's factors for the run after each maker's (held + 1)-th newest review at the old level (last:
    its age per maker; oldest: the age of each maker's oldest review); the maker's pace is its reviews up to there
    over the time they span (at least SEASON_DAYS)."""
    run = age_days < last[maker]
    k = np.bincount(maker, (run & ~at_level).astype(float), n_m)
    older = np.bincount(maker, (~run).astype(float), n_m)
    # The pace is checked on the run's shared voices, the reviews it would restore: a block of them at once stays
    # a block when a milder low review before it stretches the run.
    voiced = run & (group < 1.0)
    k_voiced = np.bincount(maker, voiced.astype(float), n_m)
    first = oldest_age(age_days[voiced], maker[voiced], n_m)  # age of the run's oldest shared voice
    finite = np.isfinite(last)
    last = np.where(finite, last, 0.0)
    rate = np.where(finite, older / np.maximum(oldest - last, SEASON_DAYS), 0.0)
    absence, pace, slack = settled
    ok = (finite & (k >= RUN_MIN) & (rate * last >= absence + held)
          & (k_voiced <= pace * rate * np.maximum(first, SPAN_FLOOR_DAYS) + slack))
    return np.where(run & ok[maker], 1.0 / np.maximum(group, 1e-12), 1.0)


def _newest_at_level(at_level: np.ndarray, age_days: np.ndarray, maker: np.ndarray, n_m: int,
                     count: int) -> np.ndarray:
    """Row j, per maker: the age of its (j + 1)-th newest review at the old level (inf when it has fewer), for j
    below count (the reviews are ranked once for all)."""
    idx = np.flatnonzero(at_level)
    last = np.full((count, n_m), np.inf)
    if len(idx):
        rank = _rank_within(age_days[idx], np.zeros(len(idx)), maker[idx], n_m)
        for j, row in enumerate(last):
            pick = idx[rank == j]
            row[maker[pick]] = age_days[pick]
    return last


def _withhold(tier: np.ndarray, lost: np.ndarray, withheld: np.ndarray, reason: str) -> np.ndarray:
    """tier with the claims at `lost` withheld (unproven), the reason recorded in withheld."""
    out = tier.copy()
    out[lost] = "unproven"
    withheld[lost] = reason
    return out


def restrict_to(tier: np.ndarray, checked_tier: np.ndarray, withheld: np.ndarray, reason: str) -> np.ndarray:
    """A skilled or master claim stands only as far as checked_tier supports it (reason recorded in withheld)."""
    out = _withhold(tier, np.isin(tier, UP) & ~np.isin(checked_tier, UP), withheld, reason)
    out[(tier == "master") & (checked_tier == "skilled")] = "skilled"
    return out


def withhold_contradicted(tier: np.ndarray, recent_p_skilled: np.ndarray, recent_weight: np.ndarray,
                         withheld: np.ndarray) -> np.ndarray:
    """No skilled or master claim while the recent reviews alone make "below skilled" a confident claim.

    A maker whose work got worse is a risk to the next buyer before the drop is certain enough to
    discount the old evidence. Recent reviews carry their final weights, so a bombing ring (far off the
    maker's consensus, one voice) cannot withdraw a claim this way, unless its reviews form a settled run
    (settled_low_run: nothing at the old level since, for longer than the maker's pace allows, and no faster
    than that pace), where they speak with every voice; honest reviews at a new level can, once they add up
    to RECENT_MIN_EVIDENCE (the platform prior alone never contradicts a claim, nor, read at RECENT_PRIOR_CHANCE,
    holds one up).
    """
    lost = np.isin(tier, UP) & (recent_p_skilled <= 1.0 - TIER_CONFIDENCE) & (recent_weight >= RECENT_MIN_EVIDENCE)
    return _withhold(tier, lost, withheld, WITHHELD_LOWER)
