"""The fitted model is stored by rescore and read by writes; requests never fit."""
from __future__ import annotations

import dataclasses
import json
import zlib
from datetime import timedelta

import numpy as np
import pytest

from craftreview import scoring
from craftreview.db import write_transaction
from craftreview.models import MakerScoreRow, StoredFit, utcnow
from craftreview.services import fit_codec, fits
from craftreview.services.scores import load_signals, rescore_all


def _platform(make_user, make_maker, make_review, makers: int = 6):
    ratings = [(2, 3, 2), (3, 3, 4), (4, 4, 3), (5, 4, 4), (3, 2, 3), (4, 5, 5)]
    made = []
    for i in range(makers):
        maker = make_maker(name=f"Platform {i}", craft=("wood", "ceramics")[i % 2])
        for j in range(2 + i % 3):
            c, s, d = ratings[(i + j) % len(ratings)]
            make_review(make_user(f"p{i}-{j}"), maker, craftsmanship=c, consistency=s, delivery=d)
        made.append(maker)
    return made


def test_round_trip_of_a_real_fit_scores_every_maker_identically(db, make_user, make_maker, make_review):
    makers = _platform(make_user, make_maker, make_review)
    now = utcnow()
    signals, crafts = load_signals(db)
    model = scoring.fit_model(signals, now=now, crafts=crafts)
    reloaded = fit_codec.decode(fit_codec.encode(model))
    for maker in makers:
        own = [s for s in signals if s.maker_id == maker.id]
        assert reloaded.score_maker(own, now=now, craft=maker.craft) == model.score_maker(own, now=now,
                                                                                            craft=maker.craft)
    assert reloaded.score_maker([], now=now, craft="wood") == model.score_maker([], now=now, craft="wood")


@dataclasses.dataclass
class _Inner:
    matrix: np.ndarray
    by_pair: dict


def test_codec_keeps_types_of_nested_values():
    pairs = {(i, i + 1): (float(i) / 3, i * 0.5) for i in range(40)}
    value = {"a": _Inner(np.arange(6, dtype=np.float32).reshape(2, 3), pairs), 7: [1, (2.5, "x")], None: {1.5}}
    # Test dataclasses live outside the scoring package, so they are only encodable, not rebuildable.
    with pytest.raises(fit_codec.FitDecodeError, match="not part of the scoring package"):
        fit_codec.decode(fit_codec.encode(value))
    plain = {"pairs": pairs, "ints": {i: i * 2 for i in range(30)}, 7: [1, (2.5, "x")], None: {1.5},
             "nan": float("nan"), "arr": np.array([[1, 2], [3, 4]])}
    back = fit_codec.decode(fit_codec.encode(plain))
    assert back["pairs"] == pairs and back["ints"] == plain["ints"] and back[7] == [1, (2.5, "x")]
    assert back[None] == {1.5} and np.isnan(back["nan"])
    assert back["arr"].dtype == plain["arr"].dtype and (back["arr"] == plain["arr"]).all()


def test_codec_refuses_values_it_cannot_store_faithfully():
    with pytest.raises(TypeError):
        fit_codec.encode({"f": lambda: 1})
    with pytest.raises(TypeError):
        fit_codec.encode(np.array([object()]))


def test_payload_naming_a_class_outside_scoring_is_refused():
    forged = fit_codec.encode(scoring.fit_model([], now=utcnow()))
    tree = json.loads(zlib.decompress(forged))
    tree["$dc"] = "subprocess:Popen"
    with pytest.raises(fit_codec.FitDecodeError):
        fit_codec.decode(zlib.compress(json.dumps(tree).encode()))


@pytest.fixture
def fitted_db(db, make_user, make_maker, make_review):
    """A platform whose fit has been stored by rescore."""
    makers = _platform(make_user, make_maker, make_review)
    with write_transaction(db):
        rescore_all(db)
    fits.forget()
    return makers


def test_rescore_stores_the_fit_and_keeps_only_the_newest_few(db, fitted_db):
    for _ in range(fits.KEEP_FITS + 1):
        with write_transaction(db):
            rescore_all(db)
    rows = list(db.scalars(db.query(StoredFit).statement))
    assert len(rows) == fits.KEEP_FITS
    assert all(r.model_version == scoring.MODEL_VERSION for r in rows)


def test_a_write_scores_with_the_stored_fit_and_never_fits(db, fitted_db, make_user, make_review, monkeypatch):
    def no_fitting(*_a, **_k):
        raise AssertionError("a request fitted the model")
    monkeypatch.setattr(scoring, "fit_model", no_fitting)
    maker = fitted_db[0]
    make_review(make_user("late"), maker, craftsmanship=5, consistency=5, delivery=5)
    db.expire_all()
    row = db.get(MakerScoreRow, maker.id)
    model = fits.current_fit(db)
    signals, _ = load_signals(db, [maker.id])
    expected = model.score_maker(signals, now=row.computed_at, craft=maker.craft)
    assert row.review_count == expected.review_count and row.tier == expected.tier


def test_without_a_stored_fit_writes_score_with_the_default_fit(db, make_user, make_maker, make_review,
                                                                monkeypatch):
    maker = make_maker()
    calls = []
    real = scoring.fit_model
    monkeypatch.setattr(scoring, "fit_model", lambda signals, **kw: calls.append(len(list(signals))) or real([], **kw))
    make_review(make_user(), maker)
    assert calls == [0]  # the prior-only fit: no signals read, constant time
    assert db.get(MakerScoreRow, maker.id).review_count == 1


def test_a_fit_stored_by_another_process_is_picked_up_by_the_next_write(db, fitted_db, make_user, make_review):
    before = fits.current_fit(db)
    with write_transaction(db):
        fits.store_fit(db, scoring.fit_model([], now=utcnow()))  # as if another host ran rescore
    after = fits.current_fit(db)
    assert after is not before and after.n_signals == 0
    assert fits.current_fit(db) is after  # cached until a newer one appears


def test_an_unreadable_stored_fit_falls_back_to_the_default_with_a_warning(db, fitted_db, caplog):
    with write_transaction(db):
        db.add(StoredFit(model_version=scoring.MODEL_VERSION, n_signals=1, payload=b"not a fit"))
    model = fits.current_fit(db)
    assert model.n_signals == 0
    assert "cannot be read" in caplog.text


def test_stored_fit_round_trips_through_the_database(db, fitted_db):
    now = utcnow() + timedelta(days=1)
    signals, _ = load_signals(db, [fitted_db[1].id])
    fresh_model = fits.current_fit(db)
    fits.forget()
    again = fits.current_fit(db)
    assert again is not fresh_model
    assert again.score_maker(signals, now=now, craft="ceramics") == fresh_model.score_maker(
        signals, now=now, craft="ceramics")


def _cli(app, *args) -> str:
    result = app.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_seed_demo_leaves_a_stored_fit(app, db):
    _cli(app, "seed-demo", "--makers", "6", "--reviews", "30")
    assert fits.latest_fit_id(db) is not None
    assert "not rescoring" in _cli(app, "rescore", "--if-missing")


def test_rescore_if_missing_stores_a_fit_on_a_database_without_one(app, db, make_maker):
    make_maker()
    assert fits.latest_fit_id(db) is None
    assert "rescored 1 makers" in _cli(app, "rescore", "--if-missing")
    db.rollback()
    assert fits.latest_fit_id(db) is not None
