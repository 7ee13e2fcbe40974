"""Where in its history a maker's level may have stepped, and what that does to the 90% interval.

Makers change all at once as often as slowly: a new kiln, a new supplier, an apprentice taking over. The
estimate follows a step only as far as its robust weights let it (older reviews keep weight, an upward step
is seasoned like recent praise), so a maker whose reviews split into an earlier and a later level has an
estimate that may sit between the two. change.py compares one fixed window with the rest; a step can fall
anywhere, so here every place in a maker's history with at least MIN_SIDE reviews on each side is a
candidate:

    no step:        the model's own posterior, N(mean, sd^2)
    a step after k: the level now is the later reviews' level, N(m_k, v_k), where the later reviews are
                    weighed against the earlier level plus a step ~ N(0, step_var)

with prior P(step) = step_share spread evenly over a maker's candidates, and the evidence for a step after k
the gap d_k between the later and earlier overall-star means against its sampling variance s2_k (the
ratio of N(d_k; 0, s2_k + step_var) to N(d_k; 0, s2_k)). step_share and step_var are fitted to the platform
by maximum likelihood on a grid, after s2 is scaled so that the median gap matches a chi-square's
(noise_scale). The 90% interval runs to the mixture's 5% and 95% points where they lie beyond the model's own
interval, never inside it; the estimate, the tier probabilities and the claims stay the model's own, so a
burst of praise can widen a maker's range upward but cannot lift its score or its tier.

Weights (model._step_scan) are the model's provenance, surge and shared-voice factors without the age decay
(in a step model an old review is evidence about the earlier level, not a blurred view of today's) and
without the outlier and drop factors (a step's earlier reviews are what those discount).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .posterior import normal_ranges, z_at
from .rows import times
from .special import table_coordinates, tabulated_ndtr, tabulated_ndtr_at
from .types import OVERALL_WEIGHTS

MIN_SIDE = 2  # reviews on each side of a candidate step
MIN_MAKERS = 10  # makers with a candidate step needed before a platform's step mixture is fitted
FIT_MAKERS = 5_000  # the mixture is fitted on at most this many makers with candidates (spread evenly)
# An interval end moves only where the steps put this much more than their share beyond it: less moves it by
# under a few thousandths of a star.
_MOVE = 1e-3
_BLOCK_MAKERS = 20_000  # makers whose intervals are stretched at once
_PRUNE = 1e-3  # candidate steps less likely than this are folded into 'no step'
_BISECT = 12  # halvings of the search bracket for each interval end (2^-12 of a few tenths of a star)
_W = np.array(OVERALL_WEIGHTS)
_KEY_STRIDE = 1e6  # days: reviews up to 2,700 years old sort correctly within a maker
_CHI2_MEDIAN = 0.45494  # median of a chi-square with one degree of freedom
# The grid the mixture is fitted on. A step is at least a third of a star or so (variance 0.1): a share of makers
# with smaller 'steps' is how a mixture would fit review noise with heavier tails than a normal's, which the
# posterior's own spread already prices.
_SHARES = np.geomspace(0.01, 0.5, 7)
_VARS = np.geomspace(0.1, 3.0, 7)
_FINE = np.exp(np.array([-0.5, -0.25, 0.25, 0.5]))  # ** log(coarse step): half and quarter cells either side


@dataclass
class StepScan:
    """Every candidate step of every maker, sorted by maker (oldest split first)."""

    maker: np.ndarray  # (C,) maker index
    d: np.ndarray  # (C,) later minus earlier weighted mean of the overall star
    s2: np.ndarray  # (C,) its sampling variance
    w_before: np.ndarray  # (C,) evidence before, in fully trusted reviews
    w_after: np.ndarray  # (C,) evidence after
    before: np.ndarray  # (C, 3) earlier weighted mean stars
    after: np.ndarray  # (C, 3) later weighted mean stars
    n_makers: int

    def take(self, rows: np.ndarray) -> StepScan:
        """The candidates where rows (a mask or indices over candidates) selects."""
        return StepScan(self.maker[rows], self.d[rows], self.s2[rows], self.w_before[rows], self.w_after[rows],
                        self.before[rows], self.after[rows], self.n_makers)

    def starts(self) -> tuple[np.ndarray, np.ndarray]:
        """Makers with candidates and the index of each one's first candidate."""
        if not len(self.maker):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        first = np.flatnonzero(np.r_[True, self.maker[1:] != self.maker[:-1]])
        return self.maker[first], first


def scan_steps(y: np.ndarray, w: np.ndarray, age_days: np.ndarray, maker: np.ndarray, n_m: int,
               noise3: np.ndarray) -> StepScan:
    """Candidate steps from bias-corrected stars y (n, 3) and weights w (n,) with no age decay."""
    # each maker's reviews oldest first (one float key sorts faster than lexsort; ages are far below the stride)
    order = np.argsort(maker * _KEY_STRIDE - age_days, kind="stable")
    mk, ww = maker[order], w[order]
    wy = ww[:, None] * y[order]
    count = np.bincount(maker, minlength=n_m)
    first = np.concatenate([[0], np.cumsum(count)[:-1]])
    pos = np.arange(len(mk)) - first[mk]
    cw, cwy = np.cumsum(ww), np.cumsum(wy, axis=0)
    head_w = (cw - ww)[first[mk]]  # evidence of earlier makers, subtracted to get this maker's running sums
    head_wy = (cwy - wy)[first[mk]]
    w_before, sum_before = cw - head_w, cwy - head_wy
    total_w = np.bincount(maker, w, n_m)[mk]
    total_wy = np.column_stack([np.bincount(maker, w * y[:, j], n_m) for j in range(3)])[mk]
    w_after, sum_after = total_w - w_before, total_wy - sum_before
    ok = (pos + 1 >= MIN_SIDE) & (count[mk] - pos - 1 >= MIN_SIDE) & (w_before > 1e-6) & (w_after > 1e-6)
    wb, wa = w_before[ok], w_after[ok]
    before, after = sum_before[ok] / wb[:, None], sum_after[ok] / wa[:, None]
    noise_overall = float(_W @ noise3 @ _W)
    return StepScan(mk[ok], times(after - before, _W), noise_overall * (1 / wa + 1 / wb), wb, wa, before, after, n_m)


def _log_norm_ratio(d: np.ndarray, s2: np.ndarray, var: float) -> np.ndarray:
    """log N(d; 0, s2 + var) - log N(d; 0, s2): the evidence for a step of variance var."""
    return 0.5 * (d * d / s2 - d * d / (s2 + var) + np.log(s2 / (s2 + var)))


def step_probabilities(sc: StepScan, share: float, var: float) -> tuple[np.ndarray, np.ndarray]:
    """(P(step after candidate k) per candidate, P(no step) per maker; 1 for makers without candidates)."""
    no_step = np.ones(sc.n_makers)
    if share <= 0.0 or not len(sc.maker):
        return np.zeros(len(sc.maker)), no_step
    makers, first = sc.starts()
    n_cand = np.bincount(sc.maker, minlength=sc.n_makers)
    log_p = _log_norm_ratio(sc.d, sc.s2, var) + np.log(share / n_cand[sc.maker])
    top = np.maximum(np.maximum.reduceat(log_p, first), np.log(1.0 - share))  # per maker with candidates
    ratio = np.exp(log_p - np.repeat(top, np.diff(np.r_[first, len(log_p)])))
    stay = (1.0 - share) * np.exp(-top)  # P(no step) up to the same factor as ratio
    norm = stay + np.add.reduceat(ratio, first)
    p = ratio / np.repeat(norm, np.diff(np.r_[first, len(log_p)]))
    no_step[makers] = stay / norm
    return p, no_step


def _fit_subset(sc: StepScan) -> StepScan:
    """At most FIT_MAKERS makers' candidates, makers spread evenly over the platform (deterministic)."""
    makers = sc.starts()[0]  # candidates are sorted by maker (np.unique would hash them all again)
    if len(makers) <= FIT_MAKERS:
        return sc
    keep = np.zeros(sc.n_makers, dtype=bool)
    keep[makers[np.linspace(0, len(makers) - 1, FIT_MAKERS).astype(np.int64)]] = True
    return sc.take(keep[sc.maker])


def noise_scale(sc: StepScan) -> float:
    """How far the gaps' spread departs from the sampling variance the weights imply: the median of d^2 / s2
    over every candidate against a chi-square with one degree of freedom's (0.455). Review weights price
    provenance as well as noise, so a weight of 0.75 need not mean a noisier review; the few makers that did
    step barely move a median."""
    if not len(sc.d):
        return 1.0
    return float(np.clip(np.median(sc.d * sc.d / sc.s2) / _CHI2_MEDIAN, 0.25, 4.0))


def _log_likelihood(sc: StepScan, first: np.ndarray, n_cand: np.ndarray, share: float, var: float) -> float:
    """Log marginal likelihood of every maker's gaps under the mixture, relative to 'no step anywhere'."""
    ratio = np.exp(np.minimum(_log_norm_ratio(sc.d, sc.s2, var), 200.0)) / n_cand[sc.maker]
    return float(np.sum(np.log1p(share * (np.add.reduceat(ratio, first) - 1.0))))


def fit_step_mixture(sc: StepScan) -> tuple[float, float, float]:
    """(step_share, step_var, noise_scale), the first two by maximum likelihood on a grid, with the gaps'
    sampling variance scaled by the third; (0, 0, 1) with fewer than MIN_MAKERS makers that have a candidate."""
    sc = _fit_subset(sc)
    makers, first = sc.starts()
    if len(makers) < MIN_MAKERS:
        return 0.0, 0.0, 1.0
    scale = noise_scale(sc)
    sc = replace(sc, s2=sc.s2 * scale)
    n_cand = np.bincount(sc.maker, minlength=sc.n_makers)
    best = max((_log_likelihood(sc, first, n_cand, share, var), share, var)
               for share in _SHARES for var in _VARS)
    # then a finer grid around the best point, a cell of the coarse grid wide, inside the coarse grid's range
    for share in np.clip(best[1] * _FINE ** np.log(_SHARES[1] / _SHARES[0]), _SHARES[0], _SHARES[-1]):
        for var in np.clip(best[2] * _FINE ** np.log(_VARS[1] / _VARS[0]), _VARS[0], _VARS[-1]):
            best = max(best, (_log_likelihood(sc, first, n_cand, share, var), share, var))
    return (best[1], best[2], scale) if best[0] > 0.0 else (0.0, 0.0, scale)


def _later_level(sc: StepScan, noise: np.ndarray, var: float, sel: np.ndarray, prior_mean: np.ndarray,
                 prior_var: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Level now (mean, variance) per selected candidate if the step happened there, for the three stars
    and the overall star (columns 0-3): the later reviews weighed against the earlier level plus a step and
    against the maker's prior (prior_mean, prior_var: (n_m, 4)), as the model weighs its reviews."""
    wb, wa = sc.w_before[sel, None], sc.w_after[sel, None]
    before = np.column_stack([sc.before[sel], times(sc.before[sel], _W)])
    after = np.column_stack([sc.after[sel], times(sc.after[sel], _W)])
    n = np.r_[np.diag(noise), _W @ noise @ _W][None, :]
    earlier_var = n / wb + var
    maker = sc.maker[sel]
    precision = wa / n + 1.0 / earlier_var + 1.0 / prior_var[maker]
    mean = (wa * after / n + before / earlier_var + prior_mean[maker] / prior_var[maker]) / precision
    return mean, 1.0 / precision


def mixture_mean(sc: StepScan, share: float, var: float, scale: float, noise3: np.ndarray, mean: np.ndarray,
                 prior_mean: np.ndarray, prior_var: np.ndarray) -> np.ndarray:
    """(n_m, 3): each maker's three stars averaged over the mixture step_bounds reads (the model's posterior mean
    `mean`, (n_m, 3), with P(no step), and every candidate step's later level with its probability; prior_mean,
    prior_var: (n_m, 4) as in step_bounds). A bench switch's estimate (ModelOptions.step_estimate); the model's
    own estimate is `mean`."""
    sc = replace(sc, s2=sc.s2 * scale)
    p, stay = step_probabilities(sc, share, var)
    out = stay[:, None] * mean
    if len(p):
        level = _later_level(sc, noise3 * scale, var, np.arange(len(p)), prior_mean, prior_var)[0]
        for j in range(3):
            out[:, j] += np.bincount(sc.maker, p * level[:, j], sc.n_makers)
    return out


def mixture_quantiles(owner: np.ndarray, p: np.ndarray, mu: np.ndarray, sd: np.ndarray, q: np.ndarray,
                      z: np.ndarray, beyond: np.ndarray | None = None) -> np.ndarray:
    """q[g]-quantile (z[g] that of a standard normal) of each mixture g of normals (component i belongs to
    mixture owner[i], sorted by owner; every mixture has a component), all found in one vectorised bisection.
    The quantile lies between the smallest and the largest of its components' own q-quantiles, a bracket of a
    few tenths of a star; `beyond` (per mixture), a point the quantile is known to lie beyond, narrows it.
    (Newton steps, tried, converge slowly where the mixture has two humps.)"""
    n = len(q)
    first = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    own = mu + z[owner] * sd
    lo, hi = np.minimum.reduceat(own, first), np.maximum.reduceat(own, first)
    if beyond is not None:
        lo, hi = np.where(z < 0, lo, np.maximum(lo, beyond)), np.where(z < 0, np.minimum(hi, beyond), hi)
    a, b = table_coordinates(mu, sd)
    for _ in range(_BISECT):
        mid = (lo + hi) / 2
        t = mid[owner]
        t *= a
        t += b
        below = np.bincount(owner, p * tabulated_ndtr_at(t), n) < q
        lo, hi = np.where(below, mid, lo), np.where(below, hi, mid)
    return (lo + hi) / 2


def step_bounds(sc: StepScan, share: float, var: float, scale: float, noise3: np.ndarray, mean: np.ndarray,
                sd: np.ndarray, prior_mean: np.ndarray, prior_var: np.ndarray,
                levels: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(low, high), each (n_m, 4) for the three stars and the overall: the model's own 90% interval (mean, sd:
    (n_m, 4); its ends at the posterior probabilities `levels`, posterior.tail_levels) stretched to the same
    probabilities of the mixture of the model's posterior and every candidate step (each weighed against the
    maker's prior: prior_mean, prior_var, (n_m, 4)) where that reaches further. Never narrower than the model's
    own: a step's level is estimated without the drift the model prices."""
    level = np.stack(levels)  # (2, n_m, 4): the probability below each end
    ends = np.stack(normal_ranges(mean, sd, levels)[:2])  # the model's own (2, n_m, 4): low, high
    sc = replace(sc, s2=sc.s2 * scale)
    p = step_probabilities(sc, share, var)[0]
    kept = np.flatnonzero(p >= _PRUNE)
    # in blocks of whole makers, so the temporaries stay small at a million reviews
    cuts = np.flatnonzero(np.r_[True, sc.maker[kept[1:]] != sc.maker[kept[:-1]]]) if len(kept) else kept
    blocks = np.r_[cuts[::_BLOCK_MAKERS], len(kept)] if len(kept) else np.zeros(1, dtype=np.int64)
    for start, stop in zip(blocks[:-1], blocks[1:], strict=True):
        _stretch(ends, level, sc, kept[start:stop], p, noise3 * scale, var, mean, sd, prior_mean, prior_var)
    return ends[0], ends[1]


def _stretch(ends: np.ndarray, level: np.ndarray, sc: StepScan, idx: np.ndarray, p: np.ndarray, noise3: np.ndarray,
             var: float, mean: np.ndarray, sd: np.ndarray, prior_mean: np.ndarray, prior_var: np.ndarray) -> None:
    """Move the interval ends of the makers of candidates idx (whole makers) out to the mixture's, in place."""
    maker, kept_p = sc.maker[idx], p[idx]
    step_mean, step_var = _later_level(sc, noise3, var, idx, prior_mean, prior_var)
    step_sd = np.sqrt(step_var)
    # The mixture's end lies beyond the model's exactly when the steps put more than their share of the tail
    # beyond it: sum_k p_k (P_k(beyond) - share) > 0 ('no step' puts exactly its share there).
    below = tabulated_ndtr((ends[:, maker] - step_mean) / step_sd)  # (2, C, 4)
    beyond = np.stack([below[0] - level[0, maker], level[1, maker] - below[1]])
    excess = np.stack([[np.bincount(maker, kept_p * beyond[e, :, j], sc.n_makers) for j in range(4)]
                       for e in range(2)])  # (2, 4, n_m)
    e_idx, j_idx, moved = np.nonzero(excess > _MOVE)
    if len(moved):
        ends[e_idx, moved, j_idx] = _mixture_ends(e_idx, j_idx, moved, maker, kept_p, step_mean, step_sd,
                                                  mean, sd, ends, level[e_idx, moved, j_idx])


def _mixture_ends(e_idx: np.ndarray, j_idx: np.ndarray, moved: np.ndarray, maker: np.ndarray, kept_p: np.ndarray,
                  step_mean: np.ndarray, step_sd: np.ndarray, mean: np.ndarray, sd: np.ndarray, ends: np.ndarray,
                  q: np.ndarray) -> np.ndarray:
    """For each moved (end, dimension, maker): the q-quantile (that end's level) of the mixture of 'no step' (the
    model's posterior, with the mass the kept steps leave) and the maker's kept steps, searched between the
    components' own quantiles and the model's end."""
    n_g = len(moved)
    # group g's step components: the kept candidates of maker moved[g] (candidates are sorted by maker)
    first = np.searchsorted(maker, moved)
    count = np.searchsorted(maker, moved, side="right") - first
    group = np.repeat(np.arange(n_g), count)
    comp = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count) + np.repeat(first, count)
    step_p = kept_p[comp]
    owner = np.r_[np.arange(n_g), group]
    weight = np.r_[1.0 - np.bincount(group, step_p, n_g), step_p]
    mu = np.r_[mean[moved, j_idx], step_mean[comp, j_idx[group]]]
    sdev = np.r_[sd[moved, j_idx], step_sd[comp, j_idx[group]]]
    order = np.argsort(owner, kind="stable")
    return mixture_quantiles(owner[order], weight[order], mu[order], sdev[order], q, z_at(q),
                             ends[e_idx, moved, j_idx])
