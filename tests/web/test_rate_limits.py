"""Login attempts are rate limited with a clear message."""
from craftreview import create_app


def test_login_is_rate_limited_after_ten_attempts(database_url, tmp_path):
    app = create_app({
        "ENV_NAME": "test", "TESTING": True, "DATABASE_URL": database_url, "INSTANCE_PATH": str(tmp_path),
        "SEARCH_INDEX_DIR": str(tmp_path / "index"), "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": True,
    })
    client = app.test_client()
    statuses = [client.post("/login", data={"email": "x@example.com", "password": "wrong password"}).status_code
                for _ in range(11)]
    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429
    page = client.post("/login", data={"email": "x@example.com", "password": "p"}).data
    # the address's limit and the account's both ran out: either says what was used up
    assert b"Too many failed logins came from your network address." in page or \
        b"Too many wrong passwords were tried for this account." in page
    app.extensions["craftreview.engine"].dispose()
