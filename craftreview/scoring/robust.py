"""Per-maker robustness: reviews far from the maker's own consensus, and makers whose work got worse.

Both act on a review's overall star (0.5/0.25/0.25 of its bias-corrected stars) measured in units of
the platform's typical review-to-review spread, so no threshold is in stars an attacker could aim at.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .rows import times
from .types import OVERALL_WEIGHTS

OUTLIER_C = 2.5  # Cauchy scale in spreads: a review 2.5 spreads off the consensus keeps half its weight
GROUP_Z = 2.5  # reviews this many spreads off the consensus count towards a same-direction group
DROP_GROUP = (2.0, 4.0)  # drop test: a review joins a same-direction group from 2 spreads off, fully at 4
OUTLIER_RAMP = 6.0  # the consensus needs this much other evidence before it judges a review fully
PRIOR_STRENGTH = 2.0  # pseudo-reviews at the platform centre behind the consensus
CHANGE_SPLITS = (60.0, 120.0, 180.0, 270.0, 365.0)  # candidate ages (days) of a change in quality
CHANGE_Z = 3.0  # a drop must be this many standard errors to count as a change in quality
CHANGE_MIN_EFFECTIVE = 1.5  # ...with at least this much (outlier-weighted) evidence on both sides
# A rise in quality is followed once the new level shows in reviews at least RISE_STOOD_DAYS old (SEASON_DAYS: praise
# younger than that is what the seasoning reads against the level before it), at least RISE_Z standard errors above the
# level before (2.5, not CHANGE_Z: only reviews that have stood take part, so the new level's evidence is a few
# reviews; 3.0 followed half as many of the bench's improved makers). bench/scoring/RESULTS.md, "Model 2.13".
RISE_STOOD_DAYS = 120.0
RISE_Z = 2.5
RISE_STEP_DAYS = 30.0  # candidate ages of a rise: every this many days from stood_days + RISE_STEP_DAYS...
RISE_LAST_DAYS = 540.0  # ...to this age
# Evidence from before a drop keeps this share of its weight: a hedge against a false detection, small
# because older reviews at the old level bias the estimate of the new one (0.1 in model 2.1; bench/scoring/
# RESULTS.md, "Experiments (branch model5)").
CHANGE_OLD_FACTOR = 0.05
# Fully trusted reviews since a detected drop before the maker's prior widens by a step (model.prior_after_drop):
# fewer cannot tell a new level from a couple of low reviews on a steady record.
DROP_PRIOR_EVIDENCE = 3.0
CENTRE_TRIM = 0.2  # the platform centre is the mean of the middle 60% of review overall stars
OUTLIER_PASSES = 3
HUBER_Z = 3.0  # for global statistics, a review's residual counts up to this many spreads
# An older review is judged against the maker's history (outlier_factor) once the other older reviews are worth this
# many fully trusted reviews (model 2.7); with less, partly (linearly), and alone wholly, against all the others.
HISTORY_MIN = 1.0
_A = np.array(OVERALL_WEIGHTS)


@dataclass
class Robustness:
    """Per-review factors and per-maker change points (age in days, NaN if none)."""

    outlier: np.ndarray
    change: np.ndarray
    change_age: np.ndarray
    group: np.ndarray  # the shared-voice part of outlier (1/k for k same-direction outliers on one maker)
    rise_age: np.ndarray  # per maker: age in days of a rise that has stood (rise_points), NaN if none
    drop_size: np.ndarray  # per maker: the drop's size in standard errors (change_points), NaN if none


def review_overall(y: np.ndarray) -> np.ndarray:
    """One number per review: its overall star, bias-corrected."""
    return times(y, _A)


def fit_scale(y: np.ndarray, w: np.ndarray, maker: np.ndarray, n_m: int, trusted: np.ndarray | None = None,
              consensus_w: np.ndarray | None = None) -> tuple[float, float]:
    """(typical spread of a review around its maker's mean, platform centre), both robust to a few fakes.

    trusted: only these reviews' residuals measure the spread (when there are enough of them), as the
    noise model uses verified reviews only. consensus_w: weights of the maker mean the residuals are
    taken from (default w); outlier-weighted, a ring cannot drag the mean away from the honest reviews
    and make every one of them look far off.
    """
    if len(w) == 0:
        return 0.8, 3.8
    v = review_overall(y)
    count = np.bincount(maker, minlength=n_m)
    cw = w if consensus_w is None else consensus_w
    mean = np.bincount(maker, cw * v, n_m) / np.maximum(np.bincount(maker, cw, n_m), 1e-12)
    rows = count[maker] >= 3
    if trusted is not None and (rows & trusted).sum() >= 20:
        rows = rows & trusted
    if rows.sum() < 20:
        return 0.8, float(np.median(v))
    resid = np.abs(v[rows] - mean[maker[rows]])
    dof = np.sqrt(np.mean(count[maker[rows]] / (count[maker[rows]] - 1.0)))
    return max(float(1.4826 * np.median(resid) * dof), 0.2), _trimmed_mean(v)


def _trimmed_mean(v: np.ndarray, cut: float = CENTRE_TRIM) -> float:
    """Mean of the middle of v: robust like the median, but it does not jump between the discrete star levels."""
    lo, hi = np.quantile(v, [cut, 1.0 - cut])
    mid = v[(v >= lo) & (v <= hi)]
    return float(mid.mean()) if len(mid) else float(np.median(v))


def huberize(y: np.ndarray, w: np.ndarray, maker: np.ndarray, n_m: int, scale: float) -> np.ndarray:
    """Ratings (n, 3) with each review pulled toward its maker's weighted mean to at most HUBER_Z spreads.

    For global statistics (noise, drift): a handful of fakes far off their makers' consensus would
    otherwise inflate every other maker's noise; honest reviews are almost never that far out.
    """
    total = np.maximum(np.bincount(maker, w, n_m), 1e-12)
    mean = np.column_stack([np.bincount(maker, w * y[:, d], n_m) for d in range(y.shape[1])]) / total[:, None]
    resid = y - mean[maker]
    far = np.abs(review_overall(resid)) / (HUBER_Z * scale)
    return mean[maker] + resid / np.maximum(far, 1.0)[:, None]


def _weighted_mean(idx, w, v, n):
    return np.bincount(idx, w * v, n), np.bincount(idx, w, n)


def outlier_factor(v: np.ndarray, w: np.ndarray, maker: np.ndarray, n_m: int, scale: float,
                   centre: float, exempt: np.ndarray | None = None, grouped: bool = True,
                   recent: np.ndarray | None = None, recent_share: np.ndarray | None = None
                   ) -> tuple[np.ndarray, np.ndarray]:
    """(weight factor, z) for reviews far from the consensus of the maker's *other* reviews.

    Same-direction outliers share one voice inside the consensus too (grouped), not only in the final
    weight, so a block of fakes cannot hold the consensus toward itself and make honest reviews look like
    the outliers. recent (per review, optional): an older review is judged against the maker's other older
    reviews and the recent ones at recent_share of their weight (what the maker's older pace predicts), so a
    burst cannot make the maker's history look out of line, while a steady run of newer reviews still can (a
    recent review is judged against all the others, as before). With less than HISTORY_MIN of other older
    evidence an older review is judged partly, and when it is the only one wholly, against all the others:
    one review cannot be judged by little more than the platform centre.
    """
    exempt = np.zeros(len(v), dtype=bool) if exempt is None else exempt
    older = None if recent is None else ~recent
    share = np.zeros(len(v)) if recent_share is None else recent_share
    f = np.ones(len(v))
    for _ in range(OUTLIER_PASSES):
        own_w = w * f
        s, ww = _weighted_mean(maker, own_w, v, n_m)
        rest_s, rest_w = s[maker] - own_w * v, ww[maker] - own_w
        if older is not None:  # with no recent window every review is judged against all the others
            own_old = np.where(older, own_w, 0.0)
            w_o = np.bincount(maker, own_old, n_m)
            s_h, w_h = _weighted_mean(maker, own_w * np.where(older, 1.0, share), v, n_m)
            # An older review with little other older evidence is judged against everything, as before.
            a = np.where(older, np.clip((w_o[maker] - own_old) / HISTORY_MIN, 0.0, 1.0), 0.0)
            rest_s -= a * (s[maker] - s_h[maker])
            rest_w -= a * (ww[maker] - w_h[maker])
        rest_w = np.maximum(rest_w, 0.0)
        level = (rest_s + PRIOR_STRENGTH * centre) / (rest_w + PRIOR_STRENGTH)
        f, z = _cauchy(v, level, rest_w, scale)
        f = f * shared_voice(z, maker, n_m, exempt) if grouped else f
    return f, z


def _cauchy(v, level, rest_w, scale):
    """Cauchy weight factor and z of each review against level, phased in with the maker's other evidence
    (rest_w: the weight of the reviews level was taken from)."""
    sd = scale * np.sqrt(1.0 + 1.0 / (rest_w + PRIOR_STRENGTH))
    z = (v - level) / sd
    ramp = np.clip(rest_w / OUTLIER_RAMP, 0.0, 1.0)
    return 1.0 - ramp * (1.0 - 1.0 / (1.0 + (z / OUTLIER_C) ** 2)), z * ramp


def shared_voice(z: np.ndarray, maker: np.ndarray, n_m: int, exempt: np.ndarray) -> np.ndarray:
    """Reviews far off a maker's consensus *in the same direction* share one voice: 1/k each for k of them.

    One outlier is an unhappy (or delighted) buyer; five at once, at any spacing and from any kind of
    account, is what a ring looks like. Reviews after a detected drop are the new level, not outliers.
    """
    out = np.ones(len(z))
    for sign in (-1.0, 1.0):
        hit = (sign * z > GROUP_Z) & ~exempt
        k = np.bincount(maker[hit], minlength=n_m)
        out[hit] = 1.0 / np.maximum(k[maker[hit]], 1)
    return out


def drop_test_voice(z: np.ndarray, maker: np.ndarray, n_m: int) -> np.ndarray:
    """shared_voice for the drop test, without its cliff at GROUP_Z: a review joins a same-direction group
    gradually, from DROP_GROUP[0] spreads off the consensus (not at all) to DROP_GROUP[1] (fully); 1/k for k
    full members.

    Honest reviews at a new, lower level sit around GROUP_Z (how far depends on the spread), a ring's
    extremes far beyond it; with a cliff at GROUP_Z a few percent of spread decided between the two.
    """
    out = np.ones(len(z))
    for sign in (-1.0, 1.0):
        member = np.clip((sign * z - DROP_GROUP[0]) / (DROP_GROUP[1] - DROP_GROUP[0]), 0.0, 1.0)
        k = np.bincount(maker, member, n_m)[maker]
        out = out / (1.0 + member * np.maximum(k - 1.0, 0.0))
    return out


def _split_gaps(v: np.ndarray, w: np.ndarray, age_days: np.ndarray, maker: np.ndarray, n_m: int, scale: float,
                splits: np.ndarray, floor: float = -np.inf, w_min: np.ndarray | None = None) -> np.ndarray:
    """Per maker and candidate age (n_m, len(splits), ascending): the weighted mean of the reviews younger than the
    split minus that of the older ones, in standard errors; NaN where a side holds less than CHANGE_MIN_EFFECTIVE.
    Only reviews at least floor days old take part. w_min (default w): the weights the CHANGE_MIN_EFFECTIVE condition
    counts. Every candidate at once: each review's weight is binned by the
    candidates around it, and the newer side of each is a running sum over the bins (one pass, not one per split)."""
    k = len(splits)
    keep = age_days >= floor
    cell = maker[keep] * (k + 1) + np.searchsorted(splits, age_days[keep], side="right")  # bin j: before splits[j]
    wk = w[keep]
    weight = np.bincount(cell, wk, n_m * (k + 1)).reshape(n_m, k + 1)
    total = np.bincount(cell, wk * v[keep], n_m * (k + 1)).reshape(n_m, k + 1)
    # Weights are precisions (1 = a fresh verified order), so the evidence on a side is their sum: five reviews
    # weighted 0.1 are half a review, not five.
    n_r, s_r = np.cumsum(weight, axis=1)[:, :k], np.cumsum(total, axis=1)[:, :k]  # newer than each candidate
    n_o, s_o = weight.sum(axis=1)[:, None] - n_r, total.sum(axis=1)[:, None] - s_r
    gap = s_r / np.maximum(n_r, 1e-12) - s_o / np.maximum(n_o, 1e-12)
    z = gap / (scale * np.sqrt(1.0 / np.maximum(n_r, 1e-9) + 1.0 / np.maximum(n_o, 1e-9)))
    if w_min is not None:
        least = np.bincount(cell, w_min[keep], n_m * (k + 1)).reshape(n_m, k + 1)
        n_r, n_o = np.cumsum(least, axis=1)[:, :k], least.sum(axis=1)[:, None] - np.cumsum(least, axis=1)[:, :k]
    return np.where((n_r >= CHANGE_MIN_EFFECTIVE) & (n_o >= CHANGE_MIN_EFFECTIVE), z, np.nan)


def _strongest(z: np.ndarray, splits: np.ndarray, beyond: float) -> np.ndarray:
    """Per maker: the candidate age whose gap goes furthest beyond `beyond` (below it when negative, above when
    positive; the youngest on a tie), NaN when none does."""
    signed = np.nan_to_num(z * np.sign(beyond), nan=-np.inf)
    best = np.argmax(signed, axis=1)
    return np.where(signed[np.arange(len(z)), best] > abs(beyond), splits[best], np.nan)


def change_points(v: np.ndarray, w: np.ndarray, age_days: np.ndarray, maker: np.ndarray, n_m: int,
                  scale: float, w_min: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Per maker, the age of the most significant *drop* in quality (NaN if none is significant), and its size in
    standard errors (NaN if none).

    A maker whose work got worse is a risk to the next buyer now, so a drop is followed as soon as it is
    significant; a jump upward is what shills produce and is followed only once it has stood (rise_points).
    """
    splits = np.array(CHANGE_SPLITS)
    z = _split_gaps(v, w, age_days, maker, n_m, scale, splits, w_min=w_min)
    age = _strongest(z, splits, -CHANGE_Z)
    found = np.isfinite(age)
    size = np.full(n_m, np.nan)
    size[found] = -z[found, np.searchsorted(splits, age[found])]
    return age, size


def rise_points(v: np.ndarray, w: np.ndarray, age_days: np.ndarray, maker: np.ndarray, n_m: int, scale: float,
                stood_days: float, z_min: float = RISE_Z) -> np.ndarray:
    """Per maker, the age of the most significant *rise* in quality that has stood (NaN if none).

    Only reviews at least stood_days old take part: the new level must already show in reviews that have
    stood that long, with CHANGE_MIN_EFFECTIVE of evidence, and z_min standard errors above the level before.
    Praise younger than that, at any spacing, cannot make a rise; it is seasoned against the level it follows.
    """
    splits = np.arange(stood_days + RISE_STEP_DAYS, RISE_LAST_DAYS + 1.0, RISE_STEP_DAYS)
    return _strongest(_split_gaps(v, w, age_days, maker, n_m, scale, splits, stood_days), splits, z_min)


def evidence_since(weight: np.ndarray, age_days: np.ndarray, maker: np.ndarray, n_m: int,
                   change_age: np.ndarray) -> np.ndarray:
    """Per maker, the weight of its reviews written since its detected drop (0 where none was detected)."""
    since = age_days < np.nan_to_num(change_age, nan=-np.inf)[maker]
    return np.bincount(maker, weight * since, n_m)


def old_share(old_factor: float, size: np.ndarray) -> np.ndarray:
    """Per maker, the share of its weight evidence from before a detected drop keeps: old_factor at the test's
    threshold, old_factor x (CHANGE_Z / size)^2 beyond it (size: the drop in standard errors, NaN if none). The
    hedge against a false detection shrinks as the evidence of the fall grows."""
    return old_factor * np.minimum(1.0, CHANGE_Z / np.nan_to_num(size, nan=CHANGE_Z)) ** 2


def robustness(y: np.ndarray, w: np.ndarray, age_days: np.ndarray, maker: np.ndarray, n_m: int,
               scale: float, centre: float, age_factor: np.ndarray | None = None, soft_drop: bool = True,
               old_factor: float = CHANGE_OLD_FACTOR, recent: np.ndarray | None = None,
               recent_share: np.ndarray | None = None, rise_days: float | None = None,
               rise_z: float = RISE_Z, old_by_size: bool = False, unvoiced_min: bool = False,
               known_drops: tuple[np.ndarray, np.ndarray] | None = None) -> Robustness:
    """Outlier factors, then drop detection on the down-weighted evidence.

    The drop test compares levels before and after, so recency (age_factor) is taken back out of the
    weights there: an old review is less relevant to now, not less informative about back then. recent and
    recent_share: how an older review's consensus counts the recent window (outlier_factor). rise_days: also
    follow a rise that has stood that many days (rise_points) where no drop is found; None: only drops.
    known_drops: (age, size in standard errors) per maker of the drops found on a fuller record of these reviews,
    taken as they are instead of testing for a drop again (rises are still tested).
    """
    v = review_overall(y)
    change, change_age, size, rise_age = _changes(v, w, age_days, maker, n_m, scale, centre, age_factor, soft_drop,
                                                  old_factor, recent, recent_share, rise_days, rise_z, old_by_size,
                                                  unvoiced_min, known_drops)
    after_drop = np.isfinite(change_age[maker]) & (age_days < np.nan_to_num(change_age[maker], nan=-np.inf))
    # Final factors: judged against the consensus *after* a change, with same-direction outliers as one voice
    # (except after a drop: honest reviews at the new, lower level are not a ring).
    outlier, z = outlier_factor(v, w * change, maker, n_m, scale, centre, after_drop, recent=recent, recent_share=recent_share)
    return Robustness(outlier, change, change_age, shared_voice(z, maker, n_m, after_drop), rise_age, size)


def _changes(v, w, age_days, maker, n_m, scale, centre, age_factor, soft_drop, old_factor, recent, recent_share,
             rise_days, rise_z, old_by_size, unvoiced_min, known_drops
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """robustness's drop and rise tests: (change factor per review; per maker the drop's age and size, and the rise's
    age, NaN if none); known_drops: the drops (age, size) as found elsewhere, not tested again."""
    outlier, z = outlier_factor(v, w, maker, n_m, scale, centre, grouped=False, recent=recent, recent_share=recent_share)
    # A ring's same-direction outliers must not pass for a drop in quality, so they share a voice here
    # too, but more gently (1/sqrt(k)): several honest reviews at a new, lower level are a drop, not a ring.
    voice = drop_test_voice(z, maker, n_m) if soft_drop else shared_voice(z, maker, n_m, np.zeros(len(v), dtype=bool))
    judged = w * outlier / (1.0 if age_factor is None else np.maximum(age_factor, 1e-12))
    fresh = judged * np.sqrt(voice)
    # unvoiced_min: the evidence a side needs is counted before the shared voice (which still shapes the test itself)
    if known_drops is None:
        change_age, size = change_points(v, fresh, age_days, maker, n_m, scale, judged if unvoiced_min else None)
    else:
        change_age, size = known_drops
    kept = old_share(old_factor, size)[maker] if old_by_size else old_factor
    rise_age = np.full(n_m, np.nan)
    if rise_days is not None:
        rise_age = np.where(np.isfinite(change_age), np.nan, rise_points(v, fresh, age_days, maker, n_m, scale, rise_days, rise_z))
    split = np.where(np.isfinite(change_age), change_age, rise_age)[maker]
    change = np.where(np.isfinite(split) & (age_days >= np.nan_to_num(split, nan=np.inf)), kept, 1.0)
    return change, change_age, size, rise_age
