"""Every form under hostile bodies: never a 5xx; a rejected submission changes no table and no index document."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import PASSWORD

from .conftest import FUZZ
from .strategies import recent, request_body

RATINGS = {"craftsmanship": "4", "consistency": "5", "delivery": "3", "title": "Even glaze, a week late",
           "body": "The glaze is even and the handle sits well. It came a week late.", "delivered_on": recent(3)}
MAKER = {"name": "Fuzz Studio", "slug": "fuzz-studio", "craft": "wood", "location": "York, United Kingdom",
         "bio": "Spoons.", "website": "https://example.com", "accepts_custom": "y", "lead_time_days": "14"}


@dataclass
class Form:
    """One form: who submits it, where (a function of the world: some need a fresh user or link), valid values."""

    user: str | Callable | None
    path: Callable
    valid: dict


FORMS = {
    "register": Form(None, lambda w: "/register",
                     {"email": "new@example.com", "display_name": "Newcomer", "password": PASSWORD,
                      "confirm": PASSWORD}),
    "login": Form(None, lambda w: "/login?next=/makers",
                  {"email": "buyer@example.com", "password": PASSWORD, "remember": "y"}),
    "logout": Form("leaver", lambda w: "/logout", {}),
    "account_name": Form("renamer", lambda w: "/account/name", {"nm-display_name": "Renamed"}),
    "account_password": Form("changer", lambda w: "/account/password",
                             {"pw-current_password": PASSWORD, "pw-new_password": PASSWORD + "!",
                              "pw-confirm": PASSWORD + "!"}),
    "maker_new": Form(lambda w: w.new_user(), lambda w: "/makers/new", MAKER),
    "maker_edit": Form("editor", lambda w: f"/makers/{w.slug_of('editable_maker')}/edit",
                       {**MAKER, "slug": "edit-me"}),
    "review_write": Form(lambda w: w.new_user(), lambda w: "/makers/hollow-oak/review",
                         {**RATINGS, "order_type": "stock", "price_band": "25-100", "ordered_on": recent(30),
                          "promised_by": recent(10)}),
    "review_edit": Form("buyer", lambda w: f"/reviews/{w.ids['review']}/edit", RATINGS),
    "invitation": Form(lambda w: w.new_user(), lambda w: f"/invite/{w.new_invitation()}", RATINGS),
    "reply": Form("owner", lambda w: f"/reviews/{w.ids['review']}/reply",
                  {"body": "Thank you, the delay was the kiln."}),
    "flag": Form("flagger", lambda w: f"/reviews/{w.ids['review']}/flag",
                 {"reason": "other", "note": "Not a buyer.", "revision": "0"}),
    "helpful": Form("flagger", lambda w: f"/reviews/{w.ids['review']}/helpful", {}),
    "withdraw": Form("buyer", lambda w: f"/reviews/{w.ids['review']}/withdraw", {}),
    "republish": Form("buyer", lambda w: f"/reviews/{w.ids['review']}/republish", {}),
    "order": Form("owner", lambda w: "/dashboard",
                  {"buyer_email": "someone@example.com", "item": "Walnut bowl", "order_type": "custom",
                   "price_band": "25-100", "ordered_on": recent(10), "promised_by": recent(1)}),
    "hide": Form("moderator", lambda w: f"/moderation/reviews/{w.ids['modreview']}/hide",
                 {"hide-reason": "spam", "hide-note": "Advert."}),
    "restore": Form("moderator", lambda w: f"/moderation/reviews/{w.ids['modreview']}/restore",
                    {"restore-note": "Checked.", "restore-confirm": "y"}),
    "dismiss": Form("moderator", lambda w: f"/moderation/reviews/{w.ids['modreview']}/dismiss",
                    {"dismiss-note": "Fine."}),
    "suspend": Form("moderator", lambda w: f"/moderation/users/{w.ids['target']}/suspend",
                    {"suspend-note": "Abuse.", "action": "reinstate", "back": "/moderation/log"}),
}


@pytest.mark.parametrize("name", sorted(FORMS))
def test_form_survives_hostile_submissions(world, name):
    form = FORMS[name]

    @FUZZ
    @given(body=request_body(form.valid))
    def submit(body):
        user = form.user(world) if callable(form.user) else form.user
        world.send(name, world.client(user), "POST", form.path(world), **body)

    submit()


@given(user_id=st.integers(min_value=-(2**80), max_value=2**80))
@FUZZ
def test_suspend_form_with_any_user_id_answers_4xx_or_acts(world, user_id):
    world.send("suspend_any_id", world.client("moderator"), "POST", f"/moderation/users/{user_id}/suspend",
               data={"suspend-note": "x", "action": "reinstate"})
