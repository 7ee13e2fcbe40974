"""A warmed worker has the stored fit decoded, its templates compiled and its background threads running
before its first request."""
from __future__ import annotations

import gc
import importlib.util

from sqlalchemy import func, select

from craftreview import search
from craftreview.config import PROJECT_ROOT
from craftreview.db import write_transaction
from craftreview.models import Base
from craftreview.services import fits
from craftreview.services.scores import rescore_all
from craftreview.web import mailing, stored_pages, warmup
from craftreview.web.warmup import warm


def test_gunicorn_hook_warms_the_worker_with_the_stored_fit(app, db, make_maker, monkeypatch):
    make_maker()
    with write_transaction(db):
        rescore_all(db)
    fits.forget()
    spec = importlib.util.spec_from_file_location("gunicorn_conf", PROJECT_ROOT / "gunicorn.conf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    try:
        conf.post_worker_init(type("Worker", (), {"wsgi": app})())
        assert gc.get_freeze_count() > 0  # what warm-up loaded is out of the collector's way
    finally:
        gc.unfreeze()  # (this test process is not a worker)
    loads = []
    monkeypatch.setattr(fits, "_load", lambda *a: loads.append(a))
    fits.current_fit(db)
    assert loads == []  # already decoded by the warm-up


def test_warm_up_failure_is_logged_not_raised(app, caplog, monkeypatch):
    monkeypatch.setattr(fits, "current_fit", lambda _s: 1 / 0)
    warm(app)
    assert "warm-up failed" in caplog.text


def _background(app) -> list:
    return [search.drainer(app), stored_pages.renderer(app), mailing.deliverer(app)]


def test_warm_up_starts_the_background_threads_and_compiles_templates(app, db, make_maker, make_user, make_review):
    make_review(make_user(), make_maker())
    assert not any(thread.started for thread in _background(app))
    compiled = {key[1] for key in app.jinja_env.cache.keys()}
    assert "makers/show.html" not in compiled
    warm(app)
    assert all(thread.started for thread in _background(app))
    compiled = {key[1] for key in app.jinja_env.cache.keys()}
    assert {"makers/show.html", "makers/_score_panel.html", "search/results.html"} <= compiled


def test_a_failing_warm_up_step_leaves_the_others_done(app, caplog, monkeypatch):
    monkeypatch.setattr(fits, "current_fit", lambda _s: 1 / 0)
    warm(app)
    assert "warm-up failed at _decode_fit" in caplog.text
    assert all(thread.started for thread in _background(app))


def _row_counts(app) -> dict[str, int]:
    with app.extensions["craftreview.engine"].connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar() for t in Base.metadata.sorted_tables}


def test_warm_up_runs_one_review_write_and_keeps_none_of_it(app, db, make_maker, make_user, monkeypatch):
    maker, buyer = make_maker(), make_user("Buyer Bo")
    submitted = []
    real = warmup.submit_review
    monkeypatch.setattr(warmup, "submit_review", lambda *a, **k: submitted.append(real(*a, **k)))
    before = _row_counts(app)
    warm(app)
    assert len(submitted) == 1 and submitted[0].author_id == buyer.id and submitted[0].maker_id == maker.id
    assert _row_counts(app) == before  # the write ran through the real service and was rolled back


def test_warm_up_write_queues_the_makers_mail_as_a_real_write_does_and_keeps_none(app, db, make_maker, make_user,
                                                                                   monkeypatch):
    maker, _buyer = make_maker(), make_user("Buyer Bo")
    owner_email = maker.owner.email
    backend, sent = app.extensions["craftreview.mail"], []
    real = backend.send
    monkeypatch.setattr(backend, "send", lambda session, **mail: sent.append(mail["to"]) or real(session, **mail))
    before = _row_counts(app)
    warm(app)
    assert sent == [owner_email]  # the mail path of a review write ran (its statements compiled)
    assert _row_counts(app) == before  # and its outbox row went with the rollback
