"""API-level guarantees of craftreview.scoring: purity, crafts, time zones, explanations, rescoring."""
from __future__ import annotations

import ast
import copy
import json
import pickle
import sys
from dataclasses import replace
from datetime import UTC, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.scoring.simulate import NOW, SimConfig, simulate
from craftreview.scoring import MODEL_VERSION, ReviewSignal, fit_model, score_makers
from craftreview.scoring.explain import review_table

pytestmark = pytest.mark.filterwarnings("error")
PACKAGE = Path(__file__).resolve().parents[2] / "craftreview" / "scoring"
ALLOWED = {"numpy", "__future__"} | set(sys.stdlib_module_names)  # scipy would cost every web worker ~25 MB


@pytest.fixture(scope="module")
def platform():
    return simulate(11, SimConfig(n_makers=500))


def test_package_imports_only_numpy_and_stdlib():
    bad = []
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            bad += [f"{path.name}: {n}" for n in names if n.split(".")[0] not in ALLOWED]
    assert bad == []


def test_per_craft_prior_is_learned_and_unknown_craft_falls_back(platform):
    crafts = {m: ("good" if platform.overall[m] >= 3.6 else "weak") for m in platform.crafts}
    model = fit_model(platform.signals, now=NOW, crafts=crafts)
    good, weak, unknown = (model.score_maker([], now=NOW, craft=c) for c in ("good", "weak", "glass"))
    assert good.overall.mean > weak.overall.mean + 0.5
    assert good.explanation["prior"]["source"] == "craft"
    assert unknown.explanation["prior"]["source"] == "global"
    assert weak.overall.mean < unknown.overall.mean < good.overall.mean


def test_aware_and_naive_utc_datetimes_agree(platform):
    sigs = [s for s in platform.signals if s.maker_id == 5]
    aware = [ReviewSignal(**{**{f: getattr(s, f) for f in s.__slots__},
                             "created_at": s.created_at.replace(tzinfo=UTC)}) for s in sigs]
    model = fit_model(platform.signals, now=NOW)
    a = model.score_maker(sigs, now=NOW)
    b = model.score_maker(aware, now=NOW.replace(tzinfo=UTC))
    assert (b.overall.mean, b.overall.low, b.overall.high) == pytest.approx((a.overall.mean, a.overall.low,
                                                                              a.overall.high), abs=1e-12)
    shifted = model.score_maker(aware, now=NOW.replace(tzinfo=timezone(timedelta(hours=-5))))
    assert shifted.overall.mean != pytest.approx(a.overall.mean, abs=1e-9)  # 'now' 5 hours later really differs


def test_rescoring_uses_reviewer_bias_from_other_makers_only(platform):
    scores = score_makers(platform.signals, now=NOW, crafts=platform.crafts)
    model = fit_model(platform.signals, now=NOW, crafts=platform.crafts)
    counts = {}
    for s in platform.signals:
        counts[s.reviewer_id] = counts.get(s.reviewer_id, 0) + 1
    maker = next(s.maker_id for s in platform.signals if counts[s.reviewer_id] >= 3)
    mine = [s for s in platform.signals if s.maker_id == maker]
    single = model.score_maker(mine, now=NOW, craft=platform.crafts[maker])
    full = scores[maker]
    assert single.overall.mean == pytest.approx(full.overall.mean, abs=1e-12)
    assert single.p_skilled == pytest.approx(full.p_skilled, abs=1e-12) and single.tier == full.tier
    assert review_table(single.explanation) == review_table(full.explanation)
    biases = [e["reviewer_bias_stars"] for e in review_table(single.explanation).values()]
    assert any(b != 0.0 for b in biases)


def test_new_review_after_fit_moves_the_score(platform):
    model = fit_model(platform.signals, now=NOW)
    mine = [s for s in platform.signals if s.maker_id == 9]
    new = ReviewSignal(9, "fresh-buyer", 1, 1, 1, NOW - timedelta(hours=2), verified=True,
                       reviewer_joined_at=NOW - timedelta(days=90), review_id="new")
    before, after = model.score_maker(mine, now=NOW), model.score_maker(mine + [new], now=NOW)
    assert after.overall.mean < before.overall.mean
    assert after.review_count == before.review_count + 1
    assert "new" in review_table(after.explanation)


def test_stored_explanation_is_plain_json_and_says_what_drove_the_score(platform):
    scores = score_makers(platform.signals, now=NOW, crafts=platform.crafts)
    for s in list(scores.values())[:50]:
        e = json.loads(json.dumps(s.to_dict()["explanation"], allow_nan=False))
        assert dict(s.explanation["review_factors"]) == e["review_factors"]  # read in place, as stored
        assert e["model_version"] == MODEL_VERSION
        assert set(e["prior"]["effective_prior_reviews"]) == {"craftsmanship", "consistency", "delivery"}
        assert len(review_table(e)) == s.review_count
        assert 0 < e["evidence"]["effective_reviews"] <= s.review_count
        assert (s.unproven_reason is None) == (s.tier != "unproven")
        assert s.overall.low <= s.overall.mean <= s.overall.high


def test_explanation_built_on_first_read_is_the_dict_that_is_stored(platform):
    scores = score_makers(platform.signals, now=NOW, crafts=platform.crafts)
    first, second = list(scores.values())[:2]
    assert not isinstance(first.explanation, dict)  # score_makers leaves building it to the first reader
    stored = first.to_dict()["explanation"]
    assert type(stored) is dict and dict(first.explanation) == stored
    assert copy.deepcopy(first.explanation) == stored and type(pickle.loads(pickle.dumps(first.explanation))) is dict
    second.explanation["what_would_move_tier"] = {"note": "added"}  # as services.scores.with_outlooks does
    assert second.to_dict()["explanation"]["what_would_move_tier"] == {"note": "added"}
    assert second.explanation["model_version"] == MODEL_VERSION and "what_would_move_tier" not in first.explanation
    one = fit_model(platform.signals, now=NOW).score_maker([s for s in platform.signals if s.maker_id == 9], now=NOW)
    assert one.explanation["evidence"]["review_count"] == one.review_count  # rescoring one maker: the same form


def test_storing_an_unread_explanation_does_not_keep_it_built(platform):
    """rescore_all stores every maker's score as JSON: to_dict must not leave each maker's dict behind as well."""
    scores = score_makers(platform.signals, now=NOW, crafts=platform.crafts)
    score = next(iter(scores.values()))
    stored = json.dumps(score.to_dict()["explanation"], sort_keys=True)
    assert score.explanation._dict is None  # still unbuilt: the dict that was stored is garbage once dumped
    assert score.explanation["model_version"] == MODEL_VERSION and score.explanation._dict is not None  # read: kept
    assert json.dumps(score.to_dict()["explanation"], sort_keys=True) == stored  # the same explanation either way


signal_strategy = st.builds(
    lambda m, r, stars, age, verified, joined, slip, rid: ReviewSignal(
        m, r, *stars, created_at=NOW - timedelta(days=age), verified=verified,
        reviewer_joined_at=None if joined is None else NOW - timedelta(days=age + joined),
        promised_on=None if slip is None else (NOW - timedelta(days=age + 5)).date(),
        delivered_on=None if slip is None else (NOW - timedelta(days=age + 5 - slip)).date(), review_id=rid),
    st.integers(0, 3), st.integers(0, 4), st.tuples(*[st.integers(1, 5)] * 3), st.floats(0, 2000),
    st.booleans(), st.none() | st.floats(0, 500), st.none() | st.integers(-3, 20), st.integers(0, 10**6))


@settings(max_examples=40, deadline=None)
@given(sigs=st.lists(signal_strategy, min_size=1, max_size=12))
def test_tiny_and_odd_platforms_score_cleanly(sigs):
    scores = score_makers(sigs, now=NOW, crafts={0: "glass", 1: "glass", 2: None})
    assert scores.get(2) is None or scores[2].explanation["prior"]["source"] == "global"
    assert set(scores) == {s.maker_id for s in sigs}
    for s in scores.values():
        for e in (s.craftsmanship, s.consistency, s.delivery, s.overall):
            assert 1.0 <= e.low <= e.mean <= e.high <= 5.0
        assert 0.0 <= s.p_master <= s.p_skilled <= 1.0 and 0.0 <= s.p_novice <= 1.0
        assert s.tier in {"master", "skilled", "developing", "novice", "unproven"}
        json.dumps(s.to_dict(), allow_nan=False)


def test_maker_stats_take_keeps_the_chosen_makers_in_order(model):
    """The up-claim check rescores only the makers holding a skilled or master claim (MakerStats.take)."""
    stats = model._batch.stats
    rows = np.array([5, 0, 17])
    part = stats.take(rows)
    for name in ("count", "weight", "weight_dated", "age_sum", "sum_undated", "sum_dated", "reliability"):
        assert np.array_equal(getattr(part, name), getattr(stats, name)[rows])
    assert np.array_equal(part.mean, stats.mean[rows], equal_nan=True)


def _close(a, b, path="") -> list[str]:
    """Where two score dicts differ beyond float rounding (a millionth: the fit iterates to a tolerance)."""
    if isinstance(a, dict):
        return ([f"{path}: keys"] if a.keys() != b.keys() else
                [d for k in a for d in _close(a[k], b[k], f"{path}/{k}")])
    if isinstance(a, list | tuple):
        return ([f"{path}: length"] if len(a) != len(b) else
                [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in _close(x, y, f"{path}/{i}")])
    if isinstance(a, float) and isinstance(b, float):
        return [] if a == b or abs(a - b) <= 1e-6 * max(1.0, abs(a)) or (a != a and b != b) else [f"{path}: {a} != {b}"]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def test_scores_do_not_depend_on_the_order_signals_arrive_in(platform):
    """The database gives reviews in the order they were written, makers interleaved; the model groups each maker's
    rows itself (for speed), and every score, tier and explanation row comes out as for the maker-grouped list."""
    grouped = score_makers(platform.signals, now=NOW, crafts=platform.crafts)
    written = sorted(platform.signals, key=lambda s: (s.created_at, str(s.review_id)))
    arrived = score_makers(written, now=NOW, crafts=platform.crafts)
    assert list(grouped) != list(arrived)  # makers come out in order of first appearance...
    assert _close(_by_review(grouped), _by_review(arrived)) == []  # ...and each maker's reviews in the order given


def _by_review(scores: dict) -> dict:
    """Each score as a dict, its per-review factors keyed by review id."""
    out = {}
    for maker, score in scores.items():
        d = score.to_dict()
        d["explanation"] = dict(d["explanation"], review_factors=review_table(score.explanation))
        out[maker] = d
    return out


def test_a_fitted_model_scores_every_maker_it_was_fitted_on_as_score_makers_does(platform):
    model = fit_model(platform.signals, now=NOW, crafts=platform.crafts)
    fitted = model.score_fitted(platform.crafts)
    direct = score_makers(platform.signals, now=NOW, crafts=platform.crafts)
    assert {m: s.to_dict() for m, s in fitted.items()} == {m: s.to_dict() for m, s in direct.items()}
    with pytest.raises(ValueError, match="score_makers"):
        replace(model, _batch=None).score_fitted()


@pytest.mark.parametrize("relabel", [lambda i: 2**70 + i, lambda i: -i, lambda i: f"maker-{i}", lambda i: (i, "x")],
                         ids=["beyond 64 bits", "negative", "text", "tuple"])
def test_any_hashable_ids_score_as_small_integers_do(platform, relabel):
    """Integer ids take a numpy path, everything else a dict: the scores cannot tell them apart."""
    sigs = [s for s in platform.signals if s.maker_id < 60]
    plain = score_makers(sigs, now=NOW)
    other = score_makers([replace(s, maker_id=relabel(s.maker_id), reviewer_id=relabel(s.reviewer_id)) for s in sigs],
                         now=NOW)
    assert list(other) == [relabel(m) for m in plain]
    assert [(s.tier, s.overall.mean, s.overall.low) for s in other.values()] == \
        [(s.tier, s.overall.mean, s.overall.low) for s in plain.values()]
