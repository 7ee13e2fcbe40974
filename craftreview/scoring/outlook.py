"""What would change a maker's tier: rescore with simulated further reviews through the fitted model.

The promise is conditional: "about k more verified reviews averaging about the current level". The
simulated reviews are verified orders from established accounts arriving at the maker's own pace, at
a *cautious* level: the current level moved CAUTION standard deviations of the average of k real
reviews toward the target band's nearer edge, so real reviews that average about the current level
keep the promise for most makers, not half of them (checked in bench/scoring). Since model 2.18 the k
stand-ins scatter around that level as real reviews do (scattered_reviews): the favourites check sets the highest
aside, and stand-ins all at one level would each be a favourite and agree perfectly. Since 2026-12-06 the stand-ins
are the platform's own buyers (Buyers, learned with the fit): the caution and the scatter are its reviews' spread, tails
included, rather than the model's tamed noise, and its share of new accounts is among them.
"""
from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from .arrays import SignalArrays, to_arrays, to_days
from .explain import tier_targets
from .special import ndtri
from .types import CLAIM_EDGES, OVERALL_WEIGHTS, MakerScore, ReviewSignal

STEPS = (1, 2, 3, 5, 8, 12, 20)  # numbers of further reviews tried
# The simulated level is the one the average of k real reviews reaches with 95% probability: at 80%
# the promise came true for about three quarters of makers in the worst bench worlds, at 90%
# for 0.80 in the worst of 16 (150 promises each; bench/scoring/RESULTS.md).
CAUTION = float(ndtri(0.95))
_JOINED_DAYS = 730.0  # simulated buyers are established accounts (but for the platform's share of new ones, Buyers)
_NEW_JOINED_DAYS = 1.0  # ...and those standing for its new accounts redeem their order a day after joining
# The platform's spread of one review around its maker's level is read from the reviews of makers with at least
# SPREAD_MIN_REVIEWS reviews (their level is known well enough to read a review against it), the outer SPREAD_TAIL of
# each side held at its edge (one bomb's one-stars on a five-star maker do not set every promise); with fewer than
# SPREAD_MIN_ROWS such reviews the stand-ins spread as the model's noise.
SPREAD_MIN_REVIEWS = 5
SPREAD_MIN_ROWS = 100
SPREAD_TAIL = 0.005


@dataclass(frozen=True)
class Buyers:
    """What the platform's own buyers look like, for the outlook's stand-ins (learned by fit_model, stored with the fit).

    spread: the standard deviation of one review's overall star around its maker's level (bias corrected, as the
    model reads reviews; None: too few reviews to tell). new_share: the share of verified reviews redeemed by accounts
    younger than WeightParams.new_account_days, which weigh half.

    The model's noise is fitted to reviews with their tails tamed (robust.huberize): on a platform of gushing buyers
    and a few harsh critics it is a third of what real reviews scatter, and the stand-ins it spread, all established
    accounts, were kinder than the real buyers. The favourites check then held back claims the stand-ins had promised,
    or, where two in five buyers redeem their order with a fresh account, the evidence fell short of the two trusted
    reviews a claim rests on (bench.scoring.foreign_promises).
    """

    spread: float | None = None
    new_share: float = 0.0


def platform_buyers(y: np.ndarray, arr: SignalArrays, new_account_days: float) -> Buyers:
    """Buyers of a platform from its bias-corrected ratings y (n, 3) and their signals (fit_model)."""
    if arr.n == 0:
        return Buyers()
    v = np.asarray(y, dtype=float) @ np.array(OVERALL_WEIGHTS)
    count = np.bincount(arr.maker, minlength=arr.n_makers)
    total = np.bincount(arr.maker, v, minlength=arr.n_makers)
    n = count[arr.maker]
    keep = n >= SPREAD_MIN_REVIEWS
    spread = None
    if keep.sum() >= SPREAD_MIN_ROWS:
        # each review against the mean of its maker's other reviews, scaled to one review's scatter around the level
        others = (total[arr.maker] - v) / np.maximum(n - 1, 1)
        resid = ((v - others) * np.sqrt((n - 1) / np.maximum(n, 1)))[keep]
        spread = float(np.std(np.clip(resid, *np.quantile(resid, (SPREAD_TAIL, 1.0 - SPREAD_TAIL)))))
    new = np.nan_to_num(arr.t - arr.joined, nan=np.inf) < new_account_days
    base = arr.verified if arr.verified.any() else np.ones(arr.n, dtype=bool)
    return Buyers(spread=spread, new_share=float(new[base].mean()))


def cautious_shift(score: MakerScore, target: str, review_var: float, k: np.ndarray) -> np.ndarray:
    """Per number of further reviews k: stars to move the maker's level toward the target band's nearer edge.

    The move is CAUTION standard deviations of the average of k real reviews (review_var / k): real
    reviews scatter, and a promise tuned to their exact average would fail about half the time.
    """
    low, high = CLAIM_EDGES[target]
    mean = score.overall.mean
    to_low = mean - low if low is not None else math.inf
    to_high = high - mean if high is not None else math.inf
    spread = CAUTION * np.sqrt(review_var / k)
    return -spread if to_low <= to_high else spread


def average_reviews(level: np.ndarray, k: np.ndarray) -> np.ndarray:
    """Per stand-in (level (s, 3), k (s,)): k reviews at exactly the level, as (sum k, 3) rows.

    Fractional stars on purpose: whole stars would let one lucky rounding (4.6 -> 5/5/5) tip a
    tier that a typical real review at that level would not.
    """
    return np.repeat(np.clip(level, 1.0, 5.0), k, axis=0)


def scattered_reviews(level: np.ndarray, k: np.ndarray, sd: float) -> np.ndarray:
    """Per stand-in (level (s, 3), k (s,)): k reviews averaging the level, as (sum k, 3) rows, spread as real reviews
    are: the j-th of k sits at the (j + 1/2)/k quantile of a normal with standard deviation sd (one review's overall
    around the maker's level), the three stars moved together, highs and lows taking turns in time.

    Real reviews that average a level are not all at it: a check that sets the most favourable aside (the favourites
    check) leaves the lower ones, and stand-ins all at the level would promise what their scatter does not keep.
    """
    return np.clip(np.repeat(level, k, axis=0) + turn_offsets(k)[:, None] * sd, 1.0, 5.0)


def turn_offsets(k: np.ndarray) -> np.ndarray:
    """_quantile_turns(n) for every stand-in's n in k, concatenated: the standard offsets of its reviews (each distinct
    n computed once; a platform's outlook has a stand-in per pending maker and step, but only len(STEPS) counts)."""
    turns = {n: _quantile_turns(n) for n in set(k.tolist())}
    return np.concatenate([turns[n] for n in k.tolist()]) if len(k) else np.zeros(0)


def _quantile_turns(n: int) -> np.ndarray:
    """n standard normal quantiles at (j + 1/2)/n, ordered highest, lowest, second highest, ...: they sum to zero."""
    q = ndtri((np.arange(n) + 0.5) / n)[::-1]
    turns = np.empty(n, dtype=np.int64)
    turns[0::2] = np.arange((n + 1) // 2)
    turns[1::2] = n - 1 - np.arange(n // 2)
    return q[turns]


def new_accounts(k: np.ndarray, share: float, up: np.ndarray) -> np.ndarray:
    """Per stand-in review (k (s,), up (s,): whether higher reviews help the stand-in's claim; the reviews in the order
    of turn_offsets): whether it stands for a new account. round(share x k) of each stand-in's k do, spread evenly over
    its reviews from the highest to the lowest (the centres of as many equal strata), so that they cut the evidence
    without moving the level; where a centre falls between two reviews, the one that helps the claim more is taken
    (they weigh half). A stand-in's pattern depends on its k and up alone, so each is worked out once."""
    pairs = list(zip(k.tolist(), up.tolist(), strict=True))
    masks = {pair: _new_account_mask(*pair, share) for pair in set(pairs)}
    return np.concatenate([masks[pair] for pair in pairs]) if pairs else np.zeros(0, dtype=bool)


def _new_account_mask(n: int, up: bool, share: float) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    m = int(math.floor(share * n + 0.5))
    if m:
        centre = (np.arange(m) + 0.5) * n / m - 0.5  # ranks, 0 the highest review
        rank = np.floor(centre + 1e-9) if up else np.ceil(centre - 1e-9)
        order = np.argsort(-_quantile_turns(n), kind="stable")
        out[order[rank.astype(np.int64)]] = True
    return out


def _ranges(lengths: np.ndarray) -> np.ndarray:
    """Concatenated aranges: [0..l0-1, 0..l1-1, ...]."""
    total = int(lengths.sum())
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    return np.arange(total) - starts


def own_pace(t: np.ndarray, maker: np.ndarray, n_m: int) -> np.ndarray:
    """Per maker: days between its reviews so far (7-60), so simulated reviews do not look like a surge."""
    count = np.bincount(maker, minlength=n_m)
    first = np.full(n_m, np.inf)
    last = np.full(n_m, -np.inf)
    np.minimum.at(first, maker, t)
    np.maximum.at(last, maker, t)
    pace = np.where(count >= 2, (last - first) / np.maximum(count - 1, 1), 30.0)
    return np.clip(pace, 7.0, 60.0)


def _stand_ins(arr: SignalArrays, makers: np.ndarray, level: np.ndarray, now_days: float,
               counts: np.ndarray, bias: np.ndarray, scatter: float, buyers: Buyers | None = None,
               up: np.ndarray | None = None) -> tuple[SignalArrays, np.ndarray, np.ndarray]:
    """One stand-in per (pending maker, step): its real rows, then k simulated verified reviews averaging
    level[stand-in] (scattered_reviews with sd scatter; 0: all at the level). With buyers (Buyers), the platform's
    share of new accounts is among them (new_accounts; up per stand-in: whether higher reviews help its claim)."""
    n_steps, n_rev = len(STEPS), len(arr.reviewer_ids)
    order = np.argsort(arr.maker, kind="stable")
    size = np.bincount(arr.maker, minlength=arr.n_makers)
    start = np.cumsum(size) - size
    m_s = np.repeat(makers, n_steps)  # maker index per stand-in
    k_s = np.tile(np.array(STEPS), len(makers))
    real = order[np.repeat(start[m_s], size[m_s]) + _ranges(size[m_s])]
    n_real, n_sim = len(real), int(k_s.sum())
    pace = own_pace(arr.t, arr.maker, arr.n_makers)
    sim_t = now_days - 1.0 - np.repeat(pace[m_s], k_s) * _ranges(k_s)
    ratings = scattered_reviews(level, k_s, scatter) if scatter else average_reviews(level, k_s)
    joined = sim_t - _JOINED_DAYS
    if buyers is not None and buyers.new_share > 0 and up is not None:
        fresh = new_accounts(k_s, buyers.new_share, np.repeat(up, len(STEPS)))
        joined = np.where(fresh, sim_t - _NEW_JOINED_DAYS, joined)
    out = SignalArrays(
        maker_ids=list(range(len(m_s))), reviewer_ids=list(arr.reviewer_ids) + [None] * n_sim,
        maker=np.r_[np.repeat(np.arange(len(m_s)), size[m_s]), np.repeat(np.arange(len(m_s)), k_s)],
        reviewer=np.r_[arr.reviewer[real], n_rev + np.arange(n_sim)],
        ratings=np.r_[arr.ratings[real], ratings],
        t=np.r_[arr.t[real], sim_t], verified=np.r_[arr.verified[real], np.ones(n_sim, bool)],
        joined=np.r_[arr.joined[real], joined],
        promised=np.r_[arr.promised[real], np.full(n_sim, np.nan)],
        delivered=np.r_[arr.delivered[real], np.full(n_sim, np.nan)],
        review_ids=[None] * (n_real + n_sim), custom=np.r_[arr.custom[real], np.zeros(n_sim, bool)],
        ring=np.r_[arr.ring[real], np.zeros(n_sim, bool)])
    return out, np.r_[counts[real], np.ones(n_sim)], np.r_[bias[real], np.zeros(n_sim)]


# Where the nearer claim is worth promising when the tier the mean points at is out of reach: a maker whose mean is past
# the master line but who holds no skilled claim yet (too few voices, say) is better told what makes it skilled.
_FALLBACK = {"master": "skilled"}


def tier_outlooks(model, signals: Iterable[ReviewSignal], scores: Mapping[Hashable, MakerScore], *,
                  now: datetime, crafts: Mapping[Hashable, str | None] | None = None) -> dict[Hashable, dict]:
    """{maker_id: {"target_tier", "extra_verified_reviews_needed" (0 = holds now, None = not within 20)}}.

    The target is the tier the maker's overall mean points at; where that is out of reach within 20 reviews and the
    maker does not hold the nearer claim (_FALLBACK) either, the nearer claim is the target instead."""
    crafts = crafts or {}
    ids = list(scores)
    means = np.array([scores[m].overall.mean for m in ids], dtype=float)
    targets = dict(zip(ids, tier_targets(means), strict=True))
    out = {m: {"target_tier": targets[m], "extra_verified_reviews_needed": 0}
           for m in ids if scores[m].tier == targets[m]}
    pending = [m for m in ids if m not in out]
    if not pending:
        return out
    arr = to_arrays(signals)
    index = {mid: i for i, mid in enumerate(arr.maker_ids)}
    for m in pending:
        if m not in index:  # makers without reviews: nothing to extrapolate from
            out[m] = {"target_tier": targets[m], "extra_verified_reviews_needed": None}
    pending = [m for m in pending if m in index]
    if not pending:
        return out
    needed = _reviews_needed(model, arr, index, scores, {m: targets[m] for m in pending}, now, crafts)
    nearer = {m: _FALLBACK[targets[m]] for m in pending if needed[m] is None and targets[m] in _FALLBACK
              and not reaches(scores[m].tier, _FALLBACK[targets[m]])}
    if nearer:
        targets.update(nearer)
        needed.update(_reviews_needed(model, arr, index, scores, nearer, now, crafts))
    out.update({m: {"target_tier": targets[m], "extra_verified_reviews_needed": needed[m]} for m in pending})
    return out


def _reviews_needed(model, arr: SignalArrays, index: dict, scores: Mapping[Hashable, MakerScore],
                    targets: dict[Hashable, str], now: datetime, crafts: Mapping[Hashable, str | None]) -> dict:
    """{maker_id: the fewest of STEPS further verified reviews after which the maker holds its target (None: not
    within the last)}, each maker rescored with stand-ins at a level cautiously short of the target (cautious_shift)."""
    pending = list(targets)
    a = np.array(OVERALL_WEIGHTS)
    review_var = float(a @ model.params.noise[:3, :3] @ a)
    buyers = model.outlook_buyers if model.options.outlook_buyers and model.options.outlook_scatter else None
    if buyers is not None and buyers.spread is not None:  # real reviews spread as the platform's do, tails and all
        review_var = buyers.spread ** 2
    steps = np.array(STEPS, dtype=float)
    level = np.concatenate([
        np.array([e.mean for e in (scores[m].craftsmanship, scores[m].consistency, scores[m].delivery)])[None, :]
        + cautious_shift(scores[m], targets[m], review_var, steps)[:, None] for m in pending]).reshape(-1, 3)
    up = np.array([cautious_shift(scores[m], targets[m], review_var, steps[:1])[0] < 0 for m in pending], dtype=bool)
    stand, counts, bias = _stand_ins(arr, np.array([index[m] for m in pending], dtype=np.int64), level,
                                     to_days(now), model.row_counts(arr), model._row_bias(arr),
                                     math.sqrt(review_var) if model.options.outlook_scatter else 0.0, buyers, up)
    crafts_s = [crafts.get(m) for m in pending for _ in STEPS]
    tiers = model.batch_tiers(model.prepare_arrays(stand, counts, bias, to_days(now)), crafts_s)
    return {m: next((k for k, t in zip(STEPS, tiers[i * len(STEPS):(i + 1) * len(STEPS)], strict=True)
                     if reaches(t, targets[m])), None) for i, m in enumerate(pending)}


def reaches(tier: str, target: str) -> bool:
    """Whether a tier fulfils a promise of target ("skilled" is also kept by a master)."""
    return tier == target or (target == "skilled" and tier == "master")
