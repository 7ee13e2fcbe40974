"""Many processes submitting reviews at once: every acknowledged review is stored exactly once."""
from __future__ import annotations

import multiprocessing
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from craftreview.db import make_engine, make_session_factory
from craftreview.errors import Conflict
from craftreview.models import Maker, MakerScoreRow, Review, User
from craftreview.services.reviews import ReviewInput, submit_review

PROCESSES = 8
PER_PROCESS = 50
pytestmark = pytest.mark.slow


def _submit_batch(url: str, jobs: list[tuple[int, int]], queue) -> None:
    """Child process: submit one review per (author, maker) job; report ids and errors."""
    from craftreview.services import scores
    scores.forget_fitted_models()
    engine = make_engine(url)
    session = make_session_factory(engine)()
    acknowledged, conflicts, errors = [], 0, []
    for author_id, maker_id in jobs:
        data = ReviewInput(craftsmanship=4, consistency=5, delivery=3, title=f"Order from {maker_id}",
                           body=f"Review by {author_id} of maker {maker_id}; the glaze was even.")
        try:
            review = submit_review(session, session.get(User, author_id), session.get(Maker, maker_id), data)
            acknowledged.append(review.id)
        except Conflict:
            conflicts += 1
        except Exception as exc:  # noqa: BLE001 - every other failure is reported to the parent
            errors.append(f"{type(exc).__name__}: {exc}")
    session.close()
    engine.dispose()
    queue.put((acknowledged, conflicts, errors))


def _arrange(db, make_user, make_maker) -> tuple[list[User], list[Maker]]:
    makers = [make_maker(name=f"Maker {i}") for i in range(10)]
    buyers = [make_user(f"buyer{i}") for i in range(PROCESSES * PER_PROCESS // len(makers))]
    return buyers, makers


def test_concurrent_submissions_store_every_acknowledged_review_once(app, db, make_user, make_maker, database_url):
    buyers, makers = _arrange(db, make_user, make_maker)
    pairs = [(b.id, m.id) for b in buyers for m in makers][: PROCESSES * PER_PROCESS]
    # Each pair is submitted twice by different processes: one must win, one must get a Conflict.
    jobs = [pairs[i::PROCESSES] for i in range(PROCESSES)]
    jobs = [chunk + pairs[(i + 1) % PROCESSES::PROCESSES][:5] for i, chunk in enumerate(jobs)]
    results = _run_processes(database_url, jobs)
    acknowledged = [rid for ids, _c, _e in results for rid in ids]
    errors = [e for _i, _c, errs in results for e in errs]
    conflicts = sum(c for _i, c, _e in results)
    assert errors == []
    assert len(acknowledged) == len(set(acknowledged)) == len(pairs)
    assert conflicts == PROCESSES * 5
    stored = set(db.scalars(select(Review.id)))
    assert stored == set(acknowledged)
    per_pair = db.execute(select(Review.author_id, Review.maker_id, func.count()).group_by(
        Review.author_id, Review.maker_id).having(func.count() > 1)).all()
    assert per_pair == []
    # Each maker's stored score saw every review committed before it (no stale last writer).
    counts = dict(db.execute(select(Review.maker_id, func.count()).group_by(Review.maker_id)).all())
    stored_counts = dict(db.execute(select(MakerScoreRow.maker_id, MakerScoreRow.review_count)).all())
    assert stored_counts == counts


def _run_processes(url: str, jobs: list[list[tuple[int, int]]]) -> list:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_submit_batch, args=(url, chunk, queue)) for chunk in jobs]
    started = datetime.now(UTC)
    for proc in procs:
        proc.start()
    results = [queue.get(timeout=300) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
        assert proc.exitcode == 0
    assert (datetime.now(UTC) - started).total_seconds() < 600
    return results
