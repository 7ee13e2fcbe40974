"""Attack and world shapes the family does not draw, measured against issue 8's thresholds (model unchanged).

Issue 8 asks for its properties "at any spacing", "from accounts of any age", and says held-out evaluations use other
worlds and attack shapes than ours. Each row here is one such shape, measured on a family world (properties.World) with
the nearest property's threshold; every attacked target gets its own attacker drawn as the family draws them
(sample_attacker: account age 0-400 days, spacing all at once to monthly, camouflage on 0-5 makers) except for what the
row changes:

1. shills whose stars are 4 or 5 at random per dimension (verified through the maker's invitations);
2. bombs of five reviews of 1 or 2 stars at random per dimension; five one-stars spread over 60-180 days (15-45 days
   apart) and five one-stars 60-180 days apart;
3. shills on a very young novice, whose honest record is 1-3 reviews all within the last 60 days;
4. shills on a developing maker (true level 3.5-3.9) instead of a novice;
5. long-lived sock puppets: accounts one to two years old that each also rated 10-20 other makers over the past year;
6. four or six shills instead of five (the model sets five favourites aside), five shills 90-180 days apart, sock
   puppets that rate others a star below their level (a harsh reviewer's five-stars are corrected upward), bombs on
   established makers with 15-19 genuine reviews or with none in the last 150-400 days (dormant), issue 8's newcomer
   with honest buyers or with the hostile reviews first, and the family's own properties on worlds outside the family's
   ranges: only 5-20% of reviews verified, and a platform 180-365 days old (the same seed's world with that one knob
   changed; the planted stories keep their own ages).

Rows "0." are the family's own attacks (properties.shilling, bombing, slow_drip) on the same worlds, for comparison.

`python -m bench.scoring.shapes [--variant key=value,...] SEED [SEED ...]` (a model variant in the syntax of
`paired.py`; the production model without one) prints, per row, the median over worlds, the worst tenth, the worst
world and the worlds meeting the threshold (every threshold is an upper bound), and beside rows of percentile moves
the same for the raw-mean baseline; beside shares of claims lost, the claims lost and held pooled over worlds (a world
where one or two targets held a claim reads 0 or 1).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

import numpy as np

from craftreview.scoring import DIMENSIONS, ModelOptions

from .family import _signal, fake_reviews, genuine, levels3, sample_attacker, spread_ages
from .paired import options_for, parse_variant
from .properties import (
    N_PLANTED,
    SLOW_SPACING_DAYS,
    UP,
    World,
    _novices,
    _pct,
    _scores,
    bombing,
    shilling,
    slow_drip,
    spillover,
    stories,
)
from .simulate import NOW

YOUNG_RECORD_DAYS = 60.0  # a very young maker's honest reviews all fall within this many days
SOCK_AGE_DAYS = (365.0, 730.0)  # a sock puppet's account age at its fake review
SOCK_CAMOUFLAGE = (10, 20)  # other makers each sock puppet rated over the past year
FEW_VERIFIED = (0.05, 0.2)  # verified share of a world with few verified orders (the family draws 0.3-0.95)
YOUNG_PLATFORM = (180.0, 365.0)  # age in days of a young platform (the family draws 1-8 years)
# The family's own properties measured on a world outside the family's ranges: (key, label, threshold, raw-mean
# baseline beside it, or "pooled": claims lost pooled over worlds beside it).
WORLD_PROPS = (("5", "5 verified shills: share promoted", 0.10, False),
               ("3", "3 verified shills: median percentile rise", 15.0, True),
               ("slow", "5 verified shills 30-120 d apart: share promoted", 0.10, False),
               ("drop", "bomb 5x1: median percentile drop", 10.0, True),
               ("lost", "bomb 5x1: share losing skilled+", 0.20, "pooled"),
               ("spill", "5 makers x 10 fakes: share of other makers changing tier", 0.01, False),
               ("newcomer", "newcomer (3 verified 5s + 2 hostile 1s): share novice", 0.05, False),
               ("drop6", "drop 4.6->3.0, 6 reviews since: share still skilled+", 0.0, False))


@dataclass(frozen=True)
class Row:
    """One line of the table: a shape and the issue's threshold for the nearest property (value <= target)."""

    label: str
    target: float
    raw: bool = False  # a percentile move, with the raw-mean baseline beside it
    pooled: bool = False  # a share of claims lost: the second value is the claims held, pooled over worlds beside it


ROWS = {
    "family_5": Row("0. family's shills (same worlds), 5 verified on a novice: share promoted", 0.10),
    "family_3": Row("0. family's shills, 3 verified on a novice: median percentile rise", 15.0, True),
    "family_slow": Row("0. family's slow drip, 5 verified 30-120 d apart: share promoted", 0.10),
    "family_drop": Row("0. family's bomb 5x1 on an established maker: median percentile drop", 10.0, True),
    "family_lost": Row("0. family's bomb 5x1: share losing skilled+", 0.20, pooled=True),
    "mixed45_5": Row("1. shill 4/5 mixed, 5 verified on a novice: share promoted to skilled+", 0.10),
    "mixed45_3": Row("1. shill 4/5 mixed, 3 verified on a novice: median percentile rise", 15.0, True),
    "mixed45_slow": Row("1. shill 4/5 mixed, 5 verified 30-120 d apart: share promoted", 0.10),
    "bomb12_drop": Row("2. bomb 1/2 mixed, 5 on an established maker: median percentile drop", 10.0, True),
    "bomb12_lost": Row("2. bomb 1/2 mixed, 5: share losing skilled+", 0.20, pooled=True),
    "bomb_span_drop": Row("2. bomb 5x1 over 60-180 d (15-45 d apart): median percentile drop", 10.0, True),
    "bomb_span_lost": Row("2. bomb 5x1 over 60-180 d: share losing skilled+", 0.20, pooled=True),
    "bomb_gap_drop": Row("2. bomb 5x1, 60-180 d apart: median percentile drop", 10.0, True),
    "bomb_gap_lost": Row("2. bomb 5x1, 60-180 d apart: share losing skilled+", 0.20, pooled=True),
    "young_5": Row("3. very young novice (1-3 honest reviews < 60 d), 5 verified shills: share promoted", 0.10),
    "young_3": Row("3. very young novice, 3 verified shills: median percentile rise", 15.0, True),
    "developing_5": Row("4. developing maker (truth 3.5-3.9), 5 verified shills: share newly skilled+", 0.10),
    "sock_5": Row("5. sock puppets (aged 1-2 y, 10-20 ratings elsewhere), 5 verified shills: share promoted", 0.10),
    "sock_3": Row("5. sock puppets, 3 verified shills: median percentile rise", 15.0, True),
    "sock_bomb_drop": Row("5. sock-puppet bomb 5x1 on an established maker: median percentile drop", 10.0, True),
    "sock_bomb_lost": Row("5. sock-puppet bomb 5x1: share losing skilled+", 0.20, pooled=True),
    "count_4": Row("6. 4 verified shills on a novice: share promoted", 0.10),
    "count_6": Row("6. 6 verified shills on a novice: share promoted", 0.10),
    "count_6_slow": Row("6. 6 verified shills 30-120 d apart: share promoted", 0.10),
    "slower_5": Row("6. 5 verified shills 90-180 d apart: share promoted", 0.10),
    "harsh_sock_5": Row("6. sock puppets rating others 1 star low, 5 verified shills: share promoted", 0.10),
    "thin_drop": Row("6. bomb 5x1 on a skilled maker with 15-19 genuine reviews: median percentile drop", 10.0, True),
    "thin_lost": Row("6. bomb 5x1, 15-19 genuine reviews: share losing skilled+", 0.20, pooled=True),
    "dormant_drop": Row("6. bomb 5x1 on a dormant skilled maker (20-35 reviews, none in 150-400 d): median percentile drop",
                        10.0, True),
    "dormant_lost": Row("6. bomb 5x1 on a dormant skilled maker: share losing skilled+", 0.20, pooled=True),
    "newcomer_honest": Row("6. newcomer whose 3 verified buyers rate honestly (level 4.6) + 2 hostile 1s: share novice",
                           0.05),
    "newcomer_first": Row("6. newcomer (3 verified 5s) with the 2 hostile 1s 45-75 d earlier: share novice", 0.05),
    **{f"{key}_{prop}": Row(f"6. {label}, {text}", target, raw is True, raw == "pooled")
       for key, label in (("fewver", "world with 5-20% verified"), ("youngplat", "platform 180-365 d old"))
       for prop, text, target, raw in WORLD_PROPS},
}

Stars = Callable[[np.random.Generator], np.ndarray]


def shill(rng: np.random.Generator):
    """The family's shill: verified, any account age, spacing and camouflage."""
    return sample_attacker(rng, 5, verified=True)


def bomb(rng: np.random.Generator):
    """The family's bomber (verified or not)."""
    return sample_attacker(rng, 1)


def spaced(draw, lo: float, hi: float):
    """The same attacker with its reviews lo-hi days apart (one draw per target)."""
    return lambda rng: replace(draw(rng), spacing_days=float(rng.uniform(lo, hi)))


def sock(draw):
    """The same attacker from an account one to two years old, its camouflage left to sock_camouflage."""
    return lambda rng: replace(draw(rng), account_age_days=float(rng.uniform(*SOCK_AGE_DAYS)), camouflage=0)


def mixed(lo: int, hi: int) -> Stars:
    """Stars lo or hi at random, per dimension of each review."""
    return lambda rng: rng.integers(lo, hi + 1, 3)


class Scene:
    """A world, possibly with planted makers, scored once before the attack; after(fakes) rescores it."""

    def __init__(self, w: World, planted: list | None = None, crafts: dict | None = None, n: int | None = None):
        """planted: extra honest signals of makers w.n.. (their crafts in crafts, n makers in all)."""
        self.w = w
        self.signals = w.signals + (planted or [])
        self.crafts, self.n = crafts or w.crafts, n or w.n
        self.base = _scores(self.signals, self.crafts, self.n, w.options) if planted else w.base

    def after(self, fakes: list) -> dict:
        """Scores with the fakes added (the whole world refitted)."""
        return _scores(self.signals + fakes, self.crafts, self.n, self.w.options)


def plant(w: World, latents: list, reviews) -> tuple[Scene, np.ndarray]:
    """Makers w.n.. at the given latent levels ((1, 3) each), reviewed by reviews(maker id, latent) -> signals."""
    crafts, sigs = dict(w.crafts), []
    for j, lat in enumerate(latents):
        crafts[w.n + j], _ = w.maker_like(lat[0])
        sigs += reviews(w.n + j, lat)
    return Scene(w, sigs, crafts, w.n + len(latents)), np.arange(w.n, w.n + len(latents))


def honest(w: World, ages, cfg=None):
    """reviews(maker, latent) for plant: genuine reviews at ages(rng) days (cfg: the world's, or another)."""
    def reviews(mid: int, lat: np.ndarray) -> list:
        a = ages(w.rng)
        return genuine(w.rng, cfg or w.cfg, w.ids, mid, np.repeat(lat, len(a), 0), a)
    return reviews


def near(level_of):
    """Latent levels for plant: the three dimensions near level_of(rng)."""
    return lambda w, k: [levels3(level_of(w.rng), w.rng) for _ in range(k)]


def sock_camouflage(w: World, fakes: list, offset: float = 0.0) -> list:
    """Per fake review's account: 10-20 unverified ratings of other makers over the past year (after the account
    joined), near their usual level plus offset (negative: a harsh reviewer)."""
    out = []
    for s in fakes:
        others = [m for m in w.levels if m != s.maker_id]
        age_joined = (NOW - s.reviewer_joined_at).total_seconds() / 86400.0
        for m in w.rng.choice(others, size=int(w.rng.integers(SOCK_CAMOUFLAGE[0], SOCK_CAMOUFLAGE[1] + 1)),
                              replace=False):
            stars = np.clip(np.round(w.levels[int(m)] + offset + w.rng.normal(0, 0.4, 3)), 1, 5)
            when = NOW - timedelta(days=float(w.rng.uniform(1, min(365.0, age_joined))))
            out.append(_signal(w.ids, int(m), s.reviewer_id, stars, when, s.reviewer_joined_at, False))
    return out


def fakes_on(w: World, targets, k: int, draw, stars: Stars | None = None, camouflage_offset: float | None = None
             ) -> list:
    """k fake reviews on each target, one attacker per target from draw(rng); stars(rng) re-draws the stars of the
    reviews on the target; camouflage_offset (not None): sock-puppet camouflage at that offset."""
    out = []
    for t in targets:
        sigs = fake_reviews(w.rng, draw(w.rng), w.ids, int(t), k, w.levels)
        if stars is not None:
            sigs = [replace(s, **dict(zip(DIMENSIONS, map(int, stars(w.rng)), strict=True))) if s.maker_id == t else s
                    for s in sigs]
        if camouflage_offset is not None:
            sigs += sock_camouflage(w, [s for s in sigs if s.maker_id == t], camouflage_offset)
        out += sigs
    return out


def promoted(scene: Scene, after: dict, targets) -> float:
    """Share of the targets without a skilled+ claim before that hold one after."""
    was = np.isin(scene.base["tier"][targets], UP)
    return float((~was & np.isin(after["tier"][targets], UP)).sum() / max((~was).sum(), 1))


def moved(scene: Scene, after: dict, targets, sign: float = 1.0) -> tuple[float, float]:
    """Median percentile move of the targets (sign -1: a drop), model and raw mean."""
    return tuple(float(np.median(sign * (_pct(after, key)[targets] - _pct(scene.base, key)[targets])))
                 for key in ("mean", "raw"))


def lost(scene: Scene, after: dict, targets) -> tuple[float, int]:
    """Share of the targets holding a skilled+ claim before that lose it, and how many held one."""
    had = np.isin(scene.base["tier"][targets], UP)
    return float((had & ~np.isin(after["tier"][targets], UP)).sum() / max(had.sum(), 1)), int(had.sum())


def shill_rows(w: World, out: dict) -> None:
    """Shapes 1, 4, 5 and the shill counts and harsh sock puppets of 6, on the world's natural makers."""
    s = Scene(w)
    for key, k, draw, stars, offset in (("mixed45_5", 5, shill, mixed(4, 5), None),
                                        ("mixed45_slow", 5, spaced(shill, *SLOW_SPACING_DAYS), mixed(4, 5), None),
                                        ("sock_5", 5, sock(shill), None, 0.0),
                                        ("count_4", 4, shill, None, None), ("count_6", 6, shill, None, None),
                                        ("count_6_slow", 6, spaced(shill, *SLOW_SPACING_DAYS), None, None),
                                        ("slower_5", 5, spaced(shill, 90.0, 180.0), None, None),
                                        ("harsh_sock_5", 5, sock(shill), None, -1.0)):
        t = _novices(w, N_PLANTED)
        out[key] = (promoted(s, s.after(fakes_on(w, t, k, draw, stars, offset)), t), None)
    for key, draw, stars, offset in (("mixed45_3", shill, mixed(4, 5), None), ("sock_3", sock(shill), None, 0.0)):
        t = _novices(w, N_PLANTED)
        out[key] = moved(s, s.after(fakes_on(w, t, 3, draw, stars, offset)), t)
    pool = [m for m in range(w.n_natural) if 3.5 <= w.truth[m] < 3.9]
    t = w.rng.choice(pool, size=min(N_PLANTED, len(pool)), replace=False)
    out["developing_5"] = (promoted(s, s.after(fakes_on(w, t, 5, shill)), t), None)


def bomb_rows(w: World, out: dict) -> None:
    """Shapes 2 and 5's bomb on the planted established makers, and 6's bomb on thinner records and dormant makers."""
    s, t = Scene(w), np.array(w.groups["established"])
    for key, draw, stars, offset in (("bomb12", bomb, mixed(1, 2), None), ("bomb_span", spaced(bomb, 15.0, 45.0), None, None),
                                     ("bomb_gap", spaced(bomb, 60.0, 180.0), None, None),
                                     ("sock_bomb", sock(bomb), None, 0.0)):
        after = s.after(fakes_on(w, t, 5, draw, stars, offset))
        out[key + "_drop"], out[key + "_lost"] = moved(s, after, t, -1.0), lost(s, after, t)
    thin, t = plant(w, near(lambda rng: rng.uniform(4.5, 4.9))(w, N_PLANTED),
                    honest(w, lambda rng: spread_ages(rng, int(rng.integers(15, 20)), rng.uniform(300, 1000), 5)))
    after = thin.after(fakes_on(w, t, 5, bomb))
    out["thin_drop"], out["thin_lost"] = moved(thin, after, t, -1.0), lost(thin, after, t)
    dormant, t = plant(w, near(lambda rng: rng.uniform(4.5, 4.9))(w, N_PLANTED),
                       honest(w, lambda rng: spread_ages(rng, int(rng.integers(20, 36)), rng.uniform(500, 1200),
                                                         rng.uniform(150, 400))))
    after = dormant.after(fakes_on(w, t, 5, bomb))
    out["dormant_drop"], out["dormant_lost"] = moved(dormant, after, t, -1.0), lost(dormant, after, t)


def young_rows(w: World, out: dict) -> None:
    """Shape 3: planted novices whose honest record is 1-3 reviews within YOUNG_RECORD_DAYS."""
    scene, made = plant(w, near(lambda rng: rng.uniform(2.6, 3.3))(w, 2 * N_PLANTED),
                        honest(w, lambda rng: spread_ages(rng, int(rng.integers(1, 4)), YOUNG_RECORD_DAYS)))
    five, three = made[:N_PLANTED], made[N_PLANTED:]
    out["young_5"] = (promoted(scene, scene.after(fakes_on(w, five, 5, shill)), five), None)
    out["young_3"] = moved(scene, scene.after(fakes_on(w, three, 3, shill)), three)


def newcomer_rows(w: World, out: dict) -> None:
    """Issue 8's genuine newcomer (World._newcomer) with its three buyers rating honestly at its level (verified, 40,
    25 and 10 days ago) instead of three five-stars, and with the two hostile one-stars 45-75 days before the rest."""
    def honest_buyers(mid: int, lat: np.ndarray) -> list:
        kept = [s for s in w._newcomer(mid) if not str(s.reviewer_id).startswith("fake5")]
        return kept + honest(w, lambda rng: np.array([40.0, 25.0, 10.0]), replace(w.cfg, p_verified=1.0))(mid, lat)

    def hostile_first(mid: int, lat: np.ndarray) -> list:
        back = timedelta(days=float(w.rng.uniform(45, 75)))
        return [replace(s, created_at=s.created_at - back, reviewer_joined_at=s.reviewer_joined_at - back)
                if str(s.reviewer_id).startswith("fake1") else s for s in w._newcomer(mid)]

    for key, reviews in (("newcomer_honest", honest_buyers), ("newcomer_first", hostile_first)):
        scene, made = plant(w, near(lambda rng: 4.6)(w, N_PLANTED), reviews)
        out[key] = (float((scene.base["tier"][made] == "novice").mean()), None)


def control_rows(w: World, out: dict) -> None:
    """The family's own rows on the same world, for comparison (properties.shilling, bombing, slow_drip)."""
    sh, bo, slow = shilling(w), bombing(w), slow_drip(w)
    out["family_5"], out["family_3"] = (sh["promoted5"], None), (sh["rise3"], sh["rise3_raw"])
    out["family_slow"] = (slow["promoted"], None)
    out["family_drop"], out["family_lost"] = (bo["drop"], bo["drop_raw"]), (bo["lost_claim"], round(bo["had_claim"] * N_PLANTED))


def world_rows(w: World, key: str, out: dict) -> None:
    """WORLD_PROPS on a world drawn outside the family's ranges, measured as properties.py measures them."""
    sh, bo, slow, sp, st = shilling(w), bombing(w), slow_drip(w), spillover(w), stories(w)
    values = {"5": (sh["promoted5"], None), "3": (sh["rise3"], sh["rise3_raw"]), "slow": (slow["promoted"], None),
              "drop": (bo["drop"], bo["drop_raw"]), "lost": (bo["lost_claim"], round(bo["had_claim"] * N_PLANTED)), "spill": (sp["changed"], None),
              "newcomer": (st["newcomer_novice"], None), "drop6": (st["drop6_skilled"], None)}
    out.update({f"{key}_{prop}": value for prop, value in values.items()})


def other_worlds(seed: int, out: dict, options: ModelOptions | None = None) -> None:
    """Shape 6's worlds: few verified orders (FEW_VERIFIED), and a young platform (YOUNG_PLATFORM)."""
    rng = np.random.default_rng([seed, 6])
    world_rows(World(seed, options, knobs={"p_verified": float(rng.uniform(*FEW_VERIFIED))}), "fewver", out)
    world_rows(World(seed, options, knobs={"horizon_days": float(rng.uniform(*YOUNG_PLATFORM))}), "youngplat", out)


def probe(seed: int, options: ModelOptions | None = None) -> dict[str, tuple[float, float | None]]:
    """Every row on the world drawn from seed: {row: (model value, raw-mean value, claims held, or None)};
    options: a model variant (None: production)."""
    w, out = World(seed, options), {}
    shill_rows(w, out)
    bomb_rows(w, out)
    young_rows(w, out)
    newcomer_rows(w, out)
    control_rows(w, out)
    other_worlds(seed, out, options)
    return out


def _summary(values: list[float], target: float) -> str:
    v = np.array(values)
    return (f"{np.median(v):7.3f} {np.quantile(v, 0.9):7.3f} {v.max():7.3f} "
            f"{int((v <= target + 1e-12).sum()):3d}/{len(v):<3d}")


def table(results: list[dict]) -> str:
    """The table over worlds: median, worst tenth, worst, worlds meeting; raw mean's median / worst tenth / worst."""
    lines = [f"{'shape':<100} {'target':>7} {'median':>7} {'worst10':>7} {'worst':>7} {'meet':>7}   raw mean / pooled"]
    for key, row in ROWS.items():
        model = [r[key][0] for r in results]
        line = f"{row.label:<100} {row.target:7.2f} {_summary(model, row.target)}"
        if row.raw:
            raw = np.array([r[key][1] for r in results])
            line += f"   {np.median(raw):5.1f} / {np.quantile(raw, 0.9):5.1f} / {raw.max():5.1f}"
        if row.pooled:
            had = np.array([r[key][1] for r in results])
            gone = round(float(np.dot(model, had)))
            line += f"   pooled {gone} of {had.sum()} claims = {gone / max(had.sum(), 1):.3f}"
        lines.append(line)
    return "\n".join(lines)


def main() -> None:
    """Probe each seed (one line of progress each), then print the table; `--variant k=v,...` as in paired.py."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--variant", default="")
    ap.add_argument("seeds", nargs="+", type=int)
    args = ap.parse_args()
    options = options_for(parse_variant(args.variant)) if args.variant else None
    seeds = args.seeds
    start, results = time.time(), []
    for seed in seeds:
        results.append(probe(seed, options))
        print(f"seed {seed} done at {time.time() - start:.0f} s", file=sys.stderr, flush=True)
    print(table(results))
    print(f"\nseeds {' '.join(map(str, seeds))}; {time.time() - start:.0f} s")


if __name__ == "__main__":
    main()
