"""Two app servers (as on two hosts) on one PostgreSQL and one Redis behave as one site.

Runs where CRAFTREVIEW_TEST_POSTGRES_URL and CRAFTREVIEW_TEST_REDIS_URL are set (CI sets both);
each server is gunicorn with one sync worker on its own 127.0.0.1 port, with the PostgreSQL
search backend, Redis rate-limit storage and the production configuration (CSRF on).
"""
from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager

import pytest
import redis
from sqlalchemy import select, text

from craftreview.config import PROJECT_ROOT
from craftreview.db import write_transaction
from craftreview.models import Maker, Review, User
from craftreview.services.passwords import hash_password
from craftreview.services.scores import rescore_all
from tests.conftest import WORKER, migrated_postgres_schema, worker_redis_url

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
# pytest-xdist may split this module's tests across workers, and each worker then starts its own two
# servers (on its own PostgreSQL database): ports and the Redis database number are the worker's own.
PORTS = (5112 + 2 * WORKER, 5113 + 2 * WORKER)
PASSWORD = "two hosts one database"


@pytest.fixture(scope="module")
def redis_url():
    url = worker_redis_url()
    if not url:
        pytest.skip("CRAFTREVIEW_TEST_REDIS_URL is not set (the multi-host test needs a shared Redis)")
    redis.Redis.from_url(url).flushdb()  # this test's own database number
    return url


@pytest.fixture(scope="module")
def site(redis_url):
    """Schema, a buyer, a maker and a stored fit; then the two servers (stopped at the end)."""
    with migrated_postgres_schema("multihost") as engine:
        url = engine.url.render_as_string(hide_password=False)
        _arrange(engine)
        env = {**os.environ, "DATABASE_URL": url, "CRAFTREVIEW_ENV": "production", "SECRET_KEY": uuid.uuid4().hex,
               "CRAFTREVIEW_PUBLIC_URL": "http://127.0.0.1",
               "CRAFTREVIEW_SEARCH_BACKEND": "postgres", "RATELIMIT_STORAGE_URI": redis_url}
        with _server(env, PORTS[0]) as a, _server(env, PORTS[1]) as b:
            yield {"engine": engine, "servers": (a, b)}


def _arrange(engine) -> None:
    from sqlalchemy.orm import Session
    with Session(engine) as session, write_transaction(session):
        hashed = hash_password(PASSWORD)
        people = {name: User(email=f"{name}@example.com", display_name=name.title(), password_hash=hashed)
                  for name in ("owner", "owner2", "bea", "carol")}
        session.add_all(people.values())
        session.flush()
        session.add_all([Maker(owner_id=people["owner"].id, name="Quillon Bindery", slug="quillon", craft="paper"),
                         Maker(owner_id=people["owner2"].id, name="Second Shelf", slug="second", craft="paper")])
        session.flush()
        rescore_all(session)


@contextmanager
def _server(env: dict, port: int):
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log)
    process.log = log
    try:
        _wait_ready(port, process)
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(20)
        log.close()


def _wait_ready(port: int, process, timeout: float = 40.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on {port} exited: {_log_text(process)}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server on {port} did not start")


def _log_text(process) -> str:
    process.log.seek(0)
    return process.log.read().decode(errors="replace")[-3000:]


def _index_state(engine) -> str:
    with engine.connect() as conn:
        return str([tuple(r) for r in conn.execute(text("SELECT key, kind FROM search_documents"))]) + str(
            conn.execute(text("SELECT count(*) FROM index_outbox")).scalar())


class Browser:
    """A cookie jar shared by both servers (cookies are per host name, not per port)."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, port: int, path: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(f"http://127.0.0.1:{port}{path}"))

    def post_form(self, port: int, path: str, fields: dict) -> tuple[int, str]:
        """GET the form for its CSRF token, then POST it."""
        _status, page = self.get(port, path)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"', page)
        data = urllib.parse.urlencode({**fields, "csrf_token": token.group(1) or token.group(2)}).encode()
        return self._open(urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data))

    def _open(self, request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()


def _log_in(browser: Browser, port: int, name: str = "bea") -> None:
    status, page = browser.post_form(port, "/login", {"email": f"{name}@example.com", "password": PASSWORD})
    assert status == 200 and f"Welcome back, {name.title()}" in page


def _review(browser: Browser, port: int, slug: str, title: str) -> None:
    status, page = browser.post_form(port, f"/makers/{slug}/review", {
        "craftsmanship": "5", "consistency": "4", "delivery": "4", "title": title,
        "body": "Sewn signatures, square spine, and the marbled endpapers match the photos."})
    assert status == 200 and title in page, page[:2000]


def _eventually(check, site, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "not reached in time; logs:\n" + "\n".join(
            _log_text(p) for p in site["servers"]) + _index_state(site["engine"])
        time.sleep(0.3)


def test_a_session_from_one_server_works_on_the_other(site):
    browser = Browser()
    _log_in(browser, PORTS[0])
    status, page = browser.get(PORTS[1], "/account")
    assert status == 200 and "Bea" in page and "Log in" not in page


def test_a_review_written_through_one_is_scored_and_searchable_through_the_other(site):
    browser = Browser()
    _log_in(browser, PORTS[0])
    _review(browser, PORTS[0], "quillon", "Coptic journal wonderfully bound")
    _status, maker_page = browser.get(PORTS[1], "/makers/quillon")
    assert "1 review," in maker_page  # the stored score, written by the other server
    _eventually(lambda: "journal wonderfully bound" in browser.get(PORTS[1], "/search?q=coptic&tab=reviews")[1], site)


def test_rate_limits_are_shared_between_servers(site, redis_url):
    store = redis.Redis.from_url(redis_url)
    store.flushdb()  # earlier tests' logins count against the same per-minute limit
    browser = Browser()
    try:
        statuses = [browser.post_form(PORTS[i % 2], "/login", {"email": "nobody@example.com", "password": "wrong"})[0]
                    for i in range(11)]
        assert statuses[:10] == [400] * 10  # ten failed attempts in a minute (the form again), split across both servers
        assert statuses[10] == 429
    finally:
        store.flushdb()  # let later tests log in again, whatever happened here


def test_stopping_one_server_loses_nothing(site):
    a, _b = site["servers"]
    browser = Browser()
    _log_in(browser, PORTS[0])
    _review(browser, PORTS[0], "second", "Quarter leather ledger arrived")
    a.send_signal(signal.SIGKILL)  # the host dies right after answering: its index drain may never run
    a.wait(10)
    with site["engine"].connect() as conn:
        titles = set(conn.scalars(select(Review.title)))
    assert "Quarter leather ledger arrived" in titles
    other = Browser()
    _log_in(other, PORTS[1], "carol")
    _status, page = other.get(PORTS[1], "/makers/second")
    assert "Quarter leather ledger arrived" in page
    # The surviving server's next write drains every pending index row, the dead one's included.
    _review(other, PORTS[1], "second", "Carol sketchbook, also lovely")
    _eventually(lambda: "Quarter leather" in other.get(PORTS[1], "/search?q=ledger&tab=reviews")[1], site)
