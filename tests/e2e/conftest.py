"""Browser tests: the real app (Alembic-migrated SQLite file) on a local live server, driven by Chromium."""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from werkzeug.serving import WSGIRequestHandler, make_server

from craftreview import create_app, migrate
from craftreview.services import scores

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MODERATOR_EMAIL = "mod@example.com"
MODERATOR_PASSWORD = "moderator passphrase 1"
PASSWORD = "correct battery staple horse"
TIMEOUT_MS = 10_000
FAVICON = "/favicon.ico"


def pytest_collection_modifyitems(config, items):
    """Every test in this folder is a browser test; without Debian's Chromium they are skipped."""
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not found: e2e tests drive Debian's chromium (never `playwright install`)")
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)
            if not CHROMIUM.exists():
                item.add_marker(skip)


class QuietHandler(WSGIRequestHandler):
    """No access log lines for every request (errors are still logged)."""

    def log_request(self, code="-", size="-") -> None:
        pass


def buffered(app):
    """The app with each response body read (and its file closed) before any byte goes to the socket.

    Chromium drops some connections on purpose (a favicon fetch it no longer needs); werkzeug's development server then
    stops before closing the response, and a static file it was streaming is left open. The ResourceWarning that
    follows lands in whichever test runs next. Pages here are small; gunicorn in production closes the body either way.
    """
    def wsgi(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()
    return wsgi


@dataclass
class LiveServer:
    """The app serving on 127.0.0.1 in a background thread."""

    app: object
    url: str
    tmp: Path

    def url_for(self, path: str) -> str:
        return self.url + path


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[LiveServer]:
    """One migrated database, one app and one threaded server for the whole e2e session."""
    tmp = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{tmp / 'e2e.db'}"
    migrate.upgrade(url)
    scores.forget_fitted_models()
    app = create_app({
        "ENV_NAME": "test", "TESTING": True, "SECRET_KEY": "e2e", "DATABASE_URL": url,
        "INSTANCE_PATH": str(tmp), "SEARCH_INDEX_DIR": str(tmp / "index"), "RATELIMIT_ENABLED": False,
    })
    # The project's commands are added with add_command (no with_appcontext): only FlaskGroup pushes a
    # context for them, so the test runner needs one pushed here.
    with app.app_context():
        result = app.test_cli_runner().invoke(
            args=["create-user", MODERATOR_EMAIL, "--password", MODERATOR_PASSWORD, "--moderator"])
    assert result.exit_code == 0, result.output
    server = make_server("127.0.0.1", 0, buffered(app), threaded=True, request_handler=QuietHandler)
    app.config["PUBLIC_URL"] = f"http://127.0.0.1:{server.server_port}"  # mailed links point at this server
    thread = threading.Thread(target=server.serve_forever, name="e2e-live-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(app=app, url=f"http://127.0.0.1:{server.server_port}", tmp=tmp)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        app.extensions["craftreview.engine"].dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One Chromium for the session."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class PageProblems:
    """Console errors, uncaught exceptions and failed requests to the app seen by one page."""

    console: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def all(self, allow: tuple[str, ...] = ()) -> list[str]:
        """Every problem, except those mentioning one of the `allow` URLs (expected error pages)."""
        return [p for p in self.console + self.page_errors + self.failed if not any(a in p for a in allow)]


def watch(page, base_url: str) -> PageProblems:
    """Record the problems a broken page causes that a reader may not notice."""
    problems = PageProblems()

    def on_console(message) -> None:
        where = message.location.get("url", "")
        # Chromium asks every site for /favicon.ico on its own; test_site_has_a_favicon covers that 404.
        if message.type == "error" and not where.endswith(FAVICON):
            problems.console.append(f"console error: {message.text} ({where})")

    def on_response(response) -> None:
        if not response.url.startswith(base_url) or response.url.endswith(FAVICON):
            return
        # A document may be an intended error page (404, 403, 400); a sub-resource never should fail.
        if response.status >= 500 or (response.status >= 400 and response.request.resource_type != "document"):
            problems.failed.append(f"HTTP {response.status}: {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.page_errors.append(f"page error: {error}"))
    def on_failed(request) -> None:
        # net::ERR_ABORTED is the browser cancelling a load because the page navigated on (Chromium
        # fetches the icon after the document; a quick next goto aborts it): nothing the app did.
        if request.url.startswith(base_url) and "ERR_ABORTED" not in (request.failure or ""):
            problems.failed.append(f"request failed: {request.url} {request.failure}")

    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    return problems


@dataclass
class Actor:
    """One person at their own browser: a page in a separate BrowserContext (own cookies)."""

    page: object
    problems: PageProblems


@pytest.fixture
def new_actor(browser, live_server) -> Iterator:
    """Factory: a fresh BrowserContext per actor, closed after the test."""
    contexts = []

    def factory() -> Actor:
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        return Actor(page=page, problems=watch(page, live_server.url))

    yield factory
    for context in contexts:
        context.close()


def screenshot_dir(tmp_path_factory) -> Path:
    """CRAFTREVIEW_E2E_SCREENSHOTS when set, else a temp folder."""
    target = os.environ.get("CRAFTREVIEW_E2E_SCREENSHOTS")
    path = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    return screenshot_dir(tmp_path_factory)
