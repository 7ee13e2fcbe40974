"""The WSGI app the web bench serves: the real app plus a hello-world route and a write route.

`/bench/hello` is the reference every page is divided by (same gunicorn, same run).
`/bench/write` submits one review through the real service (scoring, audit, outbox, drain after
the response) for a given user and maker, without the login and CSRF round trips a browser needs.
"""
from __future__ import annotations

import os
import time
from datetime import date, timedelta

from flask import request

from craftreview import create_app
from craftreview.models import Maker, User
from craftreview.services.reviews import ReviewInput, submit_review
from craftreview.web.context import get_db
from craftreview.web.security import csrf

app = create_app()


@app.get("/bench/hello")
def hello():
    """The smallest Flask response: the reference for every page."""
    return "hello world"


@app.get("/bench/pid")
def pid():
    """Which worker answered: the bench starts only once every worker has (each warmed up and accepting)."""
    return str(os.getpid())


@csrf.exempt
@app.post("/bench/write")
def write():
    """One review by ?user= of ?maker=, through submit_review."""
    db = get_db()
    user, maker = db.get(User, int(request.args["user"])), db.get(Maker, int(request.args["maker"]))
    today = date.today()
    started = time.perf_counter()
    submit_review(db, user, maker, ReviewInput(
        craftsmanship=4, consistency=5, delivery=3, title="Bench review of a walnut bowl",
        body="Even glaze, sturdy walnut, arrived a few days after the promised date.", order_type="stock",
        price_band="25-100", ordered_on=today - timedelta(days=20), promised_by=today - timedelta(days=8),
        delivered_on=today - timedelta(days=5)))
    return {"pid": os.getpid(), "service_ms": 1000 * (time.perf_counter() - started)}
