"""CSRF: with protection on (as in production), no POST without a valid token changes anything,
and no GET ever changes anything.

POSTs are sent as the role the access matrix *allows*, so the missing token is the only
reason left to refuse them. A request with a valid token must go through (the control that
shows these tests can tell the difference).
"""
from __future__ import annotations

import re

import pytest

from tests.conftest import PASSWORD
from tests.web.test_access_matrix import ALLOW, ROLES, ROUTES, World, act_as, build_world, changed_tables, snapshot

CSRF_MESSAGE = "The form expired or was sent from elsewhere"


@pytest.fixture
def csrf_app(app):
    """The test app with CSRF protection switched back on."""
    app.config["WTF_CSRF_ENABLED"] = True
    return app


@pytest.fixture
def engine(app):
    return app.extensions["craftreview.engine"]


@pytest.fixture
def world(db, make_user, make_maker) -> World:
    return build_world(db, make_user, make_maker)


def allowed_role(route) -> str:
    return next(role for role in ROLES if route.expected[role] == ALLOW)


def csrf_token_of(client, url: str = "/account") -> str:
    html = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def assert_refused_for_csrf(response) -> None:
    assert response.status_code == 400, response.status_code
    assert CSRF_MESSAGE in response.get_data(as_text=True)


# ---------------------------------------------------------------------------------------------
# POST without a token
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("route", [pytest.param(r, id=f"{allowed_role(r)}-POST-{r.id}") for r in ROUTES])
def test_post_without_csrf_token_is_refused_and_changes_nothing(csrf_app, engine, world, route):
    client = csrf_app.test_client()
    act_as(client, world, allowed_role(route))
    url, data = route.request(world)
    before = snapshot(engine)
    response = client.post(url, data=data)
    assert_refused_for_csrf(response)
    assert changed_tables(before, snapshot(engine)) == set()


@pytest.mark.parametrize("route", [pytest.param(r, id=f"{allowed_role(r)}-POST-{r.id}") for r in ROUTES])
def test_post_with_a_forged_csrf_token_is_refused(csrf_app, engine, world, route):
    client = csrf_app.test_client()
    act_as(client, world, allowed_role(route))
    url, data = route.request(world)
    before = snapshot(engine)
    response = client.post(url, data={**data, "csrf_token": "forged.token.value"})
    assert_refused_for_csrf(response)
    assert changed_tables(before, snapshot(engine)) == set()


def test_csrf_token_from_another_session_is_refused(csrf_app, engine, world):
    stranger = csrf_app.test_client()
    act_as(stranger, world, "other_buyer")
    token = csrf_token_of(stranger)
    victim = csrf_app.test_client()
    act_as(victim, world, "buyer")
    before = snapshot(engine)
    response = victim.post("/account/name", data={"nm-display_name": "Pwned", "csrf_token": token})
    assert_refused_for_csrf(response)
    assert snapshot(engine) == before


def test_login_without_csrf_token_is_refused_and_logs_nobody_in(csrf_app, engine, world):
    client = csrf_app.test_client()
    response = client.post("/login", data={"email": world.users["buyer"].email, "password": PASSWORD})
    assert_refused_for_csrf(response)
    assert b"My reviews" not in client.get("/").data


def test_register_without_csrf_token_is_refused_and_creates_no_account(csrf_app, engine):
    client = csrf_app.test_client()
    before = snapshot(engine)
    response = client.post("/register", data={"email": "new@example.com", "display_name": "Newcomer",
                                              "password": PASSWORD, "confirm": PASSWORD})
    assert_refused_for_csrf(response)
    assert snapshot(engine) == before


def test_csrf_refusal_is_json_for_json_clients(csrf_app, world):
    client = csrf_app.test_client()
    act_as(client, world, "buyer")
    response = client.post("/account/name", data={"nm-display_name": "X Y"}, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert CSRF_MESSAGE in response.json["error"]


@pytest.mark.parametrize("route_id", ["account-name", "review-flag", "moderation-hide", "invitation", "logout"])
def test_post_with_valid_csrf_token_goes_through(csrf_app, engine, world, route_id):
    """Control: the same requests succeed once they carry the session's token."""
    route = next(r for r in ROUTES if r.id == route_id)
    client = csrf_app.test_client()
    actor = act_as(client, world, allowed_role(route))
    url, data = route.request(world)
    token = csrf_token_of(client)
    before = snapshot(engine)
    response = client.post(url, data={**data, "csrf_token": token})
    assert response.status_code in (200, 302), response.status_code
    route.check(world, actor, before, snapshot(engine))


# ---------------------------------------------------------------------------------------------
# GET never changes state
# ---------------------------------------------------------------------------------------------

def _values(world: World) -> dict[str, list]:
    users = world.users
    return {
        "slug": [world.maker.slug, world.other_maker.slug, "no-such-maker"],
        "review_id": [world.review.id, world.withdrawn.id, world.hidden.id, 999_999],
        "token": [world.token, "not-a-token"],
        "user_id": [users["buyer"].id, users["suspended"].id],
        "filename": ["style.css"],
        "notification_id": [1, 999_999],
        "order_id": [world.order_id, 999_999],
    }


EXTRA_GETS = ["/search?q=walnut", "/search?q=oak&tab=reviews&sort=newest", "/makers?craft=wood&sort=newest",
              "/?page=2", "/login?next=/dashboard", "/logout?next=/", "/moderation?page=2", "/moderation/log?page=2"]


def every_get_url(app, world: World) -> list[str]:
    """Every route of the app (POST-only ones too: a GET there must change nothing) with real arguments."""
    values, urls = _values(world), list(EXTRA_GETS)
    for rule in app.url_map.iter_rules():
        unknown = set(rule.arguments) - set(values)
        assert not unknown, f"add sample values for {unknown} ({rule.rule}) to this test"
        combos = [{}]
        for arg in sorted(rule.arguments):
            combos = [{**c, arg: v} for c in combos for v in values[arg]]
        with app.test_request_context():
            urls.extend(app.url_for(rule.endpoint, **c) for c in combos)
    return sorted(set(urls))


@pytest.mark.parametrize("role", ["anonymous", "buyer", "maker_owner", "other_maker", "moderator", "suspended"])
def test_get_requests_never_change_the_database(app, engine, world, role):
    urls = every_get_url(app, world)
    assert len(urls) > 40
    client = app.test_client()
    act_as(client, world, role)
    before = snapshot(engine)
    problems = []
    for url in urls:
        response = client.get(url)
        response.close()  # static files are streamed from an open file
        if response.status_code >= 500:
            problems.append(f"{role} GET {url} -> {response.status_code}")
        changed = changed_tables(before, snapshot(engine))
        if changed:
            problems.append(f"{role} GET {url} changed {sorted(changed)}")
            before = snapshot(engine)
    assert problems == []
