"""Every page under hostile query strings and path ids: never a 5xx, never a write."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import FUZZ
from .strategies import characters, query_string, values

small_ints = st.integers(min_value=-3, max_value=30).map(str)
words = st.sampled_from(("oak", "glaze", '"even glaze"', "-late", "craft:wood", "location:leeds", "bowl*"))
SEARCH_ARGS = {"q": words, "tab": st.sampled_from(("makers", "reviews")), "page": small_ints,
               "sort": st.sampled_from(("relevance", "score", "reviews", "newest")),
               "craft": st.sampled_from(("wood", "glass")), "location": st.just("Leeds"),
               "tier": st.sampled_from(("master", "skilled", "unproven")), "min_score": st.just("3.5"),
               "custom": st.just("1"), "verified": st.just("1"), "craftsmanship_min": small_ints,
               "delivery_max": small_ints}
LISTING_ARGS = {"page": small_ints, "craft": st.sampled_from(("wood", "glass", "")),
                "sort": st.sampled_from(("score", "reviews", "newest", "name"))}
PAGES = {
    "home": (None, lambda w: "/", LISTING_ARGS),
    "makers": (None, lambda w: "/makers", LISTING_ARGS),
    "maker": (None, lambda w: "/makers/hollow-oak", {"page": small_ints}),
    "maker_score": (None, lambda w: "/makers/hollow-oak/score", {}),
    "search": (None, lambda w: "/search", SEARCH_ARGS),
    "review": (None, lambda w: f"/reviews/{w.ids['review']}", {}),
    "my_reviews": ("buyer", lambda w: "/me/reviews", {"page": small_ints}),
    "dashboard": ("owner", lambda w: "/dashboard", {}),
    "moderation_queue": ("moderator", lambda w: "/moderation", {"page": small_ints}),
    "moderation_log": ("moderator", lambda w: "/moderation/log", {"page": small_ints}),
    "moderation_review": ("moderator", lambda w: f"/moderation/reviews/{w.ids['modreview']}", {}),
    "login": (None, lambda w: "/login", {"next": st.sampled_from(("/makers", "//evil.example", "/\\x"))}),
    "register": (None, lambda w: "/register", {}),
    "account": ("buyer", lambda w: "/account", {}),
    "review_form": ("flagger", lambda w: "/makers/glass-works/review", {}),
    "healthz": (None, lambda w: "/healthz", {}),
}
ID_ROUTES = ("/reviews/{}", "/reviews/{}/edit", "/reviews/{}/flag", "/reviews/{}/reply", "/moderation/reviews/{}")
ids = st.one_of(st.integers(min_value=-(2**80), max_value=2**80).map(str), values.filter(lambda v: "/" not in v))


def visit_with_hostile_query_strings(world, name: str, page: tuple, examples) -> None:
    """GET one page (user, path, known arguments) under `examples` hostile query strings (World.send checks each).
    The user may be a function of the world, called once the path is made (making the path may make the user)."""
    user, path, known = page

    @examples
    @given(args=query_string(known))
    def visit(args):
        target = path(world)
        who = user(world) if callable(user) else user
        world.send(name, world.client(who), "GET", target, query_string=args)

    visit()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_survives_hostile_query_strings(world, name):
    visit_with_hostile_query_strings(world, name, PAGES[name], FUZZ)


@pytest.mark.parametrize("route", ID_ROUTES)
def test_any_path_id_answers_without_a_server_error(world, route):
    @FUZZ
    @given(value=ids)
    def visit(value):
        response = world.send(f"id {route}", world.client("moderator"), "GET", route.format(value))
        if value.isascii() and value.isdigit() and (len(value) > 19 or int(value) >= 2**63):
            assert response.status_code == 404

    visit()


@FUZZ
@given(segment=st.text(characters, min_size=1, max_size=300).filter(lambda s: "/" not in s))
def test_any_maker_address_answers_without_a_server_error(world, segment):
    world.send("maker by slug", world.client(None), "GET", f"/makers/{segment}")
