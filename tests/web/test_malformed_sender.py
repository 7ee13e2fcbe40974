"""An Origin or Referer header that is no URL (an unclosed IPv6 bracket, which urllib refuses) names no page of this
site: the request is answered as one from elsewhere, never with a 500.

Found by an audit sending POSTs with hostile headers to a running server: a compare edit, a form refused for its
CSRF token, a logged-out form sent to a login page and a rate-limited form each read the header with urlsplit, which
raises ValueError("Invalid IPv6 URL")."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from craftreview import create_app
from craftreview.models import Flag
from tests.conftest import login

MALFORMED = [{"Origin": "http://["}, {"Referer": "http://[/makers"}, {"Origin": "https://[::1"},
             {"Referer": "http://localhost\uff03@[x/"}]


@pytest.fixture
def maker(make_maker):
    return make_maker(name="Ash Loom")


@pytest.mark.parametrize("sender", MALFORMED)
def test_a_compare_edit_from_a_malformed_sender_is_refused_as_from_elsewhere(client, maker, sender):
    for path, data in (("/compare/add", {"maker": maker.slug}), ("/compare/list", {"makers": maker.slug})):
        response = client.post(path, data=data, headers=sender)
        assert response.status_code == 403, (path, response.status_code)
        assert "Compare lists are changed only from this site&#39;s own pages." in response.get_data(as_text=True)
        assert "compare=" not in response.headers.get("Set-Cookie", "")


@pytest.mark.parametrize("sender", MALFORMED)
def test_a_form_without_its_token_from_a_malformed_sender_gets_the_expired_form_page(app, db, make_user, make_review,
                                                                                    maker, sender):
    review = make_review(make_user("author"), maker)
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    login(client, make_user("reader"))
    response = client.post(f"/reviews/{review.id}/flag", data={"reason": "spam", "note": "An advert."},
                           headers=sender)
    assert response.status_code == 400
    assert "The form expired or was sent from elsewhere" in response.get_data(as_text=True)
    assert db.scalar(select(func.count(Flag.id))) == 0


@pytest.mark.parametrize("sender", MALFORMED)
def test_a_logged_out_form_from_a_malformed_sender_goes_to_the_login_page(client, maker, sender):
    response = client.post("/makers/new", data={"name": "Birch"}, headers=sender)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("sender", MALFORMED)
def test_a_rate_limited_form_from_a_malformed_sender_says_to_wait(database_url, tmp_path, sender):
    app = create_app({
        "ENV_NAME": "test", "TESTING": True, "DATABASE_URL": database_url, "INSTANCE_PATH": str(tmp_path),
        "SEARCH_INDEX_DIR": str(tmp_path / "index"), "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": True,
    })
    client = app.test_client()
    statuses = [client.post("/reset-password", data={"email": "nobody@example.com"}, headers=sender).status_code
                for _ in range(6)]
    app.extensions["craftreview.engine"].dispose()
    assert statuses == [302] * 5 + [429]
