"""Measure every property of issue 8 on one world drawn from the family (percentiles among all makers)."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from craftreview.scoring import ModelOptions, fit_model, score_makers, tier_outlooks
from craftreview.scoring.arrays import to_arrays, to_days
from craftreview.scoring.outlook import own_pace, reaches

from .baselines import BASELINES
from .family import Attacker, IdSource, fake_reviews, genuine, levels3, sample_attacker, sample_world, spread_ages
from .metrics import auc_by_band, band_masks, coverage, percentile_rank, tau, tier_precision
from .simulate import NOW, simulate, truth_now

N_PLANTED = 20  # makers per planted story
PATIENT_SHILLS, PATIENT_SPACING_DAYS = 8, 30.0  # beyond issue 8: a drip of praise over seven months
SLOW_SPACING_DAYS = (30.0, 120.0)  # five shills at one a month or slower (the family draws 0-35 days)
UP = ("skilled", "master")
A = np.array([0.5, 0.25, 0.25])


def _scores(signals, crafts, n, options=None):
    """Model overall mean/low/high and tier, plus the raw-mean baseline, indexed by maker id."""
    out = {"mean": np.full(n, np.nan), "low": np.full(n, np.nan), "high": np.full(n, np.nan),
           "tier": np.full(n, "unproven", dtype=object)}
    for mid, s in score_makers(signals, now=NOW, crafts=crafts, options=options).items():
        out["mean"][mid], out["low"][mid], out["high"][mid] = s.overall.mean, s.overall.low, s.overall.high
        out["tier"][mid] = s.tier
    arr = to_arrays(signals)
    raw = np.full(n, 3.0)
    raw[np.array(arr.maker_ids)] = BASELINES["raw mean"](arr, to_days(NOW)) @ A
    out["raw"] = raw
    return out


class World:
    """A sampled world with planted makers and its baseline scores."""

    def __init__(self, seed: int, options: ModelOptions | None = None, knobs: dict | None = None):
        """Draw the world, plant the stories, score once (options: a model variant, None = production; knobs:
        SimConfig fields set after the draw, e.g. a verified share outside the family's range; None = as drawn)."""
        self.options = options
        rng = self.rng = np.random.default_rng(seed)
        self.cfg = sample_world(rng)
        if knobs:
            self.cfg = replace(self.cfg, **knobs)
        data = simulate(int(rng.integers(1 << 30)), self.cfg)
        self.n_natural, self.data = self.cfg.n_makers, data
        self.ids = IdSource(len(data.signals) + 10)
        self.crafts = dict(data.crafts)
        self.truth = list(data.overall)
        self.signals = list(data.signals)
        self.groups = {name: self._plant(name) for name in ("established", "drop12", "drop6", "newcomer")}
        self.n = len(self.truth)
        self.truth = np.array(self.truth)
        self.count = np.bincount([s.maker_id for s in self.signals], minlength=self.n)
        self.record_days = np.zeros(self.n)  # per maker: age in days of its oldest review (0: none)
        for s in self.signals:
            age = (NOW - s.created_at).total_seconds() / 86400.0
            self.record_days[s.maker_id] = max(self.record_days[s.maker_id], age)
        self.base = _scores(self.signals, self.crafts, self.n, options)
        self.levels = {m: float(self.base["raw"][m]) for m in range(self.n)}

    def _new_maker(self, latent_now: np.ndarray) -> int:
        mid = len(self.truth)
        self.crafts[mid], truth = self.maker_like(latent_now)
        self.truth.append(truth)
        return mid

    def maker_like(self, latent_now: np.ndarray) -> tuple[str, float]:
        """A planted maker's craft (one of a random natural maker's) and true overall now, for latent levels (3,)."""
        craft = self.data.crafts[int(self.rng.integers(self.n_natural))]
        return craft, float(truth_now(latent_now[None, :], self.cfg)[0] @ A)

    def _plant(self, story: str) -> list[int]:
        rng, out = self.rng, []
        for _ in range(N_PLANTED):
            if story == "established":
                lat = levels3(rng.uniform(4.5, 4.9), rng)
                mid = self._new_maker(lat[0])
                ages = spread_ages(rng, int(rng.integers(20, 36)), rng.uniform(300, 1000), 5)
                self.signals += genuine(rng, self.cfg, self.ids, mid, np.repeat(lat, len(ages), 0), ages)
            elif story.startswith("drop"):
                before = levels3(4.6, rng)
                mid = self._new_maker(before[0] - 1.6)
                self.signals += self.stepped(mid, before, before - 1.6, int(story[4:]))
            else:  # a genuine newcomer: three verified five-stars, then two hostile one-stars from aged accounts
                mid = self._new_maker(levels3(4.6, rng)[0])
                self.signals += self._newcomer(mid)
            out.append(mid)
        return out

    def stepped(self, mid: int, before: np.ndarray, after: np.ndarray, n_since: int) -> list:
        """Honest reviews of a maker whose level stepped from before to after (latent, (1, 3)) six months ago:
        10-25 reviews over the 400-1000 days before the step, n_since over the 180 days since."""
        rng = self.rng
        old = spread_ages(rng, int(rng.integers(10, 26)), rng.uniform(400, 1000), 185)
        new = spread_ages(rng, n_since, 180, 0)
        return (genuine(rng, self.cfg, self.ids, mid, np.repeat(before, len(old), 0), old)
                + genuine(rng, self.cfg, self.ids, mid, np.repeat(after, len(new), 0), new))

    def _newcomer(self, mid: int) -> list:
        rng, sigs = self.rng, []
        for j in range(3):  # real buyers: aged accounts, verified orders, a few weeks apart
            buyer = Attacker(5, rng.uniform(30, 400), 0.0, True, 0)
            sigs += fake_reviews(rng, buyer, self.ids, mid, 1, {}, end_days_ago=10 + 15 * j)
        drawn = sample_attacker(rng, 1)
        hostile = Attacker(1, rng.uniform(60, 400), drawn.spacing_days, drawn.verified, drawn.camouflage)
        return sigs + fake_reviews(rng, hostile, self.ids, mid, 2, self.levels_so_far())

    def levels_so_far(self) -> dict:
        """Natural makers' raw mean level, for camouflage ratings while planting."""
        return {m: float(self.data.overall[m]) for m in range(self.n_natural)}

    def draw_fakes(self, targets, k: int, stars_of) -> tuple[list, list]:
        """k fake reviews on each target (stars_of(target) -> 1 or 5; shills verified), each target with its own
        attacker drawn by sample_attacker: (the fake signals, camouflage included; the attackers' shapes)."""
        fakes, shapes = [], []
        for t in targets:
            att = sample_attacker(self.rng, stars_of(t), verified=True if stars_of(t) == 5 else None)
            shapes.append(att)
            fakes += fake_reviews(self.rng, att, self.ids, int(t), k, self.levels)
        return fakes, shapes

    def attacked(self, targets, k: int, stars_of) -> tuple[dict, list, set]:
        """Rescore after k fake reviews on each target (draw_fakes); returns camouflaged makers too."""
        fakes, shapes = self.draw_fakes(targets, k, stars_of)
        touched = {s.maker_id for s in fakes}
        return _scores(self.signals + fakes, self.crafts, self.n, self.options), shapes, touched


def _pct(scores: dict, key: str = "mean") -> np.ndarray:
    return percentile_rank(np.nan_to_num(scores[key], nan=3.0))


def standard(w: World) -> dict:
    """AUC by band (model and best baseline), τ, coverage by band, tier precision on the world's own makers."""
    from .run import all_scores
    nat = np.arange(w.n_natural)
    sigs = [s for s in w.signals if s.maker_id < w.n_natural]
    scores, model = all_scores(sigs, w.crafts, w.n_natural, w.options)
    truth, count = w.truth[nat], w.data.count
    out = {"auc": {}, "tau": {}}
    for name, sc in scores.items():
        out["auc"][name] = auc_by_band(sc[:, 3], truth, count)
        out["tau"][name] = tau(sc[:, 3], truth)
    out["coverage"] = coverage(model["low"][:, 3], model["high"][:, 3], truth, count)
    inside = (truth >= model["low"][:, 3]) & (truth <= model["high"][:, 3])
    drifting = w.data.drifting
    out["cover_counts"] = {b: (int(m.sum()), int(inside[m].sum()), int((m & drifting).sum()),
                               int((m & drifting & inside).sum())) for b, m in band_masks(count).items()}
    out["tiers"] = tier_precision(model["tier"], truth, count)
    return out


def bombing(w: World) -> dict:
    """Five one-star reviews on every established skilled maker; then, beyond issue 8's shape, five two-stars."""
    tg = np.array(w.groups["established"])
    after, shapes, _ = w.attacked(tg, 5, lambda t: 1)
    had = np.isin(w.base["tier"][tg], UP)
    lost = had & ~np.isin(after["tier"][tg], UP)
    mild, _, _ = w.attacked(tg, 5, lambda t: 2)  # moderate reviews: inside the spread that marks a ring's extremes
    return {"drop": float(np.median(_pct(w.base)[tg] - _pct(after)[tg])),
            "drop_raw": float(np.median(_pct(w.base, "raw")[tg] - _pct(after, "raw")[tg])),
            "lost_claim": float(lost.sum() / max(had.sum(), 1)), "had_claim": float(had.mean()),
            "mild_lost_claim": float((had & ~np.isin(mild["tier"][tg], UP)).sum() / max(had.sum(), 1)),
            "per_target": [(s.label(), bool(x)) for s, x, h in zip(shapes, lost, had, strict=True) if h]}


def _novices(w: World, k: int, exclude=()) -> np.ndarray:
    pool = [m for m in range(w.n_natural) if w.truth[m] < 3.5 and m not in exclude]
    return w.rng.choice(np.array(pool, dtype=int), size=min(k, len(pool)), replace=False)


def shilling(w: World) -> dict:
    """Five verified five-stars through the maker's own invitations (promotion), and three (percentile rise)."""
    five = _novices(w, N_PLANTED)
    after5, shapes, _ = w.attacked(five, 5, lambda t: 5)
    was = np.isin(w.base["tier"][five], UP)
    promoted = ~was & np.isin(after5["tier"][five], UP)
    three = _novices(w, N_PLANTED, set(five.tolist()))
    after3, shapes3, _ = w.attacked(three, 3, lambda t: 5)
    rise = _pct(after3)[three] - _pct(w.base)[three]
    return {"rise3_record_days": [float(w.record_days[t]) for t in three],
            "promoted5": float(promoted.sum() / max((~was).sum(), 1)),
            "rise3": float(np.median(rise)),
            "rise3_per_target": [(s.label(), float(r)) for s, r in zip(shapes3, rise, strict=True)],
            "rise3_raw": float(np.median(_pct(after3, "raw")[three] - _pct(w.base, "raw")[three])),
            "per_target": [(s.label(), bool(p)) for s, p in zip(shapes, promoted, strict=True)]}


def drip(w: World, k: int, spacing_of) -> dict:
    """k verified five-stars on each of N_PLANTED novices, spaced spacing_of(rng) days apart (one draw per target), each
    target with the family's account age and camouflage; share promoted to skilled+ and median percentile rise."""
    targets = _novices(w, N_PLANTED)
    fakes = []
    for t in targets:
        att = replace(sample_attacker(w.rng, 5, verified=True), spacing_days=float(spacing_of(w.rng)))
        fakes += fake_reviews(w.rng, att, w.ids, int(t), k, w.levels)
    after = _scores(w.signals + fakes, w.crafts, w.n, w.options)
    was = np.isin(w.base["tier"][targets], UP)
    return {"promoted": float((~was & np.isin(after["tier"][targets], UP)).sum() / max((~was).sum(), 1)),
            "rise": float(np.median(_pct(after)[targets] - _pct(w.base)[targets]))}


def patient(w: World) -> dict:
    """Beyond issue 8: eight verified five-stars one a month (a drip over seven months) on novices."""
    return drip(w, PATIENT_SHILLS, lambda rng: PATIENT_SPACING_DAYS)


def slow_drip(w: World) -> dict:
    """Five verified five-stars spaced SLOW_SPACING_DAYS apart (one draw per target): issue 8's five shills "at any
    spacing", at one a month or slower than the family draws (a drip over four months to a year and a half)."""
    return drip(w, 5, lambda rng: rng.uniform(*SLOW_SPACING_DAYS))


def spillover(w: World) -> dict:
    """Ten fakes on each of five makers: share of the *other* makers whose tier changed."""
    targets = w.rng.choice(w.n_natural, size=5, replace=False)
    kinds = {int(t): int(w.rng.choice([1, 5])) for t in targets}
    after, _, touched = w.attacked(targets, 10, lambda t: kinds[int(t)])
    others = np.array([m for m in range(w.n) if m not in touched])
    return {"changed": float((after["tier"][others] != w.base["tier"][others]).mean())}


def stories(w: World) -> dict:
    """Newcomer labels and change-point tracking on the planted makers."""
    nc, d12, d6 = (np.array(w.groups[g]) for g in ("newcomer", "drop12", "drop6"))
    b = w.base
    inside = (w.truth[d12] >= b["low"][d12]) & (w.truth[d12] <= b["high"][d12])
    return {"newcomer_novice": float((b["tier"][nc] == "novice").mean()),
            "drop_error": float(np.median(np.abs(b["mean"][d12] - w.truth[d12]))),
            "drop_coverage": float(inside.mean()),
            "drop6_skilled": float(np.isin(b["tier"][d6], UP).mean())}


def improvement(w: World) -> dict:
    """Beyond issue 8: makers whose quality rose from 3.0 to 4.6 six months ago, 12 reviews since, planted in a copy of
    the world (scored with it, apart from the other stories: twenty more makers with a step would move the global
    statistics the issue's properties are measured under)."""
    sigs, mids, truth, crafts = [], [], [], dict(w.crafts)
    for j in range(N_PLANTED):
        before = levels3(3.0, w.rng)
        mid = w.n + j
        crafts[mid], now_truth = w.maker_like(before[0] + 1.6)
        truth.append(now_truth)
        sigs += w.stepped(mid, before, before + 1.6, 12)
        mids.append(mid)
    scores = score_makers(w.signals + sigs, now=NOW, crafts=crafts, options=w.options)
    est = np.array([[scores[m].overall.mean, scores[m].overall.low, scores[m].overall.high] for m in mids])
    truth = np.array(truth)
    return {"error": float(np.median(np.abs(est[:, 0] - truth))),
            "coverage": float(((truth >= est[:, 1]) & (truth <= est[:, 2])).mean()),
            "skilled": float(np.mean([scores[m].tier in UP for m in mids]))}


def delivery(w: World, n_makers: int = 30) -> dict:
    """Same stars, three date variants: none, every order on time, every order 30 days late."""
    from datetime import timedelta
    model = fit_model(w.signals, now=NOW, crafts=w.crafts, options=w.options)
    by_maker: dict = {}
    for s in w.signals:
        by_maker.setdefault(s.maker_id, []).append(s)
    pool = [m for m, s in by_maker.items() if len(s) >= 2]
    late_lower = ontime_raise = ontime_lower = 0
    for m in w.rng.choice(pool, size=min(n_makers, len(pool)), replace=False):
        sigs = by_maker[int(m)]

        def variant(slip, sigs=sigs):
            return [replace(s, promised_on=None if slip is None else (s.created_at - timedelta(days=5 + slip)).date(),
                            delivered_on=None if slip is None else (s.created_at - timedelta(days=5)).date())
                    for s in sigs]
        est = [model.score_maker(variant(v), now=NOW, craft=w.crafts[int(m)]).delivery.mean for v in (None, -2, 30)]
        late_lower += est[2] < est[0] - 1e-9
        ontime_raise += est[1] > est[0] + 1e-9
        ontime_lower += est[1] < est[0] - 1e-9  # issue 8: on-time dates must not lower it either (model 2.30)
    k = min(n_makers, len(pool))
    return {"late_lowers": late_lower / k, "ontime_raises": ontime_raise / k, "ontime_lowers": ontime_lower / k}


def _latent_for(w: World, score) -> np.ndarray:
    """Latent levels (the model's per-dimension estimates shifted together) whose expected overall is score's."""
    est = np.array([score.craftsmanship.mean, score.consistency.mean, score.delivery.mean])
    lo, hi = -2.0, 2.0
    for _ in range(30):
        mid = (lo + hi) / 2
        if float(truth_now((est + mid)[None, :], w.cfg)[0] @ A) < score.overall.mean:
            lo = mid
        else:
            hi = mid
    return est + (lo + hi) / 2


def promises(w: World, n_makers: int = 150) -> dict:
    """'About k more verified reviews averaging about the current level would make it T': add k honest
    reviews that average about that level in expectation (with the world's noise and reviewer bias), rescore."""
    nat = [s for s in w.signals if s.maker_id < w.n_natural]
    model = fit_model(nat, now=NOW, crafts=w.crafts, options=w.options)
    scores = score_makers(nat, now=NOW, crafts=w.crafts, options=w.options)
    outlook = tier_outlooks(model, nat, scores, now=NOW, crafts=w.crafts)
    made = [m for m, o in outlook.items() if o["extra_verified_reviews_needed"]]
    by_maker: dict = {}
    for s in nat:
        by_maker.setdefault(s.maker_id, []).append(s)
    kept = []
    for m in w.rng.choice(made, size=min(n_makers, len(made)), replace=False) if made else []:
        k, target = outlook[m]["extra_verified_reviews_needed"], outlook[m]["target_tier"]
        lat = _latent_for(w, scores[m])  # buyers whose reviews average about the maker's current level
        cfg = replace(w.cfg, p_verified=1.0)
        mine = to_arrays(by_maker[int(m)])
        ages = 1.0 + own_pace(mine.t, mine.maker, 1)[0] * np.arange(k)  # at the maker's own pace, as promised
        new = genuine(w.rng, cfg, w.ids, int(m), np.repeat(lat[None, :], k, 0), ages)
        after = model.score_maker(by_maker[int(m)] + new, now=NOW, craft=w.crafts[int(m)]).tier
        kept.append(reaches(after, target))
    return {"kept": float(np.mean(kept)) if kept else float("nan"), "made": len(made) / max(len(outlook), 1)}


def measure(seed: int, options: ModelOptions | None = None) -> dict:
    """Every property on one world (deterministic given seed); options: a model variant, None = production."""
    w = World(seed, options)
    cfg = w.cfg
    return {"seed": seed, "n_signals": len(w.signals),
            "world": {"makers": w.n, "verified": cfg.p_verified, "bias_sd": cfg.reviewer_bias_sd,
                      "count_quality": cfg.count_quality, "count_mu": cfg.count_mu, "horizon_days": cfg.horizon_days},
            "standard": standard(w), "bombing": bombing(w), "shilling": shilling(w), "spillover": spillover(w),
            "stories": stories(w), "delivery": delivery(w), "promises": promises(w), "improvement": improvement(w),
            # last: drawing their attackers leaves every other property's draws as they were
            "patient": patient(w), "slow_drip": slow_drip(w)}
