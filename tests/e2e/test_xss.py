"""Stored XSS in a real browser (issue 11): every payload through every user text field, on every page and
mail that shows it, in Chromium. Nothing may run (a marker binding, dialogs), nothing may become markup (a DOM
scan for script, handlers, dangerous URLs, frames, styles), no page may request anything it should not, and
each payload must read back as the text that was stored. Escaping is tested with the CSP switched off; the
CSP itself must report no violation, on normal pages and on the pages full of payloads."""
from __future__ import annotations

import json
import time
from collections import defaultdict
from urllib.parse import quote

import pytest
from sqlalchemy import select

from craftreview.errors import InvalidInput
from craftreview.models import OutgoingMail, User
from craftreview.services import accounts
from craftreview.services import makers as maker_service

from .conftest import MODERATOR_EMAIL
from .test_pages import _arrange
from .ui import unique
from .xss_payloads import INERT_IN_CHROMIUM, PAYLOADS, payload
from .xss_probe import Probe, Visit, squeeze, tags_in
from .xss_world import FIELDS, PayloadWorld, arrange, packed, shown

# Single-record pages (one maker, one review, one account) are loaded for the payloads aimed at the contexts
# those pages add: <title>, <textarea>, attribute values, linkified URLs.
SAMPLE_MARKS = ("</title>", "</textarea>", "\" autofocus")


def _sample() -> list[int]:
    return [next(n for n, p in enumerate(PAYLOADS) if mark in p) for mark in SAMPLE_MARKS]


def _expect(number: int, *codes: str) -> frozenset:
    return frozenset((code, number) for code in codes)


def _record_visits(world: PayloadWorld, n: int) -> list[Visit]:
    """The pages of payload n's own records: its maker, its review, its account."""
    user, slug, review = world.users[n], world.makers[n], world.reviews[n]
    return [
        Visit("maker", None, f"/makers/{slug}", expect=_expect(n, "mn", "lo", "bi")),
        Visit("compare", None, "/compare?makers=" + ",".join(world.makers[n:n + 4]), expect=_expect(n, "mn")),
        Visit("write-review", world.buyer, f"/makers/{slug}/review", expect=_expect(n, "mn")),
        Visit("maker-edit", user, f"/makers/{slug}/edit", expect=_expect(n, "mn", "lo", "bi")),
        Visit("review", None, f"/reviews/{review}", expect=_expect(n, "ti", "bo", "dn")),
        Visit("review-edit", user, f"/reviews/{review}/edit", expect=_expect(n, "ti", "bo")),
        Visit("reply-form", world.hub_owner, f"/reviews/{review}/reply", expect=_expect(n, "ti")),
        Visit("flag-form", world.buyer, f"/reviews/{review}/flag", expect=_expect(n, "ti")),
        Visit("my-reviews", user, "/me/reviews", expect=_expect(n, "ti")),
        Visit("account", user, "/account", expect=_expect(n, "dn")),
        Visit("account-delete", user, "/account/delete"),
        Visit("moderation-account", world.moderator, f"/moderation/accounts/{user}", expect=_expect(n, "dn", "ti")),
    ]


def _list_visits(world: PayloadWorld) -> list[Visit]:
    """Pages that list many records: walked page by page."""
    pages = len(PAYLOADS) // 10 + 2
    moderator, owner = world.moderator, world.hub_owner
    return [
        Visit("home", None, "/"),
        Visit("browse", None, "/makers?sort=newest", walk=len(PAYLOADS) // 24 + 2),
        Visit("hub-maker", None, f"/makers/{world.hub_slug}", walk=pages),
        Visit("hub-score", None, f"/makers/{world.hub_slug}/score"),
        Visit("search-makers", None, "/search?q=xss", walk=2),
        Visit("search-reviews", None, "/search?q=xss&tab=reviews", walk=2),
        Visit("dashboard", owner, "/dashboard"),
        Visit("notifications", owner, "/notifications", walk=2 * pages),
        Visit("notifications", world.buyer, "/notifications", walk=pages),
        Visit("notifications", world.users[0], "/notifications"),
        Visit("moderation-queue", moderator, "/moderation"),
        Visit("audit-log", moderator, "/moderation/log", walk=3),
        Visit("ring-signals", moderator, "/moderation/signals"),
        Visit("mail-outbox", moderator, "/moderation/mail", walk=pages),
        *[Visit("moderation-review", moderator, f"/moderation/reviews/{review}") for review in world.moderated],
        # Reflected, not stored: the search box echoes its query.
        *[Visit("search-query", None, "/search?q=" + quote(q)) for q in _queries()],
    ]


def _queries() -> list[str]:
    return [" ".join(PAYLOADS[i:i + 8]).replace("{n}", str(i)) for i in range(0, len(PAYLOADS), 29)]


def _website_visits(world: PayloadWorld) -> list[Visit]:
    """Websites hold several payloads each; only their maker's page shows them."""
    return [Visit("maker", None, f"/makers/{world.makers[n]}", expect=frozenset(tags_in(chunk)))
            for n, chunk in enumerate(packed("ws"))]


def _invitation_visits(world: PayloadWorld) -> list[Visit]:
    """The invited buyer's review form names the maker and the order's items (a few payloads each)."""
    sample = set(_sample())
    return [Visit("invitation", world.buyer, f"/invite/{token}", expect=frozenset(tags_in(items)) | _expect(n, "mn"))
            for n, (token, items) in enumerate(zip(world.invitations, packed("it"), strict=True))
            if sample & {number for _code, number in tags_in(items)}]


def visits(world: PayloadWorld) -> list[Visit]:
    return (_list_visits(world) + _website_visits(world) + _invitation_visits(world)
            + [v for n in _sample() for v in _record_visits(world, n)])


def _shown_on(text: str) -> set[tuple[str, int]]:
    """The (field, payload) values that read back verbatim in a page's text."""
    flat = squeeze(text)
    return {(code, n) for code, n in tags_in(text)
            if code in FIELDS and n < len(PAYLOADS) and squeeze(shown(code, n)) in flat}


@pytest.fixture(scope="module")
def report(request):
    """Collects the counts and prints one summary line at the end of the module."""
    found: dict = {"kinds": defaultdict(set), "loads": 0, "mails": 0, "problems": 0}
    yield found
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    triples = sum(len(seen) for seen in found["kinds"].values())
    pairs = set().union(*found["kinds"].values()) if found["kinds"] else set()
    line = (f"XSS: {len(PAYLOADS)} payloads x {len(FIELDS)} fields; {len(pairs)} payload x field pairs read back "
            f"as text over {len(found['kinds'])} kinds of page and mail; {triples} payload x field x page-kind "
            f"placements; {found['loads']} page loads, {found['mails']} HTML mails; "
            f"arranged in {found.get('arranged', 0):.1f} s; {found['problems']} problems")
    if reporter and capture:
        with capture.global_and_fixture_disabled():
            reporter.write_line(line)


# --- normal pages first: the payload world does not exist yet ----------------------------------------------

def _normal_visits(app, slug: str, review_id: int, emails: dict) -> list[Visit]:
    with app.extensions["craftreview.sessions"]() as db:
        ids = {role: accounts.find_user_by_email(db, email).id for role, email in
               {**emails, "moderator": MODERATOR_EMAIL}.items()}
    anonymous = [("/", "home"), ("/makers", "browse"), (f"/makers/{slug}", "maker"), (f"/reviews/{review_id}", "review"),
                 (f"/makers/{slug}/score", "score"), ("/search?q=walnut", "search"), (f"/compare?makers={slug}", "compare"),
                 ("/search?q=joinery&tab=reviews", "search-reviews")]
    signed_in = [("owner", "/dashboard"), ("owner", f"/makers/{slug}/edit"), ("owner", f"/reviews/{review_id}/reply"),
                 ("buyer", f"/reviews/{review_id}/edit"), ("buyer", "/account"), ("buyer", "/notifications"),
                 ("owner", "/notifications"), ("moderator", "/moderation"), ("moderator", f"/moderation/reviews/{review_id}"),
                 ("moderator", "/moderation/log"), ("moderator", "/moderation/signals"), ("moderator", "/moderation/mail")]
    return ([Visit(kind, None, path) for path, kind in anonymous]
            + [Visit(path, ids[role], path) for role, path in signed_in])


def test_normal_pages_report_no_csp_violation_and_carry_no_script(browser, live_server):
    slug, review_id, emails = _arrange(live_server.app)
    probe = Probe(browser, live_server, enforce_csp=True)
    try:
        problems = [p for visit in _normal_visits(live_server.app, slug, review_id, emails)
                    for seen in probe.walk(visit) for p in seen.problems() + _status(seen)]
    finally:
        probe.close()
    assert problems == [], "\n".join(problems[:40])


def _status(seen) -> list[str]:
    return [] if seen.status == 200 else [f"{seen.url}: HTTP {seen.status}"]


# --- the payload world ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def world(live_server, report) -> PayloadWorld:
    started = time.perf_counter()
    arranged = arrange(live_server.app)
    report["arranged"] = time.perf_counter() - started
    return arranged


def test_no_payload_runs_or_becomes_markup_on_any_page(world, browser, live_server, report):
    probe = Probe(browser, live_server, enforce_csp=False)
    problems, missing = [], []
    try:
        for visit in visits(world):
            here: set = set()
            for seen in probe.walk(visit):
                problems += seen.problems() + _status(seen)
                here |= _shown_on(seen.text)
                report["loads"] += 1
            report["kinds"][visit.kind] |= here
            missing += [f"{visit.path}: {FIELDS[code]} #{n}" for code, n in sorted(visit.expect - here)]
    finally:
        probe.close()
    report["problems"] += len(problems)
    assert problems == [], "\n".join(problems[:40])
    assert missing == [], "escaped payloads must read back as the text that was stored"
    everywhere = set().union(*report["kinds"].values())
    unseen = {(code, n) for code in FIELDS for n in range(len(PAYLOADS))} - everywhere
    by_field = {FIELDS[code]: sorted(n for c, n in unseen if c == code) for code in FIELDS}
    assert {name: numbers for name, numbers in by_field.items() if numbers} == {}, \
        "every payload must reach the browser through every field"


def test_pages_full_of_payloads_report_no_csp_violation_with_the_policy_on(world, browser, live_server):
    probe = Probe(browser, live_server, enforce_csp=True)
    first_of_kind = {}
    for visit in visits(world):
        first_of_kind.setdefault(visit.kind, Visit(visit.kind, visit.viewer, visit.path))
    try:
        problems = [p for visit in first_of_kind.values() for seen in probe.walk(visit) for p in seen.problems()]
    finally:
        probe.close()
    assert problems == [], "\n".join(problems[:40])


def test_html_mails_with_payloads_run_nothing(world, browser, live_server, report):
    with live_server.app.extensions["craftreview.sessions"]() as db:
        mails = db.execute(select(OutgoingMail.id, OutgoingMail.html_body).where(
            OutgoingMail.id > world.first_mail_id, OutgoingMail.html_body.is_not(None))).all()
    probe = Probe(browser, live_server, enforce_csp=False)
    problems, here = [], set()
    try:
        for mail_id, html in mails:
            seen = probe.show(html, f"mail #{mail_id}")
            problems += seen.problems()
            here |= _shown_on(seen.text)
    finally:
        probe.close()
    report["kinds"]["html-mail"] |= here
    report["mails"] += len(mails)
    report["problems"] += len(problems)
    assert problems == [], "\n".join(problems[:40])
    # Mails quote maker names, titles, bodies, replies, items and display names.
    assert {code for code, _n in here} >= {"mn", "ti", "bo", "re", "it", "dn"}


def test_account_export_is_json_that_no_browser_renders_as_a_page(world, browser, live_server):
    probe = Probe(browser, live_server, enforce_csp=False)
    try:
        probe.log_in(world.users[0])
        response = probe.context.request.get("/account/export")
    finally:
        body, headers = response.body(), response.headers
        probe.close()
    assert response.status == 200
    assert headers["content-type"].startswith("application/json")
    assert headers["x-content-type-options"] == "nosniff"
    assert headers.get("content-disposition", "").startswith("attachment")
    assert shown("ti", 0) in json.loads(body)["reviews"][0]["title"]


@pytest.mark.parametrize("website", ["javascript:__xss(1)", " JavaScript:__xss(2)", "data:text/html,<script>",
                                     "vbscript:msgbox(3)", "//evil.example", "x.example"])
def test_a_maker_website_other_than_an_http_link_is_refused(live_server, website):
    with live_server.app.extensions["craftreview.sessions"]() as db:
        owner = db.scalar(select(User).where(User.email == MODERATOR_EMAIL))
        with pytest.raises(InvalidInput) as refused:
            maker_service.create_maker(db, owner, maker_service.MakerInput(
                name="Linky", slug=unique("linky-"), craft="wood", website=website))
    assert refused.value.field == "website"


def test_packed_fields_hold_every_payload_within_their_form_limits():
    for code in ("re", "fn", "be", "it", "em"):
        chunks = packed(code)
        assert "".join(chunks).count(f"#{code}") == len(PAYLOADS)
    assert len(packed("be")) == 1  # one edited body carries them all
    assert len(PAYLOADS) >= 60 and len(set(PAYLOADS)) == len(PAYLOADS)
    assert max(len(p.replace("{n}", "99")) for p in PAYLOADS) <= 54


# --- the probes themselves: each payload is caught when a page does not escape it ---------------------------

# The same payload raw in each context the site puts user text in (text, attributes, <title>, <textarea>,
# a link target) and in a script string, which the site never has: a page that forgot to escape.
UNESCAPED = ("<!doctype html><html><head><title>P</title></head><body><p>P</p><p title=\"P\">.</p>"
             "<p title='P'>.</p><p title=P>.</p><textarea>P</textarea><a href=\"P\">link</a>"
             "<script>var d = \"P\", s = 'P';</script></body></html>")
TEMPLATE_SCRIPT = "inline script <script>var d = "
EMBEDDING = ("<embed", "<object", "<iframe")
def _caught(seen, number: int) -> bool:
    found = [m for m in seen.markup if not m.startswith(TEMPLATE_SCRIPT)]
    return bool(seen.fired or found or seen.requests or squeeze(payload(number)) not in squeeze(seen.text))


def test_every_payload_is_caught_when_a_page_does_not_escape_it(browser, live_server):
    probe = Probe(browser, live_server, enforce_csp=False)
    try:
        missed = []
        for n in range(len(PAYLOADS)):
            probe.page.goto("about:blank")  # nothing of the last payload lingers
            if not _caught(probe.show(UNESCAPED.replace("P", payload(n)), f"payload {n}", allow_style=False), n):
                missed.append(payload(n))
            if payload(n).startswith(EMBEDDING):
                # Chromium closes the whole browser when a frame's script runs after a data: <embed> ran
                # in the same tab: a tab of its own for each embedding payload.
                probe.page.close()
                probe.new_page()
    finally:
        probe.close()
    uncaught = [p for p in missed if not p.startswith(INERT_IN_CHROMIUM)]
    assert uncaught == [], "\n".join(uncaught)


def test_the_policy_probe_reports_inline_script_and_handlers(browser, live_server):
    probe = Probe(browser, live_server, enforce_csp=True)
    policy = "default-src 'self'; script-src 'self'; style-src 'self'"
    probe.context.route("**/csp-control", lambda route: route.fulfill(
        status=200, content_type="text/html", headers={"Content-Security-Policy": policy},
        body="<p>x</p><script>__xss(1)</script><img src=/static/style.css onload=__xss(2)><b style=color:red>x</b>"))
    try:
        seen = probe.load("/csp-control")
    finally:
        probe.close()
    assert seen.fired == [] and len(seen.csp) >= 3, seen.csp
