"""How long one review submission holds the write transaction (SQLite: the database's write lock).

Measured in-process and sequentially, so nothing waits for the lock and load elsewhere on the machine
matters less than in the HTTP run: a probe script runs inside each source tree (its own `craftreview`),
wraps the `write_transaction` that `services/reviews.py` uses with a timer, and submits reviews of
random makers by fresh accounts through `submit_review`. Trees alternate in rounds so that drifting
machine load falls on both alike.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = r'''
import json, random, sys, time
from contextlib import contextmanager
from datetime import date, timedelta
from sqlalchemy import insert, select
from craftreview import create_app
from craftreview.models import Maker, User
from craftreview.services import reviews

count, seed, tag = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
app = create_app()
db = app.extensions["craftreview.sessions"]()
held, real = [], reviews.write_transaction

@contextmanager
def timed(session):
    started = time.perf_counter()
    with real(session) as s:
        yield s
    held.append(time.perf_counter() - started)

reviews.write_transaction = timed
db.execute(insert(User), [{"email": f"lock-{tag}-{i}@example.com", "display_name": f"Lock {i}", "password_hash": "-",
                           "is_moderator": False, "is_suspended": False, "session_version": 1} for i in range(count + 2)])
db.commit()
users = list(db.scalars(select(User).where(User.email.like(f"lock-{tag}-%")).order_by(User.id)))
makers = random.Random(seed).sample(list(db.scalars(select(Maker))), count + 2)
today, totals = date.today(), []
for user, maker in zip(users, makers):
    started = time.perf_counter()
    reviews.submit_review(db, user, maker, reviews.ReviewInput(
        craftsmanship=4, consistency=5, delivery=3, title="Bench review of a walnut bowl",
        body="Even glaze, sturdy walnut, arrived a few days after the promised date.", order_type="stock",
        price_band="25-100", ordered_on=today - timedelta(days=20), promised_by=today - timedelta(days=8),
        delivered_on=today - timedelta(days=5)))
    totals.append(time.perf_counter() - started)
print(json.dumps({"held": held[2:], "total": totals[2:]}))  # the first two warm the caches
'''


def probe(tree: Path, env: dict, count: int, seed: int, tag: str) -> dict:
    """Run the probe inside `tree`: {"held": [...], "total": [...]} in seconds."""
    done = subprocess.run([sys.executable, "-c", PROBE, str(count), str(seed), tag], cwd=tree, capture_output=True,
                          text=True, env={**env, "PYTHONPATH": str(tree)}, timeout=1800)
    if done.returncode:
        raise RuntimeError(f"lock probe in {tree} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def compare(trees: list[tuple[str, Path]], env: dict, rounds: int = 2, count: int = 12) -> dict[str, dict]:
    """Per tree label, all samples of `rounds` alternating probes of `count` submissions each."""
    samples: dict[str, dict] = {label: {"held": [], "total": []} for label, _tree in trees}
    for r in range(rounds):
        for i, (label, tree) in enumerate(trees):
            got = probe(tree, env, count, seed=100 * r + i, tag=f"{os.getpid()}-{r}-{i}")
            samples[label]["held"] += got["held"]
            samples[label]["total"] += got["total"]
    return samples
