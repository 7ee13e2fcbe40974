"""SECRET_KEY_FALLBACKS: what an earlier key signed still verifies, what is signed now uses SECRET_KEY.

Rotating SECRET_KEY ended at once every unsubscribe link in mail already sent, every login and every trusted-device
cookie: nothing verified against any key but the current one."""
from __future__ import annotations

import pytest
from itsdangerous import URLSafeSerializer

from craftreview.config import load_config
from craftreview.web.mailing import UNSUBSCRIBE_SALT
from craftreview.web.signing import serializer
from tests.conftest import login

OLD, NEW = "test-secret", "the-new-secret-key"  # the app fixture's key is the old one


def _rotate(app, fallbacks: list[str]) -> None:
    app.config.update(SECRET_KEY=NEW, SECRET_KEY_FALLBACKS=fallbacks)


@pytest.mark.parametrize(("fallbacks", "status"), [([OLD], 200), ([], 404), (["some-other-key"], 404)])
def test_an_unsubscribe_link_signed_with_the_old_key_works_only_while_the_key_is_a_fallback(
        app, client, make_user, fallbacks, status):
    token = URLSafeSerializer(OLD, salt=UNSUBSCRIBE_SALT).dumps([make_user("reader").id, "reply"])
    assert client.get(f"/unsubscribe/{token}").status_code == 200
    _rotate(app, fallbacks)
    assert client.get(f"/unsubscribe/{token}").status_code == status


def test_what_is_signed_after_the_rotation_uses_the_new_key(app):
    _rotate(app, [OLD])
    with app.app_context():
        token = serializer(UNSUBSCRIBE_SALT).dumps([1, "reply"])
    assert URLSafeSerializer(NEW, salt=UNSUBSCRIBE_SALT).loads(token) == [1, "reply"]
    assert token != URLSafeSerializer(OLD, salt=UNSUBSCRIBE_SALT).dumps([1, "reply"])


@pytest.mark.parametrize(("fallbacks", "logged_in"), [([OLD], True), ([], False)])
def test_a_login_made_under_the_old_key_lasts_while_the_key_is_a_fallback(app, client, make_user, fallbacks,
                                                                          logged_in):
    member = make_user("stays")
    login(client, member)
    assert client.get("/account").status_code == 200
    _rotate(app, fallbacks)
    assert (client.get("/account").status_code == 200) is logged_in


def test_the_fallbacks_are_read_from_the_environment_oldest_first(monkeypatch):
    monkeypatch.setenv("SECRET_KEY_FALLBACKS", "oldest, older  old")
    assert load_config({"ENV_NAME": "test"})["SECRET_KEY_FALLBACKS"] == ["oldest", "older", "old"]
