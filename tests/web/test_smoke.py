"""Pages render for anonymous visitors."""
from tests.conftest import login


def test_home_page_explains_the_site(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Find makers you can trust" in response.data


def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.json == {"status": "ok", "database": "ok"}


def test_maker_page_shows_review_and_score(client, make_maker, make_user, make_review):
    maker = make_maker()
    make_review(make_user("buyer"), maker)
    response = client.get(f"/makers/{maker.slug}")
    assert response.status_code == 200
    assert b"Lovely bowl, slightly late" in response.data
    assert b"How good is this maker?" in response.data


def test_logged_in_user_sees_account_links(client, make_user):
    login(client, make_user("alice"))
    response = client.get("/")
    assert b"My reviews" in response.data


def test_oversized_request_is_refused_with_413_and_a_message(client, make_user):
    login(client, make_user())
    response = client.post("/account/name", data={"nm-display_name": "x" * (2 * 1024 * 1024)})
    assert response.status_code == 413
    assert b"too large" in response.data


def test_oversized_login_is_refused_with_413_not_a_crash_in_its_log_or_rate_limit(client):
    # The rate limits and the security log read the posted email after the body was refused: found by
    # the form fuzzer (a login body over the size limit raised 413 again in the after-request log).
    response = client.post("/login", data={"email": "\U00010000" * (300 * 1024), "password": "x"})
    assert response.status_code == 413
    assert b"too large" in response.data


def test_unknown_review_is_a_404_page_not_a_crash(client):
    response = client.get("/reviews/987654")
    assert response.status_code == 404
    assert b"does not exist" in response.data


def test_non_numeric_page_falls_back_to_the_first_page(client, make_maker):
    maker = make_maker()
    assert client.get(f"/makers/{maker.slug}?page=abc").status_code == 200


def test_a_method_the_address_does_not_take_is_a_405_that_names_the_ones_it_does(client):
    response = client.delete("/makers")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}  # RFC 9110: a 405 says which
    assert "That action is not allowed here." in response.get_data(as_text=True)


def test_opening_a_form_only_address_in_the_browser_says_it_has_no_page(client):
    response = client.get("/logout")  # a bookmarked or typed /logout, say
    assert response.status_code == 405 and set(response.headers["Allow"].split(", ")) == {"POST", "OPTIONS"}
    page = response.get_data(as_text=True)
    assert "This address only takes a form sent from its page on the site; it has no page to show." in page
