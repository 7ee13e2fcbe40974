"""One Chromium context that loads pages as any user and reports what ran, what became markup, and what it shows."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

from craftreview.models import User
from craftreview.services import login_sessions

from .conftest import FAVICON, TIMEOUT_MS
from .xss_payloads import DOM_SCAN_JS, INIT_SCRIPT, PAGE_TEXT_JS

SETTLE_JS = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
_TAG = re.compile(r"#([a-z]{2})(\d+)")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Visit:
    """A page to load: what kind it is, as whom (a user id, or None), and how many pages to walk (rel=next)."""

    kind: str
    viewer: int | None
    path: str
    walk: int = 1
    expect: frozenset = frozenset()   # (field, payload number) pairs the page must show


@dataclass
class Observation:
    """What one page load did."""

    url: str
    status: int
    fired: list[str] = field(default_factory=list)     # markers called, dialogs opened
    markup: list[str] = field(default_factory=list)    # what the DOM scan found
    csp: list[str] = field(default_factory=list)       # policy violations
    requests: list[str] = field(default_factory=list)  # requests no page of ours makes
    text: str = ""

    def problems(self) -> list[str]:
        return [f"{self.url}: {p}" for p in self.fired + self.markup + self.csp + self.requests]


def squeeze(text: str) -> str:
    """Text without whitespace: how it reads regardless of line breaks, paragraphs and layout."""
    return _SPACE.sub("", text)


def tags_in(text: str) -> set[tuple[str, int]]:
    """The (field, number) tags a page's text mentions: candidates for `shows`."""
    return {(code, int(number)) for code, number in _TAG.findall(text)}


class Probe:
    """A browser context with the markers installed; `enforce_csp=False` tests escaping on its own."""

    def __init__(self, browser, live_server, *, enforce_csp: bool):
        self.app, self.base = live_server.app, live_server.url
        self.context = browser.new_context(base_url=self.base, bypass_csp=not enforce_csp)
        self.context.set_default_timeout(TIMEOUT_MS)
        self.context.add_init_script(INIT_SCRIPT)
        # Anything bound elsewhere is recorded by _request, then refused at once (no DNS wait offline).
        self.context.route(lambda url: not url.startswith((self.base, "data:", "about:")), lambda route: route.abort())
        self.context.expose_binding("__xss", lambda source, number: self._seen.fired.append(
            f"__xss({number}) ran in {source['frame'].url}"))
        self._seen = Observation(url="", status=0)
        self._viewer: int | None = None
        self.spent = False
        self.page = self.new_page()

    def new_page(self):
        """A fresh tab with the listeners (a payload that ran may have left the last one in any state)."""
        page = self.context.new_page()
        page.on("dialog", self._dialog)
        page.on("request", self._request)
        page.on("console", self._console)
        self.page = page
        return page

    def close(self) -> None:
        try:
            self.context.close()
        except PlaywrightError:
            pass  # already gone with a payload that took it down

    def _dialog(self, dialog) -> None:
        self._seen.fired.append(f"{dialog.type}({dialog.message}) opened")
        dialog.dismiss()

    def _request(self, request) -> None:
        parts = urlsplit(request.url)
        ours = request.url.startswith(self.base)
        if request.resource_type == "document" and (ours or request.url.startswith("about:")):
            return
        if ours and (parts.path.startswith("/static/") or parts.path == FAVICON):
            return
        self._seen.requests.append(f"unexpected {request.resource_type} request {request.url}")

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self._seen.csp.append(f"console: {message.text}")

    def log_in(self, user_id: int | None) -> None:
        """Become `user_id` (None: anonymous) with a session cookie signed by the app, as a login would."""
        if user_id == self._viewer:
            return
        self.context.clear_cookies()
        if user_id is not None:
            with self.app.extensions["craftreview.sessions"]() as db:
                login_id = login_sessions.start(db, db.get(User, user_id))
            serializer = self.app.session_interface.get_signing_serializer(self.app)
            self.context.add_cookies([{"name": self.app.config["SESSION_COOKIE_NAME"], "url": self.base,
                                       "value": serializer.dumps({"_user_id": login_id, "_fresh": True})}])
        self._viewer = user_id

    def load(self, path: str) -> Observation:
        """Open `path` and report."""
        self._seen = Observation(url=path, status=0)

        def open_page() -> None:
            response = self.page.goto(path)
            self._seen.status = response.status if response else 0
        return self._inspect(open_page)

    def show(self, html: str, label: str, allow_style: bool = True) -> Observation:
        """Render an HTML document (a mail) as a mail reader would, and report; mails may carry inline style."""
        self._seen = Observation(url=label, status=200)
        return self._inspect(lambda: self.page.set_content(html), allow_style)

    def _inspect(self, open_page, allow_style: bool = False) -> Observation:
        seen = self._seen
        try:
            open_page()
            self.page.evaluate(SETTLE_JS)
            seen.csp += self.page.evaluate("() => window.__cspViolations || []")
            seen.markup = self.page.evaluate(DOM_SCAN_JS, allow_style)
            seen.text = self.page.evaluate(PAGE_TEXT_JS)
        except PlaywrightError as exc:
            # Only something the page ran navigates it away or closes it while it is read.
            seen.markup.append(f"the page did not stay put: {exc.message.splitlines()[0]}")
            if self.page.is_closed():
                self.reopen()
        return seen

    def reopen(self) -> None:
        """A new tab, or with a closed context (a payload took it down) a note that the probe is spent."""
        try:
            self.new_page()
        except PlaywrightError:
            self.spent = True

    def next_page(self) -> str | None:
        """The path behind the page's rel=next link, if any."""
        link = self.page.locator("a[rel~='next']")
        if link.count() == 0:
            return None
        parts = urlsplit(link.first.get_attribute("href") or "")
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def walk(self, visit: Visit) -> list[Observation]:
        """Load the visit's page as its viewer, then follow rel=next up to `visit.walk` pages in all."""
        self.log_in(visit.viewer)
        found, path = [], visit.path
        while path and len(found) < visit.walk:
            found.append(self.load(path))
            path = self.next_page() if len(found) < visit.walk else None
        return found
