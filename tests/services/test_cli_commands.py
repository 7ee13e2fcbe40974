"""`flask seed-demo` and `flask rescore` leave scores and the search index matching the database."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from craftreview import cli, search
from craftreview.models import MakerScoreRow
from craftreview.search.outbox import pending_count


def _invoke(app, *args):
    result = app.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _seed(app, makers=12, reviews=60):
    return _invoke(app, "seed-demo", "--makers", str(makers), "--reviews", str(reviews))


def test_seed_demo_scores_and_indexes_everything_it_wrote(app, db):
    output = _seed(app)
    assert re.search(r"ring signals recomputed in [\d.]+s", output), "moderators' signals start computed"
    assert re.search(r"scored 12 makers in [\d.]+ s", output)
    indexed = int(re.search(r"indexed (\d+) search documents", output).group(1))
    report = search.check(app)
    assert report.ok and report.documents == indexed and report.pending == 0
    assert db.scalar(select(func.count()).select_from(MakerScoreRow)) == 12


def test_seed_demo_refuses_a_database_that_has_data(app):
    _seed(app)
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code != 0 and "not empty" in result.output
    assert "not seeding" in _invoke(app, "seed-demo", "--if-empty")


def test_rescore_rebuilds_the_index_when_many_scores_changed(app, monkeypatch):
    _seed(app)
    rebuilt = []
    real_rebuild = search.rebuild
    monkeypatch.setattr(search, "rebuild", lambda a: rebuilt.append(a) or real_rebuild(a))
    monkeypatch.setattr(cli, "RESCORE_REBUILD_ABOVE", -1)  # every refit counts as "many changed"
    output = _invoke(app, "rescore")
    assert "rescored 12 makers" in output and "search index updated" in output
    assert len(rebuilt) == 1
    assert search.check(app).ok and pending_count(app.extensions["craftreview.engine"]) == 0


def test_rescore_drains_the_changes_when_few_scores_changed(app, monkeypatch):
    _seed(app)
    monkeypatch.setattr(search, "rebuild", lambda a: (_ for _ in ()).throw(AssertionError("rebuilt")))
    output = _invoke(app, "rescore")
    assert "search index updated" in output
    assert search.check(app).ok and pending_count(app.extensions["craftreview.engine"]) == 0
