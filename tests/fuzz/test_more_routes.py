"""The routes test_forms and test_queries leave out (account links, compare, notifications, the maker's new links,
moderators' account and mail pages), the arguments they leave out (listing cursors, review filters), raw query
strings and bodies that are not UTF-8, hostile headers and cookies, wrong methods and expired CSRF tokens: never a 5xx,
and a GET or a rejected request changes no table and no index document (World.send)."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from itsdangerous import URLSafeSerializer

from craftreview.models import Notification, Order, User, utcnow
from craftreview.services.orders import hash_token, link_version
from craftreview.services.tokens import CHANGE_EMAIL, CONFIRM_EMAIL, RESET_PASSWORD, issue_token
from craftreview.web.mailing import UNSUBSCRIBE_SALT
from tests.conftest import PASSWORD

from .conftest import EXAMPLES, FUZZ
from .strategies import characters, raw_query, request_body, values
from .test_forms import FORMS as OLD_FORMS
from .test_queries import visit_with_hostile_query_strings

# A tenth of the examples of the older modules (4 by default; FUZZ_EXAMPLES=300 gives 30): these are many more
# endpoints, and the whole module must stay near a minute per database.
SOME = settings(FUZZ, max_examples=max(3, EXAMPLES // 10))
small_ints = st.integers(min_value=-3, max_value=30).map(str)
limits = st.sampled_from((2**31 - 1, 2**31, -(2**31) - 1, 2**63 - 1, 2**63)).map(str)  # INTEGER, BIGINT
stars = st.sampled_from(("1", "3", "5", "0", "6"))


def _add(world, *rows) -> list[int]:
    with world.session() as session:
        session.add_all(rows)
        session.commit()
        return [row.id for row in rows]


def _token(world, purpose: str, **extra) -> str:
    """A live mailed link of `purpose` for a new user (who is logged in to use it, see FORMS)."""
    user_id = world.new_user()
    with world.session() as session:
        token = issue_token(session, session.get(User, user_id), purpose, utcnow(), **extra)
        session.commit()
    world.link_user = user_id
    return token


def _unsubscribe(world, user_id: int, kind: str = "reply") -> str:
    return URLSafeSerializer(world.app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT).dumps([user_id, kind])


def _order(world, maker: str = "maker") -> tuple[int, str]:
    """An open order of the owner's maker: its id and the stamp "Send a new link" sends back."""
    row = Order(maker_id=world.ids[maker], token_hash=hash_token(f"t{utcnow().timestamp()}"),
                buyer_email="later@example.com", item="Bowl", order_type="stock", price_band="25-100",
                ordered_on=date.today() - timedelta(days=5), expires_at=utcnow() + timedelta(days=30))
    (order_id,) = _add(world, row)
    return order_id, link_version(row)


def _notification(world, user: str) -> int:
    return _add(world, Notification(user_id=world.ids[user], kind="reply", title="A reply"))[0]


def _link_user(world):
    return world.link_user


REVIEW_FILTERS = {"craftsmanship": stars, "consistency": stars, "delivery": stars, "verified": st.just("1"),
                  "order": st.sampled_from(("stock", "custom")), "price": st.just("25-100"),
                  "sort": st.sampled_from(("helpful", "newest", "lowest", "highest")), "page": small_ints}
cursors = st.one_of(st.sampled_from(("0_4.5_1", "1_1_1", "0_2026-01-01T00:00:00_1", "0_nan_1", "-1_1_1", "0_1e400_1",
                                     "0_2026-01-01T00:00:00+14:00_1", "9_1_1", "0__", "___")),
                    st.builds("{}_{}_{}".format, small_ints, st.one_of(values, limits), st.one_of(values, limits)))
LISTING_ARGS = {"page": small_ints, "craft": st.sampled_from(("wood", "glass", "")), "place": st.just("Leeds"),
                "tier": st.sampled_from(("master", "skilled", "unproven")), "custom": st.just("1"),
                "max_lead": st.sampled_from(("7", "14", "30", "-1", "1e3")),
                "sort": st.sampled_from(("score", "reviews", "newest", "name")), "after": cursors, "before": cursors}
SEARCH_ARGS = {f"{dim}_{end}": st.sampled_from(("1", "2.5", "5", "0", "6")) for dim in ("craftsmanship", "consistency",
                                                                                   "delivery") for end in ("min", "max")}
SEARCH_ARGS |= {"q": st.sampled_from(("oak", "craft:glass location:leeds", '"even', "mug OR", "NOT")),
                "tab": st.sampled_from(("makers", "reviews")), "min_score": st.sampled_from(("3.5", "4.9", "5.1")),
                "page": small_ints, "sort": st.sampled_from(("relevance", "score", "reviews", "newest")),
                "location": st.sampled_from(("leeds", "Leeds, United Kingdom"))}
PAGES = {
    "search_all_args": (None, lambda w: "/search", SEARCH_ARGS),
    "makers_all_args": (None, lambda w: "/makers", LISTING_ARGS),
    "maker_filters": (None, lambda w: "/makers/hollow-oak", REVIEW_FILTERS),
    "maker_filters_logged_in": ("buyer", lambda w: "/makers/hollow-oak", REVIEW_FILTERS),
    "maker_score_page": (None, lambda w: "/makers/hollow-oak/score", {"page": small_ints}),
    "compare": (None, lambda w: "/compare", {"makers": st.sampled_from(("hollow-oak,glass-works", "x,,y", ""))}),
    "compare_add_link": (None, lambda w: "/compare", {"add": st.sampled_from(("hollow-oak", "no-such"))}),
    "notifications": ("buyer", lambda w: "/notifications", {"page": small_ints}),
    "moderation_mail": ("moderator", lambda w: "/moderation/mail", {"page": small_ints}),
    "moderation_signals": ("moderator", lambda w: "/moderation/signals",
                           {"kind": st.sampled_from(("", "burst")), "page": small_ints}),
    "moderation_account": ("moderator", lambda w: f"/moderation/accounts/{w.ids['buyer']}", {"page": small_ints}),
    "moderation_review_next": ("moderator", lambda w: f"/moderation/reviews/{w.ids['modreview']}",
                               {"next": st.sampled_from(("/moderation/signals", "//evil.example", "/makers"))}),
    "dashboard_replies": ("owner", lambda w: "/dashboard/replies", {"page": small_ints}),
    "dashboard_page": ("owner", lambda w: "/dashboard", {"page": small_ints}),
    "account_delete_page": ("buyer", lambda w: "/account/delete", {}),
    "account_export": ("buyer", lambda w: "/account/export", {}),
    "maker_new_page": ("buyer", lambda w: "/makers/new", {}),
    "maker_edit_page": ("editor", lambda w: f"/makers/{w.slug_of('editable_maker')}/edit", {}),
    "review_edit_page": ("buyer", lambda w: f"/reviews/{w.ids['review']}/edit", {}),
    "reply_page": ("owner", lambda w: f"/reviews/{w.ids['review']}/reply", {}),
    "flag_page": ("flagger", lambda w: f"/reviews/{w.ids['review']}/flag", {}),
    "forgot_password_page": (None, lambda w: "/reset-password", {}),
    "register_next": (None, lambda w: "/register", {"next": st.sampled_from(("/makers", "//evil.example"))}),
    "invitation_page": ("flagger", lambda w: f"/invite/{w.new_invitation()}", {}),
    "reset_page": (None, lambda w: f"/reset-password/{_token(w, RESET_PASSWORD)}", {}),
    "confirm_page": (_link_user, lambda w: f"/confirm-email/{_token(w, CONFIRM_EMAIL)}", {}),
    "unsubscribe_page": (None, lambda w: f"/unsubscribe/{_unsubscribe(w, w.ids['buyer'])}", {}),
}


def _who(world, user):
    return user(world) if callable(user) else user


@pytest.mark.parametrize("name", sorted(PAGES))
def test_more_pages_survive_hostile_query_strings(world, name):
    visit_with_hostile_query_strings(world, name, PAGES[name], SOME)


RAW_PAGES = ("/", "/makers", "/makers/hollow-oak", "/search", "/compare", "/reset-password", "/login", "/register")


@pytest.mark.parametrize("path", RAW_PAGES)
def test_query_strings_that_are_not_utf8_answer_without_a_server_error(world, path):
    @SOME
    @given(raw=raw_query(("q", "page", "craft", "sort", "next", "makers", "place", "after", "consistency", "tab")))
    def visit(raw):
        world.send(f"raw {path}", world.client("buyer"), "GET", f"{path}?{raw}")

    visit()


RATINGS = {"craftsmanship": "4", "consistency": "5", "delivery": "3", "title": "Even glaze",
           "body": "The glaze is even and the handle sits well.", "delivered_on": date.today().isoformat()}
FORMS = {
    "email_change": ("buyer", lambda w: "/account/email", {"em-email": "moved@example.com", "em-password": PASSWORD}),
    "resend_confirmation": (lambda w: w.new_user(), lambda w: "/account/confirm/resend", {}),
    "mail_preferences": ("buyer", lambda w: "/account/mail-preferences",
                         {"mail-reply": "y", "mail-review_new": "y"}),
    "account_delete": (lambda w: w.new_user(), lambda w: "/account/delete",
                       {"reviews": "keep", "password": PASSWORD}),
    "forgot_password": (None, lambda w: "/reset-password", {"email": "buyer@example.com"}),
    "reset_password": (None, lambda w: f"/reset-password/{_token(w, RESET_PASSWORD)}",
                       {"password": PASSWORD + "?", "confirm": PASSWORD + "?"}),
    "confirm_email": (_link_user, lambda w: f"/confirm-email/{_token(w, CONFIRM_EMAIL)}", {}),
    "confirm_email_change": (_link_user, lambda w: f"/confirm-email-change/"
                             f"{_token(w, CHANGE_EMAIL, email=f'new{utcnow().timestamp()}@example.com')}", {}),
    "unsubscribe": (None, lambda w: f"/unsubscribe/{_unsubscribe(w, w.new_user())}", {}),
    "logout_everywhere": (lambda w: w.new_user(), lambda w: "/logout-everywhere", {}),
    "notifications_read": ("buyer", lambda w: "/notifications/read", {}),
    "notification_read": ("buyer", lambda w: f"/notifications/{_notification(w, 'buyer')}/read", {"page": "2"}),
    "compare_add": (None, lambda w: "/compare/add", {"maker": "hollow-oak"}),
    "compare_save": (None, lambda w: "/compare/list", {"makers": "hollow-oak,glass-works", "removed": "edit-me"}),
    "renew_invitation": ("owner", lambda w: "/dashboard/orders/{}/new-link", {"replaces": "0" * 16}),
    "suspend_from_review": ("moderator", lambda w: f"/moderation/users/{w.ids['author2']}/suspend",
                            {"suspend-note": "Ring.", "action": "suspend", "suspend-confirm": "y"}),
    "hide_with_next": ("moderator", lambda w: f"/moderation/reviews/{w.ids['modreview']}/hide?next=/moderation/log",
                       {"hide-reason": "spam", "hide-note": "Advert.", "next": "/moderation/signals"}),
}


def _form_target(world, name: str) -> tuple[str, dict]:
    """The path and valid fields of a form; "Send a new link" needs a fresh order and the stamp of its link."""
    user, path, valid = FORMS[name]
    if name == "renew_invitation":
        order_id, stamp = _order(world)
        return path(world).format(order_id), {**valid, "replaces": stamp}
    if name == "suspend_from_review":
        back = f"/moderation/accounts/{world.ids['author2']}"
        return path(world), {**valid, "review": str(world.ids["modreview"]), "back": back}
    return path(world), valid


@pytest.mark.parametrize("name", sorted(FORMS))
def test_more_forms_survive_hostile_submissions(world, name):
    user = FORMS[name][0]

    @SOME
    @given(data=st.data())
    def submit(data):
        path, valid = _form_target(world, name)
        body = data.draw(request_body(valid))
        world.send(name, world.client(_who(world, user)), "POST", path, **body)

    submit()


@pytest.mark.parametrize("name", ["compare_add", "compare_save", "hide_with_next"])
def test_hostile_referer_origin_and_cookies_answer_without_a_server_error(world, name):
    user = FORMS[name][0]
    headers = st.dictionaries(st.sampled_from(("Referer", "Origin")),
                              st.one_of(values, st.sampled_from(("http://[", "http://localhost/compare?x=1",
                                                                 "http://localhost/\x00", "null"))).filter(
                                  lambda v: v.isascii() and "\n" not in v and "\r" not in v), max_size=2)

    @SOME
    @given(headers=headers, cookie=st.one_of(values, st.just("hollow-oak," * 50)).filter(
        lambda v: v.isascii() and v.isprintable()))
    def submit(headers, cookie):
        path, valid = _form_target(world, name)
        client = world.client(_who(world, user))
        client.set_cookie("compare", cookie.replace(";", "").replace("\x00", "")[:1000])  # quoted, each character may take 4 bytes of a 4 KB cookie
        world.send(f"headers {name}", client, "POST", path, data=valid, headers=headers)

    submit()


TOKEN_ROUTES = ("/confirm-email/{}", "/confirm-email-change/{}", "/reset-password/{}", "/unsubscribe/{}",
                "/invite/{}")
tokens = st.one_of(values, st.text(characters, min_size=1, max_size=300)).filter(lambda v: v and "/" not in v)


@pytest.mark.parametrize("route", TOKEN_ROUTES)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_any_link_token_answers_without_a_server_error(world, route, method):
    @SOME
    @given(token=tokens, user=st.sampled_from((None, "buyer")))
    def visit(token, user):
        world.send(f"token {method} {route}", world.client(user), method, route.format(token),
                   data={"password": PASSWORD + "?", "confirm": PASSWORD + "?"} if method == "POST" else None)

    visit()


def test_unsubscribe_links_of_deleted_or_unknown_accounts_answer_4xx(world):
    """A signed link can outlive its account: a deleted or unknown account, or a kind no longer offered."""
    for user_id, kind in [(2**31 - 1, "reply"), (0, "reply"), (world.ids["buyer"], "no_such_kind"),
                          (-1, "reply")]:
        token = _unsubscribe(world, user_id, kind)
        for method in ("GET", "POST"):
            response = world.send("unsubscribe unknown", world.client(None), method, f"/unsubscribe/{token}")
            assert response.status_code in (404, 410), (user_id, kind, method, response.status_code)


ID_POSTS = {
    "/notifications/{}/read": "buyer", "/dashboard/orders/{}/new-link": "owner", "/reviews/{}/helpful": "flagger",
    "/reviews/{}/withdraw": "author2", "/reviews/{}/republish": "author2", "/moderation/reviews/{}/dismiss": "moderator",
}
ID_GETS = {"/moderation/accounts/{}": "moderator", "/reviews/{}/reply": "otherowner", "/reviews/{}/edit": "author2"}
any_id = st.one_of(st.integers(min_value=-(2**80), max_value=2**80), st.sampled_from((0, 1, 2, 3, 2**31 - 1, 2**31)))


@pytest.mark.parametrize("route", sorted(ID_POSTS) + sorted(ID_GETS))
def test_any_id_even_of_another_users_object_answers_without_a_server_error(world, route):
    """Ids of other users' notifications, orders and reviews, and of none: a 4xx, or the action on one's own."""
    user, method = (ID_POSTS[route], "POST") if route in ID_POSTS else (ID_GETS[route], "GET")
    world.ids.setdefault("other_notification", _notification(world, "author2"))

    @SOME
    @given(value=st.one_of(any_id, st.sampled_from(("review", "modreview", "other_notification", "buyer")).map(
        lambda key: world.ids[key])))
    def visit(value):
        world.send(f"id {method} {route}", world.client(user), method, route.format(value),
                   data={"replaces": "0" * 16} if method == "POST" else None)

    visit()


def _fill(rule: str, samples: dict) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(samples[m.group(1)]), rule)


def test_every_route_refuses_a_method_it_does_not_take(world):
    taken: dict[str, set] = {}  # one address may have a rule per method (/unsubscribe/<token>)
    for rule in world.app.url_map.iter_rules():
        taken.setdefault(rule.rule, set()).update(rule.methods)
    client, before = world.client("moderator"), world.state()  # one digest for them all: a request's takes 0.1 s
    for rule, methods in sorted(taken.items()):
        path = _fill(rule, {"slug": "hollow-oak", "review_id": world.ids["review"], "user_id": world.ids["buyer"],
                            "order_id": 1, "notification_id": 1, "token": "no-such-token", "filename": "style.css"})
        for method in sorted({"GET", "POST", "PUT", "PATCH", "DELETE"} - methods):
            response = client.open(path, method=method, data={"x": "1"})
            # A GET of a form's own address goes to the page the form is on (views._http_error): no dead end.
            assert response.status_code in ((405, 303) if method == "GET" else (405,)), (method, path, response)
    assert world.state() == before


CSRF_FORMS = {**{name: (FORMS[name][0], FORMS[name][1], FORMS[name][2]) for name in (
    "email_change", "account_delete", "mail_preferences", "logout_everywhere", "notifications_read", "renew_invitation",
    "reset_password", "suspend_from_review")}, **{name: (form.user, form.path, form.valid) for name, form in OLD_FORMS.items()
                                                  if name in ("hide", "restore", "dismiss", "maker_new", "maker_edit",
                                                              "review_write", "review_edit", "reply", "flag", "order")}}


@pytest.mark.parametrize("name", sorted(CSRF_FORMS))
@pytest.mark.parametrize(("token", "referer"), [(None, None), ("x" * 20_000, "http://localhost/moderation")])
def test_missing_or_invalid_csrf_token_is_refused_and_changes_nothing(world, name, token, referer):
    """Sent from this site (a Referer), a form whose token expired is drawn again as typed (kept_text): still no write."""
    user, path, valid = CSRF_FORMS[name]
    if name in FORMS:
        path, valid = _form_target(world, name)
    else:
        path = path(world)
    client = world.client(_who(world, user))
    data = valid if token is None else {**valid, "csrf_token": token}
    world.app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = world.send(f"csrf {name}", client, "POST", path, data=data,
                              headers={"Referer": referer} if referer else {})
    finally:
        world.app.config["WTF_CSRF_ENABLED"] = False
    assert 400 <= response.status_code < 500, response.status_code


segments = st.one_of(st.sampled_from(("HOLLOW-OAK", "Hollow-Oak", "edit-me", "EDIT-ME", "glass-works", "İ", "ß")),
                     st.text(characters, min_size=1, max_size=100)).filter(lambda s: "/" not in s and s not in ".." )


@pytest.mark.parametrize("suffix", ["/score", "/review", "/edit", "/", "/score/"])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_any_maker_address_under_a_subpage_answers_without_a_server_error(world, suffix, method):
    """Former addresses, capitals and trailing slashes are redirected (addresses.py), with the query string as sent."""
    @SOME
    @given(segment=segments, raw=raw_query(("page", "sort", "next")))
    def visit(segment, raw):
        world.send(f"maker {method} {suffix}", world.client("editor"), method, f"/makers/{segment}{suffix}?{raw}",
                   data=RATINGS if method == "POST" else None)

    visit()
